#pragma once
// What a run produced, grouped the way JUnit groups it: one SuiteRecord per (device, gtest suite), one
// CaseRecord per test. Built by RunRecorder from gtest's events; read by the JUnit writer and the run
// summary, so both agree on every verdict and count.
#include <string>
#include <string_view>
#include <vector>

#include "reports/device_catalog.hpp"
#include "reports/verdict.hpp"

namespace cdcts::reports {

// Pseudo cases that carry failures gtest reports outside any test (its "ad hoc" results), which its own
// XML drops (conformance-conventions.md §3.2, trap 2).
inline constexpr std::string_view kSuiteSetUpCase = "(suite set-up)";
inline constexpr std::string_view kSuiteTearDownCase = "(suite tear-down)";
inline constexpr std::string_view kEnvironmentSuite = "(environment)";
inline constexpr std::string_view kEnvironmentSetUpCase = "(environment set-up)";
inline constexpr std::string_view kEnvironmentTearDownCase = "(environment tear-down)";
inline constexpr std::string_view kOutsideTestsCase = "(outside any test)";

// What a case that started and never finished says.
inline constexpr const char* kCrashMessage = "the run ended while this test was running";

struct CaseRecord {
    std::string name;    // the test's own name, parameter part included ("ReadsToc/emu_cd0")
    std::string testId;  // "<gtest suite>.<gtest test>", as --gtest_filter takes it
    std::string file;
    int line = 0;
    bool finished = true;  // false: it started and has not ended (yet, or ever: a crash)
    double seconds = 0.0;
    Outcome outcome;
    Properties properties;  // RecordProperty inside the test

    [[nodiscard]] Verdict verdict() const { return finished ? outcome.verdict() : Verdict::Crash; }
};

struct SuiteRecord {
    std::string suite;      // gtest suite name without its instantiation prefix
    std::string device;     // kNoDevice when the tests have none
    std::string timestamp;  // UTC, when its first case started
    Properties properties;  // device id, device identity, then RecordProperty from SetUpTestSuite
    std::vector<CaseRecord> cases;
};

struct RunRecord {
    std::string hostname;
    std::string timestamp;  // UTC, when the run started
    double seconds = 0.0;
    Properties globalProperties;  // RecordProperty in an Environment or outside any suite
    std::vector<std::string> waiverUrls;  // the issues of the waivers that applied, first use first
    std::vector<SuiteRecord> suites;
};

// Cases by verdict kind; errors include Crash. `skipped` is what JUnit counts as skipped (waived included);
// `waived` and `qualityWarnings` say more for the summary.
struct Tally {
    int tests = 0;
    int passed = 0;  // Pass only: a QualityWarning is counted apart
    int qualityWarnings = 0;
    int waived = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    double seconds = 0.0;

    void add(const CaseRecord& item);
    void add(const Tally& other);
};

[[nodiscard]] Tally tallyOf(const SuiteRecord& suite);
[[nodiscard]] Tally tallyOf(const RunRecord& run);

// "Emulated/TocSuite" -> "TocSuite": the prefix names the instantiation, not the suite.
[[nodiscard]] std::string_view stripInstantiationPrefix(std::string_view gtestSuite);

// Sets `property`, replacing an earlier value of the same name (gtest keeps only the last one too).
void setProperty(Properties& properties, Property property);

}  // namespace cdcts::reports
