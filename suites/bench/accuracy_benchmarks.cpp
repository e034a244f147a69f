// The accuracy check of the method: real-clock twin against virtual-clock twin, same commands, same device spec.
#include "suites/bench/accuracy_benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "harness/inventory/open_device.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/cdb.hpp"
#include "suites/bench/accuracy_check.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/bench/skip_registration.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;

// What every repetition reads: `sectors` per command from `lba` on, by RAW_READ in `mode` or by ReadFile.
struct ReadPlan {
    std::int32_t lba = 0;
    std::uint32_t sectors = 0;
    std::optional<std::int32_t> mode;  // nullopt: ReadFile (cooked)

    [[nodiscard]] std::size_t bufferBytes() const { return sectors * (mode ? ioctl::rawSectorSize(*mode) : ioctl::COOKED_SECTOR_SIZE); }
    [[nodiscard]] std::string describe() const
    {
        return std::to_string(sectors) + "-sector " + (mode ? std::string("RAW_READ ") + reads::trackModeName(*mode) : std::string("ReadFile"));
    }
};

// One sequence on one twin: each timed command's time in ms on that twin's clock, or why it could not run.
struct Timed {
    std::vector<double> ms;
    std::string error;
};

double toMs(Nanoseconds t) { return std::chrono::duration<double, std::milli>(t).count(); }

ControlResult readOnce(DeviceHandle& handle, const ReadPlan& plan, std::int32_t lba, std::span<std::uint8_t> buffer)
{
    if (plan.mode)
        return handle.control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), plan.sectors, *plan.mode), buffer);
    return handle.read(reads::offsetOf(lba), buffer);
}

std::string readFailed(const ReadPlan& plan, std::int32_t lba, ioctl::NtStatus status)
{
    return plan.describe() + " at LBA " + std::to_string(lba) + " failed: " + ioctl::ntStatusName(status);
}

// Throughput, read_benchmarks' method: one untimed read at the start (the seek is access time, not throughput),
// then kAccuracyReads sequential reads, each timed on the device's clock around the one call.
Timed throughputSequence(Device& device, DeviceHandle& handle, const ReadPlan& plan, std::span<std::uint8_t> buffer)
{
    const ControlResult first = readOnce(handle, plan, plan.lba, buffer);
    if (!first.status.isSuccess()) return {{}, readFailed(plan, plan.lba, first.status)};
    Clock& clock = device.clock();
    Timed timed;
    for (int i = 1; i <= kAccuracyReads; ++i) {
        const std::int32_t lba = plan.lba + i * static_cast<std::int32_t>(plan.sectors);
        const Nanoseconds start = clock.now();
        const ControlResult r = readOnce(handle, plan, lba, buffer);
        const Nanoseconds end = clock.now();
        if (!r.status.isSuccess()) return {{}, readFailed(plan, lba, r.status)};
        timed.ms.push_back(toMs(end - start));
    }
    return timed;
}

// Spin-up as time to first data: one untimed read puts the head at the next sector with the disc at speed, START
// STOP UNIT (Start = 0) through the pass-through stops the spindle, and the next sequential read is timed: it
// waits for the spin-up, with no seek in it. The twin is left at speed by that read.
Timed spinUpSequence(Device& device, DeviceHandle& handle, const ReadPlan& plan, std::span<std::uint8_t> buffer)
{
    const ControlResult first = readOnce(handle, plan, plan.lba, buffer);
    if (!first.status.isSuccess()) return {{}, readFailed(plan, plan.lba, first.status)};
    mmc::MmcTarget* target = device.passThrough();
    if (target == nullptr) return {{}, "NotSupported: no pass-through to stop the spindle with START STOP UNIT"};
    const auto stop = mmc::cdb::startStopUnit(false, false);
    const mmc::CommandResult stopped = target->execute(stop, {}, mmc::DataDirection::None, std::chrono::seconds(30));
    if (!stopped.good()) return {{}, "START STOP UNIT (Start = 0) through the pass-through failed"};
    Clock& clock = device.clock();
    const std::int32_t lba = plan.lba + static_cast<std::int32_t>(plan.sectors);
    const Nanoseconds start = clock.now();
    const ControlResult r = readOnce(handle, plan, lba, buffer);
    const Nanoseconds took = clock.now() - start;
    if (!r.status.isSuccess()) return {{}, readFailed(plan, lba, r.status)};
    return {{toMs(took)}, {}};
}

using Sequence = Timed (*)(Device&, DeviceHandle&, const ReadPlan&, std::span<std::uint8_t>);

// A twin of the device: the same profile, medium and sector faults on the given clock. Command faults and timed
// events are left out: they fire by command count and clock instant, which the twins need not share, and they
// test error paths, not the timing model.
std::unique_ptr<Device> openTwin(inventory::DeviceSpec spec, inventory::EmulatedClock clock)
{
    spec.emulated.clock = clock;
    spec.emulated.faults.commands.clear();
    spec.emulated.faults.events.clear();
    return inventory::openDevice(spec);
}

void runAccuracy(benchmark::State& state, const inventory::DeviceSpec& spec, const ReadPlan& plan, Sequence sequence,
                 int repetitions, const std::string& what)
{
    std::unique_ptr<Device> real;
    std::unique_ptr<Device> modeled;
    std::unique_ptr<DeviceHandle> realHandle;
    std::unique_ptr<DeviceHandle> modeledHandle;
    try {
        real = openTwin(spec, inventory::EmulatedClock::Real);
        modeled = openTwin(spec, inventory::EmulatedClock::Virtual);
        realHandle = real->open(HandleAccess::Read);
        modeledHandle = modeled->open(HandleAccess::Read);
    } catch (const DeviceError& e) {
        state.SkipWithError((std::string("cannot open the twins: ") + e.what()).c_str());
        return;
    }
    if (!real->clock().isReal() || modeled->clock().isReal()) {
        state.SkipWithError("the twins are not on a real and a virtual clock");
        return;
    }
    reads::PageBuffer buffer(plan.bufferBytes());
    std::vector<AccuracyRepetition> samples;
    for (auto _ : state) {
        for (int rep = 0; rep < repetitions; ++rep) {
            const Timed m = sequence(*modeled, *modeledHandle, plan, buffer.span());
            if (!m.error.empty()) {
                state.SkipWithError((m.error.starts_with("NotSupported:") ? m.error : "virtual-clock twin: " + m.error).c_str());
                return;
            }
            const Timed r = sequence(*real, *realHandle, plan, buffer.span());
            if (!r.error.empty()) {
                state.SkipWithError(("real-clock twin: " + r.error).c_str());
                return;
            }
            samples.push_back({r.ms, m.ms});
        }
        state.SetIterationTime(compareRepetitions(samples).measuredMs / 1000.0);
    }
    const AccuracyComparison c = compareRepetitions(samples);
    state.counters[kMeasuredMsCounter] = c.measuredMs;
    state.counters[kModeledMsCounter] = c.modeledMs;
    state.counters[kErrorPctCounter] = c.errorPct;
    state.counters[kErrorPctMinCounter] = c.repetitionErrorPctMin;
    state.counters[kErrorPctMaxCounter] = c.repetitionErrorPctMax;
    state.SetLabel(what + ", LBA " + std::to_string(plan.lba) + "; wall time on a real-clock twin vs modeled time on a " +
                   "virtual-clock twin, each command's median of " + std::to_string(c.repetitions) + " repetitions");
    if (!c.holds()) {
        char text[220];
        std::snprintf(text, sizeof text, "measured %.3f ms against modeled %.3f ms: error %+.2f%% (single repetitions %+.2f%% to %+.2f%%) exceeds %.0f%%",
                      c.measuredMs, c.modeledMs, c.errorPct, c.repetitionErrorPctMin, c.repetitionErrorPctMax, kAccuracyTolerancePct);
        state.SkipWithError(text);
    }
}

// Which checks this run has registered already: throughput once per drive profile, spin-up once.
struct Coverage {
    std::set<std::string> throughputProfiles;
    bool spinUp = false;
};

Coverage& coverage()
{
    static Coverage c;
    return c;
}

// The first track that holds the timed reads plus the untimed one: ReadFile on a data track, RAW_READ CDDA on an
// audio track, of the largest transfer up to kAccuracyTransferBytes the adapter takes; nullopt when no track is long
// enough.
std::optional<ReadPlan> planFor(const reads::Layout& layout, std::uint32_t adapterMaxBytes)
{
    const std::uint32_t maxTransferBytes = std::min(adapterMaxBytes, kAccuracyTransferBytes);
    for (const reads::Track& t : layout.tracks) {
        ReadPlan plan;
        plan.lba = t.start;
        if (t.audio()) plan.mode = ioctl::CDDA;
        plan.sectors = static_cast<std::uint32_t>(maxTransferBytes / (plan.mode ? ioctl::rawSectorSize(*plan.mode) : ioctl::COOKED_SECTOR_SIZE));
        if (plan.sectors == 0) continue;
        if (t.length() >= static_cast<std::int64_t>(plan.sectors) * (kAccuracyReads + 1)) return plan;
    }
    return std::nullopt;
}

}  // namespace

std::size_t registerAccuracyBenchmarks(const BenchTarget& target, const inventory::DeviceSpec& spec)
{
    const std::string base = "Accuracy/" + target.id;
    if (spec.backend != inventory::Backend::Emulated) {
        registerSkip(base, "NotSupported: a real drive has no timing model to compare with (the check runs on emulated drives)");
        return 1;
    }
    if (spec.emulated.clock == inventory::EmulatedClock::Real) {
        registerSkip(base, "NotSupported: emulated.clock is real, so this device's benchmarks already measure wall time; "
                           "the check opens its own real-clock twin of a device on the virtual clock");
        return 1;
    }
    const std::unique_ptr<DeviceHandle> handle = target.device->open(HandleAccess::Read);
    const std::optional<reads::Layout> layout = reads::readLayout(*handle);
    if (!layout || layout->tracks.empty()) {
        registerSkip(base, "NotSupported: no disc (READ_TOC has no track)");
        return 1;
    }
    const std::uint32_t maxTransfer = target.device->adapter().value_or(mmc::AdapterProperties{}).maxPageAlignedTransferBytes();
    const std::optional<ReadPlan> plan = planFor(*layout, maxTransfer);
    if (!plan) {
        registerSkip(base, "NotSupported: no track holds " + std::to_string(kAccuracyReads + 1) + " reads of the largest transfer");
        return 1;
    }

    Coverage& covered = coverage();
    std::size_t count = 0;
    if (covered.throughputProfiles.insert(spec.emulated.profile).second) {
        const std::string what = std::to_string(kAccuracyReads) + " sequential " + plan->describe() + " reads";
        benchmark::RegisterBenchmark((base + "/throughput").c_str(), [spec, p = *plan, what](benchmark::State& state) {
            runAccuracy(state, spec, p, throughputSequence, kAccuracyThroughputRepetitions, what);
        })->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        ++count;
    }
    if (!covered.spinUp) {
        covered.spinUp = true;
        const std::string what = "START STOP UNIT stop, then one " + plan->describe() + " read (time to first data)";
        benchmark::RegisterBenchmark((base + "/spin_up").c_str(), [spec, p = *plan, what](benchmark::State& state) {
            runAccuracy(state, spec, p, spinUpSequence, kAccuracySpinUpRepetitions, what);
        })->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        ++count;
    }
    return count;
}

}  // namespace cdcts::suites::bench
