#pragma once
// The read speeds a drive reports through IOCTL_CDROM_GET_PERFORMANCE (perf-anchors.md §3.3-3.4). No reply lists
// the selectable read speeds: write speed descriptors pair each write speed with one read speed (most drives put
// their current or maximum read speed in every one), and the nominal read performance is the curve at the current
// selection. So the drive is asked for each common CD speed in turn with IOCTL_CDROM_SET_SPEED, and the read speed
// it then reports is noted; a reported speed counts when asking for it brings it back (the drive selects what it
// reports). The speed is then back at the maximum.
#include <cstdint>
#include <string>
#include <vector>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

struct ReportedSpeeds {
    std::vector<std::uint32_t> kbps;   // selectable speeds the drive reports, slowest first (kB/s, k = 1000)
    std::uint32_t maximumKbps = 0;     // what it reports with the speed at its maximum (SET_SPEED FFFFh)
    // Every request from 1x to 56x was accepted and the drive reported the same speed after each: SET_SPEED changes
    // nothing it tells of. Then the list cannot show whether the spindle follows a request, so the family asks
    // for the slowest common speed too (kSlowestRequestKbps) and compares what it achieves.
    bool unchanged = false;
    std::string source;                // the reply they came from
    std::string missing;               // "NotSupported: ..." when there is no list
};

// The CD speeds drives commonly offer (the speed menus of readers and writers, 1x to 56x): what the probe asks for,
// and the SpinUp benchmarks' names.
inline constexpr std::uint32_t kCommonSpeedsX[] = {1, 2, 4, 8, 10, 12, 16, 20, 24, 32, 40, 48, 52, 56};

// 1x as x × 176.4 kB/s rounded up (libburn's spelling, perf-anchors.md §1.1).
inline constexpr std::uint32_t kSlowestRequestKbps = 177;

// The read speed the drive reports now: ReadSpeed of the first write speed descriptor (CdromWriteSpeedRequest),
// else the fastest performance of the nominal read performance (CdromPerformanceRequest). 0 with `why` set when
// neither reply has a descriptor.
[[nodiscard]] std::uint32_t currentReadSpeedKbps(DeviceHandle& handle, std::string* why = nullptr, std::string* source = nullptr);

// Probes the list as described above; leaves the speed at the maximum (and SET STREAMING's defaults when
// `setStreaming`).
[[nodiscard]] ReportedSpeeds probeReportedSpeeds(DeviceHandle& handle, bool setStreaming);

}  // namespace cdcts::suites::bench
