#pragma once
// devices.yaml's bench.thresholds applied to the results of a `cdcts bench` run (docs/devices-yaml.md "bench"):
// each threshold of a device checks its counter on every benchmark of that device whose name, with the device id
// left out, matches its pattern.
#include <string>
#include <string_view>
#include <vector>

#include "harness/inventory/device_spec.hpp"
#include "suites/bench/bench_result.hpp"

namespace cdcts::suites::bench {

// `pattern` against a name without its device id: the same number of '/'-separated parts, each equal, a `*` part
// matching any one part.
[[nodiscard]] bool thresholdPatternMatches(std::string_view pattern, std::string_view nameWithoutDeviceId);

// The name of a NotSupported skip stands for the benchmarks under it: true when `nameWithoutDeviceId`'s parts are
// the first parts of `pattern`, each equal or matched by a `*` part ("CookedRead/32" is covered by
// "CookedRead/32/*" and "CookedRead/*/outer"; "CookedRead/32/inner" is not covered by "CookedRead/32").
[[nodiscard]] bool thresholdPatternCovers(std::string_view pattern, std::string_view nameWithoutDeviceId);

// "devices.yaml:42:11": where a threshold is declared.
[[nodiscard]] std::string locationText(const inventory::SourceLocation& location);

// The thresholds declared for one device.
struct DeviceThresholds {
    std::string device;
    std::vector<inventory::BenchThreshold> thresholds;
};

// What one threshold did over the run.
struct ThresholdCheck {
    std::string device;
    inventory::BenchThreshold threshold;
    int matched = 0;     // benchmarks whose name matched
    int passed = 0;      // measured, and the figure is within the limits
    int failed = 0;      // measured, and the figure is outside them or the counter is missing
    int notApplied = 0;  // matched a benchmark that was NotSupported or failed by itself, or a NotSupported skip
                         // whose name covers the pattern (thresholdPatternCovers): nothing to check
};

// Applies every threshold to `results` (benchmarks of devices without thresholds are left alone), appending a
// ThresholdFailure to each result that misses one. Returns one check per threshold, in declaration order.
std::vector<ThresholdCheck> applyThresholds(const std::vector<DeviceThresholds>& declared, std::vector<BenchResult>& results);

// A figure as the reports print it: the shortest text that reads back as the same double.
[[nodiscard]] std::string figureText(double value);

}  // namespace cdcts::suites::bench
