// Identity, configuration and start-up through the model (ioctl-contracts.md §3.8 GET_CONFIGURATION, §3.10
// GET_INQUIRY_DATA, §7.6 start-up probing and the MMC capability refresh, §3.23 forwarded codes): validation
// order, the exact CDBs, Information, state.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

std::vector<std::string> cdbsOf(const std::vector<emulator::TraceEntry>& entries)
{
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(formatHex(e.cdb()));
    return out;
}

// GET_CONFIGURATION_IOCTL_INPUT as a 64-bit caller lays it out (§2.3): Feature, RequestType, Reserved[2].
Bytes configurationInput(std::uint32_t feature, std::uint32_t requestType, std::size_t size = 24)
{
    Bytes in(size, 0);
    storeLe32(&in[0], feature);
    storeLe32(&in[4], requestType);
    return in;
}

std::string hex16(std::uint32_t v) { return formatHex(std::vector<std::uint8_t>{static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}); }

// ---------------------------------------------------------------------------------------------------------
// §7.6 start-up

// A target that answers like the drive underneath except where a test says otherwise, recording every CDB.
class ScriptedTarget final : public mmc::MmcTarget {
public:
    explicit ScriptedTarget(mmc::MmcTarget& inner) : inner_(inner) {}
    std::function<std::optional<mmc::CommandResult>(std::span<const std::uint8_t>, std::span<std::uint8_t>)> override_;
    std::vector<std::string> cdbs;
    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction,
                               Nanoseconds timeout) override
    {
        cdbs.push_back(formatHex(cdb));
        if (override_)
            if (auto r = override_(cdb, data)) return *r;
        return inner_.execute(cdb, data, direction, timeout);
    }
    Clock& clock() override { return inner_.clock(); }

private:
    mmc::MmcTarget& inner_;
};

mmc::CommandResult checkCondition(mmc::SenseCode code)
{
    mmc::CommandResult r;
    r.status = mmc::ScsiStatus::CheckCondition;
    r.sense = mmc::SenseData::fixed(code);
    return r;
}

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
        ScriptedTarget target(drive);
        target.override_ = c.reply;
        ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
        EXPECT_FALSE(driver.state().isMmc) << c.what;
        EXPECT_EQ(std::count_if(target.cdbs.begin(), target.cdbs.end(), [](const std::string& s) { return s.rfind("46", 0) == 0; }), 1)
            << c.what << ": nothing after the failed detection";
    }
    // Even but not a multiple of 4 is tolerated (a vendor-specific profile).
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    ScriptedTarget target(drive);
    target.override_ = withDataLength(14, 8);
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_TRUE(driver.state().isMmc);
}

TEST(StartUpProbe, S7_6_TypeOneProbeFailureLatchesTheFlag)
{
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    ScriptedTarget target(drive);
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
    ScriptedTarget ignoresType(drive2);
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
    ScriptedTarget target(drive);
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
// §3.8 GET_CONFIGURATION

class GetConfigurationModel : public testing_support::ModelFixture {};

TEST_F(GetConfigurationModel, S3_8_SendsTwelveByteGetConfigurationAndReturnsTheDriveBytes)
{
    build("data");
    const Bytes in = configurationInput(0x001E, 2);  // ONE, CD Read
    Bytes out(64, 0xCD);
    const ControlResult r = control(codes::CdromGetConfiguration, out, in);
    ASSERT_EQ(r.status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 02 00 1e 00 00 00 00 40 00 00 00");
    EXPECT_EQ(r.information, traffic()[0].transferred) << "Info = bytes the drive transferred";
    ASSERT_GE(r.information, 12u);
    EXPECT_EQ(loadBe16(&out[8]), 0x001E) << "the requested feature follows the header";
    EXPECT_EQ(loadBe32(&out[0]) + 4, r.information) << "header plus the one feature";
    EXPECT_EQ(out[r.information], 0xCD) << "bytes past Information stay as the caller had them";
}

TEST_F(GetConfigurationModel, S3_8_AllocationIsCappedAt65534AndTruncationIsStillSuccess)
{
    build("data");
    const Bytes in = configurationInput(0, 0);
    Bytes big(0xFFFF - 1);  // even, fits the word alignment
    ASSERT_EQ(control(codes::CdromGetConfiguration, big, in).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 00 00 00 00 00 00 ff fe 00 00 00");

    device->drive().trace().clear();
    Bytes small(16, 0xCD);
    const ControlResult r = control(codes::CdromGetConfiguration, small, in);
    EXPECT_EQ(r.status, st::Success) << "no BUFFER_OVERFLOW path (Q18)";
    EXPECT_EQ(r.information, 16u);
    EXPECT_GT(loadBe32(&small[0]) + 4, r.information) << "the caller sees the truncation in DataLength";
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 00 00 00 00 00 00 00 10 00 00 00");
}

TEST_F(GetConfigurationModel, S3_8_ValidationInTheDocumentedOrder)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 1;
    build("data", settings);
    const Bytes good = configurationInput(0, 0);
    struct Row {
        const char* rule;
        std::size_t outLength;
        Bytes input;
        ioctl::NtStatus status;
        std::uint32_t information;
    };
    Bytes reservedSet = good;
    reservedSet[23] = 1;
    Bytes reservedFirst = good;
    reservedFirst[8] = 1;
    const std::vector<Row> rows{
        {"1: OutLen < 8 before everything", 7, Bytes{}, st::BufferTooSmall, 8},
        {"1: OutLen 0", 0, good, st::BufferTooSmall, 8},
        {"2: OutLen > 0xFFFF before alignment and input", 0x10001, Bytes{}, st::InvalidBufferSize, 0},
        {"3: odd OutLen with a word-aligned adapter, before the input", 9, Bytes{}, st::InvalidParameter, 0},
        {"4: InLen 16 from a 64-bit caller", 16, configurationInput(0, 0, 16), st::InfoLengthMismatch, 0},
        {"4: InLen 23", 16, configurationInput(0, 0, 23), st::InfoLengthMismatch, 0},
        {"5: Feature 0x10000", 16, configurationInput(0x10000, 0), st::InvalidParameter, 0},
        {"6: RequestType 3", 16, configurationInput(0, 3), st::InvalidParameter, 0},
        {"5 before 6", 16, configurationInput(0x10000, 3), st::InvalidParameter, 0},
        {"7: Reserved[1] non-zero", 16, reservedSet, st::InvalidParameter, 0},
        {"7: Reserved[0] non-zero", 16, reservedFirst, st::InvalidParameter, 0},
    };
    for (const auto& row : rows) {
        Bytes out(row.outLength, 0xCD);
        const ControlResult r = control(codes::CdromGetConfiguration, out, row.input);
        EXPECT_EQ(r.status, row.status) << row.rule;
        EXPECT_EQ(r.information, row.information) << row.rule;
    }
    EXPECT_TRUE(traffic().empty()) << "V-stage failures never reach the drive";
    // Longer input is accepted (the documentation says "equal", the sample ">=", Q19).
    Bytes out(16);
    Bytes longer = configurationInput(0, 1, 32);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, longer).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 01 00 00 00 00 00 00 10 00 00 00");
}

TEST_F(GetConfigurationModel, S3_8_Row4_SixteenByteInputWhenTheSettingSaysSo)
{
    ClassDriverSettings settings;
    settings.getConfigurationInputLength = 16;  // Q3: 32-bit Windows, or BUILD_WOW64_ENABLED
    build("data", settings);
    Bytes out(16);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, configurationInput(0, 0, 15)).status, st::InfoLengthMismatch);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, configurationInput(0, 0, 16)).status, st::Success);
    Bytes reserved = configurationInput(0, 0, 16);
    reserved[15] = 1;
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, reserved).status, st::InvalidParameter);
}

TEST_F(GetConfigurationModel, S3_8_NegativeFeatureNumbersPassTheSignedCheck)
{
    // FEATURE_NUMBER is a signed enum; the sample's "Feature > 0xFFFF" lets 0xFFFFFFFF through and sends its
    // low 16 bits (S/ioctl.c:1439, 4753).
    build("data");
    Bytes out(16);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, configurationInput(0xFFFFFFFFu, 0)).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 00 ff ff 00 00 00 00 10 00 00 00");
}

TEST_F(GetConfigurationModel, S3_8_H1_NonMmcDriveIsInvalidDeviceRequestWithoutTraffic)
{
    build("data", {}, HandleAccess::Read, "legacy_cdrom");
    Bytes out(16);
    const ControlResult r = control(codes::CdromGetConfiguration, out, configurationInput(0, 0));
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(GetConfigurationModel, S3_8_ShortReplyIsSuccessWithTheBytesTransferred)
{
    build("data");
    device->drive().faults().addCommandFault(
        emulator::CommandFault{emulator::CommandFaultKind::ShortTransfer, std::uint8_t{0x46}, 1, {}, 12});
    Bytes out(64);
    const ControlResult r = control(codes::CdromGetConfiguration, out, configurationInput(0, 0));
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 12u) << "Info = bytes actually transferred";
}

TEST(GetConfigurationOverrun, S8_6_ShortReplyReportedAsDataOverrunIsSuccess)
{
    // A port that reports the short transfer as SRB_STATUS_DATA_OVERRUN (Q7).
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    drive.loadMedium(emulator::makeSyntheticDisc("data"));
    ScriptedTarget target(drive);
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    driver.runPendingMmcRefresh();
    auto handle = driver.open(HandleAccess::Read);
    target.cdbs.clear();
    target.override_ = [&drive](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data) -> std::optional<mmc::CommandResult> {
        if (cdb[0] != 0x46) return std::nullopt;
        mmc::CommandResult r = drive.execute(cdb, data.first(12), mmc::DataDirection::In, std::chrono::seconds(10));
        r.transport = mmc::TransportStatus::DataOverrun;
        return r;
    };
    Bytes out(64);
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0, 0), out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 12u);
    EXPECT_EQ(target.cdbs.size(), 1u) << "not retried";
    handle.reset();
}

TEST_F(GetConfigurationModel, S3_8_DriveErrorsAreMappedBySense)
{
    build("data");
    device->drive().faults().addCommandFault(
        emulator::CommandFault{emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x46}, 1, mmc::sense::InvalidFieldInCdb});
    Bytes out(64);
    const ControlResult r = control(codes::CdromGetConfiguration, out, configurationInput(0, 0));
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/24/00 (§8.1)";
    EXPECT_EQ(r.information, 0u);
}

// The type-one emulation needs a drive flagged at start-up: one that rejects RT=2.
class TypeOneEmulation : public ::testing::Test {
protected:
    VirtualClock clock;
    emulator::VirtualDrive drive{*emulator::findDriveProfile("dvd_rom"), clock};
    ScriptedTarget target{drive};
    std::unique_ptr<ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;
    void SetUp() override
    {
        drive.loadMedium(emulator::makeSyntheticDisc("data"));
        target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
            if (cdb[0] == 0x46 && (cdb[1] & 0x03) == 2) return checkCondition(mmc::sense::InvalidFieldInCdb);
            return std::nullopt;
        };
        driver = std::make_unique<ClassDriver>(target, DeviceIdentity{}, ClassDriverSettings{});
        driver->runPendingMmcRefresh();
        handle = driver->open(HandleAccess::Read);
        target.cdbs.clear();
    }
    void TearDown() override { handle.reset(); }
};

TEST_F(TypeOneEmulation, S3_8_TypeOneIsSentAsTypeAllAndCutToTheOneFeature)
{
    ASSERT_TRUE(driver->state().badTypeOneGetConfiguration);
    Bytes out(64, 0xCD);
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0x001E, 2), out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(target.cdbs, (std::vector<std::string>{"46 00 00 1e 00 00 00 00 40 00 00 00"}));
    // Header + CD Read (001Eh, 4 + 8 bytes in MMC-6): DataLength rewritten to 4 + 12.
    ASSERT_GE(r.information, 12u);
    EXPECT_EQ(loadBe16(&out[8]), 0x001E);
    EXPECT_EQ(r.information, 8u + 4u + out[11]);
    EXPECT_EQ(loadBe32(&out[0]), r.information - 4);
}

TEST_F(TypeOneEmulation, S3_8_AbsentFeatureLeavesTheHeaderOnlyAndSmallBuffersAskForTwelve)
{
    Bytes out(8, 0xCD);
    // 0x0105 (Timeout) is not in dvd_rom: the first feature at or after it is another one.
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0x0105, 2), out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(target.cdbs, (std::vector<std::string>{"46 00 01 05 00 00 00 00 0c 00 00 00"})) << "allocation at least 12";
    EXPECT_EQ(r.information, 8u);
    EXPECT_EQ(loadBe32(&out[0]), 4u) << "header only";
}

TEST_F(TypeOneEmulation, S3_8_FewerThan8BytesInThatModeIsInvalidDeviceRequest)
{
    target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] != 0x46) return std::nullopt;
        mmc::CommandResult r;
        r.transferred = 6;
        return r;
    };
    Bytes out(64);
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0, 2), out);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

// ---------------------------------------------------------------------------------------------------------
// §3.10 GET_INQUIRY_DATA

class InquiryDataModel : public testing_support::ModelFixture {};

TEST_F(InquiryDataModel, S3_10_ReturnsTheCachedBytesWithoutDeviceIo)
{
    build("data");
    Bytes direct(96);
    const auto cdb = mmc::cdb::inquiry(96);
    ASSERT_TRUE(device->drive().execute(cdb, direct, mmc::DataDirection::In, std::chrono::seconds(10)).good());
    device->drive().trace().clear();
    Bytes out(300, 0xCD);
    const ControlResult r = control(codes::CdromGetInquiryData, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 96u) << "CachedLen: AdditionalLength + 5";
    EXPECT_TRUE(std::equal(direct.begin(), direct.end(), out.begin()));
    EXPECT_EQ(out[96], 0xCD);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(InquiryDataModel, S3_10_Rows1To3_ZeroShortAndExactLengths)
{
    build("data");
    Bytes none;
    const ControlResult zero = control(codes::CdromGetInquiryData, none);
    EXPECT_EQ(zero.status, st::BufferTooSmall);
    EXPECT_EQ(zero.information, 0u);
    Bytes partial(10, 0xCD);
    const ControlResult overflow = control(codes::CdromGetInquiryData, partial);
    EXPECT_EQ(overflow.status, st::BufferOverflow) << "a warning: the bytes are returned";
    EXPECT_EQ(overflow.information, 10u);
    EXPECT_EQ(std::string(partial.begin() + 8, partial.begin() + 10), "CD") << "vendor CDCTS begins at byte 8";
    Bytes exact(96);
    EXPECT_EQ(control(codes::CdromGetInquiryData, exact).status, st::Success);
    Bytes one(95);
    EXPECT_EQ(control(codes::CdromGetInquiryData, one).status, st::BufferOverflow);
}

TEST_F(InquiryDataModel, S3_10_AnsweredEvenAfterTheDriveIsGone)
{
    build("data");
    device->drive().faults().schedule(emulator::FaultEvent{device->drive().clock().now(), emulator::FaultEventKind::DeviceGone});
    Bytes out(36);
    EXPECT_EQ(control(codes::CdromGetInquiryData, out).status, st::BufferOverflow) << "no device I/O: the cache answers";
    EXPECT_TRUE(traffic().empty());
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
    ScriptedTarget target(drive);
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
    ScriptedTarget target(drive);
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
