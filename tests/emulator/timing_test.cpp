// The timing model against figures computed here from perf-anchors.md (CD geometry §1.2, rates §1.1, access
// times §1.4), and the clock time the read commands take. All on the virtual clock.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "drive_fixture.hpp"
#include "harness/emulator/timing.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using Bytes = std::vector<std::uint8_t>;
using namespace std::chrono_literals;

// 52x in MMC's unit: 52 × 176.4 kB/s.
constexpr std::uint32_t k52x = 9173;

// The radius from the spiral's area, written out independently: pi (r^2 - 25^2) = 0.0016 mm × 1200 mm/s × t.
double expectedRadius(double seconds) { return std::sqrt(625.0 + 1.92 * seconds / std::numbers::pi); }

TEST(TimingModel, TheProgramAreaStartsAt25mmAnd74MinutesEndNear58mm)
{
    EXPECT_DOUBLE_EQ(timing::radiusMm(-150), 25.0);
    EXPECT_NEAR(timing::radiusMm(0), expectedRadius(2.0), 1e-9);
    const std::int32_t end74 = 74 * 60 * 75 - 150;
    EXPECT_NEAR(timing::radiusMm(end74), expectedRadius(74 * 60), 1e-9);
    EXPECT_NEAR(timing::radiusMm(end74), 57.8, 0.05);
    EXPECT_DOUBLE_EQ(timing::radiusMm(90 * 60 * 75), 58.0) << "a longer spiral is clamped to the outer edge";
}

TEST(TimingModel, A52xCavDriveReadsTheOuterEdge2_32TimesFasterThanTheInner)
{
    ProfileSpeeds cav{RotationControl::Cav, k52x, {}, {}, 0, {}, {}};
    const double inner = timing::readRateKbps(cav, timing::kMaximumSpeed, -150);
    const double outer = timing::readRateKbps(cav, timing::kMaximumSpeed, 400000);
    EXPECT_NEAR(outer, k52x, 1e-9) << "rated at 58 mm";
    EXPECT_NEAR(outer / inner, 58.0 / 25.0, 1e-9);
    EXPECT_NEAR(inner / 176.4, 22.4, 0.05) << "perf-anchors.md §1.2: 52x CAV is 22.4x at 25 mm";
}

TEST(TimingModel, ClvIsFlatAndPcavFlattensAtItsCap)
{
    ProfileSpeeds clv{RotationControl::Clv, 4234, {}, {}, 0, {}, {}};
    EXPECT_DOUBLE_EQ(timing::readRateKbps(clv, timing::kMaximumSpeed, 0), 4234.0);
    EXPECT_DOUBLE_EQ(timing::readRateKbps(clv, timing::kMaximumSpeed, 300000), 4234.0);
    ProfileSpeeds pcav{RotationControl::Pcav, 8467, {}, {}, 5645, {}, {}};
    EXPECT_NEAR(timing::readRateKbps(pcav, timing::kMaximumSpeed, 0), 8467.0 * expectedRadius(2.0) / 58.0, 1e-6) << "CAV inside";
    EXPECT_DOUBLE_EQ(timing::readRateKbps(pcav, timing::kMaximumSpeed, 300000), 5645.0) << "the cap outside";
}

TEST(TimingModel, ZclvIsAStaircaseOfZones)
{
    const ProfileSpeeds& slim = findDriveProfile("slim_slot")->speeds;
    ASSERT_EQ(slim.rotation, RotationControl::Zclv);
    EXPECT_DOUBLE_EQ(timing::readRateKbps(slim, timing::kMaximumSpeed, 0), 2822.0);
    EXPECT_DOUBLE_EQ(timing::readRateKbps(slim, timing::kMaximumSpeed, 99999), 2822.0);
    EXPECT_DOUBLE_EQ(timing::readRateKbps(slim, timing::kMaximumSpeed, 100000), 3528.0);
    EXPECT_DOUBLE_EQ(timing::readRateKbps(slim, timing::kMaximumSpeed, 250000), 4234.0);
}

TEST(TimingModel, TheHostsSelectedSpeedCapsTheRate)
{
    ProfileSpeeds cav{RotationControl::Cav, k52x, {}, {}, 0, {}, {}};
    EXPECT_DOUBLE_EQ(timing::readRateKbps(cav, 1411, 300000), 1411.0);
    EXPECT_LT(timing::readRateKbps(cav, 8467, -150), 8467.0) << "a cap above the inner rate leaves it alone";
}

TEST(TimingModel, SeeksRunFromTheMinimumToTheFullStroke)
{
    const ProfileTimings& t = findDriveProfile("dvd_rom")->timings;
    EXPECT_EQ(timing::seekTime(t, 30.0, 30.0), 0ns);
    EXPECT_EQ(timing::seekTime(t, 25.0, 58.0), t.fullStrokeSeek);
    EXPECT_EQ(timing::seekTime(t, 58.0, 25.0), t.fullStrokeSeek) << "either direction";
    EXPECT_LT(timing::seekTime(t, 40.0, 40.0016), t.minimumSeek + 2ms) << "one track";
    EXPECT_GE(timing::seekTime(t, 40.0, 40.0016), t.minimumSeek);
    const Nanoseconds third = timing::seekTime(t, 25.0, 36.0);
    EXPECT_GT(third, t.fullStrokeSeek / 2) << "perf-anchors.md §1.4: a third stroke costs well over half a full one";
    EXPECT_LT(third, t.fullStrokeSeek);
}

TEST(TimingModel, SeventyFiveSectorsAt1xTakeOneSecond)
{
    EXPECT_EQ(timing::transferTime(176.4, 75), 1s);
    EXPECT_EQ(timing::transferTime(176.4 * 48, 75 * 48), 1s);
}

// A whole-spiral disc: one mode-1 track to LBA 400,000 (clamped at 58 mm), zero-filled.
class ZeroSource final : public SectorSource {
public:
    void read(const Track&, std::int32_t, std::span<std::uint8_t> out) const override { std::fill(out.begin(), out.end(), std::uint8_t{0}); }
};

class ReadTiming : public DriveFixture {
protected:
    void SetUp() override
    {
        drive.loadMedium(std::make_unique<Disc>("full disc", std::vector<Track>{Track{1, 1, TrackType::Mode1, control::DataTrack, 0, 400000, {}}},
                                                400000, std::make_unique<ZeroSource>()));
        settle();
    }
    const DriveProfile& profile() { return drive.profile(); }
    Nanoseconds timedRead(std::uint32_t lba, std::uint16_t count, bool streaming = false)
    {
        Bytes data(std::size_t{count} * 2048);
        const Nanoseconds before = clock.now();
        mmc::CommandResult r;
        if (streaming)
            r = send({0xA8, 0, std::uint8_t(lba >> 24), std::uint8_t(lba >> 16), std::uint8_t(lba >> 8), std::uint8_t(lba), 0, 0,
                      std::uint8_t(count >> 8), std::uint8_t(count), 0x80, 0},
                     data);
        else
            r = send({0x28, 0, std::uint8_t(lba >> 24), std::uint8_t(lba >> 16), std::uint8_t(lba >> 8), std::uint8_t(lba), 0,
                      std::uint8_t(count >> 8), std::uint8_t(count), 0},
                     data);
        EXPECT_TRUE(r.good());
        return clock.now() - before;
    }
    // Overhead + transfer at the CAV rate of the middle sector, computed here from the profile.
    Nanoseconds sequentialRead(std::int32_t lba, std::uint32_t count)
    {
        const double middleSeconds = (lba + static_cast<std::int32_t>(count / 2) + 150) / 75.0;
        const double rate = profile().speeds.maxReadKbps * expectedRadius(middleSeconds) / 58.0;
        const double seconds = count * 2352.0 / (rate * 1000.0);
        return profile().timings.commandOverhead + Nanoseconds{std::llround(seconds * 1e9)};
    }
};

TEST_F(ReadTiming, ASequentialReadTakesOverheadAndTransfer)
{
    ASSERT_EQ(profile().speeds.rotation, RotationControl::Cav);
    EXPECT_NEAR(double(timedRead(0, 32).count()), double(sequentialRead(0, 32).count()), 2.0) << "the head rests at LBA 0 after a load";
    EXPECT_NEAR(double(timedRead(32, 32).count()), double(sequentialRead(32, 32).count()), 2.0);
}

TEST_F(ReadTiming, TheOuterEdgeReadsFasterThanTheInner)
{
    (void)timedRead(399000, 1);
    const Nanoseconds outer = timedRead(399001, 64);
    (void)timedRead(0, 1);
    const Nanoseconds inner = timedRead(1, 64);
    const double overhead = double(profile().timings.commandOverhead.count());
    EXPECT_NEAR((double(inner.count()) - overhead) / (double(outer.count()) - overhead), 58.0 / expectedRadius((1 + 32 + 150) / 75.0), 1e-3);
}

TEST_F(ReadTiming, AFullStrokeReadPaysTheFullStrokeSeekAndHalfARevolution)
{
    (void)timedRead(0, 1);  // head at LBA 1, a hair off 25 mm
    const Nanoseconds far = timedRead(399999, 1);
    // At the outer edge, CAV at the rated maximum: v = 1.2 m/s × max / 176.4.
    const double revolution = 2 * std::numbers::pi * 58.0 / (1200.0 * profile().speeds.maxReadKbps / 176.4);
    const Nanoseconds expected = sequentialRead(399999, 1) + profile().timings.fullStrokeSeek + Nanoseconds{std::llround(revolution / 2 * 1e9)};
    EXPECT_NEAR(double(far.count()), double(expected.count()), double(std::chrono::nanoseconds(1ms).count()))
        << "the seek starts at LBA 1, a few micrometres from the full stroke";
}

TEST_F(ReadTiming, MarginalSectorsAreRetriedByANormalReadButNotByAStreamingOne)
{
    // The same 16 sectors, read the same way (a one-sector read first puts the head there), before and after
    // sector 1000 turns marginal.
    const auto readAt991 = [&](bool streaming) {
        (void)timedRead(990, 1);
        return timedRead(991, 16, streaming);
    };
    const Nanoseconds clean = readAt991(false);
    drive.faults().setSector(1000, SectorFault::Marginal);
    const Nanoseconds retries = profile().timings.marginalRetry * profile().timings.marginalRetries;
    EXPECT_EQ(readAt991(false) - clean, retries) << "READ(10) retries";
    EXPECT_EQ(readAt991(true), clean) << "READ(12) Streaming returns promptly";
    EXPECT_GT(retries, profile().timings.marginalRetry);
}

TEST_F(ReadTiming, ReadTwelveWithoutTheStreamingBitRetriesToo)
{
    (void)timedRead(990, 1);
    const Nanoseconds clean = timedRead(991, 16);
    drive.faults().setSector(1000, SectorFault::Marginal);
    Bytes data(16 * 2048);
    (void)timedRead(990, 1);
    const Nanoseconds before = clock.now();
    ASSERT_TRUE(send({0xA8, 0, 0, 0, 0x03, 0xDF, 0, 0, 0, 16, 0x00, 0}, data).good());
    EXPECT_EQ(clock.now() - before - clean, profile().timings.marginalRetry * profile().timings.marginalRetries);
}

TEST_F(ReadTiming, ASlowSectorAddsItsDelayEvenWhenStreaming)
{
    (void)timedRead(1990, 1);
    const Nanoseconds cleanStreaming = timedRead(1991, 16, true);
    (void)timedRead(1990, 1);
    const Nanoseconds clean = timedRead(1991, 16);
    drive.faults().setSector(2000, SectorFault::Slow);
    drive.faults().setSector(2003, SectorFault::Slow);
    (void)timedRead(1990, 1);
    EXPECT_EQ(timedRead(1991, 16, true) - cleanStreaming, 2 * profile().timings.slowSectorDelay) << "streaming";
    (void)timedRead(1990, 1);
    EXPECT_EQ(timedRead(1991, 16) - clean, 2 * profile().timings.slowSectorDelay) << "a normal read";
}

// The delay is the profile's own timing, not the marginal retry's: a profile with another value costs that.
TEST(SlowSectorDelay, ComesFromTheProfile)
{
    DriveProfile tuned = *findDriveProfile("dvd_rom");
    tuned.timings.slowSectorDelay = std::chrono::milliseconds{7};
    ASSERT_NE(tuned.timings.slowSectorDelay, tuned.timings.marginalRetry);
    VirtualClock clock;
    VirtualDrive drive(tuned, clock);
    drive.loadMedium(std::make_unique<Disc>("disc", std::vector<Track>{Track{1, 1, TrackType::Mode1, control::DataTrack, 0, 10000, {}}},
                                            10000, std::make_unique<ZeroSource>()));
    clock.advance(tuned.timings.spinUp);
    for (int i = 0; i < 3; ++i) (void)drive.execute(std::vector<std::uint8_t>{0x00, 0, 0, 0, 0, 0}, {}, mmc::DataDirection::None, 10s);
    Bytes data(2048);
    const auto read = [&](std::uint8_t lba) {
        const std::vector<std::uint8_t> cdb{0x28, 0, 0, 0, 0x03, lba, 0, 0, 1, 0};  // LBA 0x300 + lba, one sector
        const Nanoseconds before = clock.now();
        EXPECT_TRUE(drive.execute(cdb, data, mmc::DataDirection::In, 10s).good());
        return clock.now() - before;
    };
    (void)read(2);
    const Nanoseconds clean = read(3);
    drive.faults().setSector(0x303, SectorFault::Slow);
    (void)read(2);
    EXPECT_EQ(read(3) - clean, std::chrono::milliseconds{7});
}

TEST_F(ReadTiming, TheSelectedSpeedSlowsTheRead)
{
    (void)timedRead(300000, 1);
    const Nanoseconds full = timedRead(300001, 64);
    ASSERT_TRUE(send({0xBB, 0, 0x02, 0x58, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0}).good());  // 600 kB/s: well under 4x (706), so 2x (353)
    (void)timedRead(300065, 1);
    const Nanoseconds slow = timedRead(300066, 64);
    const double overhead = double(profile().timings.commandOverhead.count());
    EXPECT_NEAR((double(slow.count()) - overhead) / 1e9, 64 * 2352.0 / 353000.0, 1e-6);
    EXPECT_GT(slow, full);
}

}  // namespace
}  // namespace cdcts::emulator
