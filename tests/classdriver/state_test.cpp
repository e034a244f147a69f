// The state the class driver carries across requests (ioctl-contracts.md §7.1, §7.3, §7.4, §7.5, §7.6) and the
// IOCTL-specific sense refinements (§8.6), end to end through the model on the emulated drive.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "harness/classdriver/model_handle.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"
#include "page_buffer.hpp"
#include "recording_model.hpp"
#include "tests/support/scripted_target.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;
using testing_support::PageBuffer;

std::vector<std::uint8_t> opcodesOf(const std::vector<emulator::TraceEntry>& entries)
{
    std::vector<std::uint8_t> out;
    for (const auto& e : entries) out.push_back(e.opcode());
    return out;
}

class StateModel : public testing_support::ModelFixture {
protected:
    ControlResult read(std::int64_t offset, std::span<std::uint8_t> buffer)
    {
        auto* model = dynamic_cast<ModelHandle*>(handle.get());
        EXPECT_NE(model, nullptr);
        return model->read(offset, buffer);
    }
};

// ---------------------------------------------------------------------------------------------------------
// §7.1 the initial state

TEST_F(StateModel, S7_1_InitialStateAfterStartUp)
{
    settleMmcRefresh = false;
    build("data");
    const DriverState& s = device->driver().state();
    EXPECT_EQ(s.exclusiveOwner, nullptr);
    EXPECT_TRUE(std::all_of(s.exclusiveCallerName.begin(), s.exclusiveCallerName.end(), [](std::uint8_t b) { return b == 0; }));
    EXPECT_EQ(s.lockCount, 0);
    EXPECT_EQ(s.protectedLockCount, 0);
    EXPECT_EQ(s.internalLockCount, 0);
    EXPECT_FALSE(s.playActive);
    EXPECT_FALSE(s.restoreDefaultSpeed);
    EXPECT_FALSE(s.noStreamingHack);
    EXPECT_FALSE(s.noReserve6);
    EXPECT_FALSE(s.verifyVolume);
    EXPECT_TRUE(s.isMmc);
    EXPECT_TRUE(s.mmcUpdateRequired) << "TRUE for MMC drives at start";
    EXPECT_EQ(s.mediaState, MediaState::Present) << "the start-up READ CAPACITY succeeded";
    EXPECT_EQ(s.capacity.partitionLength, partitionLength()) << "cached from the start-up READ CAPACITY";
    EXPECT_GE(s.inquiryData.size(), 36u);
    EXPECT_FALSE(s.badTypeOneGetConfiguration);
    // From 0: the drive's power-on 06/29 (+1 for the key, +1 as a key-table unit attention), then its 06/28 (+1 for
    // the key) that also makes the medium present (+1 for the arrival).
    EXPECT_EQ(s.mediaChangeCount, 4u);
    const FileObject& file = dynamic_cast<const ModelHandle&>(*handle).fileObject();
    EXPECT_FALSE(file.enforceStreamingRead) << "FALSE at create";
    EXPECT_FALSE(file.enforceStreamingWrite);
    EXPECT_EQ(file.lockCount, 0u);
}

TEST_F(StateModel, S7_1_EmptyDriveStartsWithMediaNotPresent)
{
    build("");
    EXPECT_EQ(device->driver().state().mediaState, MediaState::NotPresent) << "READ CAPACITY drew 02/3A";
    EXPECT_EQ(device->driver().state().capacity.partitionLength, 0x7FFFFFFFu) << "the driver's assumption with no capacity";
}

// ---------------------------------------------------------------------------------------------------------
// §7.2 streaming: what a handle that enforces streaming reads sends (dvd_rom has Real Time Streaming)

class StreamingReadModel : public StateModel {
protected:
    void enableStreamingReads()
    {
        build("data");
        ASSERT_TRUE(device->driver().state().streamingReadSupported) << "found by the settled refresh";
        std::array<std::uint8_t, 4> in{};
        storeLe32(in.data(), 2);  // CdromStreamingEnableForReadOnly
        Bytes none;
        ASSERT_EQ(control(codes::CdromEnableStreaming, none, in).status, st::Success);
        device->drive().trace().clear();
    }
};

TEST_F(StateModel, S7_2_AFreshHandleReadsWithRead10)
{
    build("data");
    ASSERT_TRUE(device->driver().state().streamingReadSupported);
    PageBuffer out(2048, 0);
    ASSERT_EQ(read(16 * 2048, out.span()).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "28 00 00 00 00 10 00 00 01 00") << "streaming is off until ENABLE_STREAMING";
}

TEST_F(StreamingReadModel, S7_2_EnforcedHandleReadsWithRead12AndTheStreamingBit)
{
    enableStreamingReads();
    PageBuffer out(2048, 0);
    ASSERT_EQ(read(16 * 2048, out.span()).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "a8 00 00 00 00 10 00 00 00 01 80 00");
}

TEST_F(StreamingReadModel, S7_2_S8_5_PermanentLookingFailureLatchesNoStreamingAndLaterReadsFallBack)
{
    enableStreamingReads();
    device->drive().faults().addCommandFault(
        {.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0xA8, .count = 1, .sense = mmc::sense::InvalidFieldInCdb});
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(16 * 2048, out.span()).status, st::Success) << "retried at once, though 05/24 is never retried otherwise";
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0xA8, 0xA8}));
    EXPECT_TRUE(device->driver().state().noStreamingHack);
    device->drive().trace().clear();
    ASSERT_EQ(read(16 * 2048, out.span()).status, st::Success) << "silently";
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x28}));
}

TEST_F(StreamingReadModel, S7_1_S7_2_TheNoStreamingLatchIsPartOfTheStateSnapshot)
{
    // The latch outlives every handle and is never cleared, so the suites' drive-state check must see a test set it.
    enableStreamingReads();
    const StateSnapshot before = device->driver().stateSnapshot();
    EXPECT_NE(std::find(before.begin(), before.end(), std::pair<std::string, std::string>{"model.no_streaming", "no"}), before.end());
    device->drive().faults().addCommandFault(
        {.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0xA8, .count = 1, .sense = mmc::sense::InvalidFieldInCdb});
    PageBuffer out(2048, 0);
    ASSERT_EQ(read(16 * 2048, out.span()).status, st::Success);
    const StateSnapshot after = device->driver().stateSnapshot();
    EXPECT_NE(std::find(after.begin(), after.end(), std::pair<std::string, std::string>{"model.no_streaming", "yes"}), after.end());
}

TEST_F(StreamingReadModel, S7_2_S8_5_TransientLookingFailureFailsAtOnceAndKeepsStreaming)
{
    enableStreamingReads();
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0xA8, .count = 1,
                                              .sense = mmc::SenseCode{mmc::SenseKey::HardwareError, 0x44, 0x00}});
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(16 * 2048, out.span()).status, st::IoDeviceError);
    EXPECT_EQ(traffic().size(), 1u) << "04/44 would be retried on any other command";
    EXPECT_FALSE(device->driver().state().noStreamingHack);
}

TEST_F(StreamingReadModel, S7_2_EnforcedHandleOnADriveWithoutSupportIsRefused)
{
    enableStreamingReads();
    device->driver().stateForTesting().streamingReadSupported = false;  // as a later refresh could find
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(16 * 2048, out.span()).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
}

// ---------------------------------------------------------------------------------------------------------
// §7.3 media change, DO_VERIFY_VOLUME and STATUS_VERIFY_REQUIRED

TEST_F(StateModel, S7_3_OtherIoctlsDoNotLookAtDoVerifyVolume)
{
    buildWithVerifyPending();
    Bytes toc(804);
    EXPECT_EQ(control(codes::CdromReadToc, toc).status, st::Success);
    Bytes geometry(24);
    EXPECT_EQ(control(codes::CdromGetDriveGeometry, geometry).status, st::Success);
    Bytes count(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, count).status, st::Success);
    EXPECT_TRUE(device->driver().state().verifyVolume) << "the class driver never clears it";
}

TEST_F(StateModel, S7_3_ReadsFailVerifyRequiredWhileTheFlagIsSet)
{
    buildWithVerifyPending();
    PageBuffer out(2048, 0);
    const ControlResult r = read(0, out.span());
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(StateModel, S7_3_MountedVolumeTurnsAnotherIoctlsUnitAttentionIntoVerifyRequired)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    build("data", settings);
    device->drive().queueUnitAttention(mmc::sense::PowerOnResetOccurred);
    Bytes toc(804, 0xCD);
    const ControlResult r = control(codes::CdromReadToc, toc);
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "no retry with a volume mounted";
    EXPECT_TRUE(device->driver().state().verifyVolume);
}

TEST_F(StateModel, S7_3_S8_7_OnePendingUnitAttentionWithoutAVolumeCostsOneCommand)
{
    build("data");
    const std::uint32_t before = device->driver().state().mediaChangeCount;
    device->drive().queueUnitAttention(mmc::sense::PowerOnResetOccurred);
    Bytes toc(804);
    EXPECT_EQ(control(codes::CdromReadToc, toc).status, st::Success) << "absorbed by the retry";
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x43, 0x43}));
    EXPECT_EQ(device->driver().state().mediaChangeCount, before + 2) << "06/29 reaches the key table: counted twice";
    EXPECT_FALSE(device->driver().state().verifyVolume);
}

TEST_F(StateModel, S7_3_RemovalSetsNotPresentAndTheNextMediumIsAnArrival)
{
    build("data");
    device->drive().removeMedium(emulator::TrayState::Open);
    Bytes count(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, count).status, st::NoMediaInDevice);
    EXPECT_EQ(device->driver().state().mediaState, MediaState::NotPresent);
    const std::uint32_t before = device->driver().state().mediaChangeCount;

    device->drive().loadMedium(emulator::makeSyntheticDisc("data"));  // the drive reports 06/28/00 once
    device->clock().sleepFor(device->drive().profile().timings.spinUp);
    ASSERT_EQ(control(codes::CdromCheckVerify, count).status, st::Success);
    EXPECT_EQ(device->driver().state().mediaState, MediaState::Present);
    EXPECT_EQ(device->driver().state().mediaChangeCount, before + 2) << "one for the unit attention, one for the arrival";
    EXPECT_EQ(loadLe32(count.data()), before + 2) << "CHECK_VERIFY returns the new count";
}

TEST_F(StateModel, S7_3_RawReadFailsVerifyRequiredWithoutReadingTheDisc)
{
    buildWithVerifyPending();
    device->driver().runPendingMmcRefresh();  // the 06/28 made one due; keep it out of this trace
    device->drive().trace().clear();
    std::array<std::uint8_t, 16> info{};  // RAW_READ_INFO: DiskOffset 0, SectorCount 1, TrackMode CDDA (2)
    storeLe32(&info[8], 1);
    storeLe32(&info[12], 2);
    PageBuffer out(2352, 0);
    const ControlResult r = handle->control(codes::CdromRawRead, info, out.span());
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x25})) << "READ CAPACITY, no READ CD";
}

TEST_F(StateModel, S7_3_ExclusiveUnlockSetsDoVerifyVolumeWithAMountedVolume)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    build("data", settings, HandleAccess::ReadWrite);
    // The start-up unit attentions set the flag; the file system's verify would have cleared it since.
    device->driver().stateForTesting().verifyVolume = false;
    Bytes lock(72, 0);
    lock[0] = 1;  // ExclusiveAccessLockDevice
    lock[4] = 1;  // CDROM_LOCK_IGNORE_VOLUME
    lock[8] = 'x';
    Bytes none;
    ASSERT_EQ(control(codes::CdromExclusiveAccess, none, lock).status, st::Success);
    EXPECT_FALSE(device->driver().state().verifyVolume);
    std::array<std::uint8_t, 8> unlock{};
    unlock[0] = 2;  // ExclusiveAccessUnlockDevice
    ASSERT_EQ(control(codes::CdromExclusiveAccess, none, unlock).status, st::Success);
    EXPECT_TRUE(device->driver().state().verifyVolume);
}

// ---------------------------------------------------------------------------------------------------------
// §7.4 play-active: the codes that ignore it
TEST_F(StateModel, S7_4_PlayAndResumeSetTheFlagPauseAndStopClearIt)
{
    build("audio");
    const std::array<std::uint8_t, 6> msf{0, 2, 0, 0, 30, 0};  // 00:02:00 to 00:30:00
    Bytes none;
    ASSERT_EQ(control(codes::CdromPlayAudioMsf, none, msf).status, st::Success);
    EXPECT_TRUE(device->driver().state().playActive);
    ASSERT_EQ(control(codes::CdromPauseAudio, none).status, st::Success);
    EXPECT_FALSE(device->driver().state().playActive);
    ASSERT_EQ(control(codes::CdromResumeAudio, none).status, st::Success);
    EXPECT_TRUE(device->driver().state().playActive);
    ASSERT_EQ(control(codes::CdromStopAudio, none).status, st::Success);
    EXPECT_FALSE(device->driver().state().playActive);
}

TEST_F(StateModel, S7_4_AFailedReadQChannelClearsTheFlag)
{
    build("audio");
    device->driver().stateForTesting().playActive = true;
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0x42, .count = 6,
                                              .sense = mmc::SenseCode{mmc::SenseKey::HardwareError, 0x44, 0x00}});
    const std::array<std::uint8_t, 2> in{1, 0};
    Bytes out(16);
    EXPECT_EQ(control(codes::CdromReadQChannel, out, in).status, st::IoDeviceError);
    EXPECT_FALSE(device->driver().state().playActive);
}


TEST_F(StateModel, S7_4_GetConfigurationAndGeometryIgnoreTheFlag)
{
    build("audio");
    device->driver().stateForTesting().playActive = true;
    std::array<std::uint8_t, 24> in{};  // RT=0 from feature 0
    Bytes config(64);
    EXPECT_EQ(control(codes::CdromGetConfiguration, config, in).status, st::Success);
    Bytes geometry(24);
    EXPECT_EQ(control(codes::CdromGetDriveGeometry, geometry).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x46, 0x25})) << "no READ SUB-CHANNEL probe";
    EXPECT_TRUE(device->driver().state().playActive) << "nor do they clear it";
}

// ---------------------------------------------------------------------------------------------------------
// §7.5 caching

TEST_F(StateModel, S7_5_InquiryIsAnsweredFromTheStartUpCache)
{
    build("data");
    Bytes out(96);
    const ControlResult r = control(codes::CdromGetInquiryData, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_TRUE(traffic().empty());
    const std::vector<std::uint8_t>& cached = device->driver().state().inquiryData;
    ASSERT_EQ(r.information, cached.size());
    EXPECT_TRUE(std::equal(cached.begin(), cached.end(), out.begin()));
}

TEST_F(StateModel, S7_5_TocIsReadFromTheDriveEveryTime)
{
    build("mixed");
    Bytes toc(804);
    ASSERT_EQ(control(codes::CdromReadToc, toc).status, st::Success);
    ASSERT_EQ(control(codes::CdromReadToc, toc).status, st::Success);
    Bytes session(12);
    ASSERT_EQ(control(codes::CdromGetLastSession, session).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x43, 0x43, 0x43}));
}

TEST_F(StateModel, S7_5_GeometryCodesAlwaysReadTheCapacityAgain)
{
    build("data");
    Bytes geometry(24);
    ASSERT_EQ(control(codes::CdromGetDriveGeometry, geometry).status, st::Success);
    ASSERT_EQ(control(codes::CdromGetDriveGeometry, geometry).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x25, 0x25}));
}

TEST_F(StateModel, S7_5_ReadBoundsUseTheCachedCapacityWithoutAskingTheDrive)
{
    build("data");
    const auto end = static_cast<std::int64_t>(device->driver().state().capacity.partitionLength);
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(end, out.span()).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(read(end - 2048, out.span()).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x28})) << "READ (10) only, no READ CAPACITY";
}

TEST_F(StateModel, S7_5_GetConfigurationIsNotCached)
{
    build("data");
    std::array<std::uint8_t, 24> in{};
    Bytes out(64);
    ASSERT_EQ(control(codes::CdromGetConfiguration, out, in).status, st::Success);
    ASSERT_EQ(control(codes::CdromGetConfiguration, out, in).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x46, 0x46}));
}

TEST_F(StateModel, S7_5_AudioPageIsReadByEveryGetVolume)
{
    build("audio");
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromGetVolume, out).status, st::Success);
    ASSERT_EQ(control(codes::CdromGetVolume, out).status, st::Success);
    ASSERT_EQ(traffic().size(), 2u);
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb().first(3)), "5a 00 0e");
}

// ---------------------------------------------------------------------------------------------------------
// §7.6 the MMC capability refresh: who triggers it

TEST_F(StateModel, S7_6_NonMmcDrivesGetNoMmcErrorHandler)
{
    build("data", {}, HandleAccess::Read, "legacy_cdrom");
    ASSERT_FALSE(device->driver().state().isMmc);
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0x43, .count = 6,
                                              .sense = mmc::SenseCode{mmc::SenseKey::NotReady, 0x04, 0x07}});
    Bytes toc(804);
    EXPECT_EQ(control(codes::CdromReadToc, toc).status, st::DeviceNotReady) << "§8.1's status; an MMC drive says DEVICE_BUSY";
    EXPECT_EQ(traffic().size(), 6u);
}

TEST(CapabilityBuffer, S7_6_CapabilityBufferIsReadAtMostFourTimesWhileItGrows)
{
    // A drive whose RT=0 DataLength grows with every GET CONFIGURATION: after the header, the driver reads the
    // whole reply again while it keeps growing, four times at most, then gives up.
    testing_support::ScriptedTarget drive;
    std::vector<std::uint16_t> fullReads;
    drive.script = [&fullReads, calls = std::uint32_t{0}](std::span<const std::uint8_t> cdb) mutable {
        if (cdb[0] != 0x46) return testing_support::goodReply();
        const std::uint16_t allocation = loadBe16(&cdb[7]);
        Bytes reply(allocation, 0);
        if ((cdb[1] & 0x03) == 2) {
            storeBe32(reply.data(), 8);  // the type-one probe: header + one feature header, as asked
        } else {
            ++calls;
            storeBe32(reply.data(), 4 + 8 * calls);
            if (calls > 2) fullReads.push_back(allocation);  // 1: detection, 2: the header of the capability read
        }
        return testing_support::goodReply(reply);
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_EQ(fullReads, (std::vector<std::uint16_t>{24, 36, 44, 52})) << "size + 4 each pass, as the sample computes it";
    EXPECT_TRUE(driver.state().capabilities.empty()) << "never settled";
}

TEST_F(StateModel, S7_6_ACookedReadRunsThePendingRefreshFirst)
{
    settleMmcRefresh = false;
    build("data");
    PageBuffer out(2048, 0);
    ASSERT_EQ(read(16 * 2048, out.span()).status, st::Success);
    EXPECT_EQ(opcodesOf(traffic()), (std::vector<std::uint8_t>{0x46, 0x5A, 0xAC, 0xAC, 0x28}));
    EXPECT_FALSE(device->driver().state().mmcUpdateRequired);
}

TEST_F(StateModel, S7_6_ReadsRefusedByTheGatesDoNotRunIt)
{
    settleMmcRefresh = false;
    build("data");
    device->driver().stateForTesting().playActive = true;
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(0, out.span()).status, st::DeviceBusy);
    EXPECT_TRUE(traffic().empty());
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
}

TEST_F(StateModel, S7_6_ExclusiveAccessDoesNotTriggerIt)
{
    settleMmcRefresh = false;
    build("data", {}, HandleAccess::ReadWrite);
    const std::array<std::uint8_t, 8> query{};  // ExclusiveAccessQueryState, Flags 0
    Bytes out(65);
    ASSERT_EQ(control(codes::CdromExclusiveAccess, out, query).status, st::Success);
    EXPECT_TRUE(traffic().empty());
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
}

// ---------------------------------------------------------------------------------------------------------
// §8.6 IOCTL-specific refinements: which codes forgive a port's DATA_OVERRUN (a short reply, Q7)

class OverrunRefinementModel : public testing_support::RecordingModel {
protected:
    // The port reports every reply of `opcode` as DATA_OVERRUN, with the bytes that came.
    void overrunOn(std::uint8_t opcode)
    {
        target->rewrite = [opcode](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>, mmc::CommandResult& result) {
            if (cdb[0] == opcode && result.good()) result.transport = mmc::TransportStatus::DataOverrun;
        };
    }
};

TEST_F(OverrunRefinementModel, S8_6_TocCodesTakeDataOverrunForSuccess)
{
    build("dvd_rom", "mixed");
    overrunOn(0x43);
    Bytes toc(804);
    ControlResult r = control(codes::CdromReadToc, toc);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, traffic().back().transferred) << "Information = bytes transferred";
    Bytes session(12);
    EXPECT_EQ(control(codes::CdromGetLastSession, session).status, st::Success);
    std::array<std::uint8_t, 4> ex{};  // format 0 (TOC), LBA
    Bytes exOut(804);
    EXPECT_EQ(control(codes::CdromReadTocEx, exOut, ex).status, st::Success);
    EXPECT_EQ(traffic().size(), 3u) << "no retries";
}

TEST_F(OverrunRefinementModel, S8_6_GetVolumeTakesDataOverrunForSuccess)
{
    build("dvd_rom", "audio");
    overrunOn(0x5A);
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromGetVolume, out).status, st::Success);
    EXPECT_EQ(traffic().size(), 1u);
}

TEST_F(OverrunRefinementModel, S8_6_ReadQChannelIsNotOnTheListAndFailsWithDataOverrun)
{
    build("dvd_rom", "audio");
    overrunOn(0x42);
    const std::array<std::uint8_t, 2> in{1, 0};  // current position
    Bytes out(16);
    const ControlResult r = control(codes::CdromReadQChannel, out, in);
    EXPECT_EQ(r.status, st::DataOverrun);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "DATA_OVERRUN is not retried (§8.3)";
}

// ---------------------------------------------------------------------------------------------------------
// §8.5 RESERVE(6)/RELEASE(6): INVALID_DEVICE_REQUEST switches to the 10-byte form, retried, latched

TEST(ReserveRefinement, S8_5_Reserve6RefusedSwitchesTo10ByteAndLatches)
{
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x16) return testing_support::senseReply(mmc::sense::InvalidCommandOperationCode);
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    const auto h = driver.open(HandleAccess::Read);
    drive.cdbs.clear();
    Bytes none;
    ASSERT_EQ(h->control(codes::CdromReserve, {}, none).status, st::Success);
    ASSERT_EQ(drive.cdbs.size(), 2u);
    EXPECT_EQ(drive.cdbs[0][0], 0x16);
    EXPECT_EQ(drive.cdbs[1], (Bytes{0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_TRUE(driver.state().noReserve6);
    drive.cdbs.clear();
    ASSERT_EQ(h->control(codes::CdromReserve, {}, none).status, st::Success);
    ASSERT_EQ(drive.cdbs.size(), 1u);
    EXPECT_EQ(drive.cdbs[0][0], 0x56) << "latched";
}

}  // namespace
}  // namespace cdcts::classdriver
