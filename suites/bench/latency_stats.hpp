#pragma once
// Latency distributions of the benchmarks that time single commands (streaming reads, seeks, command classes):
// p50, p99 and max by the nearest-rank method (the smallest sample with at least p% of the samples at or below
// it), so every figure reported is a time that was actually measured, never an interpolation.
#include <benchmark/benchmark.h>

#include <vector>

#include "harness/core/clock.hpp"

namespace cdcts::suites::bench {

// Counter names, in milliseconds (the unit of drive latencies in perf-anchors.md and peers-and-oracles.md §3).
inline constexpr const char* kP50Counter = "p50_ms";
inline constexpr const char* kP99Counter = "p99_ms";
inline constexpr const char* kMaxCounter = "max_ms";
inline constexpr const char* kMeanCounter = "mean_ms";

struct LatencySummary {
    std::size_t samples = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double meanMs = 0;
};

// The nearest-rank percentile `percent` (0 < percent <= 100) of `samples`, in ms; 0 for no samples.
[[nodiscard]] double percentileMs(std::vector<Nanoseconds> samples, double percent);

[[nodiscard]] LatencySummary summarize(const std::vector<Nanoseconds>& samples);

// Sets p50_ms, p99_ms, max_ms and mean_ms on the benchmark (plain numbers, not rates).
void setLatencyCounters(benchmark::State& state, const LatencySummary& summary);

}  // namespace cdcts::suites::bench
