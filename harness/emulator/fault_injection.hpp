#pragma once
// The dispatcher's side of fault injection: timed events that fall due as commands arrive, a gone device, and
// the per-command faults wrapped around a handler. The read paths' side is in sector_faults.hpp.
#include <functional>

#include "harness/emulator/command_context.hpp"
#include "harness/emulator/drive_state.hpp"

namespace cdcts::emulator {

// Applies every event of the plan due at the drive's current time (medium removal, device gone, unit attentions).
void fireDueFaultEvents(DriveState& state);

// What the transport reports for a command sent to a drive that is gone.
[[nodiscard]] mmc::CommandResult deviceGoneResult();

// Answers the command as `fault` says; `run` is the command as the drive would run it without the fault.
[[nodiscard]] mmc::CommandResult applyCommandFault(const CommandFault& fault, DriveState& state, const CommandContext& ctx,
                                                   Nanoseconds timeout, const std::function<mmc::CommandResult()>& run);

}  // namespace cdcts::emulator
