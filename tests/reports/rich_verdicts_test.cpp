// The verdicts beyond pass, fail and skip that a conformance run needs (issue #5 item 7): QualityWarning and
// Waiver, their place in the severity order, their JUnit form (conformance-conventions.md §4.3) and how the
// summary counts them.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "reports/junit_writer.hpp"
#include "reports/run_summary.hpp"
#include "reports/verdict.hpp"
#include "reports/waivers.hpp"
#include "tests/reports/junit_checks.hpp"

namespace cdcts::reports {
namespace {

using testing_support::countMismatches;
using testing_support::findTestcase;
using testing_support::shapeProblems;
using testing_support::verdictChildren;

constexpr const char* kWarning = "SET_SPEED accepted 7056 KB/s; reads reached 1764 KB/s";
constexpr const char* kIssue = "https://example.org/issues/42";

TEST(QualityWarning, BeatsPassAndNotSupportedAndLosesToFailureAndWaiver)
{
    Outcome warned;
    warned.setQualityWarning(kWarning);
    EXPECT_EQ(warned.verdict(), Verdict::QualityWarning);
    EXPECT_EQ(verdictKind(Verdict::QualityWarning), VerdictKind::Pass) << "a warning is never a failure";
    EXPECT_EQ(warned.headline(), std::string{"QualityWarning: "} + kWarning);

    Outcome skipped = warned;
    skipped.addSkip({"t.cpp", 3, "NotSupported: no medium"});
    EXPECT_EQ(skipped.verdict(), Verdict::QualityWarning) << "severity 30 beats NotSupported's 20 (§1.3)";

    Outcome failed = warned;
    failed.addFailure({"t.cpp", 4, "Information 18, expected 20"});
    EXPECT_EQ(failed.verdict(), Verdict::Fail);

    Outcome waived = warned;
    waived.addSkip({"", 0, std::string{"Waiver: "} + kIssue + " (lags)"});
    EXPECT_EQ(waived.verdict(), Verdict::Waiver);
}

RunRecord recordWithBoth()
{
    SuiteRecord suite;
    suite.suite = "SetSpeed";
    suite.device = "emu_cd0";
    suite.timestamp = "2026-11-24T16:20:01Z";
    suite.properties = {{"device", "emu_cd0"}};

    CaseRecord warned;
    warned.name = "ReadsReachTheSetSpeed/emu_cd0";
    warned.properties = {{kQualityWarningProperty, kWarning}};
    warned.outcome.setQualityWarning(kWarning);
    suite.cases.push_back(warned);

    CaseRecord waived;
    waived.name = "PlaysAudio/emu_cd0";
    waived.outcome.addSkip({"", 0, std::string{"Waiver: "} + kIssue + " (the firmware lags)"});
    suite.cases.push_back(waived);

    RunRecord run;
    run.hostname = "lab-7";
    run.timestamp = "2026-11-24T16:20:00Z";
    run.waiverUrls = {kIssue};
    run.suites.push_back(suite);
    return run;
}

pugi::xml_document rendered(JunitOptions options = {})
{
    pugi::xml_document document;
    renderJunit(recordWithBoth(), options, document);
    pugi::xml_document parsed;
    EXPECT_TRUE(parsed.load_string(junitText(document).c_str()));
    return parsed;
}

TEST(QualityWarning, IsAJunitPassWithASystemOutNoteAndTheProperty)
{
    const pugi::xml_document strict = rendered();
    const pugi::xml_node testcase = findTestcase(strict, "cdcts.SetSpeed.emu_cd0", "ReadsReachTheSetSpeed/emu_cd0");
    ASSERT_TRUE(testcase);
    EXPECT_TRUE(verdictChildren(testcase).empty()) << "JUnit sees a pass";
    EXPECT_EQ(std::string{testcase.child("system-out").text().get()},
              std::string{"QualityWarning: "} + kWarning + "\nquality_warning=" + kWarning + "\n");

    const pugi::xml_document extended = rendered(JunitOptions{.extendedProperties = true});
    const pugi::xml_node property =
        findTestcase(extended, "cdcts.SetSpeed.emu_cd0", "ReadsReachTheSetSpeed/emu_cd0").child("properties").child("property");
    EXPECT_STREQ(property.attribute("name").as_string(), kQualityWarningProperty);
    EXPECT_STREQ(property.attribute("value").as_string(), kWarning);
    EXPECT_EQ(countMismatches(strict), std::vector<std::string>{});
    EXPECT_EQ(shapeProblems(strict), std::vector<std::string>{});
}

TEST(Waiver, IsAJunitSkipNamingTheIssueWithTheReasonInTheBody)
{
    const pugi::xml_document document = rendered();
    const pugi::xml_node testcase = findTestcase(document, "cdcts.SetSpeed.emu_cd0", "PlaysAudio/emu_cd0");
    EXPECT_EQ(verdictChildren(testcase), std::vector<std::string>{"skipped"});
    EXPECT_EQ(std::string{testcase.child("skipped").attribute("message").as_string()}, std::string{"Waiver: "} + kIssue);
    EXPECT_STREQ(testcase.child("skipped").text().get(), "the firmware lags");

    std::string urls;
    for (pugi::xml_node property : document.child("testsuites").child("testsuite").child("properties").children())
        if (std::string{property.attribute("name").as_string()} == kWaiverUrlsProperty) urls = property.attribute("value").as_string();
    EXPECT_EQ(urls, kIssue) << "the suite-level properties list the waivers that applied";
    EXPECT_EQ(document.child("testsuites").attribute("skipped").as_int(), 1);
    EXPECT_EQ(document.child("testsuites").attribute("failures").as_int(), 0);
}

// The summary, fed events of this very test: the warning travels as a property of the running test, the
// way DeviceTestCore::qualityWarning records it.
TEST(QualityWarning, RecordedAsAPropertyTheSummaryCountsItApart)
{
    DeviceCatalog catalog;
    catalog.deviceOf = [](const testing::TestInfo&) { return std::string{"emu_cd0"}; };
    RunSummary summary{catalog};
    const testing::TestInfo& self = *testing::UnitTest::GetInstance()->current_test_info();
    summary.OnTestStart(self);
    RecordProperty(kQualityWarningProperty, kWarning);
    summary.OnTestEnd(self);

    EXPECT_EQ(summary.passed(), 0);
    EXPECT_EQ(summary.qualityWarnings(), 1);
    EXPECT_EQ(summary.failed(), 0);
    EXPECT_EQ(summary.exitCode(), 0) << "a warning does not fail the run";
    ASSERT_EQ(summary.warnedTests().size(), 1U);
    EXPECT_EQ(summary.warnedTests()[0].warning, kWarning);
    std::ostringstream text;
    summary.print(text);
    EXPECT_NE(text.str().find("Quality warnings (passed, but poorly):"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("\n0 passed, 0 failed, 0 skipped, 1 quality warnings\n"), std::string::npos) << text.str();
}

TEST(Waiver, TheSummaryCountsItApartAndListsTheIssue)
{
    DeviceCatalog catalog;
    catalog.deviceOf = [](const testing::TestInfo&) { return std::string{"emu_cd0"}; };
    RunSummary summary{catalog};
    const testing::TestInfo& self = *testing::UnitTest::GetInstance()->current_test_info();
    summary.OnTestStart(self);
    const std::string message = std::string{"Waiver: "} + kIssue + " (the firmware lags)";
    summary.OnTestPartResult(testing::TestPartResult{testing::TestPartResult::kSkip, "t.cpp", 3, message.c_str()});
    summary.OnTestEnd(self);

    EXPECT_EQ(summary.passed(), 0) << "a waived test never counts as a pass";
    EXPECT_EQ(summary.skipped(), 0);
    EXPECT_EQ(summary.waived(), 1);
    EXPECT_EQ(summary.appliedWaivers(), std::vector<std::string>{kIssue});
    summary.setStaleWaivers({"waivers.yaml:7: waivers[1] (http://x.example/1) matched no test of this run"});
    std::ostringstream text;
    summary.print(text);
    EXPECT_NE(text.str().find(std::string{"Waivers applied (1 test not run):\n  "} + kIssue + "\n"), std::string::npos)
        << text.str();
    EXPECT_NE(text.str().find("warning: stale waiver: waivers.yaml:7:"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("\n0 passed, 0 failed, 0 skipped, 1 waived\n"), std::string::npos) << text.str();
}

}  // namespace
}  // namespace cdcts::reports
