// The medium and its locks through the model: EJECT/LOAD (ioctl-contracts.md §3.3), MEDIA_REMOVAL,
// EJECTION_CONTROL and MCN_CONTROL (§3.11, §8.5 1Eh), RESERVE/RELEASE (§3.22), FIND_NEW_DEVICES (§3.7), and what a
// closing handle gives back. Expected CDBs are §6's.
#include <gtest/gtest.h>

#include "harness/core/hex.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFault;
using emulator::CommandFaultKind;

class MediaModel : public testing_support::ModelFixture {
protected:
    // The same device on another drive profile (RESERVE/RELEASE support differs between them).
    void buildOn(const char* profile, const char* medium, ClassDriverSettings settings = {})
    {
        handle.reset();
        backends::EmulatedDeviceConfig config;
        config.id = "test_drive";
        config.profile = emulator::findDriveProfile(profile);
        if (*medium != '\0') config.medium = emulator::makeSyntheticDisc(medium);
        config.settings = settings;
        device = std::make_unique<backends::EmulatedDevice>(std::move(config));
        handle = device->open(HandleAccess::Read);
        device->drive().trace().clear();
    }
    ControlResult send(DeviceHandle& h, ioctl::ControlCode code, Bytes in = {}, std::size_t outLength = 0)
    {
        Bytes out(outLength);
        return h.control(code, in, out);
    }
    ControlResult send(ioctl::ControlCode code, Bytes in = {}, std::size_t outLength = 0) { return send(*handle, code, std::move(in), outLength); }
    const DriverState& state() { return device->driver().state(); }
    std::vector<std::string> cdbs()
    {
        std::vector<std::string> all;
        for (const auto& e : traffic()) all.push_back(formatHex(e.cdb()));
        return all;
    }
};

// ---- §3.3 EJECT_MEDIA / LOAD_MEDIA / LOAD_MEDIA2 ----

TEST_F(MediaModel, S3_3_EjectSendsStartStopUnitLoEjStart0)
{
    build("data");
    const ControlResult r = send(codes::CdromEjectMedia);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1b 00 00 00 02 00"});
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Open);
}

TEST_F(MediaModel, S3_3_LoadAndLoad2SendStartStopUnitLoEjStart1)
{
    build("data");
    ASSERT_EQ(send(codes::StorageEjectMedia).status, st::Success);
    device->drive().trace().clear();
    EXPECT_EQ(send(codes::CdromLoadMedia).status, st::Success);
    EXPECT_EQ(send(codes::StorageLoadMedia).status, st::Success);
    EXPECT_EQ(send(codes::StorageLoadMedia2).status, st::Success);
    // The disc that came back in raises 06/28/00 on the next command, which (no volume mounted) is retried at
    // once and invisibly (§7.3). 06/28 also flags the MMC capability refresh (§8.4), so the third request is
    // preceded by the refresh burst of §7.6, which starts with GET CONFIGURATION RT=1.
    std::vector<std::string> loads;
    for (const std::string& cdb : cdbs())
        if (cdb.rfind("1b ", 0) == 0) loads.push_back(cdb);
    EXPECT_EQ(loads, (std::vector<std::string>{"1b 00 00 00 03 00", "1b 00 00 00 03 00", "1b 00 00 00 03 00", "1b 00 00 00 03 00"}));
    ASSERT_GE(traffic().size(), 5u);
    EXPECT_EQ(traffic()[1].sense, mmc::sense::MediumMayHaveChanged);
    EXPECT_EQ(cdbs()[3].rfind("46 01 ", 0), 0u) << "the refresh follows the retried load";
    EXPECT_EQ(cdbs().back(), "1b 00 00 00 03 00") << "LOAD_MEDIA2 runs after the refresh";
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Closed);
}

TEST_F(MediaModel, S3_3_BuffersAreIgnored)
{
    build("data");
    const ControlResult r = send(codes::StorageEjectMedia, Bytes(7, 0xFF), 9);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(MediaModel, S9_2_E1_LoadMedia2WorksOnAZeroAccessHandleButLoadMediaDoesNot)
{
    build("data");
    auto none = device->open(HandleAccess::None);
    EXPECT_EQ(send(*none, codes::StorageLoadMedia).status, st::AccessDenied);
    EXPECT_EQ(send(*none, codes::CdromEjectMedia).status, st::AccessDenied);
    EXPECT_EQ(send(*none, codes::StorageLoadMedia2).status, st::Success);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1b 00 00 00 03 00"});
}

TEST_F(MediaModel, S3_3_Row1_SecureLockMakesEjectDeviceBusyWithoutTraffic)
{
    build("data");
    ASSERT_EQ(send(codes::StorageEjectionControl, {1}).status, st::Success);
    device->drive().trace().clear();
    const ControlResult r = send(codes::CdromEjectMedia);
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(send(codes::StorageLoadMedia2).status, st::DeviceBusy);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(MediaModel, S3_3_SimpleLockIsLeftToTheDriveWhichRefusesTheEject)
{
    build("data");
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    const ControlResult r = send(codes::StorageEjectMedia);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/53/02 by the sense-key table";
    ASSERT_EQ(traffic().size(), 1u) << "ILLEGAL REQUEST is not retried";
    EXPECT_EQ(traffic()[0].sense, (mmc::SenseCode{mmc::SenseKey::IllegalRequest, 0x53, 0x02}));
}

TEST_F(MediaModel, S3_3_Row2_FailedStartStopUnitKeepsItsStatus)
{
    build("data");
    device->drive().faults().addCommandFault(
        {.kind = CommandFaultKind::CheckCondition, .opcode = 0x1B, .count = 1, .sense = mmc::sense::InvalidFieldInCdb});
    const ControlResult r = send(codes::StorageLoadMedia);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(MediaModel, S3_3_S6_StartStopUnitHasTheDefaultTimeoutAndFiveRetries)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::Hang, .opcode = 0x1B, .count = 6});
    const ControlResult r = send(codes::CdromEjectMedia);
    EXPECT_EQ(r.status, st::IoTimeout);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 6u) << "the first attempt and at most 5 retries";
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "1b 00 00 00 02 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::None);
    const Nanoseconds gap = traffic()[1].at - traffic()[0].at;
    EXPECT_GE(gap, Nanoseconds(10s)) << "TimeOutValue, 10 s by default";
    EXPECT_LT(gap, Nanoseconds(15s));
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Closed);
    device->drive().trace().clear();
    EXPECT_EQ(send(codes::CdromLoadMedia).status, st::Success);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1b 00 00 00 03 00"});
}

TEST_F(MediaModel, S3_3_LoadMedia2NeedsNoAccessTheOtherFormsNeedRead)
{
    build("data", {}, HandleAccess::None);
    EXPECT_EQ(send(codes::StorageLoadMedia2).status, st::Success) << "FILE_ANY_ACCESS";
    for (auto code : {codes::CdromEjectMedia, codes::StorageEjectMedia, codes::CdromLoadMedia, codes::StorageLoadMedia})
        EXPECT_EQ(send(code).status, st::AccessDenied) << std::hex << code.value;
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1b 00 00 00 03 00"});
}

TEST_F(MediaModel, S3_3_EjectOfAnEmptyDriveOpensTheTray)
{
    build("");
    const ControlResult r = send(codes::StorageEjectMedia);
    EXPECT_EQ(r.status, st::Success) << "START STOP UNIT needs no medium";
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1b 00 00 00 02 00"});
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Open);
}

TEST_F(MediaModel, S3_2_CloseDoorHasNoValueAndIsDoneWithLoadMedia)
{
    const ioctl::CodeInfo* closeDoor = ioctl::findCode("IOCTL_CDROM_CLOSE_DOOR");
    ASSERT_NE(closeDoor, nullptr);
    EXPECT_FALSE(closeDoor->value.has_value()) << "no header defines it";
    EXPECT_EQ(closeDoor->replacement, "IOCTL_STORAGE_LOAD_MEDIA");
    const ioctl::CodeInfo* replacement = ioctl::findCode(closeDoor->replacement);
    ASSERT_NE(replacement, nullptr);
    ASSERT_TRUE(replacement->value.has_value());
    build("data");
    ASSERT_EQ(send(codes::CdromEjectMedia).status, st::Success);
    device->drive().trace().clear();
    EXPECT_EQ(send(*replacement->value).status, st::Success);
    EXPECT_EQ(cdbs().front(), "1b 00 00 00 03 00");
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Closed);
}

// ---- §3.11 MEDIA_REMOVAL ----

TEST_F(MediaModel, S3_11_S6_PreventHasTheDefaultTimeout)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::Hang, .opcode = 0x1E, .count = 10});
    const ControlResult r = send(codes::CdromMediaRemoval, {1});
    EXPECT_EQ(r.status, st::IoTimeout);
    ASSERT_EQ(traffic().size(), 3u) << "a prevent: at most 2 retries";
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "1e 00 00 00 01 00");
    const Nanoseconds gap = traffic()[1].at - traffic()[0].at;
    EXPECT_GE(gap, Nanoseconds(10s));
    EXPECT_LT(gap, Nanoseconds(15s));
    EXPECT_EQ(state().lockCount, 0) << "not committed";
}

TEST_F(MediaModel, S3_11_AllowRetriesEvenNonRetryableSenseAndWaitsTwoSecondsForNotReady04)
{
    build("data");
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    // 05/24/00 is never retried by the sense tables, yet an ALLOW tries again (at least 4 retries), and a 02/04/xx
    // in between waits at least 2 s.
    device->drive().faults().addCommandFault(
        {.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 2, .sense = mmc::sense::InvalidFieldInCdb});
    ASSERT_EQ(send(codes::CdromMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"1e 00 00 00 00 00", "1e 00 00 00 00 00", "1e 00 00 00 00 00"}));
    EXPECT_EQ(state().lockCount, 0);

    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 1,
                                              .sense = mmc::SenseCode{mmc::SenseKey::NotReady, 0x04, 0x00}});
    ASSERT_EQ(send(codes::CdromMediaRemoval, {0}).status, st::Success);
    std::vector<Nanoseconds> allows;
    for (const auto& e : traffic())
        if (e.opcode() == 0x1E) allows.push_back(e.at);
    ASSERT_EQ(allows.size(), 2u);
    EXPECT_GE(allows[1] - allows[0], Nanoseconds(2s));
}

TEST_F(MediaModel, S3_11_LongerInputIsAcceptedAndOnlyTheFirstByteCounts)
{
    build("data");
    EXPECT_EQ(send(codes::StorageMediaRemoval, {1, 0, 0, 0}, 8).status, st::Success);
    EXPECT_EQ(state().lockCount, 1);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1e 00 00 00 01 00"});
}

TEST_F(MediaModel, S3_11_VStage_EmptyInputIsInfoLengthMismatch)
{
    build("data");
    for (auto code : {codes::CdromMediaRemoval, codes::StorageMediaRemoval, codes::StorageEjectionControl, codes::StorageMcnControl}) {
        const ControlResult r = send(code, {});
        EXPECT_EQ(r.status, st::InfoLengthMismatch) << code.value;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(MediaModel, S3_11_PreventAndAllowSendACommandOnlyOnTheZeroCrossing)
{
    build("data");
    EXPECT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    EXPECT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    EXPECT_EQ(state().lockCount, 2);
    EXPECT_EQ(send(codes::CdromMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(send(codes::CdromMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(state().lockCount, 0);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"1e 00 00 00 01 00", "1e 00 00 00 00 00"}));
}

TEST_F(MediaModel, S3_11_AllowWithNothingLockedSucceedsSilently)
{
    build("data");
    const ControlResult r = send(codes::StorageMediaRemoval, {0});
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(state().lockCount, 0);
}

TEST_F(MediaModel, S9_2_E6_PreventByCdromFormAllowByStorageFormIsOnePairOfCommands)
{
    build("data");
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    ASSERT_EQ(send(codes::StorageMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"1e 00 00 00 01 00", "1e 00 00 00 00 00"}));
}

TEST_F(MediaModel, S3_11_Quirk_PreventValue2CountsAsALockButSendsAllow)
{
    build("data");
    ASSERT_EQ(send(codes::StorageMediaRemoval, {2}).status, st::Success);
    EXPECT_EQ(state().lockCount, 1);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1e 00 00 00 00 00"}) << "only bit 0 reaches the CDB";
}

TEST_F(MediaModel, S3_11_SimpleLocksSurviveHandleClose)
{
    build("data");
    auto other = device->open(HandleAccess::Read);
    ASSERT_EQ(send(*other, codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    other.reset();
    EXPECT_EQ(state().lockCount, 1);
    EXPECT_TRUE(traffic().empty()) << "no ALLOW at close for a simple lock";
    EXPECT_TRUE(device->drive().removalPrevented());
}

TEST_F(MediaModel, S3_11_CountsAreCommittedOnlyWhenTheCommandSucceeds)
{
    build("data");
    device->drive().faults().addCommandFault(
        {.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 1, .sense = mmc::sense::InvalidFieldInCdb});
    EXPECT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::InvalidDeviceRequest);
    EXPECT_EQ(state().lockCount, 0);
    EXPECT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    EXPECT_EQ(state().lockCount, 1);
    EXPECT_EQ(traffic().size(), 2u) << "the first lock failed, so the second one crosses zero again";
}

TEST_F(MediaModel, S8_5_PreventIsRetriedAtMostTwiceWithAtLeastTwoSecondsForNotReady04)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 10,
                                              .sense = mmc::SenseCode{mmc::SenseKey::NotReady, 0x04, 0x08}});
    const ControlResult r = send(codes::CdromMediaRemoval, {1});
    EXPECT_EQ(r.status, st::DeviceNotReady);
    ASSERT_EQ(traffic().size(), 3u) << "first attempt + 2 retries";
    EXPECT_GE(traffic()[1].at - traffic()[0].at, Nanoseconds(2s)) << "02/04/08 has no delay of its own; 1Eh waits 2 s";
    EXPECT_GE(traffic()[2].at - traffic()[1].at, Nanoseconds(2s));
    EXPECT_EQ(state().lockCount, 0);
}

TEST_F(MediaModel, S8_5_AllowIsRetriedFourTimesEvenForNonRetryableSense)
{
    build("data");
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    device->drive().faults().addCommandFault(
        {.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 10, .sense = mmc::sense::InvalidFieldInCdb});
    const ControlResult r = send(codes::CdromMediaRemoval, {0});
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(traffic().size(), 5u) << "first attempt + 4 forced retries";
    EXPECT_EQ(state().lockCount, 1) << "the failed ALLOW leaves the count";
}

TEST_F(MediaModel, S8_5_Q15_AllowKeepsRetryingWhileTheSenseSaysRetry)
{
    build("data");
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    device->drive().trace().clear();
    // 02/04/08 is retryable: more than the usual 5 retries go by, each at least 2 s apart.
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x1E, .count = 8,
                                              .sense = mmc::SenseCode{mmc::SenseKey::NotReady, 0x04, 0x08}});
    EXPECT_EQ(send(codes::CdromMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(traffic().size(), 9u);
    EXPECT_EQ(state().lockCount, 0);
}

// ---- §3.11 EJECTION_CONTROL (secure locks) ----

TEST_F(MediaModel, S3_11_SecureLockIsPerHandleAndReleasedAtClose)
{
    build("data");
    auto other = device->open(HandleAccess::Read);
    ASSERT_EQ(send(*other, codes::StorageEjectionControl, {1}).status, st::Success);
    EXPECT_EQ(state().protectedLockCount, 1);
    EXPECT_EQ(send(codes::StorageEjectionControl, {0}).status, st::InvalidDeviceState) << "this handle holds no secure lock";
    device->drive().trace().clear();
    other.reset();
    EXPECT_EQ(state().protectedLockCount, 0);
    EXPECT_EQ(cdbs(), std::vector<std::string>{"1e 00 00 00 00 00"}) << "the close sends ALLOW when nothing is left";
    EXPECT_EQ(send(codes::StorageEjectMedia).status, st::Success) << "the eject works again";
}

TEST_F(MediaModel, S3_11_CloseSendsNoAllowWhileASimpleLockRemains)
{
    build("data");
    auto other = device->open(HandleAccess::Read);
    ASSERT_EQ(send(codes::CdromMediaRemoval, {1}).status, st::Success);
    ASSERT_EQ(send(*other, codes::StorageEjectionControl, {1}).status, st::Success);
    device->drive().trace().clear();
    other.reset();
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(state().protectedLockCount, 0);
    EXPECT_EQ(state().lockCount, 1);
}

TEST_F(MediaModel, S3_11_SecureAndSimpleCountsShareTheZeroCrossing)
{
    build("data");
    ASSERT_EQ(send(codes::StorageEjectionControl, {1}).status, st::Success);
    ASSERT_EQ(send(codes::StorageMediaRemoval, {1}).status, st::Success);
    ASSERT_EQ(send(codes::StorageEjectionControl, {0}).status, st::Success);
    ASSERT_EQ(send(codes::StorageMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"1e 00 00 00 01 00", "1e 00 00 00 00 00"}));
}

// ---- §3.11 MCN_CONTROL ----

TEST_F(MediaModel, S3_11_McnControlCountsPerHandleWithoutTraffic)
{
    build("data");
    auto none = device->open(HandleAccess::None);  // ANY access
    EXPECT_EQ(send(*none, codes::StorageMcnControl, {1}).status, st::Success);
    EXPECT_EQ(send(*none, codes::StorageMcnControl, {1}).status, st::Success);
    EXPECT_EQ(state().mcnDisableCount, 2u);
    EXPECT_EQ(send(codes::StorageMcnControl, {0}).status, st::InvalidDeviceState) << "another handle disabled it";
    EXPECT_EQ(send(*none, codes::StorageMcnControl, {0}).status, st::Success);
    EXPECT_EQ(state().mcnDisableCount, 1u);
    none.reset();
    EXPECT_EQ(state().mcnDisableCount, 0u) << "closing re-enables what the handle disabled";
    EXPECT_TRUE(traffic().empty());
}

TEST_F(MediaModel, S3_11_McnEnableWithoutDisableIsInvalidDeviceState)
{
    build("data");
    const ControlResult r = send(codes::StorageMcnControl, {0});
    EXPECT_EQ(r.status, st::InvalidDeviceState);
    EXPECT_EQ(r.information, 0u);
}

// ---- §3.22 RESERVE / RELEASE ----

TEST_F(MediaModel, S3_22_ReserveAndReleaseUseThe6ByteFormWhereTheDriveHasIt)
{
    buildOn("legacy_cdrom", "data");
    EXPECT_EQ(send(codes::CdromReserve).status, st::Success);
    EXPECT_EQ(send(codes::StorageRelease).status, st::Success);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"16 00 00 00 00 00", "17 00 00 00 00 00"}));
    EXPECT_FALSE(state().noReserve6);
}

TEST_F(MediaModel, S3_22_InvalidDeviceRequestSwitchesTo10ByteAndLatches)
{
    buildOn("legacy_cdrom", "data");
    device->drive().faults().addCommandFault(
        {.kind = CommandFaultKind::CheckCondition, .opcode = 0x16, .count = 1, .sense = mmc::sense::InvalidCommandOperationCode});
    EXPECT_EQ(send(codes::StorageReserve).status, st::Success);
    EXPECT_TRUE(state().noReserve6);
    EXPECT_EQ(send(codes::CdromRelease).status, st::Success);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"16 00 00 00 00 00", "56 00 00 00 00 00 00 00 00 00",
                                                "57 00 00 00 00 00 00 00 00 00"}));
}

TEST_F(MediaModel, S3_22_DriveWithoutReserveFailsBothFormsWithInvalidDeviceRequest)
{
    build("data");  // dvd_rom answers 05/20/00 to all four opcodes
    const ControlResult r = send(codes::CdromReserve);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"16 00 00 00 00 00", "56 00 00 00 00 00 00 00 00 00"}));
}

// ---- §3.7 FIND_NEW_DEVICES ----

TEST_F(MediaModel, S3_7_RescansThenCompletesWithAccessDenied)
{
    build("data");
    for (auto code : {codes::CdromFindNewDevices, codes::StorageFindNewDevices}) {
        const ControlResult r = send(code, Bytes(3, 1), 5);
        EXPECT_EQ(r.status, st::AccessDenied) << code.value;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_EQ(state().busRescans, 2u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(MediaModel, S3_7_Q4_LabCanSetTheShippedDriversAnswer)
{
    ClassDriverSettings settings;
    settings.findNewDevicesStatus = st::Success;
    build("data", settings);
    EXPECT_EQ(send(codes::StorageFindNewDevices).status, st::Success);
    EXPECT_EQ(state().busRescans, 1u);
}

}  // namespace
}  // namespace cdcts::classdriver
