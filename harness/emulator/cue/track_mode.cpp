#include "harness/emulator/cue/track_mode.hpp"

#include <array>
#include <utility>

#include "harness/emulator/cue/text.hpp"

namespace cdcts::emulator::cue {
namespace {

constexpr std::array<std::pair<TrackMode, std::string_view>, 5> kModes{{
    {TrackMode::Audio, "AUDIO"},
    {TrackMode::Mode1Cooked, "MODE1/2048"},
    {TrackMode::Mode1Raw, "MODE1/2352"},
    {TrackMode::Mode2Formless, "MODE2/2336"},
    {TrackMode::Mode2Raw, "MODE2/2352"},
}};

constexpr std::array<std::pair<FileType, std::string_view>, 2> kFileTypes{{
    {FileType::Binary, "BINARY"},
    {FileType::Motorola, "MOTOROLA"},
}};

}  // namespace

std::string_view cueName(TrackMode mode)
{
    for (const auto& [m, name] : kModes)
        if (m == mode) return name;
    return "?";
}

std::string_view cueName(FileType type)
{
    for (const auto& [t, name] : kFileTypes)
        if (t == type) return name;
    return "?";
}

std::optional<TrackMode> trackModeFromCue(std::string_view word)
{
    for (const auto& [m, name] : kModes)
        if (equalsIgnoreCase(word, name)) return m;
    return std::nullopt;
}

std::optional<FileType> fileTypeFromCue(std::string_view word)
{
    for (const auto& [t, name] : kFileTypes)
        if (equalsIgnoreCase(word, name)) return t;
    return std::nullopt;
}

}  // namespace cdcts::emulator::cue
