// The streaming benchmarks' decisions (suites/bench/streaming_rules.hpp), worked by hand: where the clean stretch
// and the reads before a marginal run go, the streaming budget, and when a streaming read over marginal sectors
// is a QualityWarning.
#include <gtest/gtest.h>

#include <vector>

#include "suites/bench/streaming_rules.hpp"

namespace {
using namespace cdcts::suites::bench::streaming;
using cdcts::inventory::BenchSectorRun;

TEST(StreamingRules, CleanStretchStartsAtTheFirstTrackWhenItHasRoom)
{
    EXPECT_EQ(cleanStretch({{0, 11250}}, {{8000, 8}}, 4128), 0);
    EXPECT_EQ(cleanStretch({{100, 5000}}, {}, 4128), 100);
}

TEST(StreamingRules, CleanStretchStepsPastMarginalRuns)
{
    // [0, 4128) holds LBA 4000-4007: start after it at 4008; [4008, 8136) holds 8000: start at 8008, which fits.
    EXPECT_EQ(cleanStretch({{0, 12200}}, {{8000, 8}, {4000, 8}}, 4128), 8008);
    // No room in the first track: the second.
    EXPECT_EQ(cleanStretch({{0, 3000}, {3150, 8000}}, {}, 4128), 3150);
    EXPECT_EQ(cleanStretch({{0, 3000}}, {}, 4128), std::nullopt);
}

TEST(StreamingRules, MarginalPlanPutsSixteenCleanReadsJustBeforeTheRun)
{
    std::string why;
    const auto plan = planMarginal({{0, 11250}}, {{22000, 8}, {8000, 8}}, 16, 4, 16, why);
    ASSERT_TRUE(plan.has_value()) << why;
    EXPECT_EQ(plan->run.lba, 8000u);
    EXPECT_EQ(plan->cleanReads, 16u);
    EXPECT_EQ(plan->firstClean, 8000 - 16 * 16);
    EXPECT_EQ(plan->seekLba, 8000 - 17 * 16);
    EXPECT_EQ(plan->marginalReads, 1u);
}

TEST(StreamingRules, MarginalPlanCoversALongRunWithSeveralReadsAndKeepsClearOfAnEarlierRun)
{
    std::string why;
    // The run at 890 has 40 sectors of its track before it: too few. 40 sectors from 1000: three reads of 16; the
    // run at 890 ends at 900, so 100 sectors of room = 6 reads, one of them the seek.
    const auto plan = planMarginal({{850, 5000}}, {{1000, 40}, {890, 10}}, 16, 4, 16, why);
    ASSERT_TRUE(plan.has_value()) << why;
    EXPECT_EQ(plan->run.lba, 1000u);
    EXPECT_EQ(plan->marginalReads, 3u);
    EXPECT_EQ(plan->cleanReads, 5u);
    EXPECT_EQ(plan->firstClean, 1000 - 5 * 16);
}

TEST(StreamingRules, MarginalPlanSaysWhyThereIsNone)
{
    std::string why;
    EXPECT_FALSE(planMarginal({{0, 11250}}, {{22000, 8}}, 16, 4, 16, why).has_value());
    EXPECT_NE(why.find("LBA 22000-22007"), std::string::npos) << why;
    EXPECT_NE(why.find("outside the tracks of 2048-byte user data"), std::string::npos) << why;
    EXPECT_FALSE(planMarginal({{0, 11250}}, {{50, 1}}, 16, 4, 16, why).has_value());
    EXPECT_NE(why.find("fewer than 80 clean sectors"), std::string::npos) << why;
}

TEST(StreamingRules, BudgetIsOneHundredMillisecondsExceptForSlowCdReads)
{
    EXPECT_EQ(streamingBudgetMs(21.6), 100);
    EXPECT_EQ(streamingBudgetMs(8), 100);
    EXPECT_EQ(streamingBudgetMs(4), 200);
    EXPECT_EQ(streamingBudgetMs(2), 350);
    EXPECT_EQ(streamingBudgetMs(1), 500);
    EXPECT_EQ(streamingBudgetMs(0), 100) << "no clean speed measured: the plain budget";
}

TEST(StreamingRules, NoWarningForAPromptStreamingRead)
{
    const MarginalFigures normal{4809.9, 9.87, 21.6};
    const MarginalFigures streamed{9.86, 9.87, 21.6};
    EXPECT_EQ(streamingMarginalWarning(streamed, normal), std::nullopt);
    EXPECT_EQ(streamingMarginalWarning(streamed, std::nullopt), std::nullopt);
}

TEST(StreamingRules, WarnsOverTheBudget)
{
    const auto w = streamingMarginalWarning({4809.9, 9.87, 21.6}, std::nullopt);
    ASSERT_TRUE(w.has_value());
    EXPECT_NE(w->find("4809.9 ms, over the 100.0 ms budget"), std::string::npos) << *w;
    EXPECT_EQ(streamingMarginalWarning({150, 60, 3.9}, std::nullopt), std::nullopt) << "4x CD: 200 ms";
}

TEST(StreamingRules, WarnsWhenStreamingSavesLessThanHalfOfTheRetries)
{
    // The normal read spent 90 ms over its clean reads; streaming 50 ms (within its budget, but not half saved).
    const MarginalFigures normal{100, 10, 20};
    EXPECT_TRUE(streamingMarginalWarning({60, 10, 20}, normal).has_value());
    EXPECT_EQ(streamingMarginalWarning({55, 10, 20}, normal), std::nullopt) << "45 ms of 90: half saved";
    // A normal read that did not retry (under 2x its clean reads) gives nothing to compare.
    EXPECT_EQ(streamingMarginalWarning({19, 10, 20}, MarginalFigures{19, 10, 20}), std::nullopt);
}

}  // namespace
