// RESERVE/RELEASE (6) and (10) (SPC-2 §7.21-7.22; obsolete in SPC-3) where the profile says the drive has them,
// and 05/20/00 elsewhere: the class driver's IOCTL_STORAGE_RESERVE falls back from the 6- to the 10-byte form
// on that answer (ioctl-contracts.md §3.22). One host talks to the emulated drive, so a reservation never
// conflicts and nothing needs remembering.
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {

mmc::CommandResult reserveRelease(DriveState& state, const CommandContext&)
{
    if (!state.profile.behaviours.reserveRelease) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    return good();
}

}  // namespace cdcts::emulator
