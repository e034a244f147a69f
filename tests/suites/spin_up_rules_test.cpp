// The spin-up benchmarks' pure rules (suites/bench/spin_up_rules.hpp): the settling window, the speed names and
// the achieved-versus-requested verdict (flat cap or CAV line), worked by hand.
#include <gtest/gtest.h>

#include <vector>

#include "suites/bench/spin_up_rules.hpp"

namespace {
using namespace cdcts::suites::bench;

TEST(SpinUpRules, SettlesAtTheFirstWindowOfThreeReadsWithinTwoPercent)
{
    // A spin-up read, a ramp, then 20.0 / 20.3 / 20.1: 20.3 / 20.0 = 1.015 <= 1.02, so the window starts at index 2.
    EXPECT_EQ(settledAt({0.2, 15.0, 20.0, 20.3, 20.1, 20.2}), 2u);
    // 20.0 / 20.5 / 20.1: 20.5 / 20.0 = 1.025 > 1.02; the next window 20.5 / 20.1 / 20.2 is within 2%.
    EXPECT_EQ(settledAt({20.0, 20.5, 20.1, 20.2}), 1u);
    EXPECT_EQ(settledAt({10.0, 10.0, 10.0}), 0u);
}

TEST(SpinUpRules, TwoReadsOrAnUnsteadyRunDoNotSettle)
{
    EXPECT_FALSE(settledAt({20.0, 20.0}).has_value());
    EXPECT_FALSE(settledAt({}).has_value());
    EXPECT_FALSE(settledAt({10.0, 11.0, 12.0, 13.0, 14.0}).has_value());  // 10% steps
    EXPECT_FALSE(settledAt({0.0, 0.0, 0.0}).has_value());                 // no rate at all is no steady rate
}

TEST(SpinUpRules, NamesWholeCdMultiplesByAnyRoundingAndOtherSpeedsInKbps)
{
    EXPECT_EQ(speedName(176), "1x");    // 1 × 176 (Windows) and 176.4 rounded down
    EXPECT_EQ(speedName(177), "1x");    // 176.4 rounded up, Linux's 177
    EXPECT_EQ(speedName(706), "4x");    // 705.6 rounded up (libburn)
    EXPECT_EQ(speedName(704), "4x");    // 4 × 176
    EXPECT_EQ(speedName(4234), "24x");  // 4233.6 rounded up
    EXPECT_EQ(speedName(4248), "24x");  // 24 × 177
    EXPECT_EQ(speedName(8467), "48x");
    EXPECT_EQ(speedName(4100), "4100kBps");  // 23.24x: no whole multiple
    EXPECT_EQ(speedName(4240), "4240kBps");  // near 24x but no host's spelling of it
    EXPECT_EQ(speedName(50), "50kBps");
}

TEST(SpinUpRules, AchievedAboveTheRequestByMoreThanTenPercentIsIgnored)
{
    EXPECT_EQ(judgeSpeed(8.0, 8.8, 22.0, 48.0), SpeedVerdict::Honoured);   // exactly +10%
    EXPECT_EQ(judgeSpeed(8.0, 8.81, 22.0, 48.0), SpeedVerdict::Ignored);
    EXPECT_EQ(judgeSpeed(1.0, 21.4, 21.4, 48.0), SpeedVerdict::Ignored);  // a drive that always runs flat out
}

TEST(SpinUpRules, ACavDriveBelowItsRatedSpeedAtTheInnerPartIsNotAtFault)
{
    // 48x requested, 21.4x reachable at the position at the maximum: 21.4x achieved is all the radius allows.
    EXPECT_EQ(judgeSpeed(48.0, 21.4, 21.4, 48.0), SpeedVerdict::Honoured);
    // 10% below min(48, 21.4) = 19.26x is still honoured; below it is a misreport.
    EXPECT_EQ(judgeSpeed(48.0, 19.3, 21.4, 48.0), SpeedVerdict::Honoured);
    EXPECT_EQ(judgeSpeed(48.0, 19.2, 21.4, 48.0), SpeedVerdict::Misreported);
}

// A drive that reaches its rating at this position (reachable = rated, position factor 1): flat cap and CAV line
// coincide, and 16x requested must give 16x within 10%.
TEST(SpinUpRules, WhereThePositionGivesTheFullRatingBothLinesAreTheRequest)
{
    EXPECT_DOUBLE_EQ(expectedX(16.0, 48.0, 48.0), 16.0);
    EXPECT_EQ(judgeSpeed(16.0, 15.96, 48.0, 48.0), SpeedVerdict::Honoured);
    EXPECT_EQ(judgeSpeed(16.0, 14.41, 48.0, 48.0), SpeedVerdict::Honoured);
    EXPECT_EQ(judgeSpeed(16.0, 14.39, 48.0, 48.0), SpeedVerdict::Misreported);
    EXPECT_EQ(judgeSpeed(16.0, 12.0, 48.0, 48.0), SpeedVerdict::Misreported);
    // No rating reported: the factor is 1 and the flat cap alone counts.
    EXPECT_DOUBLE_EQ(expectedX(16.0, 38.9, 0.0), 16.0);
    EXPECT_EQ(judgeSpeed(16.0, 12.97, 38.9, 0.0), SpeedVerdict::Misreported);
}

// The middle of a full disc (r ≈ 47 mm of 58): a 48x drive reaches 48 × 47/58 = 38.9x there at its maximum.
// A CLV-capped drive gives the 16x asked for; a CAV drive rated at the outer edge runs 16x as 16 × 47/58 = 12.97x.
// Both honour the request.
TEST(SpinUpRules, AFlatCapAndACavLineScaledByThePositionAreBothHonoured)
{
    const double reachable = 48.0 * 47.0 / 58.0, rated = 48.0;
    // CLV-capped: the flat cap min(16, 38.9) = 16x.
    EXPECT_EQ(judgeSpeed(16.0, 15.96, reachable, rated), SpeedVerdict::Honoured);
    // CAV-scaled: the position factor 38.9 / 48 = 0.81 puts the CAV line at 12.97x, below 14.4 (0.9 × 16): honoured
    // (without the CAV line it was a false misreport).
    EXPECT_NEAR(expectedX(16.0, reachable, rated), 16.0 * 47.0 / 58.0, 1e-9);
    EXPECT_EQ(judgeSpeed(16.0, 16.0 * 47.0 / 58.0, reachable, rated), SpeedVerdict::Honoured);
    EXPECT_EQ(judgeSpeed(16.0, 11.7, reachable, rated), SpeedVerdict::Honoured);  // 0.9 × 12.97 = 11.67
    // Below both lines by more than 10%: a misreport.
    EXPECT_EQ(judgeSpeed(16.0, 11.6, reachable, rated), SpeedVerdict::Misreported);
    // "Ignored" is unchanged: clearly above the request is above both lines.
    EXPECT_EQ(judgeSpeed(16.0, 17.7, reachable, rated), SpeedVerdict::Ignored);
    // A rating below what the position reaches (a nominal curve capped by a small disc) is no scaling: factor 1.
    EXPECT_DOUBLE_EQ(expectedX(16.0, 21.94, 21.0), 16.0);
}

TEST(SpinUpRules, WarningsCarryTheFigures)
{
    EXPECT_EQ(speedWarning(SpeedVerdict::Ignored, 8.0, 21.4, 21.4, 48.0),
              "QualityWarning: the drive ignored SET_SPEED: achieved 21.40x with 8.00x requested; 21.40x at the same "
              "position at the drive's maximum speed (more than 10% above the request)");
    EXPECT_EQ(speedWarning(SpeedVerdict::Misreported, 16.0, 5.0, 21.4, 48.0),
              "QualityWarning: the drive misreports its speed: achieved 5.00x with 16.00x requested; 21.40x at the "
              "same position at the drive's maximum speed, 48.00x reported at FFFFh (more than 10% below both the "
              "flat cap 16.00x and the CAV line 7.13x)");
    EXPECT_EQ(speedWarning(SpeedVerdict::Honoured, 16.0, 16.0, 21.4, 48.0), "");
}

}  // namespace
