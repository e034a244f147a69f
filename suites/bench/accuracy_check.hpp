#pragma once
// The arithmetic of the accuracy check (issue #6 item 8): repetitions of one command sequence, each command timed on
// a real clock (wall time, as a real drive is measured) and paired with the same command's modeled time on a virtual
// clock. Each command's time is the median of its repetitions, and the sequence's time the sum of those medians: on
// a shared machine another process now and then delays one wake-up by milliseconds (measured: a 20 ms sleep
// overshoots by a median 0.1 ms but a mean 0.35 ms at load 4.7 on 2 cores), which only ever adds time; the median
// of each command drops those hits, while an error the method makes on every command stays in it.
#include <cstddef>
#include <vector>

namespace cdcts::suites::bench {

// The tolerance of issue #6 item 8: measured and modeled time agree within 2%.
inline constexpr double kAccuracyTolerancePct = 2.0;

// Counter names (plain numbers, units in the names).
inline constexpr const char* kMeasuredMsCounter = "measured_ms";
inline constexpr const char* kModeledMsCounter = "modeled_ms";
inline constexpr const char* kErrorPctCounter = "error_pct";
inline constexpr const char* kErrorPctMinCounter = "repetition_error_pct_min";
inline constexpr const char* kErrorPctMaxCounter = "repetition_error_pct_max";

// One repetition: each timed command's time on each twin, in ms, in the order sent.
struct AccuracyRepetition {
    std::vector<double> measuredMs;  // real clock
    std::vector<double> modeledMs;   // virtual clock
};

struct AccuracyComparison {
    std::size_t repetitions = 0;
    std::size_t commands = 0;  // timed commands per repetition
    double measuredMs = 0;     // sum over the commands of each one's median measured time
    double modeledMs = 0;      // the same of the modeled times
    double errorPct = 0;       // 100 × (measured − modeled) / modeled
    // The smallest and largest error of one repetition's own totals, to show how much a single run would vary.
    double repetitionErrorPctMin = 0;
    double repetitionErrorPctMax = 0;

    // |errorPct| within `tolerancePct` (the boundary included); false without repetitions.
    [[nodiscard]] bool holds(double tolerancePct = kAccuracyTolerancePct) const;
};

// The median of `values`: for an even count the lower of the two middle values, so the figure is one that was
// measured; 0 for no values.
[[nodiscard]] double lowerMedian(std::vector<double> values);

// 100 × (measured − modeled) / modeled. A modeled time of zero cannot carry a relative error: 0% when nothing was
// measured either, otherwise +100% per ms measured (far outside any tolerance).
[[nodiscard]] double errorPct(double measuredMs, double modeledMs);

// Commands are paired by position; a repetition shorter than the others limits `commands` to its length.
[[nodiscard]] AccuracyComparison compareRepetitions(const std::vector<AccuracyRepetition>& repetitions);

}  // namespace cdcts::suites::bench
