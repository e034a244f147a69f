// Command latency benchmarks: the requests of latency_budgets.hpp's catalog, each timed call by call on the
// device's clock after the warm-up that covers §3's exemption, against the budget of its command class.
#include "suites/bench/latency_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"
#include "harness/mmc/msf.hpp"
#include "harness/mmc/opcode.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/streaming_rules.hpp"
#include "suites/bench/units.hpp"
#include "suites/bench/latency_budgets.hpp"
#include "suites/bench/latency_stats.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/bench/skip_registration.hpp"
#include "suites/bench/streaming_switch.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;
namespace status = ioctl::status;

// §3: "transfer length is at most one ECC block (64 KB CD/BD)": the reads move the most that fits in one.
constexpr std::uint32_t kEccBlockBytes = 65536;
constexpr const char* kBudgetCounter = "budget_ms";
constexpr const char* kWallCallCounter = "wall_us_per_call";  // steady-clock µs around one call, averaged
constexpr std::uint32_t kSeed = 0x6CD;                        // fixed: the same random LBAs on every run
constexpr Nanoseconds kPassThroughTimeout = std::chrono::seconds(10);

// What one call did, against what the benchmark expects of it.
enum class Verdict { AsExpected, NotServed, Failed };
struct CallResult {
    Verdict verdict = Verdict::AsExpected;
    std::string text;     // for NotServed and Failed
    std::string at = {};  // where the call went, when it varies ("LBA 8000"): named beside the slowest sample
};
// The index-th call (warm-up calls first): reads move to a new LBA per call. `untimed`, when set, runs before the
// index-th call outside its timing (a re-seek that is not the request being measured); it may do nothing.
using CallFn = std::function<CallResult(std::size_t index)>;
struct Call {
    CallFn timed;
    CallFn untimed = {};
};

// A status that says the device does not serve the request at all (ioctl-contracts.md §4).
bool notServed(ioctl::NtStatus s) { return s == status::InvalidDeviceRequest || s == status::NotSupported || s == status::NotImplemented; }

CallResult judge(const char* request, const ControlResult& r, ioctl::NtStatus expected)
{
    if (r.status == expected) return {};
    const std::string what = std::string(request) + " answered " + ioctl::ntStatusName(r.status);
    if (notServed(r.status)) return {Verdict::NotServed, what};
    return {Verdict::Failed, what + " where " + ioctl::ntStatusName(expected) + " is due"};
}

// An IOCTL with a fixed input and an output buffer of `outputBytes`.
Call ioctlCall(const std::shared_ptr<DeviceHandle>& handle, const LatencyCommand& command, ioctl::ControlCode code,
               std::vector<std::uint8_t> input, std::size_t outputBytes, ioctl::NtStatus expected)
{
    auto output = std::make_shared<std::vector<std::uint8_t>>(outputBytes);
    return {[handle, request = command.request, code, input = std::move(input), output, expected](std::size_t) {
        return judge(request, handle->control(code, input, *output), expected);
    }};
}

struct IoctlShape {
    const char* shortName;
    ioctl::ControlCode code;
    std::vector<std::uint8_t> (*input)();
    std::size_t outputBytes;
};

std::vector<std::uint8_t> noInput() { return {}; }
std::vector<std::uint8_t> configurationInput()
{
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    in.Feature = ioctl::FeatureProfileList;
    in.RequestType = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL;
    return speed::bytesOf(in);
}
std::vector<std::uint8_t> performanceInput()
{
    return speed::bytesOf(ioctl::CDROM_PERFORMANCE_REQUEST{ioctl::CdromPerformanceRequest, ioctl::CdromReadPerformance,
                                                    ioctl::CdromNominalPerformance, ioctl::Cdrom10Nominal20Exceptions, 0});
}
std::vector<std::uint8_t> tocExInput()
{
    ioctl::CDROM_READ_TOC_EX in{};
    in.Format = ioctl::CDROM_READ_TOC_EX_FORMAT_TOC & 0xF;
    in.Msf = 1;
    in.SessionTrack = 1;
    return speed::bytesOf(in);
}
std::vector<std::uint8_t> qChannelInput() { return speed::bytesOf(ioctl::CDROM_SUB_Q_DATA_FORMAT{ioctl::IOCTL_CDROM_CURRENT_POSITION, 0}); }

// The IOCTLs of the catalog that need no disc position: input and reply size as a caller would pass them
// (the full reply: all features, one nominal performance descriptor, the whole TOC).
const IoctlShape kIoctls[] = {
    {"CHECK_VERIFY", ioctl::codes::CdromCheckVerify, &noInput, 0},
    {"GET_DRIVE_GEOMETRY", ioctl::codes::CdromGetDriveGeometry, &noInput, sizeof(ioctl::DISK_GEOMETRY)},
    {"GET_CONFIGURATION", ioctl::codes::CdromGetConfiguration, &configurationInput, 4096},
    {"GET_PERFORMANCE", ioctl::codes::CdromGetPerformance, &performanceInput,
     sizeof(ioctl::CDROM_PERFORMANCE_HEADER) + sizeof(ioctl::CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR)},
    {"READ_TOC", ioctl::codes::CdromReadToc, &noInput, sizeof(ioctl::CDROM_TOC)},
    {"READ_TOC_EX", ioctl::codes::CdromReadTocEx, &tocExInput, sizeof(ioctl::CDROM_TOC)},
    {"GET_LAST_SESSION", ioctl::codes::CdromGetLastSession, &noInput, sizeof(ioctl::CDROM_TOC_SESSION_DATA)},
    {"READ_Q_CHANNEL", ioctl::codes::CdromReadQChannel, &qChannelInput, sizeof(ioctl::SUB_Q_CURRENT_POSITION)},
    {"GET_VOLUME", ioctl::codes::CdromGetVolume, &noInput, sizeof(ioctl::VOLUME_CONTROL)},
    {"GET_INQUIRY_DATA", ioctl::codes::CdromGetInquiryData, &noInput, ioctl::MAXIMUM_CDROM_INQUIRY_SIZE},
};

const IoctlShape* shapeOf(const LatencyCommand& command)
{
    for (const IoctlShape& s : kIoctls)
        if (std::string(s.shortName) == command.shortName) return &s;
    return nullptr;
}

// READ DISC INFORMATION through the pass-through (MMC-6 §6.22: 10-byte CDB, standard disc information, 34 bytes).
Call discInformationCall(mmc::MmcTarget& target)
{
    auto data = std::make_shared<std::vector<std::uint8_t>>(34);
    return {[&target, data](std::size_t) -> CallResult {
        const std::uint8_t cdb[10] = {static_cast<std::uint8_t>(mmc::Opcode::ReadDiscInformation), 0, 0, 0, 0, 0, 0, 0, 34, 0};
        const mmc::CommandResult r = target.execute(cdb, *data, mmc::DataDirection::In, kPassThroughTimeout);
        if (r.good()) return {};
        if (r.transport != mmc::TransportStatus::Ok)
            return {Verdict::Failed, std::string("READ DISC INFORMATION: transport ") + mmc::transportStatusName(r.transport)};
        if (r.status == mmc::ScsiStatus::CheckCondition && r.sense.valid() && r.sense.code() == mmc::sense::InvalidCommandOperationCode)
            return {Verdict::NotServed, "READ DISC INFORMATION answered " + mmc::describe(r.sense.code())};
        return {Verdict::Failed, std::string("READ DISC INFORMATION: ") + mmc::scsiStatusName(r.status) +
                                     (r.sense.valid() ? " " + mmc::describe(r.sense.code()) : std::string())};
    }};
}

// A span of readable sectors [start, end) of one kind.
struct Span {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

// `spans` without the declared marginal sectors (BenchTarget::marginalSectors): a read over them retries by design
// (the disc is declared worn), so the random reads stay clear of them and a budget warning blames only slow reads
// nobody declared. What is left of a span on either side of a run stays a span.
std::vector<Span> clearOf(const std::vector<Span>& spans, const std::vector<inventory::BenchSectorRun>& marginal)
{
    std::vector<Span> out = spans;
    for (const inventory::BenchSectorRun& run : marginal) {
        const auto first = static_cast<std::int64_t>(run.lba);
        const std::int64_t end = first + run.count;
        std::vector<Span> next;
        for (const Span& s : out) {
            if (end <= s.start || first >= s.end) {
                next.push_back(s);
                continue;
            }
            if (first > s.start) next.push_back({s.start, static_cast<std::int32_t>(first)});
            if (end < s.end) next.push_back({static_cast<std::int32_t>(end), s.end});
        }
        out = std::move(next);
    }
    return out;
}

// `count` start LBAs of `sectors`-sector reads spread at random over the spans (each span weighted by the starts
// it holds): the seeks a worst-case completion time must include. A fixed seed makes every run read the same LBAs.
// The first read (untimed) goes to the start of the first span, the one place surely readable, so that a refusal
// there means the device does not serve the request at all.
std::vector<std::int32_t> randomStarts(const std::vector<Span>& spans, std::uint32_t sectors, std::size_t count)
{
    std::vector<Span> starts;
    std::uint64_t total = 0;
    for (const Span& s : spans) {
        const std::int32_t last = s.end - static_cast<std::int32_t>(sectors);
        if (last < s.start) continue;
        starts.push_back({s.start, last + 1});
        total += static_cast<std::uint64_t>(last + 1 - s.start);
    }
    std::vector<std::int32_t> out;
    if (total == 0 || count == 0) return out;
    std::mt19937 random(kSeed);
    out.push_back(starts.front().start);
    (void)random();
    for (std::size_t i = 1; i < count; ++i) {
        std::uint64_t pick = random() % total;
        for (const Span& s : starts) {
            const auto n = static_cast<std::uint64_t>(s.end - s.start);
            if (pick < n) {
                out.push_back(s.start + static_cast<std::int32_t>(pick));
                break;
            }
            pick -= n;
        }
    }
    return out;
}

// One call of a read benchmark: the read at `lba`, after an untimed read at `reseekTo` when that is set.
struct ReadStep {
    std::int32_t lba = 0;
    std::optional<std::int32_t> reseekTo = {};
};

std::vector<ReadStep> stepsAt(const std::vector<std::int32_t>& lbas)
{
    std::vector<ReadStep> out;
    out.reserve(lbas.size());
    for (const std::int32_t lba : lbas) out.push_back({lba});
    return out;
}

// Consecutive reads through the longest span, from its start: the real-time stream a streaming read serves. When
// the span ends, the stream starts over with an untimed read at the span's start (the backward seek, which is not a
// streaming read, and the sectors the drive then reads again) and goes on timed from the read after it, so every
// timed read follows the one before it on the disc. Empty when the span holds fewer than two reads.
std::vector<ReadStep> sequentialSteps(const std::vector<Span>& spans, std::uint32_t sectors, std::size_t count)
{
    std::vector<ReadStep> out;
    const auto longest = std::max_element(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.end - a.start < b.end - b.start; });
    if (longest == spans.end()) return out;
    const auto n = static_cast<std::int32_t>(sectors);
    const std::int32_t runs = n == 0 ? 0 : (longest->end - longest->start) / n;
    if (runs < 2) return out;
    std::int32_t next = 0;  // the read of the span that comes next
    for (std::size_t i = 0; i < count; ++i) {
        if (next == runs) {
            out.push_back({longest->start + n, longest->start});
            next = 2;
            continue;
        }
        out.push_back({longest->start + next * n});
        ++next;
    }
    return out;
}

// Reads of `sectors` at the precomputed steps: RAW_READ in `mode`, or ReadFile when `mode` is nullopt.
Call readCall(const std::shared_ptr<DeviceHandle>& handle, std::optional<std::int32_t> mode, std::uint32_t sectors,
              std::vector<ReadStep> steps)
{
    const std::size_t bytesPerSector = mode ? ioctl::rawSectorSize(*mode) : ioctl::COOKED_SECTOR_SIZE;
    auto buffer = std::make_shared<reads::PageBuffer>(sectors * bytesPerSector);
    auto shared = std::make_shared<const std::vector<ReadStep>>(std::move(steps));
    auto readAt = [handle, mode, sectors, buffer](std::int32_t lba) -> CallResult {
        const ControlResult r = mode ? handle->control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), sectors, *mode), buffer->span())
                                     : handle->read(reads::offsetOf(lba), buffer->span());
        const char* what = mode ? "IOCTL_CDROM_RAW_READ" : "ReadFile";
        CallResult result = judge(what, r, status::Success);
        result.at = "LBA " + std::to_string(lba) + " (" + std::to_string(sectors) + " sectors)";
        return result;
    };
    Call call{[readAt, shared](std::size_t index) { return readAt((*shared)[index % shared->size()].lba); }};
    const bool reseeks = std::any_of(shared->begin(), shared->end(), [](const ReadStep& s) { return s.reseekTo.has_value(); });
    if (reseeks) {
        call.untimed = [readAt, shared](std::size_t index) -> CallResult {
            const ReadStep& step = (*shared)[index % shared->size()];
            if (!step.reseekTo) return {};
            CallResult r = readAt(*step.reseekTo);
            if (r.verdict != Verdict::AsExpected) r.at += ", the untimed re-seek to the start of the stream";
            return r;
        };
    }
    return call;
}

// Where the disc's sectors can be read from, found once per device (READ_TOC and one probe read per track).
struct DiscPlan {
    std::optional<std::int32_t> rawMode;
    std::vector<Span> rawSpans;
    std::string rawReason;  // when rawSpans is empty
    std::vector<Span> cookedSpans;
    std::string cookedReason = "NotSupported: the disc has no track of 2048-byte user data";  // when cookedSpans is empty
};

DiscPlan planDisc(Device& device, DeviceHandle& handle)
{
    DiscPlan plan;
    const std::optional<reads::Layout> layout = reads::readLayout(handle);
    if (!layout || layout->tracks.empty()) {
        plan.rawReason = plan.cookedReason = "NotSupported: READ_TOC lists no track";
        return plan;
    }
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device);
    for (const reads::Track& t : layout->tracks) {
        if (t.length() <= 0) continue;
        const reads::SectorKind kind = reads::probeTrackKind(handle, t, caps);
        const std::optional<std::int32_t> mode = reads::modeFor(kind, caps);
        // RAW_READ reads the tracks of the first TrackMode that reads any track of this disc.
        if (mode && (!plan.rawMode || *plan.rawMode == *mode)) {
            plan.rawMode = mode;
            plan.rawSpans.push_back({t.start, t.end});
        }
        if (!t.audio() && reads::cookedReadable(kind))
            plan.cookedSpans.push_back({t.start, t.end});
    }
    if (!plan.rawMode) plan.rawReason = "NotSupported: no TrackMode reads this disc's tracks (mode 1 data needs C2 or R-W support, which the drive lacks)";
    return plan;
}

// The timed loop every Latency benchmark runs: kExemptReads untimed calls, then one timed call per iteration.
// The budget of a run, from what it measured: a fixed one per command class, or the streaming read's tier by the
// speed the reads ran at.
using BudgetRule = std::function<std::optional<double>(const LatencySummary&)>;

BudgetRule fixedBudget(std::optional<double> budget)
{
    return [budget](const LatencySummary&) { return budget; };
}

void runLatency(benchmark::State& state, const std::string& name, Device& device, const LatencyCommand& command, const Call& call,
                const BudgetRule& budgetRule, const std::string& label)
{
    Clock& clock = device.clock();
    // The untimed step before the index-th call; a failure there ends the run like the call's own would.
    auto untimed = [&call](std::size_t index) -> CallResult { return call.untimed ? call.untimed(index) : CallResult{}; };
    std::vector<Nanoseconds> warmUp;
    for (std::size_t i = 0; i < kExemptReads; ++i) {
        if (const CallResult u = untimed(i); u.verdict != Verdict::AsExpected)
            return state.SkipWithError((u.text + (u.at.empty() ? "" : " at " + u.at)).c_str());
        const Nanoseconds start = clock.now();
        const CallResult r = call.timed(i);
        warmUp.push_back(clock.now() - start);
        // Only the first call can show that the device does not serve the request; the same status after a
        // success is a failure of that call (a read at a place the disc lacks, e.g. between two sessions).
        if (r.verdict == Verdict::NotServed && i == 0)
            return state.SkipWithError(("NotSupported: " + r.text + " (the device does not serve it)").c_str());
        if (r.verdict != Verdict::AsExpected)
            return state.SkipWithError((r.text + (r.at.empty() ? "" : " at " + r.at) + (i == 0 ? "" : " (after the first call succeeded)")).c_str());
    }
    std::vector<Nanoseconds> samples;
    samples.reserve(static_cast<std::size_t>(kLatencyCalls));
    std::chrono::steady_clock::duration wall{};
    std::size_t index = kExemptReads;
    std::string slowestAt;
    Nanoseconds slowest{-1};
    for (auto _ : state) {
        if (const CallResult u = untimed(index); u.verdict != Verdict::AsExpected) {
            state.SkipWithError((u.text + (u.at.empty() ? "" : " at " + u.at)).c_str());
            return;
        }
        const auto wallStart = std::chrono::steady_clock::now();
        const Nanoseconds start = clock.now();
        const CallResult r = call.timed(index++);
        const Nanoseconds end = clock.now();
        wall += std::chrono::steady_clock::now() - wallStart;
        if (r.verdict != Verdict::AsExpected) {
            state.SkipWithError((r.text + (r.at.empty() ? "" : " at " + r.at)).c_str());
            return;
        }
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
        if (end - start > slowest) {
            slowest = end - start;
            slowestAt = r.at;
        }
        samples.push_back(end - start);
    }
    const LatencySummary summary = summarize(samples);
    setLatencyCounters(state, summary);
    // On a virtual clock the wall time is the harness's own cost per call; on a real one it adds the system call
    // and the I/O manager to the device time (perf-anchors.md §4.2, §4.3).
    state.counters[kWallCallCounter] = benchmark::Counter(std::chrono::duration<double, std::micro>(wall).count(),
                                                          benchmark::Counter::kAvgIterations);
    std::string text = label + ", " + (clock.isReal() ? "wall" : "modeled") + " time";
    std::vector<std::string> findings;
    if (const std::optional<double> budget = budgetRule(summary)) {
        state.counters[kBudgetCounter] = benchmark::Counter(*budget);
        if (auto f = budgetFinding(summary, command, *budget)) findings.push_back(*f + (slowestAt.empty() ? "" : "; the max at " + slowestAt));
    }
    if (command.commandClass == CommandClass::Read || command.commandClass == CommandClass::StreamingRead)
        if (auto f = exemptionFinding(warmUp)) findings.push_back(std::move(*f));
    for (const std::string& f : findings) {
        reportQualityWarning(name, f);
        text += "; QualityWarning: " + f;
    }
    state.SetLabel(text);
}

void registerRun(const std::string& name, Device& device, const LatencyCommand& command, Call call, std::optional<double> budget,
                 std::string label)
{
    benchmark::RegisterBenchmark(name.c_str(), [name, &device, &command, call = std::move(call), budget, label = std::move(label)](benchmark::State& state) {
        runLatency(state, name, device, command, call, fixedBudget(budget), label);
    })->UseManualTime()->Iterations(kLatencyCalls)->Unit(benchmark::kMillisecond);
}

// "MMC command, class" for the label, with the catalog's note where it has one.
std::string describe(const LatencyCommand& command)
{
    std::string text = command.mmcCommand;
    if (text != commandClassName(command.commandClass)) text += std::string(", ") + commandClassName(command.commandClass);
    if (*command.note != '\0') text += " (" + std::string(command.note) + ")";
    return text;
}

// §3's streaming budget by the speed the stream ran at: `sectors` per call at the median time, as x_cd, through
// the tiers streaming_rules applies to StreamingMarginal (1x/2x/4x up to half way to the next: 500/350/200 ms,
// else 100 ms). The median, not the mean, so one slow read does not lower the speed and so raise its own budget.
BudgetRule streamingBudget(std::uint32_t sectors)
{
    return [sectors](const LatencySummary& summary) -> std::optional<double> {
        const double xcd = summary.p50Ms > 0 ? cdSpeedFactor(sectors / (summary.p50Ms / 1000.0)) : 0.0;
        return streaming::streamingBudgetMs(xcd);
    };
}

void registerStreaming(const std::string& name, Device& device, const LatencyCommand& command, std::vector<ReadStep> steps,
                       std::uint32_t sectors, std::string label)
{
    benchmark::RegisterBenchmark(name.c_str(), [name, &device, &command, steps = std::move(steps), sectors, label = std::move(label)](benchmark::State& state) {
        const std::shared_ptr<DeviceHandle> handle(device.open(HandleAccess::Read));
        const StreamingGuard guard(*handle);
        const ControlResult r = setStreaming(*handle, true);
        if (notServed(r.status))
            return state.SkipWithError(("NotSupported: IOCTL_CDROM_ENABLE_STREAMING answered " + std::string(ioctl::ntStatusName(r.status)) +
                                        " (the drive has no streaming read, or the driver latched 'no streaming')").c_str());
        if (!r.status.isSuccess())
            return state.SkipWithError(("IOCTL_CDROM_ENABLE_STREAMING answered " + std::string(ioctl::ntStatusName(r.status))).c_str());
        runLatency(state, name, device, command, readCall(handle, std::nullopt, sectors, steps), streamingBudget(sectors), label);
    })->UseManualTime()->Iterations(kLatencyCalls)->Unit(benchmark::kMillisecond);
}

}  // namespace

std::size_t registerLatencyBenchmarks(const BenchTarget& target)
{
    Device& device = *target.device;
    const std::string& id = target.id;
    auto handle = std::shared_ptr<DeviceHandle>(device.open(HandleAccess::Read));
    // A disc? CHECK_VERIFY (TEST UNIT READY) says; a unit attention still pending may take the first answer.
    ControlResult probe = handle->control(ioctl::codes::CdromCheckVerify, {}, {});
    if (!probe.status.isSuccess() && probe.status != status::NoMediaInDevice) probe = handle->control(ioctl::codes::CdromCheckVerify, {}, {});
    const bool noDisc = probe.status == status::NoMediaInDevice;
    const DiscPlan plan = noDisc ? DiscPlan{} : planDisc(device, *handle);
    const std::uint32_t maxBytes =
        std::min(kEccBlockBytes, device.adapter().value_or(mmc::AdapterProperties{}).maxPageAlignedTransferBytes());
    const std::size_t calls = kExemptReads + static_cast<std::size_t>(kLatencyCalls);

    std::size_t count = 0;
    for (const LatencyCommand& c : latencyCommands()) {
        const std::string name = "Latency/" + id + "/" + c.shortName;
        const std::optional<double> budget = budgetMs(c.commandClass);
        const IoctlShape* shape = shapeOf(c);
        ++count;
        if (noDisc && c.needsMedium) {
            if (!c.failedCaseNoMedium || shape == nullptr) {
                registerSkip(name, "NotSupported: no disc (IOCTL_CDROM_CHECK_VERIFY answers STATUS_NO_MEDIA_IN_DEVICE)");
                continue;
            }
            // §3's budgets hold for failed commands too, with the REQUEST SENSE (autosense here) that follows.
            registerRun(name + "/no_medium", device, c, ioctlCall(handle, c, shape->code, shape->input(), shape->outputBytes, status::NoMediaInDevice),
                        budget, describe(c) + "; failed command: no disc, STATUS_NO_MEDIA_IN_DEVICE expected");
            continue;
        }
        if (shape != nullptr) {
            registerRun(name, device, c, ioctlCall(handle, c, shape->code, shape->input(), shape->outputBytes, status::Success), budget, describe(c));
            continue;
        }
        if (c.route == Route::PassThrough) {
            mmc::MmcTarget* passThrough = device.passThrough();
            if (passThrough == nullptr) registerSkip(name, "NotSupported: the device has no SCSI pass-through, and no IOCTL sends " + std::string(c.mmcCommand));
            else registerRun(name, device, c, discInformationCall(*passThrough), budget, describe(c));
            continue;
        }
        // The reads: RAW_READ in the disc's TrackMode, ReadFile over its 2048-byte data, each as large as one ECC block.
        const bool raw = c.route == Route::Ioctl;
        if (raw && plan.rawSpans.empty()) {
            registerSkip(name, plan.rawReason);
            continue;
        }
        const std::vector<Span>& spans = raw ? plan.rawSpans : plan.cookedSpans;
        if (spans.empty()) {
            registerSkip(name, plan.cookedReason);
            continue;
        }
        const std::size_t bytesPerSector = raw ? ioctl::rawSectorSize(*plan.rawMode) : ioctl::COOKED_SECTOR_SIZE;
        const auto sectors = static_cast<std::uint32_t>(maxBytes / bytesPerSector);
        const bool streaming = c.route == Route::StreamingReadFile;
        // The stream passes the declared marginal sectors as a real-time stream would (no retries: what the
        // streaming budget is for); the random reads keep clear of them.
        const bool clearing = !streaming && !target.marginalSectors.empty();
        std::vector<ReadStep> steps = sectors == 0 ? std::vector<ReadStep>{}
                                      : streaming  ? sequentialSteps(spans, sectors, calls)
                                                   : stepsAt(randomStarts(clearing ? clearOf(spans, target.marginalSectors) : spans, sectors, calls));
        if (steps.empty()) {
            registerSkip(name, "NotSupported: no track holds " + std::string(streaming ? "two reads" : "a read") + " of " + std::to_string(sectors) +
                                   " sectors" + (clearing ? " clear of the declared marginal sectors" : ""));
            continue;
        }
        const std::string label = describe(c) + "; " + std::to_string(sectors) + " sectors" +
                                  (raw ? std::string(" ") + reads::trackModeName(*plan.rawMode) : std::string()) +
                                  (streaming ? ", sequential from LBA " + std::to_string(steps.front().lba)
                                             : std::string(", random LBAs") + (clearing ? " clear of the declared marginal sectors" : ""));
        if (streaming) registerStreaming(name, device, c, std::move(steps), sectors, label);
        else registerRun(name, device, c, readCall(handle, raw ? plan.rawMode : std::nullopt, sectors, std::move(steps)), budget, label);
    }
    return count;
}

}  // namespace cdcts::suites::bench
