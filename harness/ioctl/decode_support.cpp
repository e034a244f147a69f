#include "harness/ioctl/decode_support.hpp"

#include <algorithm>
#include <cstdio>

namespace cdcts::ioctl::detail {

bool present(Decoded& node, Bytes bytes, std::size_t offset, std::size_t size, std::string_view what)
{
    if (offset <= bytes.size() && size <= bytes.size() - offset) return true;
    node.addNote("cut short: " + std::string(what) + " needs bytes " + std::to_string(offset) + ".." +
                 std::to_string(offset + size - 1) + ", only " + std::to_string(bytes.size()) + " returned");
    return false;
}

Bytes slice(Bytes bytes, std::size_t offset, std::size_t size)
{
    if (offset >= bytes.size()) return {};
    return bytes.subspan(offset, std::min(size, bytes.size() - offset));
}

std::uint16_t loadLe16(const std::uint8_t* p)
{
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::int64_t loadLe64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return static_cast<std::int64_t>(v);
}

std::string hex(std::uint64_t value, int digits)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%0*llX", digits, static_cast<unsigned long long>(value));
    return text;
}

std::string msfText(std::uint8_t m, std::uint8_t s, std::uint8_t f)
{
    char text[32];
    std::snprintf(text, sizeof text, "%02u:%02u:%02u", unsigned{m}, unsigned{s}, unsigned{f});
    std::string out = text;
    if (s >= 60 || f >= 75) out += " (invalid MSF)";
    return out;
}

std::int64_t msfToLba(std::uint8_t m, std::uint8_t s, std::uint8_t f)
{
    return std::int64_t{m} * 4500 + std::int64_t{s} * 75 + std::int64_t{f} - 150;
}

void addAddress(Decoded& node, const std::uint8_t* address, bool msf)
{
    if (msf) {
        node.add("Address", msfText(address[1], address[2], address[3]));
        node.add("Lba", msfToLba(address[1], address[2], address[3]));
    } else {
        // Signed: lead-in and pregap addresses before LBA 0 are negative.
        node.add("Lba", std::int64_t{static_cast<std::int32_t>(loadBe32(address))});
    }
}

std::string controlText(std::uint8_t control)
{
    std::string text = hex(control, 1) + " (";
    text += (control & 0x4) ? "data track" : "audio";
    if (control & 0x8) text += (control & 0x4) ? ", reserved bit 3" : ", four-channel";
    if (control & 0x1) text += (control & 0x4) ? ", incremental" : ", pre-emphasis";
    text += (control & 0x2) ? ", copy permitted" : ", copy prohibited";
    return text + ")";
}

std::string adrText(std::uint8_t adr)
{
    switch (adr) {
    case 0: return "0 (no mode information)";
    case 1: return "1 (current position)";
    case 2: return "2 (media catalog number)";
    case 3: return "3 (ISRC)";
    default: return std::to_string(adr) + " (reserved)";
    }
}

std::string trackNumberText(std::uint8_t track)
{
    return track == 0xAA ? "170 (lead-out)" : std::to_string(track);
}

std::string deviceString(Bytes bytes)
{
    std::size_t end = bytes.size();
    while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) --end;
    std::string out;
    for (std::size_t i = 0; i < end; ++i) {
        const std::uint8_t c = bytes[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", unsigned{c});
            out += escaped;
        }
    }
    return out;
}

DescriptorArea measureDescriptorArea(Bytes out, std::size_t descriptorSize, std::string_view descriptorName)
{
    DescriptorArea area;
    const std::size_t announced = std::size_t{loadBe16(out.data())} + 2;
    if (announced < 4) {
        area.notes.push_back("Length " + std::to_string(announced - 2) + " does not even cover the header");
        return area;
    }
    const std::size_t end = std::min(out.size(), announced);
    const std::size_t bytes = end - 4;
    area.count = bytes / descriptorSize;
    const std::size_t stray = bytes % descriptorSize;
    const std::string name(descriptorName);
    if (out.size() < announced) {
        if (stray != 0)
            area.notes.push_back("cut short: " + name + "[" + std::to_string(area.count) + "] has " +
                                 std::to_string(stray) + " of " + std::to_string(descriptorSize) + " bytes");
        area.notes.push_back("cut short: Length announces " + std::to_string(announced) + " bytes, " +
                             std::to_string(out.size()) + " returned");
    } else if (stray != 0) {
        area.notes.push_back("Length " + std::to_string(announced - 2) + " leaves " + std::to_string(stray) +
                             " bytes that are not a whole " + name);
    }
    if (out.size() > announced)
        area.notes.push_back(std::to_string(out.size() - announced) + " bytes after the Length-announced end ignored");
    return area;
}

}  // namespace cdcts::ioctl::detail
