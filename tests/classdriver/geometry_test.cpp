// IOCTL_CDROM_GET_DRIVE_GEOMETRY(_EX) and the DISK twins (§3.9): READ CAPACITY and its conversion.
#include <gtest/gtest.h>

#include <cstring>

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

}  // namespace
}  // namespace cdcts::classdriver
