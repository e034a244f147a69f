#pragma once
// Input of IOCTL_CDROM_RAW_READ and the sector sizes of its track modes. Mirrors ntddcdrm.h; sizes and offsets:
// ioctl-contracts.md §2.3 and §3.18.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h constants (§2.1 "Other constants").
inline constexpr std::size_t CD_RAW_READ_C2_SIZE = 296;      // C2 error bits (294) plus block error byte pair
inline constexpr std::size_t CD_RAW_READ_SUBCODE_SIZE = 96;  // raw P-W subchannel
inline constexpr std::size_t CD_RAW_SECTOR_WITH_C2_SIZE = 2352 + 296;
inline constexpr std::size_t CD_RAW_SECTOR_WITH_SUBCODE_SIZE = 2352 + 96;
inline constexpr std::size_t CD_RAW_SECTOR_WITH_C2_AND_SUBCODE_SIZE = 2352 + 296 + 96;
static_assert(CD_RAW_SECTOR_WITH_C2_SIZE == 2648 && CD_RAW_SECTOR_WITH_SUBCODE_SIZE == 2448 &&
              CD_RAW_SECTOR_WITH_C2_AND_SUBCODE_SIZE == 2744);
// Private to the sample driver (S/cdrom.h:679-680), not in ntddcdrm.h.
inline constexpr std::size_t RAW_SECTOR_SIZE = 2352;
inline constexpr std::size_t COOKED_SECTOR_SIZE = 2048;

// ntddcdrm.h _TRACK_MODE_TYPE (§2.2); mingw's header only has the first three.
enum TRACK_MODE_TYPE : std::int32_t {
    YellowMode2 = 0,
    XAForm2 = 1,
    CDDA = 2,
    RawWithC2AndSubCode = 3,
    RawWithC2 = 4,
    RawWithSubCode = 5,
};
static_assert(sizeof(TRACK_MODE_TYPE) == 4);

// Bytes per sector RAW_READ writes for a track mode (§3.18); 0 for a value the driver does not know.
constexpr std::size_t rawSectorSize(std::int32_t trackMode)
{
    switch (trackMode) {
    case YellowMode2:
    case XAForm2:
    case CDDA: return RAW_SECTOR_SIZE;
    case RawWithC2AndSubCode: return CD_RAW_SECTOR_WITH_C2_AND_SUBCODE_SIZE;
    case RawWithC2: return CD_RAW_SECTOR_WITH_C2_SIZE;
    case RawWithSubCode: return CD_RAW_SECTOR_WITH_SUBCODE_SIZE;
    default: return 0;
    }
}

// ntddcdrm.h _RAW_READ_INFO. DiskOffset is a byte offset in 2048-byte units; 16 bytes on x86 too.
struct RAW_READ_INFO {
    LARGE_INTEGER DiskOffset;
    std::uint32_t SectorCount;
    TRACK_MODE_TYPE TrackMode;
};
static_assert(kIsWireStructure<RAW_READ_INFO>);
static_assert(sizeof(RAW_READ_INFO) == 16 && alignof(RAW_READ_INFO) == 8);
static_assert(offsetof(RAW_READ_INFO, DiskOffset) == 0);
static_assert(offsetof(RAW_READ_INFO, SectorCount) == 8);
static_assert(offsetof(RAW_READ_INFO, TrackMode) == 12);

}  // namespace cdcts::ioctl
