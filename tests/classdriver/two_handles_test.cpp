// Two handles on one drive (ioctl-contracts.md §3.4 per-handle streaming, §3.5 the exclusive lock and the reads of
// a non-owner, §3.11 the device-wide simple lock): what one handle does must change exactly what the contracts say
// for the other. Cooked reads (IRP_MJ_READ) go through ModelHandle::read, as the suites cannot reach them yet.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "harness/classdriver/model_handle.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class TwoHandles : public testing_support::ModelFixture {
protected:
    std::unique_ptr<DeviceHandle> other;

    void buildTwo(ClassDriverSettings settings = {})
    {
        other.reset();
        build("data", settings, HandleAccess::ReadWrite);  // dvd_rom: Real Time Streaming current, no Stream Recording
        other = device->open(HandleAccess::ReadWrite);
    }
    void TearDown() override { other.reset(); }
    static ControlResult read(DeviceHandle& h, std::int64_t offset, std::span<std::uint8_t> buffer)
    {
        auto* model = dynamic_cast<ModelHandle*>(&h);
        EXPECT_NE(model, nullptr);
        return model->read(offset, buffer);
    }
    static ControlResult enableStreaming(DeviceHandle& h, std::int32_t type)
    {
        Bytes in(4);
        storeLe32(in.data(), static_cast<std::uint32_t>(type));
        Bytes none;
        return h.control(codes::CdromEnableStreaming, in, none);
    }
    static ControlResult lock(DeviceHandle& h, const std::string& name)
    {
        Bytes in(72, 0);
        storeLe32(in.data(), 1);
        std::memcpy(in.data() + 8, name.data(), name.size());
        Bytes none;
        return h.control(codes::CdromExclusiveAccess, in, none);
    }
    static ControlResult unlock(DeviceHandle& h)
    {
        Bytes in(8, 0);
        storeLe32(in.data(), 2);
        Bytes none;
        return h.control(codes::CdromExclusiveAccess, in, none);
    }
    DriverState& state() { return device->driver().stateForTesting(); }
    std::vector<std::string> cdbs()
    {
        std::vector<std::string> all;
        for (const auto& e : traffic()) all.push_back(formatHex(e.cdb()));
        return all;
    }
};

// ---- §3.4 ENABLE_STREAMING is per handle ----

TEST_F(TwoHandles, S3_4_StreamingReadsOnOneHandleOnlyUseRead12WithTheStreamingBit)
{
    buildTwo();
    ASSERT_TRUE(device->driver().state().streamingReadSupported) << "the §7.6 refresh found feature 0107h current";
    ASSERT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    Bytes sector(2048);
    ASSERT_EQ(read(*handle, 16 * 2048, sector).status, st::Success);
    ASSERT_EQ(read(*other, 16 * 2048, sector).status, st::Success);
    // READ(12): LBA in bytes 2-5, length in 6-9, Streaming = byte 10 bit 7; READ(10) for the other handle.
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"a8 00 00 00 00 10 00 00 00 01 80 00", "28 00 00 00 00 10 00 00 01 00"}));
}

TEST_F(TwoHandles, S3_4_DisableOnOneHandleLeavesTheOtherStreaming)
{
    buildTwo();
    ASSERT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    ASSERT_EQ(enableStreaming(*other, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    ASSERT_EQ(enableStreaming(*other, ioctl::CdromStreamingDisable).status, st::Success);
    Bytes sector(2048);
    ASSERT_EQ(read(*handle, 0, sector).status, st::Success);
    ASSERT_EQ(read(*other, 0, sector).status, st::Success);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(traffic()[0].opcode(), 0xA8);
    EXPECT_EQ(traffic()[1].opcode(), 0x28);
}

TEST_F(TwoHandles, S3_4_Row3_WriteStreamingOnADriveWithoutStreamRecordingIsRefused)
{
    buildTwo();
    ASSERT_FALSE(device->driver().state().streamingWriteSupported) << "dvd_rom's feature 0107h has no Stream Recording bit";
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadWrite).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForWriteOnly).status, st::InvalidDeviceRequest);
    const FileObject& f = dynamic_cast<const ModelHandle&>(*handle).fileObject();
    EXPECT_FALSE(f.enforceStreamingRead) << "a refused request changes no flag";
    EXPECT_FALSE(f.enforceStreamingWrite);
}

TEST_F(TwoHandles, S3_4_StreamingReadOnADriveThatLostSupportFailsWithoutTheDrive)
{
    buildTwo();
    ASSERT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    state().streamingReadSupported = false;  // as a later capability refresh would find it
    Bytes sector(2048);
    const ControlResult r = read(*handle, 0, sector);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(read(*other, 0, sector).status, st::Success) << "the other handle never asked for streaming";
}

TEST_F(TwoHandles, S3_4_S7_2_AfterTheNoStreamingLatchAnEnabledHandleFallsBackToRead10)
{
    buildTwo();
    ASSERT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    state().noStreamingHack = true;
    Bytes sector(2048);
    EXPECT_EQ(read(*handle, 0, sector).status, st::Success) << "no error for the caller";
    EXPECT_EQ(cdbs(), std::vector<std::string>{"28 00 00 00 00 00 00 00 01 00"});
    // The latch withdraws support from ENABLE_STREAMING too; disabling still works.
    EXPECT_EQ(enableStreaming(*other, ioctl::CdromStreamingEnableForReadOnly).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingDisable).status, st::Success);
}

TEST_F(TwoHandles, S3_4_RawReadIsNotAffectedByStreaming)
{
    buildTwo();
    ASSERT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    Bytes in(16, 0);
    storeLe32(in.data() + 8, 1);  // one sector at offset 0, YellowMode2 (0)
    Bytes out(2352);
    (void)handle->control(codes::CdromRawRead, in, out);
    ASSERT_FALSE(traffic().empty());
    for (const auto& e : traffic()) EXPECT_NE(e.opcode(), 0xA8) << "RAW_READ stays READ CD";
}

// ---- §3.5 the exclusive lock seen from the other handle ----

TEST_F(TwoHandles, S3_5_AReadOnlyHandleCannotEvenQuery)
{
    buildTwo();
    EXPECT_EQ(codes::CdromExclusiveAccess.value, 0x0002C05Cu) << "access bits 3: READ and WRITE";
    auto reader = device->open(HandleAccess::Read);
    Bytes in(8, 0), out(65, 0xCD);
    const ControlResult r = reader->control(codes::CdromExclusiveAccess, in, out);
    EXPECT_EQ(r.status, st::AccessDenied);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(out[0], 0xCD);
    EXPECT_EQ(other->control(codes::CdromExclusiveAccess, in, out).status, st::Success) << "a READ|WRITE handle may";
}

TEST_F(TwoHandles, S3_5_NonOwnerReadsAreAccessDeniedWithoutTheDrive)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    Bytes sector(2048);
    const ControlResult r = read(*other, 0, sector);
    EXPECT_EQ(r.status, st::AccessDenied);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(read(*handle, 0, sector).status, st::Success) << "the owner reads";
    EXPECT_EQ(traffic().size(), 1u);
}

TEST_F(TwoHandles, S3_5_ANonOwnerWithoutAccessIsGatedEvenForTheAnyAccessCodes)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    auto none = device->open(HandleAccess::None);
    Bytes out(4, 0xCD), empty;
    // CHECK_VERIFY2 and LOAD_MEDIA2 pass the I/O manager on a zero-access handle, then meet the lock gate.
    EXPECT_EQ(none->control(codes::StorageCheckVerify2, {}, out).status, st::AccessDenied);
    EXPECT_EQ(none->control(codes::StorageLoadMedia2, {}, empty).status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
    ASSERT_EQ(unlock(*handle).status, st::Success);
    EXPECT_EQ(none->control(codes::StorageCheckVerify2, {}, out).status, st::Success) << "open again after the unlock";
}

TEST_F(TwoHandles, S3_5_NonOwnerCannotChangeItsStreamingFlagsWhileLocked)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    EXPECT_EQ(enableStreaming(*other, ioctl::CdromStreamingEnableForReadOnly).status, st::AccessDenied) << "§1 step 2 gate";
    EXPECT_FALSE(dynamic_cast<const ModelHandle&>(*other).fileObject().enforceStreamingRead);
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
}

TEST_F(TwoHandles, S3_5_UnlockMakesTheNextQueuedRequestRefreshTheCapabilitiesFirst)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    ASSERT_EQ(unlock(*handle).status, st::Success);
    Bytes lockState(65);
    Bytes query(8, 0);
    ASSERT_EQ(other->control(codes::CdromExclusiveAccess, query, lockState).status, st::Success);
    EXPECT_TRUE(traffic().empty()) << "neither the unlock nor a query (caller's thread, not queued) refreshes";
    Bytes count(4);
    ASSERT_EQ(other->control(codes::CdromCheckVerify, {}, count).status, st::Success);
    const std::vector<std::string> sent = cdbs();
    ASSERT_GE(sent.size(), 2u);
    EXPECT_EQ(sent.front().rfind("46 01 ", 0), 0u) << "GET CONFIGURATION RT=1 opens the §7.6 burst";
    EXPECT_EQ(sent.back(), "00 00 00 00 00 00") << "then the request's own TEST UNIT READY";
    EXPECT_FALSE(device->driver().state().mmcUpdateRequired);
}

TEST_F(TwoHandles, S3_5_S3_1_UnlockCountsAMediaChangeTheOtherHandleSeesInCheckVerify)
{
    buildTwo();
    Bytes before(4), after(4);
    ASSERT_EQ(other->control(codes::CdromCheckVerify, {}, before).status, st::Success);
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    ASSERT_EQ(unlock(*handle).status, st::Success);
    ASSERT_EQ(other->control(codes::CdromCheckVerify, {}, after).status, st::Success);
    EXPECT_EQ(loadLe32(after.data()), loadLe32(before.data()) + 1) << "media present: unavailable and back counts once";
}

TEST_F(TwoHandles, S3_5_UnlockWithoutAMediumCountsNoMediaChange)
{
    other.reset();
    build("", {}, HandleAccess::ReadWrite);
    other = device->open(HandleAccess::ReadWrite);
    ASSERT_NE(device->driver().state().mediaState, MediaState::Present);
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const std::uint32_t before = device->driver().state().mediaChangeCount;
    ASSERT_EQ(unlock(*handle).status, st::Success);
    EXPECT_EQ(device->driver().state().mediaChangeCount, before) << "restoring 'not present' is no arrival";
    EXPECT_EQ(device->driver().state().mediaState, MediaState::NotPresent);
}

// ---- §3.10 GET_INQUIRY_DATA while another handle holds the lock ----

TEST_F(TwoHandles, S3_10_NonOwnerGetsTheInquiryDataWhileLockedWithoutTrafficOrRefresh)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    ASSERT_EQ(unlock(*handle).status, st::Success);  // leaves a capability refresh pending
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    Bytes out(260, 0xCD);
    const ControlResult r = other->control(codes::CdromGetInquiryData, {}, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, device->driver().state().inquiryData.size());
    EXPECT_TRUE(std::equal(device->driver().state().inquiryData.begin(), device->driver().state().inquiryData.end(), out.begin()));
    EXPECT_TRUE(traffic().empty()) << "no INQUIRY, no refresh burst";
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);
}

// ---- §6: the codes that send no command of their own ----

TEST_F(TwoHandles, S6_StreamingExclusiveAccessInquiryDataFindNewDevicesAndGetControlSendNoCommand)
{
    buildTwo();
    Bytes none, lockState(65), inquiry(96), query(8, 0);
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingEnableForReadOnly).status, st::Success);
    EXPECT_EQ(handle->control(codes::CdromExclusiveAccess, query, lockState).status, st::Success);
    EXPECT_EQ(handle->control(codes::CdromGetInquiryData, {}, inquiry).status, st::Success);
    EXPECT_EQ(handle->control(codes::StorageFindNewDevices, {}, none).status, st::AccessDenied);
    EXPECT_EQ(handle->control(codes::CdromGetControl, {}, inquiry).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
    // With a refresh pending, the queued ones (ENABLE_STREAMING, FIND_NEW_DEVICES) are preceded by the §7.6 burst,
    // the others are not.
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    ASSERT_EQ(unlock(*handle).status, st::Success);
    EXPECT_EQ(handle->control(codes::CdromGetInquiryData, {}, inquiry).status, st::Success);
    EXPECT_EQ(handle->control(codes::CdromExclusiveAccess, query, lockState).status, st::Success);
    EXPECT_EQ(handle->control(codes::CdromGetControl, {}, inquiry).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(enableStreaming(*handle, ioctl::CdromStreamingDisable).status, st::Success);
    std::vector<std::uint8_t> opcodes;
    for (const auto& e : traffic()) opcodes.push_back(e.opcode());
    EXPECT_EQ(opcodes, (std::vector<std::uint8_t>{0x46, 0x5A, 0xAC, 0xAC})) << "the burst, and nothing of its own";
}

// ---- §3.11 simple locks are device-wide ----

TEST_F(TwoHandles, S3_11_ASimpleLockTakenOnOneHandleIsReleasedFromTheOther)
{
    buildTwo();
    Bytes none;
    ASSERT_EQ(handle->control(codes::CdromMediaRemoval, Bytes{1}, none).status, st::Success);
    ASSERT_EQ(other->control(codes::StorageMediaRemoval, Bytes{0}, none).status, st::Success);
    EXPECT_EQ(device->driver().state().lockCount, 0);
    EXPECT_EQ(cdbs(), (std::vector<std::string>{"1e 00 00 00 01 00", "1e 00 00 00 00 00"}));
    EXPECT_FALSE(device->drive().removalPrevented());
}

TEST_F(TwoHandles, S3_11_S3_3_ASecureLockOnOneHandleMakesTheOthersEjectDeviceBusy)
{
    buildTwo();
    Bytes none;
    ASSERT_EQ(handle->control(codes::StorageEjectionControl, Bytes{1}, none).status, st::Success);
    device->drive().trace().clear();
    const ControlResult r = other->control(codes::CdromEjectMedia, {}, none);
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(other->control(codes::StorageEjectionControl, Bytes{0}, none).status, st::InvalidDeviceState)
        << "the other handle cannot release a secure lock it does not hold";
}

}  // namespace
}  // namespace cdcts::classdriver
