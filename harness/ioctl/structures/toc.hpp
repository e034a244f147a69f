#pragma once
// Table of contents structures of IOCTL_CDROM_READ_TOC, IOCTL_CDROM_GET_LAST_SESSION and the TOC/SESSION
// formats of IOCTL_CDROM_READ_TOC_EX. Mirrors ntddcdrm.h; sizes and offsets: ioctl-contracts.md §2.3.
// Multi-byte fields here come from the MMC reply unchanged, so they are big-endian byte arrays as in the SDK.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h constants (§2.1 "Other constants").
inline constexpr std::size_t MAXIMUM_NUMBER_TRACKS = 100;
inline constexpr std::size_t MAXIMUM_CDROM_SIZE = 804;
inline constexpr std::size_t MINIMUM_CDROM_READ_TOC_EX_SIZE = 2;

// CDROM_READ_TOC_EX.Format values (§2.2).
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_TOC = 0x00;
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_SESSION = 0x01;
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_FULL_TOC = 0x02;
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_PMA = 0x03;
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_ATIP = 0x04;
inline constexpr std::uint8_t CDROM_READ_TOC_EX_FORMAT_CDTEXT = 0x05;

// TRACK_DATA.Adr / sub-channel ADR values and Control bits (§2.2).
inline constexpr std::uint8_t ADR_NO_MODE_INFORMATION = 0x0;
inline constexpr std::uint8_t ADR_ENCODES_CURRENT_POSITION = 0x1;
inline constexpr std::uint8_t ADR_ENCODES_MEDIA_CATALOG = 0x2;
inline constexpr std::uint8_t ADR_ENCODES_ISRC = 0x3;
inline constexpr std::uint8_t AUDIO_WITH_PREEMPHASIS = 0x1;
inline constexpr std::uint8_t DIGITAL_COPY_PERMITTED = 0x2;
inline constexpr std::uint8_t AUDIO_DATA_TRACK = 0x4;
inline constexpr std::uint8_t TWO_FOUR_CHANNEL_AUDIO = 0x8;

// Input of IOCTL_CDROM_READ_TOC_EX (ntddcdrm.h _CDROM_READ_TOC_EX).
struct CDROM_READ_TOC_EX {
    std::uint8_t Format : 4;     // byte 0 bits 0-3
    std::uint8_t Reserved1 : 3;  // byte 0 bits 4-6, must be zero
    std::uint8_t Msf : 1;        // byte 0 bit 7: addresses as MSF instead of LBA
    std::uint8_t SessionTrack;
    std::uint8_t Reserved2;
    std::uint8_t Reserved3;
};
static_assert(kIsWireStructure<CDROM_READ_TOC_EX>);
static_assert(sizeof(CDROM_READ_TOC_EX) == 4);
static_assert(offsetof(CDROM_READ_TOC_EX, SessionTrack) == 1);
static_assert(offsetof(CDROM_READ_TOC_EX, Reserved2) == 2);
static_assert(offsetof(CDROM_READ_TOC_EX, Reserved3) == 3);

// One TOC descriptor (ntddcdrm.h _TRACK_DATA). Address is 00 MM SS FF in MSF form, else a big-endian LBA.
struct TRACK_DATA {
    std::uint8_t Reserved;
    std::uint8_t Control : 4;  // byte 1 bits 0-3
    std::uint8_t Adr : 4;      // byte 1 bits 4-7
    std::uint8_t TrackNumber;
    std::uint8_t Reserved1;
    std::uint8_t Address[4];
};
static_assert(kIsWireStructure<TRACK_DATA>);
static_assert(sizeof(TRACK_DATA) == 8);
static_assert(offsetof(TRACK_DATA, Reserved) == 0);
static_assert(offsetof(TRACK_DATA, TrackNumber) == 2);
static_assert(offsetof(TRACK_DATA, Reserved1) == 3);
static_assert(offsetof(TRACK_DATA, Address) == 4);

// Output of IOCTL_CDROM_READ_TOC (ntddcdrm.h _CDROM_TOC). Length counts the bytes after itself.
struct CDROM_TOC {
    std::uint8_t Length[2];
    std::uint8_t FirstTrack;
    std::uint8_t LastTrack;
    TRACK_DATA TrackData[MAXIMUM_NUMBER_TRACKS];
};
static_assert(kIsWireStructure<CDROM_TOC>);
static_assert(sizeof(CDROM_TOC) == MAXIMUM_CDROM_SIZE && sizeof(CDROM_TOC) == 804);
static_assert(offsetof(CDROM_TOC, Length) == 0);
static_assert(offsetof(CDROM_TOC, FirstTrack) == 2);
static_assert(offsetof(CDROM_TOC, LastTrack) == 3);
static_assert(offsetof(CDROM_TOC, TrackData) == 4);

// Output of IOCTL_CDROM_GET_LAST_SESSION and READ_TOC_EX format SESSION (ntddcdrm.h _CDROM_TOC_SESSION_DATA).
// TrackData[0] is the first track of the last complete session.
struct CDROM_TOC_SESSION_DATA {
    std::uint8_t Length[2];
    std::uint8_t FirstCompleteSession;
    std::uint8_t LastCompleteSession;
    TRACK_DATA TrackData[1];
};
static_assert(kIsWireStructure<CDROM_TOC_SESSION_DATA>);
static_assert(sizeof(CDROM_TOC_SESSION_DATA) == 12);
static_assert(offsetof(CDROM_TOC_SESSION_DATA, Length) == 0);
static_assert(offsetof(CDROM_TOC_SESSION_DATA, FirstCompleteSession) == 2);
static_assert(offsetof(CDROM_TOC_SESSION_DATA, LastCompleteSession) == 3);
static_assert(offsetof(CDROM_TOC_SESSION_DATA, TrackData) == 4);

}  // namespace cdcts::ioctl
