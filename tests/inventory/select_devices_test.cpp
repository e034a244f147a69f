// selectDevices: what a run tests, from the inventory and the ids on the command line.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

const Inventory& sample()
{
    static const Inventory inventory = test::parse("devices:\n"
                                                   "  - id: emu_reader\n"
                                                   "    backend: emulated\n"
                                                   "    emulated: {profile: dvd_rom, medium: synthetic:data}\n"
                                                   "  - id: lab_sg1\n"
                                                   "    backend: sgio\n"
                                                   "    enabled: false\n"
                                                   "    sgio: {path: /dev/sg1}\n"
                                                   "  - id: emu_empty\n"
                                                   "    backend: emulated\n"
                                                   "    emulated: {profile: dvd_rom, medium: none}\n");
    return inventory;
}

std::vector<std::string> idsOf(const std::vector<const DeviceSpec*>& devices)
{
    std::vector<std::string> ids;
    for (const DeviceSpec* spec : devices) ids.push_back(spec->id);
    return ids;
}

TEST(SelectDevices, NoIdsMeansEveryEnabledDeviceInFileOrder)
{
    EXPECT_EQ(idsOf(selectDevices(sample(), {})), (std::vector<std::string>{"emu_reader", "emu_empty"}));
}

TEST(SelectDevices, NamedDevicesInTheGivenOrderDisabledOnesIncluded)
{
    const std::vector<const DeviceSpec*> selected = selectDevices(sample(), {"emu_empty", "lab_sg1"});
    EXPECT_EQ(idsOf(selected), (std::vector<std::string>{"emu_empty", "lab_sg1"}));
    ASSERT_EQ(selected.size(), 2U);
    EXPECT_EQ(selected[1], &sample().devices[1]);  // points into the inventory, not at a copy
}

TEST(SelectDevices, UnknownIdListsTheKnownOnes)
{
    try {
        (void)selectDevices(sample(), {"emu_reader", "emu_writer"});
        FAIL() << "an unknown id was selected";
    } catch (const DeviceSelectionError& error) {
        EXPECT_STREQ(error.what(),
                     "devices.yaml: no device 'emu_writer' in the inventory (known: emu_reader, lab_sg1, emu_empty)");
        EXPECT_EQ(error.deviceId(), "emu_writer");
        EXPECT_EQ(error.line(), 0);
    }
}

TEST(SelectDevices, SelectionErrorsAreInventoryErrors)
{
    EXPECT_THROW((void)selectDevices(sample(), {"nope"}), InventoryError);
    EXPECT_THROW((void)selectDevices(Inventory{}, {"nope"}), DeviceSelectionError);
}

TEST(SelectDevices, ADeviceOnlyOnce)
{
    try {
        (void)selectDevices(sample(), {"emu_reader", "emu_reader"});
        FAIL() << "a device was selected twice";
    } catch (const DeviceSelectionError& error) {
        EXPECT_STREQ(error.what(), "devices.yaml: device 'emu_reader' is selected twice");
    }
}

TEST(SelectDevices, AnEmptyInventorySelectsNothing)
{
    EXPECT_TRUE(selectDevices(Inventory{}, {}).empty());
}

TEST(FindDevice, ById)
{
    ASSERT_NE(findDevice(sample(), "lab_sg1"), nullptr);
    EXPECT_EQ(findDevice(sample(), "lab_sg1")->backend, Backend::SgIo);
    EXPECT_EQ(findDevice(sample(), "lab_sg2"), nullptr);
}

}  // namespace
}  // namespace cdcts::inventory
