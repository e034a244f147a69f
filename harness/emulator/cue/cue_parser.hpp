#pragma once
// Cue-sheet text to the CueSheet model: syntax and the rules a sheet must keep on its own (order of
// commands, numbering, no contradictions). Whether the files exist and fit is layout resolution's job.
#include <filesystem>
#include <string_view>

#include "harness/emulator/cue/cue_sheet.hpp"

namespace cdcts::emulator::cue {

// `cueFile` names the sheet in errors and is the folder relative FILE names resolve against later.
// Throws CueError ("<cue file>:<line>: <reason>").
[[nodiscard]] CueSheet parseCueSheet(std::string_view text, const std::filesystem::path& cueFile);

// Reads `cueFile` and parses it; a file that cannot be read is a CueError with line 0.
[[nodiscard]] CueSheet readCueSheet(const std::filesystem::path& cueFile);

}  // namespace cdcts::emulator::cue
