// Identity and start-up through the model (ioctl-contracts.md §7.6 start-up
// probing and the MMC capability refresh, §3.23 forwarded codes): the exact CDBs, Information, state.
// §3.8 GET_CONFIGURATION is in get_configuration_test.cpp, §3.10 GET_INQUIRY_DATA in inquiry_data_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"
#include "intercepting_target.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;
using testing_support::checkCondition;
using testing_support::InterceptingTarget;

std::vector<std::string> cdbsOf(const std::vector<emulator::TraceEntry>& entries)
{
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(formatHex(e.cdb()));
    return out;
}

std::string hex16(std::uint32_t v) { return formatHex(std::vector<std::uint8_t>{static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}); }

// ---------------------------------------------------------------------------------------------------------
// §7.6 start-up

TEST(StartUpProbe, S7_6_GetConfigurationProbeTimesOutAfter4Seconds)
{
    // A drive that hangs on GET CONFIGURATION costs the probe's 4 s timeout, not the 10 s default (§0.2).
    VirtualClock clock;
    emulator::VirtualDrive hanging(*emulator::findDriveProfile("dvd_rom"), clock);
    hanging.faults().addCommandFault(emulator::CommandFault{emulator::CommandFaultKind::Hang, std::uint8_t{0x46}, 1});
    ClassDriver driver(hanging, DeviceIdentity{}, ClassDriverSettings{});
    const auto& entries = hanging.trace().entries();
    const auto first46 = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.opcode() == 0x46; });
    ASSERT_NE(first46, entries.end());
    const auto next = std::next(first46);
    ASSERT_NE(next, entries.end());
    EXPECT_GE(next->at - first46->at, std::chrono::seconds(4));
    EXPECT_LT(next->at - first46->at, std::chrono::seconds(10));
}

TEST(StartUpProbe, S7_6_LegacyDriveAnswering0520IsNonMmcAndGetsNoMoreMmcTraffic)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("legacy_cdrom"), clock);
    drive.loadMedium(emulator::makeSyntheticDisc("data"));
    clock.advance(drive.profile().timings.spinUp);
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    std::vector<std::uint8_t> opcodes;
    for (const auto& e : drive.trace().entries()) opcodes.push_back(e.opcode());
    // INQUIRY (one or two), one GET CONFIGURATION (05/20/00 is not retried), no type-one probe, no capability
    // buffer, no MODE SENSE 2Ah; READ CAPACITY through the unit attentions.
    const auto gc = std::count(opcodes.begin(), opcodes.end(), std::uint8_t{0x46});
    EXPECT_EQ(gc, 1);
    EXPECT_EQ(std::count(opcodes.begin(), opcodes.end(), std::uint8_t{0x5A}), 0);
    EXPECT_EQ(std::count(opcodes.begin(), opcodes.end(), std::uint8_t{0x1A}), 0);
    const auto firstGc = std::find(opcodes.begin(), opcodes.end(), std::uint8_t{0x46});
    ASSERT_NE(firstGc, opcodes.end());
    EXPECT_TRUE(std::all_of(opcodes.begin(), firstGc, [](std::uint8_t o) { return o == 0x12; }));
    EXPECT_TRUE(std::all_of(std::next(firstGc), opcodes.end(), [](std::uint8_t o) { return o == 0x25; }));
    EXPECT_FALSE(driver.state().isMmc);
    EXPECT_TRUE(driver.state().capabilities.empty());
    EXPECT_EQ(driver.state().mediaState, MediaState::Present);
}

TEST(StartUpProbe, S7_6_ShortOrOddDetectionReplyMeansNonMmc)
{
    struct Case {
        const char* what;
        std::function<std::optional<mmc::CommandResult>(std::span<const std::uint8_t>, std::span<std::uint8_t>)> reply;
    };
    const auto withDataLength = [](std::uint32_t dataLength, std::uint32_t transferred) {
        return [=](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data) -> std::optional<mmc::CommandResult> {
            if (cdb[0] != 0x46) return std::nullopt;
            std::fill(data.begin(), data.end(), std::uint8_t{0});
            if (data.size() >= 4) storeBe32(data.data(), dataLength);
            mmc::CommandResult r;
            r.transferred = std::min<std::uint32_t>(transferred, static_cast<std::uint32_t>(data.size()));
            return r;
        };
    };
    const std::vector<Case> nonMmc{
        {"fewer than 8 bytes", withDataLength(8, 7)},
        {"DataLength 4", withDataLength(4, 8)},
        {"DataLength odd", withDataLength(13, 8)},
        {"fails with 02/3A/00", [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
             if (cdb[0] != 0x46) return std::nullopt;
             return checkCondition(mmc::SenseCode{mmc::SenseKey::NotReady, 0x3A, 0x00});
         }},
    };
    for (const auto& c : nonMmc) {
        VirtualClock clock;
        emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
        InterceptingTarget target(drive);
        target.override_ = c.reply;
        ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
        EXPECT_FALSE(driver.state().isMmc) << c.what;
        EXPECT_EQ(std::count_if(target.cdbs.begin(), target.cdbs.end(), [](const std::string& s) { return s.rfind("46", 0) == 0; }), 1)
            << c.what << ": nothing after the failed detection";
    }
    // Even but not a multiple of 4 is tolerated (a vendor-specific profile).
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    InterceptingTarget target(drive);
    target.override_ = withDataLength(14, 8);
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_TRUE(driver.state().isMmc);
}

TEST(StartUpProbe, S7_6_TypeOneProbeFailureLatchesTheFlag)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    InterceptingTarget target(drive);
    target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] == 0x46 && (cdb[1] & 0x03) == 2) return checkCondition(mmc::sense::InvalidFieldInCdb);
        return std::nullopt;
    };
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_TRUE(driver.state().isMmc);
    EXPECT_TRUE(driver.state().badTypeOneGetConfiguration);

    // A drive that answers RT=2 with more than the one feature is flagged too.
    VirtualClock clock2;
    emulator::VirtualDrive drive2(*emulator::findDriveProfile("dvd_rom"), clock2);
    InterceptingTarget ignoresType(drive2);
    ignoresType.override_ = [&drive2](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data) -> std::optional<mmc::CommandResult> {
        if (cdb[0] != 0x46 || (cdb[1] & 0x03) != 2) return std::nullopt;
        auto all = std::vector<std::uint8_t>(cdb.begin(), cdb.end());
        all[1] = 0;  // answer as RT=0
        return drive2.execute(all, data, mmc::DataDirection::In, std::chrono::seconds(4));
    };
    ClassDriver driver2(ignoresType, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_TRUE(driver2.state().badTypeOneGetConfiguration);
}

TEST(StartUpProbe, S7_6_ModeSenseFallsBackToSixByteFormAfterThreeTries)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    InterceptingTarget target(drive);
    target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] == 0x5A) return checkCondition(mmc::sense::InvalidCommandOperationCode);
        return std::nullopt;
    };
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    std::vector<std::string> modeSense;
    for (const auto& c : target.cdbs)
        if (c.rfind("5a", 0) == 0 || c.rfind("1a", 0) == 0) modeSense.push_back(c);
    EXPECT_EQ(modeSense, (std::vector<std::string>{
                             "5a 08 2a 00 00 00 00 00 28 00", "5a 08 2a 00 00 00 00 00 28 00", "5a 08 2a 00 00 00 00 00 28 00",
                             "1a 08 2a 00 24 00",  // MODE SENSE(6): 24 + 4 + 8 = 36; the empty drive's 06/29/00
                             "1a 08 2a 00 24 00",  // retried (§8.5), then the page
                         }))
        << "05/20/00 is not retried: three 10-byte tries, then the 6-byte form";
}

// ---------------------------------------------------------------------------------------------------------
// §7.6 / §1 step 5: the MMC capability refresh

class MmcRefresh : public testing_support::ModelFixture {
protected:
    void SetUp() override { settleMmcRefresh = false; }
};

TEST_F(MmcRefresh, S7_6_FirstQueuedRequestRunsTheBurstOnce)
{
    build("data");
    const std::uint32_t capabilitySize = static_cast<std::uint32_t>(device->driver().state().capabilities.size());
    ASSERT_GT(capabilitySize, 8u);
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(cdbsOf(traffic()), (std::vector<std::string>{
                                     "46 01 00 00 00 00 00 " + hex16(capabilitySize) + " 00",  // RT=1 current, buffer size
                                     "5a 08 2a 00 00 00 00 ff f0 00",        // page 2Ah, min(0xFFF0, 64 KiB scratch)
                                     "ac 14 00 00 00 00 00 00 00 c8 00 00",  // Write 1, Tolerance 2, Type 0, 200 descriptors
                                     "ac 00 00 00 00 00 00 00 00 c8 03 00",  // Type 3 write speed, 200 descriptors
                                     "00 00 00 00 00 00",                     // then the request's own TEST UNIT READY
                                 }));
    EXPECT_FALSE(device->driver().state().mmcUpdateRequired);
    device->drive().trace().clear();
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(cdbsOf(traffic()), (std::vector<std::string>{"00 00 00 00 00 00"})) << "the refresh is done";
}

TEST_F(MmcRefresh, S7_6_GetPerformanceTimeoutIs20Seconds)
{
    build("data");
    device->drive().faults().addCommandFault(emulator::CommandFault{emulator::CommandFaultKind::Hang, std::uint8_t{0xAC}, 1});
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    const auto& entries = traffic();
    const auto hung = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.opcode() == 0xAC; });
    ASSERT_NE(hung, entries.end());
    ASSERT_NE(std::next(hung), entries.end());
    const Nanoseconds gap = std::next(hung)->at - hung->at;
    EXPECT_GE(gap, std::chrono::seconds(20)) << "CDROM_GET_PERFORMANCE_TIMEOUT, not the 10 s default";
    EXPECT_LT(gap, std::chrono::seconds(25));
}

TEST_F(MmcRefresh, S7_6_ModeSenseFollowsTheScratchSize)
{
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{1, 8192, 2};  // scratch = min(2 pages, 8 KiB) = 8 KiB
    build("data", settings);
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    ASSERT_GE(traffic().size(), 2u);
    EXPECT_EQ(formatHex(traffic()[1].cdb()), "5a 08 2a 00 00 00 00 20 00 00");
    // (8192 - 8) / 16 = 511 > 200: still 200 descriptors.
    EXPECT_EQ(formatHex(traffic()[2].cdb()), "ac 14 00 00 00 00 00 00 00 c8 00 00");
}

TEST_F(MmcRefresh, S7_6_GetInquiryDataForwardedCodesDoNotTriggerIt)
{
    build("data");
    Bytes out(96);
    EXPECT_EQ(control(codes::CdromGetInquiryData, out).status, st::Success);
    EXPECT_EQ(control(codes::CdromGetControl, out).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
}

TEST_F(MmcRefresh, S7_6_FailedGetConfigurationKeepsTheFlagAndSkipsTheRest)
{
    build("data");
    device->drive().faults().addCommandFault(
        emulator::CommandFault{emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x46}, 6, mmc::sense::InvalidFieldInCdb});
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success) << "a failed refresh does not fail the request";
    std::vector<std::uint8_t> opcodes;
    for (const auto& e : traffic()) opcodes.push_back(e.opcode());
    EXPECT_EQ(opcodes, (std::vector<std::uint8_t>{0x46, 0x00})) << "05/24/00 is not retried; no MODE SENSE, no GET PERFORMANCE";
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
    device->drive().trace().clear();
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(traffic().front().opcode(), 0x46) << "tried again before the next request";
}

TEST_F(MmcRefresh, S7_6_StreamingSupportFollowsCurrentRealTimeStreaming)
{
    build("data");
    EXPECT_FALSE(device->driver().state().streamingReadSupported) << "only the refresh sets it";
    device->driver().runPendingMmcRefresh();
    // dvd_rom has Real Time Streaming (0107h) without Stream Recording (docs/drive-profiles.md).
    EXPECT_TRUE(device->driver().state().streamingReadSupported);
    EXPECT_FALSE(device->driver().state().streamingWriteSupported);
}

TEST_F(MmcRefresh, S8_4_UnitAttention28MakesTheNextRequestRefreshAgain)
{
    build("data");
    device->driver().runPendingMmcRefresh();
    ASSERT_FALSE(device->driver().state().mmcUpdateRequired);
    device->drive().faults().addCommandFault(
        emulator::CommandFault{emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x00}, 1, mmc::sense::MediumMayHaveChanged});
    device->drive().trace().clear();
    Bytes out(4);
    (void)control(codes::CdromCheckVerify, out);
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
    device->drive().trace().clear();
    (void)control(codes::CdromCheckVerify, out);
    ASSERT_FALSE(traffic().empty());
    EXPECT_EQ(traffic().front().opcode(), 0x46);
}

TEST_F(MmcRefresh, S7_6_NonMmcDrivesNeverRefresh)
{
    build("data", {}, HandleAccess::Read, "legacy_cdrom");
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(cdbsOf(traffic()), (std::vector<std::string>{"00 00 00 00 00 00"}));
}

// ---------------------------------------------------------------------------------------------------------
// §3.23 forwarded codes and the SIMBAD alias

class ForwardedCodes : public testing_support::ModelFixture {};

TEST_F(ForwardedCodes, S3_23_DefaultAnswerIsInvalidDeviceRequestWithNoTraffic)
{
    build("data");
    for (const auto code : {codes::CdromGetControl, codes::CdromDiskType, codes::CdromUnloadDriver}) {
        Bytes out(16);
        const ControlResult r = control(code, out);
        EXPECT_EQ(r.status, st::InvalidDeviceRequest) << std::hex << code.value;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty()) << "no SCSI command, and no MMC refresh either";
}

TEST_F(ForwardedCodes, S3_23_DiskTypeNeedsNoAccessAndGetControlNeedsRead)
{
    build("data", {}, HandleAccess::None);
    Bytes out(16);
    EXPECT_EQ(control(codes::CdromDiskType, out).status, st::InvalidDeviceRequest) << "FILE_ANY_ACCESS reaches the port";
    EXPECT_EQ(control(codes::CdromGetControl, out).status, st::AccessDenied) << "READ access checked first (§1 step 1)";
}

TEST_F(ForwardedCodes, S3_6_GetControlIsForwardedWithThePortDriversAnswer)
{
    // The sample has no case for GET_CONTROL: the port driver answers (Q6), whatever the buffers, with no command.
    ClassDriverSettings settings;
    settings.forwardedCodeStatus = st::NotSupported;
    build("data", settings);
    for (std::size_t length : {0u, 4u, 64u}) {
        Bytes out(length, 0xCD);
        const ControlResult r = control(codes::CdromGetControl, out);
        EXPECT_EQ(r.status, st::NotSupported) << length;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_EQ(codes::CdromGetControl.value, 0x00024034u);
    EXPECT_TRUE(traffic().empty());
}

TEST(Simbad, S3_23_SimbadIsThePauseAudioRow)
{
    EXPECT_EQ(codes::CdromSimbad.value, 0x0002400Cu);
    const DispatchRow* row = findDispatchRow(normalizeIoctl(codes::CdromSimbad));
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row, findDispatchRow(codes::CdromPauseAudio));
    EXPECT_EQ(row->section, "§3.20");
}

// ---------------------------------------------------------------------------------------------------------
// §8.5 refinement that reaches GET_CONFIGURATION

TEST(GetPerformanceRefinement, S8_5_SenselessFailureWithExcept2LatchesBadTypeOne)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    InterceptingTarget target(drive);
    target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] != 0xAC) return std::nullopt;
        mmc::CommandResult r;
        r.transport = mmc::TransportStatus::SelectionTimeout;  // no sense, and not retried by itself (§8.3)
        return r;
    };
    DriverState state;
    ScsiExecutor scsi(target, state, false);
    Bytes data(8 + 16);
    const auto nominal = mmc::cdb::getPerformance(0, false, 2, 0, 1, 0);
    (void)scsi.send({nominal, data, mmc::DataDirection::In});
    EXPECT_FALSE(state.badTypeOneGetConfiguration) << "Except = 0 does not look like RT=2";
    EXPECT_EQ(target.cdbs.size(), 1u);
    target.cdbs.clear();
    const auto exceptions = mmc::cdb::getPerformance(2, false, 2, 0, 1, 0);
    const ScsiOutcome outcome = scsi.send({exceptions, data, mmc::DataDirection::In});
    EXPECT_TRUE(state.badTypeOneGetConfiguration);
    EXPECT_FALSE(outcome.status.isSuccess());
    EXPECT_EQ(target.cdbs.size(), 6u) << "retried, at most 5 times";
}

TEST(GetPerformanceRefinement, S8_5_FailureWithSenseDoesNotLatch)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    InterceptingTarget target(drive);
    target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] != 0xAC) return std::nullopt;
        return checkCondition(mmc::sense::InvalidFieldInCdb);
    };
    DriverState state;
    ScsiExecutor scsi(target, state, false);
    Bytes data(8 + 16);
    const auto exceptions = mmc::cdb::getPerformance(2, false, 2, 0, 1, 0);
    (void)scsi.send({exceptions, data, mmc::DataDirection::In});
    EXPECT_FALSE(state.badTypeOneGetConfiguration);
}

}  // namespace
}  // namespace cdcts::classdriver
