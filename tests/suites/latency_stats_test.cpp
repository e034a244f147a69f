// The latency summary of the benchmarks that time single commands (suites/bench/latency_stats.hpp): nearest-rank
// percentiles, so p50, p99 and max are times that were measured; worked by hand from small samples.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "suites/bench/latency_stats.hpp"

namespace {
using namespace cdcts;
using namespace cdcts::suites::bench;
using namespace std::chrono_literals;

std::vector<Nanoseconds> millis(std::initializer_list<int> values)
{
    std::vector<Nanoseconds> out;
    for (const int v : values) out.emplace_back(std::chrono::milliseconds(v));
    return out;
}

TEST(LatencyStats, NearestRankOfTenSamples)
{
    // Sorted: 1..10 ms. p50: rank ceil(5) = 5 -> 5 ms; p99: rank ceil(9.9) = 10 -> 10 ms; p10: rank 1 -> 1 ms.
    const auto samples = millis({7, 3, 10, 1, 9, 2, 8, 4, 6, 5});
    EXPECT_DOUBLE_EQ(percentileMs(samples, 50), 5.0);
    EXPECT_DOUBLE_EQ(percentileMs(samples, 99), 10.0);
    EXPECT_DOUBLE_EQ(percentileMs(samples, 10), 1.0);
    EXPECT_DOUBLE_EQ(percentileMs(samples, 100), 10.0);
}

TEST(LatencyStats, P99OfTwoHundredSamplesIgnoresTheTwoSlowest)
{
    // 198 samples of 1 ms and 2 of 100 ms: rank ceil(0.99 × 200) = 198 is still 1 ms; max is 100 ms.
    std::vector<Nanoseconds> samples(198, 1ms);
    samples.push_back(100ms);
    samples.push_back(100ms);
    const LatencySummary s = summarize(samples);
    EXPECT_EQ(s.samples, 200U);
    EXPECT_DOUBLE_EQ(s.p50Ms, 1.0);
    EXPECT_DOUBLE_EQ(s.p99Ms, 1.0);
    EXPECT_DOUBLE_EQ(s.maxMs, 100.0);
    EXPECT_DOUBLE_EQ(s.meanMs, (198.0 + 200.0) / 200.0);
}

TEST(LatencyStats, NoSamplesGiveZeros)
{
    const LatencySummary s = summarize({});
    EXPECT_EQ(s.samples, 0U);
    EXPECT_EQ(s.maxMs, 0.0);
    EXPECT_EQ(percentileMs({}, 50), 0.0);
}

TEST(LatencyStats, SubMillisecondTimesKeepTheirFraction)
{
    const LatencySummary s = summarize({250us, 750us});
    EXPECT_DOUBLE_EQ(s.p50Ms, 0.25);
    EXPECT_DOUBLE_EQ(s.maxMs, 0.75);
    EXPECT_DOUBLE_EQ(s.meanMs, 0.5);
}

}  // namespace
