// Streaming benchmarks: ReadFile on a handle with IOCTL_CDROM_ENABLE_STREAMING off (READ(10): the drive may retry)
// and on (READ(12) with the Streaming bit: real-time delivery, no retries), at the same place of the same disc.
#include "suites/bench/streaming_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <numeric>
#include <span>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/ioctl/nt_status.hpp"
#include "suites/bench/disc_map.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/latency_stats.hpp"
#include "suites/bench/streaming_rules.hpp"
#include "suites/bench/units.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/speed_support.hpp"
#include "suites/bench/skip_registration.hpp"
#include "suites/bench/streaming_switch.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;
using streaming::DataSpan;
using streaming::MarginalFigures;
using streaming::MarginalPlan;

// Cooked transfer sizes: 16 sectors (32 KiB, one DVD ECC block's worth of a CD) and 32 sectors (64 KiB, the
// largest transfer HLK allows a CD read, peers-and-oracles.md §3).
constexpr std::uint32_t kSizes[] = {16, 32};
// StreamingMarginal: reads of 16 sectors; up to 16 clean reads before the marginal run, at least 4 for a median.
constexpr std::uint32_t kMarginalReadSectors = 16;
constexpr std::uint32_t kMinCleanReads = 4;
constexpr std::uint32_t kMaxCleanReads = 16;

// What the benchmarks of one device share.
struct Shared {
    Device* device = nullptr;
    std::string id;
    // StreamingMarginal/<id>/off's figures, for the on variant's comparison (registered, so run, just before it).
    std::optional<MarginalFigures> normalMarginal;
    // Streaming/<id>/off/<sectors>'s x_cd and p99_ms, for the on variant's ratios, by transfer size.
    std::map<std::uint32_t, std::pair<double, double>> offFigures;
    // The drive's read-ahead and the readable disc, for the reads that keep a run out of the drive's cache (the off
    // and on variants read the same sectors, one after the other).
    ReadAhead readAhead;
    DiscMap map;
};

std::string statusText(ioctl::NtStatus s) { return ioctl::ntStatusName(s); }

const char* modeName(bool on) { return on ? "on" : "off"; }

// A handle of its own for one benchmark, with streaming set as asked. nullptr, with the benchmark skipped, when
// the device cannot be opened or the switch is refused.
std::unique_ptr<DeviceHandle> openWithStreaming(benchmark::State& state, Device& device, bool on)
{
    std::unique_ptr<DeviceHandle> handle;
    try {
        handle = device.open(HandleAccess::Read);
    } catch (const DeviceError& e) {
        state.SkipWithError((std::string("cannot open the device: ") + e.what()).c_str());
        return nullptr;
    }
    const ControlResult r = setStreaming(*handle, on);
    if (!r.status.isSuccess()) {
        (void)setStreaming(*handle, false);
        const std::string why = std::string(on ? "NotSupported: the class driver refuses IOCTL_CDROM_ENABLE_STREAMING "
                                                 "(CdromStreamingEnableForReadOnly): "
                                               : "IOCTL_CDROM_ENABLE_STREAMING (CdromStreamingDisable) failed: ") +
                                statusText(r.status);
        state.SkipWithError(why.c_str());
        return nullptr;
    }
    return handle;
}

std::string where(std::int32_t lba) { return "ReadFile at LBA " + std::to_string(lba); }

// One timed ReadFile on the device's clock.
struct TimedRead {
    ControlResult result;
    Nanoseconds took{0};
};

TimedRead timedRead(Device& device, DeviceHandle& handle, std::int32_t lba, std::span<std::uint8_t> buffer)
{
    Clock& clock = device.clock();
    const Nanoseconds start = clock.now();
    const ControlResult r = handle.read(reads::offsetOf(lba), buffer);
    return {r, clock.now() - start};
}

// The untimed read that evicts a run from the drive's cache (evictionLba): one sector at `evictAt`, on `handle`, with
// its track's read (ENABLE_STREAMING changes ReadFile alone). Empty when it succeeded or there is nothing to read,
// else what failed.
std::string evict(DeviceHandle& handle, const DiscMap& map, std::optional<std::int32_t> evictAt)
{
    return evictAt ? readToEvict(handle, map, *evictAt) : std::string();
}

double toMs(Nanoseconds t) { return std::chrono::duration<double, std::milli>(t).count(); }
double toSeconds(Nanoseconds t) { return std::chrono::duration<double>(t).count(); }

// Streaming/<id>/<off|on>/<sectors>: one untimed read at `evictAt` (the far end of the disc, beyond the
// read-ahead: the on variant reads the sectors the off one just read), one untimed read at `lba` (the seek), then
// kStreamingReads sequential reads, each timed on the device's clock.
void runStreaming(benchmark::State& state, const std::shared_ptr<Shared>& shared, bool on, std::uint32_t sectors, std::int32_t lba,
                  std::optional<std::int32_t> evictAt)
{
    const std::unique_ptr<DeviceHandle> handle = openWithStreaming(state, *shared->device, on);
    if (!handle) return;
    const StreamingGuard guard(*handle);
    if (const std::string failed = evict(*handle, shared->map, evictAt); !failed.empty()) {
        state.SkipWithError(failed.c_str());
        return;
    }
    reads::PageBuffer buffer(sectors * reads::kCooked);
    if (const ControlResult first = handle->read(reads::offsetOf(lba), buffer.span()); !first.status.isSuccess()) {
        state.SkipWithError((where(lba) + " failed: " + statusText(first.status)).c_str());
        return;
    }
    std::vector<Nanoseconds> samples;
    samples.reserve(kStreamingReads);
    std::int32_t next = lba + static_cast<std::int32_t>(sectors);
    std::int64_t bytesRead = 0;
    Nanoseconds total{0};
    for (auto _ : state) {
        const TimedRead t = timedRead(*shared->device, *handle, next, buffer.span());
        if (!t.result.status.isSuccess()) {
            state.SkipWithError((where(next) + " failed: " + statusText(t.result.status)).c_str());
            break;
        }
        state.SetIterationTime(toSeconds(t.took));
        samples.push_back(t.took);
        total += t.took;
        bytesRead += t.result.information;
        next += static_cast<std::int32_t>(sectors);
    }
    setReadCounters(state, static_cast<std::int64_t>(samples.size()) * sectors, bytesRead, toSeconds(total));
    const LatencySummary summary = summarize(samples);
    setLatencyCounters(state, summary);
    // The on variant against the off one at the same LBA: x_cd_over_off below 1 is throughput streaming cost,
    // p99_over_off below 1 is latency it saved.
    const double xCd = toSeconds(total) > 0 ? cdSpeedFactor(static_cast<double>(samples.size() * sectors) / toSeconds(total)) : 0;
    if (!on && !state.error_occurred()) shared->offFigures[sectors] = {xCd, summary.p99Ms};
    if (const auto off = shared->offFigures.find(sectors); on && off != shared->offFigures.end() && off->second.first > 0 && off->second.second > 0) {
        state.counters["x_cd_over_off"] = xCd / off->second.first;
        state.counters["p99_over_off"] = summary.p99Ms / off->second.second;
    }
    state.SetLabel("LBA " + std::to_string(lba) + ", " + (on ? "READ(12) Streaming" : "READ(10)") + ", " +
                   evictionText(evictAt, shared->readAhead.sectors) + ", " + (shared->device->clock().isReal() ? "wall" : "modeled") + " time");
}

std::string runText(const inventory::BenchSectorRun& r)
{
    return "LBA " + std::to_string(r.lba) + (r.count > 1 ? "-" + std::to_string(r.lba + r.count - 1) : "");
}

// The bytes in which `a` and `b` differ.
std::int64_t bytesDiffering(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    std::int64_t n = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) n += a[i] != b[i] ? 1 : 0;
    return n;
}

// A streaming read over marginal sectors may hand back damaged data (the drive skipped the recovery): the bytes of
// the marginal reads that differ from a normal read of the same sectors on a handle of its own. -1 when the normal
// read fails too. The normal read comes after an untimed read at `evictAt`, so it is not served the streamed data
// from the drive's cache.
std::int64_t compareWithNormalRead(Device& device, const DiscMap& map, std::int32_t lba, std::span<const std::uint8_t> streamed,
                                   std::optional<std::int32_t> evictAt)
{
    if (streamed.empty()) return 0;
    std::unique_ptr<DeviceHandle> handle;
    try {
        handle = device.open(HandleAccess::Read);
    } catch (const DeviceError&) {
        return -1;
    }
    if (!evict(*handle, map, evictAt).empty()) return -1;
    reads::PageBuffer normal(streamed.size());
    if (!handle->read(reads::offsetOf(lba), normal.span()).status.isSuccess()) return -1;
    return bytesDiffering(streamed, normal.span());
}

// What one pass over the marginal run measured.
struct MarginalPass {
    std::string error;  // a real failure: the seek or a clean read failed, or a normal read over the marginal run
    std::vector<Nanoseconds> clean;
    Nanoseconds longest{0};  // the longest read over the marginal run
    Nanoseconds total{0};    // every timed read
    ioctl::NtStatus status = ioctl::status::Success;  // the marginal reads' status (the first failure ends them)
    std::uint32_t marginalReadsDone = 0;               // of them, the reads that succeeded
};

// The untimed read at `evictAt` (beyond the read-ahead: the on pass rereads what the off pass read, and the drive
// recovered, a moment before), the untimed seek read, the clean reads just before the marginal run, then the read(s)
// covering it, all sequential on one handle and timed one by one. The marginal reads' data lands in `marginalData`.
MarginalPass passOverMarginal(Device& device, DeviceHandle& handle, bool on, const MarginalPlan& plan, const DiscMap& map,
                              std::optional<std::int32_t> evictAt, std::span<std::uint8_t> marginalData)
{
    constexpr std::uint32_t size = kMarginalReadSectors;
    constexpr std::size_t bytes = std::size_t{size} * reads::kCooked;
    reads::PageBuffer buffer(bytes);
    MarginalPass pass;
    if (pass.error = evict(handle, map, evictAt); !pass.error.empty()) return pass;
    if (const ControlResult seek = handle.read(reads::offsetOf(plan.seekLba), buffer.span()); !seek.status.isSuccess()) {
        pass.error = where(plan.seekLba) + " failed: " + statusText(seek.status);
        return pass;
    }
    for (std::uint32_t i = 0; i < plan.cleanReads; ++i) {
        const std::int32_t lba = plan.firstClean + static_cast<std::int32_t>(i * size);
        const TimedRead t = timedRead(device, handle, lba, buffer.span());
        if (!t.result.status.isSuccess()) {
            pass.error = where(lba) + " (a clean sector) failed: " + statusText(t.result.status);
            return pass;
        }
        pass.clean.push_back(t.took);
        pass.total += t.took;
    }
    for (std::uint32_t i = 0; i < plan.marginalReads; ++i) {
        const std::int32_t lba = static_cast<std::int32_t>(plan.run.lba) + static_cast<std::int32_t>(i * size);
        const TimedRead t = timedRead(device, handle, lba, marginalData.subspan(i * bytes, bytes));
        pass.longest = std::max(pass.longest, t.took);
        pass.total += t.took;
        pass.status = t.result.status;
        if (!pass.status.isSuccess()) break;
        ++pass.marginalReadsDone;
    }
    // A normal read is due to recover a marginal sector: its failure is a real one. A streaming read's is a finding.
    if (!on && !pass.status.isSuccess())
        pass.error = "a normal ReadFile over the marginal sectors " + runText(plan.run) + " failed: " + statusText(pass.status);
    return pass;
}

// The findings of a streaming pass: its failure status or damaged data, and the timing rules (streaming_rules.hpp).
std::vector<std::string> streamingFindings(benchmark::State& state, Device& device, const MarginalPlan& plan, const DiscMap& map,
                                           std::optional<std::int32_t> evictAt,
                                           const MarginalPass& pass,
                                           std::span<const std::uint8_t> marginalData, const MarginalFigures& figures,
                                           const std::optional<MarginalFigures>& normal)
{
    std::vector<std::string> findings;
    if (!pass.status.isSuccess()) {
        std::string text = "a streaming ReadFile over the marginal sectors " + runText(plan.run) + " returned " + statusText(pass.status) +
                           " (MMC lets a streaming read give up instead of recovering; the caller lost that data)";
        // The class driver latches "no streaming" for the device after a failure that looks permanent (§7.2).
        try {
            const auto probe = device.open(HandleAccess::Read);
            if (!setStreaming(*probe, true).status.isSuccess()) text += "; the class driver now refuses ENABLE_STREAMING for every handle";
            (void)setStreaming(*probe, false);
        } catch (const DeviceError&) {
        }
        findings.push_back(std::move(text));
    } else {
        const std::int64_t differing = compareWithNormalRead(device, map, static_cast<std::int32_t>(plan.run.lba), marginalData, evictAt);
        state.counters["marginal_bytes_differing"] = static_cast<double>(differing);
        if (differing > 0)
            findings.push_back("a streaming ReadFile over the marginal sectors " + runText(plan.run) + " succeeded with " +
                               std::to_string(differing) + " bytes other than a normal read's (damaged data without an error)");
    }
    if (const auto warning = streaming::streamingMarginalWarning(figures, normal)) findings.push_back(*warning);
    return findings;
}

// StreamingMarginal/<id>/<off|on>: one pass (Iterations(1)), its time the sum of its timed reads.
void runMarginal(benchmark::State& state, const std::shared_ptr<Shared>& shared, bool on, const MarginalPlan& plan,
                 std::optional<std::int32_t> evictAt, const std::string& name)
{
    Device& device = *shared->device;
    const std::unique_ptr<DeviceHandle> handle = openWithStreaming(state, device, on);
    if (!handle) return;
    const StreamingGuard guard(*handle);
    reads::PageBuffer marginalData(std::size_t{plan.marginalReads} * kMarginalReadSectors * reads::kCooked);
    MarginalPass pass;
    for (auto _ : state) {
        pass = passOverMarginal(device, *handle, on, plan, shared->map, evictAt, marginalData.span());
        if (!pass.error.empty()) {
            state.SkipWithError(pass.error.c_str());
            break;
        }
        state.SetIterationTime(toSeconds(pass.total));
    }
    if (!pass.error.empty()) return;

    const LatencySummary cleanSummary = summarize(pass.clean);
    const Nanoseconds cleanTime = std::accumulate(pass.clean.begin(), pass.clean.end(), Nanoseconds{0});
    MarginalFigures figures;
    figures.marginalMs = toMs(pass.longest);
    figures.cleanP50Ms = cleanSummary.p50Ms;
    figures.cleanXcd = cleanTime > Nanoseconds{0}
                           ? cdSpeedFactor(static_cast<double>(pass.clean.size() * kMarginalReadSectors) / toSeconds(cleanTime))
                           : 0;
    state.counters["marginal_ms"] = figures.marginalMs;
    state.counters["clean_p50_ms"] = figures.cleanP50Ms;
    state.counters["clean_max_ms"] = cleanSummary.maxMs;
    state.counters["clean_x_cd"] = figures.cleanXcd;
    state.counters["marginal_over_clean"] = figures.cleanP50Ms > 0 ? figures.marginalMs / figures.cleanP50Ms : 0;
    state.counters["marginal_read_ok"] = pass.status.isSuccess() ? 1 : 0;

    std::string label = runText(plan.run) + " in " + std::to_string(plan.marginalReads) + " read(s) of " +
                        std::to_string(kMarginalReadSectors) + " sectors after " + std::to_string(plan.cleanReads) +
                        " clean reads from LBA " + std::to_string(plan.firstClean) + ", " + (on ? "READ(12) Streaming" : "READ(10)") +
                        ", ReadFile " + statusText(pass.status) + ", " + evictionText(evictAt, shared->readAhead.sectors) + ", " +
                        (device.clock().isReal() ? "wall" : "modeled") + " time";
    if (!on) {
        shared->normalMarginal = figures;
    } else {
        const auto data = marginalData.span().first(std::size_t{pass.marginalReadsDone} * kMarginalReadSectors * reads::kCooked);
        for (const std::string& f : streamingFindings(state, device, plan, shared->map, evictAt, pass, data, figures, shared->normalMarginal)) {
            reportQualityWarning(name, f);
            label += "; QualityWarning: " + f;
        }
    }
    state.SetLabel(label);
}

// The tracks of 2048-byte user data, as the read benchmarks choose them (reads::cookedReadable).
std::vector<DataSpan> dataSpans(Device& device, DeviceHandle& handle, const reads::Layout& layout)
{
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device);
    std::vector<DataSpan> spans;
    for (const reads::Track& t : layout.tracks) {
        if (t.audio() || t.length() <= 0) continue;
        if (reads::cookedReadable(reads::probeTrackKind(handle, t, caps))) spans.push_back({t.start, t.end});
    }
    return spans;
}

// Why ReadFile cannot stream on this device, or nullopt when ENABLE_STREAMING for reading is accepted.
std::optional<std::string> streamingRefusal(DeviceHandle& handle)
{
    const ControlResult r = setStreaming(handle, true);
    (void)setStreaming(handle, false);
    if (r.status.isSuccess()) return std::nullopt;
    const speed::Capabilities caps = speed::capabilities(handle);
    std::string why = "NotSupported: IOCTL_CDROM_ENABLE_STREAMING (CdromStreamingEnableForReadOnly) answers " + statusText(r.status);
    if (!caps.mmc) return why + "; the drive does not answer GET CONFIGURATION (not MMC)";
    if (!caps.rtsPresent) return why + "; the drive has no Real-Time Streaming feature (0107h)";
    if (!caps.streamingReads()) return why + "; the Real-Time Streaming feature (0107h) is not current";
    return why + " though feature 0107h is current (the class driver's \"no streaming\" flag, ioctl-contracts.md §7.2?)";
}

}  // namespace

std::size_t registerStreamingBenchmarks(const BenchTarget& target)
{
    auto shared = std::make_shared<Shared>();
    shared->device = target.device;
    shared->id = target.id;
    const std::string streamingName = "Streaming/" + target.id;
    const std::string marginalName = "StreamingMarginal/" + target.id;
    const auto skipBoth = [&](const std::string& reason) {
        registerSkip(streamingName, reason);
        registerSkip(marginalName, reason);
        return std::size_t{2};
    };

    const std::unique_ptr<DeviceHandle> probe = target.device->open(HandleAccess::Read);
    const std::optional<reads::Layout> layout = reads::readLayout(*probe);
    if (!layout || layout->tracks.empty()) return skipBoth("NotSupported: no disc (READ_TOC has no track)");
    const std::vector<DataSpan> spans = dataSpans(*target.device, *probe, *layout);
    if (spans.empty()) return skipBoth("NotSupported: the disc has no track of 2048-byte user data (streaming governs ReadFile only)");
    if (const auto refusal = streamingRefusal(*probe)) return skipBoth(*refusal);
    shared->readAhead = readAheadOf(*target.device);
    shared->map = readDiscMap(*target.device, *probe).value_or(DiscMap{});

    std::size_t count = 0;
    for (const std::uint32_t sectors : kSizes) {
        const auto length = static_cast<std::int32_t>(sectors * (kStreamingReads + 1));
        const std::optional<std::int32_t> lba = streaming::cleanStretch(spans, target.marginalSectors, length);
        if (!lba) {
            std::int32_t longest = 0;
            for (const DataSpan& span : spans) longest = std::max(longest, span.end - span.start);
            registerSkip(streamingName + "/" + std::to_string(sectors),
                         "NotSupported: no data track has " + std::to_string(length) + " sectors clear of marginal sectors (one untimed and " +
                             std::to_string(kStreamingReads) + " timed reads of " + std::to_string(sectors) + "); the longest has " +
                             std::to_string(longest));
            ++count;
            continue;
        }
        for (const bool on : {false, true}) {
            const std::string name = streamingName + "/" + modeName(on) + "/" + std::to_string(sectors);
            const std::int32_t start = *lba;
            const std::optional<std::int32_t> evictAt = evictionLba(shared->map, start, length, shared->readAhead.sectors);
            benchmark::RegisterBenchmark(name.c_str(), [shared, on, sectors, start, evictAt](benchmark::State& state) {
                runStreaming(state, shared, on, sectors, start, evictAt);
            })->UseManualTime()->Iterations(kStreamingReads)->Unit(benchmark::kMillisecond);
            ++count;
        }
    }

    if (target.marginalSectors.empty()) {
        registerSkip(marginalName, "NotSupported: no marginal sectors declared (devices.yaml bench.marginal_sectors)");
        return count + 1;
    }
    std::string why;
    const std::optional<MarginalPlan> plan =
        streaming::planMarginal(spans, target.marginalSectors, kMarginalReadSectors, kMinCleanReads, kMaxCleanReads, why);
    if (!plan) {
        registerSkip(marginalName, "NotSupported: " + why);
        return count + 1;
    }
    for (const bool on : {false, true}) {  // off first: the on variant compares with its figures
        const std::string name = marginalName + "/" + modeName(on);
        const MarginalPlan p = *plan;
        // Every sector the pass reads: the seek read to the end of the marginal reads.
        const auto end = static_cast<std::int32_t>(p.run.lba + p.marginalReads * kMarginalReadSectors);
        const std::optional<std::int32_t> evictAt =
            evictionLba(shared->map, p.seekLba, end - p.seekLba, shared->readAhead.sectors);
        benchmark::RegisterBenchmark(name.c_str(), [shared, on, p, evictAt, name](benchmark::State& state) {
            runMarginal(state, shared, on, p, evictAt, name);
        })->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        ++count;
    }
    return count;
}

}  // namespace cdcts::suites::bench
