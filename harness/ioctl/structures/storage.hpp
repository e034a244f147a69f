#pragma once
// Replies of the STORAGE/DISK/SCSI codes the catalog lists beside the CD-ROM codes (ntddstor.h, ntdddisk.h,
// ntddscsi.h). The contracts do not specify these codes (catalog handling "unspecified"); the layouts are the
// SDK's, mirrored so that `cdcts ioctl` can decode what a real driver returns for them.
#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntdddisk.h _GET_LENGTH_INFORMATION (IOCTL_DISK_GET_LENGTH_INFO).
struct GET_LENGTH_INFORMATION {
    LARGE_INTEGER Length;
};
static_assert(kIsWireStructure<GET_LENGTH_INFORMATION>);
static_assert(sizeof(GET_LENGTH_INFORMATION) == 8);

// ntddstor.h _STORAGE_READ_CAPACITY (IOCTL_STORAGE_READ_CAPACITY); NumberOfBlocks is 8-aligned, so 4 bytes of
// padding follow BlockLength.
struct STORAGE_READ_CAPACITY {
    std::uint32_t Version;  // sizeof(STORAGE_READ_CAPACITY)
    std::uint32_t Size;
    std::uint32_t BlockLength;
    LARGE_INTEGER NumberOfBlocks;
    LARGE_INTEGER DiskLength;
};
static_assert(kIsWireStructure<STORAGE_READ_CAPACITY>);
static_assert(sizeof(STORAGE_READ_CAPACITY) == 32);
static_assert(offsetof(STORAGE_READ_CAPACITY, BlockLength) == 8);
static_assert(offsetof(STORAGE_READ_CAPACITY, NumberOfBlocks) == 16);
static_assert(offsetof(STORAGE_READ_CAPACITY, DiskLength) == 24);

// ntddstor.h _STORAGE_DEVICE_NUMBER (IOCTL_STORAGE_GET_DEVICE_NUMBER).
struct STORAGE_DEVICE_NUMBER {
    std::uint32_t DeviceType;  // DEVICE_TYPE: FILE_DEVICE_CD_ROM = 2
    std::uint32_t DeviceNumber;
    std::uint32_t PartitionNumber;  // 0xFFFFFFFF when the device cannot be partitioned
};
static_assert(kIsWireStructure<STORAGE_DEVICE_NUMBER>);
static_assert(sizeof(STORAGE_DEVICE_NUMBER) == 12);

// ntddstor.h _STORAGE_HOTPLUG_INFO (IOCTL_STORAGE_GET_HOTPLUG_INFO).
struct STORAGE_HOTPLUG_INFO {
    std::uint32_t Size;
    std::uint8_t MediaRemovable;  // BOOLEANs
    std::uint8_t MediaHotplug;
    std::uint8_t DeviceHotplug;
    std::uint8_t WriteCacheEnableOverride;
};
static_assert(kIsWireStructure<STORAGE_HOTPLUG_INFO>);
static_assert(sizeof(STORAGE_HOTPLUG_INFO) == 8);
static_assert(offsetof(STORAGE_HOTPLUG_INFO, WriteCacheEnableOverride) == 7);

// ntddscsi.h _SCSI_ADDRESS (IOCTL_SCSI_GET_ADDRESS).
struct SCSI_ADDRESS {
    std::uint32_t Length;  // sizeof(SCSI_ADDRESS)
    std::uint8_t PortNumber;
    std::uint8_t PathId;
    std::uint8_t TargetId;
    std::uint8_t Lun;
};
static_assert(kIsWireStructure<SCSI_ADDRESS>);
static_assert(sizeof(SCSI_ADDRESS) == 8);
static_assert(offsetof(SCSI_ADDRESS, Lun) == 7);

// ntddstor.h _GET_MEDIA_TYPES header (IOCTL_STORAGE_GET_MEDIA_TYPES_EX); DEVICE_MEDIA_INFO entries follow at 8.
struct GET_MEDIA_TYPES_HEADER {
    std::uint32_t DeviceType;
    std::uint32_t MediaInfoCount;
};
static_assert(kIsWireStructure<GET_MEDIA_TYPES_HEADER>);
static_assert(sizeof(GET_MEDIA_TYPES_HEADER) == 8);

// ntddstor.h _STORAGE_DESCRIPTOR_HEADER: the start of every IOCTL_STORAGE_QUERY_PROPERTY reply.
struct STORAGE_DESCRIPTOR_HEADER {
    std::uint32_t Version;
    std::uint32_t Size;  // bytes the whole descriptor needs
};
static_assert(kIsWireStructure<STORAGE_DESCRIPTOR_HEADER>);
static_assert(sizeof(STORAGE_DESCRIPTOR_HEADER) == 8);

// ntddstor.h _STORAGE_DEVICE_DESCRIPTOR (StorageDeviceProperty, PropertyId 0): offsets point into the reply.
struct STORAGE_DEVICE_DESCRIPTOR {
    std::uint32_t Version;
    std::uint32_t Size;
    std::uint8_t DeviceType;
    std::uint8_t DeviceTypeModifier;
    std::uint8_t RemovableMedia;  // BOOLEANs
    std::uint8_t CommandQueueing;
    std::uint32_t VendorIdOffset;
    std::uint32_t ProductIdOffset;
    std::uint32_t ProductRevisionOffset;
    std::uint32_t SerialNumberOffset;
    std::int32_t BusType;  // STORAGE_BUS_TYPE
    std::uint32_t RawPropertiesLength;
    std::uint8_t RawDeviceProperties[1];
};
static_assert(kIsWireStructure<STORAGE_DEVICE_DESCRIPTOR>);
static_assert(sizeof(STORAGE_DEVICE_DESCRIPTOR) == 40);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, VendorIdOffset) == 12);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, BusType) == 28);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, RawDeviceProperties) == 36);

}  // namespace cdcts::ioctl
