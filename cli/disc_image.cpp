#include "cli/disc_image.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <stdexcept>

#include "harness/emulator/cue_image.hpp"
#include "harness/emulator/iso_image.hpp"

namespace cdcts::cli {

std::unique_ptr<emulator::Disc> loadDiscImage(const std::filesystem::path& image)
{
    std::string ext = image.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".cue") return emulator::loadCueImage(image);
    if (ext == ".iso") return emulator::loadIsoImage(image);
    throw std::invalid_argument(image.string() + ": not a .cue or .iso image");
}

std::string trackTypeName(emulator::TrackType type)
{
    switch (type) {
    case emulator::TrackType::Audio: return "audio";
    case emulator::TrackType::Mode1: return "mode1";
    case emulator::TrackType::Mode2Formless: return "mode2-formless";
    case emulator::TrackType::Mode2Xa: return "mode2-xa";
    }
    return "?";
}

std::string framesToMsf(std::int64_t frames)
{
    const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    return two(frames / 4500) + ":" + two(frames / 75 % 60) + ":" + two(frames % 75);
}

}  // namespace cdcts::cli
