#pragma once
// CD-TEXT as the lead-in's R-W sub-channel carries it (MMC-6 Annex J; IEC 61866, the Red Book's CD-TEXT):
// 18-byte packs of
//   byte 0   pack type (0x80 title, 0x81 performer, 0x82 songwriter, ..., 0x8F size information),
//   byte 1   track number of the string the pack's first character belongs to (0 = the disc; bit 7 extension),
//   byte 2   sequence number, counting all packs of the block from 0,
//   byte 3   bit 7 double-byte characters, bits 6-4 block number, bits 3-0 character position (how many
//            characters of that string earlier packs hold, 15 meaning 15 or more),
//   4..15    12 text bytes: the strings of the disc and of every track in order, each ending in a NUL,
//   16..17   CRC-16 (x^16 + x^12 + x^5 + 1, no preset) of bytes 0..15, inverted, most significant byte first.
// One block (block 0, ISO 8859-1, English) is built here: one run of packs per text type the disc uses, then
// the three size-information packs.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

namespace cd_text_pack {
inline constexpr std::uint8_t Title = 0x80;
inline constexpr std::uint8_t Performer = 0x81;
inline constexpr std::uint8_t Songwriter = 0x82;
inline constexpr std::uint8_t SizeInfo = 0x8F;
}  // namespace cd_text_pack

// The texts of the disc or of one track; an empty string is "none".
struct CdTextStrings {
    std::string title;
    std::string performer;
    std::string songwriter;
};

// The CRC a pack records in bytes 16-17 (already inverted).
[[nodiscard]] std::uint16_t cdTextCrc(std::span<const std::uint8_t, 16> pack);
[[nodiscard]] bool isCdTextCrcValid(const Disc::CdTextPack& pack);

// Packs for `disc` (the disc's texts) and `tracks` (tracks firstTrack, firstTrack + 1, ... in order). Empty
// when no text is given. Throws std::invalid_argument without tracks, or when the texts need more than 256 packs
// or hold a NUL.
[[nodiscard]] std::vector<Disc::CdTextPack> buildCdTextPacks(const CdTextStrings& disc, std::span<const CdTextStrings> tracks,
                                                             std::uint8_t firstTrack);

// The strings of block 0 (title, performer, songwriter): [0] the disc, then track first, first + 1, ... up to
// the last track the size information names (or the highest track a pack names when there is none).
struct DecodedCdText {
    std::uint8_t firstTrack = 1;
    std::vector<CdTextStrings> strings;
};
[[nodiscard]] DecodedCdText decodeCdTextPacks(std::span<const Disc::CdTextPack> packs);

// A CD-TEXT binary as tools store it: the 18-byte packs, optionally after the 4-byte header READ TOC format 5
// returns (data length, big-endian, counting itself minus 2, then 2 reserved bytes) and optionally followed by
// one NUL byte (cdrecord's cdtext.dat). Throws std::runtime_error "<file>: <reason>" for an unreadable file,
// a size that is no whole number of packs, a pack type outside 0x80..0x8F or a pack whose CRC is wrong.
[[nodiscard]] std::vector<Disc::CdTextPack> loadCdTextFile(const std::filesystem::path& file);
// The same checks on bytes already read; `name` is for messages.
[[nodiscard]] std::vector<Disc::CdTextPack> parseCdTextBinary(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace cdcts::emulator
