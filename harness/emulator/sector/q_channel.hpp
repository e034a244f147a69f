#pragma once
// The Q sub-channel of one sector (ECMA-130 §22.3): 96 bits = control (4), ADR (4), 72 data bits, CRC (16).
// Mode 1 (ADR 1) is the current position, mode 2 the media catalog number, mode 3 the ISRC.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace cdcts::emulator::sector {

using QChannel = std::array<std::uint8_t, 12>;

inline constexpr std::uint8_t kLeadOutTrack = 0xAA;  // the track number the lead-out's Q carries (not BCD)

// CRC-16 over the 10 control/ADR and data bytes: x^16 + x^12 + x^5 + 1, MSB first, no preset (§22.3.6). The
// disc records its one's complement, most significant byte first, in bytes 10 and 11.
[[nodiscard]] std::uint16_t qCrc(std::span<const std::uint8_t, 10> data);
[[nodiscard]] bool isQCrcValid(const QChannel& q);

struct QPosition {
    std::uint8_t control = 0;  // Q control nibble (emulator::control bits)
    std::uint8_t track = 1;    // 1..99, or kLeadOutTrack
    std::uint8_t index = 1;    // 0 in a pregap (pause), 1..99 otherwise
    std::int32_t lba = 0;
    std::int32_t trackStartLba = 0;  // the track's INDEX 01, which relative time is measured from
};

// ADR 1 (§22.3.3): TNO, INDEX, relative MSF, ZERO, absolute MSF, all BCD. Relative time counts up from 00:00:00
// at INDEX 01 and, before it (index 0, the pause), counts down so that the pause's last sector reads 00:00:00;
// the first sector of a 2-second pregap thus reads 00:01:74.
[[nodiscard]] QChannel positionQ(const QPosition& position);

// ADR 2 (§22.3.4): 13 BCD digits of the catalog number, 12 zero bits, AFRAME. Throws std::invalid_argument
// unless `mcn` is 13 decimal digits.
[[nodiscard]] QChannel mcnQ(std::uint8_t control, std::string_view mcn, std::int32_t lba);

// ADR 3 (§22.3.5): country (2) and owner (3) as 6-bit characters ('0'..'9' -> 0..9, 'A'..'Z' -> 0x11..0x2A),
// 2 zero bits, year (2) and serial (5) as BCD digits, 4 zero bits, AFRAME. Throws std::invalid_argument unless
// `isrc` is 12 characters: 5 of [0-9A-Z] then 7 digits.
[[nodiscard]] QChannel isrcQ(std::uint8_t control, std::string_view isrc, std::int32_t lba);

}  // namespace cdcts::emulator::sector
