#pragma once
// Inputs of IOCTL_CDROM_SET_SPEED, ENABLE_STREAMING and SEND_OPC_INFORMATION (ntddcdrm.h), and the MMC
// SET STREAMING performance descriptor the driver builds from CDROM_SET_STREAMING (ddk/scsi.h). Sizes and
// offsets: ioctl-contracts.md §2.3, §3.4, §3.13, §3.14.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddcdrm.h _CDROM_SPEED_REQUEST (§2.2). Note codes::CdromSetSpeed is the control code; this is the enumerator.
enum CDROM_SPEED_REQUEST : std::int32_t {
    CdromSetSpeed = 0,
    CdromSetStreaming = 1,
};
static_assert(sizeof(CDROM_SPEED_REQUEST) == 4);

// ntddcdrm.h _WRITE_ROTATION (§2.2).
enum WRITE_ROTATION : std::int32_t {
    CdromDefaultRotation = 0,  // CLV
    CdromCAVRotation = 1,
};
static_assert(sizeof(WRITE_ROTATION) == 4);

// ntddcdrm.h _STREAMING_CONTROL_REQUEST_TYPE (§2.2); there is no 0.
enum STREAMING_CONTROL_REQUEST_TYPE : std::int32_t {
    CdromStreamingDisable = 1,
    CdromStreamingEnableForReadOnly = 2,
    CdromStreamingEnableForWriteOnly = 3,
    CdromStreamingEnableForReadWrite = 4,
};
static_assert(sizeof(STREAMING_CONTROL_REQUEST_TYPE) == 4);

// ntddcdrm.h _CDROM_OPC_INFO_TYPE (§2.2).
enum CDROM_OPC_INFO_TYPE : std::int32_t {
    SimpleOpcInfo = 1,
};
static_assert(sizeof(CDROM_OPC_INFO_TYPE) == 4);

// ntddcdrm.h _CDROM_SET_SPEED: SET CD SPEED. Speeds in KB/s, 0xFFFF = drive maximum.
struct CDROM_SET_SPEED {
    CDROM_SPEED_REQUEST RequestType;
    std::uint16_t ReadSpeed;
    std::uint16_t WriteSpeed;
    WRITE_ROTATION RotationControl;
};
static_assert(kIsWireStructure<CDROM_SET_SPEED>);
static_assert(sizeof(CDROM_SET_SPEED) == 12);
static_assert(offsetof(CDROM_SET_SPEED, RequestType) == 0);
static_assert(offsetof(CDROM_SET_SPEED, ReadSpeed) == 4);
static_assert(offsetof(CDROM_SET_SPEED, WriteSpeed) == 6);
static_assert(offsetof(CDROM_SET_SPEED, RotationControl) == 8);

// ntddcdrm.h _CDROM_SET_STREAMING: SET STREAMING. The BOOLEANs end the structure without padding.
struct CDROM_SET_STREAMING {
    CDROM_SPEED_REQUEST RequestType;
    std::uint32_t ReadSize;
    std::uint32_t ReadTime;
    std::uint32_t WriteSize;
    std::uint32_t WriteTime;
    std::uint32_t StartLba;
    std::uint32_t EndLba;
    WRITE_ROTATION RotationControl;
    std::uint8_t RestoreDefaults;  // BOOLEAN
    std::uint8_t SetExact;         // BOOLEAN
    std::uint8_t RandomAccess;     // BOOLEAN
    std::uint8_t Persistent;       // BOOLEAN
};
static_assert(kIsWireStructure<CDROM_SET_STREAMING>);
static_assert(sizeof(CDROM_SET_STREAMING) == 36);
static_assert(offsetof(CDROM_SET_STREAMING, RequestType) == 0);
static_assert(offsetof(CDROM_SET_STREAMING, ReadSize) == 4);
static_assert(offsetof(CDROM_SET_STREAMING, ReadTime) == 8);
static_assert(offsetof(CDROM_SET_STREAMING, WriteSize) == 12);
static_assert(offsetof(CDROM_SET_STREAMING, WriteTime) == 16);
static_assert(offsetof(CDROM_SET_STREAMING, StartLba) == 20);
static_assert(offsetof(CDROM_SET_STREAMING, EndLba) == 24);
static_assert(offsetof(CDROM_SET_STREAMING, RotationControl) == 28);
static_assert(offsetof(CDROM_SET_STREAMING, RestoreDefaults) == 32);
static_assert(offsetof(CDROM_SET_STREAMING, SetExact) == 33);
static_assert(offsetof(CDROM_SET_STREAMING, RandomAccess) == 34);
static_assert(offsetof(CDROM_SET_STREAMING, Persistent) == 35);

// ntddcdrm.h _CDROM_STREAMING_CONTROL: the input of IOCTL_CDROM_ENABLE_STREAMING.
struct CDROM_STREAMING_CONTROL {
    STREAMING_CONTROL_REQUEST_TYPE RequestType;
};
static_assert(kIsWireStructure<CDROM_STREAMING_CONTROL>);
static_assert(sizeof(CDROM_STREAMING_CONTROL) == 4);
static_assert(offsetof(CDROM_STREAMING_CONTROL, RequestType) == 0);

// ntddcdrm.h _CDROM_SIMPLE_OPC_INFO: the input of IOCTL_CDROM_SEND_OPC_INFORMATION (2 bytes tail padding).
struct CDROM_SIMPLE_OPC_INFO {
    CDROM_OPC_INFO_TYPE RequestType;
    std::uint8_t Exclude0;  // BOOLEAN
    std::uint8_t Exclude1;  // BOOLEAN
};
static_assert(kIsWireStructure<CDROM_SIMPLE_OPC_INFO>);
static_assert(sizeof(CDROM_SIMPLE_OPC_INFO) == 8);
static_assert(offsetof(CDROM_SIMPLE_OPC_INFO, RequestType) == 0);
static_assert(offsetof(CDROM_SIMPLE_OPC_INFO, Exclude0) == 4);
static_assert(offsetof(CDROM_SIMPLE_OPC_INFO, Exclude1) == 5);

// ddk/scsi.h _PERFORMANCE_DESCRIPTOR: the 28-byte SET STREAMING parameter list (MMC), all fields BE.
struct PERFORMANCE_DESCRIPTOR {
    std::uint8_t RandomAccess : 1;          // byte 0 bit 0
    std::uint8_t Exact : 1;                 // byte 0 bit 1
    std::uint8_t RestoreDefaults : 1;       // byte 0 bit 2
    std::uint8_t WriteRotationControl : 2;  // byte 0 bits 3-4
    std::uint8_t Reserved1 : 3;             // byte 0 bits 5-7
    std::uint8_t Reserved[3];
    std::uint8_t StartLba[4];
    std::uint8_t EndLba[4];
    std::uint8_t ReadSize[4];
    std::uint8_t ReadTime[4];
    std::uint8_t WriteSize[4];
    std::uint8_t WriteTime[4];
};
static_assert(kIsWireStructure<PERFORMANCE_DESCRIPTOR>);
static_assert(sizeof(PERFORMANCE_DESCRIPTOR) == 28);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, Reserved) == 1);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, StartLba) == 4);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, EndLba) == 8);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, ReadSize) == 12);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, ReadTime) == 16);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, WriteSize) == 20);
static_assert(offsetof(PERFORMANCE_DESCRIPTOR, WriteTime) == 24);

}  // namespace cdcts::ioctl
