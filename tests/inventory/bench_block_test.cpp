// The bench block of a device (docs/devices-yaml.md "bench"): marginal sectors and thresholds as parsed, and an
// error with file:line:column for every bad value. Positions are counted by hand from kEmulated (lines 1-6);
// `bench:` is line 7.
#include <gtest/gtest.h>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {
using test::kEmulated;
using test::parseMessage;

BenchSettings benchOf(const std::string& lines) { return test::parse(kEmulated + lines).devices.at(0).bench; }

TEST(InventoryBench, AbsentOrEmptyMeansNothingDeclared)
{
    for (const std::string& lines : {std::string(), std::string("    bench:\n"), std::string("    bench:\n      thresholds: []\n")}) {
        const BenchSettings b = benchOf(lines);
        EXPECT_TRUE(b.marginalSectors.empty()) << lines;
        EXPECT_TRUE(b.thresholds.empty()) << lines;
    }
}

TEST(InventoryBench, MarginalSectors)
{
    const BenchSettings b = benchOf("    bench:\n"
                                    "      marginal_sectors:\n"
                                    "        - {lba: 20000, count: 4}\n"
                                    "        - {lba: 0x100}\n");
    ASSERT_EQ(b.marginalSectors.size(), 2U);
    EXPECT_EQ(b.marginalSectors[0].lba, 20000U);
    EXPECT_EQ(b.marginalSectors[0].count, 4U);
    EXPECT_EQ(b.marginalSectors[1].lba, 0x100U);
    EXPECT_EQ(b.marginalSectors[1].count, 1U) << "count defaults to one sector";
}

TEST(InventoryBench, Thresholds)
{
    const BenchSettings b = benchOf("    bench:\n"
                                    "      thresholds:\n"
                                    "        - {benchmark: RawRead/CDDA/27/outer, counter: x_cd, min: 20}\n"
                                    "        - {benchmark: 'Latency/*', counter: p99_ms, max: 12.5}\n"
                                    "        - {benchmark: Access/random, counter: ms, min: 0.5, max: 200}\n");
    ASSERT_EQ(b.thresholds.size(), 3U);
    EXPECT_EQ(b.thresholds[0].benchmark, "RawRead/CDDA/27/outer");
    EXPECT_EQ(b.thresholds[0].counter, "x_cd");
    EXPECT_EQ(b.thresholds[0].min, 20.0);
    EXPECT_FALSE(b.thresholds[0].max.has_value());
    EXPECT_EQ(b.thresholds[0].location.line, 9);
    EXPECT_EQ(b.thresholds[1].benchmark, "Latency/*");
    EXPECT_EQ(b.thresholds[1].max, 12.5);
    EXPECT_FALSE(b.thresholds[1].min.has_value());
    EXPECT_EQ(b.thresholds[2].min, 0.5);
    EXPECT_EQ(b.thresholds[2].max, 200.0);
}

TEST(InventoryBench, BadValuesNameTheirPlace)
{
    EXPECT_EQ(parseMessage(kEmulated + "    bench: 3\n"), "devices.yaml:7:5: devices[0].bench: expected a map, got '3'");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      speed: 3\n"),
              "devices.yaml:8:7: devices[0].bench.speed: unknown key (allowed: marginal_sectors, thresholds)");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      marginal_sectors:\n        - {count: 2}\n"),
              "devices.yaml:9:11: devices[0].bench.marginal_sectors[0]: missing required key 'lba'");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      marginal_sectors:\n        - {lba: 5, count: 0}\n"),
              "devices.yaml:9:20: devices[0].bench.marginal_sectors[0].count: must be at least 1, got 0");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      thresholds:\n        - {benchmark: RawRead/CDDA, counter: x_cd}\n"),
              "devices.yaml:9:11: devices[0].bench.thresholds[0]: needs min, max or both (a threshold with neither checks nothing)");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      thresholds:\n        - {benchmark: RawRead, counter: x_cd, min: fast}\n"),
              "devices.yaml:9:47: devices[0].bench.thresholds[0].min: expected a number such as 20 or 22.5, got 'fast'");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      thresholds:\n        - {benchmark: RawRead, counter: x_cd, min: 3, max: 2}\n"),
              "devices.yaml:9:55: devices[0].bench.thresholds[0].max: is below min (3): no figure could pass");
    EXPECT_EQ(parseMessage(kEmulated + "    bench:\n      thresholds:\n        - {benchmark: 'Raw Read', counter: x_cd, min: 3}\n"),
              "devices.yaml:9:12: devices[0].bench.thresholds[0].benchmark: expected a benchmark name without the device id, "
              "such as RawRead/CDDA/27/outer ('*' for any one part), got 'Raw Read'");
}

}  // namespace
}  // namespace cdcts::inventory
