#pragma once
// Binary-coded decimal and the BCD MSF addresses that sector headers (ECMA-130 §14.2) and the Q channel
// (ECMA-130 §22.3.3) carry: one byte holds two decimal digits, high nibble first.
#include <cstdint>
#include <stdexcept>

#include "harness/mmc/msf.hpp"

namespace cdcts::emulator::sector {

[[nodiscard]] constexpr std::uint8_t toBcd(unsigned value)
{
    if (value > 99) throw std::out_of_range("BCD holds 0..99");
    return static_cast<std::uint8_t>(((value / 10) << 4) | (value % 10));
}
[[nodiscard]] constexpr bool isBcd(std::uint8_t byte) { return (byte >> 4) <= 9 && (byte & 0x0F) <= 9; }
[[nodiscard]] constexpr unsigned fromBcd(std::uint8_t byte) { return (byte >> 4) * 10u + (byte & 0x0Fu); }

struct BcdMsf {
    std::uint8_t minute = 0;
    std::uint8_t second = 0;
    std::uint8_t frame = 0;
    friend constexpr bool operator==(const BcdMsf&, const BcdMsf&) = default;
};

// The largest absolute address two BCD digits of minutes can express, 99:59:74.
inline constexpr std::int32_t kMaxAbsoluteFrames = (99 * 60 + 59) * 75 + 74;

// A frame count (not an LBA) as BCD MSF; throws std::out_of_range outside 00:00:00..99:59:74.
[[nodiscard]] constexpr BcdMsf framesToBcdMsf(std::int32_t frames)
{
    if (frames < 0 || frames > kMaxAbsoluteFrames) throw std::out_of_range("MSF beyond 99:59:74");
    const auto f = static_cast<unsigned>(frames);
    return BcdMsf{toBcd(f / (60 * 75)), toBcd(f / 75 % 60), toBcd(f % 75)};
}

// The absolute address of an LBA: MSF = LBA + 150 (MMC §4.2.3). LBAs below -150 lie in the lead-in, which MMC
// numbers from 90:00:00 (LBA -450150) upwards, so they wrap there instead of going negative.
[[nodiscard]] constexpr BcdMsf lbaToBcdMsf(std::int32_t lba)
{
    constexpr std::int32_t kLeadInOffset = 450150;
    return framesToBcdMsf(lba >= -mmc::kMsfLbaOffset ? lba + mmc::kMsfLbaOffset : lba + kLeadInOffset);
}

[[nodiscard]] constexpr std::int32_t bcdMsfToFrames(BcdMsf msf)
{
    return static_cast<std::int32_t>((fromBcd(msf.minute) * 60 + fromBcd(msf.second)) * 75 + fromBcd(msf.frame));
}

}  // namespace cdcts::emulator::sector
