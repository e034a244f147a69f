#pragma once
// Minute/second/frame addresses (75 frames a second, 60 seconds a minute) and their relation to LBAs:
// MSF 00:02:00 is LBA 0, because the first 150 sectors belong to the pregap of track 1 (MMC §4.2.3).
#include <cstdint>
#include <optional>
#include <string>

namespace cdcts::mmc {

struct Msf {
    std::uint8_t minute = 0;
    std::uint8_t second = 0;
    std::uint8_t frame = 0;
    friend constexpr bool operator==(const Msf&, const Msf&) = default;
};

inline constexpr std::int32_t kFramesPerSecond = 75;
inline constexpr std::int32_t kSecondsPerMinute = 60;
inline constexpr std::int32_t kMsfLbaOffset = 150;

[[nodiscard]] constexpr std::int32_t msfToLba(Msf msf)
{
    return (msf.minute * kSecondsPerMinute + msf.second) * kFramesPerSecond + msf.frame - kMsfLbaOffset;
}

// LBAs from -150 up to the largest MSF a byte-wide minute allows.
[[nodiscard]] constexpr Msf lbaToMsf(std::int32_t lba)
{
    const std::int32_t frames = lba + kMsfLbaOffset;
    return Msf{static_cast<std::uint8_t>(frames / (kSecondsPerMinute * kFramesPerSecond)),
               static_cast<std::uint8_t>((frames / kFramesPerSecond) % kSecondsPerMinute),
               static_cast<std::uint8_t>(frames % kFramesPerSecond)};
}

[[nodiscard]] constexpr bool isValidMsf(Msf msf) { return msf.second < kSecondsPerMinute && msf.frame < kFramesPerSecond; }

[[nodiscard]] inline std::string formatMsf(Msf msf)
{
    char text[12];
    const auto two = [](char* p, unsigned v) { p[0] = static_cast<char>('0' + v / 10 % 10); p[1] = static_cast<char>('0' + v % 10); };
    two(text, msf.minute);
    text[2] = ':';
    two(text + 3, msf.second);
    text[5] = ':';
    two(text + 6, msf.frame);
    return std::string(text, 8);
}

}  // namespace cdcts::mmc
