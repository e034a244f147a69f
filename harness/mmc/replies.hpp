#pragma once
// Parsers for the data-in replies the cross-layer checks read field by field: READ CAPACITY (SBC-3 §5.15),
// a page inside a MODE SENSE(10) reply (SPC-4 §7.5.5) and the READ SUB-CHANNEL header (MMC-6 §6.23). Each takes
// only the bytes the drive transferred and says nullopt where the reply is too short to hold what is asked.
#include <cstdint>
#include <optional>
#include <span>

namespace cdcts::mmc {

// READ CAPACITY (10): the last logical block address and the block length in bytes, both big-endian.
struct ReadCapacityData {
    std::uint32_t lastLba = 0;
    std::uint32_t blockLength = 0;
};
[[nodiscard]] std::optional<ReadCapacityData> parseReadCapacity(std::span<const std::uint8_t> reply);

// The mode parameter header (10) and where the first page starts: 8 bytes of header, then the block descriptors
// (their length in bytes 6-7).
struct ModeParameterHeader10 {
    static constexpr std::size_t kSize = 8;
    std::uint16_t modeDataLength = 0;         // bytes after this field
    std::uint16_t blockDescriptorLength = 0;  // bytes of block descriptors after the header
};
[[nodiscard]] std::optional<ModeParameterHeader10> parseModeParameterHeader10(std::span<const std::uint8_t> reply);

// The page `pageCode` of a MODE SENSE(10) reply: the page's own bytes (page code, page length, then the
// parameters), cut to what was transferred. nullopt when the page header is not inside the reply or the first page
// there is another one (a drive answers a single-page request with that page first).
[[nodiscard]] std::optional<std::span<const std::uint8_t>> findModePage10(std::span<const std::uint8_t> reply, std::uint8_t pageCode);

// The 4-byte header of every READ SUB-CHANNEL reply: the audio status and the sub-channel data length (bytes after
// the header).
struct SubChannelHeader {
    static constexpr std::size_t kSize = 4;
    std::uint8_t audioStatus = 0;
    std::uint16_t dataLength = 0;
};
[[nodiscard]] std::optional<SubChannelHeader> parseSubChannelHeader(std::span<const std::uint8_t> reply);

}  // namespace cdcts::mmc
