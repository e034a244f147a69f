#pragma once
// Input and output of IOCTL_CDROM_EXCLUSIVE_ACCESS. Mirrors ntddcdrm.h; sizes and offsets: ioctl-contracts.md
// §2.3 and §3.5.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h constants (§2.1 "Other constants").
inline constexpr std::size_t CDROM_EXCLUSIVE_CALLER_LENGTH = 64;
inline constexpr std::uint32_t CDROM_LOCK_IGNORE_VOLUME = 0x1;      // lock even with a volume mounted
inline constexpr std::uint32_t CDROM_NO_MEDIA_NOTIFICATIONS = 0x2;  // no media removal/arrival at unlock
inline constexpr std::uint8_t CDROM_NOT_IN_EXCLUSIVE_MODE = 0;
inline constexpr std::uint8_t CDROM_IN_EXCLUSIVE_MODE = 1;

// ntddcdrm.h _EXCLUSIVE_ACCESS_REQUEST_TYPE (§2.2).
enum EXCLUSIVE_ACCESS_REQUEST_TYPE : std::int32_t {
    ExclusiveAccessQueryState = 0,
    ExclusiveAccessLockDevice = 1,
    ExclusiveAccessUnlockDevice = 2,
};
static_assert(sizeof(EXCLUSIVE_ACCESS_REQUEST_TYPE) == 4);

// ntddcdrm.h _CDROM_EXCLUSIVE_ACCESS: the input of query and unlock.
struct CDROM_EXCLUSIVE_ACCESS {
    EXCLUSIVE_ACCESS_REQUEST_TYPE RequestType;
    std::uint32_t Flags;
};
static_assert(kIsWireStructure<CDROM_EXCLUSIVE_ACCESS>);
static_assert(sizeof(CDROM_EXCLUSIVE_ACCESS) == 8);
static_assert(offsetof(CDROM_EXCLUSIVE_ACCESS, RequestType) == 0);
static_assert(offsetof(CDROM_EXCLUSIVE_ACCESS, Flags) == 4);

// ntddcdrm.h _CDROM_EXCLUSIVE_LOCK: the input of lock; CallerName is NUL-terminated, 1-63 characters.
struct CDROM_EXCLUSIVE_LOCK {
    CDROM_EXCLUSIVE_ACCESS Access;
    std::uint8_t CallerName[CDROM_EXCLUSIVE_CALLER_LENGTH];
};
static_assert(kIsWireStructure<CDROM_EXCLUSIVE_LOCK>);
static_assert(sizeof(CDROM_EXCLUSIVE_LOCK) == 72);
static_assert(offsetof(CDROM_EXCLUSIVE_LOCK, Access) == 0);
static_assert(offsetof(CDROM_EXCLUSIVE_LOCK, CallerName) == 8);

// ntddcdrm.h _CDROM_EXCLUSIVE_LOCK_STATE: the output of query (65 bytes, no padding).
struct CDROM_EXCLUSIVE_LOCK_STATE {
    std::uint8_t LockState;  // BOOLEAN
    std::uint8_t CallerName[CDROM_EXCLUSIVE_CALLER_LENGTH];
};
static_assert(kIsWireStructure<CDROM_EXCLUSIVE_LOCK_STATE>);
static_assert(sizeof(CDROM_EXCLUSIVE_LOCK_STATE) == 65);
static_assert(offsetof(CDROM_EXCLUSIVE_LOCK_STATE, LockState) == 0);
static_assert(offsetof(CDROM_EXCLUSIVE_LOCK_STATE, CallerName) == 1);

}  // namespace cdcts::ioctl
