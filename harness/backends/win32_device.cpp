#include "harness/backends/win32_device.hpp"

#ifndef _WIN32
#error "win32_device.cpp is the Windows backend: harness/backends/CMakeLists.txt builds it only on Windows"
#endif

// Our own headers come first, so no Windows macro can reach them.
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <winternl.h>  // NtDeviceIoControlFile, IO_STATUS_BLOCK (ntdll)
#include <winioctl.h>  // IOCTL_STORAGE_QUERY_PROPERTY, STORAGE_DEVICE_DESCRIPTOR, STORAGE_ADAPTER_DESCRIPTOR
#include <ntddscsi.h>  // IOCTL_SCSI_PASS_THROUGH_DIRECT, SCSI_PASS_THROUGH_DIRECT

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <limits>
#include <span>
#include <utility>
#include <vector>

// ntdll exports it but only the WDK headers declare it (wdm.h / ntddk.h).
extern "C" NTSTATUS NTAPI RtlGetVersion(PRTL_OSVERSIONINFOW versionInformation);

// ntdll exports NtReadFile; winternl.h does not declare it (the DDK's ntifs.h does, and does not mix with
// windows.h), so it is declared here, at global scope where the C linkage name lives.
extern "C" NTSTATUS NTAPI NtReadFile(HANDLE FileHandle, HANDLE Event, PIO_APC_ROUTINE ApcRoutine, PVOID ApcContext,
                                     PIO_STATUS_BLOCK IoStatusBlock, PVOID Buffer, ULONG Length,
                                     PLARGE_INTEGER ByteOffset, PULONG Key);

namespace cdcts::backends {
namespace {

constexpr NTSTATUS kStatusPending = 0x00000103;  // winnt.h spells it as a DWORD, NtDeviceIoControlFile returns a LONG
constexpr std::uint8_t kPeripheralTypeCdDvd = 0x05;  // SPC peripheral device type of an MMC device

// Owns a Win32 HANDLE and closes it once.
class UniqueHandle {
public:
    UniqueHandle() = default;
    explicit UniqueHandle(HANDLE handle) : handle_(handle) {}
    ~UniqueHandle() { reset(); }
    UniqueHandle(UniqueHandle&& other) noexcept : handle_(std::exchange(other.handle_, INVALID_HANDLE_VALUE)) {}
    UniqueHandle& operator=(UniqueHandle&& other) noexcept
    {
        if (this != &other) {
            reset();
            handle_ = std::exchange(other.handle_, INVALID_HANDLE_VALUE);
        }
        return *this;
    }
    UniqueHandle(const UniqueHandle&) = delete;
    UniqueHandle& operator=(const UniqueHandle&) = delete;

    [[nodiscard]] HANDLE get() const { return handle_; }
    void reset()
    {
        if (handle_ != INVALID_HANDLE_VALUE && handle_ != nullptr) ::CloseHandle(handle_);
        handle_ = INVALID_HANDLE_VALUE;
    }

private:
    HANDLE handle_ = INVALID_HANDLE_VALUE;
};

std::string trimmed(std::string text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.back())) text.pop_back();
    const auto first = std::find_if_not(text.begin(), text.end(), isSpace);
    text.erase(text.begin(), first);
    return text;
}

std::string hex32(std::uint32_t value)
{
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "0x%08X", static_cast<unsigned>(value));
    return text.data();
}

// "Windows error 5 (Access is denied)": the number for searching, the system's text for reading.
std::string win32ErrorText(DWORD error)
{
    std::array<char, 512> buffer{};
    const DWORD length = ::FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, error, 0,
                                          buffer.data(), static_cast<DWORD>(buffer.size()), nullptr);
    std::string text = trimmed(std::string(buffer.data(), std::min<std::size_t>(length, buffer.size())));
    while (!text.empty() && text.back() == '.') text.pop_back();
    return "Windows error " + std::to_string(error) + (text.empty() ? "" : " (" + text + ")");
}

std::string ntStatusText(ioctl::NtStatus status)
{
    const ULONG error = ::RtlNtStatusToDosError(static_cast<NTSTATUS>(status.value));
    return ioctl::ntStatusName(status) + ", " + win32ErrorText(error);
}

std::wstring widened(const std::string& text)
{
    if (text.empty()) return {};
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw DeviceError("device path too long");
    const int length = static_cast<int>(text.size());
    const int wideLength = ::MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), length, nullptr, 0);
    if (wideLength <= 0) throw DeviceError(text + ": the device path is not valid UTF-8");
    std::wstring wide(static_cast<std::size_t>(wideLength), L'\0');
    ::MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), length, wide.data(), wideLength);
    return wide;
}

DWORD desiredAccess(HandleAccess access)
{
    switch (access) {
    case HandleAccess::None: return 0;
    case HandleAccess::Read: return GENERIC_READ;
    case HandleAccess::ReadWrite: return GENERIC_READ | GENERIC_WRITE;
    }
    return 0;
}

// CreateFileW as the suites' handles need it: synchronous (no FILE_FLAG_OVERLAPPED), sharing read and write so
// a second handle ("another process") can be opened beside it.
UniqueHandle openPath(const std::wstring& widePath, const std::string& path, HandleAccess access)
{
    HANDLE handle = ::CreateFileW(widePath.c_str(), desiredAccess(access), FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                  OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle != INVALID_HANDLE_VALUE) return UniqueHandle(handle);
    const DWORD error = ::GetLastError();
    std::string message = path + ": cannot open with " + handleAccessName(access) + " access: " + win32ErrorText(error);
    if (error == ERROR_ACCESS_DENIED && access == HandleAccess::ReadWrite)
        message += "; a read-write handle to a CD-ROM normally needs administrator rights (run elevated)";
    if (error == ERROR_ACCESS_DENIED && access == HandleAccess::Read)
        message += "; this account may not read the drive (a policy can restrict CD-ROM access; try elevated)";
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND)
        message += "; no such device (CD-ROM paths are \\\\.\\CdRom0, \\\\.\\CdRom1, ... or \\\\.\\D:)";
    throw DeviceError(message);
}

// DeviceIoControl without the loss: NtDeviceIoControlFile gives the driver's NTSTATUS and the IO_STATUS_BLOCK's
// Information as they are, warnings and errors included (ioctl-contracts.md §0.2, Q8).
ControlResult ioControl(HANDLE handle, std::uint32_t code, std::span<const std::uint8_t> input, std::span<std::uint8_t> output)
{
    constexpr std::size_t kMaxLength = std::numeric_limits<ULONG>::max();
    if (input.size() > kMaxLength || output.size() > kMaxLength) throw DeviceError("an IOCTL buffer is larger than 4 GiB");
    IO_STATUS_BLOCK ioStatus{};
    // The direct and buffered methods only read the input buffer; the API merely takes it non-const.
    void* inputBuffer = input.empty() ? nullptr : const_cast<std::uint8_t*>(input.data());
    void* outputBuffer = output.empty() ? nullptr : output.data();
    NTSTATUS status = ::NtDeviceIoControlFile(handle, nullptr, nullptr, nullptr, &ioStatus, code, inputBuffer,
                                              static_cast<ULONG>(input.size()), outputBuffer,
                                              static_cast<ULONG>(output.size()));
    if (status == kStatusPending) {
        // A synchronous handle waits inside the I/O manager; should the request pend anyway, the file object is
        // signalled when it completes and the IO_STATUS_BLOCK holds the final status.
        ::WaitForSingleObject(handle, INFINITE);
        status = ioStatus.Status;
    }
    const ULONG_PTR information = std::min<ULONG_PTR>(ioStatus.Information, std::numeric_limits<std::uint32_t>::max());
    return ControlResult{ioctl::NtStatus{static_cast<std::uint32_t>(status)}, static_cast<std::uint32_t>(information)};
}

// ReadFile without the loss, as ioControl above: NtReadFile (declared at the top) at an explicit byte offset gives
// the class driver's NTSTATUS (STATUS_VERIFY_REQUIRED, STATUS_DEVICE_BUSY, ...) rather than the Win32 error.
ControlResult readAt(HANDLE handle, std::int64_t byteOffset, std::span<std::uint8_t> buffer)
{
    if (buffer.size() > std::numeric_limits<ULONG>::max()) throw DeviceError("a read buffer is larger than 4 GiB");
    IO_STATUS_BLOCK ioStatus{};
    LARGE_INTEGER offset{};
    offset.QuadPart = byteOffset;
    NTSTATUS status = ::NtReadFile(handle, nullptr, nullptr, nullptr, &ioStatus, buffer.empty() ? nullptr : buffer.data(),
                                   static_cast<ULONG>(buffer.size()), &offset, nullptr);
    if (status == kStatusPending) {
        ::WaitForSingleObject(handle, INFINITE);
        status = ioStatus.Status;
    }
    const ULONG_PTR information = std::min<ULONG_PTR>(ioStatus.Information, std::numeric_limits<std::uint32_t>::max());
    return ControlResult{ioctl::NtStatus{static_cast<std::uint32_t>(status)}, static_cast<std::uint32_t>(information)};
}

class Win32Handle final : public DeviceHandle {
public:
    Win32Handle(UniqueHandle handle, HandleAccess access) : handle_(std::move(handle)), access_(access) {}

    ControlResult control(ioctl::ControlCode code, std::span<const std::uint8_t> input,
                          std::span<std::uint8_t> output) override
    {
        return ioControl(handle_.get(), code.value, input, output);
    }
    ControlResult read(std::int64_t byteOffset, std::span<std::uint8_t> buffer) override
    {
        return readAt(handle_.get(), byteOffset, buffer);
    }
    [[nodiscard]] HandleAccess access() const override { return access_; }

private:
    UniqueHandle handle_;
    HandleAccess access_;
};

// IOCTL_STORAGE_QUERY_PROPERTY, standard query: the whole descriptor, asked for again when the header's Size
// says it is longer than the first buffer.
std::vector<std::uint8_t> queryProperty(HANDLE handle, STORAGE_PROPERTY_ID property, const std::string& path,
                                        const char* what)
{
    STORAGE_PROPERTY_QUERY query{};
    query.PropertyId = property;
    query.QueryType = PropertyStandardQuery;
    const std::span<const std::uint8_t> input(reinterpret_cast<const std::uint8_t*>(&query), sizeof query);
    constexpr std::size_t kLargestDescriptor = 64 * 1024;
    std::vector<std::uint8_t> buffer(1024);
    for (int attempt = 1;; ++attempt) {
        const ControlResult result = ioControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, input, buffer);
        if (!result.status.isSuccess())
            throw DeviceError(path + ": IOCTL_STORAGE_QUERY_PROPERTY(" + what + ") failed: " + ntStatusText(result.status));
        const std::size_t returned = std::min<std::size_t>(result.information, buffer.size());
        STORAGE_DESCRIPTOR_HEADER header{};
        if (returned >= sizeof header) std::memcpy(&header, buffer.data(), sizeof header);
        if (attempt == 1 && header.Size > buffer.size() && header.Size <= kLargestDescriptor) {
            buffer.assign(header.Size, 0);
            continue;
        }
        buffer.resize(returned);
        return buffer;
    }
}

// The fixed part of a descriptor, zero where the driver returned fewer bytes.
template <typename Descriptor>
Descriptor fixedPart(std::span<const std::uint8_t> bytes)
{
    Descriptor descriptor{};
    std::memcpy(&descriptor, bytes.data(), std::min(bytes.size(), sizeof descriptor));
    return descriptor;
}

// A NUL-terminated string at `offset` inside the returned bytes. Drivers leave absent strings at offset 0 (some at
// 0xFFFFFFFF), so anything outside the returned bytes or inside the fixed part counts as absent.
std::string descriptorString(std::span<const std::uint8_t> bytes, DWORD offset)
{
    if (offset < offsetof(STORAGE_DEVICE_DESCRIPTOR, RawDeviceProperties) || offset >= bytes.size()) return {};
    const auto rest = bytes.subspan(offset);
    const auto end = std::find(rest.begin(), rest.end(), std::uint8_t{0});
    std::string text;
    for (auto it = rest.begin(); it != end; ++it) text.push_back(*it >= 0x20 && *it < 0x7F ? static_cast<char>(*it) : '?');
    return trimmed(std::move(text));
}

const char* busTypeName(std::uint32_t busType)
{
    // STORAGE_BUS_TYPE (winioctl.h / ntddstor.h), in enum order.
    static constexpr std::array<const char*, 20> kNames{
        "unknown", "scsi", "atapi", "ata", "1394", "ssa", "fibre", "usb", "raid", "iscsi",
        "sas", "sata", "sd", "mmc", "virtual", "file-backed-virtual", "spaces", "nvme", "scm", "ufs"};
    return busType < kNames.size() ? kNames[busType] : "other";
}

void readDeviceDescriptor(HANDLE handle, DeviceIdentity& identity)
{
    const std::vector<std::uint8_t> bytes = queryProperty(handle, StorageDeviceProperty, identity.path, "StorageDeviceProperty");
    if (bytes.size() < offsetof(STORAGE_DEVICE_DESCRIPTOR, RawPropertiesLength))
        throw DeviceError(identity.path + ": the storage device descriptor is too short (" + std::to_string(bytes.size()) + " bytes)");
    const auto descriptor = fixedPart<STORAGE_DEVICE_DESCRIPTOR>(bytes);
    if (descriptor.DeviceType != kPeripheralTypeCdDvd)
        throw DeviceError(identity.path + ": not a CD/DVD drive (SCSI peripheral device type " +
                          std::to_string(descriptor.DeviceType) + ", expected 5)");
    identity.vendor = descriptorString(bytes, descriptor.VendorIdOffset);
    identity.product = descriptorString(bytes, descriptor.ProductIdOffset);
    identity.revision = descriptorString(bytes, descriptor.ProductRevisionOffset);
    identity.details.emplace_back("bus_type", busTypeName(static_cast<std::uint32_t>(descriptor.BusType)));
    identity.details.emplace_back("removable_media", descriptor.RemovableMedia ? "yes" : "no");
    if (std::string serial = descriptorString(bytes, descriptor.SerialNumberOffset); !serial.empty())
        identity.details.emplace_back("serial_number", std::move(serial));
}

// The port driver's limits (S/init.c:869); nullopt, with the reason in the details, when it does not answer.
std::optional<mmc::AdapterProperties> readAdapterDescriptor(HANDLE handle, DeviceIdentity& identity)
{
    std::vector<std::uint8_t> bytes;
    try {
        bytes = queryProperty(handle, StorageAdapterProperty, identity.path, "StorageAdapterProperty");
    } catch (const DeviceError& e) {
        identity.details.emplace_back("adapter_error", e.what());
        return std::nullopt;
    }
    if (bytes.size() < offsetof(STORAGE_ADAPTER_DESCRIPTOR, AdapterUsesPio)) {
        identity.details.emplace_back("adapter_error", "adapter descriptor too short (" + std::to_string(bytes.size()) + " bytes)");
        return std::nullopt;
    }
    const auto descriptor = fixedPart<STORAGE_ADAPTER_DESCRIPTOR>(bytes);
    mmc::AdapterProperties adapter;
    adapter.alignmentMask = descriptor.AlignmentMask;
    adapter.maximumTransferLength = descriptor.MaximumTransferLength;
    adapter.maximumPhysicalPages = descriptor.MaximumPhysicalPages;
    return adapter;
}

// Overrides win one by one; without a port descriptor only a complete set of overrides makes adapter values.
std::optional<mmc::AdapterProperties> combine(std::optional<mmc::AdapterProperties> port,
                                              const Win32AdapterOverrides& overrides, DeviceIdentity& identity)
{
    const bool anyOverride = overrides.alignmentMask || overrides.maximumTransferLength || overrides.maximumPhysicalPages;
    const bool allOverrides = overrides.alignmentMask && overrides.maximumTransferLength && overrides.maximumPhysicalPages;
    if (!port && !allOverrides) return std::nullopt;
    mmc::AdapterProperties adapter = port.value_or(mmc::AdapterProperties{});
    if (overrides.alignmentMask) adapter.alignmentMask = *overrides.alignmentMask;
    if (overrides.maximumTransferLength) adapter.maximumTransferLength = *overrides.maximumTransferLength;
    if (overrides.maximumPhysicalPages) adapter.maximumPhysicalPages = *overrides.maximumPhysicalPages;
    identity.details.emplace_back("adapter_source", !port ? "devices.yaml" : anyOverride ? "port+devices.yaml" : "port");
    identity.details.emplace_back("adapter_alignment_mask", hex32(adapter.alignmentMask));
    identity.details.emplace_back("adapter_maximum_transfer_length", std::to_string(adapter.maximumTransferLength));
    identity.details.emplace_back("adapter_maximum_physical_pages", std::to_string(adapter.maximumPhysicalPages));
    return adapter;
}

// "10.0.22631": the real version, which GetVersionEx hides from processes without a compatibility manifest.
std::string windowsBuild()
{
    RTL_OSVERSIONINFOW version{};
    version.dwOSVersionInfoSize = sizeof version;
    if (::RtlGetVersion(&version) != 0) return {};
    return std::to_string(version.dwMajorVersion) + "." + std::to_string(version.dwMinorVersion) + "." +
           std::to_string(version.dwBuildNumber);
}

// SCSI_PASS_THROUGH_DIRECT and its sense buffer in one block (ntddscsi.h); SenseInfoOffset points at `sense`.
struct PassThroughRequest {
    SCSI_PASS_THROUGH_DIRECT sptd;
    std::array<UCHAR, 32> sense;
};

ULONG timeoutSeconds(Nanoseconds timeout)
{
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(timeout).count();
    return static_cast<ULONG>(std::clamp<std::int64_t>(seconds, 1, std::numeric_limits<ULONG>::max()));
}

mmc::TransportStatus transportFailure(DWORD error)
{
    switch (error) {
    case ERROR_DEVICE_NOT_CONNECTED:  // STATUS_DEVICE_NOT_CONNECTED
    case ERROR_DEV_NOT_EXIST:         // STATUS_DEVICE_DOES_NOT_EXIST, a surprise-removed device (contracts §1 step 7)
    case ERROR_FILE_NOT_FOUND: return mmc::TransportStatus::NoDevice;
    case ERROR_SEM_TIMEOUT: return mmc::TransportStatus::Timeout;  // STATUS_IO_TIMEOUT
    default: return mmc::TransportStatus::Error;
    }
}

}  // namespace

// The drive's MMC route past the class driver: IOCTL_SCSI_PASS_THROUGH_DIRECT on a read-write handle.
class Win32PassThrough final : public mmc::MmcTarget {
public:
    // Masks above a page are not real alignment needs (and would make the bounce buffer absurd).
    Win32PassThrough(UniqueHandle handle, Clock& clock, std::uint32_t alignmentMask)
        : handle_(std::move(handle)), clock_(clock), alignmentMask_(std::min<std::uint32_t>(alignmentMask, 0xFFF)) {}

    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                               mmc::DataDirection direction, Nanoseconds timeout) override;
    Clock& clock() override { return clock_; }

private:
    UniqueHandle handle_;
    Clock& clock_;
    std::uint32_t alignmentMask_;
};

mmc::CommandResult Win32PassThrough::execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                             mmc::DataDirection direction, Nanoseconds timeout)
{
    mmc::CommandResult result;
    PassThroughRequest request{};
    SCSI_PASS_THROUGH_DIRECT& sptd = request.sptd;
    if (cdb.empty() || cdb.size() > sizeof sptd.Cdb || data.size() > std::numeric_limits<ULONG>::max()) {
        result.transport = mmc::TransportStatus::Error;
        return result;
    }
    if (direction == mmc::DataDirection::None) data = {};

    // The port driver rejects a buffer that breaks the adapter's AlignmentMask; such a buffer goes through an
    // aligned copy, so a caller's odd buffer tests the drive, not the port.
    std::vector<std::uint8_t> bounce;
    std::uint8_t* buffer = data.data();
    if (!data.empty() && (reinterpret_cast<std::uintptr_t>(buffer) & alignmentMask_) != 0) {
        bounce.resize(data.size() + alignmentMask_);
        const auto address = reinterpret_cast<std::uintptr_t>(bounce.data());
        buffer = bounce.data() + ((std::uintptr_t{alignmentMask_} + 1 - (address & alignmentMask_)) & alignmentMask_);
        if (direction == mmc::DataDirection::Out) std::copy(data.begin(), data.end(), buffer);
    }

    sptd.Length = static_cast<USHORT>(sizeof sptd);
    sptd.CdbLength = static_cast<UCHAR>(cdb.size());
    sptd.SenseInfoLength = static_cast<UCHAR>(request.sense.size());
    sptd.DataIn = static_cast<UCHAR>(direction == mmc::DataDirection::In    ? SCSI_IOCTL_DATA_IN
                                     : direction == mmc::DataDirection::Out ? SCSI_IOCTL_DATA_OUT
                                                                            : SCSI_IOCTL_DATA_UNSPECIFIED);
    sptd.DataTransferLength = static_cast<ULONG>(data.size());
    sptd.TimeOutValue = timeoutSeconds(timeout);
    sptd.DataBuffer = data.empty() ? nullptr : buffer;
    sptd.SenseInfoOffset = static_cast<ULONG>(offsetof(PassThroughRequest, sense));
    std::copy(cdb.begin(), cdb.end(), std::begin(sptd.Cdb));

    DWORD returned = 0;
    if (!::DeviceIoControl(handle_.get(), IOCTL_SCSI_PASS_THROUGH_DIRECT, &request, static_cast<DWORD>(sizeof request),
                           &request, static_cast<DWORD>(sizeof request), &returned, nullptr)) {
        result.transport = transportFailure(::GetLastError());
        return result;
    }

    result.transferred = static_cast<std::uint32_t>(std::min<std::size_t>(sptd.DataTransferLength, data.size()));
    if (!bounce.empty() && direction == mmc::DataDirection::In) std::copy_n(buffer, result.transferred, data.begin());
    result.status = static_cast<mmc::ScsiStatus>(sptd.ScsiStatus);
    const std::size_t senseLength = std::min<std::size_t>(sptd.SenseInfoLength, request.sense.size());
    if (senseLength > 0) result.sense = mmc::SenseData::fromBytes(std::span(request.sense).first(senseLength));
    // As with SG_IO: valid sense with a GOOD status still means the command did not complete cleanly.
    if (result.status == mmc::ScsiStatus::Good && senseLength > 0 && result.sense.valid())
        result.status = mmc::ScsiStatus::CheckCondition;
    return result;
}

Win32Device::Win32Device(std::string id, std::string path, Win32AdapterOverrides overrides) : widePath_(widened(path))
{
    // The driver flags user-induced errors (no media, not ready) for hard-error handling; without this Windows
    // may put up a "no disk in drive" box and hold the request until someone clicks it (contracts §10.1).
    ::SetErrorMode(::GetErrorMode() | SEM_FAILCRITICALERRORS);
    identity_.id = std::move(id);
    identity_.backend = "win32";
    identity_.path = std::move(path);

    // A zero-access handle needs no rights and mounts nothing; it is closed again once the descriptors are read.
    const UniqueHandle probe = openPath(widePath_, identity_.path, HandleAccess::None);
    readDeviceDescriptor(probe.get(), identity_);
    adapter_ = combine(readAdapterDescriptor(probe.get(), identity_), overrides, identity_);
    if (std::string build = windowsBuild(); !build.empty()) identity_.details.emplace_back("windows_build", std::move(build));
}

Win32Device::~Win32Device() = default;

std::unique_ptr<DeviceHandle> Win32Device::open(HandleAccess access)
{
    return std::make_unique<Win32Handle>(openPath(widePath_, identity_.path, access), access);
}

mmc::MmcTarget* Win32Device::passThrough()
{
    const std::lock_guard lock(passThroughMutex_);
    if (!passThroughTried_) {
        passThroughTried_ = true;
        try {
            // IOCTL_SCSI_PASS_THROUGH_DIRECT requires a handle with read and write access.
            UniqueHandle handle = openPath(widePath_, identity_.path, HandleAccess::ReadWrite);
            const std::uint32_t alignmentMask = adapter_ ? adapter_->alignmentMask : 0;
            passThrough_ = std::make_unique<Win32PassThrough>(std::move(handle), clock_, alignmentMask);
        } catch (const DeviceError& e) {
            passThroughError_ = e.what();
        }
    }
    return passThrough_.get();
}

std::string Win32Device::passThroughUnavailableReason() const
{
    const std::lock_guard lock(passThroughMutex_);
    return passThroughError_;
}

}  // namespace cdcts::backends
