#pragma once
// The FULL_TOC, PMA, ATIP and CD-TEXT replies of IOCTL_CDROM_READ_TOC_EX. Mirrors ntddcdrm.h; sizes and offsets:
// ioctl-contracts.md §2.3. The SDK ends each *_DATA header with a zero-length Descriptors[] array, which is not
// standard C++: here the header stops at 4 bytes and kDescriptorsOffset says where the descriptors begin.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// CD-TEXT pack types (§2.2); 0x8A-0x8D are reserved.
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_ALBUM_NAME = 0x80;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_PERFORMER = 0x81;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_SONGWRITER = 0x82;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_COMPOSER = 0x83;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_ARRANGER = 0x84;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_MESSAGES = 0x85;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_DISC_ID = 0x86;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_GENRE = 0x87;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_TOC_INFO = 0x88;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_TOC_INFO2 = 0x89;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_UPC_EAN = 0x8E;
inline constexpr std::uint8_t CDROM_CD_TEXT_PACK_SIZE_INFO = 0x8F;

// One raw TOC entry of the FULL_TOC and PMA formats (ntddcdrm.h _CDROM_TOC_FULL_TOC_DATA_BLOCK).
struct CDROM_TOC_FULL_TOC_DATA_BLOCK {
    std::uint8_t SessionNumber;
    std::uint8_t Control : 4;  // byte 1 bits 0-3
    std::uint8_t Adr : 4;      // byte 1 bits 4-7
    std::uint8_t Reserved1;
    std::uint8_t Point;
    std::uint8_t MsfExtra[3];
    std::uint8_t Zero;
    std::uint8_t Msf[3];
};
static_assert(kIsWireStructure<CDROM_TOC_FULL_TOC_DATA_BLOCK>);
static_assert(sizeof(CDROM_TOC_FULL_TOC_DATA_BLOCK) == 11 && alignof(CDROM_TOC_FULL_TOC_DATA_BLOCK) == 1);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, SessionNumber) == 0);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, Reserved1) == 2);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, Point) == 3);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, MsfExtra) == 4);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, Zero) == 7);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA_BLOCK, Msf) == 8);

// ntddcdrm.h _CDROM_TOC_FULL_TOC_DATA: 4 + 11 * n bytes.
struct CDROM_TOC_FULL_TOC_DATA {
    static constexpr std::size_t kDescriptorsOffset = 4;  // CDROM_TOC_FULL_TOC_DATA_BLOCK Descriptors[]
    std::uint8_t Length[2];
    std::uint8_t FirstCompleteSession;
    std::uint8_t LastCompleteSession;
};
static_assert(kIsWireStructure<CDROM_TOC_FULL_TOC_DATA>);
static_assert(sizeof(CDROM_TOC_FULL_TOC_DATA) == 4);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA, FirstCompleteSession) == 2);
static_assert(offsetof(CDROM_TOC_FULL_TOC_DATA, LastCompleteSession) == 3);

// ntddcdrm.h _CDROM_TOC_PMA_DATA: 4 + 11 * n bytes, descriptors laid out as CDROM_TOC_FULL_TOC_DATA_BLOCK.
struct CDROM_TOC_PMA_DATA {
    static constexpr std::size_t kDescriptorsOffset = 4;
    std::uint8_t Length[2];
    std::uint8_t Reserved1;
    std::uint8_t Reserved2;
};
static_assert(kIsWireStructure<CDROM_TOC_PMA_DATA>);
static_assert(sizeof(CDROM_TOC_PMA_DATA) == 4);
static_assert(offsetof(CDROM_TOC_PMA_DATA, Reserved1) == 2);
static_assert(offsetof(CDROM_TOC_PMA_DATA, Reserved2) == 3);

// ntddcdrm.h _CDROM_TOC_ATIP_DATA_BLOCK. DiscSubType is Reserved6 in mingw's older header.
struct CDROM_TOC_ATIP_DATA_BLOCK {
    std::uint8_t CdrwReferenceSpeed : 3;  // byte 0 bits 0-2
    std::uint8_t Reserved3 : 1;           // byte 0 bit 3
    std::uint8_t WritePower : 3;          // byte 0 bits 4-6
    std::uint8_t True1 : 1;               // byte 0 bit 7
    std::uint8_t Reserved4 : 6;           // byte 1 bits 0-5
    std::uint8_t UnrestrictedUse : 1;     // byte 1 bit 6
    std::uint8_t Reserved5 : 1;           // byte 1 bit 7
    std::uint8_t A3Valid : 1;             // byte 2 bit 0
    std::uint8_t A2Valid : 1;             // byte 2 bit 1
    std::uint8_t A1Valid : 1;             // byte 2 bit 2
    std::uint8_t DiscSubType : 3;         // byte 2 bits 3-5
    std::uint8_t IsCdrw : 1;              // byte 2 bit 6
    std::uint8_t True2 : 1;               // byte 2 bit 7
    std::uint8_t Reserved7;
    std::uint8_t LeadInMsf[3];
    std::uint8_t Reserved8;
    std::uint8_t LeadOutMsf[3];
    std::uint8_t Reserved9;
    std::uint8_t A1Values[3];
    std::uint8_t Reserved10;
    std::uint8_t A2Values[3];
    std::uint8_t Reserved11;
    std::uint8_t A3Values[3];
    std::uint8_t Reserved12;
};
static_assert(kIsWireStructure<CDROM_TOC_ATIP_DATA_BLOCK>);
static_assert(sizeof(CDROM_TOC_ATIP_DATA_BLOCK) == 24);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved7) == 3);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, LeadInMsf) == 4);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved8) == 7);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, LeadOutMsf) == 8);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved9) == 11);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, A1Values) == 12);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved10) == 15);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, A2Values) == 16);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved11) == 19);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, A3Values) == 20);
static_assert(offsetof(CDROM_TOC_ATIP_DATA_BLOCK, Reserved12) == 23);

// ntddcdrm.h _CDROM_TOC_ATIP_DATA: 4 + 24 * n bytes.
struct CDROM_TOC_ATIP_DATA {
    static constexpr std::size_t kDescriptorsOffset = 4;  // CDROM_TOC_ATIP_DATA_BLOCK Descriptors[]
    std::uint8_t Length[2];
    std::uint8_t Reserved1;
    std::uint8_t Reserved2;
};
static_assert(kIsWireStructure<CDROM_TOC_ATIP_DATA>);
static_assert(sizeof(CDROM_TOC_ATIP_DATA) == 4);
static_assert(offsetof(CDROM_TOC_ATIP_DATA, Reserved1) == 2);
static_assert(offsetof(CDROM_TOC_ATIP_DATA, Reserved2) == 3);

// One 18-byte CD-TEXT pack (ntddcdrm.h _CDROM_TOC_CD_TEXT_DATA_BLOCK). WText is the SDK's WCHAR[6].
struct CDROM_TOC_CD_TEXT_DATA_BLOCK {
    std::uint8_t PackType;
    std::uint8_t TrackNumber : 7;        // byte 1 bits 0-6
    std::uint8_t ExtensionFlag : 1;      // byte 1 bit 7
    std::uint8_t SequenceNumber;
    std::uint8_t CharacterPosition : 4;  // byte 3 bits 0-3
    std::uint8_t BlockNumber : 3;        // byte 3 bits 4-6
    std::uint8_t Unicode : 1;            // byte 3 bit 7
    union {
        std::uint8_t Text[12];
        std::uint16_t WText[6];
    };
    std::uint8_t CRC[2];
};
static_assert(kIsWireStructure<CDROM_TOC_CD_TEXT_DATA_BLOCK>);
static_assert(sizeof(CDROM_TOC_CD_TEXT_DATA_BLOCK) == 18 && alignof(CDROM_TOC_CD_TEXT_DATA_BLOCK) == 2);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA_BLOCK, PackType) == 0);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA_BLOCK, SequenceNumber) == 2);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA_BLOCK, Text) == 4);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA_BLOCK, WText) == 4);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA_BLOCK, CRC) == 16);

// ntddcdrm.h _CDROM_TOC_CD_TEXT_DATA: 4 + 18 * n bytes.
struct CDROM_TOC_CD_TEXT_DATA {
    static constexpr std::size_t kDescriptorsOffset = 4;  // CDROM_TOC_CD_TEXT_DATA_BLOCK Descriptors[]
    std::uint8_t Length[2];
    std::uint8_t Reserved1;
    std::uint8_t Reserved2;
};
static_assert(kIsWireStructure<CDROM_TOC_CD_TEXT_DATA>);
static_assert(sizeof(CDROM_TOC_CD_TEXT_DATA) == 4);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA, Reserved1) == 2);
static_assert(offsetof(CDROM_TOC_CD_TEXT_DATA, Reserved2) == 3);

}  // namespace cdcts::ioctl
