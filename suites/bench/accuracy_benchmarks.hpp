#pragma once
// The accuracy check of the measurement method (issue #6 item 8): an emulated drive opened twice from its
// devices.yaml entry, once on the real clock (every modeled delay really sleeps) and once on a virtual clock, runs
// the same command sequence on both; the wall time measured on the first, the way a real drive is measured, must
// agree with the modeled time of the second within 2%.
#include <cstddef>
#include <cstdint>

#include "harness/inventory/device_spec.hpp"
#include "suites/bench/bench_target.hpp"

namespace cdcts::suites::bench {

// Repetitions per check: each timed command's figure is the median of its repetitions (accuracy_check.hpp). Seven
// for throughput, so that four of seven wake-ups of one read must be hit before the median is; a spin-up
// repetition really waits ~2 s, so it gets three: its error is one sleep's overshoot over ~2 s (a few hundredths
// of a percent), which needs no more.
inline constexpr int kAccuracyThroughputRepetitions = 7;
inline constexpr int kAccuracySpinUpRepetitions = 3;
// Sequential reads per throughput repetition, as in read_benchmarks.
inline constexpr int kAccuracyReads = 16;
// The transfer per read: the largest the adapter takes up to 64 KiB (32 cooked or 27 CDDA sectors, ~15-20 ms a read
// at the default profiles' 20-24x). The method holds for reads this long: the real clock's sleep overshoots by a
// roughly fixed ~0.1 ms per command, under 1% of such a read; for one-sector reads (~1 ms) it would not
// (docs/performance.md "Accuracy of the method").
inline constexpr std::uint32_t kAccuracyTransferBytes = 64 * 1024;

// Registers Accuracy/<id>/throughput on the first device with a disc of each emulated drive profile, and
// Accuracy/<id>/spin_up on the first emulated device with a disc of the run (each repetition really waits through
// the profile's spin-up, about 2 s; docs/performance.md "Accuracy of the method" says why one device suffices).
// A real drive, a device already on the real clock, or one without a disc registers Accuracy/<id>, skipped as
// NotSupported with the reason. Returns how many benchmarks it registered.
std::size_t registerAccuracyBenchmarks(const BenchTarget& target, const inventory::DeviceSpec& spec);

}  // namespace cdcts::suites::bench
