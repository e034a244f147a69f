#pragma once
// Internal to the decoders (decode_*.cpp): bounds checks that leave a note, and the formatting of addresses,
// bit sets and device strings shared by several replies.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/decoded.hpp"

namespace cdcts::ioctl::detail {

using Bytes = std::span<const std::uint8_t>;

// True when [offset, offset + size) lies inside bytes; otherwise adds a note to node saying what is missing.
bool present(Decoded& node, Bytes bytes, std::size_t offset, std::size_t size, std::string_view what);

// Sub-span that never goes past the end (empty when offset is beyond it).
Bytes slice(Bytes bytes, std::size_t offset, std::size_t size);

std::uint16_t loadLe16(const std::uint8_t* p);
std::int64_t loadLe64(const std::uint8_t* p);

std::string hex(std::uint64_t value, int digits);      // "0x002D", zero padded to digits
std::string msfText(std::uint8_t m, std::uint8_t s, std::uint8_t f);  // "03:12:45", marks an invalid MSF
// M*4500 + S*75 + F - 150: the LBA of an MSF address in the program area.
std::int64_t msfToLba(std::uint8_t m, std::uint8_t s, std::uint8_t f);

// Adds "Address" (MSF text, only for MSF form) and "Lba" for a 4-byte TOC / sub-channel address.
void addAddress(Decoded& node, const std::uint8_t* address, bool msf);

// Control nibble of TOC and Q descriptors, e.g. "0x4 (data track, copy prohibited)"; ADR as "1 (current position)".
std::string controlText(std::uint8_t control);
std::string adrText(std::uint8_t adr);
std::string trackNumberText(std::uint8_t track);  // "170 (lead-out)" for 0xAA

// A device string (INQUIRY identification, MCN, ISRC, lock caller name): printable ASCII kept, anything else
// shown as \xNN, trailing spaces and NULs removed.
std::string deviceString(Bytes bytes);

// A header-plus-descriptors reply (READ TOC formats): BE16 Length at 0 counting the bytes after itself, a
// 4-byte header, then descriptors of descriptorSize. Calls decodeOne for each whole descriptor inside both the
// output and the announced length (decodeOne(node, bytes, index)), then adds notes for cut-short or over-long
// replies. The caller has checked that the 4-byte header is present.
struct DescriptorArea {
    std::size_t count = 0;           // whole descriptors to decode
    std::vector<std::string> notes;  // to add after them
};
DescriptorArea measureDescriptorArea(Bytes out, std::size_t descriptorSize, std::string_view descriptorName);

template <typename DecodeOne>
void forEachDescriptor(Decoded& root, Bytes out, std::size_t descriptorSize, std::string_view descriptorName,
                       DecodeOne decodeOne)
{
    DescriptorArea area = measureDescriptorArea(out, descriptorSize, descriptorName);
    for (std::size_t i = 0; i < area.count; ++i) {
        Decoded& node = root.add(std::string(descriptorName) + "[" + std::to_string(i) + "]", std::string());
        decodeOne(node, out.subspan(4 + i * descriptorSize, descriptorSize), i);
    }
    for (std::string& note : area.notes) root.addNote(std::move(note));
}

}  // namespace cdcts::ioctl::detail
