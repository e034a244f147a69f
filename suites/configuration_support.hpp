#pragma once
// IOCTL_CDROM_GET_CONFIGURATION's input (ioctl-contracts.md §3.8), for the suites that ask for a feature list.
#include <cstdint>
#include <cstring>
#include <vector>

#include "harness/ioctl/structures/configuration.hpp"

namespace cdcts::suites {

// GET_CONFIGURATION_IOCTL_INPUT with any Feature value (FEATURE_NUMBER is an enum; bad-value cases need others).
inline std::vector<std::uint8_t> configurationInput(std::uint32_t feature, std::uint32_t requestType)
{
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    std::memcpy(&in.Feature, &feature, sizeof feature);
    in.RequestType = requestType;
    std::vector<std::uint8_t> bytes(sizeof in);
    std::memcpy(bytes.data(), &in, sizeof in);
    return bytes;
}

}  // namespace cdcts::suites
