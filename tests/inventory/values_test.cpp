// Scalar values: booleans, unsigned integers, adapter limits, expectations and real-drive paths. Positions in
// the expected messages are counted by hand from the YAML text, one line per string literal.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

using test::kEmulated;
using test::parseMessage;

// kEmulated with `adapter:` on line 7 and `line` (indented to column 7) on line 8.
std::string withAdapter(const std::string& line)
{
    return kEmulated + "    adapter:\n      " + line + "\n";
}

// kEmulated with `expect:` on line 7 and `line` (indented to column 7) on line 8.
std::string withExpect(const std::string& line, const std::string& medium = "synthetic:data")
{
    std::string yaml = kEmulated + "    expect:\n      " + line + "\n";
    return yaml.replace(yaml.find("synthetic:data"), std::string("synthetic:data").size(), medium);
}

AdapterOverrides adapterOf(const std::string& line)
{
    return test::parse(withAdapter(line)).devices.at(0).adapter;
}

TEST(InventoryValues, EnabledMustBeTrueOrFalse)
{
    const std::optional<InventoryError> error = test::parseError(kEmulated + "    enabled: yes please\n");
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:7:5: devices[0].enabled: expected true or false, got 'yes please'");
    EXPECT_EQ(error->keyPath(), "devices[0].enabled");
    EXPECT_EQ(error->line(), 7);
    EXPECT_EQ(error->column(), 5);
}

TEST(InventoryValues, YamlOneOneBooleansAreRefused)
{
    EXPECT_EQ(parseMessage(kEmulated + "    enabled: yes\n"),
              "devices.yaml:7:5: devices[0].enabled: expected true or false, got 'yes'");
    EXPECT_EQ(parseMessage(kEmulated + "    enabled: \"true\"\n"),
              "devices.yaml:7:5: devices[0].enabled: expected true or false, got a quoted string");
    EXPECT_EQ(parseMessage(kEmulated + "    enabled:\n"),
              "devices.yaml:7:5: devices[0].enabled: expected true or false, got nothing");
}

TEST(InventoryValues, ReadsTheAdapterOverrides)
{
    const AdapterOverrides adapter = test::parse(kEmulated + "    adapter:\n"
                                                             "      alignment_mask: 3\n"
                                                             "      maximum_transfer_length: 0x20000\n"
                                                             "      maximum_physical_pages: 0X21\n")
                                         .devices.at(0)
                                         .adapter;
    EXPECT_EQ(adapter.alignmentMask, std::optional<std::uint32_t>(3));
    EXPECT_EQ(adapter.maximumTransferLength, std::optional<std::uint32_t>(0x20000));
    EXPECT_EQ(adapter.maximumPhysicalPages, std::optional<std::uint32_t>(33));
}

TEST(InventoryValues, AnEmptyAdapterBlockOverridesNothing)
{
    const AdapterOverrides adapter = test::parse(kEmulated + "    adapter:\n").devices.at(0).adapter;
    EXPECT_FALSE(adapter.alignmentMask || adapter.maximumTransferLength || adapter.maximumPhysicalPages);
}

TEST(InventoryValues, AlignmentMaskAcceptsEveryPowerOfTwoLessOne)
{
    EXPECT_EQ(adapterOf("alignment_mask: 0").alignmentMask, std::optional<std::uint32_t>(0));
    EXPECT_EQ(adapterOf("alignment_mask: 1").alignmentMask, std::optional<std::uint32_t>(1));
    EXPECT_EQ(adapterOf("alignment_mask: 0xF").alignmentMask, std::optional<std::uint32_t>(15));
    EXPECT_EQ(adapterOf("alignment_mask: 0xffffffff").alignmentMask, std::optional<std::uint32_t>(0xFFFFFFFFU));
}

TEST(InventoryValues, AlignmentMaskMustBeAPowerOfTwoLessOne)
{
    EXPECT_EQ(parseMessage(withAdapter("alignment_mask: 0x10")),
              "devices.yaml:8:7: devices[0].adapter.alignment_mask: must be one less than a power of two "
              "(0, 1, 3, 7, ...), got 16");
    EXPECT_EQ(parseMessage(withAdapter("alignment_mask: 5")),
              "devices.yaml:8:7: devices[0].adapter.alignment_mask: must be one less than a power of two "
              "(0, 1, 3, 7, ...), got 5");
}

TEST(InventoryValues, NegativeNumbersAreRefused)
{
    const std::optional<InventoryError> error = test::parseError(withAdapter("alignment_mask: -1"));
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(), "devices.yaml:8:7: devices[0].adapter.alignment_mask: must not be negative, got '-1'");
    EXPECT_EQ(error->keyPath(), "devices[0].adapter.alignment_mask");
    EXPECT_EQ(error->line(), 8);
    EXPECT_EQ(error->column(), 7);
}

TEST(InventoryValues, NumbersBeyond32BitsAreRefused)
{
    EXPECT_EQ(adapterOf("maximum_transfer_length: 4294967295").maximumTransferLength,
              std::optional<std::uint32_t>(4294967295U));
    EXPECT_EQ(parseMessage(withAdapter("maximum_transfer_length: 4294967296")),
              "devices.yaml:8:7: devices[0].adapter.maximum_transfer_length: '4294967296' is out of range "
              "(at most 4294967295)");
    EXPECT_EQ(parseMessage(withAdapter("maximum_transfer_length: 0x100000000")),
              "devices.yaml:8:7: devices[0].adapter.maximum_transfer_length: '0x100000000' is out of range "
              "(at most 4294967295)");
    EXPECT_EQ(parseMessage(withAdapter("maximum_transfer_length: 123456789012345678901234567890")),
              "devices.yaml:8:7: devices[0].adapter.maximum_transfer_length: '123456789012345678901234567890' is "
              "out of range (at most 4294967295)");
}

TEST(InventoryValues, NonNumbersAreRefused)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"12abc", "'12abc'"}, {"0x", "'0x'"}, {"0xg1", "'0xg1'"}, {"1.5", "'1.5'"},
        {"+5", "'+5'"},       {"'17'", "a quoted string"},       {"[17]", "a list"}, {"", "nothing"}};
    for (const auto& [yamlValue, shown] : cases) {
        SCOPED_TRACE(yamlValue);
        EXPECT_EQ(parseMessage(withAdapter("maximum_physical_pages: " + yamlValue)),
                  "devices.yaml:8:7: devices[0].adapter.maximum_physical_pages: expected an unsigned integer "
                  "(decimal, or hex with 0x), got " +
                      shown);
    }
}

TEST(InventoryValues, LeadingZerosAreRefused)
{
    EXPECT_EQ(parseMessage(withAdapter("maximum_physical_pages: 017")),
              "devices.yaml:8:7: devices[0].adapter.maximum_physical_pages: '017' has a leading zero (write decimal "
              "without one, or hex with 0x)");
}

TEST(InventoryValues, MaximumTransferLengthHoldsAtLeastOneSector)
{
    EXPECT_EQ(adapterOf("maximum_transfer_length: 2048").maximumTransferLength, std::optional<std::uint32_t>(2048));
    EXPECT_EQ(parseMessage(withAdapter("maximum_transfer_length: 2047")),
              "devices.yaml:8:7: devices[0].adapter.maximum_transfer_length: must be at least 2048 (one sector), "
              "got 2047");
}

TEST(InventoryValues, MaximumPhysicalPagesIsAtLeastOne)
{
    EXPECT_EQ(adapterOf("maximum_physical_pages: 1").maximumPhysicalPages, std::optional<std::uint32_t>(1));
    EXPECT_EQ(parseMessage(withAdapter("maximum_physical_pages: 0")),
              "devices.yaml:8:7: devices[0].adapter.maximum_physical_pages: must be at least 1, got 0");
}

TEST(InventoryValues, ReadsTheExpectations)
{
    const Expectations expect = test::parse(kEmulated + "    expect:\n"
                                                        "      medium_present: true\n"
                                                        "      volume_mounted: true\n"
                                                        "      allow_destructive: true\n")
                                    .devices.at(0)
                                    .expect;
    EXPECT_EQ(expect.mediumPresent, std::optional<bool>(true));
    EXPECT_TRUE(expect.volumeMounted);
    EXPECT_TRUE(expect.allowDestructive);
}

TEST(InventoryValues, ExpectationsAreBooleans)
{
    EXPECT_EQ(parseMessage(withExpect("volume_mounted: 1")),
              "devices.yaml:8:7: devices[0].expect.volume_mounted: expected true or false, got '1'");
    EXPECT_EQ(parseMessage(withExpect("allow_destructive: no")),
              "devices.yaml:8:7: devices[0].expect.allow_destructive: expected true or false, got 'no'");
    EXPECT_EQ(parseMessage(withExpect("medium_present: {}")),
              "devices.yaml:8:7: devices[0].expect.medium_present: expected true or false, got a map");
}

TEST(InventoryValues, MediumPresentFollowsTheEmulatedMedium)
{
    EXPECT_EQ(test::parse(kEmulated).devices.at(0).expect.mediumPresent, std::optional<bool>(true));
    EXPECT_EQ(test::parse(withExpect("volume_mounted: false", "none")).devices.at(0).expect.mediumPresent,
              std::optional<bool>(false));
    EXPECT_EQ(test::parse(withExpect("medium_present: false", "none")).devices.at(0).expect.mediumPresent,
              std::optional<bool>(false));
}

TEST(InventoryValues, MediumPresentMustNotContradictTheEmulatedMedium)
{
    const std::optional<InventoryError> error = test::parseError(withExpect("medium_present: true", "none"));
    ASSERT_TRUE(error);
    EXPECT_STREQ(error->what(),
                 "devices.yaml:8:7: devices[0].expect.medium_present: is true, but emulated.medium is none (no disc)");
    EXPECT_EQ(error->keyPath(), "devices[0].expect.medium_present");
    EXPECT_EQ(parseMessage(withExpect("medium_present: false")),
              "devices.yaml:8:7: devices[0].expect.medium_present: is false, but emulated.medium 'synthetic:data' is "
              "a disc");
}

TEST(InventoryValues, RealDrivesKeepADeclaredMediumPresent)
{
    const Inventory inventory = test::parse("devices:\n"
                                            "  - id: lab_sg1\n"
                                            "    backend: sgio\n"
                                            "    sgio: {path: /dev/sg1}\n"
                                            "    expect: {medium_present: false}\n");
    EXPECT_EQ(inventory.devices.at(0).expect.mediumPresent, std::optional<bool>(false));
}

TEST(InventoryValues, SgioPathIsAbsolute)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_sg1\n"
                           "    backend: sgio\n"
                           "    sgio:\n"
                           "      path: sg1\n"),
              "devices.yaml:5:7: devices[0].sgio.path: expected an absolute device path such as /dev/sg1 or "
              "/dev/sr0, got 'sg1'");
}

TEST(InventoryValues, Win32PathIsADevicePath)
{
    EXPECT_EQ(parseMessage("devices:\n"
                           "  - id: lab_cdrom0\n"
                           "    backend: win32\n"
                           "    win32:\n"
                           "      path: CdRom0\n"),
              "devices.yaml:5:7: devices[0].win32.path: expected a device path such as '\\\\.\\CdRom0', got "
              "'CdRom0' (in double quotes a backslash is an escape; use single quotes)");
    // Escaped in double quotes, and the \\?\ spelling, both name a device.
    const Inventory inventory = test::parse("devices:\n"
                                            "  - id: lab_cdrom0\n"
                                            "    backend: win32\n"
                                            "    win32: {path: \"\\\\\\\\.\\\\CdRom0\"}\n"
                                            "  - id: lab_cdrom1\n"
                                            "    backend: win32\n"
                                            "    win32: {path: '\\\\?\\CdRom1'}\n");
    EXPECT_EQ(inventory.devices.at(0).real.path, R"(\\.\CdRom0)");
    EXPECT_EQ(inventory.devices.at(1).real.path, R"(\\?\CdRom1)");
}

}  // namespace
}  // namespace cdcts::inventory
