#pragma once
// A BIN/CUE image as a Disc: the cue sheet's resolved layout, with sectors read from the BIN files on demand.
#include <filesystem>
#include <memory>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

// Throws std::runtime_error: a cue::CueError ("<cue>:<line>: <reason>") for a bad sheet or a missing or
// short file, or a message naming the cue file for what the emulated drive cannot hold yet (mode 2 tracks).
[[nodiscard]] std::unique_ptr<Disc> loadCueImage(const std::filesystem::path& cueFile);

}  // namespace cdcts::emulator
