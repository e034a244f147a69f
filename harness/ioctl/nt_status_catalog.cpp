// The NTSTATUS rows of ioctl-contracts.md §0.3: name, value, and the Win32 error RtlNtStatusToDosError gives.
// The ERROR_* name is filled exactly where §0.3 writes one, so the table stays checkable against the document.
#include <array>
#include <cstdio>

#include "harness/ioctl/nt_status.hpp"

namespace cdcts::ioctl {
namespace {

// clang-format off
constexpr std::array<NtStatusInfo, 34> kStatuses{{
    {status::Success,                   "STATUS_SUCCESS",                     0,    ""},
    {status::BufferOverflow,            "STATUS_BUFFER_OVERFLOW",             234,  "ERROR_MORE_DATA"},
    {status::DeviceBusy,                "STATUS_DEVICE_BUSY",                 170,  "ERROR_BUSY"},
    {status::VerifyRequired,            "STATUS_VERIFY_REQUIRED",             1110, "ERROR_MEDIA_CHANGED"},
    {status::NoDataDetected,            "STATUS_NO_DATA_DETECTED",            1104, "ERROR_NO_DATA_DETECTED"},
    {status::CleanerCartridgeInstalled, "STATUS_CLEANER_CARTRIDGE_INSTALLED", 4340, ""},
    // Not in §0.3: the reference model's answer for codes it does not model yet (see nt_status.hpp).
    {status::NotImplemented,            "STATUS_NOT_IMPLEMENTED",             1,    "ERROR_INVALID_FUNCTION"},
    {status::InfoLengthMismatch,        "STATUS_INFO_LENGTH_MISMATCH",        24,   "ERROR_BAD_LENGTH"},
    {status::InvalidHandle,             "STATUS_INVALID_HANDLE",              6,    "ERROR_INVALID_HANDLE"},
    {status::InvalidParameter,          "STATUS_INVALID_PARAMETER",           87,   "ERROR_INVALID_PARAMETER"},
    // Wine's mapping; not yet confirmed on Windows (contracts Q14).
    {status::NoSuchDevice,              "STATUS_NO_SUCH_DEVICE",              433,  ""},
    {status::InvalidDeviceRequest,      "STATUS_INVALID_DEVICE_REQUEST",      1,    "ERROR_INVALID_FUNCTION"},
    {status::NoMediaInDevice,           "STATUS_NO_MEDIA_IN_DEVICE",          21,   "ERROR_NOT_READY"},
    {status::UnrecognizedMedia,         "STATUS_UNRECOGNIZED_MEDIA",          1785, "ERROR_UNRECOGNIZED_MEDIA"},
    {status::NonexistentSector,         "STATUS_NONEXISTENT_SECTOR",          27,   "ERROR_SECTOR_NOT_FOUND"},
    {status::AccessDenied,              "STATUS_ACCESS_DENIED",               5,    "ERROR_ACCESS_DENIED"},
    {status::BufferTooSmall,            "STATUS_BUFFER_TOO_SMALL",            122,  "ERROR_INSUFFICIENT_BUFFER"},
    {status::DataOverrun,               "STATUS_DATA_OVERRUN",                1117, "ERROR_IO_DEVICE"},
    {status::InsufficientResources,     "STATUS_INSUFFICIENT_RESOURCES",      1450, ""},
    {status::DeviceDataError,           "STATUS_DEVICE_DATA_ERROR",           23,   "ERROR_CRC"},
    {status::DeviceNotConnected,        "STATUS_DEVICE_NOT_CONNECTED",        1167, ""},
    {status::MediaWriteProtected,       "STATUS_MEDIA_WRITE_PROTECTED",       19,   "ERROR_WRITE_PROTECT"},
    {status::DeviceNotReady,            "STATUS_DEVICE_NOT_READY",            21,   "ERROR_NOT_READY"},
    {status::IoTimeout,                 "STATUS_IO_TIMEOUT",                  121,  "ERROR_SEM_TIMEOUT"},
    {status::NotSupported,              "STATUS_NOT_SUPPORTED",               50,   ""},
    {status::DeviceDoesNotExist,        "STATUS_DEVICE_DOES_NOT_EXIST",       55,   ""},
    {status::InternalError,             "STATUS_INTERNAL_ERROR",              1359, ""},
    {status::Cancelled,                 "STATUS_CANCELLED",                   995,  "ERROR_OPERATION_ABORTED"},
    {status::InvalidLevel,              "STATUS_INVALID_LEVEL",               124,  ""},
    {status::InvalidBlockLength,        "STATUS_INVALID_BLOCK_LENGTH",        1106, ""},
    {status::InvalidDeviceState,        "STATUS_INVALID_DEVICE_STATE",        22,   "ERROR_BAD_COMMAND"},
    {status::IoDeviceError,             "STATUS_IO_DEVICE_ERROR",             1117, "ERROR_IO_DEVICE"},
    // §0.3 gives only the number in this row (and for SUCCESS), although it names 1117 in the rows above.
    {status::DeviceProtocolError,       "STATUS_DEVICE_PROTOCOL_ERROR",       1117, ""},
    {status::InvalidBufferSize,         "STATUS_INVALID_BUFFER_SIZE",         1784, "ERROR_INVALID_USER_BUFFER"},
}};
// clang-format on

consteval bool valuesAreUnique()
{
    for (std::size_t i = 0; i < kStatuses.size(); ++i)
        for (std::size_t j = i + 1; j < kStatuses.size(); ++j)
            if (kStatuses[i].status == kStatuses[j].status || kStatuses[i].name == kStatuses[j].name) return false;
    return true;
}
static_assert(valuesAreUnique());

}  // namespace

std::optional<NtStatusInfo> findNtStatus(NtStatus status)
{
    for (const NtStatusInfo& info : kStatuses)
        if (info.status == status) return info;
    return std::nullopt;
}

std::optional<NtStatusInfo> findNtStatus(std::string_view name)
{
    for (const NtStatusInfo& info : kStatuses)
        if (info.name == name) return info;
    return std::nullopt;
}

std::span<const NtStatusInfo> allNtStatuses() { return kStatuses; }

std::string ntStatusName(NtStatus status)
{
    if (const auto info = findNtStatus(status)) return std::string(info->name);
    char text[24];
    std::snprintf(text, sizeof text, "NTSTATUS 0x%08X", static_cast<unsigned>(status.value));
    return text;
}

}  // namespace cdcts::ioctl
