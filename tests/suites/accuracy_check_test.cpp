// The accuracy check's arithmetic (suites/bench/accuracy_check.hpp): each command's median over the repetitions,
// summed; the spread of single repetitions; the 2% verdict. Worked by hand.
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

TEST(AccuracyCheck, EachCommandsMedianIsSummed)
{
    // Two commands of 10 ms modeled, three repetitions. Command 1 measured 10.1, 15.0 (a preempted wake-up), 10.2:
    // median 10.2. Command 2 measured 10.1, 10.1, 13.0: median 10.1. Sum 20.3 against 20: +1.5%.
    const std::vector<AccuracyRepetition> reps = {
        {{10.1, 10.1}, {10, 10}},
        {{15.0, 10.1}, {10, 10}},
        {{10.2, 13.0}, {10, 10}},
    };
    const AccuracyComparison c = compareRepetitions(reps);
    EXPECT_EQ(c.repetitions, 3u);
    EXPECT_EQ(c.commands, 2u);
    EXPECT_NEAR(c.measuredMs, 20.3, 1e-9);
    EXPECT_DOUBLE_EQ(c.modeledMs, 20.0);
    EXPECT_NEAR(c.errorPct, 1.5, 1e-9);
    // Single repetitions: 20.2 (+1%), 25.1 (+25.5%), 23.2 (+16%): each of the last two alone would fail.
    EXPECT_NEAR(c.repetitionErrorPctMin, 1.0, 1e-9);
    EXPECT_NEAR(c.repetitionErrorPctMax, 25.5, 1e-9);
    EXPECT_TRUE(c.holds());
}

TEST(AccuracyCheck, AnErrorOnEveryCommandStays)
{
    // Every command 0.3 ms late on a 10 ms model (+3%), whatever the repetition: the medians keep it.
    const std::vector<AccuracyRepetition> reps = {
        {{10.3, 10.3}, {10, 10}},
        {{10.3, 10.4}, {10, 10}},
        {{10.3, 10.3}, {10, 10}},
    };
    const AccuracyComparison c = compareRepetitions(reps);
    EXPECT_NEAR(c.errorPct, 3.0, 1e-9);
    EXPECT_FALSE(c.holds());
}

TEST(AccuracyCheck, TwoPercentIsTheBoundaryBothWays)
{
    EXPECT_TRUE(compareRepetitions({{{102}, {100}}}).holds());
    EXPECT_TRUE(compareRepetitions({{{98}, {100}}}).holds());
    EXPECT_FALSE(compareRepetitions({{{102.5}, {100}}}).holds());
    EXPECT_FALSE(compareRepetitions({{{97.5}, {100}}}).holds());
}

TEST(AccuracyCheck, CommandsArePairedUpToTheShortestRepetition)
{
    // The second repetition has one command: only the first command of each is compared (median of 10, 12 is 10).
    const AccuracyComparison c = compareRepetitions({{{10, 50}, {10, 10}}, {{12}, {10}}});
    EXPECT_EQ(c.commands, 1u);
    EXPECT_DOUBLE_EQ(c.measuredMs, 10.0);
    EXPECT_DOUBLE_EQ(c.modeledMs, 10.0);
}

TEST(AccuracyCheck, NoRepetitionsOrNoModeledTime)
{
    EXPECT_FALSE(compareRepetitions({}).holds());
    EXPECT_DOUBLE_EQ(errorPct(0, 0), 0.0);
    EXPECT_DOUBLE_EQ(errorPct(3, 0), 300.0);  // nothing modeled but 3 ms measured
    EXPECT_DOUBLE_EQ(errorPct(101, 100), 1.0);
}

}  // namespace
