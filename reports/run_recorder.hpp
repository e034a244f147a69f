#pragma once
// Turns gtest's event stream into a RunRecord: which device each test ran on, one verdict per test,
// and the failures gtest reports outside any test (failing SetUpTestSuite, Environment, TearDown...),
// which become pseudo cases instead of vanishing. Subclasses persist or print the record.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include "reports/device_catalog.hpp"
#include "reports/run_record.hpp"

namespace cdcts::reports {

class RunRecorder : public testing::EmptyTestEventListener {
public:
    explicit RunRecorder(DeviceCatalog catalog = {});

    [[nodiscard]] const RunRecord& record() const { return record_; }
    [[nodiscard]] const DeviceCatalog& catalog() const { return catalog_; }

    void OnTestProgramStart(const testing::UnitTest& unitTest) override;
    void OnTestIterationStart(const testing::UnitTest& unitTest, int iteration) override;
    void OnEnvironmentsSetUpStart(const testing::UnitTest& unitTest) override;
    void OnEnvironmentsSetUpEnd(const testing::UnitTest& unitTest) override;
    void OnTestSuiteStart(const testing::TestSuite& testSuite) override;
    void OnTestStart(const testing::TestInfo& testInfo) override;
    void OnTestPartResult(const testing::TestPartResult& part) override;
    void OnTestEnd(const testing::TestInfo& testInfo) override;
    void OnTestSuiteEnd(const testing::TestSuite& testSuite) override;
    void OnEnvironmentsTearDownStart(const testing::UnitTest& unitTest) override;
    void OnEnvironmentsTearDownEnd(const testing::UnitTest& unitTest) override;
    void OnTestProgramEnd(const testing::UnitTest& unitTest) override;

protected:
    // The moments after which the record changed in a way worth persisting.
    enum class Moment {
        ProgramStarted,
        TestStarted,      // the new case is recorded as running
        ProblemRecorded,  // the first failure or skip of a case (or of a pseudo case)
        TestEnded,
        PhaseEnded,       // a suite or environment phase ended after unannounced changes
        ProgramEnded,
    };
    virtual void recordChanged(Moment moment);

    // The case that started (or, for a pseudo case, was created) last: (suite index, case index) in record().
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> latestCase() const { return latest_; }

private:
    enum class Phase { Idle, EnvironmentSetUp, InSuite, EnvironmentTearDown };
    struct CaseRef {
        std::size_t suite;
        std::size_t item;
    };

    void announce(Moment moment);
    std::size_t suiteIndex(std::string_view suite, std::string_view device);
    CaseRecord& caseAt(CaseRef ref) { return record_.suites[ref.suite].cases[ref.item]; }
    CaseRef adHocCase(const PartMessage& where);
    [[nodiscard]] std::string notRunReason() const;
    void mergeProperties(Properties& into, const testing::TestResult& from);

    using SteadyClock = std::chrono::steady_clock;

    // gtest reports failures from other threads while the main thread may be ending the test.
    std::mutex mutex_;
    DeviceCatalog catalog_;
    RunRecord record_;
    SteadyClock::time_point programStart_;
    SteadyClock::time_point caseStart_;
    Phase phase_ = Phase::Idle;
    int iteration_ = 0;
    const testing::TestSuite* currentSuite_ = nullptr;
    bool suiteTestStarted_ = false;
    bool suiteSetUpFailed_ = false;
    bool environmentSetUpFailed_ = false;
    std::set<std::size_t> touchedSuites_;  // records the current gtest suite wrote to
    std::optional<CaseRef> currentCase_;
    std::optional<std::pair<std::size_t, std::size_t>> latest_;
    bool dirty_ = false;
};

}  // namespace cdcts::reports
