// The reads that keep a benchmark's run out of the drive's cache (suites/bench/disc_map.hpp evictionLba): where
// they go, worked by hand.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "suites/bench/disc_map.hpp"

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
    EXPECT_EQ(evictionText(std::nullopt, 2048), "cache not evicted: no readable sector beyond the read-ahead of 2048 sectors");
    EXPECT_EQ(evictionText(9999, 1200), "cache evicted at LBA 9999 (read-ahead 1200 sectors)");
}

}  // namespace
