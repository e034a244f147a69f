#pragma once
// An emulated drive as a Device: a VirtualDrive on a virtual clock (or the steady clock when asked), seen
// through the class-driver model.
#include <memory>
#include <string>

#include "harness/classdriver/class_driver.hpp"
#include "harness/emulator/virtual_drive.hpp"

namespace cdcts::backends {

struct EmulatedDeviceConfig {
    std::string id;
    const emulator::DriveProfile* profile = nullptr;
    std::unique_ptr<emulator::Disc> medium;  // nullptr: tray closed, no disc
    classdriver::ClassDriverSettings settings;
    // The steady clock instead of a virtual one: every modeled delay really passes (devices.yaml
    // emulated.clock: real). Opening with a disc in still does not wait for its spin-up.
    bool realClock = false;
    // Seeded firmware bugs of the drive (harness/defects/); the class driver's come in `settings`.
    defects::DefectSet defects;
};

class EmulatedDevice final : public Device {
public:
    explicit EmulatedDevice(EmulatedDeviceConfig config);

    [[nodiscard]] const DeviceIdentity& identity() const override { return driver_->identity(); }
    Clock& clock() override { return *clock_; }
    std::unique_ptr<DeviceHandle> open(HandleAccess access) override { return driver_->open(access); }
    mmc::MmcTarget* passThrough() override { return &drive_; }
    [[nodiscard]] std::optional<mmc::AdapterProperties> adapter() const override { return driver_->adapter(); }
    // The drive's and the model's state together.
    [[nodiscard]] StateSnapshot stateSnapshot() override;
    // The emulated drive's own trace.
    [[nodiscard]] std::optional<std::vector<DriveCommand>> commandTrace() override;
    void clearCommandTrace() override { drive_.trace().clear(); }

    // Reach-through for the harness's own tests and fault injection; suites must not use these.
    [[nodiscard]] emulator::VirtualDrive& drive() { return drive_; }
    [[nodiscard]] classdriver::ClassDriver& driver() { return *driver_; }

private:
    std::unique_ptr<Clock> clock_;  // declared before drive_, which keeps a reference to it
    emulator::VirtualDrive drive_;
    std::unique_ptr<classdriver::ClassDriver> driver_;
};

}  // namespace cdcts::backends
