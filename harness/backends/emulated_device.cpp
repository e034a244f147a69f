#include "harness/backends/emulated_device.hpp"

#include <stdexcept>

namespace cdcts::backends {
namespace {
const emulator::DriveProfile& requireProfile(const emulator::DriveProfile* profile)
{
    if (profile == nullptr) throw std::invalid_argument("emulated device needs a drive profile");
    return *profile;
}
}  // namespace

EmulatedDevice::EmulatedDevice(EmulatedDeviceConfig config) : drive_(requireProfile(config.profile), clock_)
{
    const std::string mediumDescription = config.medium ? config.medium->description() : "none";
    if (config.medium) {
        drive_.loadMedium(std::move(config.medium));
        // A device opened with a disc in has had it in for a while: the disc is at speed, not spinning up.
        clock_.advance(drive_.profile().timings.spinUp);
    }
    DeviceIdentity identity;
    identity.id = config.id;
    identity.backend = "emulated";
    identity.path = std::string(config.profile->name);
    identity.details = {{"medium", mediumDescription}};  // the profile name is the path
    driver_ = std::make_unique<classdriver::ClassDriver>(drive_, std::move(identity), config.settings);
}

}  // namespace cdcts::backends
