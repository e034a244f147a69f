#pragma once
// The Windows IOCTL seam. A suite speaks only IOCTLs to a Device through a handle that carries its access
// rights, plus an optional SCSI pass-through for cross-checks. Implementations: the real class driver
// (Win32Device) and our model of it (ClassDriver) standing on any MmcTarget.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "harness/core/clock.hpp"
#include "harness/ioctl/control_code.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/adapter_properties.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts {

// The rights a handle was opened with (FILE_READ_DATA / FILE_WRITE_DATA); the I/O manager compares them
// with a code's RequiredAccess before the driver sees the request.
enum class HandleAccess : std::uint8_t { None = 0, Read = 1, ReadWrite = 3 };

[[nodiscard]] const char* handleAccessName(HandleAccess access);
[[nodiscard]] bool grants(HandleAccess held, ioctl::RequiredAccess required);

// IoStatus as the caller sees it: the status and Information (bytes returned).
struct ControlResult {
    ioctl::NtStatus status;
    std::uint32_t information = 0;
};

// Who the device is, for reports and for the suites' messages.
struct DeviceIdentity {
    std::string id;       // the devices.yaml id
    std::string backend;  // "emulated", "sgio", "win32"
    std::string path;     // device path or emulated profile name
    std::string vendor;   // INQUIRY strings, trimmed
    std::string product;
    std::string revision;
    std::vector<std::pair<std::string, std::string>> details;  // anything else worth a report property
};

class DeviceHandle {
public:
    virtual ~DeviceHandle() = default;
    // DeviceIoControl: `input` is what the caller passes; `output` is the caller's buffer, of which only
    // the first `information` bytes are written (METHOD_BUFFERED copies exactly that many back).
    virtual ControlResult control(ioctl::ControlCode code, std::span<const std::uint8_t> input,
                                  std::span<std::uint8_t> output) = 0;
    // ReadFile at a byte offset of the raw device (\\.\CdRom0): the cooked-read path, IRP_MJ_READ, answered by
    // the class driver with the same verify, play-active and exclusive-lock gates as the IOCTLs. The status is the
    // driver's NTSTATUS and `information` the bytes read into `buffer`.
    virtual ControlResult read(std::int64_t byteOffset, std::span<std::uint8_t> buffer) = 0;
    [[nodiscard]] virtual HandleAccess access() const = 0;
};

// One command the drive received, as a command trace records it: the "drive traffic" of ioctl-contracts.md §6
// and §9.2 E5.
struct DriveCommand {
    std::vector<std::uint8_t> cdb;
    mmc::DataDirection direction = mmc::DataDirection::None;
    std::uint32_t bufferLength = 0;
};

// A device's persistent state as name/value pairs ("drive.tray" = "closed"), for comparing before and after.
using StateSnapshot = std::vector<std::pair<std::string, std::string>>;

class Device {
public:
    virtual ~Device() = default;
    [[nodiscard]] virtual const DeviceIdentity& identity() const = 0;
    virtual Clock& clock() = 0;
    // Opens a handle like CreateFile with the given rights; throws DeviceError when it cannot.
    virtual std::unique_ptr<DeviceHandle> open(HandleAccess access) = 0;
    // The raw SCSI route to the same drive, when there is one (nullptr otherwise).
    virtual mmc::MmcTarget* passThrough() { return nullptr; }
    // The adapter values the device's transport reports, when known.
    [[nodiscard]] virtual std::optional<mmc::AdapterProperties> adapter() const { return std::nullopt; }
    // Everything a test could leave changed (tray, locks, speeds, mode pages, play state, the driver's lock and
    // verify state), where the implementation can see it without sending a command: the emulated drive and the
    // model. Empty for a real drive. The suites' drive-state guard compares it before and after every test.
    [[nodiscard]] virtual StateSnapshot stateSnapshot() { return {}; }
    // The commands the drive received since the last clearCommandTrace(), oldest first, where the implementation
    // records them (the emulated drive); nullopt for a device without a trace (a pass-through is not one).
    [[nodiscard]] virtual std::optional<std::vector<DriveCommand>> commandTrace() { return std::nullopt; }
    virtual void clearCommandTrace() {}
};

class DeviceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace cdcts
