#pragma once
// Shared by `cdcts disc make` and `cdcts disc info`: loading an image the way the emulator does, the names
// of track types, and MSF text.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "harness/emulator/disc.hpp"

namespace cdcts::cli {

// A .cue (BIN/CUE) or .iso image, by extension (case-insensitive). Throws std::runtime_error with the
// loader's message (a cue sheet's names the file and line), or std::invalid_argument for another extension.
[[nodiscard]] std::unique_ptr<emulator::Disc> loadDiscImage(const std::filesystem::path& image);

// "audio", "mode1", "mode2-formless", "mode2-xa".
[[nodiscard]] std::string trackTypeName(emulator::TrackType type);

// A sector count as mm:ss:ff (75 frames a second), e.g. 150 -> "00:02:00".
[[nodiscard]] std::string framesToMsf(std::int64_t frames);

}  // namespace cdcts::cli
