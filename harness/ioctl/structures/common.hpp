#pragma once
// Building blocks shared by the structure mirrors. The mirrors use fixed-width types for the SDK's UCHAR
// (uint8_t), BOOLEAN (uint8_t), USHORT (uint16_t), ULONG/DWORD (uint32_t); enums are 4-byte signed ints as
// in the MS ABI; UCHAR bit-fields are declared as the SDK has them (allocated LSB-first by GCC, Clang and
// MSVC on x86/x64). Every layout is pinned by static_asserts next to it; tests/ioctl checks the bit-fields.
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace cdcts::ioctl {

// LARGE_INTEGER (winnt.h) as its QuadPart. alignas(8) because the MS x86 ABI aligns 8-byte members to 8,
// which the SysV i386 ABI would not; with it RAW_READ_INFO and DISK_GEOMETRY match on both bitnesses.
struct alignas(8) LARGE_INTEGER {
    std::int64_t QuadPart;
};
static_assert(sizeof(LARGE_INTEGER) == 8 && alignof(LARGE_INTEGER) == 8);

// What every mirror must be so that it can be memcpy'd to and from a driver's buffer.
template <typename T>
inline constexpr bool kIsWireStructure = std::is_standard_layout_v<T> && std::is_trivially_copyable_v<T>;

}  // namespace cdcts::ioctl
