#include "harness/emulator/cue/isrc.hpp"

#include "harness/emulator/cue/text.hpp"

namespace cdcts::emulator::cue {
namespace {

bool isLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::string> normalizeIsrc(std::string_view text, std::string& why)
{
    const std::string code = toUpper(text);
    const std::string quoted = "ISRC \"" + std::string(text) + "\"";
    if (code.size() != 12) {
        why = quoted + " is " + std::to_string(code.size()) + " characters (expected 12: CCOOOYYSSSSS)";
        return std::nullopt;
    }
    if (!isLetter(code[0]) || !isLetter(code[1])) {
        why = quoted + " has no two-letter country code (expected CCOOOYYSSSSS)";
        return std::nullopt;
    }
    for (std::size_t i = 2; i < 5; ++i)
        if (!isLetter(code[i]) && !isDigit(code[i])) {
            why = quoted + " has an owner code that is not letters and digits (expected CCOOOYYSSSSS)";
            return std::nullopt;
        }
    for (std::size_t i = 5; i < 12; ++i)
        if (!isDigit(code[i])) {
            why = quoted + " has a year or serial number that is not digits (expected CCOOOYYSSSSS)";
            return std::nullopt;
        }
    return code;
}

}  // namespace cdcts::emulator::cue
