// The Latency family (suites/bench/latency_benchmarks.hpp) run through Google Benchmark against emulated drives
// opened from devices.yaml text: the figures a query and a streaming read must show by the dvd_rom profile's own
// numbers (worked by hand below), the budgets, the no-disc skips and failed-command case, and the QualityWarning a
// worn disc draws.
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/inventory/loader.hpp"
#include "harness/inventory/open_device.hpp"
#include "suites/bench/findings.hpp"
#include "suites/bench/latency_benchmarks.hpp"

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

// Opens the one device of `yaml`, registers its Latency benchmarks and runs them.
std::map<std::string, Result> runLatencyOf(const std::string& yaml, const std::string& id)
{
    const inventory::Inventory inv = inventory::parseInventory(yaml, "devices.yaml", inventory::emulatorVocabulary());
    static std::vector<std::unique_ptr<Device>> devices;  // outlive the registered benchmarks
    devices.push_back(inventory::openDevice(inv.devices.at(0)));
    EXPECT_GT(registerLatencyBenchmarks(*devices.back(), id), 0u);
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
                          "t_worn");
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

TEST(LatencyBenchmarks, RandomReadsStayInsideTheSessionsOfAMultiSessionDisc)
{
    // synthetic:multisession: audio tracks 1-2 in session 1, its lead-out and session 2's lead-in (which the drive
    // refuses to read), then data track 3. READ_TOC alone would let track 2 run on to track 3.
    auto r = runLatencyOf(deviceYaml("t_multi", "synthetic:multisession"), "t_multi");
    EXPECT_EQ(r["Latency/t_multi/RAW_READ"].error, "");
    EXPECT_EQ(r["Latency/t_multi/ReadFile"].error, "");
}

}  // namespace
