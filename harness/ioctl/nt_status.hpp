#pragma once
// NTSTATUS values the class driver completes requests with (ntstatus.h). The catalog in
// nt_status_catalog.cpp gives each its name and the Win32 error RtlNtStatusToDosError maps it to.
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace cdcts::ioctl {

struct NtStatus {
    std::uint32_t value = 0;

    // Severity is the top two bits: 0 success, 1 informational, 2 warning, 3 error.
    [[nodiscard]] constexpr unsigned severity() const { return value >> 30; }
    [[nodiscard]] constexpr bool isSuccess() const { return severity() <= 1; }  // NT_SUCCESS
    [[nodiscard]] constexpr bool isWarning() const { return severity() == 2; }
    [[nodiscard]] constexpr bool isError() const { return severity() == 3; }

    friend constexpr bool operator==(NtStatus, NtStatus) = default;
};

namespace status {
inline constexpr NtStatus Success{0x00000000};
inline constexpr NtStatus BufferOverflow{0x80000005};
inline constexpr NtStatus DeviceBusy{0x80000011};
inline constexpr NtStatus VerifyRequired{0x80000016};
inline constexpr NtStatus NoDataDetected{0x80000022};
inline constexpr NtStatus CleanerCartridgeInstalled{0x80000027};
// Not a class-driver status: the model answers it for codes the sample implements but cdcts does not
// model yet, so such a result can never pass for the driver's own answer.
inline constexpr NtStatus NotImplemented{0xC0000002};
inline constexpr NtStatus InfoLengthMismatch{0xC0000004};
inline constexpr NtStatus InvalidHandle{0xC0000008};
inline constexpr NtStatus InvalidParameter{0xC000000D};
inline constexpr NtStatus NoSuchDevice{0xC000000E};
inline constexpr NtStatus InvalidDeviceRequest{0xC0000010};
inline constexpr NtStatus NoMediaInDevice{0xC0000013};
inline constexpr NtStatus UnrecognizedMedia{0xC0000014};
inline constexpr NtStatus NonexistentSector{0xC0000015};
inline constexpr NtStatus AccessDenied{0xC0000022};
inline constexpr NtStatus BufferTooSmall{0xC0000023};
inline constexpr NtStatus DataOverrun{0xC000003C};
inline constexpr NtStatus InsufficientResources{0xC000009A};
inline constexpr NtStatus DeviceDataError{0xC000009C};
inline constexpr NtStatus DeviceNotConnected{0xC000009D};
inline constexpr NtStatus MediaWriteProtected{0xC00000A2};
inline constexpr NtStatus DeviceNotReady{0xC00000A3};
inline constexpr NtStatus IoTimeout{0xC00000B5};
inline constexpr NtStatus NotSupported{0xC00000BB};
inline constexpr NtStatus DeviceDoesNotExist{0xC00000C0};
inline constexpr NtStatus InternalError{0xC00000E5};
inline constexpr NtStatus Cancelled{0xC0000120};
inline constexpr NtStatus InvalidLevel{0xC0000148};
inline constexpr NtStatus InvalidBlockLength{0xC0000173};
inline constexpr NtStatus InvalidDeviceState{0xC0000184};
inline constexpr NtStatus IoDeviceError{0xC0000185};
inline constexpr NtStatus DeviceProtocolError{0xC0000186};
inline constexpr NtStatus InvalidBufferSize{0xC0000206};
// Copy-protection failures (sense 6F/xx, ioctl-contracts.md §8.1). Not in §0.3 and not in the catalog: their Win32
// errors are not known (Q14), so they print as "NTSTATUS 0xC000030x".
inline constexpr NtStatus CopyProtectionFailure{0xC0000305};
inline constexpr NtStatus CssAuthenticationFailure{0xC0000306};
inline constexpr NtStatus CssKeyNotPresent{0xC0000307};
inline constexpr NtStatus CssKeyNotEstablished{0xC0000308};
inline constexpr NtStatus CssScrambledSector{0xC0000309};
inline constexpr NtStatus CssRegionMismatch{0xC000030A};
inline constexpr NtStatus CssResetsExhausted{0xC000030B};
}  // namespace status

struct NtStatusInfo {
    NtStatus status;
    std::string_view name;     // "STATUS_BUFFER_TOO_SMALL"
    std::uint32_t win32Error;  // RtlNtStatusToDosError
    std::string_view win32Name;  // "ERROR_INSUFFICIENT_BUFFER", empty where the contracts give only a number
};

// Looks a status up in the catalog; nullopt for values the catalog does not hold.
std::optional<NtStatusInfo> findNtStatus(NtStatus status);
std::optional<NtStatusInfo> findNtStatus(std::string_view name);
// Every row of the catalog, in ntstatus.h order.
std::span<const NtStatusInfo> allNtStatuses();
// "STATUS_SUCCESS" for known values, "NTSTATUS 0x........" otherwise.
std::string ntStatusName(NtStatus status);

// Prints the name, so test failures read "STATUS_BUFFER_TOO_SMALL" rather than bytes.
inline std::ostream& operator<<(std::ostream& os, NtStatus status) { return os << ntStatusName(status); }

}  // namespace cdcts::ioctl
