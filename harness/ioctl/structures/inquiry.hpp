#pragma once
// Standard INQUIRY data, the payload of IOCTL_CDROM_GET_INQUIRY_DATA. Mirrors ddk/scsi.h _INQUIRYDATA (96
// bytes, SPC standard layout); the driver returns the 36..260 bytes the drive gave it, so INQUIRYDATA is a
// view of the first bytes, not a size limit (ioctl-contracts.md §2.3, §3.10).
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h constants (§2.1 "Other constants").
inline constexpr std::size_t MINIMUM_CDROM_INQUIRY_SIZE = 36;
inline constexpr std::size_t MAXIMUM_CDROM_INQUIRY_SIZE = 260;

// ddk/scsi.h DeviceType of a CD/DVD logical unit.
inline constexpr std::uint8_t READ_ONLY_DIRECT_ACCESS_DEVICE = 0x05;

// ddk/scsi.h _INQUIRYDATA. The SDK's Versions union of ANSI/ECMA/ISO bit-fields is kept as the plain byte.
struct INQUIRYDATA {
    std::uint8_t DeviceType : 5;           // byte 0 bits 0-4
    std::uint8_t DeviceTypeQualifier : 3;  // byte 0 bits 5-7
    std::uint8_t DeviceTypeModifier : 7;   // byte 1 bits 0-6
    std::uint8_t RemovableMedia : 1;       // byte 1 bit 7
    std::uint8_t Versions;
    std::uint8_t ResponseDataFormat : 4;   // byte 3 bits 0-3
    std::uint8_t HiSupport : 1;            // byte 3 bit 4
    std::uint8_t NormACA : 1;              // byte 3 bit 5
    std::uint8_t TerminateTask : 1;        // byte 3 bit 6
    std::uint8_t AERC : 1;                 // byte 3 bit 7
    std::uint8_t AdditionalLength;         // bytes after byte 4
    std::uint8_t Reserved;
    std::uint8_t Addr16 : 1;               // byte 6 bit 0
    std::uint8_t Addr32 : 1;
    std::uint8_t AckReqQ : 1;
    std::uint8_t MediumChanger : 1;
    std::uint8_t MultiPort : 1;
    std::uint8_t ReservedBit2 : 1;
    std::uint8_t EnclosureServices : 1;
    std::uint8_t ReservedBit3 : 1;         // byte 6 bit 7
    std::uint8_t SoftReset : 1;            // byte 7 bit 0
    std::uint8_t CommandQueue : 1;
    std::uint8_t TransferDisable : 1;
    std::uint8_t LinkedCommands : 1;
    std::uint8_t Synchronous : 1;
    std::uint8_t Wide16Bit : 1;
    std::uint8_t Wide32Bit : 1;
    std::uint8_t RelativeAddressing : 1;   // byte 7 bit 7
    std::uint8_t VendorId[8];              // ASCII, space padded
    std::uint8_t ProductId[16];
    std::uint8_t ProductRevisionLevel[4];
    std::uint8_t VendorSpecific[20];
    std::uint8_t Reserved3[40];
};
static_assert(kIsWireStructure<INQUIRYDATA>);
static_assert(sizeof(INQUIRYDATA) == 96);
static_assert(offsetof(INQUIRYDATA, Versions) == 2);
static_assert(offsetof(INQUIRYDATA, AdditionalLength) == 4);
static_assert(offsetof(INQUIRYDATA, Reserved) == 5);
static_assert(offsetof(INQUIRYDATA, VendorId) == 8);
static_assert(offsetof(INQUIRYDATA, ProductId) == 16);
static_assert(offsetof(INQUIRYDATA, ProductRevisionLevel) == 32);
static_assert(offsetof(INQUIRYDATA, VendorSpecific) == 36);
static_assert(offsetof(INQUIRYDATA, Reserved3) == 56);

}  // namespace cdcts::ioctl
