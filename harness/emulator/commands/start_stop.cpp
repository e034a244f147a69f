// START STOP UNIT (MMC-6 §6.43) and PREVENT ALLOW MEDIUM REMOVAL (§6.11): the tray and its lock.
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {
namespace {
constexpr mmc::SenseCode kMediumRemovalPrevented{mmc::SenseKey::IllegalRequest, 0x53, 0x02};
}  // namespace

mmc::CommandResult startStopUnit(DriveState& state, const CommandContext& ctx)
{
    const bool loadEject = (ctx.cdb[4] & 0x02) != 0;
    const bool start = (ctx.cdb[4] & 0x01) != 0;
    const std::uint8_t powerCondition = ctx.cdb[4] >> 4;
    // A power condition other than "start valid" (0) ignores LoEj and Start (MMC-6 Table 703); idle, standby
    // and sleep are accepted as requests the drive may follow.
    if (powerCondition != 0) return powerCondition == 0x1 || powerCondition == 0x2 || powerCondition == 0x3 || powerCondition == 0x5
                                       ? good()
                                       : checkCondition(mmc::sense::InvalidFieldInCdb, 4, 4);
    if (!loadEject) return good();  // spin up or stop: the spindle joins with the timing model
    if (!start) {
        if (state.removalPrevented()) return checkCondition(kMediumRemovalPrevented);
        state.tray = TrayState::Open;
        if (state.medium) state.noteMediaEvent(MediaEvent::MediaRemoval);
        return good();
    }
    if (state.tray == TrayState::Open) {
        state.tray = TrayState::Closed;
        // A disc that went in with the tray reads as a new medium, once.
        if (state.medium) {
            state.pendingUnitAttentions.push_back(mmc::sense::MediumMayHaveChanged);
            state.noteMediaEvent(MediaEvent::NewMedia);
        }
    }
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
