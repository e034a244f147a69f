#pragma once
// Input and output of IOCTL_CDROM_GET_PERFORMANCE (GET PERFORMANCE). Mirrors ntddcdrm.h; sizes and offsets:
// ioctl-contracts.md §2.3 and §3.12. The reply is the drive's, so its multi-byte fields are big-endian arrays.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h enums of the request (§2.2).
enum CDROM_PERFORMANCE_REQUEST_TYPE : std::int32_t {
    CdromPerformanceRequest = 1,
    CdromWriteSpeedRequest = 2,
};
enum CDROM_PERFORMANCE_TYPE : std::int32_t {
    CdromReadPerformance = 1,
    CdromWritePerformance = 2,
};
enum CDROM_PERFORMANCE_EXCEPTION_TYPE : std::int32_t {
    CdromNominalPerformance = 1,
    CdromEntirePerformanceList = 2,
    CdromPerformanceExceptionsOnly = 3,
};
enum CDROM_PERFORMANCE_TOLERANCE_TYPE : std::int32_t {
    Cdrom10Nominal20Exceptions = 1,
};
static_assert(sizeof(CDROM_PERFORMANCE_REQUEST_TYPE) == 4 && sizeof(CDROM_PERFORMANCE_TYPE) == 4 &&
              sizeof(CDROM_PERFORMANCE_EXCEPTION_TYPE) == 4 && sizeof(CDROM_PERFORMANCE_TOLERANCE_TYPE) == 4);

// ntddcdrm.h _CDROM_PERFORMANCE_REQUEST. StaringLba is the SDK's spelling.
struct CDROM_PERFORMANCE_REQUEST {
    CDROM_PERFORMANCE_REQUEST_TYPE RequestType;
    CDROM_PERFORMANCE_TYPE PerformanceType;
    CDROM_PERFORMANCE_EXCEPTION_TYPE Exceptions;
    CDROM_PERFORMANCE_TOLERANCE_TYPE Tolerance;
    std::uint32_t StaringLba;
};
static_assert(kIsWireStructure<CDROM_PERFORMANCE_REQUEST>);
static_assert(sizeof(CDROM_PERFORMANCE_REQUEST) == 20);
static_assert(offsetof(CDROM_PERFORMANCE_REQUEST, RequestType) == 0);
static_assert(offsetof(CDROM_PERFORMANCE_REQUEST, PerformanceType) == 4);
static_assert(offsetof(CDROM_PERFORMANCE_REQUEST, Exceptions) == 8);
static_assert(offsetof(CDROM_PERFORMANCE_REQUEST, Tolerance) == 12);
static_assert(offsetof(CDROM_PERFORMANCE_REQUEST, StaringLba) == 16);

// ntddcdrm.h _CDROM_WRITE_SPEED_REQUEST.
struct CDROM_WRITE_SPEED_REQUEST {
    CDROM_PERFORMANCE_REQUEST_TYPE RequestType;
};
static_assert(kIsWireStructure<CDROM_WRITE_SPEED_REQUEST>);
static_assert(sizeof(CDROM_WRITE_SPEED_REQUEST) == 4);
static_assert(offsetof(CDROM_WRITE_SPEED_REQUEST, RequestType) == 0);

// ntddcdrm.h _CDROM_PERFORMANCE_HEADER. DataLength counts the bytes available after itself; the SDK's
// zero-length Data[] (descriptors) begins at kDataOffset.
struct CDROM_PERFORMANCE_HEADER {
    static constexpr std::size_t kDataOffset = 8;
    std::uint8_t DataLength[4];
    std::uint8_t Except : 1;     // byte 4 bit 0: descriptors are exceptions (6 bytes each)
    std::uint8_t Write : 1;      // byte 4 bit 1
    std::uint8_t Reserved1 : 6;  // byte 4 bits 2-7
    std::uint8_t Reserved2[3];
};
static_assert(kIsWireStructure<CDROM_PERFORMANCE_HEADER>);
static_assert(sizeof(CDROM_PERFORMANCE_HEADER) == 8);
static_assert(offsetof(CDROM_PERFORMANCE_HEADER, DataLength) == 0);
static_assert(offsetof(CDROM_PERFORMANCE_HEADER, Reserved2) == 5);

// ntddcdrm.h _CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR. Performance in KB/s.
struct CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR {
    std::uint8_t StartLba[4];
    std::uint8_t StartPerformance[4];
    std::uint8_t EndLba[4];
    std::uint8_t EndPerformance[4];
};
static_assert(kIsWireStructure<CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR>);
static_assert(sizeof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR) == 16);
static_assert(offsetof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR, StartLba) == 0);
static_assert(offsetof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR, StartPerformance) == 4);
static_assert(offsetof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR, EndLba) == 8);
static_assert(offsetof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR, EndPerformance) == 12);

// ntddcdrm.h _CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR. Time is the expected delay in tenths of a millisecond.
struct CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR {
    std::uint8_t Lba[4];
    std::uint8_t Time[2];
};
static_assert(kIsWireStructure<CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR>);
static_assert(sizeof(CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR) == 6);
static_assert(offsetof(CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR, Lba) == 0);
static_assert(offsetof(CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR, Time) == 4);

// ntddcdrm.h _CDROM_WRITE_SPEED_DESCRIPTOR. Speeds in KB/s.
struct CDROM_WRITE_SPEED_DESCRIPTOR {
    std::uint8_t MixedReadWrite : 1;        // byte 0 bit 0
    std::uint8_t Exact : 1;                 // byte 0 bit 1
    std::uint8_t Reserved1 : 1;             // byte 0 bit 2
    std::uint8_t WriteRotationControl : 2;  // byte 0 bits 3-4
    std::uint8_t Reserved2 : 3;             // byte 0 bits 5-7
    std::uint8_t Reserved3[3];
    std::uint8_t EndLba[4];
    std::uint8_t ReadSpeed[4];
    std::uint8_t WriteSpeed[4];
};
static_assert(kIsWireStructure<CDROM_WRITE_SPEED_DESCRIPTOR>);
static_assert(sizeof(CDROM_WRITE_SPEED_DESCRIPTOR) == 16);
static_assert(offsetof(CDROM_WRITE_SPEED_DESCRIPTOR, Reserved3) == 1);
static_assert(offsetof(CDROM_WRITE_SPEED_DESCRIPTOR, EndLba) == 4);
static_assert(offsetof(CDROM_WRITE_SPEED_DESCRIPTOR, ReadSpeed) == 8);
static_assert(offsetof(CDROM_WRITE_SPEED_DESCRIPTOR, WriteSpeed) == 12);

}  // namespace cdcts::ioctl
