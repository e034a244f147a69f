// MECHANISM STATUS (MMC-6 §6.10): fault, changer state, slot, mechanism state, door, current LBA. The drives
// modelled are not changers: no slot tables.
#include <algorithm>
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {

// Mechanism state (MMC-6 Table 225): 0 idle, 1 playing (audio or data), 2 scanning, 3 active with the host.
// A play operation under way is "playing"; a paused or finished one leaves the mechanism idle. The drive has no
// SCAN command, and its data reads finish within the command, so 2 and 3 never show.
std::uint8_t mechanismState(DriveState& state)
{
    return state.audio.phase(state.clock.now()) == PlayPhase::Playing ? 1 : 0;
}

namespace {

// The header's current LBA (bytes 2-4): where the head is. After a play (running, paused or ended) that is the
// play's Q position; otherwise the sector the head rests on, ready to read next (spindle.hpp). No disc: 0.
// The field has no sign: a position in the first pregap (SEEK to MSF 00:00:00 is LBA -150) reads as 0.
std::uint32_t currentLba(DriveState& state)
{
    if (state.loadedDisc() == nullptr) return 0;
    const Nanoseconds now = state.clock.now();
    const std::int32_t lba = state.audio.phase(now) != PlayPhase::None ? state.audio.position(now) : state.spindle.headLba;
    return static_cast<std::uint32_t>(std::max(lba, 0));
}

}  // namespace

mmc::CommandResult mechanismStatus(DriveState& state, const CommandContext& ctx)
{
    std::array<std::uint8_t, 8> reply{};
    reply[0] = 0x00;  // no fault, changer ready, current slot 0
    reply[1] = static_cast<std::uint8_t>((mechanismState(state) << 5) | (state.tray == TrayState::Open ? 0x10 : 0x00));
    const std::uint32_t lba = currentLba(state);
    reply[2] = static_cast<std::uint8_t>(lba >> 16);
    reply[3] = static_cast<std::uint8_t>(lba >> 8);
    reply[4] = static_cast<std::uint8_t>(lba);
    reply[5] = 0;  // number of slots available: not a changer
    storeBe16(&reply[6], 0);  // slot table length
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[8]));
}

}  // namespace cdcts::emulator
