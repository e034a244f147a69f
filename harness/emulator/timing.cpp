#include "harness/emulator/timing.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cdcts::emulator::timing {
namespace {
constexpr double kSectorsPerSecond = 75.0;
constexpr double kFullStrokeMm = kOuterRadiusMm - kInnerRadiusMm;

Nanoseconds seconds(double s) { return Nanoseconds{static_cast<Nanoseconds::rep>(std::llround(s * 1e9))}; }
}  // namespace

double radiusMm(std::int32_t lba)
{
    const double t = std::max(0.0, (static_cast<double>(lba) + 150.0) / kSectorsPerSecond);
    const double r = std::sqrt(kInnerRadiusMm * kInnerRadiusMm + kTrackPitchMm * kScanVelocityMmPerSecond * t / std::numbers::pi);
    return std::min(r, kOuterRadiusMm);
}

double readRateKbps(const ProfileSpeeds& speeds, std::uint32_t selectedKbps, std::int32_t lba)
{
    const double max = speeds.maxReadKbps;
    double rate = max;
    switch (speeds.rotation) {
    case RotationControl::Clv: break;
    case RotationControl::Cav: rate = max * radiusMm(lba) / kOuterRadiusMm; break;
    case RotationControl::Pcav: rate = std::min(max * radiusMm(lba) / kOuterRadiusMm, double(speeds.pcavCapKbps)); break;
    case RotationControl::Zclv:
        for (std::size_t i = 0; i < speeds.zoneStartLbas.size() && i < speeds.zoneRatesKbps.size(); ++i)
            if (lba >= speeds.zoneStartLbas[i]) rate = speeds.zoneRatesKbps[i];
        break;
    }
    if (selectedKbps != kMaximumSpeed) rate = std::min(rate, double(selectedKbps));
    return std::max(rate, kCd1xKbps);  // never slower than real time: CD-DA plays at 1x
}

Nanoseconds seekTime(const ProfileTimings& timings, double fromMm, double toMm)
{
    const double distance = std::abs(toMm - fromMm);
    if (distance <= 0.0) return Nanoseconds{0};
    const double fraction = std::sqrt(std::min(distance, kFullStrokeMm) / kFullStrokeMm);
    const auto span = static_cast<double>((timings.fullStrokeSeek - timings.minimumSeek).count());
    return timings.minimumSeek + Nanoseconds{static_cast<Nanoseconds::rep>(std::llround(span * fraction))};
}

Nanoseconds revolutionTime(double rateKbps, double radius)
{
    const double velocity = kScanVelocityMmPerSecond * rateKbps / kCd1xKbps;
    return seconds(2.0 * std::numbers::pi * radius / velocity);
}

Nanoseconds transferTime(double rateKbps, std::uint32_t sectors)
{
    return seconds(static_cast<double>(sectors) * kRawSectorBytes / (rateKbps * 1000.0));
}

std::int64_t sectorsPlayedIn(Nanoseconds elapsed) { return elapsed.count() * 75 / 1'000'000'000; }

Nanoseconds playTime(std::int64_t sectors) { return Nanoseconds{(sectors * 1'000'000'000 + 74) / 75}; }

}  // namespace cdcts::emulator::timing
