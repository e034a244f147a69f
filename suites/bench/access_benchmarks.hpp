#pragma once
// Access time (issue #6 item 5): random, one-third-stroke and full-stroke seeks, each sample a one-sector read at
// the target after a read elsewhere, timed on the device's Clock (perf-anchors.md §1.4, §2.1: what Nero
// DiscSpeed's access test reports). The strokes are defined in access_plan.hpp.
#include <cstddef>
#include <cstdint>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Samples per stroke: enough for a stable p99 on random seeks (nearest rank: the 198th of 200).
inline constexpr std::size_t kRandomAccessSamples = 200;
inline constexpr std::size_t kStrokeAccessSamples = 100;
// The fixed seed of every access sequence, so runs compare ("cdcts" in ASCII).
inline constexpr std::uint64_t kAccessSeed = 0x6364637473;

// Registers Access/<id>/<random|one_third|full_stroke>; what the disc cannot give skips with "NotSupported: <why>".
// `device` must outlive benchmark::RunSpecifiedBenchmarks. Returns how many benchmarks it registered.
std::size_t registerAccessBenchmarks(Device& device, const std::string& id);

}  // namespace cdcts::suites::bench
