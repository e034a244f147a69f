#pragma once
// The read-throughput benchmarks of the performance core (issue #6 item 2): IOCTL_CDROM_RAW_READ per TrackMode
// and ReadFile (cooked) per transfer size at the inner, middle and outer part of the disc, registered at run time
// for one device, timed on the device's own Clock (modeled time on an emulated drive with a virtual clock).
#include <cstddef>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Reads per benchmark after one untimed read that brings the head to the position: fixed, so a slow drive
// costs a known number of commands (conformance-conventions.md §6).
inline constexpr int kReadIterations = 16;

// Registers RawRead/<id>/<TrackMode>/<sectors>/<position> and CookedRead/<id>/<sectors>/<position>. What the
// disc or drive cannot do is registered too, as a benchmark that skips with "NotSupported: <why>". `device` must
// outlive benchmark::RunSpecifiedBenchmarks. Returns how many benchmarks it registered.
std::size_t registerReadBenchmarks(Device& device, const std::string& id);

}  // namespace cdcts::suites::bench
