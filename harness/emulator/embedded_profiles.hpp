#pragma once
// The profile files (profiles/*.yaml) as the build embedded them: file name and text.
#include <span>
#include <string_view>

namespace cdcts::emulator {

struct EmbeddedProfile {
    std::string_view file;  // "profiles/dvd_rom.yaml", as errors name it
    std::string_view text;
};

[[nodiscard]] std::span<const EmbeddedProfile> embeddedProfiles();

}  // namespace cdcts::emulator
