// Every rejection names the cue file, the line at fault and the reason, exactly.
#include <gtest/gtest.h>

#include "harness/emulator/cue/cue_parser.hpp"
#include "harness/emulator/cue/layout.hpp"
#include "tests/emulator/cue/cue_fixture.hpp"

namespace cdcts::emulator::cue {
namespace {

using test::CueFolder;
using test::expectCueError;

struct SheetCase {
    const char* name;
    const char* text;
    int line;
    const char* reason;
};

void PrintTo(const SheetCase& c, std::ostream* out) { *out << c.name; }

// F and T1 are the usual opening lines: FILE on line 1, TRACK 01 on line 2.
#define F "FILE \"a.bin\" BINARY\n"
#define T1 "  TRACK 01 AUDIO\n"
#define I1 "    INDEX 01 00:00:00\n"

const SheetCase kSheetCases[] = {
    {"UnknownCommand", F T1 "    FOO bar\n" I1, 3, "unknown command \"FOO\""},
    {"MalformedIndex", F T1 "    INDEX 01\n", 3, "malformed INDEX: expected \"INDEX <nn> <mm:ss:ff>\""},
    {"MalformedTime", F T1 "    INDEX 01 0:0:0\n", 3, "malformed time \"0:0:0\" (expected mm:ss:ff)"},
    {"SecondsOver59", F T1 "    INDEX 01 00:60:00\n", 3, "time 00:60:00 has 60 seconds (at most 59)"},
    {"FramesOver74", F T1 "    INDEX 01 00:00:75\n", 3, "time 00:00:75 has 75 frames (at most 74)"},
    {"UnterminatedQuote", "FILE \"a.bin BINARY\n", 1, "unterminated quoted string starting at column 6"},
    {"WaveFile", "FILE \"a.wav\" WAVE\n", 1,
     "FILE type WAVE is not supported: the emulator reads raw sectors, so only BINARY and MOTOROLA images can be loaded (convert the audio to raw 44.1 kHz 16-bit stereo)"},
    {"Mp3File", "FILE \"a.mp3\" MP3\n", 1,
     "FILE type MP3 is not supported: the emulator reads raw sectors, so only BINARY and MOTOROLA images can be loaded (convert the audio to raw 44.1 kHz 16-bit stereo)"},
    {"UnknownFileType", "FILE \"a.bin\" RAW\n", 1, "unknown FILE type \"RAW\" (expected BINARY or MOTOROLA)"},
    {"CdgTrack", F "  TRACK 01 CDG\n", 2, "track mode CDG is not supported (karaoke subchannel data in the image is not emulated)"},
    {"CdiTrack", F "  TRACK 01 CDI/2352\n", 2, "track mode CDI/2352 is not supported (CD-i discs are not emulated)"},
    {"UnknownMode", F "  TRACK 01 MODE3/2352\n", 2,
     "unknown track mode \"MODE3/2352\" (expected AUDIO, MODE1/2048, MODE1/2352, MODE2/2336 or MODE2/2352)"},
    {"TracksOutOfOrder", F T1 I1 "  TRACK 03 AUDIO\n", 4, "TRACK 03 after TRACK 01 (track numbers must increase by one)"},
    {"TrackGoingBack", F "  TRACK 05 AUDIO\n" I1 "  TRACK 04 AUDIO\n", 4, "TRACK 04 after TRACK 05 (track numbers must increase by one)"},
    {"TrackAbove99", F "  TRACK 100 AUDIO\n", 2, "TRACK 100 is outside 01 to 99"},
    {"TrackZero", F "  TRACK 00 AUDIO\n", 2, "TRACK 00 is outside 01 to 99"},
    {"IndexBeforeTrack", F I1, 2, "INDEX before any TRACK"},
    {"TrackWithoutFile", T1 I1, 1, "TRACK before any FILE (every track's data must come from a FILE)"},
    {"IndexNumbersSkip", F T1 I1 "    INDEX 03 00:01:00\n", 4, "INDEX 03 after INDEX 01 in TRACK 01 (index numbers must increase by one)"},
    {"FirstIndexIs02", F T1 "    INDEX 02 00:00:00\n", 3, "INDEX 02 is the first index of TRACK 01 (a track starts with INDEX 00 or 01)"},
    {"MissingIndex01", F T1 "    INDEX 00 00:00:00\n  TRACK 02 AUDIO\n", 2, "TRACK 01 has no INDEX 01"},
    {"MissingIndex01AtEnd", F T1, 2, "TRACK 01 has no INDEX 01"},
    {"IndexTimesBackwards", F T1 I1 "  TRACK 02 AUDIO\n    INDEX 01 00:05:00\n  TRACK 03 AUDIO\n    INDEX 01 00:04:00\n", 7,
     "INDEX 01 at 00:04:00 is not after the previous index at 00:05:00 in FILE \"a.bin\" (times go backwards)"},
    {"FirstIndexNotAtZero", F T1 "    INDEX 01 00:00:10\n", 3,
     "the first INDEX in FILE \"a.bin\" is at 00:00:10, not 00:00:00 (the bytes before it would belong to no track)"},
    {"IndexesSpanFiles", F T1 I1 "  TRACK 02 AUDIO\n    INDEX 00 00:04:00\nFILE \"b.bin\" BINARY\n", 6,
     "FILE inside TRACK 02 before its INDEX 01 (a track's indexes cannot span two files)"},
    {"FileWithoutTrack", F "FILE \"b.bin\" BINARY\n" T1 I1, 1, "FILE \"a.bin\" has no TRACK"},
    {"NoTracks", "REM nothing\n", 1, "the cue sheet has no TRACK"},
    {"TwoCatalogs", "CATALOG 1234567890123\nCATALOG 1234567890124\n" F T1 I1, 2, "second CATALOG (the disc already has 1234567890123)"},
    {"ShortCatalog", "CATALOG 123456789012\n", 1, "CATALOG \"123456789012\" is not 13 digits"},
    {"CatalogAfterTrack", F T1 I1 "CATALOG 1234567890123\n", 4,
     "CATALOG after a TRACK (it describes the disc and must come before the first TRACK)"},
    {"TwoIsrcs", F T1 "    ISRC USABC9912345\n    ISRC USABC9912346\n" I1, 4, "second ISRC for TRACK 01 (it already has USABC9912345)"},
    {"IsrcLength", F T1 "    ISRC USABC991234\n", 3, "ISRC \"USABC991234\" is 11 characters (expected 12: CCOOOYYSSSSS)"},
    {"IsrcCountry", F T1 "    ISRC 1SABC9912345\n", 3, "ISRC \"1SABC9912345\" has no two-letter country code (expected CCOOOYYSSSSS)"},
    {"IsrcOwner", F T1 "    ISRC USA-C9912345\n", 3,
     "ISRC \"USA-C9912345\" has an owner code that is not letters and digits (expected CCOOOYYSSSSS)"},
    {"IsrcSerial", F T1 "    ISRC USABC99123X5\n", 3,
     "ISRC \"USABC99123X5\" has a year or serial number that is not digits (expected CCOOOYYSSSSS)"},
    {"PregapAfterIndex", F T1 I1 "    PREGAP 00:02:00\n", 4, "PREGAP after INDEX in TRACK 01 (it must come before the track's first INDEX)"},
    {"FlagsAfterIndex", F T1 I1 "    FLAGS DCP\n", 4, "FLAGS after INDEX in TRACK 01 (it must come before the track's first INDEX)"},
    {"TwoFlags", F T1 "    FLAGS DCP\n    FLAGS PRE\n", 4, "second FLAGS for TRACK 01"},
    {"UnknownFlag", F T1 "    FLAGS DCP COPY\n", 3, "unknown flag \"COPY\" (expected DCP, 4CH, PRE or SCMS)"},
    {"TwoPregaps", F T1 "    PREGAP 00:02:00\n    PREGAP 00:02:00\n", 4, "second PREGAP for TRACK 01"},
    {"PostgapBeforeIndex", F T1 "    POSTGAP 00:02:00\n", 3, "POSTGAP before any INDEX in TRACK 01 (it must follow the track's indexes)"},
    {"IndexAfterPostgap", F T1 I1 "    POSTGAP 00:02:00\n    INDEX 02 00:01:00\n", 5,
     "INDEX after POSTGAP in TRACK 01 (POSTGAP must follow the track's last INDEX)"},
    {"TwoPostgaps", F T1 I1 "    POSTGAP 00:02:00\n    POSTGAP 00:02:00\n", 5, "second POSTGAP for TRACK 01"},
    {"TwoDiscTitles", "TITLE a\nTITLE \"b\"\n", 2, "second TITLE for the disc"},
    {"TwoTrackPerformers", F T1 "    PERFORMER a\n    PERFORMER b\n", 4, "second PERFORMER for TRACK 01"},
    {"TitleBetweenFileAndTrack", F T1 I1 "FILE \"b.bin\" BINARY\nTITLE x\n", 5,
     "TITLE between FILE and its first TRACK (it belongs to neither the disc nor a track)"},
    {"EmptyTitle", "TITLE\n", 1, "malformed TITLE: expected a value"},
    {"TextAfterQuotedTitle", "TITLE \"a\" b\n", 1, "malformed TITLE: text after the quoted value"},
    {"TwoCdTextFiles", "CDTEXTFILE \"a.cdt\"\nCDTEXTFILE \"b.cdt\"\n", 2, "second CDTEXTFILE (the disc already has \"a.cdt\")"},
    {"SessionOutOfOrder", "REM SESSION 01\n" F T1 I1 "REM SESSION 03\n", 5, "REM SESSION 03 after session 01 (sessions are numbered 01, 02, ... in order)"},
    {"SessionStartsAt02", "REM SESSION 02\n" F T1 I1, 1, "REM SESSION 02 after session 01 (sessions are numbered 01, 02, ... in order)"},
    {"EmptySession", "REM SESSION 01\n" F T1 I1 "REM SESSION 02\n", 5, "session 02 has no tracks"},
    {"SessionInsideTrack", F T1 "REM SESSION 02\n", 3, "REM SESSION inside TRACK 01 before its INDEX 01"},
    {"MalformedSession", "REM SESSION one\n", 1, "malformed session number \"one\" (expected 01 to 99)"},
    {"TwoLeadOuts", F T1 I1 "REM LEAD-OUT 00:10:00\nREM LEAD-OUT 00:10:00\n", 5, "second REM LEAD-OUT for session 01"},
};

#undef F
#undef T1
#undef I1

class CueSheetErrors : public testing::TestWithParam<SheetCase> {};

TEST_P(CueSheetErrors, NameTheLineAndTheReason)
{
    const std::filesystem::path sheet = "/nowhere/bad.cue";
    expectCueError([&] { (void)parseCueSheet(GetParam().text, sheet); }, sheet, GetParam().line, GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(Parser, CueSheetErrors, testing::ValuesIn(kSheetCases),
                         [](const testing::TestParamInfo<SheetCase>& param) { return std::string(param.param.name); });

TEST(CueFileErrors, MissingCueSheet)
{
    CueFolder folder;
    const auto path = folder.dir() / "absent.cue";
    try {
        (void)loadCueSheet(path);
        ADD_FAILURE() << "no CueError";
    } catch (const CueError& e) {
        EXPECT_EQ(e.line(), 0);
        EXPECT_EQ(std::string(e.what()), path.string() + ": cannot open the cue sheet: No such file or directory");
    }
}

TEST(CueFileErrors, MissingImageNamesTheResolvedPath)
{
    CueFolder folder;
    const auto cue = folder.cue("REM\nFILE \"sub/none.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
    expectCueError([&] { (void)loadCueSheet(cue); }, cue, 2,
                   "FILE \"sub/none.bin\" not found: " + (folder.dir() / "sub/none.bin").string());
}

TEST(CueFileErrors, MissingCdTextFile)
{
    CueFolder folder;
    folder.image("a.bin", 2352);
    const auto cue = folder.cue("CDTEXTFILE \"none.cdt\"\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
    expectCueError([&] { (void)loadCueSheet(cue); }, cue, 1, "CDTEXTFILE \"none.cdt\" not found: " + (folder.dir() / "none.cdt").string());
}

TEST(CueFileErrors, FileShorterThanItsTracks)
{
    CueFolder folder;
    folder.image("a.bin", 100 * 2352);
    const auto cue = folder.cue("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    INDEX 01 00:02:00\n");
    // Track 2 starts at frame 150 = byte 352 800 and needs one sector: 355 152 bytes; the file has 235 200.
    expectCueError([&] { (void)loadCueSheet(cue); }, cue, 1,
                   "FILE \"a.bin\" (" + (folder.dir() / "a.bin").string() +
                       ") is 235200 bytes, but its tracks need at least 355152 bytes (TRACK 02 INDEX 01 at 00:02:00 and one 2352-byte sector after it)");
}

TEST(CueFileErrors, FileNotAWholeNumberOfSectors)
{
    CueFolder folder;
    folder.image("a.bin", 10 * 2048 + 100);
    const auto cue = folder.cue("\nFILE \"a.bin\" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n");
    expectCueError([&] { (void)loadCueSheet(cue); }, cue, 2,
                   "FILE \"a.bin\" (" + (folder.dir() / "a.bin").string() +
                       ") is 20580 bytes, not a whole number of 2048-byte MODE1/2048 sectors (100 bytes left over)");
}

TEST(CueFileErrors, ModeChangeLeavesAPartialSector)
{
    CueFolder folder;
    // 75 sectors of 2048 (153 600 bytes), then audio: 10 sectors of 2352 (23 520) + 1000 stray bytes.
    folder.image("a.bin", 153600 + 23520 + 1000);
    const auto cue = folder.cue("FILE \"a.bin\" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n"
                                "  TRACK 02 AUDIO\n    INDEX 01 00:01:00\n");
    expectCueError([&] { (void)loadCueSheet(cue); }, cue, 1,
                   "FILE \"a.bin\": the 24520 bytes of TRACK 02 (AUDIO) from byte 153600 are not a whole number of "
                   "2352-byte sectors: the mode change leaves a partial sector of 1000 bytes");
}

}  // namespace
}  // namespace cdcts::emulator::cue
