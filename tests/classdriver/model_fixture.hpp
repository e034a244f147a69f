#pragma once
// The class-driver model on the emulated drive, as the backends assemble it, with the drive's trace at hand.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>

#include "harness/backends/emulated_device.hpp"
#include "harness/core/bytes.hpp"
#include "harness/emulator/fault_plan.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::testing_support {

class ModelFixture : public ::testing::Test {
protected:
    std::unique_ptr<backends::EmulatedDevice> device;
    std::unique_ptr<DeviceHandle> handle;
    bool settleMmcRefresh = true;  // false: the refresh is left pending for the first request (§7.6 tests)

    // `medium` is a synthetic kind, or "" for an empty drive.
    void build(const char* medium, classdriver::ClassDriverSettings settings = {}, HandleAccess access = HandleAccess::Read,
               const char* profile = "dvd_rom")
    {
        handle.reset();  // a handle is closed before its device goes
        backends::EmulatedDeviceConfig config;
        config.id = "test_drive";
        config.profile = emulator::findDriveProfile(profile);
        if (*medium != '\0') config.medium = emulator::makeSyntheticDisc(medium);
        config.settings = settings;
        device = std::make_unique<backends::EmulatedDevice>(std::move(config));
        handle = device->open(access);
        // The first queued request would run the MMC capability refresh (§7.6); tests of other codes start
        // after it, as a real device has long had its first request when a suite runs.
        if (settleMmcRefresh) device->driver().runPendingMmcRefresh();
        device->drive().trace().clear();
    }
    ControlResult control(ioctl::ControlCode code, std::vector<std::uint8_t>& out, std::span<const std::uint8_t> in = {})
    {
        return handle->control(code, in, out);
    }
    [[nodiscard]] const std::vector<emulator::TraceEntry>& traffic() { return device->drive().trace().entries(); }
    // A model on a data disc with a mounted volume whose DO_VERIFY_VOLUME is set: a unit attention drawn by
    // CHECK_VERIFY does that (§7.3). The trace starts empty after it.
    void buildWithVerifyPending()
    {
        classdriver::ClassDriverSettings settings;
        settings.volumeMounted = true;
        build("data", settings);
        device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0x00,
                                                  .sense = mmc::sense::MediumMayHaveChanged});
        std::vector<std::uint8_t> count(4);
        ASSERT_EQ(control(ioctl::codes::CdromCheckVerify, count).status, ioctl::status::VerifyRequired);
        ASSERT_TRUE(device->driver().state().verifyVolume);
        device->drive().trace().clear();
    }
    // (last LBA + 1) x 2048 from a READ CAPACITY sent straight to the drive: the driver's PartitionLength (§3.9).
    std::uint64_t partitionLength()
    {
        std::array<std::uint8_t, 8> reply{};
        const auto cdb = mmc::cdb::readCapacity();
        EXPECT_TRUE(device->drive().execute(cdb, reply, mmc::DataDirection::In, std::chrono::seconds(10)).good());
        device->drive().trace().clear();
        return (std::uint64_t{loadBe32(reply.data())} + 1) * 2048;
    }
};

}  // namespace cdcts::testing_support
