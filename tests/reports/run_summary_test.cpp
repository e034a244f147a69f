// RunSummary fed synthetic events on this test's own TestInfo, with devices chosen per test through
// the catalog's DeviceOf.
#include "reports/run_summary.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace cdcts::reports {
namespace {

const testing::TestInfo& currentTest() { return *testing::UnitTest::GetInstance()->current_test_info(); }

testing::TestPartResult part(testing::TestPartResult::Type type, const char* text) {
    return testing::TestPartResult{type, "toc_test.cpp", 17, text};
}

// A summary whose tests run "on" whatever device `next` names when they start.
class ScriptedRun {
public:
    ScriptedRun() {
        DeviceCatalog catalog;
        catalog.deviceOf = [this](const testing::TestInfo&) { return next_; };
        summary_ = std::make_unique<RunSummary>(catalog);
    }
    void test(std::string device, std::vector<testing::TestPartResult> parts = {}) {
        next_ = std::move(device);
        summary_->OnTestStart(currentTest());
        for (const auto& p : parts) summary_->OnTestPartResult(p);
        summary_->OnTestEnd(currentTest());
    }
    RunSummary& summary() { return *summary_; }

private:
    std::string next_;
    std::unique_ptr<RunSummary> summary_;
};

TEST(RunSummary, TalliesPerDevice) {
    ScriptedRun run;
    run.test("emu_a");
    run.test("emu_a", {part(testing::TestPartResult::kSkip, "NotSupported: no medium")});
    run.test("emu_b", {part(testing::TestPartResult::kNonFatalFailure, "TOC length 18, expected 20\nmore")});
    run.test("emu_b");

    const auto rows = run.summary().devices();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].device, "emu_a");
    EXPECT_EQ(rows[0].passed, 1);
    EXPECT_EQ(rows[0].failed, 0);
    EXPECT_EQ(rows[0].skipped, 1);
    EXPECT_EQ(rows[1].device, "emu_b");
    EXPECT_EQ(rows[1].passed, 1);
    EXPECT_EQ(rows[1].failed, 1);
    EXPECT_EQ(run.summary().passed(), 2);
    EXPECT_EQ(run.summary().failed(), 1);
    EXPECT_EQ(run.summary().skipped(), 1);
    EXPECT_EQ(run.summary().exitCode(), 1);

    const auto failed = run.summary().failedTests();
    ASSERT_EQ(failed.size(), 1U);
    EXPECT_EQ(failed[0].device, "emu_b");
    EXPECT_EQ(failed[0].testId, "RunSummary.TalliesPerDevice");
    EXPECT_EQ(failed[0].message, "TOC length 18, expected 20\nmore");
}

TEST(RunSummary, PrintsATableTheFailuresAndTheCiLine) {
    ScriptedRun run;
    run.test("emu_a");
    run.test("emu_b", {part(testing::TestPartResult::kFatalFailure, "TOC length 18, expected 20")});
    run.test("emu_b", {part(testing::TestPartResult::kSkip, "NotSupported: no CD-TEXT")});
    std::ostringstream out;
    run.summary().print(out);
    const std::string text = out.str();

    EXPECT_EQ(text.rfind("device    pass    fail  not supported          time\n", 0), 0U) << text;
    EXPECT_NE(text.find("emu_a        1       0              0       0.000 s\n"), std::string::npos) << text;
    EXPECT_NE(text.find("emu_b        0       1              1       0.000 s\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Failed tests:\n  [emu_b] RunSummary.PrintsATableTheFailuresAndTheCiLine\n"
                        "      TOC length 18, expected 20\n"),
              std::string::npos)
        << text;
    const std::string last = "\n1 passed, 1 failed, 1 skipped\n";
    ASSERT_GE(text.size(), last.size());
    EXPECT_EQ(text.substr(text.size() - last.size()), last) << text;
}

TEST(RunSummary, ShowsEachDevicesDriveTimeBesideTheWallTime) {
    ScriptedRun run;
    run.test("emu_a");
    run.test("emu_b");
    run.summary().setDriveTimes({{"emu_a", 30.0}, {"emu_b", 12.5}}, 0.25);
    std::ostringstream out;
    run.summary().print(out);
    const std::string text = out.str();

    EXPECT_EQ(text.rfind("device    pass    fail  not supported          time      drive time\n", 0), 0U) << text;
    EXPECT_NE(text.find("emu_a        1       0              0       0.000 s        30.000 s\n"), std::string::npos) << text;
    EXPECT_NE(text.find("emu_b        1       0              0       0.000 s        12.500 s\n"), std::string::npos) << text;
    // 42.5 s of drive time in a quarter of a second: 170 times the wall time.
    EXPECT_NE(text.find("\nwall time 0.250 s, drive time 42.500 s over 2 devices (170x the wall time)\n"), std::string::npos)
        << text;
    const std::string last = "\n2 passed, 0 failed, 0 skipped\n";
    ASSERT_GE(text.size(), last.size());
    EXPECT_EQ(text.substr(text.size() - last.size()), last) << "the CI line stays last";
}

TEST(RunSummary, AllPassedExitsZero) {
    ScriptedRun run;
    run.test("emu_a");
    run.test("emu_a", {part(testing::TestPartResult::kSkip, "NotSupported: no medium")});
    EXPECT_EQ(run.summary().exitCode(), 0);
    std::ostringstream out;
    run.summary().print(out);
    EXPECT_EQ(out.str().find("Failed tests"), std::string::npos);
}

TEST(RunSummary, EmptyRunExitsZero) {
    RunSummary summary;
    std::ostringstream out;
    summary.print(out);
    EXPECT_EQ(summary.exitCode(), 0);
    EXPECT_NE(out.str().find("\n0 passed, 0 failed, 0 skipped\n"), std::string::npos) << out.str();
}

TEST(RunSummary, CountsAFailureOutsideTestsAndAnUnfinishedTest) {
    RunSummary summary;
    summary.OnEnvironmentsSetUpStart(*testing::UnitTest::GetInstance());
    summary.OnTestPartResult(part(testing::TestPartResult::kNonFatalFailure, "environment could not list drives"));
    summary.OnEnvironmentsSetUpEnd(*testing::UnitTest::GetInstance());
    summary.OnTestStart(currentTest());  // never ends
    EXPECT_EQ(summary.failed(), 2);
    EXPECT_EQ(summary.exitCode(), 1);
    const auto failed = summary.failedTests();
    ASSERT_EQ(failed.size(), 2U);
    EXPECT_EQ(failed[0].testId, "(environment).(environment set-up)");
    EXPECT_EQ(failed[1].verdict, Verdict::Crash);
    std::ostringstream out;
    summary.print(out);
    EXPECT_NE(out.str().find("RunSummary.CountsAFailureOutsideTestsAndAnUnfinishedTest (Crash)\n"), std::string::npos)
        << out.str();
}

TEST(RunSummary, LongMessagesAreCutToFourLines) {
    ScriptedRun run;
    run.test("emu_a", {part(testing::TestPartResult::kNonFatalFailure, "l1\nl2\nl3\nl4\nl5\nl6")});
    std::ostringstream out;
    run.summary().print(out);
    EXPECT_NE(out.str().find("      l4\n      ...\n"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find("l5"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace cdcts::reports
