// The waivers file (docs/waivers.md): parsing, the strict messages, glob matching, stale entries, and the
// skip message the fixture writes and the JUnit writer splits.
#include "reports/waivers.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cdcts::reports {
namespace {

constexpr const char* kTwoEntries = R"(# two entries
waivers:
  - devices: emu_*
    tests: [ReadToc.*, "Audio.PlaysToTheEnd/*"]
    reason: the firmware lags
    issue: https://example.org/issues/42
  - devices: [lab_sg1, lab_cdrom0]
    tests: "*"
    reason: drive broken
    issue: http://tracker.example/7
)";

std::string errorOf(const std::string& yaml)
{
    try {
        (void)parseWaivers(yaml, "waivers.yaml");
    } catch (const WaiverError& e) {
        return e.what();
    }
    return "no error";
}

TEST(Waivers, ParsesEntriesWithGlobsOrListsOfGlobs)
{
    const WaiverList list = parseWaivers(kTwoEntries, "waivers.yaml");
    ASSERT_EQ(list.waivers.size(), 2U);
    EXPECT_EQ(list.waivers[0].devices, std::vector<std::string>{"emu_*"});
    EXPECT_EQ(list.waivers[0].tests, (std::vector<std::string>{"ReadToc.*", "Audio.PlaysToTheEnd/*"}));
    EXPECT_EQ(list.waivers[0].reason, "the firmware lags");
    EXPECT_EQ(list.waivers[0].issue, "https://example.org/issues/42");
    EXPECT_EQ(list.waivers[0].line, 3);
    EXPECT_EQ(list.waivers[1].devices, (std::vector<std::string>{"lab_sg1", "lab_cdrom0"}));
}

TEST(Waivers, CommentsOnlyOrAnEmptyListWaiveNothing)
{
    EXPECT_TRUE(parseWaivers("# nothing waived\n", "w.yaml").waivers.empty());
    EXPECT_TRUE(parseWaivers("waivers: []\n", "w.yaml").waivers.empty());
    EXPECT_TRUE(parseWaivers("waivers:\n", "w.yaml").waivers.empty());
}

TEST(Waivers, ErrorsNameFileLineColumnAndKey)
{
    EXPECT_EQ(errorOf("waivers:\n  - devices: a\n    tests: b\n    reason: c\n"),
              "waivers.yaml:2:5: waivers[0]: missing required key 'issue'");
    EXPECT_EQ(errorOf("waivers:\n  - devices: a\n    tests: b\n    reason: c\n    issue: see the wiki\n"),
              "waivers.yaml:5:5: waivers[0].issue: expected the URL of the issue that tracks the deviation "
              "(http:// or https://, no spaces), got 'see the wiki'");
    EXPECT_EQ(errorOf("waivers:\n  - devices: a\n    test: b\n"),
              "waivers.yaml:3:5: waivers[0].test: unknown key (allowed: devices, tests, reason, issue)");
    EXPECT_EQ(errorOf("waivers:\n  - devices: []\n"),
              "waivers.yaml:2:5: waivers[0].devices: an empty list waives nothing; give at least one glob");
    EXPECT_EQ(errorOf("waiver:\n  - {}\n"), "waivers.yaml:1:1: waiver: unknown key (allowed: waivers)");
    EXPECT_EQ(errorOf("waivers: {a: 1}\n"), "waivers.yaml:1:1: waivers: expected a list of waivers, got a map");
    EXPECT_EQ(errorOf("waivers:\n  - devices: a\n    devices: b\n"), "waivers.yaml:3:5: waivers[0].devices: duplicate key");
}

TEST(Waivers, GlobsMatchWholeNames)
{
    EXPECT_TRUE(globMatches("*", ""));
    EXPECT_TRUE(globMatches("ReadToc.*", "ReadToc.ReturnsAToc/emu_reader"));
    EXPECT_FALSE(globMatches("ReadToc.*", "ReadTocEx.ReturnsAToc/emu_reader"));
    EXPECT_TRUE(globMatches("*.Plays*/emu_?eader", "Audio.PlaysToTheEnd/emu_reader"));
    EXPECT_FALSE(globMatches("emu", "emu_reader")) << "a glob matches the whole name, not a prefix";
    EXPECT_TRUE(globMatches("a*b*c", "aXbYbZc"));
    EXPECT_FALSE(globMatches("a*b*c", "aXbYbZ"));
}

TEST(Waivers, TheFirstCoveringEntryApplies)
{
    const WaiverList list = parseWaivers(kTwoEntries, "waivers.yaml");
    const Waiver* found = findWaiver(list, "emu_reader", "ReadToc.ReturnsAToc/emu_reader");
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->issue, "https://example.org/issues/42");
    EXPECT_EQ(findWaiver(list, "emu_reader", "ReadTocEx.Formats/emu_reader"), nullptr);
    EXPECT_EQ(findWaiver(list, "lab_sg1", "ReadTocEx.Formats/lab_sg1")->issue, "http://tracker.example/7");
}

TEST(Waivers, AnEntryThatMatchesNoTestIsStale)
{
    const WaiverList list = parseWaivers(kTwoEntries, "waivers.yaml");
    const std::vector<std::string> stale = staleWaivers(list, {{"emu_reader", "ReadToc.X/emu_reader"}});
    EXPECT_EQ(stale, std::vector<std::string>{
                         "waivers.yaml:7: waivers[1] (http://tracker.example/7) matched no test of this run"});
}

TEST(Waivers, TheSkipMessageCarriesIssueAndReasonAndSplitsBack)
{
    Waiver waiver;
    waiver.issue = "https://example.org/issues/42";
    waiver.reason = "the firmware lags (since 1.02)";
    const std::string message = waiverMessage(waiver);
    EXPECT_EQ(message, "Waiver: https://example.org/issues/42 (the firmware lags (since 1.02))");
    const WaiverParts parts = waiverPartsOf(message);
    EXPECT_EQ(parts.issue, waiver.issue);
    EXPECT_EQ(parts.reason, waiver.reason);
    EXPECT_TRUE(waiverPartsOf("NotSupported: no medium").issue.empty());
}

TEST(Waivers, TheShippedFileWaivesNothing)
{
    const WaiverList list = loadWaivers(std::string{CDCTS_SOURCE_DIR} + "/waivers.yaml");
    EXPECT_TRUE(list.waivers.empty()) << "the default run must have zero waived tests";
}

TEST(Waivers, TheShippedFilesExampleParses)
{
    // The commented example of waivers.yaml, uncommented, is a valid file.
    const WaiverList list = parseWaivers("waivers:\n"
                                         "  - devices: lab_sg1\n"
                                         "    tests: [Audio.ReadQChannelPositionAdvances/*, \"Audio.Pause*\"]\n"
                                         "    reason: the firmware reports the Q channel position one frame late after a pause\n"
                                         "    issue: https://example.org/cdcts/issues/123\n",
                                         "example");
    ASSERT_EQ(list.waivers.size(), 1U);
    EXPECT_EQ(list.waivers[0].tests.size(), 2U);
}

TEST(Waivers, AMissingFileIsAnError)
{
    EXPECT_THROW((void)loadWaivers("/nonexistent/waivers.yaml"), WaiverError);
}

}  // namespace
}  // namespace cdcts::reports
