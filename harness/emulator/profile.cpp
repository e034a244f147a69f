#include "harness/emulator/profile.hpp"

#include <array>

namespace cdcts::emulator {
namespace {

// Identities are our own invention (vendor "CDCTS"), so no report can mistake an emulated drive for a real one.
constexpr std::array<DriveProfile, 2> kProfiles{{
    {"generic_reader", "CD-ROM reader on a SATA/AHCI port", "CDCTS", "VIRTUAL CD-ROM", "1.00", "CDCTS-R-0001", false,
     mmc::AdapterProperties{1, 128 * 1024, 33}},
    {"generic_writer", "CD-RW writer on a USB bridge", "CDCTS", "VIRTUAL CD-RW", "2.10", "CDCTS-W-0001", true,
     mmc::AdapterProperties{0, 64 * 1024, 17}},
}};

}  // namespace

std::span<const DriveProfile> driveProfiles() { return kProfiles; }

const DriveProfile* findDriveProfile(std::string_view name)
{
    for (const auto& p : kProfiles)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace cdcts::emulator
