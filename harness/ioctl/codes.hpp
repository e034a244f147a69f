#pragma once
// Every control code cdcts speaks, each defined exactly once through CTL_CODE (ControlCode::make) with the
// device type, function, method and access of its SDK definition (ntddcdrm.h, ntddstor.h, ntdddisk.h,
// ntddscsi.h). Names are the SDK names without "IOCTL_", in CamelCase. The catalog (catalog.hpp) adds names,
// descriptions and contract sections to these values; nothing else in the tree spells a code in hex.
#include "harness/ioctl/control_code.hpp"

namespace cdcts::ioctl::codes {

namespace detail {
constexpr ControlCode cdrom(std::uint32_t function, Method method, RequiredAccess access)
{
    return ControlCode::make(DeviceType::CdRom, function, method, access);
}
constexpr ControlCode storage(std::uint32_t function, RequiredAccess access)
{
    return ControlCode::make(DeviceType::MassStorage, function, Method::Buffered, access);
}
constexpr ControlCode disk(std::uint32_t function, RequiredAccess access)
{
    return ControlCode::make(DeviceType::Disk, function, Method::Buffered, access);
}
constexpr ControlCode scsi(std::uint32_t function, RequiredAccess access)
{
    return ControlCode::make(DeviceType::Controller, function, Method::Buffered, access);
}
constexpr auto Buffered = Method::Buffered;
constexpr auto Read = RequiredAccess::Read;
constexpr auto ReadWrite = RequiredAccess::ReadWrite;
constexpr auto Any = RequiredAccess::Any;
}  // namespace detail

// --- IOCTL_CDROM_* (ntddcdrm.h), ioctl-contracts.md §2.1 ---
inline constexpr ControlCode CdromReadToc = detail::cdrom(0x0000, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromSeekAudioMsf = detail::cdrom(0x0001, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromStopAudio = detail::cdrom(0x0002, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromPauseAudio = detail::cdrom(0x0003, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromResumeAudio = detail::cdrom(0x0004, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromGetVolume = detail::cdrom(0x0005, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromPlayAudioMsf = detail::cdrom(0x0006, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromSetVolume = detail::cdrom(0x000A, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromReadQChannel = detail::cdrom(0x000B, detail::Buffered, detail::Read);
// The current SDK spells this OBSOLETE_IOCTL_CDROM_GET_CONTROL (same value).
inline constexpr ControlCode CdromGetControl = detail::cdrom(0x000D, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromGetLastSession = detail::cdrom(0x000E, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromRawRead = detail::cdrom(0x000F, Method::OutDirect, detail::Read);
inline constexpr ControlCode CdromDiskType = detail::cdrom(0x0010, detail::Buffered, detail::Any);
inline constexpr ControlCode CdromGetDriveGeometry = detail::cdrom(0x0013, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromGetDriveGeometryEx = detail::cdrom(0x0014, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromReadTocEx = detail::cdrom(0x0015, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromGetConfiguration = detail::cdrom(0x0016, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromExclusiveAccess = detail::cdrom(0x0017, detail::Buffered, detail::ReadWrite);
inline constexpr ControlCode CdromSetSpeed = detail::cdrom(0x0018, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromGetInquiryData = detail::cdrom(0x0019, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromEnableStreaming = detail::cdrom(0x001A, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromSendOpcInformation = detail::cdrom(0x001B, detail::Buffered, detail::ReadWrite);
inline constexpr ControlCode CdromGetPerformance = detail::cdrom(0x001C, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromCheckVerify = detail::cdrom(0x0200, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromMediaRemoval = detail::cdrom(0x0201, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromEjectMedia = detail::cdrom(0x0202, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromLoadMedia = detail::cdrom(0x0203, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromReserve = detail::cdrom(0x0204, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromRelease = detail::cdrom(0x0205, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromFindNewDevices = detail::cdrom(0x0206, detail::Buffered, detail::Read);
inline constexpr ControlCode CdromUnloadDriver = detail::cdrom(0x0402, detail::Buffered, detail::Read);
// Function 0x1003 overflows the 12-bit field into the access bits: the result equals CdromPauseAudio.
inline constexpr std::uint32_t CdromSimbadFunction = 0x1003;
inline constexpr ControlCode CdromSimbad = detail::cdrom(CdromSimbadFunction, detail::Buffered, detail::Read);
// IOCTL_CDROM_CLOSE_DOOR has no value in any header (§3.2); the catalog records it without one.

// --- IOCTL_STORAGE_* (ntddstor.h): the replacements of §9.1 and the related codes of §2.1 ---
inline constexpr ControlCode StorageCheckVerify = detail::storage(0x0200, detail::Read);
inline constexpr ControlCode StorageCheckVerify2 = detail::storage(0x0200, detail::Any);
inline constexpr ControlCode StorageMediaRemoval = detail::storage(0x0201, detail::Read);
inline constexpr ControlCode StorageEjectMedia = detail::storage(0x0202, detail::Read);
inline constexpr ControlCode StorageLoadMedia = detail::storage(0x0203, detail::Read);
inline constexpr ControlCode StorageLoadMedia2 = detail::storage(0x0203, detail::Any);
inline constexpr ControlCode StorageReserve = detail::storage(0x0204, detail::Read);
inline constexpr ControlCode StorageRelease = detail::storage(0x0205, detail::Read);
inline constexpr ControlCode StorageFindNewDevices = detail::storage(0x0206, detail::Read);
inline constexpr ControlCode StorageEjectionControl = detail::storage(0x0250, detail::Any);
inline constexpr ControlCode StorageMcnControl = detail::storage(0x0251, detail::Any);
// Codes the exclusive-lock gate lets through (§1 step 2) and the capacity refresh (§3.9).
inline constexpr ControlCode StorageGetMediaTypesEx = detail::storage(0x0301, detail::Any);
inline constexpr ControlCode StorageGetHotplugInfo = detail::storage(0x0305, detail::Any);
inline constexpr ControlCode StorageGetDeviceNumber = detail::storage(0x0420, detail::Any);
inline constexpr ControlCode StorageReadCapacity = detail::storage(0x0450, detail::Read);
inline constexpr ControlCode StorageQueryProperty = detail::storage(0x0500, detail::Any);

// --- IOCTL_DISK_* (ntdddisk.h): twins of the CD-ROM geometry and verify codes (§3.1, §3.9) ---
inline constexpr ControlCode DiskGetDriveGeometry = detail::disk(0x0000, detail::Any);
inline constexpr ControlCode DiskGetLengthInfo = detail::disk(0x0017, detail::Read);
inline constexpr ControlCode DiskGetDriveGeometryEx = detail::disk(0x0028, detail::Any);
inline constexpr ControlCode DiskCheckVerify = detail::disk(0x0200, detail::Read);

// --- IOCTL_SCSI_* (ntddscsi.h): pass-through for the MMC cross-checks and the gate's allow-list ---
inline constexpr ControlCode ScsiPassThrough = detail::scsi(0x0401, detail::ReadWrite);
inline constexpr ControlCode ScsiPassThroughDirect = detail::scsi(0x0405, detail::ReadWrite);
inline constexpr ControlCode ScsiGetAddress = detail::scsi(0x0406, detail::Any);

// The SIMBAD collision, proved at compile time from the formula itself (§2.1 note).
static_assert(!ControlCode::functionFits(CdromSimbadFunction));
static_assert(CdromSimbad == CdromPauseAudio);

}  // namespace cdcts::ioctl::codes
