#include "harness/backends/emulated_device.hpp"

#include <stdexcept>

namespace cdcts::backends {
namespace {
const emulator::DriveProfile& requireProfile(const emulator::DriveProfile* profile)
{
    if (profile == nullptr) throw std::invalid_argument("emulated device needs a drive profile");
    return *profile;
}

// The steady clock, started ahead by the time a disc already in the drive has had to spin up: a device opened
// with a disc finds it at speed, as with the virtual clock, without sleeping through the spin-up.
class HeadStartSteadyClock final : public Clock {
public:
    [[nodiscard]] Nanoseconds now() const override { return steady_.now() + ahead_; }
    void sleepFor(Nanoseconds duration) override { steady_.sleepFor(duration); }
    [[nodiscard]] bool isReal() const override { return true; }
    void skipAhead(Nanoseconds duration) { ahead_ += duration; }

private:
    SteadyClock steady_;
    Nanoseconds ahead_{0};
};

std::unique_ptr<Clock> makeClock(bool real)
{
    if (real) return std::make_unique<HeadStartSteadyClock>();
    return std::make_unique<VirtualClock>();
}

}  // namespace

EmulatedDevice::EmulatedDevice(EmulatedDeviceConfig config)
    : clock_(makeClock(config.realClock)), drive_(requireProfile(config.profile), *clock_)
{
    drive_.setDefects(config.defects);
    const std::string mediumDescription = config.medium ? config.medium->description() : "none";
    if (config.medium) {
        drive_.loadMedium(std::move(config.medium));
        // A device opened with a disc in has had it in for a while: the disc is at speed, not spinning up.
        const Nanoseconds spinUp = drive_.profile().timings.spinUp;
        if (auto* head = dynamic_cast<HeadStartSteadyClock*>(clock_.get())) head->skipAhead(spinUp);
        else clock_->sleepFor(spinUp);  // virtual: advances at no cost
    }
    DeviceIdentity identity;
    identity.id = config.id;
    identity.backend = "emulated";
    identity.path = std::string(config.profile->name);
    identity.details = {{"medium", mediumDescription}};  // the profile name is the path
    driver_ = std::make_unique<classdriver::ClassDriver>(drive_, std::move(identity), config.settings);
    // A DeviceGone fault is the drive leaving the bus: PnP tells the class driver (§1 step 7).
    driver_->setRemovalWatch([this] { return drive_.faults().deviceGone(); });
}

std::optional<std::vector<DriveCommand>> EmulatedDevice::commandTrace()
{
    std::vector<DriveCommand> commands;
    for (const emulator::TraceEntry& e : drive_.trace().entries())
        commands.push_back({std::vector<std::uint8_t>(e.cdb().begin(), e.cdb().end()), e.direction, e.bufferLength});
    return commands;
}

StateSnapshot EmulatedDevice::stateSnapshot()
{
    StateSnapshot snapshot = drive_.stateSnapshot();
    const StateSnapshot model = driver_->stateSnapshot();
    snapshot.insert(snapshot.end(), model.begin(), model.end());
    return snapshot;
}

}  // namespace cdcts::backends
