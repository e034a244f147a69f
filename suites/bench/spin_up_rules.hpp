#pragma once
// The pure rules of the spin-up and speed-change benchmarks (issue #6 item 4; docs/performance.md "Spin-up under
// SET_SPEED"): when successive reads have settled, what a speed is called in a benchmark name, and whether the
// speed a drive achieved contradicts the one it was asked for. Kept apart from the device code so tests can work
// them by hand.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdcts::suites::bench {

// MMC's speed unit: kB/s with k = 1000; CD 1x = 176.4 kB/s (perf-anchors.md §1.1).
inline constexpr double kCd1xKbps = 176.4;

// Settling: the throughput of successive reads has settled at the first window of kSettleWindow consecutive
// reads whose rates lie within kSettleTolerance of each other (fastest ÷ slowest − 1). Three reads, so one lucky
// read cannot settle it; 2%, well above the jitter of a timer and well below a speed step of any drive (the
// smallest step of the common CD speed lists is 40x → 48x, 20%).
inline constexpr std::size_t kSettleWindow = 3;
inline constexpr double kSettleTolerance = 0.02;

// The index of the first read of the first settled window of `rates` (any unit, one value per read), nullopt when
// no window has settled.
[[nodiscard]] std::optional<std::size_t> settledAt(const std::vector<double>& rates);

// A speed in kB/s as a benchmark name part: "24x" when it is a whole CD multiple by any of the roundings hosts
// and drives use (x × 176, x × 176.4 rounded either way, x × 177), otherwise "4100kBps".
[[nodiscard]] std::string speedName(std::uint32_t kbps);

// Achieved versus requested (perf-anchors.md §3.4: reported ≠ measured is expected, so only clear contradictions
// count). kSpeedTolerance is GET PERFORMANCE's own tolerance (10% nominal, the only one MMC defines).
inline constexpr double kSpeedTolerance = 0.10;

enum class SpeedVerdict {
    Honoured,     // within the tolerance of what was reachable
    Ignored,      // clearly faster than requested: the drive ignored the request
    Misreported,  // clearly slower than both the flat cap and the CAV line at the position (expectedX)
};

// `achievedX` at the position with the speed set to `requestedX`, `reachableX` the same drive at the same position
// with the speed at its maximum, `ratedX` the speed the drive reports with the speed at its maximum (SET_SPEED
// FFFFh; 0 when unknown), all in CD x. Two ways a drive may honour a selection, and either is accepted:
// - a flat cap (CLV below the selection, or CAV capped at it): min(requested, reachable) at any position;
// - CAV rated at the outer edge (many drives run a low selection so): the request scaled by the position factor
//   reachable ÷ rated, the fraction of its rating this position gives (1 when rated is unknown or below reachable).
// The expectation is the lower of the two; achieved more than kSpeedTolerance below it is a misreport.
[[nodiscard]] double expectedX(double requestedX, double reachableX, double ratedX);
[[nodiscard]] SpeedVerdict judgeSpeed(double requestedX, double achievedX, double reachableX, double ratedX);

// The sentence a QualityWarning carries for a verdict other than Honoured, with the figures.
[[nodiscard]] std::string speedWarning(SpeedVerdict verdict, double requestedX, double achievedX, double reachableX, double ratedX);

}  // namespace cdcts::suites::bench
