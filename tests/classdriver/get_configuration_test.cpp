// IOCTL_CDROM_GET_CONFIGURATION through the model (ioctl-contracts.md §3.8, its §6 CDB, §8.6): the V-stage rows in
// the sample's order, the 12-byte GET CONFIGURATION, Information = bytes transferred, the type-one emulation.
#include <gtest/gtest.h>

#include <memory>

#include "harness/classdriver/class_driver.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "intercepting_target.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;
using testing_support::checkCondition;
using testing_support::InterceptingTarget;

// GET_CONFIGURATION_IOCTL_INPUT as a 64-bit caller lays it out (§2.3): Feature, RequestType, Reserved[2].
Bytes configurationInput(std::uint32_t feature, std::uint32_t requestType, std::size_t size = 24)
{
    Bytes in(size, 0);
    storeLe32(&in[0], feature);
    storeLe32(&in[4], requestType);
    return in;
}


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

// A model on an emulated dvd_rom with a data disc, behind a target whose answers a test may rewrite.
class InterceptedModel : public ::testing::Test {
protected:
    VirtualClock clock;
    emulator::VirtualDrive drive{*emulator::findDriveProfile("dvd_rom"), clock};
    InterceptingTarget target{drive};
    std::unique_ptr<ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;

    // Starts the model (the target's override, if set, already applies to start-up) and settles its refresh.
    void start()
    {
        drive.loadMedium(emulator::makeSyntheticDisc("data"));
        driver = std::make_unique<ClassDriver>(target, DeviceIdentity{}, ClassDriverSettings{});
        driver->runPendingMmcRefresh();
        handle = driver->open(HandleAccess::Read);
        target.cdbs.clear();
    }
    void TearDown() override { handle.reset(); }  // a handle is closed before its driver goes
};

// A port that reports a short GET CONFIGURATION transfer as SRB_STATUS_DATA_OVERRUN (Q7): the reply cut after
// `bytes`.
class GetConfigurationOverrun : public InterceptedModel {
protected:
    void overrunAfter(std::size_t bytes)
    {
        start();
        target.override_ = [this, bytes](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data) -> std::optional<mmc::CommandResult> {
            if (cdb[0] != 0x46) return std::nullopt;
            mmc::CommandResult r = drive.execute(cdb, data.first(bytes), mmc::DataDirection::In, std::chrono::seconds(10));
            r.transport = mmc::TransportStatus::DataOverrun;
            return r;
        };
    }
};

TEST_F(GetConfigurationOverrun, S8_6_ShortReplyReportedAsDataOverrunIsSuccess)
{
    overrunAfter(12);
    Bytes out(64);
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0, 0), out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 12u);
    EXPECT_EQ(target.cdbs.size(), 1u) << "not retried";
}

TEST_F(GetConfigurationModel, S3_8_S6_DefaultTimeoutAndFiveRetries)
{
    build("data");
    device->drive().faults().addCommandFault(emulator::CommandFault{emulator::CommandFaultKind::Hang, std::uint8_t{0x46}, 10});
    Bytes out(64);
    const ControlResult r = control(codes::CdromGetConfiguration, out, configurationInput(0, 0));
    EXPECT_EQ(r.status, st::IoTimeout);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 6u) << "the first attempt and at most 5 retries";
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "46 00 00 00 00 00 00 00 40 00 00 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::In);
    const Nanoseconds gap = traffic()[1].at - traffic()[0].at;
    EXPECT_GE(gap, std::chrono::seconds(10)) << "the default TimeOutValue, not the internal 4 s";
    EXPECT_LT(gap, std::chrono::seconds(15));
}

TEST_F(GetConfigurationModel, S3_8_TheTransferGoesThroughTheScratchBuffer)
{
    // A port with 4 KiB transfers: the scratch buffer is 4096 bytes, so at most 4096 come back, whatever the
    // CDB's allocation length says (§0.2).
    ClassDriverSettings settings;
    settings.adapter.maximumTransferLength = 4096;
    build("data", settings);
    Bytes out(8192);
    const ControlResult r = control(codes::CdromGetConfiguration, out, configurationInput(0, 0));
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "46 00 00 00 00 00 00 20 00 00 00 00");
    EXPECT_EQ(traffic()[0].bufferLength, 4096u);
    EXPECT_LE(r.information, 4096u);
    EXPECT_EQ(r.information, traffic()[0].transferred);
}

TEST_F(GetConfigurationModel, S3_8_RequestTypesAndFeatureReachTheCdb)
{
    build("data");
    Bytes out(64);
    for (std::uint32_t type : {0u, 1u, 2u}) {
        device->drive().trace().clear();
        ASSERT_EQ(control(codes::CdromGetConfiguration, out, configurationInput(0x0107, type)).status, st::Success);
        ASSERT_EQ(traffic().size(), 1u);
        const auto cdb = traffic()[0].cdb();
        ASSERT_EQ(cdb.size(), 12u) << "a 12-byte CDB";
        EXPECT_EQ(static_cast<std::uint32_t>(cdb[1] & 0x03), type);
        EXPECT_EQ(loadBe16(&cdb[2]), 0x0107) << "Feature, big-endian";
        EXPECT_EQ(loadBe16(&cdb[7]), 64) << "allocation = OutLen";
    }
}

TEST_F(GetConfigurationOverrun, S3_8_DataOverrunOnAShortCurrentFeaturesReplyIsSuccessToo)
{
    overrunAfter(20);
    Bytes out(256, 0xCD);
    const ControlResult r = handle->control(codes::CdromGetConfiguration, configurationInput(0, 1), out);
    EXPECT_EQ(r.status, st::Success) << "no STATUS_DATA_OVERRUN for GET_CONFIGURATION (§8.6)";
    EXPECT_EQ(r.information, 20u);
    EXPECT_EQ(out[20], 0xCD);
    EXPECT_EQ(target.cdbs, std::vector<std::string>{"46 01 00 00 00 00 00 01 00 00 00 00"}) << "sent once";
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
class TypeOneEmulation : public InterceptedModel {
protected:
    void SetUp() override
    {
        target.override_ = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
            if (cdb[0] == 0x46 && (cdb[1] & 0x03) == 2) return checkCondition(mmc::sense::InvalidFieldInCdb);
            return std::nullopt;
        };
        start();
    }
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

}  // namespace
}  // namespace cdcts::classdriver
