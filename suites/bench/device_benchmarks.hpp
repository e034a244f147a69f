#pragma once
// Every benchmark family of the performance core, registered for one device (issue #6; docs/performance.md
// "cdcts bench"). Each family lives in a file of its own and is listed once in device_benchmarks.cpp.
#include <cstddef>

#include "harness/device/device.hpp"
#include "harness/inventory/device_spec.hpp"

namespace cdcts::suites::bench {

// Registers the benchmarks of every family for `device`, which must outlive benchmark::RunSpecifiedBenchmarks.
// Returns how many it registered (NotSupported ones included).
std::size_t registerDeviceBenchmarks(Device& device, const inventory::DeviceSpec& spec);

}  // namespace cdcts::suites::bench
