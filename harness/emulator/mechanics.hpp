#pragma once
// The drive's mechanics as the command handlers use them: readiness while the disc spins up, the time a read
// or a seek takes on the clock (timing.hpp), and what a medium change does to the spindle and audio play.
#include <cstdint>
#include <span>

#include "harness/emulator/drive_state.hpp"

namespace cdcts::emulator {

// The spindle's phase now, with audio play counted as use of the disc (a playing drive never idles down).
[[nodiscard]] SpindlePhase spindlePhase(DriveState& state);

// True while a loaded disc spins up: commands that need the medium answer 02/04/01 (becoming ready).
[[nodiscard]] bool becomingReady(DriveState& state);

// READ(12) with the Streaming bit (byte 10 bit 7, MMC-6 §6.16): real-time delivery, no time spent on retries.
[[nodiscard]] bool isStreamingRead(std::span<const std::uint8_t> cdb);

// Charges a read of `count` sectors from `lba` to the clock: command overhead, spin-up of a stopped disc,
// seek and half a revolution from the head's position unless the read continues where the last one ended,
// the transfer at the rate of the position, and retries of marginal sectors (a streaming read skips them).
// The head ends after the last sector; a read ends any audio play.
void chargeRead(DriveState& state, std::int32_t lba, std::uint32_t count, bool streaming);

// Charges a move of the head to `lba` (SEEK, the start of a play): overhead, spin-up, seek and settle.
void chargeSeek(DriveState& state, std::int32_t lba);

// A disc went in (tray closed on it, or slotted in): play ends, the spindle spins up, and a speed chosen with
// SET CD SPEED reverts to the maximum (Microsoft docs, cd-rom-set-speed: "returns to its default speed when
// the media is changed"); SET STREAMING's choice persists.
void mediumLoaded(DriveState& state);
// The disc left the drive's reach (eject, removal): play ends and the spindle stops.
void mediumGone(DriveState& state);
// Takes the disc out of the drive by hand or by fault (no lock holds it): the media event, the tray as given,
// and mediumGone's consequences. VirtualDrive::removeMedium and the medium-removed fault both come here.
void takeMediumOut(DriveState& state, TrayState trayAfter);

}  // namespace cdcts::emulator
