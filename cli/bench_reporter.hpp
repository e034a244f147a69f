#pragma once
// The console side of `cdcts bench` while it runs: Google Benchmark's console table with "[k/N]" before each
// finished benchmark, a line naming the benchmark in flight once it has run for kAnnounceAfter (a spin-up or a
// full-disc curve on a real drive takes minutes), and the results collected for the JUnit, the thresholds and the
// JSON. The JUnit file (when asked) is kept up to date after every benchmark, naming the one in flight, so a
// crash leaves a parseable file that says where (reports/junit_file.hpp).
#include <benchmark/benchmark.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "reports/junit_file.hpp"
#include "reports/run_record.hpp"
#include "suites/bench/bench_result.hpp"

namespace cdcts::cli {

// What the reports say about one device.
struct BenchDeviceInfo {
    std::string identity;   // "vendor product revision"
    std::string timeBasis;  // "modeled" or "wall"
    reports::Properties properties;
};

class BenchReporter final : public benchmark::ConsoleReporter {
public:
    static constexpr std::chrono::seconds kAnnounceAfter{2};
    static constexpr std::chrono::seconds kAnnounceEvery{30};

    // `planned`: the run names Google Benchmark will run, in order (its --benchmark_list_tests output).
    // `junit`: the file to keep up to date, or null.
    BenchReporter(std::vector<std::string> planned, std::map<std::string, BenchDeviceInfo> devices, reports::JunitFile* junit,
                  reports::RunRecord& record);
    ~BenchReporter() override;
    BenchReporter(const BenchReporter&) = delete;
    BenchReporter& operator=(const BenchReporter&) = delete;

    bool ReportContext(const Context& context) override;
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

    [[nodiscard]] std::vector<suites::bench::BenchResult>& results() { return results_; }
    [[nodiscard]] const std::string& junitError() const { return junitError_; }

protected:
    void PrintHeader(const Run& run) override;
    void PrintRunData(const Run& run) override;

private:
    [[nodiscard]] suites::bench::BenchResult resultOf(const Run& run) const;
    void start(std::size_t index);  // the planned benchmark `index` is now in flight (index == size: none)
    void updateJunit(std::optional<reports::JunitFile::CaseRef> latest);
    void watch();
    [[nodiscard]] std::string counterText() const;

    std::vector<std::string> planned_;
    std::map<std::string, BenchDeviceInfo> devices_;
    reports::JunitFile* junit_;
    reports::RunRecord& record_;
    std::vector<suites::bench::BenchResult> results_;
    std::string junitError_;
    std::size_t finished_ = 0;

    // The benchmark in flight, shared with the watch thread.
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t inFlight_ = 0;  // index into planned_; planned_.size() when none
    std::chrono::steady_clock::time_point inFlightSince_{};
    bool stopping_ = false;
    std::thread watcher_;
};

}  // namespace cdcts::cli
