// The seek sequences of the access-time benchmarks (suites/bench/access_plan.hpp): strokes as defined, no target
// within the read-ahead of the read before it, no sector read twice as a target, the same sequence for the same seed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <vector>

#include "suites/bench/access_plan.hpp"

namespace {
using namespace cdcts::suites::bench;

// A mixed disc: data [0, 11250), audio [11400, 26400) (the 150-sector pregap between them is not readable).
const std::vector<Extent> kMixed = {{0, 11250}, {11400, 26400}};
constexpr std::int32_t kReadAhead = 1200;

bool readable(std::int32_t lba)
{
    return (lba >= 0 && lba < 11250) || (lba >= 11400 && lba < 26400);
}

TEST(AccessPlan, RandomTargetsAreReadableApartAndDistinct)
{
    const AccessPlan plan = planAccess(Stroke::Random, kMixed, kReadAhead, 200, 42);
    ASSERT_EQ(plan.seeks.size(), 200u);
    std::set<std::int32_t> targets;
    for (std::size_t i = 0; i < plan.seeks.size(); ++i) {
        const Seek& s = plan.seeks[i];
        EXPECT_TRUE(readable(s.to)) << s.to;
        EXPECT_GT(std::abs(s.to - s.from), kReadAhead);
        if (i > 0) {
            EXPECT_EQ(s.from, plan.seeks[i - 1].to);  // random seeks chain: each starts where the last ended
        }
        EXPECT_TRUE(targets.insert(s.to).second) << "target read twice: " << s.to;
    }
}

TEST(AccessPlan, SameSeedSameSequence)
{
    const AccessPlan a = planAccess(Stroke::Random, kMixed, kReadAhead, 50, 7);
    const AccessPlan b = planAccess(Stroke::Random, kMixed, kReadAhead, 50, 7);
    const AccessPlan c = planAccess(Stroke::Random, kMixed, kReadAhead, 50, 8);
    ASSERT_EQ(a.seeks.size(), b.seeks.size());
    bool differs = false;
    for (std::size_t i = 0; i < a.seeks.size(); ++i) {
        EXPECT_EQ(a.seeks[i].to, b.seeks[i].to);
        differs = differs || a.seeks[i].to != c.seeks[i].to;
    }
    EXPECT_TRUE(differs);
}

TEST(AccessPlan, OneThirdIsAThirdOfTheReadableRangeBothWays)
{
    // First readable 0, last 26399: a third is 8799 sectors.
    const AccessPlan plan = planAccess(Stroke::OneThird, kMixed, kReadAhead, 100, 42);
    ASSERT_EQ(plan.seeks.size(), 100u);
    for (std::size_t i = 0; i < plan.seeks.size(); ++i) {
        const Seek& s = plan.seeks[i];
        EXPECT_EQ(s.to - s.from, i % 2 == 0 ? 8799 : -8799);
        EXPECT_TRUE(readable(s.from) && readable(s.to));
        if (i > 0) {
            EXPECT_GT(std::abs(s.from - plan.seeks[i - 1].to), kReadAhead);
        }
    }
    EXPECT_DOUBLE_EQ(meanStrokeSectors(plan.seeks), 8799.0);
}

TEST(AccessPlan, FullStrokeAlternatesBetweenTheEndsSteppingDownward)
{
    // 5 seeks = 6 reads: inner 2, outer 26399, inner 1, outer 26398, inner 0, outer 26397.
    const AccessPlan plan = planAccess(Stroke::FullStroke, kMixed, kReadAhead, 5, 42);
    ASSERT_EQ(plan.seeks.size(), 5u);
    const std::int32_t reads[] = {2, 26399, 1, 26398, 0, 26397};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(plan.seeks[i].from, reads[i]);
        EXPECT_EQ(plan.seeks[i].to, reads[i + 1]);
    }
    EXPECT_DOUBLE_EQ(meanStrokeSectors(plan.seeks), (26397 + 26398 + 26397 + 26398 + 26397) / 5.0);
}

TEST(AccessPlan, ADiscWithinTheReadAheadCannotBeSeeked)
{
    const std::vector<Extent> small = {{0, 3000}};
    EXPECT_TRUE(planAccess(Stroke::OneThird, small, kReadAhead, 10, 1).seeks.empty());  // a third is 999 sectors
    const AccessPlan random = planAccess(Stroke::Random, {{0, 2000}}, kReadAhead, 10, 1);
    EXPECT_TRUE(random.seeks.empty());
    EXPECT_EQ(random.reason.rfind("NotSupported: ", 0), 0u);
    EXPECT_EQ(planAccess(Stroke::FullStroke, small, kReadAhead, 10, 1).seeks.size(), 10u);
    EXPECT_TRUE(planAccess(Stroke::Random, {}, kReadAhead, 10, 1).seeks.empty());
}

}  // namespace
