#pragma once
// The class-driver model on an emulated drive of any profile, with every command's data phase recorded:
// the drive's trace has the CDBs but not the bytes a MODE SELECT or SET STREAMING carries.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <vector>

#include "harness/classdriver/class_driver.hpp"
#include "harness/classdriver/model_handle.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/virtual_drive.hpp"

namespace cdcts::testing_support {

// Forwards to the drive and keeps, per command, the bytes of the data phase (sent for Out, received for In).
class RecordingTarget final : public mmc::MmcTarget {
public:
    explicit RecordingTarget(emulator::VirtualDrive& drive) : drive_(drive) {}
    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction,
                               Nanoseconds timeout) override
    {
        mmc::CommandResult result = drive_.execute(cdb, data, direction, timeout);
        if (rewrite) rewrite(cdb, data, result);
        const std::size_t n = direction == mmc::DataDirection::In ? std::min<std::size_t>(result.transferred, data.size()) : data.size();
        phases.emplace_back(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
        return result;
    }
    Clock& clock() override { return drive_.clock(); }
    std::vector<std::vector<std::uint8_t>> phases;
    // Lets a test change the drive's answer (a reply the emulated drive never gives) before the model sees it.
    std::function<void(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::CommandResult& result)> rewrite;

private:
    emulator::VirtualDrive& drive_;
};

class RecordingModel : public ::testing::Test {
protected:
    VirtualClock clock;
    std::unique_ptr<emulator::VirtualDrive> drive;
    std::unique_ptr<RecordingTarget> target;
    std::unique_ptr<classdriver::ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;

    // `medium` is a synthetic kind, or "" for an empty drive.
    void build(const char* profile, const char* medium, HandleAccess access = HandleAccess::Read,
               classdriver::ClassDriverSettings settings = {})
    {
        handle.reset();
        driver.reset();
        target.reset();
        drive = std::make_unique<emulator::VirtualDrive>(*emulator::findDriveProfile(profile), clock);
        if (*medium != '\0') {
            drive->loadMedium(emulator::makeSyntheticDisc(medium));
            clock.advance(drive->profile().timings.spinUp);
        }
        target = std::make_unique<RecordingTarget>(*drive);
        driver = std::make_unique<classdriver::ClassDriver>(*target, DeviceIdentity{}, settings);
        handle = driver->open(access);
        // The §7.6 capability refresh the first request would otherwise run first: done here, so traces and state
        // a test sets start after it.
        driver->runPendingMmcRefresh();
        drive->trace().clear();
        target->phases.clear();
    }
    ControlResult control(ioctl::ControlCode code, std::vector<std::uint8_t>& out, std::span<const std::uint8_t> in = {})
    {
        return handle->control(code, in, out);
    }
    [[nodiscard]] const std::vector<emulator::TraceEntry>& traffic() { return drive->trace().entries(); }
    [[nodiscard]] const classdriver::FileObject& file(const DeviceHandle& h) const
    {
        return dynamic_cast<const classdriver::ModelHandle&>(h).fileObject();
    }
};

}  // namespace cdcts::testing_support
