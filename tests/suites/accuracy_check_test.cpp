// The accuracy check's arithmetic (suites/bench/accuracy_check.hpp): per-repetition errors, medians that are
// measured values, and the 2% verdict, worked by hand.
#include <gtest/gtest.h>

#include <vector>

#include "suites/bench/accuracy_check.hpp"

namespace {
using namespace cdcts::suites::bench;

TEST(AccuracyCheck, LowerMedianIsAMeasuredValue)
{
    EXPECT_DOUBLE_EQ(lowerMedian({}), 0.0);
    EXPECT_DOUBLE_EQ(lowerMedian({4.0}), 4.0);
    EXPECT_DOUBLE_EQ(lowerMedian({3.0, 1.0, 2.0}), 2.0);
    // Even count: the lower of the two middle values (2 and 3), not their mean 2.5.
    EXPECT_DOUBLE_EQ(lowerMedian({4.0, 1.0, 3.0, 2.0}), 2.0);
}

TEST(AccuracyCheck, ErrorIsTakenPerRepetitionThenTheMedian)
{
    // Errors: (101 - 100) / 100 = +1%, (204 - 200) / 200 = +2%, (99 - 100) / 100 = -1%. Median +1%.
    const AccuracyComparison c = compareRepetitions({{101, 100}, {204, 200}, {99, 100}});
    EXPECT_EQ(c.repetitions, 3u);
    EXPECT_DOUBLE_EQ(c.errorPct, 1.0);
    EXPECT_DOUBLE_EQ(c.errorPctMin, -1.0);
    EXPECT_DOUBLE_EQ(c.errorPctMax, 2.0);
    EXPECT_DOUBLE_EQ(c.measuredMs, 101.0);  // median of 101, 204, 99
    EXPECT_DOUBLE_EQ(c.modeledMs, 100.0);   // median of 100, 200, 100
    EXPECT_TRUE(c.holds());
}

TEST(AccuracyCheck, OneOutlierDoesNotDecideTheVerdict)
{
    // A repetition preempted for 50 ms on a busy machine (+25%) among four that agree within 0.5%: errors +0.25,
    // +25, +0.5, +0.1, +0.4%, sorted 0.1, 0.25, 0.4, 0.5, 25, median +0.4%.
    const AccuracyComparison c = compareRepetitions({{200.5, 200}, {250, 200}, {201, 200}, {200.2, 200}, {200.8, 200}});
    EXPECT_NEAR(c.errorPct, 0.4, 1e-9);
    EXPECT_DOUBLE_EQ(c.errorPctMax, 25.0);
    EXPECT_TRUE(c.holds());
}

TEST(AccuracyCheck, TwoPercentIsTheBoundaryBothWays)
{
    EXPECT_TRUE(compareRepetitions({{102, 100}}).holds());
    EXPECT_TRUE(compareRepetitions({{98, 100}}).holds());
    EXPECT_FALSE(compareRepetitions({{102.5, 100}}).holds());
    EXPECT_FALSE(compareRepetitions({{97.5, 100}}).holds());
}

TEST(AccuracyCheck, NoRepetitionsOrNoModeledTimeDoNotHold)
{
    EXPECT_FALSE(compareRepetitions({}).holds());
    // Nothing modeled, nothing measured: agreement. Nothing modeled but 3 ms measured: +300%.
    EXPECT_TRUE(compareRepetitions({{0, 0}}).holds());
    const AccuracyComparison c = compareRepetitions({{3, 0}});
    EXPECT_DOUBLE_EQ(c.errorPct, 300.0);
    EXPECT_FALSE(c.holds());
}

}  // namespace
