#include "harness/core/hex.hpp"

#include <stdexcept>

namespace cdcts {
namespace {
int nibble(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::vector<std::uint8_t> parseHex(std::string_view text)
{
    if (text.starts_with("0x") || text.starts_with("0X")) text.remove_prefix(2);
    std::vector<std::uint8_t> out;
    int high = -1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == ':' || c == '-' || c == '\t') {
            if (high >= 0) throw std::invalid_argument("hex: odd digit before separator at position " + std::to_string(i));
            continue;
        }
        const int v = nibble(c);
        if (v < 0) throw std::invalid_argument("hex: '" + std::string(1, c) + "' at position " + std::to_string(i) + " is not a hex digit");
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0) throw std::invalid_argument("hex: odd number of digits");
    return out;
}

std::string formatHex(std::span<const std::uint8_t> bytes, std::size_t perLine)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0) out += (perLine != 0 && i % perLine == 0) ? '\n' : ' ';
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xF];
    }
    return out;
}

}  // namespace cdcts
