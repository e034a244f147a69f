// The read benchmarks' counter arithmetic (suites/bench/units.hpp): x_cd is sectors/s ÷ 75 (perf-anchors.md §1.1,
// CD 1x = 75 sectors/s), and the three rates Google Benchmark derives from the totals describe one interval, the
// manual time, whatever the CPU time was.
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "suites/bench/units.hpp"

namespace {
using namespace cdcts::suites::bench;

TEST(BenchUnits, SpeedFactorIsSectorsPerSecondOver75)
{
    EXPECT_DOUBLE_EQ(cdSpeedFactor(75.0), 1.0);
    EXPECT_DOUBLE_EQ(cdSpeedFactor(3600.0), 48.0);  // 48x: 3600 sectors/s = 8 467 200 B/s raw
    EXPECT_DOUBLE_EQ(cdSpeedFactor(kRawBytesPerSecondAt1x / 2352.0), 1.0);
    EXPECT_DOUBLE_EQ(cdSpeedFactor(kCookedBytesPerSecondAt1x / 2048.0), 1.0);
    EXPECT_DOUBLE_EQ(cdSpeedFactor(0.0), 0.0);
}

// Keeps the counters of the runs it is given.
class CapturingReporter final : public benchmark::BenchmarkReporter {
public:
    bool ReportContext(const Context&) override { return true; }
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs) {
            for (const auto& [name, counter] : r.counters) counters[name] = counter.value;
            realSeconds = r.real_accumulated_time;
        }
    }
    std::map<std::string, double> counters;
    double realSeconds = 0;
};

// 4 reads of 75 raw sectors, each timed at 0.5 s of device time: 150 sectors/s = 2x, 352 800 B/s.
TEST(BenchUnits, CountersAreRatesOverTheManualTime)
{
    benchmark::RegisterBenchmark("BenchUnitsProbe", [](benchmark::State& state) {
        std::int64_t sectors = 0;
        for (auto _ : state) {
            state.SetIterationTime(0.5);
            sectors += 75;
        }
        setReadCounters(state, sectors, sectors * 2352, 0.5 * static_cast<double>(sectors / 75));
    })->UseManualTime()->Iterations(4);
    CapturingReporter reporter;
    ASSERT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^BenchUnitsProbe/"), 1u);
    EXPECT_DOUBLE_EQ(reporter.realSeconds, 2.0);
    EXPECT_DOUBLE_EQ(reporter.counters[kSectorsCounter], 150.0);
    EXPECT_DOUBLE_EQ(reporter.counters[kSpeedCounter], 2.0);
    EXPECT_DOUBLE_EQ(reporter.counters["bytes_per_second"], 2.0 * kRawBytesPerSecondAt1x);
}

}  // namespace
