#pragma once
// Audio transport and volume: the inputs of PLAY_AUDIO_MSF / SEEK_AUDIO_MSF, VOLUME_CONTROL of GET/SET_VOLUME,
// the legacy CDROM_AUDIO_CONTROL of GET_CONTROL (ntddcdrm.h), and the mode page 0Eh image AUDIO_OUTPUT
// (ddk/scsi.h) the volume codes read and write. Sizes and offsets: ioctl-contracts.md §2.3, §3.20, §3.21.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h _CDROM_PLAY_AUDIO_MSF. Values are copied into the CDB verbatim (§3.20).
struct CDROM_PLAY_AUDIO_MSF {
    std::uint8_t StartingM;
    std::uint8_t StartingS;
    std::uint8_t StartingF;
    std::uint8_t EndingM;
    std::uint8_t EndingS;
    std::uint8_t EndingF;
};
static_assert(kIsWireStructure<CDROM_PLAY_AUDIO_MSF>);
static_assert(sizeof(CDROM_PLAY_AUDIO_MSF) == 6);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, StartingM) == 0);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, StartingS) == 1);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, StartingF) == 2);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, EndingM) == 3);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, EndingS) == 4);
static_assert(offsetof(CDROM_PLAY_AUDIO_MSF, EndingF) == 5);

// ntddcdrm.h _CDROM_SEEK_AUDIO_MSF. The driver converts it to LBA = M*4500 + S*75 + F - 150.
struct CDROM_SEEK_AUDIO_MSF {
    std::uint8_t M;
    std::uint8_t S;
    std::uint8_t F;
};
static_assert(kIsWireStructure<CDROM_SEEK_AUDIO_MSF>);
static_assert(sizeof(CDROM_SEEK_AUDIO_MSF) == 3);
static_assert(offsetof(CDROM_SEEK_AUDIO_MSF, M) == 0);
static_assert(offsetof(CDROM_SEEK_AUDIO_MSF, S) == 1);
static_assert(offsetof(CDROM_SEEK_AUDIO_MSF, F) == 2);

// ntddcdrm.h _VOLUME_CONTROL: one volume byte per audio output port.
struct VOLUME_CONTROL {
    std::uint8_t PortVolume[4];
};
static_assert(kIsWireStructure<VOLUME_CONTROL>);
static_assert(sizeof(VOLUME_CONTROL) == 4);
static_assert(offsetof(VOLUME_CONTROL, PortVolume) == 0);

// ntddcdrm.h _CDROM_AUDIO_CONTROL (only with NTDDI < WS03). LogicalBlocksPerSecond is a little-endian USHORT
// in memory, converted by the legacy driver from the page's big-endian field.
struct CDROM_AUDIO_CONTROL {
    std::uint8_t LbaFormat;
    std::uint16_t LogicalBlocksPerSecond;
};
static_assert(kIsWireStructure<CDROM_AUDIO_CONTROL>);
static_assert(sizeof(CDROM_AUDIO_CONTROL) == 4);
static_assert(offsetof(CDROM_AUDIO_CONTROL, LbaFormat) == 0);
static_assert(offsetof(CDROM_AUDIO_CONTROL, LogicalBlocksPerSecond) == 2);

// ddk/scsi.h _PORT_OUTPUT: one {channel selection, volume} pair of mode page 0Eh.
struct PORT_OUTPUT {
    std::uint8_t ChannelSelection;
    std::uint8_t Volume;
};
static_assert(kIsWireStructure<PORT_OUTPUT>);
static_assert(sizeof(PORT_OUTPUT) == 2);
static_assert(offsetof(PORT_OUTPUT, ChannelSelection) == 0);
static_assert(offsetof(PORT_OUTPUT, Volume) == 1);

// ddk/scsi.h _AUDIO_OUTPUT: the 16-byte CD Audio Control mode page (0Eh) image; LogicalBlocksPerSecond is BE.
struct AUDIO_OUTPUT {
    std::uint8_t CodePage;
    std::uint8_t ParameterLength;
    std::uint8_t Immediate;
    std::uint8_t Reserved[2];
    std::uint8_t LbaFormat;
    std::uint8_t LogicalBlocksPerSecond[2];
    PORT_OUTPUT PortOutput[4];
};
static_assert(kIsWireStructure<AUDIO_OUTPUT>);
static_assert(sizeof(AUDIO_OUTPUT) == 16);
static_assert(offsetof(AUDIO_OUTPUT, CodePage) == 0);
static_assert(offsetof(AUDIO_OUTPUT, ParameterLength) == 1);
static_assert(offsetof(AUDIO_OUTPUT, Immediate) == 2);
static_assert(offsetof(AUDIO_OUTPUT, Reserved) == 3);
static_assert(offsetof(AUDIO_OUTPUT, LbaFormat) == 5);
static_assert(offsetof(AUDIO_OUTPUT, LogicalBlocksPerSecond) == 6);
static_assert(offsetof(AUDIO_OUTPUT, PortOutput) == 8);

}  // namespace cdcts::ioctl
