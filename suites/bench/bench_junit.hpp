#pragma once
// `cdcts bench` results as the conformance run's JUnit records them (reports/run_record.hpp, docs/junit.md), so
// the same writer renders them and a verdict means the same in both reports: one <testsuite> per family and
// device (classname "cdcts.<Family>.<device>"), one testcase per benchmark named by the rest of its name
// ("CDDA/27/inner"), its figures as <properties>. NotSupported is a <skipped>, an error a <failure> (or <error>
// for an error-verdict prefix such as DeviceLost:), a missed threshold a <failure>, a QualityWarning what the
// conformance JUnit makes of one (the quality_warning property and a first line in <system-out>).
#include <string>
#include <vector>

#include "reports/junit_file.hpp"
#include "reports/run_record.hpp"
#include "suites/bench/bench_result.hpp"
#include "suites/bench/thresholds.hpp"

namespace cdcts::suites::bench {

// The testcase of one finished benchmark.
[[nodiscard]] reports::CaseRecord benchCaseRecord(const BenchResult& result, const std::string& deviceIdentity);

// The testcase of a benchmark (by its run name) that has started and not finished: a Crash if the run ends there.
[[nodiscard]] reports::CaseRecord inFlightCaseRecord(const std::string& runName);

// Puts `item` (the testcase of the benchmark `name`) into its family and device's suite of `run`, creating the
// suite with `deviceProperties` when it is the first; it replaces the suite's last case when that one is the same
// benchmark still in flight. Returns where it is.
reports::JunitFile::CaseRef placeBenchCase(reports::RunRecord& run, const std::string& name, const reports::Properties& deviceProperties,
                                           reports::CaseRecord item);

// The suite that holds the thresholds that matched no benchmark in a run without --filter: one failing testcase
// each, named by the pattern and the counter, so the JUnit fails where the exit code does.
inline constexpr const char* kUnmatchedThresholdsSuite = "(thresholds)";
[[nodiscard]] reports::CaseRecord unmatchedThresholdCase(const ThresholdCheck& check);

}  // namespace cdcts::suites::bench
