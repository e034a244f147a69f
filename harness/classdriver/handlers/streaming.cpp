// IOCTL_CDROM_ENABLE_STREAMING: the per-handle streaming flags (ioctl-contracts.md §3.4, §7.2;
// RequestValidateEnableStreaming S/ioctl.c:3515, RequestHandleEnableStreaming S/ioctl.c:5649). No SCSI
// command; the flags change later cooked reads and writes on this handle only (readStreaming,
// writeStreaming in driver_state.hpp).
#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/speed.hpp"

namespace cdcts::classdriver {
namespace {

std::int32_t requestType(const Request& request) { return static_cast<std::int32_t>(loadLe32(request.input.data())); }

}  // namespace

std::optional<Completion> validateEnableStreaming(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(ioctl::CDROM_STREAMING_CONTROL)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    const std::int32_t type = requestType(request);
    if (type < ioctl::CdromStreamingDisable || type > ioctl::CdromStreamingEnableForReadWrite)
        return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleEnableStreaming(const Request& request, DriverContext& context)
{
    // Row 1 (no file object context → STATUS_INVALID_HANDLE) cannot happen here: every model request comes
    // through a handle.
    const std::int32_t type = requestType(request);
    const bool read = type == ioctl::CdromStreamingEnableForReadOnly || type == ioctl::CdromStreamingEnableForReadWrite;
    const bool write = type == ioctl::CdromStreamingEnableForWriteOnly || type == ioctl::CdromStreamingEnableForReadWrite;
    // Support as the last capability refresh found it; the latched hack flag withdraws both (§3.4).
    const DriverState& state = context.state;
    if (read && (!state.streamingReadSupported || state.noStreamingHack)) return {ioctl::status::InvalidDeviceRequest, 0};
    if (write && (!state.streamingWriteSupported || state.noStreamingHack)) return {ioctl::status::InvalidDeviceRequest, 0};
    request.file.enforceStreamingRead = read;
    request.file.enforceStreamingWrite = write;
    return {ioctl::status::Success, 0};
}

}  // namespace cdcts::classdriver
