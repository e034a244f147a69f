// expect.obsolete_codes (docs/devices-yaml.md): per obsolete code of ioctl-contracts.md §5, `supported` or the
// NTSTATUS the device rejects it with. The names come from the caller's vocabulary; here, a few stand in for them.
#include <gtest/gtest.h>

#include "harness/inventory/open_device.hpp"
#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

using test::kEmulated;

InventoryVocabulary vocabulary()
{
    InventoryVocabulary v = test::testVocabulary();
    v.obsoleteCodes = {"IOCTL_CDROM_READ_TOC", "IOCTL_CDROM_GET_CONTROL"};
    v.rejectionStatuses = {"STATUS_INVALID_DEVICE_REQUEST", "STATUS_NOT_SUPPORTED"};
    return v;
}

// kEmulated with `expect:` on line 7, `obsolete_codes:` on line 8 and `lines` (column 9) from line 9.
std::string withDeclarations(const std::string& lines)
{
    return kEmulated + "    expect:\n      obsolete_codes:\n" + lines;
}

std::string messageOf(const std::string& yaml)
{
    try {
        (void)parseInventory(yaml, "devices.yaml", vocabulary());
    } catch (const InventoryError& error) {
        return error.what();
    }
    return "(parsed)";
}

TEST(InventoryObsoleteCodes, ReadsSupportedAndRejectedDeclarationsInFileOrder)
{
    const Inventory inventory = parseInventory(withDeclarations("        IOCTL_CDROM_GET_CONTROL: STATUS_NOT_SUPPORTED\n"
                                                                "        IOCTL_CDROM_READ_TOC: supported\n"),
                                               "devices.yaml", vocabulary());
    const auto& declared = inventory.devices.at(0).expect.obsoleteCodes;
    ASSERT_EQ(declared.size(), 2u);
    EXPECT_EQ(declared[0].code, "IOCTL_CDROM_GET_CONTROL");
    EXPECT_EQ(declared[0].rejectedWith, "STATUS_NOT_SUPPORTED");
    EXPECT_FALSE(declared[0].supported());
    EXPECT_EQ(declared[1].code, "IOCTL_CDROM_READ_TOC");
    EXPECT_TRUE(declared[1].supported());
}

TEST(InventoryObsoleteCodes, LeftOutMeansNoDeclarations)
{
    EXPECT_TRUE(parseInventory(kEmulated, "devices.yaml", vocabulary()).devices.at(0).expect.obsoleteCodes.empty());
    EXPECT_TRUE(parseInventory(withDeclarations(""), "devices.yaml", vocabulary()).devices.at(0).expect.obsoleteCodes.empty());
}

TEST(InventoryObsoleteCodes, AnUnknownOrCurrentCodeIsRefusedWithTheKnownNames)
{
    EXPECT_EQ(messageOf(withDeclarations("        IOCTL_CDROM_READ_TOC_EX: supported\n")),
              "devices.yaml:9:9: devices[0].expect.obsolete_codes.IOCTL_CDROM_READ_TOC_EX: not an obsolete code "
              "(known: IOCTL_CDROM_READ_TOC, IOCTL_CDROM_GET_CONTROL)");
}

TEST(InventoryObsoleteCodes, AnUnknownStatusIsRefusedWithTheKnownNames)
{
    EXPECT_EQ(messageOf(withDeclarations("        IOCTL_CDROM_GET_CONTROL: STATUS_NOPE\n")),
              "devices.yaml:9:9: devices[0].expect.obsolete_codes.IOCTL_CDROM_GET_CONTROL: unknown answer 'STATUS_NOPE' "
              "(expected supported or the status it is rejected with: STATUS_INVALID_DEVICE_REQUEST, STATUS_NOT_SUPPORTED)");
}

TEST(InventoryObsoleteCodes, ARepeatedCodeAndANonMapAreRefused)
{
    EXPECT_EQ(messageOf(withDeclarations("        IOCTL_CDROM_READ_TOC: supported\n"
                                         "        IOCTL_CDROM_READ_TOC: STATUS_NOT_SUPPORTED\n")),
              "devices.yaml:10:9: devices[0].expect.obsolete_codes.IOCTL_CDROM_READ_TOC: duplicate key (first at line 9)");
    EXPECT_EQ(messageOf(kEmulated + "    expect:\n      obsolete_codes: [IOCTL_CDROM_READ_TOC]\n"),
              "devices.yaml:8:7: devices[0].expect.obsolete_codes: expected a map of code: supported | STATUS_..., got a list");
}

TEST(InventoryObsoleteCodes, TheCallersVocabularyHoldsSectionFivesCodesAndOnlyErrorStatuses)
{
    const InventoryVocabulary v = emulatorVocabulary();
    EXPECT_NE(std::find(v.obsoleteCodes.begin(), v.obsoleteCodes.end(), "IOCTL_CDROM_GET_CONTROL"), v.obsoleteCodes.end());
    EXPECT_NE(std::find(v.obsoleteCodes.begin(), v.obsoleteCodes.end(), "IOCTL_CDROM_SIMBAD"), v.obsoleteCodes.end());
    EXPECT_EQ(std::find(v.obsoleteCodes.begin(), v.obsoleteCodes.end(), "IOCTL_CDROM_READ_TOC_EX"), v.obsoleteCodes.end());
    EXPECT_NE(std::find(v.rejectionStatuses.begin(), v.rejectionStatuses.end(), "STATUS_INVALID_DEVICE_REQUEST"),
              v.rejectionStatuses.end());
    EXPECT_EQ(std::find(v.rejectionStatuses.begin(), v.rejectionStatuses.end(), "STATUS_SUCCESS"), v.rejectionStatuses.end());
    EXPECT_EQ(std::find(v.rejectionStatuses.begin(), v.rejectionStatuses.end(), "STATUS_VERIFY_REQUIRED"),
              v.rejectionStatuses.end());
}

}  // namespace
}  // namespace cdcts::inventory
