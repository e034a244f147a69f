#include "reports/verdict.hpp"

#include <gtest/gtest.h>

namespace cdcts::reports {
namespace {

TEST(VerdictPrefix, NamesTheVerdictAMessageStartsWith) {
    EXPECT_EQ(verdictPrefixOf("NotSupported: no medium"), Verdict::NotSupported);
    EXPECT_EQ(verdictPrefixOf("Waiver: https://example.org/issue/1"), Verdict::Waiver);
    EXPECT_EQ(verdictPrefixOf("DeviceLost: /dev/sg1 vanished"), Verdict::DeviceLost);
    EXPECT_EQ(verdictPrefixOf("no medium"), std::nullopt);
    EXPECT_EQ(verdictPrefixOf("notsupported: lower case"), std::nullopt);
    EXPECT_EQ(verdictPrefixOf(""), std::nullopt);
}

TEST(Outcome, NothingReportedIsAPass) {
    Outcome outcome;
    EXPECT_EQ(outcome.verdict(), Verdict::Pass);
    EXPECT_EQ(outcome.headline(), "");
    EXPECT_FALSE(outcome.hasProblem());
}

TEST(Outcome, SkipKeepsAKnownPrefixAndAddsNotSupportedOtherwise) {
    Outcome prefixed;
    prefixed.addSkip({"t.cpp", 3, "NotSupported: no medium"});
    EXPECT_EQ(prefixed.verdict(), Verdict::NotSupported);
    EXPECT_EQ(prefixed.headline(), "NotSupported: no medium");

    Outcome bare;
    bare.addSkip({"t.cpp", 3, "drive has no CD-TEXT"});
    EXPECT_EQ(bare.verdict(), Verdict::NotSupported);
    EXPECT_EQ(bare.headline(), "NotSupported: drive has no CD-TEXT");

    Outcome waived;
    waived.addSkip({"t.cpp", 3, "Waiver: https://example.org/1"});
    EXPECT_EQ(waived.verdict(), Verdict::Waiver);
    EXPECT_EQ(waived.headline(), "Waiver: https://example.org/1");

    Outcome empty;
    empty.addSkip({"t.cpp", 3, ""});
    EXPECT_EQ(empty.headline(), "NotSupported: (GTEST_SKIP without a reason)");
}

TEST(Outcome, FailureBeatsSkipAndKeepsEveryMessage) {
    Outcome outcome;
    outcome.addFailure({"toc.cpp", 10, "first"});
    outcome.addSkip({"toc.cpp", 11, "NotSupported: late skip"});
    outcome.addFailure({"toc.cpp", 12, "second"});
    EXPECT_EQ(outcome.verdict(), Verdict::Fail);
    EXPECT_EQ(outcome.headline(), "first");
    EXPECT_EQ(outcome.failureDetails(), "toc.cpp:10\nfirst\n\ntoc.cpp:12\nsecond");
}

TEST(Outcome, ErrorPrefixedFailureMakesAnError) {
    Outcome outcome;
    outcome.addFailure({"toc.cpp", 10, "Expected equality"});
    outcome.addFailure({"fixture.cpp", 40, "DeviceLost: the drive stopped answering"});
    EXPECT_EQ(outcome.verdict(), Verdict::DeviceLost);
    EXPECT_EQ(verdictKind(outcome.verdict()), VerdictKind::Error);
    EXPECT_EQ(outcome.headline(), "DeviceLost: the drive stopped answering");
}

TEST(FormatPart, OmitsAnUnknownLocation) {
    EXPECT_EQ(formatPart({"", 0, "text"}), "text");
    EXPECT_EQ(formatPart({"a.cpp", 0, "text"}), "a.cpp\ntext");
    EXPECT_EQ(formatPart({"a.cpp", 7, "text"}), "a.cpp:7\ntext");
}

}  // namespace
}  // namespace cdcts::reports
