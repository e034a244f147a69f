#pragma once
// Spin-up under SET_SPEED and speed-change latency (issue #6 item 4; docs/performance.md "Spin-up under SET_SPEED"):
// for every read speed the drive reports through IOCTL_CDROM_GET_PERFORMANCE, the time from a stopped spindle to
// the first data and to a settled throughput at that speed, and the time a running drive takes to change speed.
// These change the drive's state (speed, spindle), so they run after the read families and put both back.
#include <cstddef>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Registers SpinUp/<id>/<speed> and SpeedChange/<id>/<from>-<to>; what cannot run is registered as a benchmark
// that skips with "NotSupported: <why>". Probes the speeds now (SET_SPEED and GET_PERFORMANCE, then back to the
// maximum). `device` must outlive benchmark::RunSpecifiedBenchmarks. Returns how many it registered.
std::size_t registerSpinUpBenchmarks(Device& device, const std::string& id);

}  // namespace cdcts::suites::bench
