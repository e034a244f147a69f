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
#include "suites/bench/latency_budgets.hpp"
#include "suites/bench/latency_stats.hpp"
#include "suites/raw_read_support.hpp"

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
// The index-th call (warm-up calls first): reads move to a new LBA per call.
using Call = std::function<CallResult(std::size_t index)>;

template <class T>
std::vector<std::uint8_t> bytesOf(const T& value)
{
    std::vector<std::uint8_t> bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

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
    return [handle, request = command.request, code, input = std::move(input), output, expected](std::size_t) {
        return judge(request, handle->control(code, input, *output), expected);
    };
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
    return bytesOf(in);
}
std::vector<std::uint8_t> performanceInput()
{
    return bytesOf(ioctl::CDROM_PERFORMANCE_REQUEST{ioctl::CdromPerformanceRequest, ioctl::CdromReadPerformance,
                                                    ioctl::CdromNominalPerformance, ioctl::Cdrom10Nominal20Exceptions, 0});
}
std::vector<std::uint8_t> tocExInput()
{
    ioctl::CDROM_READ_TOC_EX in{};
    in.Format = ioctl::CDROM_READ_TOC_EX_FORMAT_TOC & 0xF;
    in.Msf = 1;
    in.SessionTrack = 1;
    return bytesOf(in);
}
std::vector<std::uint8_t> qChannelInput() { return bytesOf(ioctl::CDROM_SUB_Q_DATA_FORMAT{ioctl::IOCTL_CDROM_CURRENT_POSITION, 0}); }

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
    return [&target, data](std::size_t) -> CallResult {
        const std::uint8_t cdb[10] = {static_cast<std::uint8_t>(mmc::Opcode::ReadDiscInformation), 0, 0, 0, 0, 0, 0, 0, 34, 0};
        const mmc::CommandResult r = target.execute(cdb, *data, mmc::DataDirection::In, kPassThroughTimeout);
        if (r.good()) return {};
        if (r.transport != mmc::TransportStatus::Ok)
            return {Verdict::Failed, std::string("READ DISC INFORMATION: transport ") + mmc::transportStatusName(r.transport)};
        if (r.status == mmc::ScsiStatus::CheckCondition && r.sense.valid() && r.sense.code() == mmc::sense::InvalidCommandOperationCode)
            return {Verdict::NotServed, "READ DISC INFORMATION answered " + mmc::describe(r.sense.code())};
        return {Verdict::Failed, std::string("READ DISC INFORMATION: ") + mmc::scsiStatusName(r.status) +
                                     (r.sense.valid() ? " " + mmc::describe(r.sense.code()) : std::string())};
    };
}

// A span of readable sectors [start, end) of one kind.
struct Span {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

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

// Consecutive reads through the longest span, from its start, wrapping to the start when it ends: the real-time
// stream a streaming read serves.
std::vector<std::int32_t> sequentialStarts(const std::vector<Span>& spans, std::uint32_t sectors, std::size_t count)
{
    std::vector<std::int32_t> out;
    const auto longest = std::max_element(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.end - a.start < b.end - b.start; });
    if (longest == spans.end()) return out;
    const auto n = static_cast<std::int32_t>(sectors);
    const std::int32_t runs = (longest->end - longest->start) / n;
    if (runs == 0) return out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(longest->start + static_cast<std::int32_t>(i % static_cast<std::size_t>(runs)) * n);
    return out;
}

// Reads of `sectors` at the precomputed LBAs: RAW_READ in `mode`, or ReadFile when `mode` is nullopt.
Call readCall(const std::shared_ptr<DeviceHandle>& handle, std::optional<std::int32_t> mode, std::uint32_t sectors,
              std::vector<std::int32_t> lbas)
{
    const std::size_t bytesPerSector = mode ? ioctl::rawSectorSize(*mode) : ioctl::COOKED_SECTOR_SIZE;
    auto buffer = std::make_shared<reads::PageBuffer>(sectors * bytesPerSector);
    return [handle, mode, sectors, lbas = std::move(lbas), buffer](std::size_t index) -> CallResult {
        const std::int32_t lba = lbas[index % lbas.size()];
        const ControlResult r = mode ? handle->control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), sectors, *mode), buffer->span())
                                     : handle->read(reads::offsetOf(lba), buffer->span());
        const char* what = mode ? "IOCTL_CDROM_RAW_READ" : "ReadFile";
        CallResult result = judge(what, r, status::Success);
        result.at = "LBA " + std::to_string(lba) + " (" + std::to_string(sectors) + " sectors)";
        return result;
    };
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
void runLatency(benchmark::State& state, const std::string& name, Device& device, const LatencyCommand& command, const Call& call,
                std::optional<double> budget, const std::string& label)
{
    Clock& clock = device.clock();
    std::vector<Nanoseconds> warmUp;
    for (std::size_t i = 0; i < kExemptReads; ++i) {
        const Nanoseconds start = clock.now();
        const CallResult r = call(i);
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
        const auto wallStart = std::chrono::steady_clock::now();
        const Nanoseconds start = clock.now();
        const CallResult r = call(index++);
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
    if (budget) {
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

void registerSkip(const std::string& name, const std::string& reason)
{
    benchmark::RegisterBenchmark(name.c_str(), [reason](benchmark::State& state) { state.SkipWithError(reason.c_str()); })
        ->UseManualTime()
        ->Iterations(1);
}

void registerRun(const std::string& name, Device& device, const LatencyCommand& command, Call call, std::optional<double> budget,
                 std::string label)
{
    benchmark::RegisterBenchmark(name.c_str(), [name, &device, &command, call = std::move(call), budget, label = std::move(label)](benchmark::State& state) {
        runLatency(state, name, device, command, call, budget, label);
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

// Streaming is a property of the handle (file object, ioctl-contracts.md §7.2): the benchmark enables it on a
// handle of its own and disables it again however the run ends, before the handle closes.
class StreamingHandle {
public:
    explicit StreamingHandle(Device& device) : handle_(device.open(HandleAccess::Read)) {}
    StreamingHandle(const StreamingHandle&) = delete;
    StreamingHandle& operator=(const StreamingHandle&) = delete;
    ~StreamingHandle()
    {
        if (enabled_) (void)handle_->control(ioctl::codes::CdromEnableStreaming, input(ioctl::CdromStreamingDisable), {});
    }
    ControlResult enable()
    {
        const ControlResult r = handle_->control(ioctl::codes::CdromEnableStreaming, input(ioctl::CdromStreamingEnableForReadOnly), {});
        enabled_ = r.status.isSuccess();
        return r;
    }
    [[nodiscard]] std::shared_ptr<DeviceHandle> handle() const { return handle_; }

private:
    static std::vector<std::uint8_t> input(ioctl::STREAMING_CONTROL_REQUEST_TYPE type) { return bytesOf(ioctl::CDROM_STREAMING_CONTROL{type}); }
    std::shared_ptr<DeviceHandle> handle_;
    bool enabled_ = false;
};

void registerStreaming(const std::string& name, Device& device, const LatencyCommand& command, std::vector<std::int32_t> lbas,
                       std::uint32_t sectors, std::string label)
{
    benchmark::RegisterBenchmark(name.c_str(), [name, &device, &command, lbas = std::move(lbas), sectors, label = std::move(label)](benchmark::State& state) {
        StreamingHandle streaming(device);
        const ControlResult r = streaming.enable();
        if (notServed(r.status))
            return state.SkipWithError(("NotSupported: IOCTL_CDROM_ENABLE_STREAMING answered " + std::string(ioctl::ntStatusName(r.status)) +
                                        " (the drive has no streaming read, or the driver latched 'no streaming')").c_str());
        if (!r.status.isSuccess())
            return state.SkipWithError(("IOCTL_CDROM_ENABLE_STREAMING answered " + std::string(ioctl::ntStatusName(r.status))).c_str());
        runLatency(state, name, device, command, readCall(streaming.handle(), std::nullopt, sectors, lbas), budgetMs(command.commandClass), label);
    })->UseManualTime()->Iterations(kLatencyCalls)->Unit(benchmark::kMillisecond);
}

}  // namespace

std::size_t registerLatencyBenchmarks(Device& device, const std::string& id)
{
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
            mmc::MmcTarget* target = device.passThrough();
            if (target == nullptr) registerSkip(name, "NotSupported: the device has no SCSI pass-through, and no IOCTL sends " + std::string(c.mmcCommand));
            else registerRun(name, device, c, discInformationCall(*target), budget, describe(c));
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
        std::vector<std::int32_t> lbas = streaming ? sequentialStarts(spans, sectors, calls) : randomStarts(spans, sectors, calls);
        if (lbas.empty() || sectors == 0) {
            registerSkip(name, "NotSupported: no track holds a read of " + std::to_string(sectors) + " sectors");
            continue;
        }
        const std::string label = describe(c) + "; " + std::to_string(sectors) + " sectors" +
                                  (raw ? std::string(" ") + reads::trackModeName(*plan.rawMode) : std::string()) +
                                  (streaming ? ", sequential from LBA " + std::to_string(lbas.front()) : ", random LBAs");
        if (streaming) registerStreaming(name, device, c, std::move(lbas), sectors, label);
        else registerRun(name, device, c, readCall(handle, raw ? plan.rawMode : std::nullopt, sectors, std::move(lbas)), budget, label);
    }
    return count;
}

}  // namespace cdcts::suites::bench
