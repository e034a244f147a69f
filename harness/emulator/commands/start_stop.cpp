// START STOP UNIT (MMC-6 §6.43) and PREVENT ALLOW MEDIUM REMOVAL (§6.11): the tray, its lock and the spindle.
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"

namespace cdcts::emulator {
namespace {
constexpr mmc::SenseCode kMediumRemovalPrevented{mmc::SenseKey::IllegalRequest, 0x53, 0x02};

// Immed = 0: status comes when the disc is at speed, so the command takes the rest of the spin-up.
// Immed = 1: status at once; until the disc is at speed, media commands answer 02/04/01.
void spinUp(DriveState& state, bool immediate)
{
    state.spindle.startSpinUp(state.profile.timings, state.clock.now());
    if (!immediate) state.clock.sleepFor(state.spindle.timeToSpeed(state.profile.timings, state.clock.now()));
}

// The tray moves (or a slot pushes the disc out); Immed = 0 waits for it.
void travel(DriveState& state, bool immediate)
{
    if (!immediate) state.clock.sleepFor(state.profile.timings.trayTravel);
}
}  // namespace

mmc::CommandResult startStopUnit(DriveState& state, const CommandContext& ctx)
{
    const bool immediate = (ctx.cdb[1] & 0x01) != 0;
    const bool loadEject = (ctx.cdb[4] & 0x02) != 0;
    const bool start = (ctx.cdb[4] & 0x01) != 0;
    const std::uint8_t powerCondition = ctx.cdb[4] >> 4;
    // A power condition other than "start valid" (0) ignores LoEj and Start (MMC-6 Table 703); idle, standby
    // and sleep are accepted as requests the drive may follow.
    if (powerCondition != 0) return powerCondition == 0x1 || powerCondition == 0x2 || powerCondition == 0x3 || powerCondition == 0x5
                                       ? good()
                                       : checkCondition(mmc::sense::InvalidFieldInCdb, 4, 4);
    if (!loadEject) {
        if (!start) {
            // Stop: the motor stops and any audio play ends (the class driver's STOP_AUDIO is this command).
            // Seeded defect: the stop is acknowledged but the play goes on.
            if (state.defects.has(defects::SeededDefect::StopUnitKeepsPlaying)) return good();
            mediumGone(state);
            return good();
        }
        if (state.loadedDisc() == nullptr) return checkCondition(mediumNotPresent(state));
        spinUp(state, immediate);
        return good();
    }
    if (!start) {
        // Seeded defect: the prevent state is not looked at.
        if (state.removalPrevented() && !state.defects.has(defects::SeededDefect::EjectIgnoresPreventLock))
            return checkCondition(kMediumRemovalPrevented);
        if (state.tray == TrayState::Open) return good();  // already out: nothing moves
        mediumGone(state);
        state.tray = TrayState::Open;
        if (state.medium) state.noteMediaEvent(MediaEvent::MediaRemoval);
        travel(state, immediate);
        return good();
    }
    if (state.tray == TrayState::Open) {
        // A slot loader has pushed the disc out and cannot take it back: only a hand can (loadMedium). It
        // refuses the load as a request it cannot carry out, pointing at LoEj.
        if (state.profile.loading == LoadingMechanism::CaddySlot) return checkCondition(mmc::sense::InvalidFieldInCdb, 4, 1);
        state.tray = TrayState::Closed;
        travel(state, immediate);
        // A disc that went in with the tray reads as a new medium, once.
        if (state.medium) {
            state.pendingUnitAttentions.push_back(mmc::sense::MediumMayHaveChanged);
            state.noteMediaEvent(MediaEvent::NewMedia);
            mediumLoaded(state);
        }
    }
    if (state.loadedDisc() != nullptr) spinUp(state, immediate);
    return good();
}

mmc::CommandResult preventAllowMediumRemoval(DriveState& state, const CommandContext& ctx)
{
    const bool prevent = (ctx.cdb[4] & 0x01) != 0;
    const bool persistent = (ctx.cdb[4] & 0x02) != 0;
    (persistent ? state.persistentPrevent : state.preventRemoval) = prevent;
    return good();
}

}  // namespace cdcts::emulator
