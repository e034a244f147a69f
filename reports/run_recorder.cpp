#include "reports/run_recorder.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "reports/run_context.hpp"
#include "reports/waivers.hpp"

namespace cdcts::reports {

namespace {

std::string nowUtc() { return utcTimestamp(std::chrono::system_clock::now()); }

double secondsBetween(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

// With --gtest_repeat every iteration reports the same tests again; a suffix keeps the names unique.
std::string repeatSuffix(int iteration) {
    if (iteration == 0) return {};
    std::string suffix = " (repeat ";
    suffix += std::to_string(iteration + 1);
    suffix += ')';
    return suffix;
}

PartMessage partMessageOf(const testing::TestPartResult& part) {
    PartMessage message;
    if (part.file_name() != nullptr) message.file = part.file_name();
    message.line = std::max(part.line_number(), 0);
    message.text = part.message();
    return message;
}

}  // namespace

RunRecorder::RunRecorder(DeviceCatalog catalog)
    : catalog_(std::move(catalog)), programStart_(SteadyClock::now()), caseStart_(programStart_) {
    record_.hostname = hostName();
    record_.timestamp = nowUtc();
}

void RunRecorder::recordChanged(Moment) {}

void RunRecorder::announce(Moment moment) {
    record_.seconds = secondsBetween(programStart_, SteadyClock::now());
    dirty_ = false;
    recordChanged(moment);
}

void RunRecorder::OnTestProgramStart(const testing::UnitTest&) {
    const std::lock_guard lock{mutex_};
    programStart_ = SteadyClock::now();
    record_.timestamp = nowUtc();
    announce(Moment::ProgramStarted);
}

void RunRecorder::OnTestIterationStart(const testing::UnitTest&, int iteration) {
    const std::lock_guard lock{mutex_};
    iteration_ = iteration;
}

void RunRecorder::OnEnvironmentsSetUpStart(const testing::UnitTest&) {
    const std::lock_guard lock{mutex_};
    phase_ = Phase::EnvironmentSetUp;
}

void RunRecorder::OnEnvironmentsSetUpEnd(const testing::UnitTest& unitTest) {
    const std::lock_guard lock{mutex_};
    phase_ = Phase::Idle;
    mergeProperties(record_.globalProperties, unitTest.ad_hoc_test_result());
    if (dirty_) announce(Moment::PhaseEnded);
}

void RunRecorder::OnTestSuiteStart(const testing::TestSuite& testSuite) {
    const std::lock_guard lock{mutex_};
    phase_ = Phase::InSuite;
    currentSuite_ = &testSuite;
    suiteTestStarted_ = false;
    suiteSetUpFailed_ = false;
    touchedSuites_.clear();
}

std::size_t RunRecorder::suiteIndex(std::string_view suite, std::string_view device) {
    for (std::size_t i = 0; i < record_.suites.size(); ++i) {
        if (record_.suites[i].suite == suite && record_.suites[i].device == device) return i;
    }
    SuiteRecord created;
    created.suite = std::string{suite};
    created.device = std::string{device};
    created.timestamp = nowUtc();
    created.properties.push_back({"device", std::string{device}});
    for (const auto& property : catalog_.identityOf(device)) setProperty(created.properties, property);
    record_.suites.push_back(std::move(created));
    return record_.suites.size() - 1;
}

void RunRecorder::OnTestStart(const testing::TestInfo& testInfo) {
    const std::lock_guard lock{mutex_};
    const std::string device = catalog_.deviceIdOf(testInfo);
    const std::size_t index = suiteIndex(stripInstantiationPrefix(testInfo.test_suite_name()), device);
    SuiteRecord& suite = record_.suites[index];
    // SetUpTestSuite has run by now; what it recorded describes every device's part of the suite.
    if (currentSuite_ != nullptr) mergeProperties(suite.properties, currentSuite_->ad_hoc_test_result());

    CaseRecord item;
    item.name = testInfo.name();
    item.name += repeatSuffix(iteration_);
    // Two instantiations of one suite on one device would otherwise collide in classname + name,
    // and GitLab keeps only the first of a duplicate.
    const auto sameName = [&](const CaseRecord& other) { return other.name == item.name; };
    if (std::any_of(suite.cases.begin(), suite.cases.end(), sameName)) {
        item.name += std::string{" ("} + testInfo.test_suite_name() + ")";
    }
    item.testId = std::string{testInfo.test_suite_name()} + "." + testInfo.name();
    item.file = testInfo.file();
    item.line = std::max(testInfo.line(), 0);
    item.finished = false;
    suite.cases.push_back(std::move(item));

    currentCase_ = CaseRef{index, suite.cases.size() - 1};
    latest_ = std::pair{index, suite.cases.size() - 1};
    caseStart_ = SteadyClock::now();
    suiteTestStarted_ = true;
    touchedSuites_.insert(index);
    announce(Moment::TestStarted);
}

std::string RunRecorder::notRunReason() const {
    // gtest reports a test it decided not to run as a skip without a message; say why.
    if (suiteSetUpFailed_) return "NotRun: the suite set-up failed, see \"(suite set-up)\"";
    if (environmentSetUpFailed_) return "NotRun: the environment set-up failed, see \"(environment set-up)\"";
    if (GTEST_FLAG_GET(fail_fast)) return "NotRun: an earlier test failed and --gtest_fail_fast is set";
    return {};
}

RunRecorder::CaseRef RunRecorder::adHocCase(const PartMessage& where) {
    std::string suite{kEnvironmentSuite};
    std::string_view name = kOutsideTestsCase;
    std::string gtestSuite{kEnvironmentSuite};
    if (phase_ == Phase::InSuite && currentSuite_ != nullptr) {
        gtestSuite = currentSuite_->name();
        suite = std::string{stripInstantiationPrefix(gtestSuite)};
        name = suiteTestStarted_ ? kSuiteTearDownCase : kSuiteSetUpCase;
    } else if (phase_ == Phase::EnvironmentSetUp) {
        name = kEnvironmentSetUpCase;
    } else if (phase_ == Phase::EnvironmentTearDown) {
        name = kEnvironmentTearDownCase;
    }
    const std::size_t index = suiteIndex(suite, kNoDevice);
    touchedSuites_.insert(index);
    auto& cases = record_.suites[index].cases;
    std::string fullName{name};
    fullName += repeatSuffix(iteration_);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].name == fullName) return CaseRef{index, i};
    }
    CaseRecord item;
    item.name = fullName;
    item.testId = gtestSuite + "." + std::string{name};
    item.file = where.file;
    item.line = where.line;
    cases.push_back(std::move(item));
    latest_ = std::pair{index, cases.size() - 1};
    return CaseRef{index, cases.size() - 1};
}

void RunRecorder::OnTestPartResult(const testing::TestPartResult& part) {
    const std::lock_guard lock{mutex_};
    if (part.type() == testing::TestPartResult::kSuccess) return;
    PartMessage message = partMessageOf(part);
    const bool skip = part.type() == testing::TestPartResult::kSkip;

    if (currentCase_) {
        CaseRecord& item = caseAt(*currentCase_);
        const bool first = !item.outcome.hasProblem();
        if (skip) {
            if (message.text.empty()) message.text = notRunReason();
            item.outcome.addSkip(std::move(message));
        } else {
            item.outcome.addFailure(std::move(message));
        }
        item.seconds = secondsBetween(caseStart_, SteadyClock::now());
        dirty_ = true;
        // One write for the first problem keeps what a test reported before crashing, without a
        // write per assertion in a test that fails thousands of them.
        if (first) announce(Moment::ProblemRecorded);
        return;
    }

    const CaseRef ref = adHocCase(message);
    CaseRecord& item = caseAt(ref);
    const bool first = !item.outcome.hasProblem();
    if (skip) {
        item.outcome.addSkip(std::move(message));
    } else {
        item.outcome.addFailure(std::move(message));
        if (phase_ == Phase::InSuite && !suiteTestStarted_) suiteSetUpFailed_ = true;
        // gtest skips every test after a fatal failure in an Environment, but runs them after a
        // non-fatal one.
        if (phase_ == Phase::EnvironmentSetUp && part.fatally_failed()) environmentSetUpFailed_ = true;
    }
    dirty_ = true;
    if (first) announce(Moment::ProblemRecorded);
}

void RunRecorder::OnTestEnd(const testing::TestInfo& testInfo) {
    const std::lock_guard lock{mutex_};
    if (!currentCase_) return;  // installed while a test was running
    CaseRecord& item = caseAt(*currentCase_);
    item.finished = true;
    item.seconds = static_cast<double>(testInfo.result()->elapsed_time()) / 1000.0;
    mergeProperties(item.properties, *testInfo.result());
    for (const Property& property : item.properties)
        if (property.name == kQualityWarningProperty) item.outcome.setQualityWarning(property.value);
    if (item.verdict() == Verdict::Waiver) {
        std::string issue = waiverPartsOf(item.outcome.headline()).issue;
        auto& urls = record_.waiverUrls;
        if (!issue.empty() && std::find(urls.begin(), urls.end(), issue) == urls.end()) urls.push_back(std::move(issue));
    }
    currentCase_.reset();
    announce(Moment::TestEnded);
}

void RunRecorder::OnTestSuiteEnd(const testing::TestSuite& testSuite) {
    const std::lock_guard lock{mutex_};
    // What TearDownTestSuite recorded describes the suite too.
    for (std::size_t index : touchedSuites_) {
        mergeProperties(record_.suites[index].properties, testSuite.ad_hoc_test_result());
    }
    phase_ = Phase::Idle;
    currentSuite_ = nullptr;
    touchedSuites_.clear();
    if (dirty_) announce(Moment::PhaseEnded);
}

void RunRecorder::OnEnvironmentsTearDownStart(const testing::UnitTest&) {
    const std::lock_guard lock{mutex_};
    phase_ = Phase::EnvironmentTearDown;
}

void RunRecorder::OnEnvironmentsTearDownEnd(const testing::UnitTest& unitTest) {
    const std::lock_guard lock{mutex_};
    phase_ = Phase::Idle;
    mergeProperties(record_.globalProperties, unitTest.ad_hoc_test_result());
    if (dirty_) announce(Moment::PhaseEnded);
}

void RunRecorder::OnTestProgramEnd(const testing::UnitTest& unitTest) {
    const std::lock_guard lock{mutex_};
    mergeProperties(record_.globalProperties, unitTest.ad_hoc_test_result());
    announce(Moment::ProgramEnded);
}

void RunRecorder::mergeProperties(Properties& into, const testing::TestResult& from) {
    for (int i = 0; i < from.test_property_count(); ++i) {
        const testing::TestProperty& property = from.GetTestProperty(i);
        Property next{property.key(), property.value()};
        auto found = std::find(into.begin(), into.end(), next);
        if (found != into.end()) continue;
        setProperty(into, std::move(next));
        dirty_ = true;
    }
}

}  // namespace cdcts::reports
