// The spindle: spin-up after a load or START UNIT (02/04/01 meanwhile), stop, idle spin-down, tray travel,
// and what a slot loader answers to a load. Times come from the profile (perf-anchors.md §1.5), all on the
// virtual clock.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;
using namespace std::chrono_literals;

class Spindle_ : public DriveFixture {
protected:
    const ProfileTimings& timings() { return drive.profile().timings; }
    mmc::CommandResult testUnitReady() { return send({0x00, 0, 0, 0, 0, 0}); }
    mmc::CommandResult startStop(bool immediate, std::uint8_t byte4) { return send({0x1B, immediate ? std::uint8_t{1} : std::uint8_t{0}, 0, 0, byte4, 0}); }
    mmc::CommandResult read(std::uint32_t lba)
    {
        Bytes data(2048);
        return send({0x28, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16), static_cast<std::uint8_t>(lba >> 8),
                     static_cast<std::uint8_t>(lba), 0, 0, 1, 0},
                    data);
    }
    // Clock time a command takes.
    template <class F>
    Nanoseconds timed(F&& f)
    {
        const Nanoseconds before = clock.now();
        f();
        return clock.now() - before;
    }
};

TEST_F(Spindle_, ALoadedDiscIsBecomingReadyUntilItsSpinUpHasPassed)
{
    settle();  // power-on reset; the empty drive is ready to say so
    drive.loadMedium(makeSyntheticDisc("data"));
    const Nanoseconds loadedAt = clock.now();
    ASSERT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::NotReadyBecomingReady));
    EXPECT_TRUE(hasSense(read(0), mmc::sense::NotReadyBecomingReady)) << "reads too";
    Bytes sense(18);
    ASSERT_TRUE(send({0x03, 0, 0, 0, 18, 0}, sense).good());
    EXPECT_EQ(sense[2] & 0x0F, 0x02);
    EXPECT_EQ(sense[12], 0x04);
    EXPECT_EQ(sense[13], 0x01) << "REQUEST SENSE reports the spin-up";
    clock.advance(loadedAt + timings().spinUp - 1ns - clock.now());  // the commands above took their overhead
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::NotReadyBecomingReady)) << "one nanosecond early";
    clock.advance(1ns);
    EXPECT_TRUE(testUnitReady().good());
    EXPECT_TRUE(read(0).good());
}

TEST_F(Spindle_, InquiryAnswersDuringTheSpinUp)
{
    settle();
    drive.loadMedium(makeSyntheticDisc("data"));
    Bytes data(36);
    EXPECT_TRUE(send({0x12, 0, 0, 0, 36, 0}, data).good());
}

TEST_F(Spindle_, StartUnitWithoutImmedTakesTheSpinUpOnTheClock)
{
    loadSynthetic("data");
    ASSERT_TRUE(startStop(false, 0x00).good());  // stop
    EXPECT_TRUE(testUnitReady().good()) << "a stopped disc is still present and ready to be spun up";
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(false, 0x01).good()); }), timings().spinUp + timings().commandOverhead);
    EXPECT_TRUE(testUnitReady().good());
}

TEST_F(Spindle_, StartUnitWithImmedReturnsAtOnceAndTheDriveBecomesReady)
{
    loadSynthetic("data");
    ASSERT_TRUE(startStop(false, 0x00).good());
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(true, 0x01).good()); }), timings().commandOverhead) << "the overhead alone";
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::NotReadyBecomingReady));
    clock.advance(timings().spinUp);
    EXPECT_TRUE(testUnitReady().good());
}

TEST_F(Spindle_, StartUnitOnASpinningDiscTakesNoTime)
{
    loadSynthetic("data");
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(false, 0x01).good()); }), timings().commandOverhead) << "the overhead alone";
}

TEST_F(Spindle_, StartUnitWithoutADiscIsMediumNotPresent)
{
    settle();
    EXPECT_TRUE(hasSense(startStop(false, 0x01), mmc::sense::MediumNotPresentTrayClosed));
    EXPECT_TRUE(startStop(false, 0x00).good()) << "stopping nothing is no error";
}

TEST_F(Spindle_, AReadOfAStoppedDiscSpinsItUpFirst)
{
    loadSynthetic("data");
    ASSERT_TRUE(read(100).good());
    const Nanoseconds atSpeed = timed([&] { ASSERT_TRUE(read(101).good()); });  // sequential: no seek
    ASSERT_TRUE(startStop(false, 0x00).good());
    const Nanoseconds afterStop = timed([&] { ASSERT_TRUE(read(102).good()); });
    // Sectors 101 and 102 are a micrometre apart: their transfer times differ by far less than a microsecond.
    EXPECT_NEAR(double((afterStop - atSpeed).count()), double(timings().spinUp.count()), 1000.0);
}

TEST_F(Spindle_, AnIdleDiscSpinsDownAndTheNextReadSpinsItUp)
{
    loadSynthetic("data");
    ASSERT_TRUE(read(100).good());
    const Nanoseconds atSpeed = timed([&] { ASSERT_TRUE(read(101).good()); });
    clock.advance(timings().idleSpinDown - 1ms);
    const Nanoseconds stillSpinning = timed([&] { ASSERT_TRUE(read(102).good()); });
    EXPECT_NEAR(double(stillSpinning.count()), double(atSpeed.count()), 1000.0) << "the idle timer restarts with each access";
    clock.advance(timings().idleSpinDown);
    const Nanoseconds spunDown = timed([&] { ASSERT_TRUE(read(103).good()); });
    EXPECT_NEAR(double((spunDown - atSpeed).count()), double(timings().spinUp.count()), 1000.0);
}

TEST_F(Spindle_, EjectAndLoadTakeTheTrayTravelAndLoadWaitsForTheSpinUp)
{
    loadSynthetic("data");
    const Nanoseconds overhead = timings().commandOverhead;
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(false, 0x02).good()); }), timings().trayTravel + overhead);
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(false, 0x03).good()); }), timings().trayTravel + timings().spinUp + overhead);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(testUnitReady().good());
}

TEST_F(Spindle_, ImmediateLoadLeavesTheDriveBecomingReady)
{
    loadSynthetic("data");
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(true, 0x02).good()); }), timings().commandOverhead);
    EXPECT_EQ(drive.tray(), TrayState::Open);
    EXPECT_EQ(timed([&] { ASSERT_TRUE(startStop(true, 0x03).good()); }), timings().commandOverhead);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::NotReadyBecomingReady));
    clock.advance(timings().spinUp);
    EXPECT_TRUE(testUnitReady().good());
}

TEST(SlotLoader, CannotPullAnEjectedDiscBackIn)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("slim_slot"), clock);
    ASSERT_EQ(drive.profile().loading, LoadingMechanism::CaddySlot);
    drive.loadMedium(makeSyntheticDisc("data"));
    clock.advance(drive.profile().timings.spinUp);
    const auto send = [&](std::vector<std::uint8_t> cdb) { return drive.execute(cdb, {}, mmc::DataDirection::None, std::chrono::seconds(10)); };
    for (int i = 0; i < 2; ++i) (void)send({0x00, 0, 0, 0, 0, 0});  // power-on reset, medium change
    ASSERT_TRUE(send({0x00, 0, 0, 0, 0, 0}).good());
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x02, 0}).good());  // the slot pushes the disc out
    const auto load = send({0x1B, 0, 0, 0, 0x03, 0});
    ASSERT_TRUE(hasSense(load, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(load.sense.bytes[15], 0x80 | 0x40 | 0x08 | 1) << "SKSV, C/D, BPV, bit 1 (LoEj)";
    EXPECT_EQ(load.sense.bytes[17], 4);
    EXPECT_EQ(drive.tray(), TrayState::Open);
    // A hand pushes it back in: a new medium, spun up like any load.
    drive.loadMedium(makeSyntheticDisc("data"));
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::NotReadyBecomingReady));
}

}  // namespace
}  // namespace cdcts::emulator
