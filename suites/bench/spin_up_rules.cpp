#include "suites/bench/spin_up_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cdcts::suites::bench {
namespace {

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The fraction of its rating the position gives: reachable ÷ rated, at most 1; 1 when the rating is unknown.
double positionFactor(double reachableX, double ratedX) { return ratedX > 0 ? std::min(1.0, reachableX / ratedX) : 1.0; }

}  // namespace

std::optional<std::size_t> settledAt(const std::vector<double>& rates)
{
    for (std::size_t i = 0; i + kSettleWindow <= rates.size(); ++i) {
        const auto first = rates.begin() + static_cast<std::ptrdiff_t>(i);
        const auto [low, high] = std::minmax_element(first, first + static_cast<std::ptrdiff_t>(kSettleWindow));
        if (*low > 0 && *high / *low - 1.0 <= kSettleTolerance) return i;
    }
    return std::nullopt;
}

std::string speedName(std::uint32_t kbps)
{
    const auto x = static_cast<std::uint32_t>(std::lround(kbps / kCd1xKbps));
    if (x > 0) {
        // The spellings of "x" in use (perf-anchors.md §1.1): 176 per x (Windows callers), 176.4 (MMC tables,
        // rounded up by libburn, down by some drives) and 177 (Linux sr).
        const double exact = x * kCd1xKbps;
        const std::uint32_t spellings[] = {x * 176, static_cast<std::uint32_t>(std::floor(exact)),
                                           static_cast<std::uint32_t>(std::ceil(exact)), x * 177};
        if (std::find(std::begin(spellings), std::end(spellings), kbps) != std::end(spellings)) return std::to_string(x) + "x";
    }
    return std::to_string(kbps) + "kBps";
}

double expectedX(double requestedX, double reachableX, double ratedX)
{
    return std::min(std::min(requestedX, reachableX), requestedX * positionFactor(reachableX, ratedX));
}

SpeedVerdict judgeSpeed(double requestedX, double achievedX, double reachableX, double ratedX)
{
    if (achievedX > requestedX * (1.0 + kSpeedTolerance)) return SpeedVerdict::Ignored;
    if (achievedX < expectedX(requestedX, reachableX, ratedX) * (1.0 - kSpeedTolerance)) return SpeedVerdict::Misreported;
    return SpeedVerdict::Honoured;
}

std::string speedWarning(SpeedVerdict verdict, double requestedX, double achievedX, double reachableX, double ratedX)
{
    const std::string figures = "achieved " + fixed(achievedX, 2) + "x with " + fixed(requestedX, 2) + "x requested; " +
                                fixed(reachableX, 2) + "x at the same position at the drive's maximum speed";
    switch (verdict) {
    case SpeedVerdict::Ignored:
        return "QualityWarning: the drive ignored SET_SPEED: " + figures + " (more than " +
               fixed(kSpeedTolerance * 100, 0) + "% above the request)";
    case SpeedVerdict::Misreported: {
        const double flatCap = std::min(requestedX, reachableX);
        const double cavLine = requestedX * positionFactor(reachableX, ratedX);
        return "QualityWarning: the drive misreports its speed: " + figures + ", " +
               (ratedX > 0 ? fixed(ratedX, 2) + "x" : std::string("no speed")) + " reported at FFFFh (more than " +
               fixed(kSpeedTolerance * 100, 0) + "% below both the flat cap " + fixed(flatCap, 2) + "x and the CAV line " +
               fixed(cavLine, 2) + "x)";
    }
    case SpeedVerdict::Honoured: break;
    }
    return {};
}

}  // namespace cdcts::suites::bench
