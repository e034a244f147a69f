#pragma once
// IOCTL_CDROM_ENABLE_STREAMING on one handle (streaming is a property of the file object, ioctl-contracts.md §7.2),
// and the guard that switches it off again however a benchmark ends, before the handle closes.
#include "harness/device/device.hpp"
#include "harness/ioctl/codes.hpp"
#include "suites/speed_support.hpp"

namespace cdcts::suites::bench {

// CdromStreamingEnableForReadOnly when `on`, else CdromStreamingDisable.
inline ControlResult setStreaming(DeviceHandle& handle, bool on)
{
    return handle.control(ioctl::codes::CdromEnableStreaming,
                          speed::streamingInput(on ? ioctl::CdromStreamingEnableForReadOnly : ioctl::CdromStreamingDisable), {});
}

// Puts the handle's streaming back to disabled, even when the benchmark fails (the flag also ends with the handle;
// the guard makes the restore explicit and keeps a long-lived handle right).
class StreamingGuard {
public:
    explicit StreamingGuard(DeviceHandle& handle) : handle_(handle) {}
    StreamingGuard(const StreamingGuard&) = delete;
    StreamingGuard& operator=(const StreamingGuard&) = delete;
    ~StreamingGuard() { (void)setStreaming(handle_, false); }

private:
    DeviceHandle& handle_;
};

}  // namespace cdcts::suites::bench
