#include "reports/device_catalog.hpp"

#include <gtest/gtest.h>

#include "reports/run_record.hpp"

namespace cdcts::reports {
namespace {

TEST(DeviceFromValueParam, TakesTheFirstToken) {
    EXPECT_EQ(deviceFromValueParam("emu_cd0"), "emu_cd0");
    EXPECT_EQ(deviceFromValueParam("emu_cd0 code=IOCTL_CDROM_READ_TOC_EX format=2"), "emu_cd0");
    EXPECT_EQ(deviceFromValueParam("  sr0\tx=1"), "sr0");
    EXPECT_EQ(deviceFromValueParam("\"emu_cd0\""), "emu_cd0") << "a std::string parameter prints quoted";
    EXPECT_EQ(deviceFromValueParam(""), "");
    EXPECT_EQ(deviceFromValueParam(nullptr), "");
}

TEST(DeviceCatalog, IdentityOfAnUnknownDeviceIsEmpty) {
    DeviceCatalog catalog;
    catalog.devices["emu_cd0"] = {{"vendor", "ACME"}};
    ASSERT_EQ(catalog.identityOf("emu_cd0").size(), 1U);
    EXPECT_EQ(catalog.identityOf("emu_cd0")[0].value, "ACME");
    EXPECT_TRUE(catalog.identityOf("sr0").empty());
}

TEST(StripInstantiationPrefix, RemovesOnlyThePrefix) {
    EXPECT_EQ(stripInstantiationPrefix("Lab/TocSuite"), "TocSuite");
    EXPECT_EQ(stripInstantiationPrefix("TocSuite"), "TocSuite");
    EXPECT_EQ(stripInstantiationPrefix("Typed/3"), "Typed/3") << "a typed suite's index is not a prefix";
    EXPECT_EQ(stripInstantiationPrefix("Lab/Typed/3"), "Typed/3");
}

TEST(SetProperty, ReplacesByName) {
    Properties properties{{"a", "1"}, {"b", "2"}};
    setProperty(properties, {"a", "3"});
    setProperty(properties, {"c", "4"});
    EXPECT_EQ(properties, (Properties{{"a", "3"}, {"b", "2"}, {"c", "4"}}));
}

}  // namespace
}  // namespace cdcts::reports
