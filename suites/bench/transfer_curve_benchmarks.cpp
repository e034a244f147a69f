// Transfer-rate curve benchmarks, registered per device from its disc map (READ_TOC) and the curve's grid.
#include "suites/bench/transfer_curve_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/ioctl/nt_status.hpp"
#include "suites/bench/curve_points.hpp"
#include "suites/bench/disc_map.hpp"
#include "suites/bench/units.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/bench/skip_registration.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;

// Counter names: where the point is (the first timed sector; the middle of the timed reads in % of LBA 0 to the
// lead-out).
constexpr const char* kLbaCounter = "lba";
constexpr const char* kPositionCounter = "position_pct";

struct Target {
    Device* device = nullptr;
    std::shared_ptr<DeviceHandle> handle;
    std::int32_t leadOut = 0;
    bool adapterKnown = false;
    DiscMap map;
    ReadAhead readAhead;  // how far from a point the read that evicts it from the drive's cache must be
};

// One curve: its name part, the read it makes and the sectors per read.
struct Curve {
    CurveKind kind;
    const char* name;
    std::optional<std::int32_t> rawMode;
    std::uint32_t sectors;
};

// One point: an untimed read at the far end of the disc (`evictAt`, beyond the drive's read-ahead, so the window
// is not in the drive's cache: point 0 starts where CookedRead inner ran), an untimed read at the window's start
// (the seek is access time, not throughput), then kCurveReadsPerPoint sequential reads, each timed on the device's
// clock.
void runPoint(benchmark::State& state, const std::shared_ptr<Target>& target, const Curve& curve, std::int32_t start,
              std::optional<std::int32_t> evictAt)
{
    reads::PageBuffer buffer(curve.sectors * bytesPerSector(curve.rawMode));
    const auto failed = [&](std::int32_t lba, const ControlResult& r) {
        state.SkipWithError((readName(curve.rawMode) + " at LBA " + std::to_string(lba) + " failed: " + ioctl::ntStatusName(r.status)).c_str());
    };
    if (evictAt) {
        if (const std::string failure = readToEvict(*target->handle, target->map, *evictAt); !failure.empty()) {
            state.SkipWithError(failure.c_str());
            return;
        }
    }
    const ControlResult first = readSectors(*target->handle, curve.rawMode, start, curve.sectors, buffer.span());
    if (!first.status.isSuccess()) {
        failed(start, first);
        return;
    }
    Clock& clock = target->device->clock();
    const auto firstTimed = static_cast<std::int32_t>(start + static_cast<std::int32_t>(curve.sectors));
    std::int32_t next = firstTimed;
    std::int64_t sectorsRead = 0;
    std::int64_t bytesRead = 0;
    double seconds = 0;
    for (auto _ : state) {
        const Nanoseconds begin = clock.now();
        const ControlResult r = readSectors(*target->handle, curve.rawMode, next, curve.sectors, buffer.span());
        const Nanoseconds end = clock.now();
        if (!r.status.isSuccess()) {
            failed(next, r);
            return;
        }
        const double took = std::chrono::duration<double>(end - begin).count();
        state.SetIterationTime(took);
        seconds += took;
        sectorsRead += curve.sectors;
        bytesRead += static_cast<std::int64_t>(r.information);
        next += static_cast<std::int32_t>(curve.sectors);
    }
    setReadCounters(state, sectorsRead, bytesRead, seconds);
    const double middle = firstTimed + static_cast<double>(next - firstTimed) / 2.0;
    state.counters[kLbaCounter] = benchmark::Counter(firstTimed);
    state.counters[kPositionCounter] = benchmark::Counter(100.0 * middle / target->leadOut);
    state.SetLabel("LBA " + std::to_string(firstTimed) + "-" + std::to_string(next - 1) + " of " + std::to_string(target->leadOut) + ", " +
                   evictionText(evictAt, target->readAhead.sectors) + ", " + (clock.isReal() ? "wall" : "modeled") + " time" +
                   (target->adapterKnown ? "" : ", adapter unknown: 64 KiB assumed"));
}

CurveKind kindOf(const ReadSpan& span)
{
    if (!span.rawMode) return CurveKind::Cooked;
    return *span.rawMode == ioctl::CDDA ? CurveKind::Cdda : CurveKind::None;
}

}  // namespace

std::size_t registerTransferCurveBenchmarks(Device& device, const std::string& id)
{
    auto target = std::make_shared<Target>();
    target->device = &device;
    target->handle = std::shared_ptr<DeviceHandle>(device.open(HandleAccess::Read));
    const std::optional<mmc::AdapterProperties> adapter = device.adapter();
    target->adapterKnown = adapter.has_value();
    const std::uint32_t maxBytes = adapter.value_or(mmc::AdapterProperties{}).maxPageAlignedTransferBytes();
    const Curve curves[] = {
        {CurveKind::Cooked, "CookedRead", std::nullopt, std::min<std::uint32_t>(kCurveCookedSectors, maxBytes / ioctl::COOKED_SECTOR_SIZE)},
        {CurveKind::Cdda, "CDDA", ioctl::CDDA, std::min<std::uint32_t>(kCurveCddaSectors, maxBytes / ioctl::RAW_SECTOR_SIZE)},
    };
    const std::string prefix = "TransferCurve/" + id + "/";

    const std::optional<DiscMap> map = readDiscMap(device, *target->handle);
    if (!map) {
        for (const Curve& c : curves) registerSkip(prefix + c.name, "NotSupported: no disc (READ_TOC has no track)");
        return std::size(curves);
    }
    if (const std::optional<std::string> why = nothingToRead(*map)) {
        for (const Curve& c : curves) registerSkip(prefix + c.name, *why);
        return std::size(curves);
    }
    target->leadOut = map->leadOut;
    target->map = *map;
    target->readAhead = readAheadOf(device);
    std::vector<CurveSpan> spans;
    for (const ReadSpan& s : map->spans) spans.push_back({s.start, s.end, kindOf(s)});
    // One grid for both curves, with the larger window, so the points of the two kinds never overlap.
    std::uint32_t window = 0;
    for (const Curve& c : curves) window = std::max(window, c.sectors * (kCurveReadsPerPoint + 1));
    const std::vector<CurvePoint> points = curvePoints(spans, map->leadOut, kCurvePoints, static_cast<std::int32_t>(window));

    std::size_t count = 0;
    for (const Curve& curve : curves) {
        const bool any = std::any_of(points.begin(), points.end(), [&](const CurvePoint& p) { return p.kind == curve.kind; });
        if (curve.sectors == 0 || !any) {
            const bool hasTrack = std::any_of(spans.begin(), spans.end(), [&](const CurveSpan& s) { return s.kind == curve.kind; });
            const std::string reason = curve.sectors == 0 ? "NotSupported: the adapter's maximum transfer of " + std::to_string(maxBytes) +
                                                                " bytes holds no whole sector"
                                       : !hasTrack        ? std::string("NotSupported: the disc has no ") +
                                                         (curve.kind == CurveKind::Cdda ? "audio track" : "track of 2048-byte user data")
                                                          : "NotSupported: no track of this kind is longer than one point's " +
                                                         std::to_string(window) + " sectors";
            registerSkip(prefix + curve.name, reason);
            ++count;
            continue;
        }
        for (const CurvePoint& p : points) {
            if (p.kind != curve.kind) continue;
            const std::string name = prefix + curve.name + "/" + std::to_string(p.index);
            const std::int32_t start = p.start;
            const std::optional<std::int32_t> evictAt =
                evictionLba(*map, start, static_cast<std::int32_t>(window), target->readAhead.sectors);
            benchmark::RegisterBenchmark(name.c_str(), [target, curve, start, evictAt](benchmark::State& state) {
                runPoint(state, target, curve, start, evictAt);
            })
                ->UseManualTime()
                ->Iterations(kCurveReadsPerPoint)
                ->Unit(benchmark::kMillisecond);
            ++count;
        }
    }
    return count;
}

}  // namespace cdcts::suites::bench
