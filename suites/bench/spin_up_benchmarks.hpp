#pragma once
// Spin-up under SET_SPEED and speed-change latency (issue #6 item 4; docs/performance.md "Spin-up under SET_SPEED"):
// for every read speed the drive reports through IOCTL_CDROM_GET_PERFORMANCE, the time from a stopped spindle to
// the first data and to a settled throughput at that speed, and the time a running drive takes to change speed.
// These change the drive's state (speed, spindle), so they run after the read families and put both back.
#include <chrono>
#include <cstddef>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Without a pass-through the spindle is stopped with IOCTL_CDROM_STOP_AUDIO, which the class driver sends as START
// STOP UNIT with Immed = 1: it returns while the disc still spins down, and nothing the IOCTLs expose tells when it
// has stopped (CHECK_VERIFY's TEST UNIT READY does not; ioctl-contracts.md §3.1, §3.20). So the family lets this
// long pass on the device's clock before SET_SPEED and the first read (free on a virtual clock). A bound, not a
// measurement: no source gives spin-down times; perf-anchors.md §1.5 expects 1-3 s spin-ups at 40-52x CAV and
// Nero DriveSpeed's spin-down timer is set to 2-4 s, so 5 s leaves room without making a run on the real clock long.
inline constexpr std::chrono::seconds kSpinDownAllowance{5};

// Registers SpinUp/<id>/<speed> for every common CD speed (1x-56x, reported_speeds.hpp) and max, and
// SpeedChange/<id>/<role> for fastest-slowest, slowest-fastest, fastest-middle, middle-fastest; what cannot run is
// registered as a benchmark that skips with "NotSupported: <why>". Registration only reads (TOC, track kind); the
// speeds the drive selects are probed (SET_SPEED and GET_PERFORMANCE, then back to the maximum) in the first of
// these bodies that runs, so a --filter that excludes both families leaves the drive alone; a speed the drive does
// not select skips. `device` must outlive benchmark::RunSpecifiedBenchmarks. Returns how many it registered.
std::size_t registerSpinUpBenchmarks(Device& device, const std::string& id);

}  // namespace cdcts::suites::bench
