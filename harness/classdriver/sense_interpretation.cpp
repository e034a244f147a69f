#include "harness/classdriver/sense_interpretation.hpp"

#include <chrono>
#include <limits>
#include <optional>

#include "harness/mmc/opcode.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using mmc::SenseKey;

// Unit attentions: VERIFY_REQUIRED with a mounted volume, otherwise an I/O error that is retried at once.
Interpretation mediaMayHaveChanged(const InterpretationContext& ctx, Nanoseconds delay)
{
    Interpretation i;
    if (ctx.volumeMounted) {
        i.status = st::VerifyRequired;
        i.setVerifyVolume = true;
    } else {
        i.status = st::IoDeviceError;
        i.retry = true;
        i.delay = delay;
    }
    return i;
}

// §8.1: returns nullopt when the ASC is not handled and the sense-key table decides.
std::optional<Interpretation> byAdditionalSense(const mmc::SenseData& sense, const InterpretationContext& ctx)
{
    const std::uint8_t asc = sense.asc();
    const std::uint8_t ascq = sense.ascq();
    const auto make = [](ioctl::NtStatus s, bool retry, Nanoseconds delay = 0s) {
        Interpretation i;
        i.status = s;
        i.retry = retry;
        i.delay = delay;
        return i;
    };
    switch (asc) {
    case 0x04:
        switch (ascq) {
        case 0x01:
        case 0x07: return make(st::DeviceNotReady, true, 10s);
        case 0x08: return make(st::DeviceNotReady, true);
        case 0x03: return make(st::NoMediaInDevice, false);
        case 0x04: return make(st::DeviceNotReady, false);
        default: {
            Interpretation i = make(st::DeviceNotReady, true);
            i.sendStartUnit = true;
            return i;
        }
        }
    case 0x3A: {
        Interpretation i = make(st::NoMediaInDevice, false);
        i.mediaState = ascq == 0xCC ? MediaStateChange::Unavailable : MediaStateChange::NotPresent;
        return i;
    }
    case 0x30:
        if (ascq == 0x01 || ascq == 0x02) return make(st::UnrecognizedMedia, false);
        if (ascq == 0x03) return make(st::CleanerCartridgeInstalled, false);
        return std::nullopt;
    case 0x02:
        if (ascq == 0x00) return make(st::DeviceDataError, true);
        return std::nullopt;
    case 0x08:
        if (ascq == 0x03) return make(st::IoDeviceError, true, 1s);
        return std::nullopt;
    case 0x21: return make(st::NonexistentSector, false);
    case 0x24: return make(st::InvalidDeviceRequest, false);
    case 0x25: return make(st::NoSuchDevice, false);
    case 0x6F:  // copy protection: one status per ASCQ, none retried
        switch (ascq) {
        case 0x00: return make(st::CssAuthenticationFailure, false);
        case 0x01: return make(st::CssKeyNotPresent, false);
        case 0x02: return make(st::CssKeyNotEstablished, false);
        case 0x03: return make(st::CssScrambledSector, false);
        case 0x04: return make(st::CssRegionMismatch, false);
        case 0x05: return make(st::CssResetsExhausted, false);
        default: return make(st::CopyProtectionFailure, false);
        }
    case 0x28: {
        Interpretation i = mediaMayHaveChanged(ctx, 0s);
        i.mediaState = MediaStateChange::Present;
        return i;
    }
    case 0x5A:
        if (ascq == 0x01) {
            Interpretation i = mediaMayHaveChanged(ctx, 0s);
            i.mediaChangeIncrements = 1;  // the second increment (§3.1)
            return i;
        }
        return std::nullopt;
    case 0x3F: {
        Interpretation i = mediaMayHaveChanged(ctx, 5s);
        i.mediaChangeIncrements = 1;
        return i;
    }
    case 0x17:
    case 0x18:
    case 0x5D: return make(sense.ili() ? st::InvalidBlockLength : st::Success, false);
    case 0x57:
        if (ascq == 0x00) return make(st::UnrecognizedMedia, false);
        return std::nullopt;
    default: return std::nullopt;
    }
}

// §8.2.
Interpretation bySenseKey(const mmc::SenseData& sense, const InterpretationContext& ctx)
{
    Interpretation i;
    switch (sense.key()) {
    case SenseKey::NoSense:
        if (sense.ili()) {
            i.status = st::InvalidBlockLength;
        } else {
            i.status = st::IoDeviceError;
            i.retry = true;
        }
        return i;
    case SenseKey::RecoveredError: i.status = sense.ili() ? st::InvalidBlockLength : st::Success; return i;
    case SenseKey::NotReady: i.status = st::DeviceNotReady, i.retry = true; return i;
    case SenseKey::MediumError: i.status = st::DeviceDataError; return i;
    case SenseKey::HardwareError: i.status = st::IoDeviceError, i.retry = true; return i;
    case SenseKey::IllegalRequest: i.status = st::InvalidDeviceRequest; return i;
    case SenseKey::UnitAttention:
        i = mediaMayHaveChanged(ctx, 0s);
        i.mediaChangeIncrements = 1;  // the second increment (§3.1)
        return i;
    case SenseKey::DataProtect: i.status = st::MediaWriteProtected; return i;
    case SenseKey::BlankCheck: i.status = st::NoDataDetected; return i;
    case SenseKey::AbortedCommand: i.status = st::IoDeviceError, i.retry = true, i.delay = 1s; return i;
    default: i.status = st::IoDeviceError, i.retry = true; return i;
    }
}

// §8.3: no valid sense data, so the transport (SRB) status decides.
Interpretation byTransport(const mmc::CommandResult& result, const InterpretationContext& ctx)
{
    Interpretation i;
    switch (result.transport) {
    case mmc::TransportStatus::NoDevice:
    case mmc::TransportStatus::InvalidTarget: i.status = st::NoSuchDevice; return i;
    case mmc::TransportStatus::Aborted: i.status = st::IoTimeout, i.retry = true, i.delay = 1s; return i;
    case mmc::TransportStatus::PhaseSequenceFailure:
        // Counted as a device error (1 s) and retried only while at most one retry was made: 2 retries at most.
        i.status = st::IoDeviceError;
        i.retry = ctx.retriedCount <= 1;
        i.delay = 1s;
        return i;
    case mmc::TransportStatus::RequestFlushed:
        if (ctx.verifyVolumeSet) {
            i.status = st::VerifyRequired;
        } else {
            i.status = st::IoDeviceError, i.retry = true;
        }
        return i;
    case mmc::TransportStatus::InvalidRequest: i.status = st::InvalidDeviceRequest; return i;
    case mmc::TransportStatus::ParityError: i.status = st::IoDeviceError, i.retry = true, i.delay = 1s; return i;
    case mmc::TransportStatus::Timeout: i.status = st::IoTimeout, i.retry = true, i.delay = 1s; return i;
    case mmc::TransportStatus::SelectionTimeout: i.status = st::DeviceNotConnected; return i;
    case mmc::TransportStatus::DataOverrun: i.status = st::DataOverrun; return i;
    case mmc::TransportStatus::BusReset: i.status = st::IoDeviceError, i.retry = true; return i;
    case mmc::TransportStatus::Error: i.status = st::IoDeviceError, i.retry = true; return i;
    case mmc::TransportStatus::Ok: break;
    }
    // A CHECK CONDITION without sense (SRB_STATUS_ERROR): BUSY means not ready; status 0 waits a second.
    if (result.status == mmc::ScsiStatus::Busy) {
        i.status = st::DeviceNotReady, i.retry = true;
    } else {
        i.status = st::IoDeviceError, i.retry = true;
        if (result.status == mmc::ScsiStatus::Good) i.delay = 1s;
    }
    return i;
}

bool isReadClassOpcode(std::uint8_t opcode)
{
    using mmc::Opcode;
    switch (static_cast<Opcode>(opcode)) {
    case Opcode::Read6:
    case Opcode::Read10:
    case Opcode::Write6:
    case Opcode::Write10:
    case Opcode::ReadCapacity:
    case Opcode::ReadCd:
    case Opcode::ReadCdMsf:
    case Opcode::ReadTocPmaAtip:
    case Opcode::ReadTrackInformation:
    case Opcode::ReadDiscInformation: return true;
    default: return false;
    }
}

// §8.4 (DeviceErrorHandlerForMmc).
void applyMmcOverrides(Interpretation& i, const mmc::SenseData& sense, const InterpretationContext& ctx)
{
    const mmc::SenseCode c = sense.code();
    if (c.key == SenseKey::NotReady && c.asc == 0x04 && (c.ascq == 0x07 || c.ascq == 0x08) && isReadClassOpcode(ctx.opcode)) {
        i.status = st::DeviceBusy;
        i.retry = true;
    }
    if (c.key == SenseKey::UnitAttention && c.asc == 0x5A && c.ascq >= 0x01 && c.ascq <= 0x03) {
        i.status = st::DeviceBusy;
        i.retry = true;
        if (c.ascq != 0x01) i.mmcRefreshRequired = true;
    }
    if (c.key == SenseKey::UnitAttention && (c.asc == 0x28 || c.asc == 0x29)) i.mmcRefreshRequired = true;
}

}  // namespace

OpcodeRules opcodeRules(std::uint8_t opcode)
{
    OpcodeRules rules;
    switch (opcode) {
    case 0x1E:  // PREVENT ALLOW MEDIUM REMOVAL: the caps depend on prevent/allow, so the request sets them
        rules.maxRetries = std::numeric_limits<int>::max();
        rules.notReadyMinDelay = 2s;
        break;
    case 0x1A:  // MODE SENSE(6)
    case 0x5A:  // MODE SENSE(10)
        rules.maxRetries = 2;
        rules.retryVerifyRequired = true;
        rules.notReadyMinDelay = 2s;
        rules.dataOverrunIsSuccess = true;  // ports report a short reply as an overrun
        break;
    case 0x25:  // READ CAPACITY
        rules.maxRetries = 2;
        rules.retryVerifyRequired = true;
        break;
    case 0x16:  // RESERVE(6) / RELEASE(6): no cap of their own (Q15); the request sets one
    case 0x17: rules.maxRetries = std::numeric_limits<int>::max(); break;
    case 0xAC: rules.dataOverrunIsSuccess = true; break;  // GET PERFORMANCE, at most 5 retries
    default: break;  // everything else, READ/WRITE included (their 160 s budget is not modelled): 5 retries
    }
    return rules;
}

Interpretation interpretFailure(const mmc::CommandResult& result, const InterpretationContext& context)
{
    if (result.status == mmc::ScsiStatus::ReservationConflict) {
        Interpretation i;
        i.status = st::DeviceBusy;
        return i;
    }
    const bool senseValid = result.transport == mmc::TransportStatus::Ok && result.status == mmc::ScsiStatus::CheckCondition &&
                            result.sense.valid();
    if (!senseValid) return byTransport(result, context);

    const bool unitAttention = result.sense.key() == SenseKey::UnitAttention;
    Interpretation i;
    if (auto byAsc = byAdditionalSense(result.sense, context)) {
        i = *byAsc;
    } else {
        i = bySenseKey(result.sense, context);
    }
    if (unitAttention) i.mediaChangeIncrements += 1;  // every UNIT ATTENTION counts once (S/sense.c:2162)
    if (context.isMmc) applyMmcOverrides(i, result.sense, context);
    return i;
}

}  // namespace cdcts::classdriver
