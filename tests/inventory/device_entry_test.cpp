// One device entry: its keys, id, backend and the backend's block. Positions in the expected messages are
// counted by hand from the YAML text, one line per string literal.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

using test::kEmulated;
using test::parseMessage;

TEST(InventoryDevice, ReadsAnEmulatedDevice)
{
    const Inventory inventory = test::parse(kEmulated + "    description: A reader\n"
                                                        "    enabled: false\n");
    ASSERT_EQ(inventory.devices.size(), 1U);
    const DeviceSpec& spec = inventory.devices[0];
    EXPECT_EQ(spec.id, "emu_reader");
    EXPECT_EQ(spec.backend, Backend::Emulated);
    EXPECT_FALSE(spec.enabled);
    EXPECT_EQ(spec.description, "A reader");
    EXPECT_EQ(spec.emulated.profile, "dvd_rom");
    EXPECT_EQ(spec.emulated.medium, "synthetic:data");
    EXPECT_EQ(spec.location.file, "devices.yaml");
    EXPECT_EQ(spec.location.line, 2);
    EXPECT_EQ(spec.location.column, 5);
}

TEST(InventoryDevice, DefaultsWhenOptionalKeysAreLeftOut)
{
    const DeviceSpec spec = test::parse(kEmulated).devices.at(0);
    EXPECT_TRUE(spec.enabled);
    EXPECT_EQ(spec.description, "");
    EXPECT_FALSE(spec.adapter.alignmentMask);
    EXPECT_FALSE(spec.adapter.maximumTransferLength);
    EXPECT_FALSE(spec.adapter.maximumPhysicalPages);
    EXPECT_FALSE(spec.expect.volumeMounted);
    EXPECT_FALSE(spec.expect.allowDestructive);
}

TEST(InventoryDevice, ReadsRealDrives)
{
    const Inventory inventory = test::parse("devices:\n"
                                            "  - id: lab_sr0\n"
                                            "    backend: sgio\n"
                                            "    sgio:\n"
                                            "      path: /dev/sr0\n"
                                            "  - id: lab_cdrom0\n"
                                            "    backend: win32\n"
                                            "    win32:\n"
                                            "      path: '\\\\.\\CdRom0'\n");
    ASSERT_EQ(inventory.devices.size(), 2U);
    EXPECT_EQ(inventory.devices[0].backend, Backend::SgIo);
    EXPECT_EQ(inventory.devices[0].real.path, "/dev/sr0");
    EXPECT_EQ(inventory.devices[1].backend, Backend::Win32);
    EXPECT_EQ(inventory.devices[1].real.path, R"(\\.\CdRom0)");
    EXPECT_EQ(inventory.devices[1].location.line, 6);
    // Nothing to derive it from on a real drive: unknown until the lab says.
    EXPECT_FALSE(inventory.devices[0].expect.mediumPresent);
}

TEST(InventoryDevice, FlowStyleEntries)
{
    const Inventory inventory = test::parse(
        "devices: [{id: emu_empty, backend: emulated, emulated: {profile: dvd_rom, medium: none}}]\n");
    ASSERT_EQ(inventory.devices.size(), 1U);
    EXPECT_EQ(inventory.devices[0].emulated.medium, "none");
    EXPECT_EQ(inventory.devices[0].location.line, 1);
    EXPECT_EQ(inventory.devices[0].location.column, 11);
}

TEST(InventoryDevice, EntryMustBeAMap)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - emu_reader\n"),
              "devices.yaml:2:5: devices[0]: expected a map describing a device (id, backend, ...), got 'emu_reader'");
}

TEST(InventoryDevice, UnknownDeviceKey)
{
    const std::optional<InventoryError> error = test::parseError(kEmulated + "    colour: beige\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:7:5: devices[0].colour: unknown key (allowed: id, description, backend, "
                                "enabled, emulated, sgio, win32, adapter, expect, bench)");
    EXPECT_EQ(error->line(), 7);
    EXPECT_EQ(error->column(), 5);
    EXPECT_EQ(error->keyPath(), "devices[0].colour");
}

TEST(InventoryDevice, UnknownKeyInTheEmulatedBlock)
{
    EXPECT_EQ(parseMessage(kEmulated + "      tray: open\n"),
              "devices.yaml:7:7: devices[0].emulated.tray: unknown key (allowed: profile, medium, faults, clock, defects)");
}

TEST(InventoryDevice, UnknownKeyInARealDriveBlock)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_sg1\n"
                           "    backend: sgio\n"
                           "    sgio:\n"
                           "      device: /dev/sg1\n"),
              "devices.yaml:5:7: devices[0].sgio.device: unknown key (allowed: path)");
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_cdrom0\n"
                           "    backend: win32\n"
                           "    win32: {path: '\\\\.\\CdRom0', letter: E}\n"),
              "devices.yaml:4:33: devices[0].win32.letter: unknown key (allowed: path)");
}

TEST(InventoryDevice, UnknownKeyInTheAdapterBlock)
{
    EXPECT_EQ(parseMessage(kEmulated + "    adapter:\n"
                                       "      max_transfer: 4096\n"),
              "devices.yaml:8:7: devices[0].adapter.max_transfer: unknown key (allowed: alignment_mask, "
              "maximum_transfer_length, maximum_physical_pages)");
}

TEST(InventoryDevice, UnknownKeyInTheExpectBlock)
{
    EXPECT_EQ(parseMessage(kEmulated + "    expect:\n"
                                       "      disc_loaded: true\n"),
              "devices.yaml:8:7: devices[0].expect.disc_loaded: unknown key (allowed: medium_present, "
              "volume_mounted, allow_destructive, obsolete_codes, reference_disc)");
}

TEST(InventoryDevice, DuplicateKeyInAnEntry)
{
    EXPECT_EQ(parseMessage(kEmulated + "    backend: sgio\n"),
              "devices.yaml:7:5: devices[0].backend: duplicate key (first at line 3)");
}

TEST(InventoryDevice, IdIsRequired)
{
    const std::optional<InventoryError> error =
        test::parseError("devices:\n"
                         "  - backend: emulated\n"
                         "    emulated: {profile: dvd_rom, medium: none}\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:2:5: devices[0]: missing required key 'id'");
    EXPECT_EQ(error->keyPath(), "devices[0]");
}

TEST(InventoryDevice, BackendIsRequired)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    emulated: {profile: dvd_rom, medium: none}\n"),
              "devices.yaml:2:5: devices[0]: missing required key 'backend'");
}

TEST(InventoryDevice, TheBackendsBlockIsRequired)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"),
              "devices.yaml:2:5: devices[0]: missing required key 'emulated' (backend emulated needs it)");
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_cdrom0\n"
                           "    backend: win32\n"),
              "devices.yaml:2:5: devices[0]: missing required key 'win32' (backend win32 needs it)");
}

TEST(InventoryDevice, ProfileAndMediumAreRequired)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"
                           "    emulated:\n"
                           "      medium: none\n"),
              "devices.yaml:4:5: devices[0].emulated: missing required key 'profile'");
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"
                           "    emulated:\n"
                           "      profile: dvd_rom\n"),
              "devices.yaml:4:5: devices[0].emulated: missing required key 'medium'");
    // An empty block reads as null, and is an empty map with nothing in it.
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"
                           "    emulated:\n"),
              "devices.yaml:4:5: devices[0].emulated: missing required key 'profile'");
}

TEST(InventoryDevice, PathIsRequired)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_sg1\n"
                           "    backend: sgio\n"
                           "    sgio: {}\n"),
              "devices.yaml:4:5: devices[0].sgio: missing required key 'path'");
}

TEST(InventoryDevice, BlockMustBeAMap)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"
                           "    emulated: dvd_rom\n"),
              "devices.yaml:4:5: devices[0].emulated: expected a map, got 'dvd_rom'");
}

// GoogleTest parameters would reach the CTest names (CMake 3.25 appends the printed value), so a loop.
TEST(InventoryDevice, InvalidIdsAreRejected)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Emu_reader", "Emu_reader"}, {"1emu", "1emu"}, {"emu-reader", "emu-reader"}, {"emu reader", "emu reader"},
        {"_emu", "_emu"},             {"''", ""},       {"emü", "emü"}};
    for (const auto& [yamlValue, shown] : cases) {
        SCOPED_TRACE(yamlValue);
        EXPECT_EQ(parseMessage("devices:\n"
                               "  - id: " +
                               yamlValue +
                               "\n"
                               "    backend: emulated\n"
                               "    emulated: {profile: dvd_rom, medium: none}\n"),
                  "devices.yaml:2:5: devices[0].id: '" + shown +
                      "' is not a valid id (a lowercase letter, then lowercase letters, digits or _)");
    }
}

TEST(InventoryDevice, IdMustBeAString)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: [emu_reader]\n"
                           "    backend: emulated\n"
                           "    emulated: {profile: dvd_rom, medium: none}\n"),
              "devices.yaml:2:5: devices[0].id: expected a string, got a list");
}

TEST(InventoryDevice, IdsAreUnique)
{
    const std::optional<InventoryError> error = test::parseError("devices:\n"                       // 1
                                                                 "  - id: emu_reader\n"             // 2
                                                                 "    backend: emulated\n"          // 3
                                                                 "    enabled: false\n"             // 4
                                                                 "    emulated:\n"                  // 5
                                                                 "      profile: dvd_rom\n"  // 6
                                                                 "      medium: none\n"             // 7
                                                                 "  - id: emu_reader\n"             // 8
                                                                 "    backend: sgio\n"              // 9
                                                                 "    sgio:\n"                      // 10
                                                                 "      path: /dev/sg1\n");         // 11
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:8:5: devices[1].id: duplicate id 'emu_reader' (first at line 2)");
    EXPECT_EQ(error->keyPath(), "devices[1].id");
}

TEST(InventoryDevice, UnknownBackend)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: scsi\n"),
              "devices.yaml:3:5: devices[0].backend: unknown backend 'scsi' (known: emulated, sgio, win32)");
}

TEST(InventoryDevice, BlockOfAnotherBackend)
{
    const std::optional<InventoryError> error = test::parseError(kEmulated + "    sgio:\n"
                                                                             "      path: /dev/sg1\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(),
                 "devices.yaml:7:5: devices[0].sgio: block for backend sgio, but this device's backend is emulated");
    EXPECT_EQ(error->keyPath(), "devices[0].sgio");
}

TEST(InventoryDevice, UnknownProfile)
{
    const std::optional<InventoryError> error = test::parseError(
        "# cdcts device inventory\n"                                      // 1
        "devices:\n"                                                      // 2
        "  - id: emu_reader\n"                                            // 3
        "    description: Emulated CD-ROM reader with a synthetic data disc\n"  // 4
        "    backend: emulated\n"                                         // 5
        "    enabled: true\n"                                             // 6
        "    emulated:\n"                                                 // 7
        "      profile: dvd_rom\n"                                 // 8
        "      medium: synthetic:data\n"                                  // 9
        "  - id: emu_other\n"                                             // 10
        "    description: A drive model nobody defined\n"                 // 11
        "    backend: emulated\n"                                         // 12
        "    emulated:\n"                                                 // 13
        "      profile: foo\n"                                            // 14
        "      medium: none\n");                                          // 15
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(),
                 "devices.yaml:14:7: devices[1].emulated.profile: unknown profile 'foo' (known: dvd_rom, "
                 "dvdrw_writer)");
    EXPECT_EQ(error->file(), "devices.yaml");
    EXPECT_EQ(error->line(), 14);
    EXPECT_EQ(error->column(), 7);
    EXPECT_EQ(error->keyPath(), "devices[1].emulated.profile");
    EXPECT_EQ(error->detail(), "unknown profile 'foo' (known: dvd_rom, dvdrw_writer)");
}

TEST(InventoryDevice, DisabledDevicesAreKeptAndStillValidated)
{
    const Inventory inventory = test::parse(kEmulated + "    enabled: false\n");
    ASSERT_EQ(inventory.devices.size(), 1U);
    EXPECT_FALSE(inventory.devices[0].enabled);

    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: emu_reader\n"
                           "    backend: emulated\n"
                           "    enabled: false\n"
                           "    emulated:\n"
                           "      profile: no_such_drive\n"
                           "      medium: none\n"),
              "devices.yaml:6:7: devices[0].emulated.profile: unknown profile 'no_such_drive' (known: "
              "dvd_rom, dvdrw_writer)");
}

TEST(InventoryDevice, DescriptionMustBeAString)
{
    EXPECT_EQ(parseMessage(kEmulated + "    description:\n"
                                       "      - a reader\n"),
              "devices.yaml:7:5: devices[0].description: expected a string, got a list");
}

}  // namespace
}  // namespace cdcts::inventory
