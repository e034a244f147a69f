// Read benchmarks, registered per device from what its disc holds (READ_TOC and one probe read per track).
#include "suites/bench/read_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/ioctl/nt_status.hpp"
#include "suites/bench/disc_map.hpp"
#include "suites/bench/units.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/bench/skip_registration.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;

// The transfer sizes of issue #6 item 2: one sector (a latency more than a throughput), the sizes common tools use
// (27 × 2352 B is the largest CD-DA read under 64 KiB), and the maximum the adapter allows.
constexpr std::uint32_t kSizes[] = {1, 8, 16, 27, 32};

// A span of sectors of one kind [start, end).
struct Span {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

struct Position {
    const char* name;
    std::int32_t lba;
};

// What the benchmarks of one device share: the device, the handle they read through, and the adapter limit.
struct Target {
    Device* device = nullptr;
    std::shared_ptr<DeviceHandle> handle;
    std::uint32_t maxTransferBytes = 0;
    bool adapterKnown = false;
    ReadAhead readAhead;  // how far from a benchmark's run the read that evicts it from the drive's cache must be
    DiscMap map;          // the whole readable disc, where that read goes (any kind of track evicts)
};

std::string statusText(ioctl::NtStatus s) { return ioctl::ntStatusName(s); }

// Inner, middle and outer start LBAs of a run of `runSectors` within the spans (which hold one kind of sector),
// each run inside one span: the first sectors, the span holding the middle sector, the last sectors. nullopt when
// a span at one of those places is too short.
std::optional<std::vector<Position>> positionsIn(const std::vector<Span>& spans, std::int32_t runSectors)
{
    if (spans.empty()) return std::nullopt;
    std::int64_t total = 0;
    for (const Span& s : spans) total += s.end - s.start;
    std::int64_t middle = total / 2;
    const Span* middleSpan = &spans.front();
    std::int32_t middleLba = spans.front().start;
    for (const Span& s : spans) {
        if (middle < s.end - s.start) {
            middleSpan = &s;
            middleLba = static_cast<std::int32_t>(s.start + middle);
            break;
        }
        middle -= s.end - s.start;
    }
    const Span& first = spans.front();
    const Span& last = spans.back();
    for (const Span* s : {&first, middleSpan, &last})
        if (s->end - s->start < runSectors) return std::nullopt;
    middleLba = std::clamp(middleLba - runSectors / 2, middleSpan->start, middleSpan->end - runSectors);
    return std::vector<Position>{{"inner", first.start}, {"middle", middleLba}, {"outer", last.end - runSectors}};
}

// Sizes to register for a payload of `bytesPerSector`: the fixed list plus the adapter's maximum, once each.
std::vector<std::uint32_t> sizesFor(std::uint32_t maxSectors)
{
    std::vector<std::uint32_t> sizes(std::begin(kSizes), std::end(kSizes));
    if (std::find(sizes.begin(), sizes.end(), maxSectors) == sizes.end()) sizes.push_back(maxSectors);
    std::sort(sizes.begin(), sizes.end());
    return sizes;
}

// One read command: RAW_READ in `mode`, or ReadFile when `mode` is nullopt.
ControlResult readOnce(DeviceHandle& handle, std::optional<std::int32_t> mode, std::int32_t lba, std::uint32_t sectors,
                       std::span<std::uint8_t> buffer)
{
    if (mode) return handle.control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), sectors, *mode), buffer);
    return handle.read(reads::offsetOf(lba), buffer);
}

// The body of every read benchmark: one untimed read at the far end of the disc (`evictAt`, beyond the drive's
// read-ahead: the benchmarks before this one read the same places, and a drive would serve them again from its
// cache), one untimed read at the position (the seek and any spin-up are not throughput, perf-anchors.md §1.7),
// then kReadIterations sequential reads, each timed on the device's clock.
void runReads(benchmark::State& state, const std::shared_ptr<Target>& target, std::optional<std::int32_t> mode,
              std::uint32_t sectors, std::int32_t lba, std::optional<std::int32_t> evictAt)
{
    const std::size_t bytesPerSector = mode ? ioctl::rawSectorSize(*mode) : ioctl::COOKED_SECTOR_SIZE;
    reads::PageBuffer buffer(sectors * bytesPerSector);
    const char* what = mode ? "RAW_READ" : "ReadFile";
    if (evictAt) {
        if (const std::string failure = readToEvict(*target->handle, target->map, *evictAt); !failure.empty()) {
            state.SkipWithError(failure.c_str());
            return;
        }
    }
    const ControlResult first = readOnce(*target->handle, mode, lba, sectors, buffer.span());
    if (!first.status.isSuccess()) {
        state.SkipWithError((std::string(what) + " at LBA " + std::to_string(lba) + " failed: " + statusText(first.status)).c_str());
        return;
    }
    Clock& clock = target->device->clock();
    std::int32_t next = lba + static_cast<std::int32_t>(sectors);
    std::int64_t sectorsRead = 0;
    std::int64_t bytesRead = 0;
    std::chrono::steady_clock::duration wall{};
    double seconds = 0;  // the manual time, summed as Google Benchmark sums it
    for (auto _ : state) {
        const auto wallStart = std::chrono::steady_clock::now();
        const Nanoseconds start = clock.now();
        const ControlResult r = readOnce(*target->handle, mode, next, sectors, buffer.span());
        const Nanoseconds end = clock.now();
        wall += std::chrono::steady_clock::now() - wallStart;
        if (!r.status.isSuccess()) {
            state.SkipWithError((std::string(what) + " at LBA " + std::to_string(next) + " failed: " + statusText(r.status)).c_str());
            break;
        }
        const double took = std::chrono::duration<double>(end - start).count();
        state.SetIterationTime(took);
        seconds += took;
        sectorsRead += sectors;
        bytesRead += r.information;
        next += static_cast<std::int32_t>(sectors);
    }
    setReadCounters(state, sectorsRead, bytesRead, seconds);
    // Wall time per read beside the device time: on a virtual clock it is the harness's own cost per IOCTL (the
    // class-driver model and the emulator), on a real one it bounds the device time from above (perf-anchors.md §4.3).
    state.counters[kWallCounter] = benchmark::Counter(std::chrono::duration<double, std::micro>(wall).count(),
                                                      benchmark::Counter::kAvgIterations);
    state.SetLabel("LBA " + std::to_string(lba) + ", " + evictionText(evictAt, target->readAhead.sectors) + ", " +
                   (clock.isReal() ? "wall" : "modeled") + " time" +
                   (target->adapterKnown ? "" : ", adapter unknown: 64 KiB assumed"));
}

// Registers one family (a TrackMode, or cooked reads) over its spans.
std::size_t registerFamily(const std::shared_ptr<Target>& target, const std::string& prefix, std::optional<std::int32_t> mode,
                           const std::vector<Span>& spans)
{
    const std::uint32_t bytesPerSector = static_cast<std::uint32_t>(mode ? ioctl::rawSectorSize(*mode) : ioctl::COOKED_SECTOR_SIZE);
    const std::uint32_t maxSectors = target->maxTransferBytes / bytesPerSector;
    std::size_t count = 0;
    for (const std::uint32_t sectors : sizesFor(maxSectors)) {
        const std::string base = prefix + "/" + std::to_string(sectors);
        if (sectors > maxSectors) {
            registerSkip(base, "NotSupported: " + std::to_string(sectors) + " sectors of " + std::to_string(bytesPerSector) +
                                   " bytes exceed the adapter's maximum transfer of " + std::to_string(target->maxTransferBytes) + " bytes");
            ++count;
            continue;
        }
        const auto run = static_cast<std::int32_t>(sectors * (kReadIterations + 1));
        const auto positions = positionsIn(spans, run);
        if (!positions) {
            registerSkip(base, "NotSupported: the disc's area for this mode is shorter than " + std::to_string(run) + " sectors");
            ++count;
            continue;
        }
        for (const Position& p : *positions) {
            const std::string name = base + "/" + p.name;
            const std::int32_t lba = p.lba;
            const std::optional<std::int32_t> evictAt = evictionLba(target->map, lba, run, target->readAhead.sectors);
            benchmark::RegisterBenchmark(name.c_str(), [target, mode, sectors, lba, evictAt](benchmark::State& state) {
                runReads(state, target, mode, sectors, lba, evictAt);
            })->UseManualTime()->Iterations(kReadIterations)->Unit(benchmark::kMillisecond);
            ++count;
        }
    }
    return count;
}

// The spans each TrackMode reads, and why a mode has none.
struct ModeSpans {
    std::vector<Span> spans;
    std::string reason;  // when spans is empty
};

ModeSpans spansFor(std::int32_t mode, const reads::Layout& layout, const std::vector<reads::SectorKind>& kinds,
                   const std::optional<reads::RawCapabilities>& caps)
{
    ModeSpans out;
    const bool anyType = mode == ioctl::RawWithC2AndSubCode || mode == ioctl::RawWithC2 || mode == ioctl::RawWithSubCode;
    if (anyType && (!caps || !reads::supports(*caps, mode))) {
        out.reason = "NotSupported: " + (caps ? reads::missingCapability(mode, *caps) : std::string("no pass-through to probe C2 / R-W support"));
        return out;
    }
    for (std::size_t i = 0; i < layout.tracks.size(); ++i) {
        const reads::SectorKind k = kinds[i];
        const bool fits = anyType || (mode == ioctl::CDDA && k == reads::SectorKind::Audio) ||
                          (mode == ioctl::YellowMode2 && k == reads::SectorKind::Mode2Formless) ||
                          (mode == ioctl::XAForm2 && k == reads::SectorKind::Mode2Form2);
        if (fits && layout.tracks[i].length() > 0) out.spans.push_back({layout.tracks[i].start, layout.tracks[i].end});
    }
    if (out.spans.empty()) {
        out.reason = mode == ioctl::CDDA          ? "NotSupported: the disc has no audio track"
                     : mode == ioctl::YellowMode2 ? "NotSupported: the disc has no mode 2 formless track"
                                                  : "NotSupported: the disc has no mode 2 form 2 track";
    }
    return out;
}

}  // namespace

std::size_t registerReadBenchmarks(Device& device, const std::string& id)
{
    auto target = std::make_shared<Target>();
    target->device = &device;
    target->handle = std::shared_ptr<DeviceHandle>(device.open(HandleAccess::Read));
    const std::optional<mmc::AdapterProperties> adapter = device.adapter();
    target->adapterKnown = adapter.has_value();
    // RAW_READ and ReadFile read into page-aligned buffers here, so the page-aligned limit applies.
    target->maxTransferBytes = adapter.value_or(mmc::AdapterProperties{}).maxPageAlignedTransferBytes();
    target->readAhead = readAheadOf(device);

    std::size_t count = 0;
    const std::optional<reads::Layout> layout = reads::readLayout(*target->handle);
    if (!layout || layout->tracks.empty()) {
        for (const std::int32_t mode : reads::kTrackModes) {
            registerSkip("RawRead/" + id + "/" + reads::trackModeName(mode), "NotSupported: no disc (READ_TOC has no track)");
            ++count;
        }
        registerSkip("CookedRead/" + id, "NotSupported: no disc (READ_TOC has no track)");
        return count + 1;
    }

    target->map = readDiscMap(device, *target->handle).value_or(DiscMap{});
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device);
    std::vector<reads::SectorKind> kinds;
    for (const reads::Track& t : layout->tracks) kinds.push_back(reads::probeTrackKind(*target->handle, t, caps));

    for (const std::int32_t mode : reads::kTrackModes) {
        const std::string prefix = "RawRead/" + id + "/" + reads::trackModeName(mode);
        const ModeSpans m = spansFor(mode, *layout, kinds, caps);
        if (m.spans.empty()) {
            registerSkip(prefix, m.reason);
            ++count;
            continue;
        }
        count += registerFamily(target, prefix, mode, m.spans);
    }

    // Cooked reads: the data tracks of 2048-byte user data (mode 1, mode 2 form 1, or data the probe could not
    // classify without C2 / R-W support).
    std::vector<Span> cooked;
    for (std::size_t i = 0; i < layout->tracks.size(); ++i) {
        const reads::SectorKind k = kinds[i];
        if (!layout->tracks[i].audio() && reads::cookedReadable(k) && layout->tracks[i].length() > 0)
            cooked.push_back({layout->tracks[i].start, layout->tracks[i].end});
    }
    if (cooked.empty()) {
        registerSkip("CookedRead/" + id, "NotSupported: the disc has no track of 2048-byte user data");
        return count + 1;
    }
    return count + registerFamily(target, "CookedRead/" + id, std::nullopt, cooked);
}

}  // namespace cdcts::suites::bench
