#pragma once
// A real drive on Windows through the real CD-ROM class driver: NtDeviceIoControlFile on \\.\CdRomN for the
// IOCTLs, IOCTL_SCSI_PASS_THROUGH_DIRECT for the raw MMC route (docs/win32-backend.md). Built only on Windows;
// this header names no Windows type, so including it drags no <windows.h> macros into other code.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "harness/device/device.hpp"

namespace cdcts::backends {

// Adapter values to use instead of what the port driver reports (devices.yaml `adapter:`), one by one.
struct Win32AdapterOverrides {
    std::optional<std::uint32_t> alignmentMask;
    std::optional<std::uint32_t> maximumTransferLength;
    std::optional<std::uint32_t> maximumPhysicalPages;
};

class Win32PassThrough;  // the MmcTarget over IOCTL_SCSI_PASS_THROUGH_DIRECT, defined in win32_device.cpp

class Win32Device final : public Device {
public:
    // Opens the path with no access rights to prove the drive is there and is a CD/DVD device, and reads its
    // identity and adapter descriptor (ioctl-contracts.md Q9); throws DeviceError naming the path and the
    // Windows error. Also sets SEM_FAILCRITICALERRORS for the process (§10.1).
    Win32Device(std::string id, std::string path, Win32AdapterOverrides overrides = {});
    ~Win32Device() override;
    Win32Device(const Win32Device&) = delete;
    Win32Device& operator=(const Win32Device&) = delete;

    [[nodiscard]] const DeviceIdentity& identity() const override { return identity_; }
    Clock& clock() override { return clock_; }
    // CreateFile with 0, GENERIC_READ or GENERIC_READ | GENERIC_WRITE, synchronous, sharing read and write.
    std::unique_ptr<DeviceHandle> open(HandleAccess access) override;
    // Opened on first use on a read-write handle; nullptr when that handle cannot be had (read-write access to
    // a CD-ROM normally needs administrator rights), so the cross-layer checks report NotSupported.
    mmc::MmcTarget* passThrough() override;
    [[nodiscard]] std::optional<mmc::AdapterProperties> adapter() const override { return adapter_; }

    // Why passThrough() returned nullptr (empty before the first call and when it succeeded).
    [[nodiscard]] std::string passThroughUnavailableReason() const;

private:
    DeviceIdentity identity_;
    std::wstring widePath_;
    SteadyClock clock_;
    std::optional<mmc::AdapterProperties> adapter_;

    mutable std::mutex passThroughMutex_;
    bool passThroughTried_ = false;
    std::unique_ptr<Win32PassThrough> passThrough_;
    std::string passThroughError_;
};

}  // namespace cdcts::backends
