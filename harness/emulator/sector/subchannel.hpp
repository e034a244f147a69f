#pragma once
// The sub-channel of one sector as READ CD returns it (MMC-6 §6.19, READ CD "Sub-channel Data Selection"):
//   001b raw P-W: 96 bytes, byte i holds bit i of each channel, P in bit 7 down to W in bit 0 (MMC-3..5;
//        MMC-6's table no longer lists it, but drives and the Windows class driver still use it);
//   010b formatted Q: 16 bytes = the 10 Q bytes (control/ADR, TNO, INDEX, MIN, SEC, FRAME, ZERO, AMIN, ASEC,
//        AFRAME), the Q CRC as recorded (bytes 10-11; MMC lets drives return zero there), 3 zero bytes, and
//        byte 15 with the P bit in bit 7 (MMC "Formatted Q sub-channel response data");
//   100b R-W corrected and de-interleaved: 96 bytes, one 6-bit symbol in bits 5..0 of each byte.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "harness/emulator/sector/q_channel.hpp"

namespace cdcts::emulator::sector {

inline constexpr std::size_t kRawSubchannelSize = 96;
inline constexpr std::size_t kFormattedQSize = 16;

enum class SubchannelSelection : std::uint8_t { None = 0, RawPw = 1, FormattedQ = 2, RwDeinterleaved = 4 };

[[nodiscard]] std::size_t subchannelSize(SubchannelSelection selection);

struct SubchannelFrame {
    // ECMA-130 §22.2: the P channel is all ones during a pause (a pregap, index 0) and all zeros in a track.
    bool pause = false;
    QChannel q{};
    // R-W as 96 6-bit symbols in recorded order; all zero until CD-TEXT/CD+G packs are synthesised.
    std::array<std::uint8_t, kRawSubchannelSize> rw{};
};

// The 12 bytes of the P channel.
[[nodiscard]] std::array<std::uint8_t, 12> pChannel(bool pause);

void writeRawPw(const SubchannelFrame& frame, std::span<std::uint8_t, kRawSubchannelSize> out);
void writeFormattedQ(const SubchannelFrame& frame, std::span<std::uint8_t, kFormattedQSize> out);
// Writes the R-W symbols. De-interleaving (IEC 60908 / CD+G) mixes packs of neighbouring sectors; with the R-W
// channels all zero, as synthesised today, the de-interleaved symbols equal the recorded ones.
void writeRwDeinterleaved(const SubchannelFrame& frame, std::span<std::uint8_t, kRawSubchannelSize> out);

// Writes `selection`'s form into `out`, which must be subchannelSize(selection) bytes; throws
// std::invalid_argument for a reserved selection or a wrong size.
void writeSubchannel(const SubchannelFrame& frame, SubchannelSelection selection, std::span<std::uint8_t> out);

}  // namespace cdcts::emulator::sector
