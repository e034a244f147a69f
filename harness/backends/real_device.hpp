#pragma once
// A real drive reached through an MmcTarget (SG_IO on Linux), seen through the class-driver model: how a
// Linux lab tests drives against the Windows IOCTL surface.
#include <memory>

#include "harness/classdriver/class_driver.hpp"

namespace cdcts::backends {

class ModelledRealDevice final : public Device {
public:
    ModelledRealDevice(std::unique_ptr<mmc::MmcTarget> target, DeviceIdentity identity, classdriver::ClassDriverSettings settings)
        : target_(std::move(target)), driver_(*target_, std::move(identity), settings) {}

    [[nodiscard]] const DeviceIdentity& identity() const override { return driver_.identity(); }
    Clock& clock() override { return target_->clock(); }
    std::unique_ptr<DeviceHandle> open(HandleAccess access) override { return driver_.open(access); }
    mmc::MmcTarget* passThrough() override { return target_.get(); }
    [[nodiscard]] std::optional<mmc::AdapterProperties> adapter() const override { return driver_.adapter(); }
    // The model's side only: the drive's own state would take commands to read.
    [[nodiscard]] StateSnapshot stateSnapshot() override { return driver_.stateSnapshot(); }

private:
    std::unique_ptr<mmc::MmcTarget> target_;
    classdriver::ClassDriver driver_;
};

}  // namespace cdcts::backends
