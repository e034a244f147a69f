// Spin-up and speed-change benchmarks, registered per device by common speed and change role; the speeds it selects
// (reported_speeds.hpp) are probed in the first body that runs.
#include "suites/bench/spin_up_benchmarks.hpp"

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
#include "suites/bench/findings.hpp"
#include "suites/bench/reported_speeds.hpp"
#include "suites/bench/spin_up_rules.hpp"
#include "suites/bench/units.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/speed_support.hpp"
#include "suites/bench/skip_registration.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;
namespace speed = suites::speed;
using std::chrono::duration;

// Reads per phase: enough for a settled window (spin_up_rules.hpp) after a slow start, few enough that a phase at
// 1x stays a few seconds of drive time.
constexpr std::size_t kMaxReads = 12;
// Reads at the maximum speed that end at the position, for the rate reachable there.
constexpr std::size_t kReachReads = 6;
// How long a drive answering "becoming ready" (02/04/01, STATUS_DEVICE_NOT_READY) is given, and the pause between
// tries; the class driver's own START UNIT allowance is 240 s (perf-anchors.md §1.5), a drive ready in 30 s is
// already far outside any spin-up worth measuring.
constexpr auto kReadyTimeout = std::chrono::seconds(30);
constexpr auto kReadyPoll = std::chrono::milliseconds(10);

// How the family reads at its fixed position, and how it stops the spindle.
struct Plan {
    Device* device = nullptr;
    std::shared_ptr<DeviceHandle> handle;
    std::optional<std::int32_t> mode;  // a TrackMode for RAW_READ; nullopt for ReadFile (2048-byte sectors)
    std::uint32_t sectors = 0;         // per read
    std::int32_t lba = 0;              // the fixed position: the first LBA read after the spindle was stopped
    bool setStreaming = false;         // the drive has SET STREAMING, so the guard restores its defaults too
    bool passThrough = false;          // stop and start with START STOP UNIT; else IOCTL_CDROM_STOP_AUDIO
};

struct ReadOutcome {
    ControlResult result;
    Nanoseconds start{0};
    Nanoseconds end{0};
};

// One read of plan.sectors at `lba`, retried while the drive is becoming ready (the time counts: it is spin-up).
ReadOutcome readAt(const Plan& plan, std::int32_t lba)
{
    Clock& clock = plan.device->clock();
    reads::PageBuffer buffer(plan.sectors * (plan.mode ? ioctl::rawSectorSize(*plan.mode) : ioctl::COOKED_SECTOR_SIZE));
    ReadOutcome out;
    out.start = clock.now();
    for (;;) {
        out.result = plan.mode ? plan.handle->control(ioctl::codes::CdromRawRead,
                                                      reads::rawReadInfo(reads::offsetOf(lba), plan.sectors, *plan.mode), buffer.span())
                               : plan.handle->read(reads::offsetOf(lba), buffer.span());
        if (out.result.status != ioctl::status::DeviceNotReady || clock.now() - out.start > kReadyTimeout) break;
        clock.sleepFor(kReadyPoll);
    }
    out.end = clock.now();
    return out;
}

double xOf(std::uint32_t sectors, Nanoseconds took)
{
    const double seconds = duration<double>(took).count();
    return seconds > 0 ? cdSpeedFactor(sectors / seconds) : 0.0;
}

double ms(Nanoseconds t) { return duration<double, std::milli>(t).count(); }

// A run of successive reads from `lba`: per-read x, and where the throughput settled.
struct Run {
    std::vector<ReadOutcome> reads;
    std::vector<double> x;
    std::optional<std::size_t> settled;
    std::string error;

    // x over the settled window (or the last reads when none settled): total sectors over total time.
    [[nodiscard]] double windowX(std::uint32_t sectors) const
    {
        if (reads.empty()) return 0;
        const std::size_t first = settled.value_or(reads.size() - std::min(reads.size(), kSettleWindow));
        const std::size_t last = std::min(first + kSettleWindow, reads.size());
        return xOf(static_cast<std::uint32_t>(sectors * (last - first)), reads[last - 1].end - reads[first].start);
    }
};

Run readRun(const Plan& plan, std::int32_t lba, std::size_t count, bool stopWhenSettled)
{
    Run run;
    for (std::size_t i = 0; i < count; ++i) {
        const std::int32_t at = lba + static_cast<std::int32_t>(i * plan.sectors);
        ReadOutcome r = readAt(plan, at);
        if (!r.result.status.isSuccess()) {
            run.error = std::string(plan.mode ? "RAW_READ" : "ReadFile") + " at LBA " + std::to_string(at) +
                        " failed: " + ioctl::ntStatusName(r.result.status);
            return run;
        }
        run.x.push_back(xOf(plan.sectors, r.end - r.start));
        run.reads.push_back(r);
        run.settled = settledAt(run.x);
        if (stopWhenSettled && run.settled) break;
    }
    return run;
}

bool setSpeed(const Plan& plan, std::uint32_t kbps, std::string& error)
{
    const ControlResult r = plan.handle->control(ioctl::codes::CdromSetSpeed,
                                                 speed::setSpeedInput(static_cast<std::uint16_t>(kbps), speed::kMaximumSpeed), {});
    if (!r.status.isSuccess()) error = "IOCTL_CDROM_SET_SPEED " + std::to_string(kbps) + " kB/s failed: " + ioctl::ntStatusName(r.status);
    return r.status.isSuccess();
}

// START STOP UNIT through the pass-through, or the class driver's STOP_AUDIO (START STOP UNIT Start = 0, Immed = 1,
// ioctl-contracts.md §3.20) when there is none. `allowSpinDown`: after STOP_AUDIO, which returns while the disc
// still spins down, let kSpinDownAllowance pass on the device's clock (spin_up_benchmarks.hpp).
std::optional<std::string> stopSpindle(const Plan& plan, bool allowSpinDown)
{
    if (plan.passThrough) {
        const auto cdb = mmc::cdb::startStopUnit(false, false, false);
        const mmc::CommandResult r = plan.device->passThrough()->execute(cdb, {}, mmc::DataDirection::None, std::chrono::seconds(30));
        if (!r.good()) return "START STOP UNIT (Start = 0) failed: " + std::string(mmc::scsiStatusName(r.status));
        return std::nullopt;
    }
    const ControlResult r = plan.handle->control(ioctl::codes::CdromStopAudio, {}, {});
    if (!r.status.isSuccess()) return "IOCTL_CDROM_STOP_AUDIO failed: " + ioctl::ntStatusName(r.status);
    if (allowSpinDown) plan.device->clock().sleepFor(kSpinDownAllowance);
    return std::nullopt;
}

// Leaves the spindle running, as the read families found it, even when the benchmark fails: START UNIT through
// the pass-through, or one read at the position (any medium access spins a stopped disc up).
class SpindleGuard {
public:
    explicit SpindleGuard(const Plan& plan) : plan_(plan) {}
    SpindleGuard(const SpindleGuard&) = delete;
    SpindleGuard& operator=(const SpindleGuard&) = delete;
    ~SpindleGuard()
    {
        if (plan_.passThrough) {
            const auto cdb = mmc::cdb::startStopUnit(true, false, false);
            (void)plan_.device->passThrough()->execute(cdb, {}, mmc::DataDirection::None, std::chrono::seconds(30));
        } else {
            (void)readAt(plan_, plan_.lba);
        }
    }

private:
    const Plan& plan_;
};

std::string clockText(const Plan& plan) { return plan.device->clock().isReal() ? "wall time" : "modeled time"; }

void runSpinUp(benchmark::State& state, const Plan& plan, std::uint32_t requestKbps, const std::string& name)
{
    for (auto _ : state) {
        const speed::SpeedGuard speedGuard(*plan.handle, plan.setStreaming);
        const SpindleGuard spindleGuard(plan);
        std::string error;
        // The rate this position gives at the maximum speed, read up to the position (the head ends there).
        if (!setSpeed(plan, speed::kMaximumSpeed, error)) return state.SkipWithError(error.c_str());
        // The drive's rating: the speed it reports at FFFFh (0 when it reports none); reachable ÷ rated is the
        // fraction of it this position gives (spin_up_rules.hpp, the CAV line).
        const std::uint32_t ratedKbps = currentReadSpeedKbps(*plan.handle);
        const double ratedX = ratedKbps / kCd1xKbps;
        const auto reachStart = plan.lba - static_cast<std::int32_t>(kReachReads * plan.sectors);
        const Run reach = readRun(plan, reachStart, kReachReads, false);
        if (!reach.error.empty()) return state.SkipWithError(reach.error.c_str());
        const double reachableX = reach.windowX(plan.sectors);
        if (const auto stopError = stopSpindle(plan, true)) return state.SkipWithError(stopError->c_str());
        if (!setSpeed(plan, requestKbps, error)) return state.SkipWithError(error.c_str());
        const std::uint32_t reportedKbps = currentReadSpeedKbps(*plan.handle);
        const Run run = readRun(plan, plan.lba, kMaxReads, true);
        if (!run.error.empty()) return state.SkipWithError(run.error.c_str());
        const Nanoseconds start = run.reads.front().start;
        const Nanoseconds firstData = run.reads.front().end - start;
        state.SetIterationTime(duration<double>(firstData).count());
        const double achievedX = run.windowX(plan.sectors);
        // FFFFh asks for no number: the maximum is what the drive reports then, or what it reached at FFFFh.
        const double requestedX = requestKbps != speed::kMaximumSpeed ? requestKbps / kCd1xKbps
                                  : ratedKbps != 0                    ? ratedX
                                                                      : reachableX;
        state.counters["first_data_ms"] = ms(firstData);
        state.counters["steady_ms"] = run.settled ? ms(run.reads[*run.settled].end - start) : -1.0;
        state.counters[kSpeedCounter] = achievedX;
        state.counters["requested_x"] = requestedX;
        state.counters["reported_x"] = reportedKbps / kCd1xKbps;
        state.counters["reachable_x"] = reachableX;
        state.counters["rated_x"] = ratedX;
        std::string label = "LBA " + std::to_string(plan.lba) + ", " + clockText(plan);
        if (!plan.passThrough)
            label += "; spindle stopped by STOP_AUDIO, then " + std::to_string(kSpinDownAllowance.count()) + " s allowed to spin down";
        if (!run.settled) label += "; throughput did not settle in " + std::to_string(kMaxReads) + " reads (steady_ms -1)";
        const SpeedVerdict verdict = judgeSpeed(requestedX, achievedX, reachableX, ratedX);
        if (verdict != SpeedVerdict::Honoured) {
            std::string text = speedWarning(verdict, requestedX, achievedX, reachableX, ratedX);
            label += "; " + text;
            reportQualityWarning(name, std::move(text));
        }
        state.SetLabel(label);
    }
}

void runSpeedChange(benchmark::State& state, const Plan& plan, std::uint32_t fromKbps, std::uint32_t toKbps, const std::string& what)
{
    for (auto _ : state) {
        const speed::SpeedGuard speedGuard(*plan.handle, plan.setStreaming);
        std::string error;
        if (!setSpeed(plan, fromKbps, error)) return state.SkipWithError(error.c_str());
        const Run before = readRun(plan, plan.lba, kReachReads, false);
        if (!before.error.empty()) return state.SkipWithError(before.error.c_str());
        const Nanoseconds start = plan.device->clock().now();
        if (!setSpeed(plan, toKbps, error)) return state.SkipWithError(error.c_str());
        const auto next = plan.lba + static_cast<std::int32_t>(kReachReads * plan.sectors);
        const Run after = readRun(plan, next, kMaxReads, true);
        if (!after.error.empty()) return state.SkipWithError(after.error.c_str());
        // The first read at the new rate is the first of the settled window; its end is when the change is done.
        const Nanoseconds done = after.settled ? after.reads[*after.settled].end : after.reads.back().end;
        state.SetIterationTime(duration<double>(done - start).count());
        state.counters["change_ms"] = after.settled ? ms(done - start) : -1.0;
        state.counters[kSpeedCounter] = after.windowX(plan.sectors);
        state.counters["x_cd_before"] = before.windowX(plan.sectors);
        state.SetLabel(what + ", LBA " + std::to_string(next) + ", " + clockText(plan) +
                       (after.settled ? "" : "; throughput did not settle in " + std::to_string(kMaxReads) + " reads (change_ms -1)"));
    }
}

// A device's plan and, once the first of its benchmarks has run, the speeds it selects.
struct Family {
    Plan plan;
    bool probed = false;
    std::string skip;                     // "NotSupported: ..." for every benchmark of the device
    std::vector<std::uint32_t> requests;  // slowest first; FFFFh (max) last when the maximum is no selected speed
};

constexpr const char* kChangeRoles[] = {"fastest-slowest", "slowest-fastest", "fastest-middle", "middle-fastest"};

std::string nameOf(std::uint32_t kbps) { return kbps == speed::kMaximumSpeed ? std::string("max") : speedName(kbps); }

// Probes once, in the first SpinUp/SpeedChange body that runs, so a --filter that excludes both families leaves
// the drive's speed and spindle alone. Returns the device-wide skip reason, empty when the benchmarks can run.
const std::string& probed(Family& family)
{
    if (family.probed) return family.skip;
    family.probed = true;
    const Plan& plan = family.plan;
    if (!plan.passThrough) {
        // Without a pass-through the class driver's STOP_AUDIO is the one IOCTL that stops the spindle; a driver
        // that refuses it leaves no way.
        if (const auto stopError = stopSpindle(plan, false)) {
            family.skip = "NotSupported: no way to stop the spindle through the IOCTLs (" + *stopError + ")";
            return family.skip;
        }
        (void)readAt(plan, plan.lba);
    }
    const ReportedSpeeds speeds = probeReportedSpeeds(*plan.handle, plan.setStreaming);
    if (!speeds.missing.empty()) {
        family.skip = speeds.missing;
        return family.skip;
    }
    // Every selectable speed, and the maximum (FFFFh) when it reports a speed none of them selects.
    std::vector<std::uint32_t>& requests = family.requests;
    requests = speeds.kbps;
    if (std::find(requests.begin(), requests.end(), speeds.maximumKbps) == requests.end()) requests.push_back(speed::kMaximumSpeed);
    if (speeds.unchanged && std::find(requests.begin(), requests.end(), kSlowestRequestKbps) == requests.end())
        requests.insert(requests.begin(), kSlowestRequestKbps);
    return family.skip;
}

// The request a SpinUp named `speedPart` ("16x", "max") makes: the selected speed of that name, FFFFh for "max"
// when the maximum is no selected speed; nullopt when there is none.
std::optional<std::uint32_t> requestNamed(const Family& family, const std::string& speedPart)
{
    for (const std::uint32_t kbps : family.requests)
        if (nameOf(kbps) == speedPart) return kbps;
    return std::nullopt;
}

std::string selectedText(const Family& family)
{
    std::string text;
    for (const std::uint32_t kbps : family.requests) text += (text.empty() ? "" : " ") + nameOf(kbps);
    return text;
}

// The fixed position: the middle of the disc's longest track, read as that track's sectors read (CDDA for audio,
// the raw mode of a mode 2 track, ReadFile otherwise). nullopt when no track holds the reads of both families.
std::optional<Plan> planFor(Device& device, const std::shared_ptr<DeviceHandle>& handle, std::string& why)
{
    const std::optional<reads::Layout> layout = reads::readLayout(*handle);
    if (!layout || layout->tracks.empty()) {
        why = "NotSupported: no disc (READ_TOC has no track)";
        return std::nullopt;
    }
    const auto longest = std::max_element(layout->tracks.begin(), layout->tracks.end(),
                                          [](const reads::Track& a, const reads::Track& b) { return a.length() < b.length(); });
    Plan plan;
    plan.device = &device;
    plan.handle = handle;
    plan.passThrough = device.passThrough() != nullptr;
    plan.setStreaming = speed::capabilities(*handle).rtsPresent;
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device);
    const reads::SectorKind kind = reads::probeTrackKind(*handle, *longest, caps);
    if (!reads::cookedReadable(kind)) {
        plan.mode = reads::modeFor(kind, caps);
        if (!plan.mode) {
            why = std::string("NotSupported: the disc's longest track holds ") + reads::sectorKindName(kind) + " sectors, which no TrackMode of this drive reads";
            return std::nullopt;
        }
    }
    // 64 KiB or the adapter's page-aligned maximum, whichever is smaller: a throughput-sized read.
    const std::uint32_t maxBytes = std::min<std::uint32_t>(64 * 1024, device.adapter().value_or(mmc::AdapterProperties{}).maxPageAlignedTransferBytes());
    plan.sectors = std::max<std::uint32_t>(1, maxBytes / static_cast<std::uint32_t>(plan.mode ? ioctl::rawSectorSize(*plan.mode) : ioctl::COOKED_SECTOR_SIZE));
    const auto before = static_cast<std::int32_t>(kReachReads * plan.sectors);
    const auto after = static_cast<std::int32_t>((kReachReads + kMaxReads) * plan.sectors);
    if (longest->length() < before + after) {
        why = "NotSupported: the disc's longest track is shorter than the " + std::to_string(before + after) + " sectors the reads need";
        return std::nullopt;
    }
    plan.lba = std::clamp(longest->start + longest->length() / 2, longest->start + before, longest->end - after);
    return plan;
}

}  // namespace

std::size_t registerSpinUpBenchmarks(Device& device, const std::string& id)
{
    const std::shared_ptr<DeviceHandle> handle(device.open(HandleAccess::Read));
    std::string why;
    const std::optional<Plan> found = planFor(device, handle, why);
    if (!found) {
        registerSkip("SpinUp/" + id, why);
        registerSkip("SpeedChange/" + id, why);
        return 2;
    }
    const auto family = std::make_shared<Family>();
    family->plan = *found;
    std::size_t count = 0;
    // One SpinUp per common speed and the maximum: the names cannot wait for the probe, which runs in the first body.
    std::vector<std::string> speedNames;
    for (const std::uint32_t x : kCommonSpeedsX) speedNames.push_back(std::to_string(x) + "x");
    speedNames.emplace_back("max");
    for (const std::string& speedPart : speedNames) {
        const std::string name = "SpinUp/" + id + "/" + speedPart;
        benchmark::RegisterBenchmark(name.c_str(), [family, speedPart, name](benchmark::State& state) {
            const std::string skip = probed(*family);
            if (!skip.empty()) return state.SkipWithError(skip.c_str());
            const std::optional<std::uint32_t> kbps = requestNamed(*family, speedPart);
            if (!kbps) {
                const std::string reason = speedPart == "max"
                                               ? "NotSupported: the drive's maximum is one of the speeds it selects (" + selectedText(*family) + "), measured under that name"
                                               : "NotSupported: the drive does not select " + speedPart + " (it selects " + selectedText(*family) + ")";
                return state.SkipWithError(reason.c_str());
            }
            runSpinUp(state, family->plan, *kbps, name);
        })->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        ++count;
    }
    // Changes between the extremes and the middle of the selected speeds, both ways, named by role (the speeds are
    // in the label).
    for (std::size_t role = 0; role < std::size(kChangeRoles); ++role) {
        const std::string name = "SpeedChange/" + id + "/" + kChangeRoles[role];
        benchmark::RegisterBenchmark(name.c_str(), [family, role](benchmark::State& state) {
            const std::string skip = probed(*family);
            if (!skip.empty()) return state.SkipWithError(skip.c_str());
            const std::vector<std::uint32_t>& r = family->requests;
            const std::uint32_t fastest = r.back(), slowest = r.front(), middle = r[r.size() / 2];
            const std::pair<std::uint32_t, std::uint32_t> changes[] = {{fastest, slowest}, {slowest, fastest}, {fastest, middle}, {middle, fastest}};
            const auto [from, to] = changes[role];
            if (from == to) {
                const std::string reason = "NotSupported: no second speed for this change (the drive selects " + selectedText(*family) + ")";
                return state.SkipWithError(reason.c_str());
            }
            runSpeedChange(state, family->plan, from, to, nameOf(from) + " to " + nameOf(to));
        })->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        ++count;
    }
    return count;
}

}  // namespace cdcts::suites::bench
