// expect.reference_disc: the description of the reference disc in the drive, resolved against the folder
// devices.yaml is in (docs/devices-yaml.md, docs/reference-disc.md); it implies a disc in the drive.
#include <gtest/gtest.h>

#include "inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

std::string withReferenceDisc(const std::string& path, const std::string& medium = "synthetic:data", const std::string& extra = "")
{
    return "devices:\n"
           "  - id: emu_reference\n"
           "    backend: emulated\n"
           "    emulated:\n"
           "      profile: dvd_rom\n"
           "      medium: " + medium + "\n"
           "    expect:\n" + extra +
           "      reference_disc: " + path + "\n";
}

TEST(InventoryReferenceDisc, ResolvesAgainstTheInventorysFolder)
{
    const test::TempDir dir;
    const std::filesystem::path description = dir.write("reference-disc/ref.disc.yaml", "format: 1\n");
    const std::filesystem::path file = dir.write("lab/devices.yaml", withReferenceDisc("../reference-disc/ref.disc.yaml"));
    const Inventory inventory = loadInventory(file, test::testVocabulary());
    const Expectations& expect = inventory.devices.at(0).expect;
    EXPECT_EQ(std::filesystem::path(expect.referenceDisc), std::filesystem::weakly_canonical(description));
    EXPECT_EQ(expect.mediumPresent, std::optional<bool>(true)) << "a reference disc is a disc in the drive";
}

TEST(InventoryReferenceDisc, IsNotDeclaredByDefault)
{
    EXPECT_TRUE(test::parse(test::kEmulated).devices.at(0).expect.referenceDisc.empty());
}

TEST(InventoryReferenceDisc, AMissingFileOrAnEmptyDriveIsAnError)
{
    const test::TempDir dir;
    const std::filesystem::path file = dir.write("devices.yaml", withReferenceDisc("nowhere.disc.yaml"));
    try {
        (void)loadInventory(file, test::testVocabulary());
        ADD_FAILURE() << "loaded";
    } catch (const InventoryError& e) {
        EXPECT_NE(std::string(e.what()).find(":8:7: devices[0].expect.reference_disc: reference disc description '"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("nowhere.disc.yaml' does not exist or cannot be read"), std::string::npos) << e.what();
    }
    dir.write("ref.disc.yaml", "format: 1\n");
    const std::filesystem::path empty = dir.write("empty.yaml", withReferenceDisc("ref.disc.yaml", "none"));
    try {
        (void)loadInventory(empty, test::testVocabulary());
        ADD_FAILURE() << "loaded";
    } catch (const InventoryError& e) {
        EXPECT_NE(std::string(e.what()).find("expect.reference_disc: names a disc in the drive, but emulated.medium is none"), std::string::npos)
            << e.what();
    }
    const std::filesystem::path absent = dir.write("absent.yaml", withReferenceDisc("ref.disc.yaml", "synthetic:data", "      medium_present: false\n"));
    EXPECT_THROW((void)loadInventory(absent, test::testVocabulary()), InventoryError);
}

}  // namespace
}  // namespace cdcts::inventory
