// GET EVENT STATUS NOTIFICATION (MMC-6 §6.7), MECHANISM STATUS (§6.10), RESERVE/RELEASE (SPC-2 §7.21-7.22)
// and SYNCHRONIZE CACHE (MMC-6 §6.41).
#include <gtest/gtest.h>

#include "model_drive.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::hasSense;
using testing_support::ModelDriveFixture;
using testing_support::pointsAt;

constexpr std::uint8_t kMediaClass = 0x10;
constexpr std::uint8_t kPowerClass = 0x04;
constexpr std::uint8_t kOperationalClass = 0x02;

class EventStatus : public ModelDriveFixture {
protected:
    // Polled GESN as the class driver's media-change timer sends it (Immed/Polled = 1, allocation 8).
    std::vector<std::uint8_t> gesn(std::uint8_t classes, std::uint8_t allocation = 8)
    {
        return dataOf({0x4A, 0x01, 0, 0, classes, 0, 0, 0, allocation, 0});
    }
};

TEST_F(EventStatus, ANewDiscIsReportedOnceAndBeforeTheUnitAttentionIsCleared)
{
    drive.loadMedium(makeSyntheticDisc("data"));  // no settle: the unit attentions are still pending
    const auto first = gesn(kMediaClass);
    ASSERT_EQ(first.size(), 8u);
    EXPECT_EQ(loadBe16(&first[0]), 6) << "event descriptor length: header bytes 2-3 and one descriptor";
    EXPECT_EQ(first[2], 4) << "media class, NEA clear";
    EXPECT_EQ(first[3], 0x16) << "supported classes: operational change, power management, media";
    EXPECT_EQ(first[4] & 0x0F, 2) << "NewMedia";
    EXPECT_EQ(first[5], 0x02) << "media present, tray closed";
    const auto second = gesn(kMediaClass);
    EXPECT_EQ(second[4] & 0x0F, 0) << "reported once: no change now";
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::PowerOnResetOccurred)) << "GESN left the unit attention";
}

TEST_F(EventStatus, EjectReportsMediaRemovalAndTheOpenTray)
{
    loadSynthetic("data");
    (void)gesn(kMediaClass);  // the load's NewMedia
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x02, 0}).good());
    const auto r = gesn(kMediaClass);
    EXPECT_EQ(r[4] & 0x0F, 3) << "MediaRemoval";
    EXPECT_EQ(r[5], 0x01) << "tray open, no medium in the drive";
}

TEST_F(EventStatus, EmptyDriveReportsNoMediaAndNoEvent)
{
    settle();
    const auto r = gesn(kMediaClass);
    EXPECT_EQ(r[4] & 0x0F, 0);
    EXPECT_EQ(r[5], 0x00);
}

TEST_F(EventStatus, PowerClassReportsTheActiveState)
{
    settle();
    const auto r = gesn(kPowerClass);
    EXPECT_EQ(r[2], 2);
    EXPECT_EQ(r[5], 1) << "power status: active";
}

TEST_F(EventStatus, APendingMediaEventWinsOverAClassWithNothingToSay)
{
    drive.loadMedium(makeSyntheticDisc("data"));
    const auto r = gesn(kOperationalClass | kMediaClass);
    EXPECT_EQ(r[2], 4);
    const auto quiet = gesn(kOperationalClass | kMediaClass);
    EXPECT_EQ(quiet[2], 1) << "nothing pending: the lowest class requested";
}

TEST_F(EventStatus, UnsupportedClassesOnlyGiveNoEventAvailable)
{
    settle();
    const auto r = gesn(0x08 | 0x20);  // external request, multi-initiator
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(loadBe16(&r[0]), 2);
    EXPECT_EQ(r[2], 0x80) << "NEA";
    EXPECT_EQ(r[3], 0x16);
}

TEST_F(EventStatus, AsynchronousRequestIsRefused)
{
    std::vector<std::uint8_t> data(8);
    const auto r = send({0x4A, 0x00, 0, 0, kMediaClass, 0, 0, 0, 8, 0}, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(r, true, 1, 0));
}

TEST_F(EventStatus, LegacyDriveDoesNotKnowTheCommand)
{
    useModel("legacy_cdrom");
    std::vector<std::uint8_t> data(8);
    EXPECT_TRUE(hasSense(send({0x4A, 0x01, 0, 0, kMediaClass, 0, 0, 0, 8, 0}, data), mmc::sense::InvalidCommandOperationCode));
}

class MechanismStatus : public ModelDriveFixture {
protected:
    std::vector<std::uint8_t> status() { return dataOf({0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0}); }
};

TEST_F(MechanismStatus, ClosedTrayIdleNoChanger)
{
    loadSynthetic("data");
    const auto r = status();
    ASSERT_EQ(r.size(), 8u);
    EXPECT_EQ(r[0], 0) << "no fault, changer ready, slot 0";
    EXPECT_EQ(r[1], 0) << "idle, door closed";
    EXPECT_EQ(r[5], 0) << "no slots";
    EXPECT_EQ(loadBe16(&r[6]), 0) << "no slot tables";
}

TEST_F(MechanismStatus, OpenTraySetsDoorOpen)
{
    loadSynthetic("data");
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x02, 0}).good());
    EXPECT_EQ(status()[1] & 0x10, 0x10);
}

TEST_F(MechanismStatus, AllocationLengthCutsTheHeader)
{
    settle();
    std::vector<std::uint8_t> data(8);
    EXPECT_EQ(send({0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0}, data).transferred, 4u);
}

class ReserveRelease : public ModelDriveFixture {};

TEST_F(ReserveRelease, RefusedWhereTheProfileHasNone)
{
    settle();  // dvd_rom has no RESERVE/RELEASE
    EXPECT_TRUE(hasSense(send({0x16, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
    EXPECT_TRUE(hasSense(send({0x17, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
    EXPECT_TRUE(hasSense(send({0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
    EXPECT_TRUE(hasSense(send({0x57, 0, 0, 0, 0, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
}

TEST_F(ReserveRelease, GoodWhereTheProfileHasThem)
{
    useModel("dvdrw_writer");
    settle();
    EXPECT_TRUE(send({0x16, 0, 0, 0, 0, 0}).good());
    EXPECT_TRUE(send({0x17, 0, 0, 0, 0, 0}).good());
    EXPECT_TRUE(send({0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    EXPECT_TRUE(send({0x57, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
}

TEST(SynchronizeCache, GoodWithADiscNotReadyWithout)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("dvdrw_writer"), clock);
    const std::array<std::uint8_t, 10> cdb{0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const std::array<std::uint8_t, 6> tur{};
    for (int i = 0; i < 3; ++i) (void)drive.execute(tur, {}, mmc::DataDirection::None, std::chrono::seconds(1));
    EXPECT_TRUE(testing_support::hasSense(drive.execute(cdb, {}, mmc::DataDirection::None, std::chrono::seconds(1)),
                                          mmc::sense::MediumNotPresentTrayClosed));
    drive.loadMedium(makeSyntheticDisc("data"));
    clock.advance(drive.profile().timings.spinUp);  // let the spindle come up to speed
    for (int i = 0; i < 3; ++i) (void)drive.execute(tur, {}, mmc::DataDirection::None, std::chrono::seconds(1));
    EXPECT_TRUE(drive.execute(cdb, {}, mmc::DataDirection::None, std::chrono::seconds(1)).good());
}

}  // namespace
}  // namespace cdcts::emulator
