// GET EVENT STATUS NOTIFICATION (MMC-6 §6.7), polled only: the drive has no asynchronous notification, and
// Polled = 0 is refused as such drives do. Classes: operational change (1), power management (2), media (4).
#include <array>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {
namespace {
constexpr std::uint8_t kOperationalChange = 1;
constexpr std::uint8_t kPowerManagement = 2;
constexpr std::uint8_t kMedia = 4;
constexpr std::uint8_t kSupportedClasses = (1u << kOperationalChange) | (1u << kPowerManagement) | (1u << kMedia);
constexpr std::uint8_t kPowerActive = 1;  // power status: the drive is active (MMC-6 Table 170)

std::array<std::uint8_t, 4> mediaDescriptor(DriveState& state)
{
    std::array<std::uint8_t, 4> d{};
    if (!state.pendingMediaEvents.empty()) {
        d[0] = static_cast<std::uint8_t>(state.pendingMediaEvents.front());
        state.pendingMediaEvents.pop_front();  // reported once
    }
    // Media Present counts a disc in the drive; one on an open tray is out of it.
    d[1] = static_cast<std::uint8_t>((state.loadedDisc() != nullptr ? 0x02 : 0x00) | (state.tray == TrayState::Open ? 0x01 : 0x00));
    return d;  // start and end slot 0: not a changer
}

}  // namespace

mmc::CommandResult getEventStatusNotification(DriveState& state, const CommandContext& ctx)
{
    if (!state.profile.behaviours.eventStatusNotification) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    if ((ctx.cdb[1] & 0x01) == 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);  // asynchronous: unsupported
    const std::uint8_t requested = ctx.cdb[4] & kSupportedClasses;

    // The lowest-numbered requested class with an event pending; with none pending, the lowest requested class
    // reporting "no change". Only the media class ever has events here.
    std::uint8_t chosen = 0;
    if ((requested & (1u << kMedia)) != 0 && !state.pendingMediaEvents.empty()) chosen = kMedia;
    else
        for (const std::uint8_t c : {kOperationalChange, kPowerManagement, kMedia})
            if ((requested & (1u << c)) != 0) {
                chosen = c;
                break;
            }

    std::vector<std::uint8_t> reply(4, 0);
    reply[3] = kSupportedClasses;
    if (chosen == 0) {
        reply[2] = 0x80;  // NEA: no class the host asked for is supported
    } else {
        reply[2] = chosen;
        std::array<std::uint8_t, 4> d{};
        if (chosen == kMedia) d = mediaDescriptor(state);
        else if (chosen == kPowerManagement) d[1] = kPowerActive;
        reply.insert(reply.end(), d.begin(), d.end());
    }
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[7]));
}

}  // namespace cdcts::emulator
