#include "reports/xml_text.hpp"

#include <cstdint>

namespace cdcts::reports {

namespace {

// The Char production of XML 1.0 (fifth edition), section 2.2.
bool isXmlChar(std::uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool isContinuation(unsigned char byte) { return (byte & 0xC0u) == 0x80u; }

// Length of the well-formed UTF-8 sequence at text[pos] (RFC 3629: no overlongs, no surrogates, nothing
// above U+10FFFF) and its code point; 0 when the bytes there are not one.
std::size_t decodeUtf8(std::string_view text, std::size_t pos, std::uint32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80;  // the allowed range of the second byte, narrowed for some leads
    unsigned char high = 0xBF;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if (!isContinuation(byte(i))) return 0;
        cp = (cp << 6) | (byte(i) & 0x3Fu);
    }
    return length;
}

void appendEscapedByte(std::string& out, unsigned char byte) {
    constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0Fu];
}

}  // namespace

std::string xmlSafe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::uint32_t cp = 0;
        const std::size_t length = decodeUtf8(text, pos, cp);
        if (length != 0 && isXmlChar(cp)) {
            out.append(text.substr(pos, length));
            pos += length;
        } else {
            // One byte at a time: the bytes after a bad lead are judged on their own.
            appendEscapedByte(out, static_cast<unsigned char>(text[pos]));
            ++pos;
        }
    }
    return out;
}

std::string truncateUtf8(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string{text};
    constexpr std::string_view kEllipsis = "...";
    const bool room = maxBytes > kEllipsis.size();
    std::size_t cut = room ? maxBytes - kEllipsis.size() : maxBytes;
    while (cut > 0 && isContinuation(static_cast<unsigned char>(text[cut]))) --cut;
    std::string out{text.substr(0, cut)};
    if (room) out += kEllipsis;
    return out;
}

}  // namespace cdcts::reports
