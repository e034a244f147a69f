#include "harness/classdriver/scsi_executor.hpp"

#include <algorithm>
#include <array>

#include "harness/classdriver/sense_interpretation.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::classdriver {
namespace {

// READ(12) / WRITE(12) with the Streaming bit (byte 10 bit 7), as the cooked read/write path sends them (§3.4).
bool isStreamingReadWrite(std::span<const std::uint8_t> cdb)
{
    if (cdb.size() < 12) return false;
    constexpr std::uint8_t kWrite12 = 0xAA;
    return (cdb[0] == static_cast<std::uint8_t>(mmc::Opcode::Read12) || cdb[0] == kWrite12) && (cdb[10] & 0x80) != 0;
}

// SenseInfoInterpretRefineByScsiCommand's guess (§8.5): timeouts and bus resets, unit attentions for a reset or
// "insufficient time", and any ILLEGAL REQUEST except LBA out of range mean the drive cannot stream.
bool looksPermanentForStreaming(const mmc::CommandResult& result)
{
    switch (result.transport) {
    case mmc::TransportStatus::Timeout:
    case mmc::TransportStatus::SelectionTimeout:
    case mmc::TransportStatus::BusReset: return true;
    default: break;
    }
    if (result.status != mmc::ScsiStatus::CheckCondition || !result.sense.valid()) return false;
    const mmc::SenseCode c = result.sense.code();
    if (c.key == mmc::SenseKey::UnitAttention) return c.asc == 0x29 || c.asc == 0x2E;
    if (c.key == mmc::SenseKey::IllegalRequest) return c.asc != 0x21;
    return false;
}

}  // namespace

ScsiOutcome ScsiExecutor::send(const ScsiRequest& request)
{
    ScsiOutcome outcome;
    // The MMC error handler (§8.4) is hooked in once start-up has found an MMC drive (§7.6).
    const InterpretationContext context{request.cdb.empty() ? std::uint8_t{0} : request.cdb[0], volumeMounted_, state_.isMmc};
    // §8.5: the opcode's own rules hold whoever sends the command; a request may only tighten the cap or
    // lengthen the not-ready delay.
    const OpcodeRules rules = opcodeRules(context.opcode);
    const int maxRetries = std::min(request.maxRetries, rules.maxRetries);
    const bool retryVerifyRequired = request.retryVerifyRequired || rules.retryVerifyRequired;
    const Nanoseconds notReadyMinDelay = std::max(request.notReadyMinDelay, rules.notReadyMinDelay);
    const Nanoseconds timeout = request.timeout == kDeviceTimeout ? state_.timeOutValue : request.timeout;
    for (;;) {
        const mmc::CommandResult result = target_.execute(request.cdb, request.data, request.direction, timeout);
        if (result.good()) {
            outcome.status = ioctl::status::Success;
            outcome.transferred = result.transferred;
            return outcome;
        }
        InterpretationContext attempt = context;
        attempt.retriedCount = outcome.retries;
        attempt.verifyVolumeSet = state_.verifyVolume;
        Interpretation i = interpretFailure(result, attempt);
        // §8.5: MODE SENSE and GET PERFORMANCE take the port's DATA_OVERRUN (a short reply on ATAPI) for success.
        if (rules.dataOverrunIsSuccess && result.transport == mmc::TransportStatus::DataOverrun) i.status = ioctl::status::Success;
        // Seeded defect: media changes go uncounted (the unit attention's and the arrival's below).
        const bool counts = !defects_.has(defects::SeededDefect::MediaChangeCountNotIncremented);
        if (counts) state_.mediaChangeCount += i.mediaChangeIncrements;
        // Seeded defect: MEDIUM NOT PRESENT (02/3A) maps to a generic device error.
        if (defects_.has(defects::SeededDefect::NoMediumMapsToDeviceError) && i.status == ioctl::status::NoMediaInDevice &&
            result.sense.valid() && result.sense.code().asc == 0x3A)
            i.status = ioctl::status::IoDeviceError;
        switch (i.mediaState) {
        case MediaStateChange::Present:
            if (counts && state_.mediaState != MediaState::Present) ++state_.mediaChangeCount;  // arrival (§3.1)
            state_.mediaState = MediaState::Present;
            break;
        case MediaStateChange::NotPresent: state_.mediaState = MediaState::NotPresent; break;
        case MediaStateChange::Unavailable: state_.mediaState = MediaState::Unavailable; break;
        case MediaStateChange::None: break;
        }
        if (i.setVerifyVolume) state_.verifyVolume = true;
        if (i.mmcRefreshRequired) state_.mmcUpdateRequired = true;
        // §3.13, §8.4 (MMC drives): MEDIUM MAY HAVE CHANGED while the restore-defaults flag is set queues the
        // work item that puts the drive back to its default speed.
        if (state_.isMmc && state_.restoreDefaultSpeed && result.status == mmc::ScsiStatus::CheckCondition &&
            result.sense.valid() && result.sense.key() == mmc::SenseKey::UnitAttention && result.sense.asc() == 0x28)
            restoreSpeedQueued_ = true;
        if (i.status == ioctl::status::VerifyRequired && retryVerifyRequired) i.retry = true;
        // §8.5, §7.2: a streaming READ(12)/WRITE(12) failure that looks permanent latches "no streaming" for the
        // device and is retried at once (the retry re-sends this CDB; later packets fall back); one that looks
        // transient fails the request without retries.
        if (isStreamingReadWrite(request.cdb)) {
            if (looksPermanentForStreaming(result)) {
                state_.noStreamingHack = true;
                i.retry = true;
                i.delay = Nanoseconds{0};
            } else {
                i.retry = false;
            }
        }
        // §8.5, sample bug (Q16): a GET PERFORMANCE that fails without sense and whose byte 1 reads as GET
        // CONFIGURATION's RequestType ONE (Except = 2) latches "bad type-one GET CONFIGURATION" and is retried.
        if (context.opcode == 0xAC && request.cdb.size() > 1 && (request.cdb[1] & 0x03) == 2 &&
            result.transport != mmc::TransportStatus::DataOverrun &&
            !(result.transport == mmc::TransportStatus::Ok && result.status == mmc::ScsiStatus::CheckCondition && result.sense.valid())) {
            state_.badTypeOneGetConfiguration = true;
            i.retry = true;
        }
        if (i.sendStartUnit) {
            // START UNIT, 240 s (§8.1): the driver spins the drive up and retries the command.
            const auto startUnit = mmc::cdb::startStopUnit(true, false);
            (void)target_.execute(startUnit, {}, mmc::DataDirection::None, std::chrono::seconds(240));
        }
        // SenseInfoInterpretRefineByIoControl runs after the MMC handler above, on each failed attempt.
        if (request.failureClearsRestoreSpeed && !i.status.isSuccess()) state_.restoreDefaultSpeed = false;
        if (i.status.isSuccess()) {  // recovered errors complete the request
            outcome.status = i.status;
            outcome.transferred = result.transferred;
            return outcome;
        }
        if (outcome.retries < request.forcedRetries) i.retry = true;
        if (notReadyMinDelay > Nanoseconds{0}) {
            const bool lunNotReady = i.status == ioctl::status::DeviceNotReady && result.status == mmc::ScsiStatus::CheckCondition &&
                                     result.sense.valid() && result.sense.code().asc == 0x04;
            if (lunNotReady || result.transport == mmc::TransportStatus::SelectionTimeout)
                i.delay = std::max(i.delay, notReadyMinDelay);
        }
        if (!i.retry || outcome.retries >= maxRetries) {
            outcome.status = i.status;
            outcome.transferred = result.transferred;
            return outcome;
        }
        ++outcome.retries;
        target_.clock().sleepFor(i.delay);
    }
}

void ScsiExecutor::runQueuedWork()
{
    if (!restoreSpeedQueued_) return;
    restoreSpeedQueued_ = false;
    // DeviceRestoreDefaultSpeed (S/common.c:2626): SET STREAMING with a 28-byte descriptor whose only set bit
    // is RDD, default timeout. The flag stays set: every later medium change restores again.
    std::array<std::uint8_t, 28> descriptor{};
    descriptor[0] = 0x04;
    const std::array<std::uint8_t, 12> cdb{static_cast<std::uint8_t>(mmc::Opcode::SetStreaming), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1C, 0};
    (void)send({cdb, descriptor, mmc::DataDirection::Out});
    // A 6/28 drawn by the restore itself does not queue another one now.
    restoreSpeedQueued_ = false;
}

}  // namespace cdcts::classdriver
