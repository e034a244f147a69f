#pragma once
// Output of the drive geometry codes (IOCTL_CDROM_/IOCTL_DISK_GET_DRIVE_GEOMETRY(_EX)). Mirrors ntdddisk.h
// (winioctl.h); sizes and offsets: ioctl-contracts.md §2.3 and §3.9. Little-endian, as the driver builds them.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntdddisk.h _MEDIA_TYPE, a 4-byte enum. Only the values a CD-ROM or disk reports; the floppy formats 1-10
// and 13+ are left out.
enum MEDIA_TYPE : std::int32_t {
    Unknown = 0,
    RemovableMedia = 11,  // what the CD-ROM class driver always reports
    FixedMedia = 12,
};
static_assert(sizeof(MEDIA_TYPE) == 4);

// ntdddisk.h _DISK_GEOMETRY.
struct DISK_GEOMETRY {
    LARGE_INTEGER Cylinders;
    MEDIA_TYPE MediaType;
    std::uint32_t TracksPerCylinder;
    std::uint32_t SectorsPerTrack;
    std::uint32_t BytesPerSector;
};
static_assert(kIsWireStructure<DISK_GEOMETRY>);
static_assert(sizeof(DISK_GEOMETRY) == 24 && alignof(DISK_GEOMETRY) == 8);
static_assert(offsetof(DISK_GEOMETRY, Cylinders) == 0);
static_assert(offsetof(DISK_GEOMETRY, MediaType) == 8);
static_assert(offsetof(DISK_GEOMETRY, TracksPerCylinder) == 12);
static_assert(offsetof(DISK_GEOMETRY, SectorsPerTrack) == 16);
static_assert(offsetof(DISK_GEOMETRY, BytesPerSector) == 20);

// ntdddisk.h _DISK_GEOMETRY_EX. sizeof is 40 (Data[1] plus padding) but the CD-ROM driver returns only the
// first kReturnedSize bytes; partition and detection data are never filled (§3.9, Q18).
struct DISK_GEOMETRY_EX {
    static constexpr std::size_t kReturnedSize = 32;
    DISK_GEOMETRY Geometry;
    LARGE_INTEGER DiskSize;
    std::uint8_t Data[1];
};
static_assert(kIsWireStructure<DISK_GEOMETRY_EX>);
static_assert(sizeof(DISK_GEOMETRY_EX) == 40 && alignof(DISK_GEOMETRY_EX) == 8);
static_assert(offsetof(DISK_GEOMETRY_EX, Geometry) == 0);
static_assert(offsetof(DISK_GEOMETRY_EX, DiskSize) == 24);
static_assert(offsetof(DISK_GEOMETRY_EX, Data) == DISK_GEOMETRY_EX::kReturnedSize);

}  // namespace cdcts::ioctl
