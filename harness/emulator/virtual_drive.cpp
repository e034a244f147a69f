#include "harness/emulator/virtual_drive.hpp"

#include <algorithm>

#include "harness/core/hex.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/fault_injection.hpp"
#include "harness/emulator/mechanics.hpp"

namespace cdcts::emulator {

std::vector<std::pair<std::string, std::string>> VirtualDrive::stateSnapshot()
{
    const auto yesNo = [](bool b) { return std::string(b ? "yes" : "no"); };
    std::string play = "stopped";  // none, completed and error all leave the drive idle
    switch (state_.audio.phase(state_.clock.now())) {
    case PlayPhase::Playing: play = "playing"; break;
    case PlayPhase::Paused: play = "paused"; break;
    default: break;
    }
    const ModePages& pages = state_.modePages;
    return {
        {"drive.tray", state_.tray == TrayState::Closed ? "closed" : "open"},
        {"drive.medium", state_.medium ? "present" : "none"},
        {"drive.prevent_removal", yesNo(state_.preventRemoval)},
        {"drive.persistent_prevent", yesNo(state_.persistentPrevent)},
        {"drive.read_speed_kbps", std::to_string(state_.selectedReadSpeedKbps)},
        {"drive.write_speed_kbps", std::to_string(state_.selectedWriteSpeedKbps)},
        {"drive.speed_from_set_cd_speed", yesNo(state_.readSpeedFromSetCdSpeed)},
        {"drive.mode_page_01", formatHex(pages.readWriteErrorRecovery)},
        {"drive.mode_page_0d", formatHex(pages.cdDeviceParameters)},
        {"drive.mode_page_0e", formatHex(pages.cdAudioControl)},
        {"drive.mode_page_1a", formatHex(pages.powerCondition)},
        {"drive.audio_play", play},
        {"drive.pending_unit_attentions", std::to_string(state_.pendingUnitAttentions.size())},
    };
}

VirtualDrive::VirtualDrive(const DriveProfile& profile, Clock& clock) : state_(profile, clock)
{
    state_.pendingUnitAttentions.push_back(mmc::sense::PowerOnResetOccurred);
}

void VirtualDrive::loadMedium(std::unique_ptr<Disc> disc)
{
    state_.medium = std::move(disc);
    state_.tray = TrayState::Closed;
    if (state_.medium) {
        state_.pendingUnitAttentions.push_back(mmc::sense::MediumMayHaveChanged);
        state_.noteMediaEvent(MediaEvent::NewMedia);
        mediumLoaded(state_);  // the disc spins up: 02/04/01 until it is at speed
    }
}

void VirtualDrive::removeMedium(TrayState trayAfter)
{
    takeMediumOut(state_, trayAfter);
}

mmc::CommandResult VirtualDrive::execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                         mmc::DataDirection direction, Nanoseconds timeout)
{
    TraceEntry entry;
    entry.at = state_.clock.now();
    entry.cdbLength = static_cast<std::uint8_t>(std::min(cdb.size(), entry.cdbBytes.size()));
    std::copy_n(cdb.begin(), entry.cdbLength, entry.cdbBytes.begin());
    entry.direction = direction;
    entry.bufferLength = static_cast<std::uint32_t>(data.size());

    mmc::CommandResult result = dispatch(cdb, data, direction, timeout);

    entry.transferred = result.transferred;
    entry.status = result.status;
    entry.sense = result.sense.code();
    trace_.record(entry);
    return result;
}

mmc::CommandResult VirtualDrive::dispatch(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                          mmc::DataDirection direction, Nanoseconds timeout)
{
    // Timed faults fall due as commands arrive; a gone device answers nothing at all.
    fireDueFaultEvents(state_);
    if (state_.faults.deviceGone()) return deviceGoneResult();
    if (!cdb.empty()) {
        if (const auto fault = state_.faults.takeCommandFault(cdb[0]))
            return applyCommandFault(*fault, state_, CommandContext{cdb, data, direction}, timeout,
                                     [&] { return respond(cdb, data, direction); });
    }
    return respond(cdb, data, direction);
}

mmc::CommandResult VirtualDrive::respond(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                         mmc::DataDirection direction)
{
    if (cdb.empty()) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    const CommandRow* row = findCommand(cdb[0]);
    if (row == nullptr) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    // A CDB shorter than its group's length cannot be parsed; a real transport never sends one.
    if (cdb.size() < row->cdbLength) return checkCondition(mmc::sense::InvalidFieldInCdb, static_cast<std::uint16_t>(cdb.size()));

    if (row->reportsUnitAttention && !state_.pendingUnitAttentions.empty()) {
        const mmc::SenseCode ua = state_.pendingUnitAttentions.front();
        state_.pendingUnitAttentions.pop_front();
        return checkCondition(ua);
    }
    if (row->needsMedium && state_.loadedDisc() == nullptr) return checkCondition(mediumNotPresent(state_));
    if (row->needsMedium && becomingReady(state_)) return checkCondition(mmc::sense::NotReadyBecomingReady);
    // Every command the drive carries out costs the profile's command overhead; a command that reaches the
    // medium has it charged with its access, before the spin-up and seek (mechanics.cpp).
    state_.commandOverheadCharged = false;
    mmc::CommandResult result = row->handler(state_, CommandContext{cdb, data, direction});
    if (!state_.commandOverheadCharged) state_.clock.sleepFor(state_.profile.timings.commandOverhead);
    return result;
}

}  // namespace cdcts::emulator
