// Access-time benchmarks, registered per device from its disc map (READ_TOC) and a seeded seek plan.
#include "suites/bench/access_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <iterator>
#include <string>
#include <vector>

#include "harness/ioctl/nt_status.hpp"
#include "suites/bench/access_plan.hpp"
#include "suites/bench/disc_map.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/latency_stats.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/bench/skip_registration.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;

// Counter names: the mean access time and the mean distance of the seeks.
constexpr const char* kMeanAccessCounter = "ms";
constexpr const char* kStrokeCounter = "stroke_sectors";
// paranoia's floor for a real seek (src/cachetest.c MIN_SEEK_MS, perf-anchors.md §1.4): a faster "access" is a
// cache hit, which would make the figure a cache figure.
constexpr Nanoseconds kMinimumRealSeek = std::chrono::milliseconds(6);

struct Target {
    Device* device = nullptr;
    std::shared_ptr<DeviceHandle> handle;
    DiscMap map;
    ReadAhead readAhead;
};

std::string failure(std::optional<std::int32_t> mode, std::int32_t lba, ioctl::NtStatus status)
{
    return readName(mode) + " of LBA " + std::to_string(lba) + " failed: " + ioctl::ntStatusName(status);
}

// One sector at `lba` with the read its track needs; the status on failure.
ControlResult readOne(Target& target, std::int32_t lba, reads::PageBuffer& buffer, std::optional<std::int32_t>& mode)
{
    const ReadSpan* span = spanAt(target.map, lba);
    mode = span != nullptr ? span->rawMode : std::nullopt;
    return readSectors(*target.handle, mode, lba, 1, buffer.span());
}

void runAccess(benchmark::State& state, const std::shared_ptr<Target>& target, const std::string& name, const std::vector<Seek>& seeks)
{
    reads::PageBuffer buffer(ioctl::RAW_SECTOR_SIZE + ioctl::CD_RAW_READ_C2_SIZE + ioctl::CD_RAW_READ_SUBCODE_SIZE);
    Clock& clock = target->device->clock();
    std::vector<Nanoseconds> samples;
    samples.reserve(seeks.size());
    std::optional<std::int32_t> lastRead;
    std::size_t i = 0;
    for (auto _ : state) {
        const Seek& seek = seeks[i++];
        std::optional<std::int32_t> mode;
        // The read elsewhere: untimed, it puts the head at `from` (and absorbs a spin-up before the first sample).
        if (lastRead != seek.from) {
            const ControlResult r = readOne(*target, seek.from, buffer, mode);
            if (!r.status.isSuccess()) {
                state.SkipWithError(failure(mode, seek.from, r.status).c_str());
                return;
            }
        }
        const Nanoseconds start = clock.now();
        const ControlResult r = readOne(*target, seek.to, buffer, mode);
        const Nanoseconds took = clock.now() - start;
        if (!r.status.isSuccess()) {
            state.SkipWithError(failure(mode, seek.to, r.status).c_str());
            return;
        }
        state.SetIterationTime(std::chrono::duration<double>(took).count());
        samples.push_back(took);
        lastRead = seek.to;
    }
    const LatencySummary summary = summarize(samples);
    setLatencyCounters(state, summary);
    state.counters[kMeanAccessCounter] = benchmark::Counter(summary.meanMs);
    state.counters[kStrokeCounter] = benchmark::Counter(meanStrokeSectors(seeks));
    std::string label = std::to_string(seeks.size()) + " seeks, seed 0x6364637473, read-ahead " +
                        std::to_string(target->readAhead.sectors) + " sectors (" + target->readAhead.source + "), " +
                        (clock.isReal() ? "wall" : "modeled") + " time";
    const auto fast = std::count_if(samples.begin(), samples.end(), [](Nanoseconds t) { return t < kMinimumRealSeek; });
    if (fast > 0) {
        const std::string warning = std::to_string(fast) + " of " + std::to_string(samples.size()) +
                                    " accesses took under 6 ms, faster than any real seek: served from the drive's cache "
                                    "(perf-anchors.md §1.4), so this access time is understated";
        reportQualityWarning(name, warning);
        label += "; " + warning;
    }
    state.SetLabel(label);
}

}  // namespace

std::size_t registerAccessBenchmarks(Device& device, const std::string& id)
{
    constexpr Stroke kStrokes[] = {Stroke::Random, Stroke::OneThird, Stroke::FullStroke};
    auto target = std::make_shared<Target>();
    target->device = &device;
    target->handle = std::shared_ptr<DeviceHandle>(device.open(HandleAccess::Read));
    const std::optional<DiscMap> map = readDiscMap(device, *target->handle);
    std::size_t count = 0;
    if (!map) {
        for (const Stroke stroke : kStrokes) registerSkip("Access/" + id + "/" + strokeName(stroke), "NotSupported: no disc (READ_TOC has no track)");
        return std::size(kStrokes);
    }
    if (const std::optional<std::string> why = nothingToRead(*map)) {
        for (const Stroke stroke : kStrokes) registerSkip("Access/" + id + "/" + strokeName(stroke), *why);
        return std::size(kStrokes);
    }
    target->map = *map;
    target->readAhead = readAheadOf(device);
    std::vector<Extent> extents;
    for (const ReadSpan& s : map->spans) extents.push_back({s.start, s.end});

    for (const Stroke stroke : kStrokes) {
        const std::string name = "Access/" + id + "/" + strokeName(stroke);
        const std::size_t samples = stroke == Stroke::Random ? kRandomAccessSamples : kStrokeAccessSamples;
        AccessPlan plan = planAccess(stroke, extents, target->readAhead.sectors, samples, kAccessSeed);
        ++count;
        if (plan.seeks.empty()) {
            registerSkip(name, plan.reason);
            continue;
        }
        auto seeks = std::make_shared<const std::vector<Seek>>(std::move(plan.seeks));
        benchmark::RegisterBenchmark(name.c_str(), [target, name, seeks](benchmark::State& state) { runAccess(state, target, name, *seeks); })
            ->UseManualTime()
            ->Iterations(static_cast<benchmark::IterationCount>(seeks->size()))
            ->Unit(benchmark::kMillisecond);
    }
    return count;
}

}  // namespace cdcts::suites::bench
