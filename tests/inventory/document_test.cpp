// The document as a whole: reading the file, YAML syntax, and the top level. Positions in the expected
// messages are counted by hand from the YAML text, one line per string literal.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

using test::parseError;
using test::parseMessage;
using test::startsWith;

TEST(InventoryDocument, MalformedYamlReportsTheParsersPosition)
{
    const std::optional<InventoryError> error = parseError(
        "devices:\n"
        "  - id: emu: reader\n");  // the second ':' is column 12
    ASSERT_TRUE(error);
    EXPECT_EQ(error->file(), "devices.yaml");
    EXPECT_EQ(error->line(), 2);
    EXPECT_EQ(error->column(), 12);
    EXPECT_EQ(error->keyPath(), "");
    EXPECT_TRUE(startsWith(error->what(), "devices.yaml:2:12: malformed YAML: "));
}

TEST(InventoryDocument, TabIndentationIsMalformedYaml)
{
    EXPECT_TRUE(startsWith(parseMessage("devices:\n"
                                        "  - id: emu_reader\n"
                                        "\tbackend: emulated\n"),
                           "devices.yaml:3:1: malformed YAML: "));
}

TEST(InventoryDocument, MessagesNameTheFileAsGiven)
{
    const std::optional<InventoryError> error = parseError("devices: 7\n", "lab/devices.yaml");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->file(), "lab/devices.yaml");
    EXPECT_STREQ(error->what(), "lab/devices.yaml:1:1: devices: expected a list of devices, got '7'");
}

TEST(InventoryDocument, MissingFileIsNamed)
{
    const test::TempDir dir;
    const std::filesystem::path file = dir.path() / "devices.yaml";
    try {
        (void)loadInventory(file, test::testVocabulary());
        FAIL() << "a missing file loaded";
    } catch (const InventoryError& error) {
        EXPECT_EQ(error.what(), file.string() + ": cannot read the device inventory: no such file");
        EXPECT_EQ(error.file(), file.string());
        EXPECT_EQ(error.line(), 0);
        EXPECT_EQ(error.column(), 0);
    }
}

TEST(InventoryDocument, DirectoryIsNotAnInventory)
{
    const test::TempDir dir;
    try {
        (void)loadInventory(dir.path(), test::testVocabulary());
        FAIL() << "a directory loaded";
    } catch (const InventoryError& error) {
        EXPECT_EQ(error.what(), dir.path().string() + ": cannot read the device inventory: not a regular file");
    }
}

TEST(InventoryDocument, UnreadableFileIsNamed)
{
    const test::TempDir dir;
    const std::filesystem::path file = dir.write("devices.yaml", "devices: []\n");
    std::filesystem::permissions(file, std::filesystem::perms::none);
    if (std::ifstream(file)) GTEST_SKIP() << "running with privileges that read any file";
    try {
        (void)loadInventory(file, test::testVocabulary());
        FAIL() << "an unreadable file loaded";
    } catch (const InventoryError& error) {
        EXPECT_EQ(error.what(), file.string() + ": cannot read the device inventory: Permission denied");
    }
}

TEST(InventoryDocument, FileInALockedFolderIsNamed)
{
    const test::TempDir dir;
    const std::filesystem::path folder = dir.path() / "locked";
    const std::filesystem::path file = dir.write("locked/devices.yaml", "devices: []\n");
    std::filesystem::permissions(folder, std::filesystem::perms::none);
    const bool readable = static_cast<bool>(std::ifstream(file));
    std::string message = "(loaded)";
    try {
        if (!readable) (void)loadInventory(file, test::testVocabulary());
    } catch (const InventoryError& error) {
        message = error.what();
    }
    // Unlocked before any assertion, so that the folder can always be removed.
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    if (readable) GTEST_SKIP() << "running with privileges that read any file";
    EXPECT_EQ(message, file.string() + ": cannot read the device inventory: Permission denied");
}

TEST(InventoryDocument, LoadsAFile)
{
    const test::TempDir dir;
    const std::filesystem::path file = dir.write("devices.yaml",
                                                 "devices:\n"
                                                 "  - id: emu_empty\n"
                                                 "    backend: emulated\n"
                                                 "    emulated: {profile: dvd_rom, medium: none}\n");
    const Inventory inventory = loadInventory(file, test::testVocabulary());
    EXPECT_EQ(inventory.file, file);
    ASSERT_EQ(inventory.devices.size(), 1U);
    EXPECT_EQ(inventory.devices[0].location.file, file.string());
    EXPECT_EQ(inventory.devices[0].location.line, 2);
    EXPECT_EQ(inventory.devices[0].location.column, 5);
}

TEST(InventoryDocument, EmptyDocumentIsAnError)
{
    const std::string expected = "devices.yaml:1:1: the inventory is empty; expected a map with a 'devices' list";
    EXPECT_EQ(parseMessage(""), expected);
    EXPECT_EQ(parseMessage("# only a comment\n"), expected);
    EXPECT_EQ(parseMessage("---\n"), expected);
    EXPECT_EQ(parseMessage("~\n"), expected);
}

TEST(InventoryDocument, OnlyOneDocument)
{
    EXPECT_EQ(parseMessage("devices: []\n"
                           "---\n"
                           "devices: []\n"),
              "devices.yaml:3:1: more than one YAML document; the inventory is a single document");
}

TEST(InventoryDocument, TopLevelMustBeAMap)
{
    EXPECT_EQ(parseMessage("- id: emu_reader\n"),
              "devices.yaml:1:1: the top level must be a map with a 'devices' list, got a list");
    EXPECT_EQ(parseMessage("# comment\n"
                           "devices\n"),
              "devices.yaml:2:1: the top level must be a map with a 'devices' list, got 'devices'");
}

TEST(InventoryDocument, DevicesIsRequired)
{
    const std::optional<InventoryError> error = parseError("# no devices\n"
                                                           "{}\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:2:1: missing required key 'devices'");
    EXPECT_EQ(error->line(), 2);
    EXPECT_EQ(error->column(), 1);
    EXPECT_EQ(error->keyPath(), "");
    EXPECT_EQ(error->detail(), "missing required key 'devices'");
}

TEST(InventoryDocument, DevicesMustBeAList)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  id: emu_reader\n"),
              "devices.yaml:1:1: devices: expected a list of devices, got a map");
    EXPECT_EQ(parseMessage("\n"
                           "devices:\n"),
              "devices.yaml:2:1: devices: expected a list of devices, got nothing");
}

TEST(InventoryDocument, AnEmptyListIsAnEmptyInventory)
{
    EXPECT_TRUE(test::parse("devices: []\n").devices.empty());
}

TEST(InventoryDocument, UnknownTopLevelKey)
{
    const std::optional<InventoryError> error = parseError("devices: []\n"
                                                           "drives: []\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:2:1: drives: unknown key (allowed: devices)");
    EXPECT_EQ(error->keyPath(), "drives");
}

TEST(InventoryDocument, DuplicateKey)
{
    EXPECT_EQ(parseMessage("devices: []\n"
                           "devices: []\n"),
              "devices.yaml:2:1: devices: duplicate key (first at line 1)");
}

TEST(InventoryDocument, KeyMustBeAName)
{
    EXPECT_EQ(parseMessage("devices: []\n"
                           "[a, b]: 1\n"),
              "devices.yaml:2:1: a key must be a name, got a list");
}

}  // namespace
}  // namespace cdcts::inventory
