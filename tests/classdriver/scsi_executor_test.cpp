// One SCSI command sent the way the class driver sends it (ScsiExecutor): retries and their delays on the device's
// clock (§8, §8.5, §8.7) and the state a failure changes (§7.3 media state, MediaChangeCount, DO_VERIFY_VOLUME;
// §7.1 the MMC refresh flag). The drive is scripted, so each command takes no time and every second the clock
// moves is a retry delay.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/support/scripted_target.hpp"
#include "harness/classdriver/scsi_executor.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using mmc::SenseKey;
using testing_support::goodReply;
using testing_support::ScriptedReply;
using testing_support::ScriptedTarget;
using testing_support::senseReply;
using Bytes = std::vector<std::uint8_t>;

class Executor : public ::testing::Test {
protected:
    ScriptedTarget drive;
    DriverState state;

    // The first `failures` commands with `opcode` get `reply`; then the drive answers GOOD.
    void failFirst(std::uint8_t opcode, std::uint32_t failures, ScriptedReply reply)
    {
        drive.script = [opcode, failures, reply, seen = std::uint32_t{0}](std::span<const std::uint8_t> cdb) mutable {
            if (cdb[0] == opcode && seen++ < failures) return reply;
            return goodReply(Bytes(8, 0));
        };
    }
    void failAlways(std::uint8_t opcode, ScriptedReply reply) { failFirst(opcode, 1000000, std::move(reply)); }
    ScsiOutcome send(std::span<const std::uint8_t> cdb, bool mounted = false, ScsiRequest base = {})
    {
        ScsiExecutor scsi(drive, state, mounted);
        Bytes buffer(64);
        base.cdb = cdb;
        base.data = buffer;
        base.direction = mmc::DataDirection::In;
        start = drive.clock().now();
        return scsi.send(base);
    }
    [[nodiscard]] Nanoseconds elapsed() { return drive.clock().now() - start; }
    Nanoseconds start{0};
};

ScriptedReply transportReply(mmc::TransportStatus transport, std::uint32_t transferred = 0)
{
    ScriptedReply r;
    r.result.transport = transport;
    r.result.transferred = transferred;
    return r;
}

// ---------------------------------------------------------------------------------------------------------
// §8: a retry re-sends the identical CDB; at most 5 retries (6 attempts) unless the opcode says otherwise.

TEST_F(Executor, S8_AtMostFiveRetriesOfTheIdenticalCdb)
{
    failAlways(0x43, senseReply({SenseKey::HardwareError, 0x44, 0x00}));
    const auto cdb = mmc::cdb::readToc(false, mmc::cdb::TocFormat::Toc, 0, 804);
    const ScsiOutcome out = send(cdb);
    EXPECT_EQ(out.status, st::IoDeviceError);
    EXPECT_EQ(out.retries, 5);
    ASSERT_EQ(drive.cdbs.size(), 6u);
    for (const Bytes& sent : drive.cdbs) EXPECT_EQ(sent, Bytes(cdb.begin(), cdb.end()));
    EXPECT_EQ(elapsed(), 0s) << "4/44/00: retried at once";
}

TEST_F(Executor, S8_ARetryThatSucceedsCompletesTheRequest)
{
    failFirst(0x00, 2, senseReply({SenseKey::HardwareError, 0x44, 0x00}));
    const ScsiOutcome out = send(mmc::cdb::testUnitReady());
    EXPECT_EQ(out.status, st::Success);
    EXPECT_EQ(out.retries, 2);
    EXPECT_EQ(drive.cdbs.size(), 3u);
}

TEST_F(Executor, S8_1_S8_7_NotReady0400SendsStartUnitAndFailsAfterSixQuickAttempts)
{
    failAlways(0x00, senseReply({SenseKey::NotReady, 0x04, 0x00}));
    const ScsiOutcome out = send(mmc::cdb::testUnitReady());
    EXPECT_EQ(out.status, st::DeviceNotReady);
    EXPECT_EQ(drive.count(0x00), 6u);
    EXPECT_EQ(drive.count(0x1B), 6u) << "one START UNIT per 04/00";
    const Bytes startUnit{0x1B, 0x00, 0x00, 0x00, 0x01, 0x00};
    EXPECT_EQ(drive.cdbs.at(1), startUnit);
    EXPECT_EQ(elapsed(), 0s) << "§8.7: quick attempts";
}

TEST_F(Executor, S0_2_StartUnitIsSentWith240Seconds)
{
    failFirst(0x00, 1, senseReply({SenseKey::NotReady, 0x04, 0x00}));
    ASSERT_EQ(send(mmc::cdb::testUnitReady()).status, st::Success);
    ASSERT_EQ(drive.cdbs.size(), 3u) << "TEST UNIT READY, START UNIT, TEST UNIT READY";
    EXPECT_EQ(drive.cdbs[1][0], 0x1B);
    EXPECT_EQ(drive.timeouts[1], 240s) << "START_UNIT_TIMEOUT";
}

TEST_F(Executor, S0_2_TheDefaultTimeoutIsTheDevicesTimeOutValueWhenSent)
{
    EXPECT_EQ(state.timeOutValue, 10s) << "SCSI_CDROM_TIMEOUT until start-up finds a writer";
    state.timeOutValue = 260s;
    ASSERT_EQ(send(mmc::cdb::testUnitReady()).status, st::Success);  // ScsiRequest's default: the device's value
    ScsiRequest fixed;
    fixed.timeout = 20s;
    ASSERT_EQ(send(mmc::cdb::testUnitReady(), false, fixed).status, st::Success);
    ASSERT_EQ(drive.timeouts.size(), 2u);
    EXPECT_EQ(drive.timeouts[0], 260s);
    EXPECT_EQ(drive.timeouts[1], 20s) << "a fixed timeout is not the device's";
}

TEST_F(Executor, S8_1_OperatingConditionsChangedWaitsFiveSecondsBetweenAttempts)
{
    failAlways(0x00, senseReply({SenseKey::UnitAttention, 0x3F, 0x01}));
    const ScsiOutcome out = send(mmc::cdb::testUnitReady());
    EXPECT_EQ(out.status, st::IoDeviceError);
    EXPECT_EQ(drive.cdbs.size(), 6u);
    EXPECT_EQ(elapsed(), 25s);
    EXPECT_EQ(state.mediaChangeCount, 12u) << "two increments per 3F unit attention";
}

TEST_F(Executor, S8_1_LunCrcErrorWaitsOneSecond)
{
    failFirst(0x00, 1, senseReply({SenseKey::HardwareError, 0x08, 0x03}));  // key 4 alone would not wait
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::Success);
    EXPECT_EQ(elapsed(), 1s);
}

TEST_F(Executor, S8_2_AbortedCommandWaitsOneSecond)
{
    failAlways(0x00, senseReply({SenseKey::AbortedCommand, 0x47, 0x00}));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::IoDeviceError);
    EXPECT_EQ(elapsed(), 5s);
}

TEST_F(Executor, S8_2_RecoveredErrorCompletesTheRequestWithItsData)
{
    ScriptedReply recovered = senseReply({SenseKey::RecoveredError, 0x00, 0x00});
    recovered.result.transferred = 12;
    failAlways(0x43, recovered);
    const auto cdb = mmc::cdb::readToc(false, mmc::cdb::TocFormat::Toc, 0, 804);
    const ScsiOutcome out = send(cdb);
    EXPECT_EQ(out.status, st::Success);
    EXPECT_EQ(out.transferred, 12u);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S8_3_SelectionTimeoutIsNotRetried)
{
    failAlways(0x00, transportReply(mmc::TransportStatus::SelectionTimeout));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::DeviceNotConnected);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S8_3_PhaseSequenceFailureGetsTwoRetriesOneSecondApart)
{
    failAlways(0x00, transportReply(mmc::TransportStatus::PhaseSequenceFailure));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::IoDeviceError);
    EXPECT_EQ(drive.cdbs.size(), 3u);
    EXPECT_EQ(elapsed(), 2s);
}

TEST_F(Executor, S8_3_RequestFlushedFollowsDoVerifyVolume)
{
    failFirst(0x00, 1, transportReply(mmc::TransportStatus::RequestFlushed));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::Success) << "retried at once";
    EXPECT_EQ(drive.cdbs.size(), 2u);
    state.verifyVolume = true;
    drive.cdbs.clear();
    failFirst(0x00, 1, transportReply(mmc::TransportStatus::RequestFlushed));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::VerifyRequired);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S8_3_DataOverrunFailsWithoutRetryForOtherOpcodes)
{
    failAlways(0x42, transportReply(mmc::TransportStatus::DataOverrun, 10));
    const auto cdb = mmc::cdb::readSubChannel(true, mmc::cdb::SubChannelFormat::CurrentPosition, 0, 16);
    EXPECT_EQ(send(cdb).status, st::DataOverrun) << "READ SUB-CHANNEL has no DATA_OVERRUN refinement (Q7)";
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

// ---------------------------------------------------------------------------------------------------------
// §8.5: the opcode's rules hold whoever sends the command.

TEST_F(Executor, S8_5_ModeSenseIsRetriedAtMostTwiceEvenWhenTheRequestAllowsFive)
{
    failAlways(0x5A, senseReply({SenseKey::HardwareError, 0x44, 0x00}));
    const auto cdb = mmc::cdb::modeSense10(true, 0x2A, 40);
    EXPECT_EQ(send(cdb).status, st::IoDeviceError);
    EXPECT_EQ(drive.cdbs.size(), 3u);
}

TEST_F(Executor, S8_5_ModeSenseWaitsAtLeastTwoSecondsForLunNotReady)
{
    // 2/04/08 is retried at once by §8.1; MODE SENSE stretches that to 2 s.
    failAlways(0x5A, senseReply({SenseKey::NotReady, 0x04, 0x08}));
    const auto cdb = mmc::cdb::modeSense10(true, 0x2A, 40);
    EXPECT_EQ(send(cdb).status, st::DeviceNotReady);
    EXPECT_EQ(drive.cdbs.size(), 3u);
    EXPECT_EQ(elapsed(), 4s);
}

TEST_F(Executor, S8_5_ModeSenseKeepsTheLongerDelayOfBecomingReady)
{
    failAlways(0x1A, senseReply({SenseKey::NotReady, 0x04, 0x01}));
    const auto cdb = mmc::cdb::modeSense6(true, 0x2A, 36);
    EXPECT_EQ(send(cdb).status, st::DeviceNotReady);
    EXPECT_EQ(elapsed(), 20s) << "max(10 s, 2 s) twice";
}

TEST_F(Executor, S8_5_ModeSenseRetriesVerifyRequired)
{
    failFirst(0x5A, 1, senseReply({SenseKey::UnitAttention, 0x28, 0x00}));
    const auto cdb = mmc::cdb::modeSense10(true, 0x2A, 40);
    EXPECT_EQ(send(cdb, /*mounted=*/true).status, st::Success);
    EXPECT_EQ(drive.cdbs.size(), 2u);
    EXPECT_TRUE(state.verifyVolume) << "the flag is set all the same (§7.3)";
}

TEST_F(Executor, S8_5_ModeSenseDataOverrunIsASuccessWithTheBytesMoved)
{
    failAlways(0x5A, transportReply(mmc::TransportStatus::DataOverrun, 20));
    const auto cdb = mmc::cdb::modeSense10(true, 0x2A, 40);
    const ScsiOutcome out = send(cdb);
    EXPECT_EQ(out.status, st::Success);
    EXPECT_EQ(out.transferred, 20u);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S8_5_ReadCapacityRetriesVerifyRequiredAtMostTwice)
{
    failAlways(0x25, senseReply({SenseKey::UnitAttention, 0x28, 0x00}));
    const ScsiOutcome out = send(mmc::cdb::readCapacity(), /*mounted=*/true);
    EXPECT_EQ(out.status, st::VerifyRequired);
    EXPECT_EQ(drive.cdbs.size(), 3u);
}

TEST_F(Executor, S8_5_GetPerformanceDataOverrunIsASuccess)
{
    failAlways(0xAC, transportReply(mmc::TransportStatus::DataOverrun, 24));
    const auto cdb = mmc::cdb::getPerformance(0, false, 2, 0, 1, 0);
    const ScsiOutcome out = send(cdb);
    EXPECT_EQ(out.status, st::Success);
    EXPECT_EQ(out.transferred, 24u);
}

TEST_F(Executor, S8_5_GetPerformanceIsRetriedFiveTimes)
{
    failAlways(0xAC, senseReply({SenseKey::HardwareError, 0x44, 0x00}));
    const auto cdb = mmc::cdb::getPerformance(0, false, 2, 0, 1, 0);
    EXPECT_EQ(send(cdb).status, st::IoDeviceError);
    EXPECT_EQ(drive.cdbs.size(), 6u);
}

TEST_F(Executor, S8_5_PreventWaitsAtLeastTwoSecondsForLunNotReady)
{
    failAlways(0x1E, senseReply({SenseKey::NotReady, 0x04, 0x08}));
    ScsiRequest prevent;
    prevent.maxRetries = 2;  // the prevent cap the media-lock handler sets
    EXPECT_EQ(send(mmc::cdb::preventAllowMediumRemoval(true), false, prevent).status, st::DeviceNotReady);
    EXPECT_EQ(drive.cdbs.size(), 3u);
    EXPECT_EQ(elapsed(), 4s);
}

// ---------------------------------------------------------------------------------------------------------
// §7.3: what a failure changes in the device state.

TEST_F(Executor, S7_3_MediumNotPresentSetsTheMediaStateNotPresent)
{
    state.mediaState = MediaState::Present;
    failAlways(0x00, senseReply({SenseKey::NotReady, 0x3A, 0x01}));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::NoMediaInDevice);
    EXPECT_EQ(state.mediaState, MediaState::NotPresent);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S7_3_AscqCCSetsTheMediaStateUnavailable)
{
    failAlways(0x00, senseReply({SenseKey::NotReady, 0x3A, 0xCC}));
    (void)send(mmc::cdb::testUnitReady());
    EXPECT_EQ(state.mediaState, MediaState::Unavailable);
}

TEST_F(Executor, S7_3_MediumChangedMarksMediaPresentAndCountsTheArrival)
{
    state.mediaState = MediaState::NotPresent;
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x28, 0x00}));
    EXPECT_EQ(send(mmc::cdb::testUnitReady()).status, st::Success);
    EXPECT_EQ(state.mediaState, MediaState::Present);
    EXPECT_EQ(state.mediaChangeCount, 2u) << "one for the unit attention, one for the arrival";
    EXPECT_FALSE(state.verifyVolume) << "no volume mounted";

    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x28, 0x00}));
    (void)send(mmc::cdb::testUnitReady());
    EXPECT_EQ(state.mediaChangeCount, 3u) << "already present: no second arrival";
}

TEST_F(Executor, S7_3_UnitAttentionWithAMountedVolumeSetsDoVerifyVolumeAndIsNotRetried)
{
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x29, 0x00}));
    EXPECT_EQ(send(mmc::cdb::testUnitReady(), /*mounted=*/true).status, st::VerifyRequired);
    EXPECT_TRUE(state.verifyVolume);
    EXPECT_EQ(drive.cdbs.size(), 1u);
}

TEST_F(Executor, S7_3_TheClassDriverNeverClearsDoVerifyVolume)
{
    // The class driver never clears DO_VERIFY_VOLUME: a later success leaves it set.
    state.verifyVolume = true;
    EXPECT_EQ(send(mmc::cdb::testUnitReady(), /*mounted=*/true).status, st::Success);
    EXPECT_TRUE(state.verifyVolume);
}

TEST_F(Executor, S8_7_OnePendingUnitAttentionWithoutAVolumeCostsOneCommand)
{
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x29, 0x00}));
    const ScsiOutcome out = send(mmc::cdb::testUnitReady());
    EXPECT_EQ(out.status, st::Success) << "invisible to the caller";
    EXPECT_EQ(drive.cdbs.size(), 2u);
    EXPECT_EQ(elapsed(), 0s);
}

TEST_F(Executor, S8_4_MmcDrivesRefreshAfterMediumChangedOrReset)
{
    state.isMmc = true;
    state.mmcUpdateRequired = false;
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x29, 0x00}));
    (void)send(mmc::cdb::testUnitReady());
    EXPECT_TRUE(state.mmcUpdateRequired);

    state.mmcUpdateRequired = false;
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x2A, 0x01}));
    (void)send(mmc::cdb::testUnitReady());
    EXPECT_FALSE(state.mmcUpdateRequired) << "parameters changed is not one of them";
}

TEST_F(Executor, S8_4_MediumChangedQueuesTheDefaultSpeedRestoreWhileFlagged)
{
    state.isMmc = true;
    state.restoreDefaultSpeed = true;
    failFirst(0x00, 1, senseReply({SenseKey::UnitAttention, 0x28, 0x00}));
    ScsiExecutor scsi(drive, state, false);
    const auto tur = mmc::cdb::testUnitReady();
    ASSERT_EQ(scsi.send({tur, {}, mmc::DataDirection::None}).status, st::Success);
    EXPECT_EQ(drive.count(0xB6), 0u) << "a work item: after the request";
    scsi.runQueuedWork();
    ASSERT_EQ(drive.count(0xB6), 1u) << "SET STREAMING with RDD";
    EXPECT_TRUE(state.restoreDefaultSpeed) << "the flag stays set";
}

TEST_F(Executor, S8_4_OperatorEjectRequestIsRetriedAsDeviceBusy)
{
    state.isMmc = true;
    failAlways(0x00, senseReply({SenseKey::UnitAttention, 0x5A, 0x01}));
    EXPECT_EQ(send(mmc::cdb::testUnitReady(), /*mounted=*/true).status, st::DeviceBusy);
    EXPECT_EQ(drive.cdbs.size(), 6u) << "retried although a volume is mounted";
    EXPECT_TRUE(state.verifyVolume);
}

}  // namespace
}  // namespace cdcts::classdriver
