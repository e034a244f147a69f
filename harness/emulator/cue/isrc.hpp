#pragma once
// ISRC codes (ISO 3901) as the Q channel carries them: CC OOO YY SSSSS.
#include <optional>
#include <string>
#include <string_view>

namespace cdcts::emulator::cue {

// The code in upper case, or nullopt with `why` naming the part that is wrong. Country and owner are
// letters/digits (the Q channel's 6-bit alphabet has no lower case, so lower case is folded up);
// year and serial are digits.
[[nodiscard]] std::optional<std::string> normalizeIsrc(std::string_view text, std::string& why);

}  // namespace cdcts::emulator::cue
