// SYNCHRONIZE CACHE (MMC-6 §6.41): the emulated drives write nothing, so there is nothing to flush.
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {

mmc::CommandResult synchronizeCache(DriveState&, const CommandContext&) { return good(); }

}  // namespace cdcts::emulator
