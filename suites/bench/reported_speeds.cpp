#include "suites/bench/reported_speeds.hpp"

#include <algorithm>
#include <cmath>

#include "harness/core/bytes.hpp"
#include "suites/speed_support.hpp"

namespace cdcts::suites::bench {
namespace {

namespace speed = suites::speed;

constexpr std::size_t kReplyBytes = 8 + 16 * 32;  // a header and 32 descriptors of 16 bytes

std::uint32_t kbpsOf(std::uint32_t x) { return static_cast<std::uint32_t>(std::ceil(x * 176.4)); }

bool setReadSpeed(DeviceHandle& handle, std::uint32_t kbps, std::string* why)
{
    const ControlResult r = handle.control(ioctl::codes::CdromSetSpeed,
                                           speed::setSpeedInput(static_cast<std::uint16_t>(kbps), speed::kMaximumSpeed), {});
    if (!r.status.isSuccess() && why != nullptr) *why = "IOCTL_CDROM_SET_SPEED failed: " + ioctl::ntStatusName(r.status);
    return r.status.isSuccess();
}

}  // namespace

std::uint32_t currentReadSpeedKbps(DeviceHandle& handle, std::string* why, std::string* source)
{
    std::vector<std::uint8_t> out(kReplyBytes, 0);
    const ControlResult w = handle.control(ioctl::codes::CdromGetPerformance, speed::writeSpeedInput(), out);
    if (w.status.isSuccess() && w.information >= 8 + 16) {
        const std::uint32_t read = loadBe32(&out[8 + 8]);  // CDROM_WRITE_SPEED_DESCRIPTOR.ReadSpeed
        if (read != 0) {
            if (source != nullptr) *source = "GET_PERFORMANCE write speed descriptors (ReadSpeed)";
            return read;
        }
    }
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    const ControlResult n = handle.control(ioctl::codes::CdromGetPerformance,
                                           speed::performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), out);
    if (n.status.isSuccess() && n.information >= 8 + 16) {
        std::uint32_t fastest = 0;
        for (std::size_t at = 8; at + 16 <= n.information; at += 16)
            fastest = std::max({fastest, loadBe32(&out[at + 4]), loadBe32(&out[at + 12])});  // Start/EndPerformance
        if (fastest != 0) {
            if (source != nullptr) *source = "GET_PERFORMANCE nominal read performance";
            return fastest;
        }
    }
    if (why != nullptr) {
        *why = "IOCTL_CDROM_GET_PERFORMANCE returned no read speed: write speed descriptors " +
               (w.status.isSuccess() ? std::to_string(w.information) + " bytes" : ioctl::ntStatusName(w.status)) +
               ", nominal read performance " +
               (n.status.isSuccess() ? std::to_string(n.information) + " bytes" : ioctl::ntStatusName(n.status));
    }
    return 0;
}

ReportedSpeeds probeReportedSpeeds(DeviceHandle& handle, bool setStreaming)
{
    ReportedSpeeds out;
    std::string why;
    const speed::SpeedGuard guard(handle, setStreaming);
    if (!setReadSpeed(handle, speed::kMaximumSpeed, &why)) {
        out.missing = "NotSupported: " + why;
        return out;
    }
    out.maximumKbps = currentReadSpeedKbps(handle, &why, &out.source);
    if (out.maximumKbps == 0) {
        out.missing = "NotSupported: " + why;
        return out;
    }
    std::vector<std::uint32_t> reported;
    for (const std::uint32_t x : kCommonSpeedsX) {
        if (!setReadSpeed(handle, kbpsOf(x), &why)) {
            out.missing = "NotSupported: " + why;
            return out;
        }
        if (const std::uint32_t now = currentReadSpeedKbps(handle); now != 0) reported.push_back(now);
    }
    out.unchanged = reported.size() == std::size(kCommonSpeedsX) &&
                    std::all_of(reported.begin(), reported.end(), [&](std::uint32_t s) { return s == reported.front(); });
    std::sort(reported.begin(), reported.end());
    reported.erase(std::unique(reported.begin(), reported.end()), reported.end());
    // A speed counts when asking for it selects it: a nominal curve capped by the disc's outer radius is no
    // speed the drive can be set to.
    for (const std::uint32_t kbps : reported)
        if (setReadSpeed(handle, kbps, nullptr) && currentReadSpeedKbps(handle) == kbps) out.kbps.push_back(kbps);
    return out;
}

}  // namespace cdcts::suites::bench
