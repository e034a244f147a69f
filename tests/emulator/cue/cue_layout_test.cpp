// Layout resolution against real (sparse) image files. Every expected LBA and offset is worked out by hand
// from the sheet in the comment beside it: 75 frames a second, 2352/2048/2336 bytes a sector.
#include <gtest/gtest.h>

#include "harness/emulator/cue/layout.hpp"
#include "tests/emulator/cue/cue_fixture.hpp"

namespace cdcts::emulator::cue {
namespace {

using test::CueFolder;

TEST(CueLayout, SingleFileMixedModeWithIndex00Pregaps)
{
    CueFolder folder;
    folder.image("mixed.bin", 2000 * 2352);  // 2000 sectors, all 2352 bytes
    const auto disc = loadCueSheet(folder.cue(
        "FILE \"mixed.bin\" BINARY\n"
        "  TRACK 01 MODE1/2352\n"
        "    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n"
        "    INDEX 00 00:10:00\n"   // frame 750
        "    INDEX 01 00:12:00\n"   // frame 900
        "  TRACK 03 AUDIO\n"
        "    INDEX 00 00:20:00\n"   // frame 1500
        "    INDEX 01 00:22:00\n"   // frame 1650
        "    INDEX 02 00:25:00\n"));  // frame 1875
    ASSERT_EQ(disc.tracks.size(), 3u);
    const auto& t1 = disc.tracks[0];
    EXPECT_EQ(t1.mode, TrackMode::Mode1Raw);
    EXPECT_EQ(t1.sectorSize, 2352u);
    EXPECT_EQ(t1.file, folder.dir() / "mixed.bin");
    EXPECT_EQ(t1.pregapStartLba, -150);  // the 2-second pregap before LBA 0, not in the file
    EXPECT_EQ(t1.pregapLength, 150u);
    EXPECT_EQ(t1.pregapInFile, 0u);
    EXPECT_EQ(t1.startLba, 0);
    EXPECT_EQ(t1.index01Offset, 0u);
    EXPECT_FALSE(t1.index00Offset);
    EXPECT_EQ(t1.length, 750u);  // frames 0..749, up to track 2's INDEX 00
    EXPECT_EQ(t1.indexes, (std::vector<ResolvedIndex>{{0, -150}, {1, 0}}));

    const auto& t2 = disc.tracks[1];
    EXPECT_EQ(t2.pregapStartLba, 750);
    EXPECT_EQ(t2.pregapLength, 150u);  // 900 - 750
    EXPECT_EQ(t2.pregapInFile, 150u);
    EXPECT_EQ(t2.startLba, 900);
    EXPECT_EQ(t2.index00Offset, 750u * 2352);   // 1 764 000
    EXPECT_EQ(t2.index01Offset, 900u * 2352);   // 2 116 800
    EXPECT_EQ(t2.length, 600u);                 // 1500 - 900
    EXPECT_EQ(t2.indexes, (std::vector<ResolvedIndex>{{0, 750}, {1, 900}}));

    const auto& t3 = disc.tracks[2];
    EXPECT_EQ(t3.startLba, 1650);
    EXPECT_EQ(t3.length, 350u);  // 2000 - 1650
    EXPECT_EQ(t3.indexes, (std::vector<ResolvedIndex>{{0, 1500}, {1, 1650}, {2, 1875}}));
    EXPECT_EQ(disc.leadOutLba, 2000);
    ASSERT_EQ(disc.sessions.size(), 1u);
    EXPECT_EQ(disc.sessions[0].firstTrack, 1);
    EXPECT_EQ(disc.sessions[0].lastTrack, 3);
    EXPECT_EQ(disc.sessions[0].leadOutLba, 2000);

    EXPECT_EQ(fileOffsetOf(t2, 750), 750u * 2352);  // the pregap is read from the file
    EXPECT_EQ(fileOffsetOf(t2, 1499), 1499u * 2352);
    EXPECT_FALSE(fileOffsetOf(t2, 1500));
    EXPECT_FALSE(fileOffsetOf(t1, -1));  // the disc's first pregap is not in the file
}

TEST(CueLayout, ModeChangeInsideOneFileCountsEachTracksSectorSize)
{
    CueFolder folder;
    // Track 1: 750 sectors of 2048 = 1 536 000 bytes; track 2: 150 + 300 sectors of 2352 = 1 058 400 bytes.
    folder.image("cdextra.bin", 1536000 + 1058400);
    const auto disc = loadCueSheet(folder.cue(
        "FILE \"cdextra.bin\" BINARY\n"
        "  TRACK 01 MODE1/2048\n"
        "    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n"
        "    INDEX 00 00:10:00\n"   // frame 750 = byte 750 * 2048
        "    INDEX 01 00:12:00\n"));
    ASSERT_EQ(disc.tracks.size(), 2u);
    EXPECT_EQ(disc.tracks[0].length, 750u);
    EXPECT_EQ(disc.tracks[1].index00Offset, 1536000u);
    EXPECT_EQ(disc.tracks[1].index01Offset, 1536000u + 150 * 2352);  // 1 888 800
    EXPECT_EQ(disc.tracks[1].startLba, 900);
    EXPECT_EQ(disc.tracks[1].length, 300u);
    EXPECT_EQ(disc.leadOutLba, 1200);  // 900 + 300
}

TEST(CueLayout, OneFilePerTrackAudioDisc)
{
    CueFolder folder;
    folder.image("t1.bin", 300 * 2352);
    folder.image("t2.bin", 300 * 2352);  // 75 sectors of pregap, then 225
    folder.image("t3.bin", 200 * 2352);
    const auto disc = loadCueSheet(folder.cue(
        "FILE \"t1.bin\" BINARY\n"
        "  TRACK 01 AUDIO\n"
        "    INDEX 01 00:00:00\n"
        "FILE \"t2.bin\" BINARY\n"
        "  TRACK 02 AUDIO\n"
        "    INDEX 00 00:00:00\n"
        "    INDEX 01 00:01:00\n"
        "FILE \"t3.bin\" BINARY\n"
        "  TRACK 03 AUDIO\n"
        "    INDEX 01 00:00:00\n"));
    ASSERT_EQ(disc.tracks.size(), 3u);
    EXPECT_EQ(disc.tracks[0].startLba, 0);
    EXPECT_EQ(disc.tracks[0].length, 300u);
    EXPECT_EQ(disc.tracks[1].file, folder.dir() / "t2.bin");
    EXPECT_EQ(disc.tracks[1].pregapStartLba, 300);
    EXPECT_EQ(disc.tracks[1].startLba, 375);  // 300 + 75
    EXPECT_EQ(disc.tracks[1].index00Offset, 0u);
    EXPECT_EQ(disc.tracks[1].index01Offset, 75u * 2352);  // 176 400
    EXPECT_EQ(disc.tracks[1].length, 225u);
    EXPECT_EQ(disc.tracks[2].startLba, 600);  // 375 + 225
    EXPECT_EQ(disc.tracks[2].pregapLength, 0u);
    EXPECT_EQ(disc.tracks[2].indexes, (std::vector<ResolvedIndex>{{1, 600}}));
    EXPECT_EQ(disc.tracks[2].length, 200u);
    EXPECT_EQ(disc.leadOutLba, 800);
}

TEST(CueLayout, Mode2Tracks)
{
    CueFolder folder;
    folder.image("xa.bin", 500 * 2352);
    folder.image("form.bin", 100 * 2336);
    const auto disc = loadCueSheet(folder.cue(
        "FILE \"xa.bin\" BINARY\n"
        "  TRACK 01 MODE2/2352\n"
        "    INDEX 01 00:00:00\n"
        "FILE \"form.bin\" BINARY\n"
        "  TRACK 02 MODE2/2336\n"
        "    INDEX 01 00:00:00\n"));
    EXPECT_EQ(disc.tracks[0].mode, TrackMode::Mode2Raw);
    EXPECT_EQ(disc.tracks[0].sectorSize, 2352u);
    EXPECT_EQ(disc.tracks[0].length, 500u);
    EXPECT_EQ(disc.tracks[1].sectorSize, 2336u);
    EXPECT_EQ(disc.tracks[1].startLba, 500);
    EXPECT_EQ(fileOffsetOf(disc.tracks[1], 501), 2336u);
    EXPECT_EQ(disc.leadOutLba, 600);
}

TEST(CueLayout, PregapAndPostgapAreNotInTheFile)
{
    CueFolder folder;
    folder.image("data.bin", 1000 * 2048);
    folder.image("audio.bin", 300 * 2352);
    const auto disc = loadCueSheet(folder.cue(
        "FILE \"data.bin\" BINARY\n"
        "  TRACK 01 MODE1/2048\n"
        "    INDEX 01 00:00:00\n"
        "    POSTGAP 00:02:00\n"   // 150
        "FILE \"audio.bin\" BINARY\n"
        "  TRACK 02 AUDIO\n"
        "    PREGAP 00:02:00\n"    // 150
        "    INDEX 01 00:00:00\n"));
    const auto& t1 = disc.tracks[0];
    EXPECT_EQ(t1.lengthInFile, 1000u);
    EXPECT_EQ(t1.postgapLength, 150u);
    EXPECT_EQ(t1.length, 1150u);  // 1000 + 150
    const auto& t2 = disc.tracks[1];
    EXPECT_EQ(t2.pregapStartLba, 1150);
    EXPECT_EQ(t2.pregapLength, 150u);
    EXPECT_EQ(t2.pregapInFile, 0u);
    EXPECT_EQ(t2.startLba, 1300);  // 1150 + 150
    EXPECT_EQ(t2.indexes, (std::vector<ResolvedIndex>{{0, 1150}, {1, 1300}}));
    EXPECT_EQ(disc.leadOutLba, 1600);  // 1300 + 300
    EXPECT_EQ(fileOffsetOf(t1, 999), 999u * 2048);
    EXPECT_FALSE(fileOffsetOf(t1, 1000));  // postgap
    EXPECT_FALSE(fileOffsetOf(t2, 1299));  // pregap
    EXPECT_EQ(fileOffsetOf(t2, 1300), 0u);
}

TEST(CueLayout, FirstTrackPregapLongerThanTwoSecondsMovesIndex01)
{
    CueFolder folder;
    folder.image("a.bin", 100 * 2352);
    folder.image("b.bin", 400 * 2352);
    // PREGAP 00:03:00 = 225 sectors from LBA -150: INDEX 01 at -150 + 225 = 75.
    const auto longPregap = loadCueSheet(folder.cue(
        "FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    PREGAP 00:03:00\n    INDEX 01 00:00:00\n", "a.cue"));
    EXPECT_EQ(longPregap.tracks[0].pregapStartLba, -150);
    EXPECT_EQ(longPregap.tracks[0].startLba, 75);
    EXPECT_EQ(longPregap.leadOutLba, 175);
    // A hidden track in INDEX 00 (as EAC rips it, from LBA 0): 300 sectors in the file after the 150
    // silent ones, so INDEX 01 is at 0 + 300 = 300.
    const auto hidden = loadCueSheet(folder.cue(
        "FILE \"b.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 00 00:00:00\n    INDEX 01 00:04:00\n", "b.cue"));
    EXPECT_EQ(hidden.tracks[0].pregapLength, 450u);
    EXPECT_EQ(hidden.tracks[0].pregapInFile, 300u);
    EXPECT_EQ(hidden.tracks[0].startLba, 300);
    EXPECT_EQ(hidden.tracks[0].index01Offset, 300u * 2352);
    EXPECT_EQ(fileOffsetOf(hidden.tracks[0], 0), 0u);
    EXPECT_FALSE(fileOffsetOf(hidden.tracks[0], -1));
    EXPECT_EQ(hidden.leadOutLba, 400);
}

TEST(CueLayout, Multisession)
{
    CueFolder folder;
    folder.image("s1.bin", 1000 * 2352);
    folder.image("s2.bin", 600 * 2048);
    folder.image("s3.bin", 100 * 2048);
    const auto disc = loadCueSheet(folder.cue(
        "REM SESSION 01\n"
        "FILE \"s1.bin\" BINARY\n"
        "  TRACK 01 AUDIO\n"
        "    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n"
        "    INDEX 01 00:06:00\n"   // 450
        "REM SESSION 02\n"
        "FILE \"s2.bin\" BINARY\n"
        "  TRACK 03 MODE1/2048\n"
        "    INDEX 01 00:00:00\n"
        "REM SESSION 03\n"
        "FILE \"s3.bin\" BINARY\n"
        "  TRACK 04 MODE1/2048\n"
        "    INDEX 01 00:00:00\n"));
    ASSERT_EQ(disc.tracks.size(), 4u);
    EXPECT_EQ(disc.tracks[1].startLba, 450);
    EXPECT_EQ(disc.tracks[1].length, 550u);  // 1000 - 450
    ASSERT_EQ(disc.sessions.size(), 3u);
    EXPECT_EQ(disc.sessions[0].leadOutLba, 1000);
    EXPECT_EQ(disc.sessions[0].leadOutLength, 6750u);
    // Session 2 starts after session 1's lead-out (6750) and its own lead-in (4500): 1000 + 11250 = 12250;
    // track 3's 150-sector pregap puts INDEX 01 at 12400 = 1000 + 11400 (libdiscid's CD-Extra figure).
    EXPECT_EQ(disc.sessions[1].startLba, 12250);
    EXPECT_EQ(disc.tracks[2].session, 2);
    EXPECT_EQ(disc.tracks[2].pregapStartLba, 12250);
    EXPECT_EQ(disc.tracks[2].startLba, 12400);
    EXPECT_EQ(disc.sessions[1].leadOutLba, 13000);  // 12400 + 600
    EXPECT_EQ(disc.sessions[1].leadOutLength, 2250u);
    // Session 3: 13000 + 2250 + 4500 = 19750; INDEX 01 at 19900.
    EXPECT_EQ(disc.sessions[2].startLba, 19750);
    EXPECT_EQ(disc.sessions[2].firstTrack, 4);
    EXPECT_EQ(disc.sessions[2].lastTrack, 4);
    EXPECT_EQ(disc.tracks[3].startLba, 19900);
    EXPECT_EQ(disc.leadOutLba, 20000);  // 19900 + 100
}

TEST(CueLayout, RemLeadOutSetsTheSessionsLeadOutLength)
{
    CueFolder folder;
    folder.image("s1.bin", 1000 * 2352);
    folder.image("s2.bin", 600 * 2048);
    const auto disc = loadCueSheet(folder.cue(
        "REM SESSION 01\n"
        "FILE \"s1.bin\" BINARY\n"
        "  TRACK 01 AUDIO\n"
        "    INDEX 01 00:00:00\n"
        "REM LEAD-OUT 00:10:00\n"   // 750
        "REM SESSION 02\n"
        "FILE \"s2.bin\" BINARY\n"
        "  TRACK 02 MODE1/2048\n"
        "    INDEX 01 00:00:00\n"));
    EXPECT_EQ(disc.sessions[0].leadOutLength, 750u);
    EXPECT_EQ(disc.sessions[1].startLba, 6250);  // 1000 + 750 + 4500
    EXPECT_EQ(disc.tracks[1].startLba, 6400);    // + 150
    EXPECT_EQ(disc.leadOutLba, 7000);            // + 600
}

TEST(CueLayout, CarriesMcnIsrcFlagsAndCdText)
{
    CueFolder folder;
    folder.image("Audio.BIN", 400 * 2352);
    folder.image("text.cdt", 100);
    const auto disc = loadCueSheet(folder.cue(
        "CATALOG 1234567890123\n"
        "CDTEXTFILE \"text.cdt\"\n"
        "TITLE \"Album\"\n"
        "PERFORMER \"Artist\"\n"
        "FILE \"audio.bin\" BINARY\n"   // found as Audio.BIN: names match case-insensitively
        "  TRACK 01 AUDIO\n"
        "    TITLE \"Song One\"\n"
        "    ISRC GBAYE6700001\n"
        "    FLAGS DCP PRE\n"
        "    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n"
        "    SONGWRITER Composer Two\n"
        "    FLAGS 4CH SCMS\n"
        "    INDEX 01 00:02:00\n"));
    EXPECT_EQ(disc.mcn, "1234567890123");
    EXPECT_EQ(disc.cdTextFile, folder.dir() / "text.cdt");
    EXPECT_EQ(disc.cdText, (CdText{"Album", "Artist", std::nullopt}));
    ASSERT_EQ(disc.tracks.size(), 2u);
    EXPECT_EQ(disc.tracks[0].file, folder.dir() / "Audio.BIN");
    EXPECT_EQ(disc.tracks[0].isrc, "GBAYE6700001");
    EXPECT_EQ(disc.tracks[0].flags, (TrackFlags{true, false, true, false}));
    EXPECT_EQ(disc.tracks[0].cdText, (CdText{"Song One", std::nullopt, std::nullopt}));
    EXPECT_FALSE(disc.tracks[1].isrc);
    EXPECT_EQ(disc.tracks[1].flags, (TrackFlags{false, true, false, true}));
    EXPECT_EQ(disc.tracks[1].cdText, (CdText{std::nullopt, std::nullopt, "Composer Two"}));
    EXPECT_EQ(disc.tracks[1].startLba, 150);
    EXPECT_EQ(disc.leadOutLba, 400);
}

}  // namespace
}  // namespace cdcts::emulator::cue
