// The Latency family (suites/bench/latency_benchmarks.hpp) run through Google Benchmark against emulated drives
// opened from devices.yaml text: the figures a query and a streaming read must show by the dvd_rom profile's own
// numbers (worked by hand below), the budgets, the no-disc skips and failed-command case, and the QualityWarning a
// worn disc draws.
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/inventory/loader.hpp"
#include "harness/inventory/open_device.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/latency_benchmarks.hpp"
#include "suites/speed_support.hpp"

namespace {
using namespace cdcts;
using namespace cdcts::suites::bench;

struct Result {
    std::map<std::string, double> counters;
    std::string error;  // empty when it ran
};

// Keeps each run's counters or error by benchmark name (without Google Benchmark's "/iterations:..." tail).
class CapturingReporter final : public benchmark::BenchmarkReporter {
public:
    bool ReportContext(const Context&) override { return true; }
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs) {
            const std::string full = r.benchmark_name();
            Result& out = results[full.substr(0, full.find("/iterations:"))];
            if (r.error_occurred) out.error = r.error_message;
            for (const auto& [name, counter] : r.counters) out.counters[name] = counter.value;
        }
    }
    std::map<std::string, Result> results;
};

enum class Marginal { Declared, Undeclared };

// Opens the one device of `yaml`, registers its Latency benchmarks and runs them. With Marginal::Undeclared the
// benchmarks are not told of the disc's marginal sectors (a worn disc nobody declared). `before` runs on the
// opened device first.
std::map<std::string, Result> runLatencyOf(const std::string& yaml, const std::string& id, Marginal marginal = Marginal::Declared,
                                           const std::function<void(Device&)>& before = {})
{
    const inventory::Inventory inv = inventory::parseInventory(yaml, "devices.yaml", inventory::emulatorVocabulary());
    static std::vector<std::unique_ptr<Device>> devices;  // outlive the registered benchmarks
    devices.push_back(inventory::openDevice(inv.devices.at(0)));
    if (before) before(*devices.back());
    BenchTarget target = benchTargetFor(*devices.back(), inv.devices.at(0));
    if (marginal == Marginal::Undeclared) target.marginalSectors.clear();
    EXPECT_GT(registerLatencyBenchmarks(target), 0u);
    CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter, "^Latency/" + id + "/");
    return reporter.results;
}

std::string deviceYaml(const std::string& id, const std::string& medium, const std::string& extra = "")
{
    return "devices:\n  - id: " + id + "\n    backend: emulated\n    emulated:\n      profile: dvd_rom\n      medium: " + medium + "\n" + extra;
}

TEST(LatencyBenchmarks, QueriesCostTheCommandOverheadAndStreamingReadsTheTransfer)
{
    auto r = runLatencyOf(deviceYaml("t_reader", "synthetic:data"), "t_reader");
    // dvd_rom.yaml: command_overhead 50 us, and a query moves nothing under the head.
    for (const char* query : {"CHECK_VERIFY", "READ_TOC", "GET_CONFIGURATION", "READ_Q_CHANNEL"}) {
        Result& q = r["Latency/t_reader/" + std::string(query)];
        EXPECT_EQ(q.error, "") << query;
        EXPECT_DOUBLE_EQ(q.counters["p50_ms"], 0.05) << query;
        EXPECT_DOUBLE_EQ(q.counters["max_ms"], 0.05) << query;
        EXPECT_DOUBLE_EQ(q.counters["budget_ms"], 20.0) << query;
    }
    EXPECT_DOUBLE_EQ(r["Latency/t_reader/READ_DISC_INFORMATION"].counters["budget_ms"], 50.0);
    Result& inquiry = r["Latency/t_reader/GET_INQUIRY_DATA"];
    EXPECT_EQ(inquiry.counters.count("budget_ms"), 0u) << "answered from the driver's cache: no budget";
    EXPECT_DOUBLE_EQ(inquiry.counters["max_ms"], 0.0);
    // Streaming: 32 sectors from LBA 0 on, 100 untimed reads first, so the timed ones start at LBA 3200 whose middle
    // sector 3216 lies at r = sqrt(25² + 1.6 µm × 1.2 m/s × (3216 + 150)/75 s / π) = 25.5427 mm; CAV 8467 kB/s × r/58
    // = 3728.79 kB/s; 0.05 ms + 32 × 2352 B / 3728.79 kB/s = 20.2346 ms, the slowest (the rate grows outwards).
    Result& streaming = r["Latency/t_reader/ReadFile_streaming"];
    EXPECT_EQ(streaming.error, "");
    EXPECT_NEAR(streaming.counters["max_ms"], 20.2346, 1e-4);
    EXPECT_DOUBLE_EQ(streaming.counters["budget_ms"], 100.0);
    Result& reads = r["Latency/t_reader/ReadFile"];
    EXPECT_DOUBLE_EQ(reads.counters["budget_ms"], 500.0);
    EXPECT_LT(reads.counters["p99_ms"], reads.counters["max_ms"]) << "200 samples: p99 is the 198th, below the max";
    EXPECT_TRUE(qualityWarningsFor("Latency/t_reader/ReadFile").empty());
}

TEST(LatencyBenchmarks, WithoutADiscOnlyTheFailedCommandAndTheDisclessQueriesRun)
{
    auto r = runLatencyOf(deviceYaml("t_empty", "none"), "t_empty");
    Result& failed = r["Latency/t_empty/CHECK_VERIFY/no_medium"];
    EXPECT_EQ(failed.error, "");
    EXPECT_DOUBLE_EQ(failed.counters["budget_ms"], 20.0);
    EXPECT_EQ(r.count("Latency/t_empty/CHECK_VERIFY"), 0u);
    EXPECT_EQ(r["Latency/t_empty/GET_CONFIGURATION"].error, "");
    for (const char* needsDisc : {"READ_TOC", "RAW_READ", "ReadFile", "READ_DISC_INFORMATION"})
        EXPECT_EQ(r["Latency/t_empty/" + std::string(needsDisc)].error.rfind("NotSupported: no disc", 0), 0u) << needsDisc;
}

TEST(LatencyBenchmarks, AWornDiscDrawsAQualityWarningForNormalReadsOnly)
{
    // Every sector marginal: a normal read retries each (4 × 120 ms by dvd_rom.yaml), a streaming read does not.
    auto r = runLatencyOf(deviceYaml("t_worn", "synthetic:data",
                                     "      faults:\n        sectors:\n          - {lba: 0, count: 20000, kind: marginal}\n"),
                          "t_worn", Marginal::Undeclared);
    EXPECT_EQ(r["Latency/t_worn/ReadFile"].error, "");
    EXPECT_GT(r["Latency/t_worn/ReadFile"].counters["p99_ms"], 500.0);
    const auto warnings = qualityWarningsFor("Latency/t_worn/ReadFile");
    // 32 marginal sectors × 480 ms = 15.4 s a read: over the budget, and over §3's 7 s exemption in the warm-up too.
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_NE(warnings[0].text.find("exceed the 500 ms budget of a non-streaming read"), std::string::npos) << warnings[0].text;
    EXPECT_NE(warnings[0].text.find("the max at LBA "), std::string::npos) << warnings[0].text;
    EXPECT_NE(warnings[1].text.find("warm-up calls exceed the exemption"), std::string::npos) << warnings[1].text;
    EXPECT_TRUE(qualityWarningsFor("Latency/t_worn/ReadFile_streaming").empty());
    EXPECT_LT(r["Latency/t_worn/ReadFile_streaming"].counters["max_ms"], 100.0);
}

TEST(LatencyBenchmarks, RandomReadsKeepClearOfTheDeclaredMarginalSectors)
{
    // A tenth of the disc declared marginal: of 300 random reads some would land there and retry for seconds.
    auto r = runLatencyOf(deviceYaml("t_marg", "synthetic:data",
                                     "      faults:\n        sectors:\n          - {lba: 9000, count: 2000, kind: marginal}\n"),
                          "t_marg");
    for (const char* read : {"ReadFile", "RAW_READ"}) {
        const Result& result = r["Latency/t_marg/" + std::string(read)];
        EXPECT_EQ(result.error, "") << read;
        EXPECT_LT(result.counters.at("max_ms"), 100.0) << read << ": a seek and a transfer, no retries";
        EXPECT_TRUE(qualityWarningsFor("Latency/t_marg/" + std::string(read)).empty()) << read;
    }
    // Every sector declared marginal leaves the random reads nothing to read.
    auto worn = runLatencyOf(deviceYaml("t_allmarg", "synthetic:data",
                                        "      faults:\n        sectors:\n          - {lba: 0, count: 20000, kind: marginal}\n"),
                             "t_allmarg");
    EXPECT_EQ(worn["Latency/t_allmarg/ReadFile"].error,
              "NotSupported: no track holds a read of 32 sectors clear of the declared marginal sectors");
    EXPECT_EQ(worn["Latency/t_allmarg/ReadFile_streaming"].error, "") << "the stream passes them, as a real-time stream does";
}

TEST(LatencyBenchmarks, TheStreamStartsOverWithAnUntimedReseek)
{
    // slim_slot reads zone 0 at 2822 kB/s: 0.08 ms + 32 × 2352 B / 2822 kB/s = 26.75 ms a read. The reference disc's
    // data track holds 3000 sectors, 93 reads: the stream starts over twice among the 300 calls, and the backward
    // seek (about 65 ms) is untimed, so every sample is a sequential read.
    auto r = runLatencyOf("devices:\n  - id: t_slot\n    backend: emulated\n    emulated:\n      profile: slim_slot\n"
                          "      medium: synthetic:reference\n",
                          "t_slot");
    const Result& streaming = r["Latency/t_slot/ReadFile_streaming"];
    EXPECT_EQ(streaming.error, "");
    EXPECT_NEAR(streaming.counters.at("max_ms"), streaming.counters.at("p50_ms"), 1e-3);
    EXPECT_NEAR(streaming.counters.at("max_ms"), 26.75, 0.01);
}

TEST(LatencyBenchmarks, AStreamAt1xHasTheBudgetOf1x)
{
    // At SET_SPEED 176 kB/s (1x) a 32-sector streaming read takes about 427 ms: within §3's 500 ms for a CD at 1x
    // (streaming_rules' tiers, by the speed the stream ran at), over the 100 ms of a full-speed stream.
    auto r = runLatencyOf(deviceYaml("t_slow", "synthetic:data"), "t_slow", Marginal::Declared, [](Device& device) {
        const auto handle = device.open(HandleAccess::Read);
        ASSERT_TRUE(handle->control(ioctl::codes::CdromSetSpeed, suites::speed::setSpeedInput(176, suites::speed::kMaximumSpeed), {})
                        .status.isSuccess());
    });
    const Result& streaming = r["Latency/t_slow/ReadFile_streaming"];
    EXPECT_EQ(streaming.error, "");
    EXPECT_GT(streaming.counters.at("p50_ms"), 100.0);
    EXPECT_DOUBLE_EQ(streaming.counters.at("budget_ms"), 500.0);
    EXPECT_TRUE(qualityWarningsFor("Latency/t_slow/ReadFile_streaming").empty());
}

TEST(LatencyBenchmarks, RandomReadsStayInsideTheSessionsOfAMultiSessionDisc)
{
    // synthetic:multisession: audio tracks 1-2 in session 1, its lead-out and session 2's lead-in (which the drive
    // refuses to read), then data track 3. READ_TOC alone would let track 2 run on to track 3.
    auto r = runLatencyOf(deviceYaml("t_multi", "synthetic:multisession"), "t_multi");
    EXPECT_EQ(r["Latency/t_multi/RAW_READ"].error, "");
    EXPECT_EQ(r["Latency/t_multi/ReadFile"].error, "");
}

}  // namespace
