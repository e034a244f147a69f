#pragma once
// The units every read benchmark reports (perf-anchors.md §1.1): rates are kept in bytes/s and sectors/s, and the
// CD speed factor "x" is derived from sectors/s alone, 1x = 75 sectors/s, so the same x means the same disc
// speed whatever the payload per sector (2352 B raw = 176 400 B/s at 1x, 2048 B cooked = 153 600 B/s at 1x).
#include <benchmark/benchmark.h>

#include <cstdint>

namespace cdcts::suites::bench {

inline constexpr double kSectorsPerSecondAt1x = 75.0;
inline constexpr double kRawBytesPerSecondAt1x = 176400.0;     // 75 × 2352, MMC's 176.4 kB/s
inline constexpr double kCookedBytesPerSecondAt1x = 153600.0;  // 75 × 2048

// The counter names, with the unit in the name so a JSON reader needs no other document.
inline constexpr const char* kSectorsCounter = "sectors_per_second";
inline constexpr const char* kSpeedCounter = "x_cd";  // sectors/s ÷ 75
inline constexpr const char* kWallCounter = "wall_us_per_read";  // steady-clock µs around one read, whatever the device clock
// What `kSpeedCounter` means, for the JSON context and the console header.
inline constexpr const char* kSpeedUnit = "x_cd = sectors_per_second / 75 (CD 1x = 75 sectors/s = 176400 B/s raw "
                                          "= 153600 B/s of 2048-byte user data); bytes_per_second counts the bytes "
                                          "the caller received";

[[nodiscard]] constexpr double cdSpeedFactor(double sectorsPerSecond) { return sectorsPerSecond / kSectorsPerSecondAt1x; }

// Sets the counters of a finished read benchmark from the totals it moved over `seconds` of (manual) time. bytes/s
// and sectors/s are rates Google Benchmark divides by the run's time; x is computed here from the same totals, so it
// is a plain number ("24x"), not a rate the console would print as "24/s".
inline void setReadCounters(benchmark::State& state, std::int64_t sectors, std::int64_t bytes, double seconds)
{
    state.SetBytesProcessed(bytes);
    const auto total = static_cast<double>(sectors);
    state.counters[kSectorsCounter] = benchmark::Counter(total, benchmark::Counter::kIsRate);
    state.counters[kSpeedCounter] = benchmark::Counter(seconds > 0 ? cdSpeedFactor(total / seconds) : 0.0);
}

}  // namespace cdcts::suites::bench
