// MECHANISM STATUS (MMC-6 §6.10): fault, changer state, slot, mechanism state, door, current LBA. The drives
// modelled are not changers: no slot tables.
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {

// Mechanism state (MMC-6 Table 225): 0 idle, 1 playing audio, 2 scanning, 3 active with the host. The seam for
// the audio-play model: until play state exists the drive is idle.
std::uint8_t mechanismState(const DriveState&) { return 0; }

mmc::CommandResult mechanismStatus(DriveState& state, const CommandContext& ctx)
{
    std::array<std::uint8_t, 8> reply{};
    reply[0] = 0x00;  // no fault, changer ready, current slot 0
    reply[1] = static_cast<std::uint8_t>((mechanismState(state) << 5) | (state.tray == TrayState::Open ? 0x10 : 0x00));
    // Bytes 2-4: current LBA (the last one the head read or played); 0 until a head position is modelled.
    reply[5] = 0;  // number of slots available: not a changer
    storeBe16(&reply[6], 0);  // slot table length
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[8]));
}

}  // namespace cdcts::emulator
