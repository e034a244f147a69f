// RunRecorder and JunitListener fed synthetic events. gtest's TestInfo cannot be built outside gtest,
// so each test hands the listener its own, real TestInfo (a value-parameterised one, to carry a device)
// with TestPartResults made up here.
#include "reports/run_recorder.hpp"

#include <unistd.h>

#include <filesystem>
#include <ostream>
#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "reports/junit_listener.hpp"
#include "tests/reports/junit_checks.hpp"

namespace cdcts::reports {
namespace {

using testing_support::findTestcase;
using testing_support::verdictChildren;

struct FakeDrive {
    std::string id;
};

void PrintTo(const FakeDrive& drive, std::ostream* out) { *out << drive.id << " profile=plextor_px716"; }

const testing::TestInfo& currentTest() { return *testing::UnitTest::GetInstance()->current_test_info(); }

testing::TestPartResult failure(const char* text) {
    return testing::TestPartResult{testing::TestPartResult::kNonFatalFailure, "synthetic.cpp", 42, text};
}

testing::TestPartResult skip(const char* text) {
    return testing::TestPartResult{testing::TestPartResult::kSkip, "synthetic.cpp", 43, text};
}

DeviceCatalog labCatalog() {
    DeviceCatalog catalog;
    catalog.devices["emu_px"] = {{"vendor", "PLEXTOR"}, {"product", "DVDR PX-716A"}};
    return catalog;
}

class RecorderOnADevice : public testing::TestWithParam<FakeDrive> {};

TEST_P(RecorderOnADevice, FilesTheTestUnderItsDevice) {
    RunRecorder recorder{labCatalog()};
    recorder.OnTestStart(currentTest());
    ASSERT_EQ(recorder.record().suites.size(), 1U);
    const SuiteRecord& suite = recorder.record().suites[0];
    EXPECT_EQ(suite.suite, "RecorderOnADevice");
    EXPECT_EQ(suite.device, "emu_px");
    EXPECT_EQ(suite.properties,
              (Properties{{"device", "emu_px"}, {"vendor", "PLEXTOR"}, {"product", "DVDR PX-716A"}}));
    ASSERT_EQ(suite.cases.size(), 1U);
    EXPECT_EQ(suite.cases[0].name, "FilesTheTestUnderItsDevice/emu_px");
    EXPECT_EQ(suite.cases[0].testId, "Lab/RecorderOnADevice.FilesTheTestUnderItsDevice/emu_px");
    EXPECT_FALSE(suite.cases[0].finished);
    EXPECT_EQ(suite.cases[0].verdict(), Verdict::Crash) << "a started case reads as a crash until it ends";

    recorder.OnTestPartResult(failure("first"));
    recorder.OnTestPartResult(failure("second"));
    recorder.OnTestEnd(currentTest());
    const CaseRecord& item = recorder.record().suites[0].cases[0];
    EXPECT_TRUE(item.finished);
    EXPECT_EQ(item.verdict(), Verdict::Fail);
    EXPECT_EQ(item.outcome.failures().size(), 2U);
}

TEST_P(RecorderOnADevice, KeepsPropertiesRecordedInTheTest) {
    RecordProperty("read_speed_kbps", "7056");
    RunRecorder recorder;
    recorder.OnTestStart(currentTest());
    recorder.OnTestEnd(currentTest());
    const CaseRecord& item = recorder.record().suites[0].cases[0];
    EXPECT_EQ(item.verdict(), Verdict::Pass);
    EXPECT_EQ(item.properties, (Properties{{"read_speed_kbps", "7056"}}));
    EXPECT_TRUE(recorder.record().suites[0].properties == (Properties{{"device", "emu_px"}}))
        << "an empty catalog still names the device";
}

TEST_P(RecorderOnADevice, UsesTheCatalogsDeviceFunction) {
    DeviceCatalog catalog;
    catalog.deviceOf = [](const testing::TestInfo&) { return std::string{"from_function"}; };
    RunRecorder recorder{catalog};
    recorder.OnTestStart(currentTest());
    EXPECT_EQ(recorder.record().suites[0].device, "from_function");

    DeviceCatalog none;
    none.deviceOf = [](const testing::TestInfo&) { return std::string{}; };
    RunRecorder noDevice{none};
    noDevice.OnTestStart(currentTest());
    EXPECT_EQ(noDevice.record().suites[0].device, kNoDevice);
}

TEST_P(RecorderOnADevice, SkipWithoutMessageAfterAFailedSetUpIsNotRun) {
    RunRecorder recorder;
    recorder.OnTestSuiteStart(*testing::UnitTest::GetInstance()->current_test_suite());
    recorder.OnTestPartResult(failure("SetUpTestSuite could not open the drive"));  // no test running
    recorder.OnTestStart(currentTest());
    recorder.OnTestPartResult(skip(""));
    recorder.OnTestEnd(currentTest());
    recorder.OnTestSuiteEnd(*testing::UnitTest::GetInstance()->current_test_suite());

    const RunRecord& record = recorder.record();
    ASSERT_EQ(record.suites.size(), 2U);
    EXPECT_EQ(record.suites[0].device, kNoDevice) << "the set-up belongs to no single device";
    ASSERT_EQ(record.suites[0].cases.size(), 1U);
    EXPECT_EQ(record.suites[0].cases[0].name, kSuiteSetUpCase);
    EXPECT_EQ(record.suites[0].cases[0].verdict(), Verdict::Fail);
    EXPECT_EQ(record.suites[0].cases[0].file, "synthetic.cpp");
    const CaseRecord& item = record.suites[1].cases[0];
    EXPECT_EQ(item.verdict(), Verdict::NotRun);
    EXPECT_EQ(item.outcome.headline().rfind("NotRun: the suite set-up failed", 0), 0U) << item.outcome.headline();
}

TEST_P(RecorderOnADevice, FailureAfterTheTestsIsTheSuiteTearDown) {
    RunRecorder recorder;
    recorder.OnTestSuiteStart(*testing::UnitTest::GetInstance()->current_test_suite());
    recorder.OnTestStart(currentTest());
    recorder.OnTestEnd(currentTest());
    recorder.OnTestPartResult(failure("TearDownTestSuite could not unlock the tray"));
    recorder.OnTestSuiteEnd(*testing::UnitTest::GetInstance()->current_test_suite());
    const RunRecord& record = recorder.record();
    ASSERT_EQ(record.suites.size(), 2U);
    EXPECT_EQ(record.suites[1].cases[0].name, kSuiteTearDownCase);
    EXPECT_EQ(record.suites[1].cases[0].testId, "Lab/RecorderOnADevice.(suite tear-down)");
    EXPECT_EQ(tallyOf(record).failures, 1);
}

TEST_P(RecorderOnADevice, EnvironmentFailureIsItsOwnCase) {
    RunRecorder recorder;
    recorder.OnEnvironmentsSetUpStart(*testing::UnitTest::GetInstance());
    recorder.OnTestPartResult(failure("no drive answered"));
    recorder.OnEnvironmentsSetUpEnd(*testing::UnitTest::GetInstance());
    const RunRecord& record = recorder.record();
    ASSERT_EQ(record.suites.size(), 1U);
    EXPECT_EQ(record.suites[0].suite, kEnvironmentSuite);
    EXPECT_EQ(record.suites[0].cases[0].name, kEnvironmentSetUpCase);
    EXPECT_EQ(record.suites[0].cases[0].verdict(), Verdict::Fail);
}

TEST_P(RecorderOnADevice, RepeatedIterationsGetDistinctNames) {
    RunRecorder recorder;
    recorder.OnTestStart(currentTest());
    recorder.OnTestEnd(currentTest());
    recorder.OnTestIterationStart(*testing::UnitTest::GetInstance(), 1);
    recorder.OnTestStart(currentTest());
    recorder.OnTestEnd(currentTest());
    const auto& cases = recorder.record().suites[0].cases;
    ASSERT_EQ(cases.size(), 2U);
    EXPECT_EQ(cases[1].name, "RepeatedIterationsGetDistinctNames/emu_px (repeat 2)");
}

TEST_P(RecorderOnADevice, JunitFileIsCompleteAfterEveryEvent) {
    const std::filesystem::path path =
        std::filesystem::path{testing::TempDir()} / ("cdcts_listener_" + std::to_string(::getpid()) + ".xml");
    JunitListener listener{path, labCatalog()};
    const auto load = [&](pugi::xml_document& document) {
        const pugi::xml_parse_result parsed = document.load_file(path.c_str());
        EXPECT_TRUE(parsed) << parsed.description();
    };
    const std::string name = std::string{currentTest().name()};

    listener.OnTestProgramStart(*testing::UnitTest::GetInstance());
    pugi::xml_document empty;
    load(empty);
    EXPECT_EQ(empty.child("testsuites").attribute("tests").as_int(), 0);

    listener.OnTestStart(currentTest());
    pugi::xml_document running;
    load(running);
    const pugi::xml_node crash = findTestcase(running, "cdcts.RecorderOnADevice.emu_px", name).child("error");
    EXPECT_STREQ(crash.attribute("type").as_string(), "Crash");

    listener.OnTestPartResult(skip("NotSupported: no CD-TEXT"));
    pugi::xml_document skipped;
    load(skipped);
    EXPECT_EQ(verdictChildren(findTestcase(skipped, "cdcts.RecorderOnADevice.emu_px", name)),
              std::vector<std::string>{"error"})
        << "still running: a kill now would still be a crash";

    listener.OnTestEnd(currentTest());
    pugi::xml_document ended;
    load(ended);
    const pugi::xml_node testcase = findTestcase(ended, "cdcts.RecorderOnADevice.emu_px", name);
    EXPECT_EQ(verdictChildren(testcase), std::vector<std::string>{"skipped"});
    EXPECT_STREQ(testcase.child("skipped").attribute("message").as_string(), "NotSupported: no CD-TEXT");
    EXPECT_TRUE(listener.ok()) << listener.error();
    std::filesystem::remove(path);
}

TEST_P(RecorderOnADevice, JunitListenerReportsAFailedWrite) {
    JunitListener listener{"/nonexistent-cdcts-dir/report.xml", {}};
    testing::internal::CaptureStderr();
    listener.OnTestStart(currentTest());
    listener.OnTestEnd(currentTest());
    const std::string printed = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(listener.ok());
    EXPECT_NE(listener.error().find("/nonexistent-cdcts-dir/report.xml.tmp"), std::string::npos) << listener.error();
    // Said once, not once per write.
    EXPECT_EQ(printed.find("cdcts: cannot write"), printed.rfind("cdcts: cannot write")) << printed;
}

std::string driveName(const testing::TestParamInfo<FakeDrive>& info) { return info.param.id; }

INSTANTIATE_TEST_SUITE_P(Lab, RecorderOnADevice, testing::Values(FakeDrive{"emu_px"}), driveName);

TEST(RecorderWithoutDevice, PlainTestsGoUnderTheSuiteAlone) {
    RunRecorder recorder;
    recorder.OnTestStart(currentTest());
    recorder.OnTestEnd(currentTest());
    ASSERT_EQ(recorder.record().suites.size(), 1U);
    EXPECT_EQ(recorder.record().suites[0].suite, "RecorderWithoutDevice");
    EXPECT_EQ(recorder.record().suites[0].device, kNoDevice);
}

}  // namespace
}  // namespace cdcts::reports
