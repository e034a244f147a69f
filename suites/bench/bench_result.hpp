#pragma once
// One benchmark's result as `cdcts bench` reports it (JUnit, the JSON's "cdcts" section, thresholds): what Google
// Benchmark measured, plus what cdcts found beyond it. A plain record, so the threshold check and the reports can
// be tested without running Google Benchmark.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/inventory/device_spec.hpp"

namespace cdcts::suites::bench {

// A counter as Google Benchmark reports it (rates already divided by the time); its name carries its unit.
struct BenchCounter {
    std::string name;
    double value = 0.0;
};

enum class BenchStatus {
    Ran,           // measured
    NotSupported,  // skipped: "NotSupported: <what is missing>"
    Failed,        // any other error text: an error status where success was due
};

// A threshold of devices.yaml that the figure did not meet (or that names a counter the benchmark lacks).
struct ThresholdFailure {
    std::string text;  // names the figure, the limit and where the threshold is declared
    inventory::SourceLocation location;
};

struct BenchResult {
    std::string name;     // as registered: "RawRead/emu_writer/CDDA/27/inner"
    std::string runName;  // as Google Benchmark names the run: name + "/iterations:16/manual_time"
    BenchStatus status = BenchStatus::Ran;
    std::string message;  // the error text when not Ran
    std::int64_t iterations = 0;
    double seconds = 0.0;   // the timed seconds summed over the iterations, on the device's clock
    std::string timeBasis;  // "modeled" (virtual clock) or "wall" (a real drive, or emulated.clock: real)
    std::string label;
    std::vector<BenchCounter> counters;
    std::vector<std::string> qualityWarnings;
    std::vector<ThresholdFailure> thresholdFailures;
};

// The parts of a benchmark name `<Family>/<device id>/<parameters...>`.
struct BenchNameParts {
    std::string family;
    std::string device;
    std::string parameters;  // the rest, '/'-separated; empty when the name has only family and device
};
[[nodiscard]] BenchNameParts splitBenchName(std::string_view name);

// The registered name of a run name: Google Benchmark's suffixes ("/iterations:16", "/manual_time", ...) removed.
// Registered names never hold ':' (docs/performance.md "cdcts bench"), so every part with one is a suffix.
[[nodiscard]] std::string registeredName(std::string_view runName);

// The name with the device id left out ("RawRead/CDDA/27/inner"): what devices.yaml thresholds match.
[[nodiscard]] std::string nameWithoutDevice(std::string_view name);

}  // namespace cdcts::suites::bench
