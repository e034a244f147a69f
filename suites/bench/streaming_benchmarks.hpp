#pragma once
// The streaming benchmarks of the performance core (issue #6 item 3): ReadFile with IOCTL_CDROM_ENABLE_STREAMING
// off versus on for the handle (READ(10) versus READ(12) with the Streaming bit, ioctl-contracts.md §3.4), as
// throughput and per-read latency over a clean stretch of a data track, and as the latency of a read over the
// device's marginal sectors against clean reads just before them (perf-anchors.md §3.5: a streaming read returns
// promptly, a normal read retries). Registered at run time for one device, timed on the device's own Clock.
#include <cstddef>

#include "suites/bench/bench_target.hpp"

namespace cdcts::suites::bench {

// Timed reads per Streaming benchmark, after one untimed read that brings the head to the stretch: enough for a
// p99 that is not simply the maximum (the 99th percentile of 128 samples is the 127th).
inline constexpr int kStreamingReads = 128;

// Registers Streaming/<id>/<off|on>/<sectors> and StreamingMarginal/<id>/<off|on>; what the device cannot do is
// registered as a benchmark that skips with "NotSupported: <why>". The target's device must outlive
// benchmark::RunSpecifiedBenchmarks. Returns how many benchmarks it registered.
std::size_t registerStreamingBenchmarks(const BenchTarget& target);

}  // namespace cdcts::suites::bench
