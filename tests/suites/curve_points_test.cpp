// Where the transfer-rate curve samples the disc (suites/bench/curve_points.hpp), worked by hand: one even grid
// from LBA 0 to the lead-out, each point of the kind under it, windows never overlapping.
#include <gtest/gtest.h>

#include <vector>

#include "suites/bench/curve_points.hpp"

namespace {
using namespace cdcts::suites::bench;

TEST(CurvePoints, EvenGridFromTheFirstSectorToTheLeadOut)
{
    // 10 000 sectors, 5 points, windows of 100: starts at 0, 2475, 4950, 7425, 9900.
    const auto points = curvePoints({{0, 10000, CurveKind::Cooked}}, 10000, 5, 100);
    ASSERT_EQ(points.size(), 5u);
    const std::int32_t starts[] = {0, 2475, 4950, 7425, 9900};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(points[i].index, i);
        EXPECT_EQ(points[i].start, starts[i]);
        EXPECT_EQ(points[i].kind, CurveKind::Cooked);
    }
}

TEST(CurvePoints, AShortDiscGetsFewerPointsThatDoNotOverlap)
{
    // 1 000 sectors hold 3 windows of 300: 0, 350, 700.
    const auto points = curvePoints({{0, 1000, CurveKind::Cdda}}, 1000, 41, 300);
    ASSERT_EQ(points.size(), 3u);
    EXPECT_EQ(points[0].start, 0);
    EXPECT_EQ(points[1].start, 350);
    EXPECT_EQ(points[2].start, 700);
}

TEST(CurvePoints, AMixedDiscSplitsTheGridByTrackKind)
{
    // Data [0, 4850), pregap [4850, 5000) left out, audio [5000, 10000) in two tracks; 5 points of 100.
    const std::vector<CurveSpan> spans = {
        {0, 4850, CurveKind::Cooked}, {5000, 7000, CurveKind::Cdda}, {7000, 10000, CurveKind::Cdda}};
    const auto points = curvePoints(spans, 10000, 5, 100);
    ASSERT_EQ(points.size(), 5u);
    EXPECT_EQ(points[0].kind, CurveKind::Cooked);
    EXPECT_EQ(points[1].kind, CurveKind::Cooked);
    // Point 2's window [4950, 5050) has its middle in the pregap: the nearest span is the audio one, and the window
    // moves inside it.
    EXPECT_EQ(points[2].kind, CurveKind::Cdda);
    EXPECT_EQ(points[2].start, 5000);
    EXPECT_EQ(points[3].kind, CurveKind::Cdda);
    EXPECT_EQ(points[3].start, 7425);  // across the track boundary at 7000: one audio span for the curve
    EXPECT_EQ(points[4].kind, CurveKind::Cdda);
}

TEST(CurvePoints, SectorsOfNeitherKindHaveNoPoint)
{
    const std::vector<CurveSpan> spans = {{0, 5000, CurveKind::Cooked}, {5000, 10000, CurveKind::None}};
    const auto points = curvePoints(spans, 10000, 5, 100);
    // Windows at 0 and 2475 are data; 4950 (middle 5000), 7425 and 9900 lie on the mode 2 track.
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[1].start, 2475);
    EXPECT_EQ(points[1].index, 1u);
}

TEST(CurvePoints, NothingToSample)
{
    EXPECT_TRUE(curvePoints({}, 10000, 5, 100).empty());
    EXPECT_TRUE(curvePoints({{0, 50, CurveKind::Cooked}}, 50, 5, 100).empty());
}

}  // namespace
