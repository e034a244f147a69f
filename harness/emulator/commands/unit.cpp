// TEST UNIT READY and REQUEST SENSE (SPC-4 §6.47, §6.39). Sense is delivered with each CHECK CONDITION
// (autosense), so REQUEST SENSE reports the present condition, as SPC-4 drives do.
#include <array>

#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"

namespace cdcts::emulator {

// Readiness itself (medium present, unit attention) is checked by the dispatcher before this runs.
mmc::CommandResult testUnitReady(DriveState&, const CommandContext&) { return good(); }

mmc::CommandResult requestSense(DriveState& state, const CommandContext& ctx)
{
    if ((ctx.cdb[1] & 0x01) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);  // descriptor format unsupported
    mmc::SenseData reply;
    if (!state.pendingUnitAttentions.empty()) {
        // REQUEST SENSE reports (and so clears) a pending unit attention.
        reply = mmc::SenseData::fixed(state.pendingUnitAttentions.front());
        state.pendingUnitAttentions.pop_front();
    } else if (state.loadedDisc() == nullptr) {
        reply = mmc::SenseData::fixed(mediumNotPresent(state));
    } else if (becomingReady(state)) {
        reply = mmc::SenseData::fixed(mmc::sense::NotReadyBecomingReady);
    } else {
        reply = mmc::SenseData::fixed(mmc::SenseCode{});
    }
    return dataIn(ctx, reply.view(), ctx.cdb[4]);
}

}  // namespace cdcts::emulator
