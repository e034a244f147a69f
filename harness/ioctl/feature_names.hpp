#pragma once
// Names of MMC feature and profile numbers, for decoded GET_CONFIGURATION replies and reports
// (ioctl-contracts.md §3.8; FEATURE_NUMBER in structures/configuration.hpp).
#include <cstdint>
#include <string_view>

namespace cdcts::ioctl {

// The FEATURE_NUMBER enumerator without its "Feature" prefix ("CdRead" for 001Eh); empty if unknown.
[[nodiscard]] std::string_view featureName(std::uint16_t feature);
// "CD-ROM" for 0008h, "DVD+RW" for 001Ah; empty if unknown.
[[nodiscard]] std::string_view profileName(std::uint16_t profile);

}  // namespace cdcts::ioctl
