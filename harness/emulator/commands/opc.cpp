// SEND OPC INFORMATION (MMC-6 §6.34): a writer calibrates its laser power on the disc's power calibration
// area (DoOpc = 1); a reader has no such command.
#include <chrono>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {
// One calibration: a seek to the power calibration area inside the lead-in and a few test writes. No source
// gives a figure; a fraction of a second keeps a writer's tests honest about the command taking time.
constexpr auto kOpcTime = std::chrono::milliseconds(500);
}  // namespace

mmc::CommandResult sendOpcInformation(DriveState& state, const CommandContext& ctx)
{
    if (!state.profile.writer) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    if (state.loadedDisc() == nullptr) return checkCondition(mediumNotPresent(state));
    if (becomingReady(state)) return checkCondition(mmc::sense::NotReadyBecomingReady);
    const bool doOpc = (ctx.cdb[1] & 0x01) != 0;
    // DoOpc = 0 would send OPC table values in the parameter list; this drive keeps its own and takes none.
    if (!doOpc) return loadBe16(&ctx.cdb[7]) == 0 ? good() : checkCondition(mmc::sense::InvalidFieldInCdb, 7);
    chargeSeek(state, mmc::msfToLba({0, 0, 0}));
    state.clock.sleepFor(kOpcTime);
    return good();
}

}  // namespace cdcts::emulator
