#include "harness/emulator/cue/text.hpp"

namespace cdcts::emulator::cue {
namespace {

// ASCII only: cue keywords are ASCII, and names must not change meaning with the C locale.
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::string toUpper(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = upper(c);
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (upper(a[i]) != upper(b[i])) return false;
    return true;
}

std::string twoDigits(unsigned n)
{
    return std::string(1, static_cast<char>('0' + n / 10 % 10)) + static_cast<char>('0' + n % 10);
}

}  // namespace cdcts::emulator::cue
