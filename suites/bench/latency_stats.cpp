#include "suites/bench/latency_stats.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cdcts::suites::bench {
namespace {

double toMs(Nanoseconds t) { return std::chrono::duration<double, std::milli>(t).count(); }

}  // namespace

double percentileMs(std::vector<Nanoseconds> samples, double percent)
{
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: ceil(p/100 × n), 1-based.
    const auto n = static_cast<double>(samples.size());
    const auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * n));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, samples.size()) - 1;
    return toMs(samples[index]);
}

LatencySummary summarize(const std::vector<Nanoseconds>& samples)
{
    LatencySummary s;
    s.samples = samples.size();
    if (samples.empty()) return s;
    s.p50Ms = percentileMs(samples, 50);
    s.p99Ms = percentileMs(samples, 99);
    s.maxMs = toMs(*std::max_element(samples.begin(), samples.end()));
    Nanoseconds total{0};
    for (const Nanoseconds t : samples) total += t;
    s.meanMs = toMs(total) / static_cast<double>(samples.size());
    return s;
}

void setLatencyCounters(benchmark::State& state, const LatencySummary& summary)
{
    state.counters[kP50Counter] = benchmark::Counter(summary.p50Ms);
    state.counters[kP99Counter] = benchmark::Counter(summary.p99Ms);
    state.counters[kMaxCounter] = benchmark::Counter(summary.maxMs);
    state.counters[kMeanCounter] = benchmark::Counter(summary.meanMs);
}

}  // namespace cdcts::suites::bench
