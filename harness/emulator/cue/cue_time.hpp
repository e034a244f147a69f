#pragma once
// mm:ss:ff times as cue sheets write them: 75 frames a second, offsets on a file's own timeline.
#include <optional>
#include <string>
#include <string_view>

#include "harness/emulator/cue/cue_sheet.hpp"

namespace cdcts::emulator::cue {

// Frames for "mm:ss:ff" (minutes 0-99 in one or two digits, seconds and frames in two), or nullopt with
// `why` saying what is wrong (malformed, seconds >= 60, frames >= 75).
[[nodiscard]] std::optional<Frames> parseCueTime(std::string_view text, std::string& why);

// "mm:ss:ff" for a frame count, for messages.
[[nodiscard]] std::string formatCueTime(Frames frames);

}  // namespace cdcts::emulator::cue
