#pragma once
// Hex text <-> bytes, for the command line (`--in HEX`) and for messages that show drive replies.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cdcts {

// Accepts pairs of hex digits, optionally separated by spaces, colons or dashes, with an optional 0x prefix.
// Throws std::invalid_argument naming the offending character position.
std::vector<std::uint8_t> parseHex(std::string_view text);

// "00 1a ff" style, `perLine` bytes per line (0 = one line).
std::string formatHex(std::span<const std::uint8_t> bytes, std::size_t perLine = 0);

}  // namespace cdcts
