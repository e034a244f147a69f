#pragma once
// Our reference model of the Windows CD-ROM class driver (the KMDF sample, ioctl-contracts.md), standing
// on any MmcTarget: it validates, translates to MMC and answers each IOCTL as the driver does, in the same
// order, with the same statuses, byte counts and drive traffic. With the I/O manager's part (access check,
// buffered copy) it is a complete Device.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "harness/classdriver/driver_state.hpp"
#include "harness/classdriver/request.hpp"
#include "harness/classdriver/scsi_executor.hpp"
#include "harness/classdriver/serial_queue.hpp"
#include "harness/device/device.hpp"

namespace cdcts::classdriver {

class ClassDriver final : public Device {
public:
    // Runs the start-up probing (§7.6) against the target: the drive sees it as the device being opened.
    ClassDriver(mmc::MmcTarget& target, DeviceIdentity identity, ClassDriverSettings settings);

    [[nodiscard]] const DeviceIdentity& identity() const override { return identity_; }
    Clock& clock() override { return target_.clock(); }
    std::unique_ptr<DeviceHandle> open(HandleAccess access) override;
    mmc::MmcTarget* passThrough() override { return &target_; }
    [[nodiscard]] std::optional<mmc::AdapterProperties> adapter() const override { return settings_.adapter; }

    // The driver's entry for one request the I/O manager has admitted (§1 steps 2-7).
    Completion dispatch(const FileObject& file, ioctl::ControlCode code, std::span<const std::uint8_t> input,
                        std::span<std::uint8_t> output);

    // IRP_MJ_READ, the cooked-read path (ReadFile): `buffer` is the caller's, written directly (DO_DIRECT_IO).
    Completion read(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer);

    [[nodiscard]] const DriverState& state() const { return state_; }
    // The driver state a test could leave behind for the next one ("model.*" pairs): the device-wide lock counts,
    // the exclusive lock, DO_VERIFY_VOLUME, play-active, the pending default-speed restore. Per-handle state
    // (streaming, a handle's own locks) ends with the handle and is not listed.
    [[nodiscard]] StateSnapshot stateSnapshot() override;
    // For tests: seed what the model would have learnt from the drive (e.g. the §7.6 streaming support).
    DriverState& stateForTesting() { return state_; }
    [[nodiscard]] const ClassDriverSettings& settings() const { return settings_; }
    // A handle was closed: release what it owned.
    void close(const FileObject& file);
    // Runs a pending MMC capability refresh now, as the next queued request would (§1 step 5, §7.6). Test
    // fixtures use it so that a trace starts from a settled device.
    void runPendingMmcRefresh();
    // IRP_MN_SURPRISE_REMOVAL: the PnP manager found the device gone. The model cannot see the bus, so whoever
    // drives it (a test, a backend that saw the device vanish) reports it; from then on every failing request
    // completes with STATUS_DEVICE_DOES_NOT_EXIST (§1 step 7).
    void surpriseRemove();
    // The PnP side for a backend that can tell the device is gone (the emulated drive after a DeviceGone fault):
    // asked when a request reaches the head of the queue, so the request that met the removal fails as the
    // transport says (§8.3 STATUS_NO_SUCH_DEVICE) and the ones after it as §1 step 7 says.
    void setRemovalWatch(std::function<bool()> deviceGone) { removalWatch_ = std::move(deviceGone); }
    // Requests that have arrived and not completed (the running one and those queued behind it), for tests of
    // the §1 serialisation.
    [[nodiscard]] std::uint64_t queuedRequests() const { return serialQueue_.pending(); }

private:
    void startDevice();
    [[nodiscard]] Completion answerImmediately(const FileObject& file, ioctl::ControlCode code,
                                               std::span<std::uint8_t> output);
    [[nodiscard]] Completion complete(Completion c) const;
    void noticeRemoval();  // with the queue held
    [[nodiscard]] bool blockedByExclusiveLock(const FileObject& file, ioctl::ControlCode original,
                                              std::span<const std::uint8_t> input) const;

    mmc::MmcTarget& target_;
    DeviceIdentity identity_;
    ClassDriverSettings settings_;
    DriverState state_;
    ScsiExecutor scsi_;
    SerialQueue serialQueue_;  // every request that touches the device runs one at a time, in arrival order (§1)
    // Read by GET_INQUIRY_DATA outside the queue (§1 step 4a), so not only in state_.
    std::atomic<bool> surpriseRemoved_{false};
    std::function<bool()> removalWatch_;
    std::uint64_t nextFileId_ = 1;
    // Handles hold a weak reference to this, so one that outlives the device finds it gone rather than
    // touching freed memory.
    std::shared_ptr<ClassDriver*> alive_ = std::make_shared<ClassDriver*>(this);
};

}  // namespace cdcts::classdriver
