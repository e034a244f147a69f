#pragma once
// The emulated drive's MMC command table: one row per operation code it implements. Adding a command
// means adding a row and its handler file under commands/.
#include <cstdint>
#include <span>

#include "harness/emulator/command_context.hpp"
#include "harness/emulator/drive_state.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::emulator {

using CommandHandler = mmc::CommandResult (*)(DriveState& state, const CommandContext& ctx);

struct CommandRow {
    mmc::Opcode opcode;
    std::uint8_t cdbLength;
    // Reports a pending unit attention instead of running (SPC-4: all but INQUIRY, REQUEST SENSE, and
    // MMC's GET CONFIGURATION / GET EVENT STATUS NOTIFICATION).
    bool reportsUnitAttention;
    // Fails with NOT READY / MEDIUM NOT PRESENT when the tray holds no disc.
    bool needsMedium;
    CommandHandler handler;
};

[[nodiscard]] std::span<const CommandRow> commandTable();
[[nodiscard]] const CommandRow* findCommand(std::uint8_t opcode);

// Handlers, one file each under commands/.
mmc::CommandResult testUnitReady(DriveState&, const CommandContext&);
mmc::CommandResult requestSense(DriveState&, const CommandContext&);
mmc::CommandResult inquiry(DriveState&, const CommandContext&);
mmc::CommandResult readCapacity(DriveState&, const CommandContext&);
mmc::CommandResult read10(DriveState&, const CommandContext&);
mmc::CommandResult read12(DriveState&, const CommandContext&);
mmc::CommandResult readCd(DriveState&, const CommandContext&);
mmc::CommandResult readCdMsf(DriveState&, const CommandContext&);
mmc::CommandResult readTocPmaAtip(DriveState&, const CommandContext&);
mmc::CommandResult readDiscInformation(DriveState&, const CommandContext&);
mmc::CommandResult readTrackInformation(DriveState&, const CommandContext&);
mmc::CommandResult startStopUnit(DriveState&, const CommandContext&);
mmc::CommandResult preventAllowMediumRemoval(DriveState&, const CommandContext&);
mmc::CommandResult getConfiguration(DriveState&, const CommandContext&);
mmc::CommandResult modeSense6(DriveState&, const CommandContext&);
mmc::CommandResult modeSense10(DriveState&, const CommandContext&);
mmc::CommandResult modeSelect6(DriveState&, const CommandContext&);
mmc::CommandResult modeSelect10(DriveState&, const CommandContext&);
mmc::CommandResult getEventStatusNotification(DriveState&, const CommandContext&);
mmc::CommandResult mechanismStatus(DriveState&, const CommandContext&);
mmc::CommandResult reserveRelease(DriveState&, const CommandContext&);  // RESERVE/RELEASE (6) and (10)
mmc::CommandResult synchronizeCache(DriveState&, const CommandContext&);

// The MMC profile number of the medium in the drive (0 without one), as GET CONFIGURATION reports it.
[[nodiscard]] std::uint16_t currentMediaProfile(const DriveState& state);
// MECHANISM STATUS's mechanism state: 0 idle, 1 playing audio (while the audio play model plays).
[[nodiscard]] std::uint8_t mechanismState(DriveState& state);
mmc::CommandResult setCdSpeed(DriveState&, const CommandContext&);
mmc::CommandResult setStreaming(DriveState&, const CommandContext&);
mmc::CommandResult getPerformance(DriveState&, const CommandContext&);
mmc::CommandResult playAudio10(DriveState&, const CommandContext&);
mmc::CommandResult playAudio12(DriveState&, const CommandContext&);
mmc::CommandResult playAudioMsf(DriveState&, const CommandContext&);
mmc::CommandResult pauseResume(DriveState&, const CommandContext&);
mmc::CommandResult stopPlayScan(DriveState&, const CommandContext&);
mmc::CommandResult seek10(DriveState&, const CommandContext&);
mmc::CommandResult readSubChannel(DriveState&, const CommandContext&);
mmc::CommandResult sendOpcInformation(DriveState&, const CommandContext&);

// The NOT READY condition for an empty drive: tray closed or open (MMC-6 §4.1.6).
[[nodiscard]] mmc::SenseCode mediumNotPresent(const DriveState& state);

}  // namespace cdcts::emulator
