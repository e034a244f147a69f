#pragma once
// Drive models as data: identity, transport, and what the drive claims. VirtualDrive behaves as the
// profile says; adding a drive model means adding a row to profile.cpp.
#include <cstdint>
#include <span>
#include <string_view>

#include "harness/mmc/adapter_properties.hpp"

namespace cdcts::emulator {

struct DriveProfile {
    std::string_view name;         // the key devices.yaml uses
    std::string_view description;  // one line for `cdcts devices list`
    std::string_view vendor;       // INQUIRY T10 vendor identification, 8 characters
    std::string_view product;      // INQUIRY product identification, 16 characters
    std::string_view revision;     // INQUIRY product revision level, 4 characters
    std::string_view serialNumber;
    bool writer = false;           // can write CD-R/RW (claims the write features)
    mmc::AdapterProperties adapter;
};

[[nodiscard]] std::span<const DriveProfile> driveProfiles();
[[nodiscard]] const DriveProfile* findDriveProfile(std::string_view name);

}  // namespace cdcts::emulator
