// The medium and the tray: EJECT_MEDIA / LOAD_MEDIA / LOAD_MEDIA2 (ioctl-contracts.md §3.3), the media locks
// MEDIA_REMOVAL / EJECTION_CONTROL and MCN_CONTROL (§3.11), RESERVE / RELEASE (§3.22), FIND_NEW_DEVICES (§3.7),
// and what a closing handle gives back (§3.11, §3.5).
#include <algorithm>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/misc.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;

enum class LockType : std::uint8_t { Simple, Secure };

// PREVENT ALLOW MEDIUM REMOVAL with the opcode's retry rules (§8.5 1Eh): a prevent is retried at most twice; an
// allow is retried at least 4 times whatever the sense says and then for as long as the sense says "retry";
// NOT READY/04h or a selection timeout waits at least 2 s.
ScsiOutcome sendPreventAllow(DriverContext& context, bool prevent)
{
    const auto cdb = mmc::cdb::preventAllowMediumRemoval(prevent);
    ScsiRequest request{cdb, {}, mmc::DataDirection::None};
    request.notReadyMinDelay = 2s;
    if (prevent) {
        request.maxRetries = 2;
    } else {
        request.maxRetries = context.settings.openEndedRetryLimit;
        request.forcedRetries = 4;
    }
    return context.scsi.send(request);
}

bool anyLock(std::int32_t simple, std::int32_t secure, std::int32_t internal) { return simple != 0 || secure != 0 || internal != 0; }

// PerformEjectionControl (S/common.c:3122): works out the new counts, sends PREVENT/ALLOW only when the total
// crosses 0 <-> 1, and commits the counts only if that command (when one was sent) succeeded. `lock` is the
// caller's PreventMediaRemoval byte: any non-zero value counts as a lock, but only bit 0 reaches the CDB.
Completion ejectionControl(const FileObject& file, DriverContext& context, LockType type, std::uint8_t lock)
{
    DriverState& s = context.state;
    std::int32_t simple = s.lockCount;
    std::int32_t secure = s.protectedLockCount;
    std::uint32_t perFile = file.lockCount;
    bool changed = false;
    if (lock != 0) {
        if (type == LockType::Simple) {
            ++simple;
        } else {
            ++secure;
            ++perFile;
        }
        changed = true;
    } else if (type == LockType::Simple) {
        if (simple != 0) {  // an allow with nothing locked changes nothing and succeeds
            --simple;
            changed = true;
        }
    } else {
        // A secure allow needs a secure lock taken by this very handle.
        if (perFile == 0 || secure == 0) return {st::InvalidDeviceState, 0};
        --secure;
        --perFile;
        changed = true;
    }

    const bool wasLocked = anyLock(s.lockCount, s.protectedLockCount, s.internalLockCount);
    const bool nowLocked = anyLock(simple, secure, s.internalLockCount);
    if (wasLocked != nowLocked) {
        const ScsiOutcome outcome = sendPreventAllow(context, (lock & 0x01) != 0);
        if (!outcome.status.isSuccess()) return {outcome.status, 0};
    }
    if (changed) {
        s.lockCount = simple;
        s.protectedLockCount = secure;
        file.lockCount = perFile;
    }
    return {st::Success, 0};
}

}  // namespace

// §3.3: no V-stage checks; buffers are ignored.
Completion handleLoadEjectMedia(const Request& request, DriverContext& context)
{
    // A secure lock (EJECTION_CONTROL) blocks the driver's own eject and load; a simple lock does not: the
    // drive itself refuses the eject (05/53/02) and the generic mapping answers.
    if (context.state.protectedLockCount != 0) return {st::DeviceBusy, 0};
    const bool eject = request.code == ioctl::codes::StorageEjectMedia;
    // Seeded defect: the STORAGE form unlocks the drive first, so it ejects through a MEDIA_REMOVAL lock.
    if (eject && request.original == ioctl::codes::StorageEjectMedia &&
        context.settings.defects.has(defects::SeededDefect::StorageEjectOverridesMediumLock))
        (void)sendPreventAllow(context, false);
    // LoEj=1 with Start=0 ejects, Start=1 loads (LOAD_MEDIA, LOAD_MEDIA2, "close door"); Immed=0; default timeout.
    const auto cdb = mmc::cdb::startStopUnit(!eject, true);
    const ScsiOutcome outcome = context.scsi.send({cdb, {}, mmc::DataDirection::None});
    return {outcome.status.isSuccess() ? st::Success : outcome.status, 0};
}

// §3.11 V-stage (S/cdrom.c:2539), the same for MEDIA_REMOVAL, EJECTION_CONTROL and MCN_CONTROL.
std::optional<Completion> validatePreventMediaRemoval(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(ioctl::PREVENT_MEDIA_REMOVAL)) return Completion{st::InfoLengthMismatch, 0};
    return std::nullopt;
}

// §3.11: MEDIA_REMOVAL takes a simple lock (one device-wide counter), EJECTION_CONTROL a secure one (counted per
// handle as well, blocks EJECT/LOAD, given back at close).
Completion handleMediaRemoval(const Request& request, DriverContext& context)
{
    if (request.input.size() < sizeof(ioctl::PREVENT_MEDIA_REMOVAL)) return {st::InfoLengthMismatch, 0};  // checked again (H-stage)
    const LockType type = request.code == ioctl::codes::StorageEjectionControl ? LockType::Secure : LockType::Simple;
    return ejectionControl(request.file, context, type, request.input[0]);
}

// MCN_CONTROL (RequestHandleMcnControl, S/autorun.c:2982): disables or re-enables media change notification for
// this handle; no command reaches the drive. Re-enabling more often than this handle disabled is refused.
Completion handleMcnControl(const Request& request, DriverContext& context)
{
    if (request.input[0] != 0) {
        ++request.file.mcnDisableCount;
        ++context.state.mcnDisableCount;
        return {st::Success, 0};
    }
    if (request.file.mcnDisableCount == 0) return {st::InvalidDeviceState, 0};
    --request.file.mcnDisableCount;
    --context.state.mcnDisableCount;
    return {st::Success, 0};
}

// §3.22: RESERVE(6) / RELEASE(6), no data, default timeout. A drive that answers INVALID_DEVICE_REQUEST gets the
// same request again as RESERVE(10) / RELEASE(10), and the driver uses the 10-byte form from then on (§8.5).
Completion handleReserveRelease(const Request& request, DriverContext& context)
{
    const bool reserve = request.code == ioctl::codes::StorageReserve;
    int retriesLeft = context.settings.openEndedRetryLimit;
    if (!context.state.noReserve6) {
        const auto cdb6 = reserve ? mmc::cdb::reserve6() : mmc::cdb::release6();
        // The 6-byte forms have no retry cap of their own (§8.5, Q15).
        ScsiRequest six{cdb6, {}, mmc::DataDirection::None};
        six.maxRetries = context.settings.openEndedRetryLimit;
        const ScsiOutcome outcome = context.scsi.send(six);
        if (outcome.status != st::InvalidDeviceRequest) return {outcome.status.isSuccess() ? st::Success : outcome.status, 0};
        context.state.noReserve6 = true;
        // The switch is itself a retry of the same request; the 10-byte opcode falls under the default cap of 5.
        retriesLeft = std::max(0, 5 - (outcome.retries + 1));
    } else {
        retriesLeft = 5;
    }
    const auto cdb10 = reserve ? mmc::cdb::reserve10() : mmc::cdb::release10();
    ScsiRequest ten{cdb10, {}, mmc::DataDirection::None};
    ten.maxRetries = retriesLeft;
    const ScsiOutcome outcome = context.scsi.send(ten);
    return {outcome.status.isSuccess() ? st::Success : outcome.status, 0};
}

// §3.7 V-stage (S/cdrom.c:2600): the bus rescan is asked for at once and the request is queued.
std::optional<Completion> validateFindNewDevices(const Request&, const DriverContext& context)
{
    ++context.state.busRescans;
    return std::nullopt;
}

// §3.7: the sample's serial handler has no case for the code, so it ends in the default branch (ACCESS_DENIED);
// a lab whose driver answers otherwise sets findNewDevicesStatus (Q4).
Completion handleFindNewDevices(const Request&, DriverContext& context) { return {context.settings.findNewDevicesStatus, 0}; }

// The handle's cleanup (S/cdrom.c:1330), in the sample's order: its secure locks (one ALLOW when no simple or
// secure lock is left), its MCN disables, then the exclusive lock if it owns it (an unlock with Flags 0).
void releaseFileObject(const FileObject& file, DriverContext& context)
{
    DriverState& s = context.state;
    if (file.lockCount != 0) {
        s.protectedLockCount -= static_cast<std::int32_t>(file.lockCount);
        file.lockCount = 0;
        // DeviceCleanupProtectedLocks looks at the simple and secure counts only, not the internal one.
        if (s.protectedLockCount == 0 && s.lockCount == 0) (void)sendPreventAllow(context, false);
    }
    // Seeded defect: the close also drops MEDIA_REMOVAL's device-wide simple locks, which must outlive the handle.
    if (context.settings.defects.has(defects::SeededDefect::MediaRemovalUnlockedOnHandleClose) && s.lockCount != 0) {
        s.lockCount = 0;
        if (s.protectedLockCount == 0) (void)sendPreventAllow(context, false);
    }
    s.mcnDisableCount -= std::min(s.mcnDisableCount, file.mcnDisableCount);
    file.mcnDisableCount = 0;
    if (s.exclusiveOwner == &file) unlockExclusive(context, false);
}

}  // namespace cdcts::classdriver
