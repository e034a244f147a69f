#pragma once
// Small text helpers shared by the cue reader: keywords are case-insensitive (CDRWIN's own rule).
#include <string>
#include <string_view>

namespace cdcts::emulator::cue {

[[nodiscard]] std::string toUpper(std::string_view text);
[[nodiscard]] bool equalsIgnoreCase(std::string_view a, std::string_view b);
// Two decimal digits, as cue sheets write track and index numbers in messages ("TRACK 02").
[[nodiscard]] std::string twoDigits(unsigned n);

}  // namespace cdcts::emulator::cue
