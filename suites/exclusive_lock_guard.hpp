#pragma once
// Another handle's exclusive lock (ioctl-contracts.md §3.5), for the gate checks of §1 step 2: taken on a second
// read/write handle and given back at the end, also when the test fails, with CDROM_NO_MEDIA_NOTIFICATIONS so the
// unlock does not fake a medium change. CDROM_LOCK_IGNORE_VOLUME lets it lock where a volume is mounted.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "harness/device/device.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/exclusive.hpp"

namespace cdcts::suites {

class ExclusiveLockGuard {
public:
    // Throws DeviceError when no read/write handle can be opened (a test reports that as NotSupported).
    explicit ExclusiveLockGuard(Device& device) : owner_(device.open(HandleAccess::ReadWrite)) {}
    ExclusiveLockGuard(const ExclusiveLockGuard&) = delete;
    ExclusiveLockGuard& operator=(const ExclusiveLockGuard&) = delete;
    ~ExclusiveLockGuard()
    {
        if (!locked_) return;
        ioctl::CDROM_EXCLUSIVE_ACCESS unlock{ioctl::ExclusiveAccessUnlockDevice, ioctl::CDROM_NO_MEDIA_NOTIFICATIONS};
        std::vector<std::uint8_t> in(sizeof unlock);
        std::memcpy(in.data(), &unlock, sizeof unlock);
        (void)owner_->control(ioctl::codes::CdromExclusiveAccess, in, {});
    }
    [[nodiscard]] DeviceHandle& owner() { return *owner_; }
    ControlResult lock()
    {
        ioctl::CDROM_EXCLUSIVE_LOCK request{};
        request.Access.RequestType = ioctl::ExclusiveAccessLockDevice;
        request.Access.Flags = ioctl::CDROM_LOCK_IGNORE_VOLUME;
        const char name[] = "cdcts gate";
        std::memcpy(request.CallerName, name, sizeof name);
        std::vector<std::uint8_t> in(sizeof request);
        std::memcpy(in.data(), &request, sizeof request);
        const ControlResult r = owner_->control(ioctl::codes::CdromExclusiveAccess, in, {});
        locked_ = r.status.isSuccess();
        return r;
    }

    // Why lock() was refused, for a NotSupported skip: the causes §3.5 names, else the status.
    [[nodiscard]] static std::string refusalReason(ioctl::NtStatus status)
    {
        if (status == ioctl::status::InvalidDeviceState) return "a file system volume is mounted, so the exclusive lock is refused";
        if (status == ioctl::status::AccessDenied) return "another caller holds the exclusive lock";
        return "the exclusive lock failed with " + ioctl::ntStatusName(status);
    }

private:
    std::unique_ptr<DeviceHandle> owner_;
    bool locked_ = false;
};

}  // namespace cdcts::suites
