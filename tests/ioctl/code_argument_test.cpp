// parseCodeArgument: what `cdcts ioctl CODE` accepts, and the messages it gives for everything else.
#include <gtest/gtest.h>

#include "harness/ioctl/code_argument.hpp"

namespace cdcts::ioctl {
namespace {

TEST(CodeArgument, HexNumberFindsTheRow)
{
    const CodeArgument arg = parseCodeArgument("0x24000");
    ASSERT_TRUE(arg.ok()) << arg.error;
    EXPECT_EQ(arg.value->value, 0x00024000u);
    ASSERT_NE(arg.info, nullptr);
    EXPECT_EQ(arg.info->name, "IOCTL_CDROM_READ_TOC");
    EXPECT_EQ(parseCodeArgument("0X0002404c").info->name, "IOCTL_CDROM_GET_DRIVE_GEOMETRY");
    EXPECT_EQ(parseCodeArgument("  0x24054\t").info->name, "IOCTL_CDROM_READ_TOC_EX");
}

TEST(CodeArgument, DecimalNumberFindsTheRow)
{
    const CodeArgument arg = parseCodeArgument("147456");  // 0x24000
    ASSERT_TRUE(arg.ok()) << arg.error;
    EXPECT_EQ(arg.value->value, 0x24000u);
    EXPECT_EQ(arg.info->name, "IOCTL_CDROM_READ_TOC");
    EXPECT_EQ(parseCodeArgument("0").value->value, 0u);
    EXPECT_EQ(parseCodeArgument("4294967295").value->value, 0xFFFFFFFFu);
}

TEST(CodeArgument, AliasValueGivesTheCanonicalRowButTheAliasNameGivesItself)
{
    EXPECT_EQ(parseCodeArgument("0x2400C").info->name, "IOCTL_CDROM_PAUSE_AUDIO");
    const CodeArgument simbad = parseCodeArgument("IOCTL_CDROM_SIMBAD");
    ASSERT_TRUE(simbad.ok());
    EXPECT_EQ(simbad.value->value, 0x0002400Cu);
    EXPECT_EQ(simbad.info->name, "IOCTL_CDROM_SIMBAD");
}

TEST(CodeArgument, NamesInAnyAcceptedSpelling)
{
    for (const char* text : {"IOCTL_CDROM_READ_TOC", "cdrom_read_toc", "ioctl_cdrom_read_toc"}) {
        const CodeArgument arg = parseCodeArgument(text);
        ASSERT_TRUE(arg.ok()) << text << ": " << arg.error;
        EXPECT_EQ(arg.value->value, 0x00024000u) << text;
    }
    EXPECT_EQ(parseCodeArgument("storage_load_media2").value->value, 0x002D080Cu);
}

TEST(CodeArgument, UnknownValueIsAcceptedWithoutARow)
{
    const CodeArgument arg = parseCodeArgument("0x12345678");
    ASSERT_TRUE(arg.ok()) << arg.error;
    EXPECT_EQ(arg.value->value, 0x12345678u);
    EXPECT_EQ(arg.info, nullptr);
}

TEST(CodeArgument, CloseDoorIsAnErrorThatNamesTheReplacement)
{
    const CodeArgument arg = parseCodeArgument("IOCTL_CDROM_CLOSE_DOOR");
    EXPECT_FALSE(arg.ok());
    EXPECT_FALSE(arg.value.has_value());
    ASSERT_NE(arg.info, nullptr);
    EXPECT_EQ(arg.info->name, "IOCTL_CDROM_CLOSE_DOOR");
    EXPECT_NE(arg.error.find("no numeric value"), std::string::npos) << arg.error;
    EXPECT_NE(arg.error.find("IOCTL_STORAGE_LOAD_MEDIA"), std::string::npos) << arg.error;
    EXPECT_NE(arg.error.find("0x002D480C"), std::string::npos) << arg.error;
}

struct BadArgument {
    const char* text;
    const char* messagePart;
};

TEST(CodeArgument, ErrorsSayWhatIsWrong)
{
    const BadArgument kCases[] = {
        {"", "empty control code"},
        {"   ", "empty control code"},
        {"0x", "no digits"},
        {"0xZZ", "'Z' is not a hex digit"},
        {"0x100000000", "does not fit in a 32-bit"},
        {"4294967296", "does not fit in a 32-bit"},
        {"-1", "without a sign"},
        {"+5", "without a sign"},
        {"00024000", "ambiguous"},
        {"2404C", "looks like hex; write it as 0x2404C"},
        {"12.5", "'.' is not a decimal digit"},
        {"IOCTL_CDROM_FOO", "unknown control code 'IOCTL_CDROM_FOO'"},
        {"READ_TOC", "did you mean IOCTL_CDROM_READ_TOC, IOCTL_CDROM_READ_TOC_EX"},
    };
    for (const BadArgument& c : kCases) {
        const CodeArgument arg = parseCodeArgument(c.text);
        EXPECT_FALSE(arg.ok()) << "'" << c.text << "' was accepted";
        EXPECT_FALSE(arg.value.has_value()) << c.text;
        EXPECT_NE(arg.error.find(c.messagePart), std::string::npos) << "'" << c.text << "': " << arg.error;
    }
}

}  // namespace
}  // namespace cdcts::ioctl
