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
    for (std::size_t length : {1u, 2u, 3u}) {
        Bytes out(length);
        const ControlResult r = control(codes::CdromCheckVerify, out);
        EXPECT_EQ(r.status, st::BufferTooSmall) << length;
        EXPECT_EQ(r.information, 4u) << length;
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
