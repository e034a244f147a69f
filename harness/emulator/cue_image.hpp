#pragma once
// A BIN/CUE image as a Disc: the cue sheet's resolved layout, with sectors read from the BIN files on demand.
#include <filesystem>
#include <memory>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

// Throws std::runtime_error: a cue::CueError ("<cue>:<line>: <reason>") for a bad sheet or a missing or
// short file, "<cdtextfile>: <reason>" for a bad CDTEXTFILE, or "<cue>: CD-TEXT: <reason>" for texts that do
// not fit the lead-in. MODE2 tracks load as CD-ROM XA (TrackType::Mode2Xa); CATALOG, ISRC and CD-TEXT (a
// CDTEXTFILE, else the sheet's TITLE/PERFORMER/SONGWRITER) go onto the Disc.
[[nodiscard]] std::unique_ptr<Disc> loadCueImage(const std::filesystem::path& cueFile);

}  // namespace cdcts::emulator
