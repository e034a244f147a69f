#pragma once
// Layout resolution: a parsed cue sheet checked against its image files and placed on the disc's LBA line.
// The rules (pregaps, sessions, lengths) are in docs/cue-sheets.md.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "harness/emulator/cue/cue_sheet.hpp"
#include "harness/emulator/cue/resolved_disc.hpp"

namespace cdcts::emulator::cue {

// Sectors between a session's lead-out and the next session's first pregap: the lead-out (6750 sectors
// after session 1, 2250 after later ones) plus the next lead-in (4500), as Orange Book discs and cdrdao lay them.
inline constexpr std::int32_t kLeadInLength = 4500;
inline constexpr std::int32_t kFirstLeadOutLength = 6750;
inline constexpr std::int32_t kLaterLeadOutLength = 2250;
// Every session's first track has at least a 2-second pregap (the 150 sectors before LBA 0 on session 1).
inline constexpr std::int32_t kSessionFirstPregap = 150;
// 99:59:74 is the last address a CD can carry.
inline constexpr std::int32_t kLastAddressableLba = 449849;

// Throws CueError naming the cue file and the line of the FILE, TRACK or INDEX at fault.
[[nodiscard]] ResolvedDisc resolveLayout(const CueSheet& sheet);

// readCueSheet + resolveLayout.
[[nodiscard]] ResolvedDisc loadCueSheet(const std::filesystem::path& cueFile);

// Byte offset in track.file of sector `lba`, or nullopt when that sector is not in the file (a PREGAP,
// POSTGAP or the session-start pregap: silence or zeros the drive synthesises) or outside the track.
[[nodiscard]] std::optional<std::uint64_t> fileOffsetOf(const ResolvedTrack& track, std::int32_t lba);

}  // namespace cdcts::emulator::cue
