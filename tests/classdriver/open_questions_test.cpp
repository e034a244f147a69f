// The open questions of ioctl-contracts.md §10: for each, the answer the model gives by default (the choices are
// stated in docs/classdriver-model.md and, where a lab may need the other answer, are ClassDriverSettings fields).
// Each test pins the default, so changing a choice is a visible decision.
#include <gtest/gtest.h>

#include <array>

#include "tests/support/scripted_target.hpp"
#include "harness/classdriver/class_driver.hpp"
#include "harness/classdriver/scsi_executor.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "harness/mmc/cdb.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class OpenQuestions : public testing_support::ModelFixture {};

TEST_F(OpenQuestions, S10_Q2_ByDefaultNoVolumeIsMountedSoAUnitAttentionIsRetried)
{
    EXPECT_FALSE(ClassDriverSettings{}.volumeMounted);
    build("data");
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(traffic().size(), 2u);
    EXPECT_FALSE(device->driver().state().verifyVolume);
}

TEST_F(OpenQuestions, S10_Q3_GetConfigurationDemandsThe24Byte64BitInputByDefault)
{
    EXPECT_EQ(ClassDriverSettings{}.getConfigurationInputLength, 24u);
    build("data");
    Bytes out(64);
    const Bytes in16(16, 0);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, in16).status, st::InfoLengthMismatch);
    const Bytes in24(24, 0);
    EXPECT_EQ(control(codes::CdromGetConfiguration, out, in24).status, st::Success);
}

TEST_F(OpenQuestions, S10_Q4_FindNewDevicesAnswersAccessDeniedByDefault)
{
    build("data");
    Bytes out;
    EXPECT_EQ(control(codes::CdromFindNewDevices, out).status, st::AccessDenied);
}

TEST_F(OpenQuestions, S10_Q5_OpensAreNotRefusedWhileTheDeviceIsLocked)
{
    build("data", {}, HandleAccess::ReadWrite);
    Bytes lock(72, 0);
    lock[0] = 1;  // ExclusiveAccessLockDevice
    lock[8] = 'x';
    Bytes none;
    ASSERT_EQ(control(codes::CdromExclusiveAccess, none, lock).status, st::Success);
    const auto other = device->open(HandleAccess::Read);
    ASSERT_NE(other, nullptr) << "the create handler does not look at the lock";
    Bytes out(4);
    EXPECT_EQ(other->control(codes::CdromCheckVerify, {}, out).status, st::AccessDenied) << "its requests are gated";
}

TEST_F(OpenQuestions, S10_Q6_ForwardedCodesGetInvalidDeviceRequestByDefault)
{
    build("data");
    Bytes out(16);
    const ControlResult r = control(codes::CdromGetControl, out);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(OpenQuestions, S10_Q7_TheEmulatedPortReportsAShortTransferAsGoodWithAResidual)
{
    build("mixed");
    device->drive().faults().addCommandFault(
        {.kind = emulator::CommandFaultKind::ShortTransfer, .opcode = 0x42, .transferLimit = 12});
    const std::array<std::uint8_t, 2> in{1, 0};
    Bytes out(16);
    const ControlResult r = control(codes::CdromReadQChannel, out, in);
    EXPECT_NE(r.status, st::DataOverrun) << "no DATA_OVERRUN from this port";
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(traffic()[0].status, mmc::ScsiStatus::Good);
    EXPECT_EQ(traffic()[0].transferred, 12u);
}

TEST_F(OpenQuestions, S10_Q8_TheModelShowsInformationOnErrorStatuses)
{
    build("data");
    Bytes out(2);
    const ControlResult r = control(codes::CdromReadToc, out);
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 804u) << "the driver's value; user mode would see 0";
}

TEST_F(OpenQuestions, S10_Q9_DefaultAdapterIsMask1_64KiB_17Pages)
{
    const mmc::AdapterProperties adapter = ClassDriverSettings{}.adapter;
    EXPECT_EQ(adapter.alignmentMask, 1u);
    EXPECT_EQ(adapter.maximumTransferLength, 65536u);
    EXPECT_EQ(adapter.maximumPhysicalPages, 17u);
    EXPECT_EQ(adapter.scratchBufferBytes(), 65536u);
    build("data");
    Bytes odd(805);
    EXPECT_EQ(control(codes::CdromReadToc, odd).status, st::InvalidParameter) << "an odd length fails mask 1";
}

TEST_F(OpenQuestions, S10_Q10_CountsOnlyGrowAndStandStillWhenQuiet)
{
    build("data");
    Bytes a(4);
    Bytes b(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, a).status, st::Success);
    ASSERT_EQ(control(codes::StorageCheckVerify, b).status, st::Success);
    EXPECT_EQ(loadLe32(a.data()), loadLe32(b.data())) << "no polling: nothing changes it between requests";
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    ASSERT_EQ(control(codes::CdromCheckVerify, b).status, st::Success);
    EXPECT_GT(loadLe32(b.data()), loadLe32(a.data()));
}

TEST_F(OpenQuestions, S10_Q11_StartUpModeSenseAsksFor40Bytes)
{
    build("data");
    bool found = false;
    // The trace was cleared after start-up; start a second model on the same drive to see its start-up.
    ClassDriver second(device->drive(), DeviceIdentity{}, ClassDriverSettings{});
    for (const auto& e : traffic()) found = found || formatHex(e.cdb()) == "5a 08 2a 00 00 00 00 00 28 00";
    EXPECT_TRUE(found) << "24-byte CDVD_CAPABILITIES_PAGE + 8 header + 8 block descriptor";
}

TEST_F(OpenQuestions, S10_Q12_CloseDoorIsLoadMedia)
{
    build("data");
    Bytes out;
    ASSERT_EQ(control(codes::CdromLoadMedia, out).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "1b 00 00 00 03 00");
}

TEST(OpenQuestionsCatalog, S10_Q14_NoSuchDeviceIsWines433AndCssStatusesHaveNoMapping)
{
    const auto noSuchDevice = ioctl::findNtStatus(st::NoSuchDevice);
    ASSERT_TRUE(noSuchDevice.has_value());
    EXPECT_EQ(noSuchDevice->win32Error, 433u);
    EXPECT_FALSE(ioctl::findNtStatus(st::CssKeyNotPresent).has_value());
    EXPECT_FALSE(ioctl::findNtStatus(st::CopyProtectionFailure).has_value());
}

TEST(OpenQuestionsRetries, S10_Q15_AllowStopsAfterTheOpenEndedLimit)
{
    EXPECT_EQ(ClassDriverSettings{}.openEndedRetryLimit, 1000);
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x1E && (cdb[4] & 1) == 0) return testing_support::senseReply({mmc::SenseKey::NotReady, 0x04, 0x08});
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    const auto handle = driver.open(HandleAccess::Read);
    const std::array<std::uint8_t, 1> prevent{1};
    const std::array<std::uint8_t, 1> allow{0};
    Bytes none;
    ASSERT_EQ(handle->control(codes::CdromMediaRemoval, prevent, none).status, st::Success);
    drive.cdbs.clear();
    const Nanoseconds start = drive.clock().now();
    EXPECT_EQ(handle->control(codes::CdromMediaRemoval, allow, none).status, st::DeviceNotReady);
    EXPECT_EQ(drive.count(0x1E), 1001u) << "the first attempt and 1000 retries";
    EXPECT_EQ(drive.clock().now() - start, 1000 * 2s) << "at least 2 s between attempts for NOT READY/04 (§8.5)";
}

TEST(OpenQuestionsRetries, S10_Q16_SenselessGetPerformanceFailureWithExcept2LatchesBadTypeOne)
{
    testing_support::ScriptedTarget drive;
    DriverState state;
    drive.script = [](std::span<const std::uint8_t>) {
        testing_support::ScriptedReply r;
        r.result.transport = mmc::TransportStatus::Error;
        return r;
    };
    ScsiExecutor scsi(drive, state, false);
    Bytes buffer(32);
    const auto cdb = mmc::cdb::getPerformance(2, false, 0, 0, 1, 0);
    (void)scsi.send({cdb, buffer, mmc::DataDirection::In});
    EXPECT_TRUE(state.badTypeOneGetConfiguration) << "the sample bug is modelled";
}

TEST_F(OpenQuestions, S10_Q17_NegativeSetSpeedRequestTypeIsTheStreamingForm)
{
    build("data");
    Bytes in(sizeof(ioctl::CDROM_SET_STREAMING), 0);
    storeLe32(&in[0], 0xFFFFFFFFu);  // RequestType -1
    Bytes none;
    (void)control(codes::CdromSetSpeed, none, in);
    ASSERT_FALSE(traffic().empty());
    EXPECT_EQ(traffic()[0].opcode(), 0xB6) << "SET STREAMING, not SET CD SPEED";
}

TEST_F(OpenQuestions, S10_Q18_GeometryExIs32BytesAndTruncatedConfigurationIsSuccess)
{
    build("data");
    Bytes geometry(64);
    const ControlResult g = control(codes::CdromGetDriveGeometryEx, geometry);
    EXPECT_EQ(g.status, st::Success);
    EXPECT_EQ(g.information, 32u);
    const Bytes in(24, 0);
    Bytes config(16);
    const ControlResult c = control(codes::CdromGetConfiguration, config, in);
    EXPECT_EQ(c.status, st::Success) << "not BUFFER_OVERFLOW";
    EXPECT_EQ(c.information, 16u);
}

TEST_F(OpenQuestions, S10_Q19_TheSamplesMinimumSizesNotTheDocumentedOnes)
{
    build("mixed");
    Bytes inquiry(8);
    const ControlResult i = control(codes::CdromGetInquiryData, inquiry);
    EXPECT_EQ(i.status, st::BufferOverflow) << "any non-zero length, with the partial copy";
    EXPECT_EQ(i.information, 8u);
    const std::array<std::uint8_t, 2> position{1, 0};
    Bytes q(16);
    EXPECT_EQ(control(codes::CdromReadQChannel, q, position).status, st::Success) << "16 bytes for the current position";
    const Bytes longer(32, 0);
    Bytes config(64);
    EXPECT_EQ(control(codes::CdromGetConfiguration, config, longer).status, st::Success) << "input >= the structure";
}

}  // namespace
}  // namespace cdcts::classdriver
