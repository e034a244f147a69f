#pragma once
// The command latency benchmarks of the performance core (issue #6 item 6): per request of the catalog in
// latency_budgets.hpp, a fixed number of calls timed one by one on the device's Clock, with p50/p99/max/mean
// against the CommandPerformance budget of the command's class (peers-and-oracles.md §3) and a QualityWarning
// over it. Read-only: no request here changes the drive's state.
#include <cstddef>
#include <string>

#include "suites/bench/bench_target.hpp"

namespace cdcts::suites::bench {

// Timed calls per benchmark, after latency_budgets.hpp's kExemptReads untimed ones. At least 200, so that the
// nearest-rank p99 (rank 198) is a measured sample below the max, not the max itself.
inline constexpr int kLatencyCalls = 200;

// Registers Latency/<id>/<request> for every request of the catalog (Latency/<id>/CHECK_VERIFY/no_medium on a
// drive without a disc); what the device or disc cannot serve is registered as a benchmark that skips with
// "NotSupported: <why>". The random reads keep clear of `target.marginalSectors` (declared worn media is not the
// drive's latency). `target.device` must outlive benchmark::RunSpecifiedBenchmarks. Returns how many it registered.
std::size_t registerLatencyBenchmarks(const BenchTarget& target);

}  // namespace cdcts::suites::bench
