#pragma once
// The end-of-run summary: per device, how many tests passed, failed and were not supported, which
// ones failed and why, and the line CI reads ("N passed, N failed, N skipped"). Also decides the
// exit code, counting failures gtest reports outside tests (a failing SetUpTestSuite) as failures.
//
//     auto* summary = new RunSummary{catalog};
//     testing::UnitTest::GetInstance()->listeners().Append(summary);  // gtest owns it from here
//     RUN_ALL_TESTS();
//     summary->print(std::cout);
//     return summary->exitCode();
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "reports/device_catalog.hpp"
#include "reports/run_recorder.hpp"

namespace cdcts::reports {

class RunSummary : public RunRecorder {
public:
    explicit RunSummary(DeviceCatalog catalog = {});

    struct DeviceRow {
        std::string device;  // kNoDevice for tests without one and for set-up pseudo cases
        int passed = 0;
        int failed = 0;  // failures and errors (Crash, DeviceLost, Timeout, ...)
        int skipped = 0;  // NotSupported, and the rarer NotRun
        int waived = 0;   // Waiver: not run, never a pass
        int qualityWarnings = 0;  // passed, but poorly
        double seconds = 0.0;
    };
    struct WarnedTest {
        std::string device;
        std::string testId;
        std::string warning;  // the QualityWarning text
    };
    struct FailedTest {
        std::string device;
        std::string testId;  // "<gtest suite>.<test>", usable with --gtest_filter
        Verdict verdict = Verdict::Fail;
        std::string message;  // the first failure's text (of the first error-prefixed one for errors)
    };

    // Devices in the order their first test ran.
    [[nodiscard]] std::vector<DeviceRow> devices() const;
    [[nodiscard]] std::vector<FailedTest> failedTests() const;
    [[nodiscard]] int passed() const;
    [[nodiscard]] int failed() const;
    [[nodiscard]] int skipped() const;  // waived tests are not counted here
    [[nodiscard]] int waived() const;
    [[nodiscard]] int qualityWarnings() const;
    [[nodiscard]] std::vector<WarnedTest> warnedTests() const;
    // The issue URLs of the waivers that applied (RunRecord::waiverUrls).
    [[nodiscard]] const std::vector<std::string>& appliedWaivers() const { return record().waiverUrls; }

    // Waivers file entries that matched no test of the run, one line each, printed as warnings.
    void setStaleWaivers(std::vector<std::string> lines) { staleWaivers_ = std::move(lines); }
    // 0 when nothing failed, 1 when a test (or a set-up outside tests) failed.
    [[nodiscard]] int exitCode() const { return failed() == 0 ? 0 : 1; }

    // How long the run took on each device's own clock (modeled time on an emulated drive, real time on a real
    // one) and on the wall. When set, the table gains a "drive time" column and a line before the last compares
    // the two.
    void setDriveTimes(std::vector<std::pair<std::string, double>> driveSeconds, double wallSeconds);

    // The table, the failed tests, the quality warnings, the waivers, and a last line exactly
    // "N passed, N failed, N skipped", followed by ", N waived" and ", N quality warnings" when there are any.
    void print(std::ostream& out) const;

private:
    std::vector<std::pair<std::string, double>> driveSeconds_;
    double wallSeconds_ = 0.0;
    std::vector<std::string> staleWaivers_;
};

}  // namespace cdcts::reports
