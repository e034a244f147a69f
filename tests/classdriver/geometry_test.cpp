// IOCTL_CDROM_GET_DRIVE_GEOMETRY(_EX) and the DISK twins (§3.9): READ CAPACITY and its conversion.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <memory>

#include "harness/classdriver/class_driver.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "model_fixture.hpp"
#include "tests/support/scripted_target.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class GeometryModel : public testing_support::ModelFixture {};

TEST_F(GeometryModel, S3_9_ConvertsReadCapacity)
{
    build("mixed");  // lead-out at LBA 26400: READ CAPACITY says last LBA 26399, 2048 bytes
    Bytes out(24, 0xCD);
    const ControlResult r = control(codes::CdromGetDriveGeometry, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 24u);
    ioctl::DISK_GEOMETRY g{};
    std::memcpy(&g, out.data(), sizeof g);
    EXPECT_EQ(g.Cylinders.QuadPart, 26400 / 2048);
    EXPECT_EQ(g.MediaType, 11) << "RemovableMedia";
    EXPECT_EQ(g.TracksPerCylinder, 64u);
    EXPECT_EQ(g.SectorsPerTrack, 32u);
    EXPECT_EQ(g.BytesPerSector, 2048u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "25 00 00 00 00 00 00 00 00 00");
}

TEST_F(GeometryModel, S3_9_ExAddsDiskSizeAndReturns32Bytes)
{
    build("mixed");
    Bytes out(40, 0xCD);
    const ControlResult r = control(codes::CdromGetDriveGeometryEx, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 32u) << "Data[] is never filled";
    EXPECT_EQ(loadLe32(out.data() + 24), 26400u * 2048u);
    EXPECT_EQ(out[32], 0xCD);
}

TEST_F(GeometryModel, S3_9_ShortBuffers)
{
    build("data");
    Bytes small(23), smallEx(31);
    ControlResult r = control(codes::CdromGetDriveGeometry, small);
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 24u);
    r = control(codes::CdromGetDriveGeometryEx, smallEx);
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 32u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(GeometryModel, S3_9_DiskTwinsNeedNoAccess)
{
    build("data", {}, HandleAccess::None);
    Bytes out(24);
    EXPECT_EQ(control(codes::DiskGetDriveGeometry, out).status, st::Success);
    EXPECT_EQ(control(codes::CdromGetDriveGeometry, out).status, st::AccessDenied);
}

TEST_F(GeometryModel, S3_9_FailureResetsTheCachedCapacity)
{
    build("data");
    device->drive().removeMedium(emulator::TrayState::Open);
    Bytes out(24);
    const ControlResult r = control(codes::CdromGetDriveGeometry, out);
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(device->driver().state().capacity.partitionLength, 0x7FFFFFFFu);
}

TEST(GeometryConversion, S3_9_BlockLength2352CountsAs2048)
{
    testing_support::ScriptedTarget drive;
    drive.script = [](std::span<const std::uint8_t> cdb) {
        if (cdb[0] == 0x25) return testing_support::goodReply({0, 0, 0x03, 0xE7, 0, 0, 0x09, 0x30});  // 999, 2352
        return testing_support::goodReply();
    };
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    const auto handle = driver.open(HandleAccess::Read);
    Bytes out(32);
    ASSERT_EQ(handle->control(codes::CdromGetDriveGeometryEx, {}, out).status, st::Success);
    EXPECT_EQ(loadLe32(out.data() + 20), 2048u) << "largest power of two not above 2352";
    EXPECT_EQ(loadLe32(out.data() + 24), 1000u * 2048u);
}

// A scripted drive whose READ CAPACITY answer the test sets: last LBA and block length, big-endian.
class ScriptedCapacity : public ::testing::Test {
protected:
    testing_support::ScriptedTarget drive;
    std::array<std::uint8_t, 8> capacity{};
    std::unique_ptr<ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;

    void answer(std::uint32_t lastLba, std::uint32_t blockLength)
    {
        storeBe32(&capacity[0], lastLba);
        storeBe32(&capacity[4], blockLength);
    }
    void start()
    {
        drive.script = [this](std::span<const std::uint8_t> cdb) {
            if (cdb[0] == 0x25) return testing_support::goodReply({capacity.begin(), capacity.end()});
            return testing_support::goodReply();
        };
        driver = std::make_unique<ClassDriver>(drive, DeviceIdentity{}, ClassDriverSettings{});
        handle = driver->open(HandleAccess::Read);
    }
    void TearDown() override { handle.reset(); }
    ioctl::DISK_GEOMETRY_EX geometryEx()
    {
        Bytes out(32);
        EXPECT_EQ(handle->control(codes::CdromGetDriveGeometryEx, {}, out).status, st::Success);
        ioctl::DISK_GEOMETRY_EX g{};
        std::memcpy(&g, out.data(), 32);
        return g;
    }
};

TEST_F(ScriptedCapacity, S3_9_BlockLengthZeroGivesTheIso9660Defaults)
{
    answer(4095, 0);
    start();
    const ioctl::DISK_GEOMETRY_EX g = geometryEx();
    EXPECT_EQ(g.Geometry.BytesPerSector, 2048u);
    EXPECT_EQ(g.DiskSize.QuadPart, 0x7FFFFFFF);
    EXPECT_EQ(g.Geometry.Cylinders.QuadPart, 4096 / 2048) << "(L + 1) / 2048 all the same";
    EXPECT_EQ(driver->state().capacity.sectorShift, 11u);
}

TEST_F(ScriptedCapacity, S3_9_OtherBlockLengthsRoundDownToAPowerOfTwo)
{
    answer(999, 600);
    start();
    const ioctl::DISK_GEOMETRY_EX g = geometryEx();
    EXPECT_EQ(g.Geometry.BytesPerSector, 512u);
    EXPECT_EQ(g.DiskSize.QuadPart, 1000 * 512) << "(L + 1) << SectorShift, with SectorShift 9";
    EXPECT_EQ(driver->state().capacity.sectorShift, 9u);
}

TEST_F(ScriptedCapacity, S3_9_LastLbaFFFFFFFFWrapsIn32Bits)
{
    // The sample adds 1 to the ULONG last sector before widening and divides in 32 bits too.
    answer(0xFFFFFFFF, 2048);
    start();
    const ioctl::DISK_GEOMETRY_EX g = geometryEx();
    EXPECT_EQ(g.DiskSize.QuadPart, 0);
    EXPECT_EQ(g.Geometry.Cylinders.QuadPart, 0);
}

TEST_F(ScriptedCapacity, S3_9_StartUpReadCapacityFillsTheCacheWithTheSameConversion)
{
    answer(999, 512);
    start();
    EXPECT_EQ(driver->state().capacity.bytesPerSector, 512u);
    EXPECT_EQ(driver->state().capacity.partitionLength, 1000u * 512u);
}

TEST_F(ScriptedCapacity, S3_9_EveryCallAsksTheDriveAndRefreshesTheCache)
{
    answer(999, 2048);
    start();
    drive.cdbs.clear();
    answer(1999, 2048);  // another disc, as far as the driver can tell
    Bytes out(24);
    ASSERT_EQ(handle->control(codes::DiskGetDriveGeometry, {}, out).status, st::Success);
    ASSERT_EQ(handle->control(codes::CdromGetDriveGeometry, {}, out).status, st::Success);
    EXPECT_EQ(drive.count(0x25), 2u) << "no cached answer";
    EXPECT_EQ(driver->state().capacity.partitionLength, 2000u * 2048u) << "RAW_READ's bounds follow";
}

TEST_F(GeometryModel, S3_9_S6_ReadCapacityTimesOutAfter20SecondsAndIsRetriedTwice)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0x25, .count = 10});
    Bytes out(24, 0xCD);
    const ControlResult r = control(codes::CdromGetDriveGeometry, out);
    EXPECT_EQ(r.status, st::IoTimeout);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 3u) << "the first attempt and at most 2 retries";
    for (const auto& e : traffic()) EXPECT_EQ(formatHex(e.cdb()), "25 00 00 00 00 00 00 00 00 00");
    EXPECT_EQ(traffic()[0].bufferLength, 8u) << "8 bytes data-in";
    const Nanoseconds gap = traffic()[1].at - traffic()[0].at;
    EXPECT_GE(gap, std::chrono::seconds(20));
    EXPECT_LT(gap, std::chrono::seconds(25));
    EXPECT_EQ(device->driver().state().capacity.partitionLength, 0x7FFFFFFFu) << "the cache is reset on failure";
}

TEST_F(GeometryModel, S3_9_VerifyRequiredIsRetried)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    build("data", settings);
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes out(24);
    const ControlResult r = control(codes::CdromGetDriveGeometry, out);
    EXPECT_EQ(r.status, st::Success) << "READ CAPACITY retries VERIFY_REQUIRED even with a volume mounted";
    EXPECT_EQ(r.information, 24u);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(traffic()[0].sense, mmc::sense::MediumMayHaveChanged);
}

}  // namespace
}  // namespace cdcts::classdriver
