// IOCTL_CDROM_CHECK_VERIFY ≡ IOCTL_STORAGE_CHECK_VERIFY, CHECK_VERIFY2 and IOCTL_DISK_CHECK_VERIFY (§3.1, §8).
#include <gtest/gtest.h>

#include "harness/classdriver/class_driver.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"
#include "tests/support/scripted_target.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class CheckVerifyModel : public testing_support::ModelFixture {};

TEST_F(CheckVerifyModel, S3_1_SendsTestUnitReadyAndReturnsTheCounter)
{
    build("data");
    Bytes out(4, 0xCD);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 4u);
    EXPECT_EQ(loadLe32(out.data()), device->driver().state().mediaChangeCount);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "00 00 00 00 00 00");
}

TEST_F(CheckVerifyModel, S3_1_ZeroLengthIsAcceptedWithNoCounter)
{
    build("data");
    Bytes out;
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(CheckVerifyModel, S3_1_Row1_OneToThreeBytesIsBufferTooSmall)
{
    build("data");
    // One case label for the 0x…4800 codes and CHECK_VERIFY2: the V-stage check is the same for both.
    for (const auto code : {codes::CdromCheckVerify, codes::StorageCheckVerify2}) {
        for (std::size_t length : {1u, 2u, 3u}) {
            Bytes out(length);
            const ControlResult r = control(code, out);
            EXPECT_EQ(r.status, st::BufferTooSmall) << std::hex << code.value << " " << length;
            EXPECT_EQ(r.information, 4u) << length;
        }
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(CheckVerifyModel, S3_1_CheckVerify2NeverReturnsTheCounterAndNeedsNoAccess)
{
    build("data", {}, HandleAccess::None);
    Bytes out(4, 0xCD);
    const ControlResult r = control(codes::StorageCheckVerify2, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(out[0], 0xCD);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::AccessDenied) << "the 0x4800 codes need READ access";
}

TEST_F(CheckVerifyModel, S9_TheThreeFormsAnswerAlike)
{
    build("data");
    for (const auto code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::DiskCheckVerify, codes::CdromCheckVerify}) {
        Bytes out(4);
        const ControlResult r = control(code, out);
        EXPECT_EQ(r.status, st::Success);
        EXPECT_EQ(r.information, 4u);
        EXPECT_EQ(loadLe32(out.data()), device->driver().state().mediaChangeCount);
    }
    ASSERT_EQ(traffic().size(), 4u);
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "00 00 00 00 00 00");
}

TEST_F(CheckVerifyModel, S3_1_EmptyDriveIsNoMediaInDevice)
{
    build("");
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "2/3A is not retried";
}

TEST_F(CheckVerifyModel, S3_1_LongerOutputGetsTheCounterInItsFirstFourBytesOnly)
{
    build("data");
    // The CDROM, STORAGE and DISK forms all normalise to 0x002D4800; any input is ignored.
    for (const auto code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::DiskCheckVerify}) {
        Bytes out(16, 0xCD);
        const ControlResult r = control(code, out, Bytes(8, 0xFF));
        ASSERT_EQ(r.status, st::Success) << std::hex << code.value;
        EXPECT_EQ(r.information, 4u);
        EXPECT_EQ(loadLe32(out.data()), device->driver().state().mediaChangeCount) << "little-endian at offset 0";
        EXPECT_EQ(out[4], 0xCD) << "nothing past Information is copied back";
    }
}

TEST_F(CheckVerifyModel, S3_1_CheckVerify2SendsTheSameTestUnitReadyAndFailsAlike)
{
    build("");
    Bytes out(4);
    const ControlResult r = control(codes::StorageCheckVerify2, out);
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "00 00 00 00 00 00");
}

TEST_F(CheckVerifyModel, S3_1_S6_TestUnitReadyTimesOutAfter20SecondsAndIsRetriedFiveTimes)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0x00, .count = 10});
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::IoTimeout);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 6u) << "the first attempt and 5 retries";
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "00 00 00 00 00 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::None);
    const Nanoseconds gap = traffic()[1].at - traffic()[0].at;
    EXPECT_GE(gap, std::chrono::seconds(20)) << "TEST UNIT READY's own timeout, not the 10 s default";
    EXPECT_LT(gap, std::chrono::seconds(25));
}

// The counter moves by what the contract lists: once per unit attention, a second time when the ASC falls through
// to the sense-key table (§3.1, §8 step 3, §8.2 key 6); 28h is handled by the ASC table and, with the medium
// already present, adds no arrival.
TEST_F(CheckVerifyModel, S3_1_MediaChangeCountDeltasPerUnitAttention)
{
    build("data");
    const auto counter = [this] {
        Bytes out(4);
        EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
        return loadLe32(out.data());
    };
    const std::uint32_t start = counter();
    EXPECT_EQ(counter(), start) << "no unit attention, no change";
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    const std::uint32_t after28 = counter();
    EXPECT_EQ(after28, start + 1);
    device->drive().queueUnitAttention(mmc::SenseCode{mmc::SenseKey::UnitAttention, 0x29, 0x00});
    EXPECT_EQ(counter(), after28 + 2) << "29h falls through to the sense-key table";
}

TEST_F(CheckVerifyModel, S3_1_ANewDiscCountsAsAnArrival)
{
    build("");
    Bytes out(4);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::NoMediaInDevice);
    ASSERT_EQ(device->driver().state().mediaState, MediaState::NotPresent);
    const std::uint32_t before = device->driver().state().mediaChangeCount;
    device->drive().loadMedium(emulator::makeSyntheticDisc("data"));
    device->drive().clock().sleepFor(device->drive().profile().timings.spinUp);
    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    // 6/28 on the first TEST UNIT READY: once for the unit attention, once for the transition to "present".
    EXPECT_EQ(loadLe32(out.data()), before + 2);
    EXPECT_EQ(device->driver().state().mediaState, MediaState::Present);
}

TEST(CheckVerifyStartUp, S3_1_StartUpFindingTheMediumCountsAsAnArrival)
{
    // A drive with no pending unit attention: the only change is Unknown -> Present at the start-up READ CAPACITY.
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x25) return testing_support::goodReply({0, 0, 0x03, 0xE7, 0, 0, 0x08, 0x00});
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_EQ(driver.state().mediaState, MediaState::Present);
    EXPECT_EQ(driver.state().mediaChangeCount, 1u);

    testing_support::ScriptedTarget empty;
    empty.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x25) return testing_support::senseReply(mmc::sense::MediumNotPresent);
        return testing_support::goodReply();
    };
    ClassDriver none(empty, DeviceIdentity{}, ClassDriverSettings{});
    EXPECT_NE(none.state().mediaState, MediaState::Present);
    EXPECT_EQ(none.state().mediaChangeCount, 0u) << "no arrival without a medium";
}

TEST(CheckVerifyTiming, S3_1_OperationInProgressIsRetriedEveryTenSecondsThenDeviceNotReady)
{
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x00) return testing_support::senseReply(mmc::SenseCode{mmc::SenseKey::NotReady, 0x04, 0x07});
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    const auto handle = driver.open(HandleAccess::Read);
    const Nanoseconds start = drive.clock().now();
    drive.cdbs.clear();
    Bytes out(4, 0xCD);
    const ControlResult r = handle->control(codes::StorageCheckVerify, {}, out);
    EXPECT_EQ(r.status, st::DeviceNotReady);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(drive.count(0x00), 6u) << "the first attempt and 5 retries";
    EXPECT_EQ(drive.clock().now() - start, std::chrono::seconds(50));
    EXPECT_EQ(out[0], 0xCD) << "nothing copied on an error";
}

TEST_F(CheckVerifyModel, S3_1_MediumChangeWithNothingMountedIsRetriedAndCounted)
{
    build("data");
    const std::uint32_t before = device->driver().state().mediaChangeCount;
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(traffic().size(), 2u) << "the unit attention costs one retry";
    EXPECT_GT(loadLe32(out.data()), before) << "a unit attention increments the counter";
}

TEST_F(CheckVerifyModel, S3_1_MediumChangeWithAMountedVolumeIsVerifyRequired)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    build("data", settings);
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes out(4, 0xCD);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(out[0], 0xCD);
    EXPECT_EQ(traffic().size(), 1u) << "no retry with a volume mounted";
    EXPECT_TRUE(device->driver().state().verifyVolume);
}

TEST(CheckVerifyTiming, S8_7_BecomingReadyIsRetriedEveryTenSecondsFiveTimes)
{
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x00) return testing_support::senseReply(mmc::sense::NotReadyBecomingReady);
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    const auto handle = driver.open(HandleAccess::Read);
    const Nanoseconds start = drive.clock().now();
    drive.cdbs.clear();
    Bytes out(4);
    const ControlResult r = handle->control(codes::CdromCheckVerify, {}, out);
    EXPECT_EQ(r.status, st::DeviceNotReady);
    EXPECT_EQ(drive.count(0x00), 6u) << "the first attempt and 5 retries";
    EXPECT_EQ(drive.clock().now() - start, std::chrono::seconds(50)) << "on the device's clock, not the wall's";
}

}  // namespace
}  // namespace cdcts::classdriver
