// IOCTL_CDROM_GET_DRIVE_GEOMETRY(_EX) and their IOCTL_DISK twins (ioctl-contracts.md §3.9).
#include <array>
#include <bit>
#include <chrono>
#include <cstring>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint32_t kDiskGeometrySize = sizeof(ioctl::DISK_GEOMETRY);
constexpr std::uint32_t kDiskGeometryExSize = ioctl::DISK_GEOMETRY_EX::kReturnedSize;  // Data[] is never filled
constexpr std::uint32_t kTracksPerCylinder = 64;
constexpr std::uint32_t kSectorsPerTrack = 32;

bool isEx(ioctl::ControlCode code) { return code == ioctl::codes::CdromGetDriveGeometryEx || code == ioctl::codes::DiskGetDriveGeometryEx; }

}  // namespace

// MediaReadCapacityDataInterpret (S/common.c:2098), for these codes and the start-up READ CAPACITY alike.
CachedCapacity interpretReadCapacity(std::uint32_t lastLba, std::uint32_t blockLength)
{
    CachedCapacity c;
    c.lastLba = lastLba;
    c.blockLength = blockLength;
    if (blockLength == 0) return c;  // 2048-byte sectors and 0x7FFFFFFF bytes, as the driver assumes
    c.bytesPerSector = std::bit_floor(blockLength);
    c.sectorShift = static_cast<std::uint32_t>(std::countr_zero(c.bytesPerSector));
    // The sample adds 1 to the ULONG last sector before widening, so a last LBA of FFFFFFFFh wraps to 0.
    c.partitionLength = std::uint64_t{static_cast<std::uint32_t>(lastLba + 1u)} << c.sectorShift;
    return c;
}

std::optional<Completion> validateGetDriveGeometry(const Request& request, const DriverContext&)
{
    if (request.output.size() < kDiskGeometrySize) return Completion{ioctl::status::BufferTooSmall, kDiskGeometrySize};
    return std::nullopt;
}

std::optional<Completion> validateGetDriveGeometryEx(const Request& request, const DriverContext&)
{
    if (request.output.size() < kDiskGeometryExSize) return Completion{ioctl::status::BufferTooSmall, kDiskGeometryExSize};
    return std::nullopt;
}

Completion handleGetDriveGeometry(const Request& request, DriverContext& context)
{
    // Always asks the drive, at most 2 retries, VERIFY_REQUIRED retried (§8.5 READ CAPACITY).
    std::array<std::uint8_t, 8> reply{};
    const auto cdb = mmc::cdb::readCapacity();
    ScsiRequest scsi{cdb, reply, mmc::DataDirection::In, std::chrono::seconds(20)};
    scsi.maxRetries = 2;
    scsi.retryVerifyRequired = true;
    const ScsiOutcome outcome = context.scsi.send(scsi);
    if (!outcome.status.isSuccess()) {
        context.state.capacity = interpretReadCapacity(0, 0);
        return {outcome.status, 0};
    }
    const CachedCapacity c = interpretReadCapacity(loadBe32(&reply[0]), loadBe32(&reply[4]));
    context.state.capacity = c;

    ioctl::DISK_GEOMETRY_EX g{};
    g.Geometry.Cylinders.QuadPart = static_cast<std::uint32_t>(c.lastLba + 1u) / 2048u;  // 32-bit, as in the driver
    g.Geometry.MediaType = ioctl::RemovableMedia;
    g.Geometry.TracksPerCylinder = kTracksPerCylinder;
    g.Geometry.SectorsPerTrack = kSectorsPerTrack;
    g.Geometry.BytesPerSector = c.bytesPerSector;
    if (context.settings.defects.has(defects::SeededDefect::GeometryBytesPerSector2352)) g.Geometry.BytesPerSector = 2352;  // seeded defect
    g.DiskSize.QuadPart = static_cast<std::int64_t>(c.partitionLength);
    const std::uint32_t size = isEx(request.code) ? kDiskGeometryExSize : kDiskGeometrySize;
    std::memcpy(request.output.data(), &g, size);
    return {ioctl::status::Success, size};
}

}  // namespace cdcts::classdriver
