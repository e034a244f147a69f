#pragma once
// Small one-field structures: PREVENT_MEDIA_REMOVAL of the MEDIA_REMOVAL codes (ntddstor.h) and the legacy
// CDROM_DISK_DATA of IOCTL_CDROM_DISK_TYPE (ntddcdrm.h). Sizes and offsets: ioctl-contracts.md §2.3.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// CDROM_DISK_DATA.DiskData bits (ntddcdrm.h).
inline constexpr std::uint32_t CDROM_DISK_AUDIO_TRACK = 0x00000001;
inline constexpr std::uint32_t CDROM_DISK_DATA_TRACK = 0x00000002;

// ntddcdrm.h _CDROM_DISK_DATA.
struct CDROM_DISK_DATA {
    std::uint32_t DiskData;
};
static_assert(kIsWireStructure<CDROM_DISK_DATA>);
static_assert(sizeof(CDROM_DISK_DATA) == 4);
static_assert(offsetof(CDROM_DISK_DATA, DiskData) == 0);

// ntddstor.h _PREVENT_MEDIA_REMOVAL. The driver counts any non-zero value but sends only bit 0 (§3.11).
struct PREVENT_MEDIA_REMOVAL {
    std::uint8_t PreventMediaRemoval;  // BOOLEAN
};
static_assert(kIsWireStructure<PREVENT_MEDIA_REMOVAL>);
static_assert(sizeof(PREVENT_MEDIA_REMOVAL) == 1);
static_assert(offsetof(PREVENT_MEDIA_REMOVAL, PreventMediaRemoval) == 0);

}  // namespace cdcts::ioctl
