// The parser on its own: what each command puts in the model, and the text forms tools write.
#include <gtest/gtest.h>

#include "harness/emulator/cue/cue_parser.hpp"

namespace cdcts::emulator::cue {
namespace {

const std::filesystem::path kSheet = "/nowhere/sheet.cue";

TEST(CueParser, ReadsEveryDiscAndTrackCommand)
{
    const auto sheet = parseCueSheet(
        "REM GENRE Rock\n"
        "CATALOG 0000010271955\n"
        "CDTEXTFILE \"disc text.cdt\"\n"
        "PERFORMER \"The Band\"\n"
        "TITLE Unquoted Title  With Spaces\n"
        "SONGWRITER \"Writer\"\n"
        "FILE \"my disc.bin\" MOTOROLA\n"
        "  TRACK 04 AUDIO\n"
        "    TITLE \"First\"\n"
        "    PERFORMER Someone Else\n"
        "    SONGWRITER \"S\"\n"
        "    ISRC usabc9912345\n"
        "    FLAGS DCP 4CH PRE SCMS\n"
        "    PREGAP 00:01:00\n"
        "    INDEX 00 00:00:00\n"
        "    INDEX 01 00:02:00\n"
        "    INDEX 02 01:00:74\n"
        "    POSTGAP 00:00:10\n"
        "  TRACK 05 MODE2/2336\n"
        "    INDEX 01 02:00:00\n",
        kSheet);
    EXPECT_EQ(sheet.catalog, "0000010271955");
    EXPECT_EQ(sheet.cdTextFile, "disc text.cdt");
    EXPECT_EQ(sheet.cdTextFileLine, 3);
    EXPECT_EQ(sheet.cdText, (CdText{"Unquoted Title  With Spaces", "The Band", "Writer"}));
    ASSERT_EQ(sheet.files.size(), 1u);
    const CueFile& file = sheet.files[0];
    EXPECT_EQ(file.name, "my disc.bin");
    EXPECT_EQ(file.type, FileType::Motorola);
    EXPECT_EQ(file.line, 7);
    ASSERT_EQ(file.tracks.size(), 2u);
    const CueTrack& t4 = file.tracks[0];
    EXPECT_EQ(t4.number, 4);
    EXPECT_EQ(t4.mode, TrackMode::Audio);
    EXPECT_EQ(t4.line, 8);
    EXPECT_EQ(t4.cdText, (CdText{"First", "Someone Else", "S"}));
    EXPECT_EQ(t4.isrc, "USABC9912345");  // folded to upper case
    EXPECT_EQ(t4.flags, (TrackFlags{true, true, true, true}));
    EXPECT_EQ(t4.pregap, 75);
    EXPECT_EQ(t4.postgap, 10);
    ASSERT_EQ(t4.indexes.size(), 3u);
    EXPECT_EQ(t4.indexes[0].time, 0);
    EXPECT_EQ(t4.indexes[1].time, 150);
    EXPECT_EQ(t4.indexes[2].time, 60 * 75 + 74);  // 01:00:74
    EXPECT_EQ(t4.indexes[2].line, 17);
    EXPECT_EQ(file.tracks[1].mode, TrackMode::Mode2Formless);
    EXPECT_EQ(file.tracks[1].indexes[0].time, 2 * 60 * 75);
    ASSERT_EQ(sheet.sessions.size(), 1u);
    EXPECT_EQ(sheet.sessions[0].number, 1);
}

TEST(CueParser, AcceptsBomCrlfLowerCaseAndBlankLines)
{
    const auto sheet = parseCueSheet(
        "\xEF\xBB\xBF"
        "rem written on Windows\r\n"
        "\r\n"
        "file \"a b.bin\" binary\r\n"
        "\t track 01 mode1/2048\r\n"
        "   \r\n"
        "\t\tindex 01 00:00:00\r\n"
        "  Track 02 Audio\r\n"
        "    Index 01 00:04:00",  // no final line end
        kSheet);
    EXPECT_EQ(sheet.lineCount, 8);
    ASSERT_EQ(sheet.files.size(), 1u);
    EXPECT_EQ(sheet.files[0].name, "a b.bin");
    EXPECT_EQ(sheet.files[0].line, 3);
    ASSERT_EQ(sheet.files[0].tracks.size(), 2u);
    EXPECT_EQ(sheet.files[0].tracks[0].mode, TrackMode::Mode1Cooked);
    EXPECT_EQ(sheet.files[0].tracks[1].indexes[0].line, 8);
    EXPECT_EQ(sheet.files[0].tracks[1].indexes[0].time, 300);
}

TEST(CueParser, ReadsSessionConventions)
{
    const auto sheet = parseCueSheet(
        "REM ORIGINAL MEDIA-TYPE: CD\n"
        "REM SESSION 01\n"
        "FILE \"a.bin\" BINARY\n"
        "  TRACK 01 AUDIO\n"
        "    INDEX 01 00:00:00\n"
        "REM LEAD-OUT 00:10:00\n"
        "REM SESSION 02\n"
        "FILE \"b.bin\" BINARY\n"
        "  TRACK 02 MODE2/2352\n"
        "    INDEX 01 00:00:00\n",
        kSheet);
    EXPECT_EQ(sheet.originalMediaType, "CD");
    ASSERT_EQ(sheet.sessions.size(), 2u);
    EXPECT_EQ(sheet.sessions[0].line, 2);
    EXPECT_EQ(sheet.sessions[0].leadOut, 750);
    EXPECT_EQ(sheet.sessions[1].number, 2);
    EXPECT_EQ(sheet.sessions[1].line, 7);
    EXPECT_FALSE(sheet.sessions[1].leadOut);
    EXPECT_EQ(sheet.files[0].tracks[0].session, 1);
    EXPECT_EQ(sheet.files[1].tracks[0].session, 2);
    EXPECT_EQ(sheet.files[1].tracks[0].mode, TrackMode::Mode2Raw);
}

}  // namespace
}  // namespace cdcts::emulator::cue
