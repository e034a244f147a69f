// emulated.medium: none, a synthetic disc, or an image file resolved against the inventory's folder.
// Positions in the expected messages are counted by hand: `medium:` is always line 6, column 7.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

using test::parseMessage;

std::string withMedium(const std::string& medium)
{
    return "devices:\n"                    // 1
           "  - id: emu_reader\n"          // 2
           "    backend: emulated\n"       // 3
           "    emulated:\n"               // 4
           "      profile: dvd_rom\n"  // 5
           "      medium: " +
           medium + "\n";  // 6
}

std::string mediumOf(const std::string& medium, const std::filesystem::path& file = "devices.yaml")
{
    return test::parse(withMedium(medium), file).devices.at(0).emulated.medium;
}

std::string mediumError(const std::string& medium, const std::filesystem::path& file)
{
    const std::optional<InventoryError> error = test::parseError(withMedium(medium), file);
    return error ? error->what() : std::string("(parsed)");
}

TEST(InventoryMedium, NoneAndSyntheticDiscsAreKeptAsWritten)
{
    EXPECT_EQ(mediumOf("none"), "none");
    EXPECT_EQ(mediumOf("synthetic:data"), "synthetic:data");
    EXPECT_EQ(mediumOf("synthetic:audio"), "synthetic:audio");
    EXPECT_EQ(mediumOf("'synthetic:mixed'"), "synthetic:mixed");
}

TEST(InventoryMedium, UnknownSyntheticKind)
{
    const std::optional<InventoryError> error = test::parseError(withMedium("synthetic:video"));
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:6:7: devices[0].emulated.medium: unknown synthetic disc kind 'video' "
                                "(known: data, audio, mixed)");
    EXPECT_EQ(error->keyPath(), "devices[0].emulated.medium");
    EXPECT_EQ(parseMessage(withMedium("'synthetic:'")),
              "devices.yaml:6:7: devices[0].emulated.medium: unknown synthetic disc kind '' (known: data, audio, "
              "mixed)");
}

TEST(InventoryMedium, EmptyOrMissingValue)
{
    EXPECT_EQ(parseMessage(withMedium("''")),
              "devices.yaml:6:7: devices[0].emulated.medium: expected none, synthetic:<kind> or the path of a disc "
              "image, got an empty string");
    EXPECT_EQ(parseMessage(withMedium("")),
              "devices.yaml:6:7: devices[0].emulated.medium: expected a string, got nothing");
}

TEST(InventoryMedium, RelativeImageResolvesAgainstTheInventorysFolder)
{
    const test::TempDir dir;
    const std::filesystem::path image = dir.write("images/disc.iso", "not really a disc");
    const std::filesystem::path inventoryFile = dir.write("lab/devices.yaml", withMedium("../images/disc.iso"));

    const Inventory loaded = loadInventory(inventoryFile, test::testVocabulary());
    EXPECT_EQ(loaded.devices.at(0).emulated.medium, image.string());
    EXPECT_TRUE(std::filesystem::path(loaded.devices.at(0).emulated.medium).is_absolute());
    EXPECT_EQ(loaded.devices.at(0).expect.mediumPresent, std::optional<bool>(true));

    EXPECT_EQ(mediumOf("disc.iso", dir.path() / "images" / "devices.yaml"), image.string());
}

TEST(InventoryMedium, AbsoluteImagePath)
{
    const test::TempDir dir;
    const std::filesystem::path image = dir.write("DISC.ISO", "upper-case extension");
    EXPECT_EQ(mediumOf("'" + image.string() + "'", "elsewhere/devices.yaml"), image.string());
}

TEST(InventoryMedium, MissingImageNamesTheResolvedPath)
{
    const test::TempDir dir;
    const std::optional<InventoryError> error =
        test::parseError(withMedium("missing.iso"), dir.path() / "devices.yaml");
    ASSERT_TRUE(error);
    const std::string resolved = (dir.path() / "missing.iso").string();
    EXPECT_EQ(error->what(), (dir.path() / "devices.yaml").string() + ":6:7: devices[0].emulated.medium: image file '" +
                                 resolved + "' does not exist");
    EXPECT_EQ(error->line(), 6);
    EXPECT_EQ(error->column(), 7);
}

TEST(InventoryMedium, ImageMustBeARegularFile)
{
    const test::TempDir dir;
    std::filesystem::create_directory(dir.path() / "folder.iso");
    const std::filesystem::path file = dir.path() / "devices.yaml";
    EXPECT_EQ(mediumError("folder.iso", file), file.string() + ":6:7: devices[0].emulated.medium: image '" +
                                                   (dir.path() / "folder.iso").string() + "' is not a regular file");
}

TEST(InventoryMedium, ImageMustBeReadable)
{
    const test::TempDir dir;
    const std::filesystem::path image = dir.write("locked.iso", "secret");
    std::filesystem::permissions(image, std::filesystem::perms::none);
    if (std::ifstream(image)) GTEST_SKIP() << "running with privileges that read any file";
    const std::filesystem::path file = dir.path() / "devices.yaml";
    EXPECT_EQ(mediumError("locked.iso", file),
              file.string() + ":6:7: devices[0].emulated.medium: image file '" + image.string() + "' cannot be read");
}

TEST(InventoryMedium, OnlyIsoAndCueImages)
{
    const test::TempDir dir;
    dir.write("disc", "no extension");
    const std::filesystem::path file = dir.path() / "devices.yaml";
    // Refused before the file is looked at: the type is the problem, whether or not it exists.
    EXPECT_EQ(mediumError("disc.bin", file),
              file.string() + ":6:7: devices[0].emulated.medium: unsupported image type '.bin' of 'disc.bin' "
                              "(supported: .iso, .cue)");
    EXPECT_EQ(mediumError("disc", file),
              file.string() + ":6:7: devices[0].emulated.medium: unsupported image type (no extension) of 'disc' "
                              "(supported: .iso, .cue)");
}

}  // namespace
}  // namespace cdcts::inventory
