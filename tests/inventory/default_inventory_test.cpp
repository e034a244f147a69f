// The devices.yaml shipped at the repository root: it must load, and it must give a fresh checkout the
// emulated drives the suites rely on, with the real-drive examples present but disabled.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

const std::filesystem::path kDefaultInventory = std::filesystem::path(CDCTS_SOURCE_DIR) / "devices.yaml";

// The test vocabulary plus what emu_reference uses (slim_slot, the reference disc) and emu_recorder's CD-R.
InventoryVocabulary defaultVocabulary()
{
    InventoryVocabulary v = test::testVocabulary();
    v.profiles.emplace_back("slim_slot");
    v.syntheticDiscKinds.emplace_back("reference");
    v.syntheticDiscKinds.emplace_back("cdr");
    return v;
}

class DefaultInventory : public ::testing::Test {
protected:
    Inventory inventory = loadInventory(kDefaultInventory, defaultVocabulary());

    const DeviceSpec& device(std::string_view id) const
    {
        const DeviceSpec* spec = findDevice(inventory, id);
        if (spec == nullptr) throw std::runtime_error("devices.yaml has no " + std::string(id));
        return *spec;
    }
};

TEST_F(DefaultInventory, ListsTheDevicesInFileOrder)
{
    std::vector<std::string> ids;
    for (const DeviceSpec& spec : inventory.devices) ids.push_back(spec.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"emu_reader", "emu_writer", "emu_empty", "emu_reference", "emu_recorder", "lab_sg1", "lab_cdrom0"}));
    EXPECT_EQ(inventory.file, kDefaultInventory);
}

TEST_F(DefaultInventory, EmuReaderIsAReaderWithADataDisc)
{
    const DeviceSpec& spec = device("emu_reader");
    EXPECT_EQ(spec.backend, Backend::Emulated);
    EXPECT_TRUE(spec.enabled);
    EXPECT_EQ(spec.emulated.profile, "dvd_rom");
    EXPECT_EQ(spec.emulated.medium, "synthetic:data");
    EXPECT_EQ(spec.expect.mediumPresent, std::optional<bool>(true));
    EXPECT_FALSE(spec.expect.volumeMounted);
    EXPECT_FALSE(spec.description.empty());
    EXPECT_FALSE(spec.adapter.alignmentMask || spec.adapter.maximumTransferLength || spec.adapter.maximumPhysicalPages);
}

TEST_F(DefaultInventory, EmuWriterIsAWriterWithAMixedDisc)
{
    const DeviceSpec& spec = device("emu_writer");
    EXPECT_EQ(spec.backend, Backend::Emulated);
    EXPECT_TRUE(spec.enabled);
    EXPECT_EQ(spec.emulated.profile, "dvdrw_writer");
    EXPECT_EQ(spec.emulated.medium, "synthetic:mixed");
    EXPECT_EQ(spec.expect.mediumPresent, std::optional<bool>(true));
}

TEST_F(DefaultInventory, EmuEmptyHasNoDisc)
{
    const DeviceSpec& spec = device("emu_empty");
    EXPECT_EQ(spec.backend, Backend::Emulated);
    EXPECT_TRUE(spec.enabled);
    EXPECT_EQ(spec.emulated.profile, "dvd_rom");
    EXPECT_EQ(spec.emulated.medium, "none");
    EXPECT_EQ(spec.expect.mediumPresent, std::optional<bool>(false));
}

TEST_F(DefaultInventory, EmulatedDrivesAllowDestructiveCommands)
{
    // Ejecting a virtual tray harms nothing, so the tray and medium suites run on every checkout.
    for (const std::string_view id : {"emu_reader", "emu_writer", "emu_empty", "emu_reference", "emu_recorder"}) {
        EXPECT_TRUE(device(id).expect.allowDestructive) << id;
    }
}

TEST_F(DefaultInventory, EmuReferenceHoldsTheShippedReferenceDisc)
{
    const DeviceSpec& spec = device("emu_reference");
    EXPECT_EQ(spec.emulated.profile, "slim_slot");
    EXPECT_EQ(spec.emulated.medium, "synthetic:reference");
    EXPECT_EQ(std::filesystem::path(spec.expect.referenceDisc),
              (kDefaultInventory.parent_path() / "reference-disc" / "cdcts-reference.disc.yaml").lexically_normal());
    EXPECT_EQ(spec.expect.mediumPresent, std::optional<bool>(true));
}

TEST_F(DefaultInventory, EmuRecorderIsAWriterWithAFinalizedCdR)
{
    // The one default device with a recordable medium: PMA, ATIP, OPC and CD-R write speeds run on every checkout.
    const DeviceSpec& spec = device("emu_recorder");
    EXPECT_EQ(spec.backend, Backend::Emulated);
    EXPECT_TRUE(spec.enabled);
    EXPECT_EQ(spec.emulated.profile, "dvdrw_writer");
    EXPECT_EQ(spec.emulated.medium, "synthetic:cdr");
    EXPECT_EQ(spec.expect.mediumPresent, std::optional<bool>(true));
}

TEST_F(DefaultInventory, RealDriveExamplesAreDisabled)
{
    const DeviceSpec& sg = device("lab_sg1");
    EXPECT_EQ(sg.backend, Backend::SgIo);
    EXPECT_FALSE(sg.enabled);
    EXPECT_EQ(sg.real.path, "/dev/sg1");
    EXPECT_FALSE(sg.expect.allowDestructive);

    const DeviceSpec& win = device("lab_cdrom0");
    EXPECT_EQ(win.backend, Backend::Win32);
    EXPECT_FALSE(win.enabled);
    EXPECT_EQ(win.real.path, R"(\\.\CdRom0)");
    EXPECT_FALSE(win.expect.allowDestructive);
}

TEST_F(DefaultInventory, ARunWithoutSelectionTestsTheEmulatedDrives)
{
    std::vector<std::string> ids;
    for (const DeviceSpec* spec : selectDevices(inventory, {})) ids.push_back(spec->id);
    EXPECT_EQ(ids, (std::vector<std::string>{"emu_reader", "emu_writer", "emu_empty", "emu_reference", "emu_recorder"}));
}

TEST_F(DefaultInventory, EveryEntryKnowsWhereItIs)
{
    for (const DeviceSpec& spec : inventory.devices) {
        EXPECT_EQ(spec.location.file, kDefaultInventory.string()) << spec.id;
        EXPECT_GT(spec.location.line, 1) << spec.id;
        EXPECT_EQ(spec.location.column, 5) << spec.id;  // entries are written "  - id: ..."
    }
}

}  // namespace
}  // namespace cdcts::inventory
