// emulated.clock: what an emulated drive's time runs on (docs/devices-yaml.md). The parsed value, an error with
// file:line:column for a bad one, and a real-clock device whose commands take their modeled time in wall time.
// Positions are counted by hand from kEmulated (lines 1-6); `clock:` is line 7, its key at column 7.
#include <gtest/gtest.h>

#include <chrono>

#include "harness/backends/emulated_device.hpp"
#include "harness/inventory/open_device.hpp"
#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {
using namespace std::chrono_literals;
using test::kEmulated;
using test::parseMessage;

EmulatedClock clockOf(const std::string& lines) { return test::parse(kEmulated + lines).devices.at(0).emulated.clock; }

TEST(InventoryClock, VirtualUnlessToldReal)
{
    EXPECT_EQ(clockOf(""), EmulatedClock::Virtual) << "absent: virtual";
    EXPECT_EQ(clockOf("      clock: virtual\n"), EmulatedClock::Virtual);
    EXPECT_EQ(clockOf("      clock: real\n"), EmulatedClock::Real);
}

TEST(InventoryClock, AnUnknownClockNamesItsPlaceAndTheKnownOnes)
{
    EXPECT_EQ(parseMessage(kEmulated + "      clock: wall\n"),
              "devices.yaml:7:7: devices[0].emulated.clock: unknown clock 'wall' (known: virtual, real)");
    EXPECT_TRUE(test::startsWith(parseMessage(kEmulated + "      clock: [real]\n"), "devices.yaml:7:7: devices[0].emulated.clock: "));
}

// Opens the single device of kEmulated + `lines` with the emulator's own vocabulary.
std::unique_ptr<Device> openWith(const std::string& lines)
{
    const Inventory inventory = parseInventory(kEmulated + lines, "devices.yaml", emulatorVocabulary());
    return openDevice(inventory.devices.at(0));
}

mmc::CommandResult testUnitReady(emulator::VirtualDrive& drive)
{
    return drive.execute(std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0}, {}, mmc::DataDirection::None, 10s);
}

TEST(InventoryClock, TheDefaultDeviceRunsOnAVirtualClock)
{
    const std::unique_ptr<Device> device = openWith("");
    EXPECT_FALSE(device->clock().isReal());
}

// A real-clock drive really spends its modeled time: TEST UNIT READY costs the profile's command overhead, so
// at least that much wall time passes (never asserted from above: the machine may be slow).
TEST(InventoryClock, ARealClockDeviceTakesItsModeledTimeInWallTime)
{
    const std::unique_ptr<Device> device = openWith("      clock: real\n");
    EXPECT_TRUE(device->clock().isReal());
    auto* emulated = dynamic_cast<backends::EmulatedDevice*>(device.get());
    ASSERT_NE(emulated, nullptr);
    emulator::VirtualDrive& drive = emulated->drive();
    // Power-on and new-disc unit attentions; the disc opened in the drive is already at speed.
    bool ready = false;
    for (int i = 0; i < 4 && !ready; ++i) ready = testUnitReady(drive).good();
    ASSERT_TRUE(ready) << "a disc that was in the drive when it was opened needs no spin-up";
    const Nanoseconds modeled = drive.profile().timings.commandOverhead;
    ASSERT_GT(modeled, 0ns);
    for (int i = 0; i < 3; ++i) {
        const auto before = std::chrono::steady_clock::now();
        ASSERT_TRUE(testUnitReady(drive).good());
        EXPECT_GE(std::chrono::steady_clock::now() - before, modeled);
    }
}

}  // namespace
}  // namespace cdcts::inventory
