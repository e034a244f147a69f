// The SpinUp and SpeedChange families on an emulated writer (dvdrw_writer, P-CAV 48x, 2.5 s spin-up): they run,
// their figures follow the profile, and the drive is left as found (same state snapshot, spindle started again).
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "harness/inventory/open_device.hpp"
#include "harness/inventory/loader.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/spin_up_benchmarks.hpp"

namespace {
using namespace cdcts;

const std::string kWriter = "devices:\n"
                            "  - id: spin_writer\n"
                            "    backend: emulated\n"
                            "    emulated:\n"
                            "      profile: dvdrw_writer\n"
                            "      medium: synthetic:mixed\n";

class CapturingReporter final : public benchmark::BenchmarkReporter {
public:
    bool ReportContext(const Context&) override { return true; }
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs) {
            std::map<std::string, double>& c = counters[r.benchmark_name()];
            for (const auto& [name, counter] : r.counters) c[name] = counter.value;
            labels[r.benchmark_name()] = r.report_label;
            if (r.error_occurred) errors.push_back(r.benchmark_name() + ": " + r.error_message);
        }
    }
    std::map<std::string, std::map<std::string, double>> counters;
    std::map<std::string, std::string> labels;
    std::vector<std::string> errors;
};

TEST(SpinUpBenchmarks, RunOnAnEmulatedWriterAndLeaveItAsFound)
{
    const inventory::Inventory inventory = inventory::parseInventory(kWriter, "devices.yaml", inventory::emulatorVocabulary());
    const std::unique_ptr<Device> device = inventory::openDevice(inventory.devices.at(0));
    suites::bench::clearQualityWarnings();
    const StateSnapshot before = device->stateSnapshot();
    // One SpinUp per common speed (1x to 56x) and max, and four SpeedChanges: the names do not wait for the probe.
    EXPECT_EQ(suites::bench::registerSpinUpBenchmarks(*device, "spin_writer"), 19u);
    EXPECT_EQ(device->stateSnapshot(), before) << "registration leaves the drive alone";
    device->clearCommandTrace();
    CapturingReporter reporter;
    EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^(SpinUp|SpeedChange)/spin_writer/"), 19u);
    // It selects 1x 2x 4x 8x 16x 24x 32x 40x 48x (the profile's read speeds as GET_PERFORMANCE reports them back);
    // 10x 12x 20x 52x 56x are no speed it selects, and its maximum is 48x.
    const std::vector<std::string> skipped = {"10x", "12x", "20x", "52x", "56x", "max"};
    ASSERT_EQ(reporter.errors.size(), skipped.size());
    for (std::size_t i = 0; i < skipped.size(); ++i)
        EXPECT_EQ(reporter.errors[i].rfind("SpinUp/spin_writer/" + skipped[i] + "/iterations:1/manual_time: NotSupported: ", 0), 0u) << reporter.errors[i];
    EXPECT_NE(reporter.errors[0].find("(it selects 1x 2x 4x 8x 16x 24x 32x 40x 48x)"), std::string::npos) << reporter.errors[0];
    EXPECT_EQ(device->stateSnapshot(), before);
    EXPECT_TRUE(suites::bench::qualityWarnings().empty());
    // The spindle runs again: the last START STOP UNIT the drive received was a start.
    const auto trace = device->commandTrace();
    ASSERT_TRUE(trace.has_value());
    std::vector<std::uint8_t> lastStartStop;
    for (const DriveCommand& c : *trace)
        if (!c.cdb.empty() && c.cdb[0] == 0x1B) lastStartStop = c.cdb;
    ASSERT_EQ(lastStartStop.size(), 6u);
    EXPECT_EQ(lastStartStop[4] & 0x03, 0x01) << "Start = 1, LoEj = 0";

    // 48x from a stopped spindle: 2.5 s of spin-up, then 32 cooked sectors at the P-CAV rate of the position
    // (about 21.4x, 20 ms), so the first data comes 2.52 s after the read started and the next read is steady.
    const auto& fast = reporter.counters.at("SpinUp/spin_writer/48x/iterations:1/manual_time");
    EXPECT_GT(fast.at("first_data_ms"), 2500.0);
    EXPECT_LT(fast.at("first_data_ms"), 2530.0);
    EXPECT_NEAR(fast.at("x_cd"), fast.at("reachable_x"), 0.01 * fast.at("reachable_x"));
    EXPECT_NEAR(fast.at("requested_x"), 48.0, 0.01);
    // 1x: the read itself takes 32 / 75 s = 427 ms.
    const auto& slow = reporter.counters.at("SpinUp/spin_writer/1x/iterations:1/manual_time");
    EXPECT_NEAR(slow.at("first_data_ms"), 2500.0 + 426.7, 1.0);
    EXPECT_NEAR(slow.at("x_cd"), 1.0, 0.01);
    const auto& down = reporter.counters.at("SpeedChange/spin_writer/fastest-slowest/iterations:1/manual_time");
    EXPECT_EQ(reporter.labels.at("SpeedChange/spin_writer/fastest-slowest/iterations:1/manual_time").rfind("48x to 1x, LBA ", 0), 0u);
    EXPECT_NEAR(down.at("x_cd"), 1.0, 0.01);
    EXPECT_NEAR(down.at("x_cd_before"), fast.at("reachable_x"), 0.02 * fast.at("reachable_x"));
}

// Seeded defect set_speed_not_sent: the class driver reports success for SET_SPEED without sending SET CD SPEED, so
// the drive reports its maximum after every request and keeps it. The family then asks for 1x as well and warns.
TEST(SpinUpBenchmarks, ADriveThatKeepsItsSpeedWhateverIsAskedGetsAQualityWarning)
{
    const inventory::Inventory inventory = inventory::parseInventory(kWriter + "      defects: [set_speed_not_sent]\n", "devices.yaml",
                                                                     inventory::emulatorVocabulary());
    const std::unique_ptr<Device> device = inventory::openDevice(inventory.devices.at(0));
    suites::bench::clearQualityWarnings();
    // It selects 48x only (and 1x is asked for too): SpinUp 1x and 48x, SpeedChange 48x to 1x and back; the rest skip.
    EXPECT_EQ(suites::bench::registerSpinUpBenchmarks(*device, "spin_defect"), 19u);
    CapturingReporter reporter;
    EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^(SpinUp|SpeedChange)/spin_defect/"), 19u);
    EXPECT_EQ(reporter.errors.size(), 15u);
    for (const std::string& e : reporter.errors) EXPECT_NE(e.find(": NotSupported: "), std::string::npos) << e;
    EXPECT_EQ(reporter.counters.count("SpinUp/spin_defect/1x/iterations:1/manual_time"), 1u);
    EXPECT_EQ(reporter.counters.count("SpinUp/spin_defect/48x/iterations:1/manual_time"), 1u);
    const auto warnings = suites::bench::qualityWarnings();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].benchmark, "SpinUp/spin_defect/1x");
    EXPECT_NE(warnings[0].text.find("ignored SET_SPEED: achieved 21.40x with 1.00x requested"), std::string::npos) << warnings[0].text;
}

// The device's clock, noting every sleep the family makes on it.
class RecordingClock final : public Clock {
public:
    explicit RecordingClock(Clock& inner) : inner_(inner) {}
    [[nodiscard]] Nanoseconds now() const override { return inner_.now(); }
    void sleepFor(Nanoseconds duration) override
    {
        sleeps.push_back(duration);
        inner_.sleepFor(duration);
    }
    [[nodiscard]] bool isReal() const override { return inner_.isReal(); }
    std::vector<Nanoseconds> sleeps;

private:
    Clock& inner_;
};

// A device that offers no pass-through (a class driver whose port refuses SCSI pass-through): the family stops the
// spindle with IOCTL_CDROM_STOP_AUDIO and starts it again with a read.
class WithoutPassThrough final : public Device {
public:
    explicit WithoutPassThrough(std::unique_ptr<Device> inner) : inner_(std::move(inner)), clock_(inner_->clock()) {}
    [[nodiscard]] const DeviceIdentity& identity() const override { return inner_->identity(); }
    Clock& clock() override { return clock_; }
    [[nodiscard]] const RecordingClock& recordingClock() const { return clock_; }
    std::unique_ptr<DeviceHandle> open(HandleAccess access) override { return inner_->open(access); }
    [[nodiscard]] std::optional<mmc::AdapterProperties> adapter() const override { return inner_->adapter(); }
    [[nodiscard]] StateSnapshot stateSnapshot() override { return inner_->stateSnapshot(); }
    [[nodiscard]] std::optional<std::vector<DriveCommand>> commandTrace() override { return inner_->commandTrace(); }
    void clearCommandTrace() override { inner_->clearCommandTrace(); }

private:
    std::unique_ptr<Device> inner_;
    RecordingClock clock_;
};

TEST(SpinUpBenchmarks, WithoutAPassThroughStopTheSpindleWithStopAudio)
{
    const inventory::Inventory inventory = inventory::parseInventory(kWriter, "devices.yaml", inventory::emulatorVocabulary());
    WithoutPassThrough device(inventory::openDevice(inventory.devices.at(0)));
    suites::bench::clearQualityWarnings();
    const StateSnapshot before = device.stateSnapshot();
    EXPECT_EQ(suites::bench::registerSpinUpBenchmarks(device, "spin_nopt"), 19u);
    device.clearCommandTrace();
    CapturingReporter reporter;
    EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^SpinUp/spin_nopt/48x/"), 1u);
    EXPECT_TRUE(reporter.errors.empty()) << reporter.errors.front();
    EXPECT_EQ(device.stateSnapshot(), before);
    // STOP_AUDIO's START STOP UNIT (Immed = 1, Start = 0) twice (the probe's check that the driver sends it, then
    // the benchmark's), and no START UNIT: reads spin the disc up, the spindle guard's last of all (only the speed
    // guard's SET CD SPEED / SET STREAMING follow it).
    const auto trace = device.commandTrace();
    ASSERT_TRUE(trace.has_value());
    std::size_t stops = 0;
    std::optional<std::uint8_t> lastMediumCommand;
    for (const DriveCommand& c : *trace) {
        if (c.cdb.empty()) continue;
        if (c.cdb[0] == 0x1B) {
            EXPECT_EQ(c.cdb[1], 0x01);
            EXPECT_EQ(c.cdb[4], 0x00);
            ++stops;
        }
        if (c.cdb[0] == 0x1B || c.cdb[0] == 0x28) lastMediumCommand = c.cdb[0];
    }
    EXPECT_EQ(stops, 2u);
    EXPECT_EQ(lastMediumCommand, std::optional<std::uint8_t>(0x28)) << "READ(10) after the stop: the spindle guard's read";
    const auto& fast = reporter.counters.at("SpinUp/spin_nopt/48x/iterations:1/manual_time");
    EXPECT_GT(fast.at("first_data_ms"), 2500.0) << "the spin-up is in the first read";
    EXPECT_LT(fast.at("first_data_ms"), 2530.0);
    // STOP_AUDIO returns before the disc has stopped (Immed = 1): the family waits the spin-down allowance on the
    // device's clock before SET_SPEED and the first read, and says so.
    EXPECT_EQ(std::count(device.recordingClock().sleeps.begin(), device.recordingClock().sleeps.end(), Nanoseconds(suites::bench::kSpinDownAllowance)), 1)
        << "after the benchmark's stop (the probe's is followed by a read at once)";
    EXPECT_NE(reporter.labels.at("SpinUp/spin_nopt/48x/iterations:1/manual_time")
                  .find("spindle stopped by STOP_AUDIO, then 5 s allowed to spin down"),
              std::string::npos);
}

// A --filter that selects neither family leaves the drive alone: registration sends no SET CD SPEED and no START
// STOP UNIT; the speed probe runs in the first SpinUp/SpeedChange body instead.
TEST(SpinUpBenchmarks, AFilterThatExcludesBothFamiliesLeavesTheSpeedAndSpindleAlone)
{
    const inventory::Inventory inventory = inventory::parseInventory(kWriter, "devices.yaml", inventory::emulatorVocabulary());
    const std::unique_ptr<Device> device = inventory::openDevice(inventory.devices.at(0));
    const auto changesSpeedOrSpindle = [&device] {
        const auto trace = device->commandTrace();
        std::size_t n = 0;
        for (const DriveCommand& c : trace.value_or(std::vector<DriveCommand>{}))
            if (!c.cdb.empty() && (c.cdb[0] == 0xBB || c.cdb[0] == 0xB6 || c.cdb[0] == 0x1B)) ++n;  // SET CD SPEED, SET STREAMING, START STOP UNIT
        return n;
    };
    device->clearCommandTrace();
    EXPECT_EQ(suites::bench::registerSpinUpBenchmarks(*device, "spin_filtered"), 19u);
    CapturingReporter reporter;
    EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^RawRead/spin_filtered/"), 0u);
    EXPECT_EQ(changesSpeedOrSpindle(), 0u);
    EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^SpinUp/spin_filtered/16x/"), 1u);
    EXPECT_TRUE(reporter.errors.empty()) << reporter.errors.front();
    EXPECT_GT(changesSpeedOrSpindle(), 14u) << "the probe's SET CD SPEEDs, then the benchmark's";
}

}  // namespace
