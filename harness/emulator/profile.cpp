#include "harness/emulator/profile.hpp"

#include <vector>

#include "harness/emulator/embedded_profiles.hpp"

namespace cdcts::emulator {
namespace {

// Identities are our own invention (vendor "CDCTS"), so no report can mistake an emulated drive for a real one.
// Speeds and timings follow perf-anchors.md (§1.2 CAV rates, §1.4 access times, §1.5 spin-up). The models live
// in profiles/*.yaml; a broken file is a build defect, so it throws on first use with its file, line and key.
std::vector<DriveProfile> buildProfiles()
{
    std::vector<DriveProfile> profiles;
    for (const auto& file : embeddedProfiles()) {
        profiles.push_back(parseDriveProfile(file.text, std::string(file.file)));
        for (std::size_t i = 0; i + 1 < profiles.size(); ++i)
            if (profiles[i].name == profiles.back().name)
                throw ProfileError(std::string(file.file) + ": name: '" + profiles.back().name + "' is already a model");
    }
    return profiles;
}

const std::vector<DriveProfile>& profiles()
{
    static const std::vector<DriveProfile> all = buildProfiles();
    return all;
}

}  // namespace

std::span<const DriveProfile> driveProfiles() { return profiles(); }

const DriveProfile* findDriveProfile(std::string_view name)
{
    for (const auto& p : profiles())
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace cdcts::emulator
