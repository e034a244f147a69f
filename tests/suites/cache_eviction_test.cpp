// The reads that keep a benchmark's run out of the drive's cache (suites/bench/disc_map.hpp evictionLba): where
// they go, worked by hand, and that the read, streaming and transfer-curve benchmarks make one beyond the drive's
// read-ahead before the read that positions the head, as the emulated drive's command trace shows. Without it the
// benchmarks after the first at a place (and the streaming on variants after the off ones) would time a drive's
// buffer, not the disc (perf-anchors.md §1.7).
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/inventory/loader.hpp"
#include "harness/inventory/open_device.hpp"
#include "suites/bench/bench_target.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "suites/bench/disc_map.hpp"
#include "suites/bench/read_benchmarks.hpp"
#include "suites/bench/streaming_benchmarks.hpp"
#include "suites/bench/transfer_curve_benchmarks.hpp"

namespace {
using namespace cdcts;
using namespace cdcts::suites::bench;

TEST(EvictionLba, TheFartherEndWhenItLiesBeyondTheReadAhead)
{
    // Readable [0, 9999], read-ahead 1200. A run at the start: the last sector, 9999 - 99 = 9900 sectors past it.
    EXPECT_EQ(evictionLba(0, 9999, 0, 100, 1200), 9999);
    // A run at the end (9900-9999): the first sector, 9900 before it.
    EXPECT_EQ(evictionLba(0, 9999, 9900, 100, 1200), 0);
    // The middle (4000-4999): 4000 below, 5000 above: the last sector.
    EXPECT_EQ(evictionLba(0, 9999, 4000, 1000, 1200), 9999);
    // 5000-5999: 5000 below, 4000 above: the first.
    EXPECT_EQ(evictionLba(0, 9999, 5000, 1000, 1200), 0);
    // Exactly the read-ahead away is not beyond it: 1300-sector area, a 100-sector run at the start leaves 1200.
    EXPECT_EQ(evictionLba(0, 1299, 0, 100, 1200), std::nullopt);
    EXPECT_EQ(evictionLba(0, 1300, 0, 100, 1200), 1300);
    // An area shorter than the read-ahead: nothing evicts.
    EXPECT_EQ(evictionLba(500, 1000, 600, 16, 2048), std::nullopt);
    // Over a disc map: its first and last readable sectors, whatever the tracks' reads. A 3000-sector data track
    // cannot evict a 1088-sector run in its middle (956 sectors each side), the audio track after it can.
    DiscMap map;
    map.spans = {ReadSpan{0, 3000, std::nullopt}, ReadSpan{3150, 15225, ioctl::CDDA}};
    EXPECT_EQ(evictionLba(0, 2999, 956, 1088, 1200), std::nullopt);
    EXPECT_EQ(evictionLba(map, 956, 1088, 1200), 15224);
    EXPECT_EQ(evictionLba(DiscMap{}, 956, 1088, 1200), std::nullopt);
    EXPECT_EQ(evictionText(std::nullopt, 2048), "cache not evicted: no readable sector beyond the read-ahead of 2048 sectors");
    EXPECT_EQ(evictionText(9999, 1200), "cache evicted at LBA 9999 (read-ahead 1200 sectors)");
}

// The LBAs of the READ(10), READ(12) and READ CD commands in a trace, in order.
std::vector<std::int64_t> readLbas(const std::vector<DriveCommand>& trace)
{
    std::vector<std::int64_t> out;
    for (const DriveCommand& c : trace) {
        if (c.cdb.size() < 6 || (c.cdb[0] != 0x28 && c.cdb[0] != 0xA8 && c.cdb[0] != 0xBE)) continue;
        out.push_back((std::int64_t{c.cdb[2]} << 24) | (std::int64_t{c.cdb[3]} << 16) | (std::int64_t{c.cdb[4]} << 8) | c.cdb[5]);
    }
    return out;
}

class ErrorReporter final : public benchmark::BenchmarkReporter {
public:
    bool ReportContext(const Context&) override { return true; }
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs)
            if (r.error_occurred) errors.push_back(r.benchmark_name() + ": " + r.error_message);
    }
    std::vector<std::string> errors;
};

const std::string kWriter = "devices:\n"
                            "  - id: cache_writer\n"
                            "    backend: emulated\n"
                            "    emulated:\n"
                            "      profile: dvdrw_writer\n"
                            "      medium: synthetic:mixed\n"
                            "      faults:\n"
                            "        sectors:\n"
                            "          - {lba: 8000, count: 8, kind: marginal}\n";

TEST(CacheEviction, EveryTimedRunStartsWithAReadBeyondTheReadAheadThenTheSeek)
{
    const inventory::Inventory inv = inventory::parseInventory(kWriter, "devices.yaml", inventory::emulatorVocabulary());
    static std::unique_ptr<Device> device;  // outlives the registered benchmarks
    device = inventory::openDevice(inv.devices.at(0));
    const BenchTarget target = benchTargetFor(*device, inv.devices.at(0));
    const std::int32_t readAhead = readAheadOf(*device).sectors;
    ASSERT_GT(readAhead, 0);
    ASSERT_GT(registerReadBenchmarks(*device, "cache_writer"), 0u);
    ASSERT_GT(registerStreamingBenchmarks(target), 0u);
    ASSERT_GT(registerTransferCurveBenchmarks(*device, "cache_writer"), 0u);

    // Benchmarks that read the same places as one run before them (the later sizes at inner, the on variants after
    // the off ones, curve point 0 after CookedRead inner).
    for (const std::string name : {"CookedRead/cache_writer/8/inner", "CookedRead/cache_writer/16/inner", "CookedRead/cache_writer/16/outer",
                                   "RawRead/cache_writer/CDDA/27/middle", "Streaming/cache_writer/on/16", "StreamingMarginal/cache_writer/on",
                                   "TransferCurve/cache_writer/CookedRead/0"}) {
        ASSERT_TRUE(device->commandTrace().has_value());
        device->clearCommandTrace();
        ErrorReporter reporter;
        EXPECT_EQ(benchmark::RunSpecifiedBenchmarks(&reporter, "^" + name + "(/iterations:[0-9]+)?(/manual_time)?$"), 1u) << name;
        EXPECT_TRUE(reporter.errors.empty()) << reporter.errors.front();
        const std::vector<std::int64_t> lbas = readLbas(*device->commandTrace());
        ASSERT_GE(lbas.size(), 3u) << name;
        // The first read is the evicting one, more than the read-ahead from the positioning read after it (and from
        // the timed reads after that, which follow it).
        EXPECT_GT(std::llabs(lbas[0] - lbas[1]), readAhead) << name << ": " << lbas[0] << " then " << lbas[1];
        EXPECT_GT(std::llabs(lbas[0] - lbas[2]), readAhead) << name;
        if (name == "StreamingMarginal/cache_writer/on" && lbas.back() == 8000) {
            // The normal read that the streamed data is compared with comes after an evicting read too.
            EXPECT_GT(std::llabs(lbas[lbas.size() - 2] - 8000), readAhead);
        }
    }
}

}  // namespace
