#pragma once
// Input and output of IOCTL_CDROM_READ_Q_CHANNEL (READ SUB-CHANNEL). Mirrors ntddcdrm.h; sizes and offsets:
// ioctl-contracts.md §2.3 and §3.19. DataLength and the addresses are the drive's big-endian bytes.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// CDROM_SUB_Q_DATA_FORMAT.Format values (§2.2); the sample rejects format 0.
inline constexpr std::uint8_t IOCTL_CDROM_SUB_Q_CHANNEL = 0x00;
inline constexpr std::uint8_t IOCTL_CDROM_CURRENT_POSITION = 0x01;
inline constexpr std::uint8_t IOCTL_CDROM_MEDIA_CATALOG = 0x02;
inline constexpr std::uint8_t IOCTL_CDROM_TRACK_ISRC = 0x03;

// SUB_Q_HEADER.AudioStatus values (§2.2).
inline constexpr std::uint8_t AUDIO_STATUS_NOT_SUPPORTED = 0x00;
inline constexpr std::uint8_t AUDIO_STATUS_IN_PROGRESS = 0x11;
inline constexpr std::uint8_t AUDIO_STATUS_PAUSED = 0x12;
inline constexpr std::uint8_t AUDIO_STATUS_PLAY_COMPLETE = 0x13;
inline constexpr std::uint8_t AUDIO_STATUS_PLAY_ERROR = 0x14;
inline constexpr std::uint8_t AUDIO_STATUS_NO_STATUS = 0x15;

// ntddcdrm.h _CDROM_SUB_Q_DATA_FORMAT. Track is used by the ISRC format only.
struct CDROM_SUB_Q_DATA_FORMAT {
    std::uint8_t Format;
    std::uint8_t Track;
};
static_assert(kIsWireStructure<CDROM_SUB_Q_DATA_FORMAT>);
static_assert(sizeof(CDROM_SUB_Q_DATA_FORMAT) == 2);
static_assert(offsetof(CDROM_SUB_Q_DATA_FORMAT, Format) == 0);
static_assert(offsetof(CDROM_SUB_Q_DATA_FORMAT, Track) == 1);

// ntddcdrm.h _SUB_Q_HEADER.
struct SUB_Q_HEADER {
    std::uint8_t Reserved;
    std::uint8_t AudioStatus;
    std::uint8_t DataLength[2];
};
static_assert(kIsWireStructure<SUB_Q_HEADER>);
static_assert(sizeof(SUB_Q_HEADER) == 4);
static_assert(offsetof(SUB_Q_HEADER, Reserved) == 0);
static_assert(offsetof(SUB_Q_HEADER, AudioStatus) == 1);
static_assert(offsetof(SUB_Q_HEADER, DataLength) == 2);

// ntddcdrm.h _SUB_Q_CURRENT_POSITION. The driver asks for MSF addresses (00 MM SS FF).
struct SUB_Q_CURRENT_POSITION {
    SUB_Q_HEADER Header;
    std::uint8_t FormatCode;
    std::uint8_t Control : 4;  // byte 5 bits 0-3
    std::uint8_t ADR : 4;      // byte 5 bits 4-7
    std::uint8_t TrackNumber;
    std::uint8_t IndexNumber;
    std::uint8_t AbsoluteAddress[4];
    std::uint8_t TrackRelativeAddress[4];
};
static_assert(kIsWireStructure<SUB_Q_CURRENT_POSITION>);
static_assert(sizeof(SUB_Q_CURRENT_POSITION) == 16);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, Header) == 0);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, FormatCode) == 4);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, TrackNumber) == 6);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, IndexNumber) == 7);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, AbsoluteAddress) == 8);
static_assert(offsetof(SUB_Q_CURRENT_POSITION, TrackRelativeAddress) == 12);

// ntddcdrm.h _SUB_Q_MEDIA_CATALOG_NUMBER. MediaCatalog holds 13 ASCII digits when Mcval is set.
struct SUB_Q_MEDIA_CATALOG_NUMBER {
    SUB_Q_HEADER Header;
    std::uint8_t FormatCode;
    std::uint8_t Reserved[3];
    std::uint8_t Reserved1 : 7;  // byte 8 bits 0-6
    std::uint8_t Mcval : 1;      // byte 8 bit 7
    std::uint8_t MediaCatalog[15];
};
static_assert(kIsWireStructure<SUB_Q_MEDIA_CATALOG_NUMBER>);
static_assert(sizeof(SUB_Q_MEDIA_CATALOG_NUMBER) == 24);
static_assert(offsetof(SUB_Q_MEDIA_CATALOG_NUMBER, Header) == 0);
static_assert(offsetof(SUB_Q_MEDIA_CATALOG_NUMBER, FormatCode) == 4);
static_assert(offsetof(SUB_Q_MEDIA_CATALOG_NUMBER, Reserved) == 5);
static_assert(offsetof(SUB_Q_MEDIA_CATALOG_NUMBER, MediaCatalog) == 9);

// ntddcdrm.h _SUB_Q_TRACK_ISRC. TrackIsrc holds 12 ASCII characters when Tcval is set.
struct SUB_Q_TRACK_ISRC {
    SUB_Q_HEADER Header;
    std::uint8_t FormatCode;
    std::uint8_t Reserved0;
    std::uint8_t Track;
    std::uint8_t Reserved1;
    std::uint8_t Reserved2 : 7;  // byte 8 bits 0-6
    std::uint8_t Tcval : 1;      // byte 8 bit 7
    std::uint8_t TrackIsrc[15];
};
static_assert(kIsWireStructure<SUB_Q_TRACK_ISRC>);
static_assert(sizeof(SUB_Q_TRACK_ISRC) == 24);
static_assert(offsetof(SUB_Q_TRACK_ISRC, Header) == 0);
static_assert(offsetof(SUB_Q_TRACK_ISRC, FormatCode) == 4);
static_assert(offsetof(SUB_Q_TRACK_ISRC, Reserved0) == 5);
static_assert(offsetof(SUB_Q_TRACK_ISRC, Track) == 6);
static_assert(offsetof(SUB_Q_TRACK_ISRC, Reserved1) == 7);
static_assert(offsetof(SUB_Q_TRACK_ISRC, TrackIsrc) == 9);

// ntddcdrm.h _SUB_Q_CHANNEL_DATA: the sizeof the documentation asks callers for (24).
union SUB_Q_CHANNEL_DATA {
    SUB_Q_CURRENT_POSITION CurrentPosition;
    SUB_Q_MEDIA_CATALOG_NUMBER MediaCatalog;
    SUB_Q_TRACK_ISRC TrackIsrc;
};
static_assert(kIsWireStructure<SUB_Q_CHANNEL_DATA>);
static_assert(sizeof(SUB_Q_CHANNEL_DATA) == 24);
static_assert(offsetof(SUB_Q_CHANNEL_DATA, CurrentPosition) == 0);
static_assert(offsetof(SUB_Q_CHANNEL_DATA, MediaCatalog) == 0);
static_assert(offsetof(SUB_Q_CHANNEL_DATA, TrackIsrc) == 0);

}  // namespace cdcts::ioctl
