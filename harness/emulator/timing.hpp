#pragma once
// The timing model: pure functions of a drive profile and a disc position (perf-anchors.md §1). The read
// commands charge their time through chargeRead (mechanics.hpp), which builds on these.
#include <cstdint>

#include "harness/core/clock.hpp"
#include "harness/emulator/profile.hpp"

namespace cdcts::emulator::timing {

// CD geometry (perf-anchors.md §1.2; ECMA-130): the program area starts at 25 mm (MSF 00:00:00, LBA -150) and
// the spiral may reach 58 mm. A 1.6 µm pitch at 1.2 m/s gives 74 minutes (LBA 333,000) at 57.8 mm; longer
// discs are clamped to the outer edge.
inline constexpr double kInnerRadiusMm = 25.0;
inline constexpr double kOuterRadiusMm = 58.0;
inline constexpr double kTrackPitchMm = 1.6e-3;
inline constexpr double kScanVelocityMmPerSecond = 1200.0;
// MMC's unit: kB/s with k = 1000; CD 1x = 75 raw sectors of 2352 bytes a second (perf-anchors.md §1.1).
inline constexpr double kCd1xKbps = 176.4;
inline constexpr std::uint32_t kRawSectorBytes = 2352;
inline constexpr std::uint32_t kMaximumSpeed = 0xFFFF;  // "as fast as the drive can" in SET CD SPEED

// Radius of sector `lba`: the spiral's area from the inner radius grows with the time played,
// pi (r^2 - r0^2) = pitch * v * t, t = (lba + 150) / 75 s.
[[nodiscard]] double radiusMm(std::int32_t lba);

// The rate the drive reads at `lba` by its rotation control (CLV flat, CAV ∝ radius with the rated maximum at
// 58 mm, Z-CLV by zone, P-CAV CAV up to the cap), no faster than the host's selection (kB/s, 0xFFFF = none).
[[nodiscard]] double readRateKbps(const ProfileSpeeds& speeds, std::uint32_t selectedKbps, std::int32_t lba);

// A seek across the radial distance between two radii: none for zero distance, otherwise from minimumSeek
// growing with the square root of the distance to fullStrokeSeek at 33 mm (access ≈ √distance for short
// strokes; this puts a third stroke at ~60% of full, as perf-anchors.md §1.4 measured 93 of 143 ms).
[[nodiscard]] Nanoseconds seekTime(const ProfileTimings& timings, double fromMm, double toMm);

// One revolution at `radiusMm` while reading at `rateKbps` (linear velocity = 1.2 m/s × rate / 1x).
[[nodiscard]] Nanoseconds revolutionTime(double rateKbps, double radius);

// Moving `sectors` raw sectors under the head at `rateKbps`.
[[nodiscard]] Nanoseconds transferTime(double rateKbps, std::uint32_t sectors);

// Playing audio: 75 sectors a second of clock time, whatever the read speed (CD-DA plays at 1x).
[[nodiscard]] std::int64_t sectorsPlayedIn(Nanoseconds elapsed);
[[nodiscard]] Nanoseconds playTime(std::int64_t sectors);

}  // namespace cdcts::emulator::timing
