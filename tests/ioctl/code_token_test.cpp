// The rule by which test names name the catalog's codes (harness/ioctl/code_token.hpp, docs/suites.md "Codes in
// test names"): each code has its own token, and no name counts for a code it does not name.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "harness/ioctl/code_token.hpp"

namespace cdcts::ioctl {
namespace {

std::set<std::string> namedBy(std::string_view testName, std::string_view device = "emu_reader")
{
    std::set<std::string> names;
    for (const CodeInfo* info : codesNamedByTest(testName, device)) names.emplace(info->name);
    return names;
}

TEST(CodeToken, IsTheSdkNameWithoutIoctlInCamelCase)
{
    EXPECT_EQ(codeToken("IOCTL_CDROM_READ_TOC_EX"), "CdromReadTocEx");
    EXPECT_EQ(codeToken("IOCTL_STORAGE_CHECK_VERIFY2"), "StorageCheckVerify2");
    EXPECT_EQ(codeToken("IOCTL_DISK_GET_DRIVE_GEOMETRY_EX"), "DiskGetDriveGeometryEx");
    EXPECT_EQ(codeToken("IOCTL_SCSI_PASS_THROUGH"), "ScsiPassThrough");
    EXPECT_EQ(codeToken("IOCTL_CDROM_READ_Q_CHANNEL"), "CdromReadQChannel");
}

TEST(CodeToken, EveryCoveredCodeHasATokenNoOtherCodeShares)
{
    std::set<std::string> tokens;
    for (const CodeInfo* info : codesTestNamesCover()) {
        const std::string token = codeToken(info->name);
        EXPECT_TRUE(tokens.insert(token).second) << token;
        if (token.starts_with("Cdrom")) {
            EXPECT_TRUE(tokens.insert(token.substr(5)).second) << token.substr(5);
        }
    }
    // The respelling of GET_CONTROL is covered with it, so it needs no token of its own.
    EXPECT_EQ(tokens.count("ObsoleteIoctlCdromGetControl"), 0u);
}

TEST(CodeToken, EveryCoveredCodeIsNamedByItsOwnTokenAndNoOther)
{
    for (const CodeInfo* info : codesTestNamesCover()) {
        const auto named = codesNamedBySegment(codeToken(info->name) + "Suite");
        ASSERT_EQ(named.size(), 1u) << info->name;
        EXPECT_EQ(named.front(), info);
    }
}

TEST(CodeToken, AWholeWordPrefixOfTheSuiteNameCounts)
{
    EXPECT_EQ(namedBy("CheckVerifyAccess.Refuses/emu_reader"), std::set<std::string>{"IOCTL_CDROM_CHECK_VERIFY"});
    EXPECT_EQ(namedBy("StorageCheckVerify.Counts/emu_reader"), std::set<std::string>{"IOCTL_STORAGE_CHECK_VERIFY"});
    EXPECT_EQ(namedBy("ReadTocExAccess.Refuses/emu_reader"), std::set<std::string>{"IOCTL_CDROM_READ_TOC_EX"});
    EXPECT_EQ(namedBy("ReadToc.Works/emu_reader"), std::set<std::string>{"IOCTL_CDROM_READ_TOC"});
}

TEST(CodeToken, APartOfTheWordDoesNotCount)
{
    EXPECT_TRUE(namedBy("CheckVerify2.Works/emu_reader").empty()) << "CheckVerify2 is not CHECK_VERIFY";
    EXPECT_TRUE(namedBy("ReadTocs.Works/emu_reader").empty());
    EXPECT_TRUE(namedBy("TocWhileAudioPlays.Works/emu_reader").empty()) << "only the start of a segment counts";
    EXPECT_TRUE(namedBy("Volume.GetVolumeAnswers/emu_reader").empty()) << "the test's own name does not count";
}

TEST(CodeToken, ParameterPartsAfterTheDeviceIdCount)
{
    EXPECT_EQ(namedBy("Equivalence.Same/emu_reader_CheckVerify_Out4"), std::set<std::string>{"IOCTL_CDROM_CHECK_VERIFY"});
    EXPECT_EQ(namedBy("X.Y/emu_reader_StorageCheckVerify2_length_1"), std::set<std::string>{"IOCTL_STORAGE_CHECK_VERIFY2"});
    EXPECT_EQ(namedBy("ObsoleteCode.AnswersAsDeclared/emu_reader_CdromGetControl"),
              std::set<std::string>{"IOCTL_CDROM_GET_CONTROL"});
    EXPECT_EQ(namedBy("ReadToc.X/emu_reader_RawRead"), (std::set<std::string>{"IOCTL_CDROM_READ_TOC", "IOCTL_CDROM_RAW_READ"}));
}

TEST(CodeToken, OnlyTheDevicesOwnTestsCount)
{
    EXPECT_TRUE(namedBy("ReadToc.Works/emu_writer").empty());
    EXPECT_TRUE(namedBy("ReadToc.Works/emu_readers").empty()) << "another id that starts like this one";
    EXPECT_TRUE(namedBy("ReadToc.Works").empty()) << "not a parameterised test";
    EXPECT_EQ(namedBy("ReadToc.Works/emu_reader_x", "emu_reader"), std::set<std::string>{"IOCTL_CDROM_READ_TOC"});
}

}  // namespace
}  // namespace cdcts::ioctl
