// START STOP UNIT and PREVENT ALLOW MEDIUM REMOVAL: the tray, the disc on it, and the lock.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;

constexpr mmc::SenseCode kRemovalPrevented{mmc::SenseKey::IllegalRequest, 0x53, 0x02};

class Tray : public DriveFixture {
protected:
    void SetUp() override { loadSynthetic("data"); }
    mmc::CommandResult eject() { return send({0x1B, 0, 0, 0, 0x02, 0}); }
    mmc::CommandResult load() { return send({0x1B, 0, 0, 0, 0x03, 0}); }
    mmc::CommandResult testUnitReady() { return send({0x00, 0, 0, 0, 0, 0}); }
    mmc::CommandResult preventAllow(std::uint8_t field) { return send({0x1E, 0, 0, 0, field, 0}); }
};

TEST_F(Tray, EjectOpensTheTrayAndTheDiscIsGone)
{
    ASSERT_TRUE(eject().good());
    EXPECT_EQ(drive.tray(), TrayState::Open);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumNotPresentTrayOpen));
    std::vector<std::uint8_t> data(804);
    EXPECT_TRUE(hasSense(send({0x43, 0x02, 0, 0, 0, 0, 0, 0x03, 0x24, 0}, data), mmc::sense::MediumNotPresentTrayOpen));
}

TEST_F(Tray, LoadingTheSameDiscReportsAMediumChangeOnce)
{
    ASSERT_TRUE(eject().good());
    ASSERT_TRUE(load().good());
    EXPECT_EQ(drive.tray(), TrayState::Closed);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(testUnitReady().good());
}

TEST_F(Tray, LoadingAnEmptyTrayLeavesTheDriveEmpty)
{
    ASSERT_TRUE(eject().good());
    drive.removeMedium(TrayState::Open);
    ASSERT_TRUE(load().good());
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumNotPresentTrayClosed));
}

TEST_F(Tray, PreventedRemovalRefusesTheEject)
{
    ASSERT_TRUE(preventAllow(0x01).good());
    EXPECT_TRUE(hasSense(eject(), kRemovalPrevented));
    EXPECT_EQ(drive.tray(), TrayState::Closed);
    EXPECT_TRUE(testUnitReady().good()) << "the disc stays readable";
    ASSERT_TRUE(preventAllow(0x00).good());
    EXPECT_TRUE(eject().good());
}

TEST_F(Tray, PersistentPreventIsItsOwnLock)
{
    ASSERT_TRUE(preventAllow(0x03).good());  // persistent prevent
    ASSERT_TRUE(preventAllow(0x00).good());  // allows the ordinary lock only
    EXPECT_TRUE(hasSense(eject(), kRemovalPrevented));
    ASSERT_TRUE(preventAllow(0x02).good());  // persistent allow
    EXPECT_TRUE(eject().good());
}

TEST_F(Tray, StartAndStopWithoutLoEjLeaveTheTray)
{
    EXPECT_TRUE(send({0x1B, 0, 0, 0, 0x00, 0}).good());
    EXPECT_TRUE(send({0x1B, 0, 0, 0, 0x01, 0}).good());
    EXPECT_EQ(drive.tray(), TrayState::Closed);
}

TEST_F(Tray, AReservedPowerConditionIsAnInvalidField)
{
    const auto r = send({0x1B, 0, 0, 0, 0x40, 0});
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 4);
}

}  // namespace
}  // namespace cdcts::emulator
