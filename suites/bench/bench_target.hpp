#pragma once
// The device a family of benchmarks is registered for, with what devices.yaml says about it for benchmarking.
#include <string>
#include <vector>

#include "harness/device/device.hpp"
#include "harness/inventory/device_spec.hpp"

namespace cdcts::suites::bench {

struct BenchTarget {
    Device* device = nullptr;  // outlives benchmark::RunSpecifiedBenchmarks
    std::string id;            // the devices.yaml id, the second part of every benchmark name
    inventory::BenchSettings settings;
    // Sectors that read only after retries: bench.marginal_sectors, plus emulated.faults' marginal sectors on an
    // emulated drive. Empty when none is known.
    std::vector<inventory::BenchSectorRun> marginalSectors;
};

[[nodiscard]] BenchTarget benchTargetFor(Device& device, const inventory::DeviceSpec& spec);

}  // namespace cdcts::suites::bench
