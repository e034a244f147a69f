// Runs cdcts_junit_crash_probe (junit_crash_probe.cpp) in a child process and reads the JUnit report
// it leaves: after a SIGKILL in the middle of a test, after a failing SetUpTestSuite, after a skipping
// Environment, and for one suite over two devices.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "reports/junit_writer.hpp"
#include "reports/run_context.hpp"
#include "tests/reports/junit_checks.hpp"

extern char** environ;

namespace cdcts::reports {
namespace {

using testing_support::countMismatches;
using testing_support::findTestcase;
using testing_support::isXml10Document;
using testing_support::isZoneQualifiedTimestamp;
using testing_support::shapeProblems;
using testing_support::verdictChildren;

struct ProbeRun {
    int status = -1;     // as waitpid reports it
    std::string output;  // the probe's stdout and stderr
    std::filesystem::path report;
};

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A path unique to this test and process: ctest runs the cases in parallel.
std::filesystem::path scratchPath(const std::string& suffix) {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    return std::filesystem::path{testing::TempDir()} /
           ("cdcts_junit_" + std::string{info->name()} + "_" + std::to_string(::getpid()) + suffix);
}

ProbeRun runProbe(const std::vector<std::string>& flags) {
    ProbeRun run;
    run.report = scratchPath(".xml");
    const std::filesystem::path log = scratchPath(".log");
    std::filesystem::remove(run.report);

    std::vector<std::string> args{CDCTS_JUNIT_CRASH_PROBE, run.report.string()};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << argv[0] << ": " << std::strerror(spawned);
        return run;
    }
    while (::waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
    }
    run.output = readFile(log);
    std::filesystem::remove(log);
    return run;
}

// The probe's last output line: the summary's "N passed, N failed, N skipped".
std::string lastLine(const std::string& output) {
    std::string text = output;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const std::size_t newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

class KilledRun : public testing::Test {
protected:
    void SetUp() override {
        run_ = runProbe({"--gtest_filter=Lab/CrashProbe.*"});
        const pugi::xml_parse_result parsed = document_.load_file(run_.report.c_str());
        ASSERT_TRUE(parsed) << parsed.description() << "\nprobe output:\n" << run_.output;
    }
    void TearDown() override { std::filesystem::remove(run_.report); }

    pugi::xml_node testcase(const char* name) { return findTestcase(document_, "cdcts.CrashProbe.emu_cd0", name); }

    ProbeRun run_;
    pugi::xml_document document_;
};

TEST_F(KilledRun, ProbeDiedBySigkill) {
    ASSERT_TRUE(WIFSIGNALED(run_.status)) << "status " << run_.status << "\n" << run_.output;
    EXPECT_EQ(WTERMSIG(run_.status), SIGKILL);
    // The kill came after the rename of the last write, so no half-written temporary is left.
    EXPECT_FALSE(std::filesystem::exists(run_.report.string() + ".tmp"));
}

TEST_F(KilledRun, FinishedTestsCarryTheirVerdicts) {
    const pugi::xml_node passed = testcase("Passes/emu_cd0");
    ASSERT_TRUE(passed);
    EXPECT_TRUE(verdictChildren(passed).empty());
    EXPECT_STREQ(passed.child("system-out").text().get(), "read_speed_kbps=7056\n");
    EXPECT_FALSE(passed.child("properties")) << "the strict profile has no per-testcase properties";

    const pugi::xml_node skipped = testcase("SkipsWithoutMedium/emu_cd0");
    ASSERT_TRUE(skipped);
    EXPECT_EQ(verdictChildren(skipped), std::vector<std::string>{"skipped"});
    EXPECT_STREQ(skipped.child("skipped").attribute("message").as_string(), "NotSupported: no medium");

    const pugi::xml_node failed = testcase("FailsTwice/emu_cd0");
    ASSERT_TRUE(failed);
    EXPECT_EQ(verdictChildren(failed), std::vector<std::string>{"failure"});
    const pugi::xml_node failure = failed.child("failure");
    EXPECT_STREQ(failure.attribute("type").as_string(), "Fail");
    const std::string message = failure.attribute("message").as_string();
    EXPECT_NE(message.find("first assertion"), std::string::npos) << message;
    EXPECT_EQ(message.find("second assertion"), std::string::npos) << message;
    const std::string body = failure.text().get();
    EXPECT_NE(body.find("first assertion"), std::string::npos) << body;
    EXPECT_NE(body.find("second assertion"), std::string::npos) << body;
    EXPECT_NE(body.find("junit_crash_probe.cpp:"), std::string::npos) << body;
    EXPECT_NE(std::string{failed.attribute("file").as_string()}.find("junit_crash_probe.cpp"), std::string::npos);
    EXPECT_GT(failed.attribute("line").as_int(), 0);
}

TEST_F(KilledRun, KilledTestIsACrashError) {
    const pugi::xml_node killed = testcase("KillsItself/emu_cd0");
    ASSERT_TRUE(killed);
    EXPECT_EQ(verdictChildren(killed), std::vector<std::string>{"error"});
    const pugi::xml_node error = killed.child("error");
    EXPECT_STREQ(error.attribute("type").as_string(), "Crash");
    EXPECT_STREQ(error.attribute("message").as_string(), kCrashMessage);
    // What the test reported before it died was written at its first failure.
    EXPECT_NE(std::string{error.text().get()}.find("last words before the kill"), std::string::npos);
}

TEST_F(KilledRun, CountsAgreeWithTheChildren) {
    EXPECT_EQ(countMismatches(document_), std::vector<std::string>{});
    const pugi::xml_node root = document_.child("testsuites");
    EXPECT_STREQ(root.attribute("name").as_string(), "cdcts");
    EXPECT_EQ(root.attribute("tests").as_int(), 4);
    EXPECT_EQ(root.attribute("failures").as_int(), 1);
    EXPECT_EQ(root.attribute("errors").as_int(), 1);
    EXPECT_EQ(root.attribute("skipped").as_int(), 1);
}

TEST_F(KilledRun, SuiteCarriesHostTimeAndDeviceIdentity) {
    EXPECT_EQ(shapeProblems(document_), std::vector<std::string>{});
    const pugi::xml_node root = document_.child("testsuites");
    const std::string runTimestamp = root.attribute("timestamp").as_string();
    EXPECT_TRUE(isZoneQualifiedTimestamp(runTimestamp)) << runTimestamp;
    const pugi::xml_node suite = root.child("testsuite");
    ASSERT_TRUE(suite);
    EXPECT_FALSE(suite.next_sibling("testsuite")) << "one device, one suite";
    EXPECT_STREQ(suite.attribute("name").as_string(), "CrashProbe.emu_cd0");
    EXPECT_STREQ(suite.attribute("package").as_string(), "cdcts");
    EXPECT_STREQ(suite.attribute("id").as_string(), "0");
    EXPECT_EQ(suite.attribute("hostname").as_string(), hostName());
    const std::string suiteTimestamp = suite.attribute("timestamp").as_string();
    EXPECT_TRUE(isZoneQualifiedTimestamp(suiteTimestamp)) << suiteTimestamp;

    std::vector<std::pair<std::string, std::string>> properties;
    for (pugi::xml_node property : suite.child("properties").children("property")) {
        properties.emplace_back(property.attribute("name").as_string(), property.attribute("value").as_string());
    }
    const std::vector<std::pair<std::string, std::string>> expected{
        {"device", "emu_cd0"}, {"vendor", "ACME\\x01"}, {"product", "Virtual CD-ROM"}, {"revision", "1.0"},
        {"backend", "emulated"}};
    EXPECT_EQ(properties, expected);
}

TEST_F(KilledRun, FileIsXml10Text) {
    const std::string text = readFile(run_.report);
    EXPECT_TRUE(isXml10Document(text)) << text;
    EXPECT_EQ(text.find('\x01'), std::string::npos);
    EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0U);
}

TEST(TwoDeviceRun, MakesOneTestsuitePerDevice) {
    const ProbeRun run = runProbe({"--gtest_filter=Lab/TwoDevices.*"});
    ASSERT_TRUE(WIFEXITED(run.status)) << run.output;
    EXPECT_EQ(WEXITSTATUS(run.status), 0) << run.output;
    EXPECT_EQ(lastLine(run.output), "4 passed, 0 failed, 0 skipped");
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(run.report.c_str()));
    std::filesystem::remove(run.report);

    std::vector<std::string> names;
    std::vector<std::string> classnames;
    for (pugi::xml_node suite : document.child("testsuites").children("testsuite")) {
        names.emplace_back(suite.attribute("name").as_string());
        classnames.emplace_back(suite.child("testcase").attribute("classname").as_string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"TwoDevices.emu_a", "TwoDevices.emu_b"}));
    EXPECT_EQ(classnames, (std::vector<std::string>{"cdcts.TwoDevices.emu_a", "cdcts.TwoDevices.emu_b"}));
    EXPECT_TRUE(findTestcase(document, "cdcts.TwoDevices.emu_a", "ReadsToc/emu_a"));
    EXPECT_TRUE(findTestcase(document, "cdcts.TwoDevices.emu_b", "ReadsToc/emu_b"));
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
    EXPECT_EQ(countMismatches(document), std::vector<std::string>{});
}

TEST(SetUpFailureRun, IsAFailureNotAnEmptyPass) {
    const ProbeRun run = runProbe({"--gtest_filter=SetUpFails.*"});
    ASSERT_TRUE(WIFEXITED(run.status)) << run.output;
    EXPECT_EQ(WEXITSTATUS(run.status), 1) << run.output;
    EXPECT_EQ(lastLine(run.output), "0 passed, 1 failed, 2 skipped");
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(run.report.c_str()));
    std::filesystem::remove(run.report);

    const pugi::xml_node setUp = findTestcase(document, "cdcts.SetUpFails", "(suite set-up)");
    ASSERT_TRUE(setUp);
    EXPECT_EQ(verdictChildren(setUp), std::vector<std::string>{"failure"});
    const std::string body = setUp.child("failure").text().get();
    EXPECT_NE(body.find("did not answer TEST UNIT READY"), std::string::npos) << body;
    const pugi::xml_node first = findTestcase(document, "cdcts.SetUpFails", "First");
    ASSERT_TRUE(first);
    const std::string reason = first.child("skipped").attribute("message").as_string();
    EXPECT_EQ(reason.rfind("NotRun: the suite set-up failed", 0), 0U) << reason;
    EXPECT_EQ(document.child("testsuites").attribute("failures").as_int(), 1);
    EXPECT_EQ(countMismatches(document), std::vector<std::string>{});
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
}

TEST(SkippingEnvironmentRun, IsReportedAsNotSupportedNotAsAPass) {
    const ProbeRun run = runProbe({"--probe-environment=skip", "--gtest_filter=Lab/TwoDevices.*"});
    ASSERT_TRUE(WIFEXITED(run.status)) << run.output;
    EXPECT_EQ(WEXITSTATUS(run.status), 0) << run.output;
    EXPECT_EQ(lastLine(run.output), "0 passed, 0 failed, 1 skipped");
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(run.report.c_str()));
    std::filesystem::remove(run.report);

    const pugi::xml_node setUp = findTestcase(document, "cdcts.(environment)", "(environment set-up)");
    ASSERT_TRUE(setUp);
    EXPECT_STREQ(setUp.child("skipped").attribute("message").as_string(), "NotSupported: no drive configured");
    EXPECT_EQ(document.child("testsuites").attribute("tests").as_int(), 1);
}

TEST(RichVerdictRun, QualityWarningIsAPassWithANoteAndWaiverASkipNamingTheIssue) {
    const ProbeRun run = runProbe({"--gtest_filter=Lab/RichVerdicts.*"});
    ASSERT_TRUE(WIFEXITED(run.status)) << run.output;
    EXPECT_EQ(WEXITSTATUS(run.status), 0) << "neither verdict fails the run\n" << run.output;
    EXPECT_EQ(lastLine(run.output), "0 passed, 0 failed, 0 skipped, 1 waived, 1 quality warnings");
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(run.report.c_str()));
    std::filesystem::remove(run.report);

    const pugi::xml_node warned = findTestcase(document, "cdcts.RichVerdicts.emu_cd0", "PassesPoorly/emu_cd0");
    ASSERT_TRUE(warned);
    EXPECT_TRUE(verdictChildren(warned).empty());
    EXPECT_STREQ(warned.child("system-out").text().get(),
                 "QualityWarning: INQUIRY ProductRevisionLevel is blank\n"
                 "quality_warning=INQUIRY ProductRevisionLevel is blank\n");
    const pugi::xml_node waived = findTestcase(document, "cdcts.RichVerdicts.emu_cd0", "IsWaived/emu_cd0");
    EXPECT_STREQ(waived.child("skipped").attribute("message").as_string(), "Waiver: https://example.org/issues/42");
    EXPECT_STREQ(waived.child("skipped").text().get(), "the firmware lags");
    const pugi::xml_node urls = document.child("testsuites").child("testsuite").child("properties").find_child_by_attribute(
        "property", "name", "waiver_urls");
    EXPECT_STREQ(urls.attribute("value").as_string(), "https://example.org/issues/42");
    EXPECT_EQ(countMismatches(document), std::vector<std::string>{});
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
}

TEST(ExtendedProfileRun, AlsoWritesPerTestcaseProperties) {
    const ProbeRun run = runProbe({"--probe-extended", "--gtest_filter=Lab/CrashProbe.Passes*"});
    ASSERT_TRUE(WIFEXITED(run.status)) << run.output;
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(run.report.c_str()));
    std::filesystem::remove(run.report);
    const pugi::xml_node passed = findTestcase(document, "cdcts.CrashProbe.emu_cd0", "Passes/emu_cd0");
    ASSERT_TRUE(passed);
    const pugi::xml_node property = passed.child("properties").child("property");
    EXPECT_STREQ(property.attribute("name").as_string(), "read_speed_kbps");
    EXPECT_STREQ(property.attribute("value").as_string(), "7056");
    EXPECT_STREQ(passed.child("system-out").text().get(), "read_speed_kbps=7056\n");
}

}  // namespace
}  // namespace cdcts::reports
