#include "harness/ioctl/catalog.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "harness/ioctl/codes.hpp"

namespace cdcts::ioctl {
namespace {

using H = SampleHandling;
constexpr bool kObsolete = true;
constexpr bool kCurrent = false;

// A row whose CTL_CODE fields are read back from its value (all codes but SIMBAD and CLOSE_DOOR).
constexpr CodeInfo row(std::string_view name, ControlCode code, H handling, std::string_view section, bool obsolete,
                       std::string_view replacement, std::string_view description)
{
    CodeInfo info;
    info.name = name;
    info.value = code;
    info.deviceType = code.deviceType();
    info.function = code.function();
    info.method = code.method();
    info.access = code.access();
    info.obsolete = obsolete;
    info.replacement = replacement;
    info.handling = handling;
    info.description = description;
    info.section = section;
    return info;
}

// A second SDK symbol for a value another row owns; rawFunction is the function as that symbol writes it.
constexpr CodeInfo alias(std::string_view name, ControlCode code, std::uint32_t rawFunction, std::string_view aliasOf,
                         std::string_view section, bool obsolete, std::string_view description)
{
    CodeInfo info = row(name, code, H::Alias, section, obsolete, {}, description);
    info.function = rawFunction;
    info.aliasOf = aliasOf;
    return info;
}

constexpr CodeInfo withoutValue(std::string_view name, std::string_view replacement, std::string_view section,
                                std::string_view description)
{
    CodeInfo info;
    info.name = name;
    info.obsolete = true;
    info.replacement = replacement;
    info.handling = H::NoValue;
    info.description = description;
    info.section = section;
    return info;
}

constexpr std::string_view kStorageCheckVerify = "IOCTL_STORAGE_CHECK_VERIFY";
constexpr std::string_view kStorageMediaRemoval = "IOCTL_STORAGE_MEDIA_REMOVAL";
constexpr std::string_view kStorageEjectMedia = "IOCTL_STORAGE_EJECT_MEDIA";
constexpr std::string_view kStorageLoadMedia = "IOCTL_STORAGE_LOAD_MEDIA";
constexpr std::string_view kStorageReserve = "IOCTL_STORAGE_RESERVE";
constexpr std::string_view kStorageRelease = "IOCTL_STORAGE_RELEASE";
constexpr std::string_view kStorageFindNewDevices = "IOCTL_STORAGE_FIND_NEW_DEVICES";

// clang-format off
constexpr std::array kCodes{
    // --- IOCTL_CDROM_*: §2.1 in function order ---
    row("IOCTL_CDROM_READ_TOC", codes::CdromReadToc, H::Implemented, "§3.15", kObsolete, {},
        "Reads the TOC (MSF addresses) into a CDROM_TOC of 804 bytes; superseded by READ_TOC_EX"),
    row("IOCTL_CDROM_SEEK_AUDIO_MSF", codes::CdromSeekAudioMsf, H::Implemented, "§3.20", kObsolete, {},
        "Seeks to an MSF address given in CDROM_SEEK_AUDIO_MSF (SEEK(10))"),
    row("IOCTL_CDROM_STOP_AUDIO", codes::CdromStopAudio, H::Implemented, "§3.20", kObsolete, {},
        "Stops audio play and spins the disc down (START STOP UNIT, Immed)"),
    row("IOCTL_CDROM_PAUSE_AUDIO", codes::CdromPauseAudio, H::Implemented, "§3.20", kObsolete, {},
        "Pauses audio play (PAUSE/RESUME with Resume = 0); same value as IOCTL_CDROM_SIMBAD"),
    row("IOCTL_CDROM_RESUME_AUDIO", codes::CdromResumeAudio, H::Implemented, "§3.20", kObsolete, {},
        "Resumes paused audio play (PAUSE/RESUME with Resume = 1)"),
    row("IOCTL_CDROM_GET_VOLUME", codes::CdromGetVolume, H::Implemented, "§3.21", kObsolete, {},
        "Returns the four port volumes from mode page 0Eh as VOLUME_CONTROL"),
    row("IOCTL_CDROM_PLAY_AUDIO_MSF", codes::CdromPlayAudioMsf, H::Implemented, "§3.20", kObsolete, {},
        "Plays audio between two MSF addresses given in CDROM_PLAY_AUDIO_MSF"),
    row("IOCTL_CDROM_SET_VOLUME", codes::CdromSetVolume, H::Implemented, "§3.21", kObsolete, {},
        "Sets the four port volumes of mode page 0Eh from VOLUME_CONTROL"),
    row("IOCTL_CDROM_READ_Q_CHANNEL", codes::CdromReadQChannel, H::Implemented, "§3.19", kObsolete, {},
        "Reads sub-channel Q data: current position, media catalog number or track ISRC"),
    row("IOCTL_CDROM_GET_CONTROL", codes::CdromGetControl, H::Forwarded, "§3.23", kObsolete, {},
        "Obsolete, do not use: legacy CDROM_AUDIO_CONTROL query; the sample forwards it to the port driver"),
    alias("OBSOLETE_IOCTL_CDROM_GET_CONTROL", codes::CdromGetControl, codes::CdromGetControl.function(),
          "IOCTL_CDROM_GET_CONTROL", "§2.1", kObsolete,
          "The current SDK's spelling of IOCTL_CDROM_GET_CONTROL (NTDDI >= WS03); same value"),
    row("IOCTL_CDROM_GET_LAST_SESSION", codes::CdromGetLastSession, H::Implemented, "§3.16", kCurrent, {},
        "Returns the first and last complete session and the start of the last one (CDROM_TOC_SESSION_DATA)"),
    row("IOCTL_CDROM_RAW_READ", codes::CdromRawRead, H::Implemented, "§3.18", kCurrent, {},
        "Reads raw sectors (READ CD) as described by RAW_READ_INFO; METHOD_OUT_DIRECT"),
    row("IOCTL_CDROM_DISK_TYPE", codes::CdromDiskType, H::Forwarded, "§3.23", kCurrent, {},
        "Legacy audio/data track summary (CDROM_DISK_DATA); not implemented by the sample, forwarded"),
    row("IOCTL_CDROM_GET_DRIVE_GEOMETRY", codes::CdromGetDriveGeometry, H::Implemented, "§3.9", kCurrent, {},
        "Returns DISK_GEOMETRY computed from READ CAPACITY; twin of IOCTL_DISK_GET_DRIVE_GEOMETRY"),
    row("IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", codes::CdromGetDriveGeometryEx, H::Implemented, "§3.9", kCurrent, {},
        "Returns DISK_GEOMETRY_EX (geometry and disk size, 32 bytes); twin of IOCTL_DISK_GET_DRIVE_GEOMETRY_EX"),
    row("IOCTL_CDROM_READ_TOC_EX", codes::CdromReadTocEx, H::Implemented, "§3.17", kCurrent, {},
        "Reads TOC, session, full TOC, PMA, ATIP or CD-TEXT as selected by CDROM_READ_TOC_EX"),
    row("IOCTL_CDROM_GET_CONFIGURATION", codes::CdromGetConfiguration, H::Implemented, "§3.8", kCurrent, {},
        "Returns MMC GET CONFIGURATION features and profiles for GET_CONFIGURATION_IOCTL_INPUT"),
    row("IOCTL_CDROM_EXCLUSIVE_ACCESS", codes::CdromExclusiveAccess, H::Implemented, "§3.5", kCurrent, {},
        "Queries, takes or releases the exclusive lock of the device; handle needs read and write access"),
    row("IOCTL_CDROM_SET_SPEED", codes::CdromSetSpeed, H::Implemented, "§3.13", kCurrent, {},
        "Sets the spindle speed (SET CD SPEED) or streaming performance (SET STREAMING)"),
    row("IOCTL_CDROM_GET_INQUIRY_DATA", codes::CdromGetInquiryData, H::Implemented, "§3.10", kCurrent, {},
        "Returns the cached standard INQUIRY data without device I/O; allowed while locked by another handle"),
    row("IOCTL_CDROM_ENABLE_STREAMING", codes::CdromEnableStreaming, H::Implemented, "§3.4", kCurrent, {},
        "Enables or disables streaming reads/writes for this handle (CDROM_STREAMING_CONTROL)"),
    row("IOCTL_CDROM_SEND_OPC_INFORMATION", codes::CdromSendOpcInformation, H::Implemented, "§3.14", kCurrent, {},
        "Performs optimum power calibration ahead of writing; handle needs read and write access"),
    row("IOCTL_CDROM_GET_PERFORMANCE", codes::CdromGetPerformance, H::Implemented, "§3.12", kCurrent, {},
        "Returns MMC GET PERFORMANCE descriptors: nominal, exceptions or write speeds"),
    row("IOCTL_CDROM_CHECK_VERIFY", codes::CdromCheckVerify, H::Normalized, "§3.1", kObsolete, kStorageCheckVerify,
        "Checks for media change (TEST UNIT READY); optionally returns the media change count"),
    row("IOCTL_CDROM_MEDIA_REMOVAL", codes::CdromMediaRemoval, H::Normalized, "§3.11", kObsolete,
        kStorageMediaRemoval, "Prevents or allows medium removal (simple, device-wide lock count)"),
    row("IOCTL_CDROM_EJECT_MEDIA", codes::CdromEjectMedia, H::Normalized, "§3.3", kObsolete, kStorageEjectMedia,
        "Ejects the medium (START STOP UNIT, LoEj = 1, Start = 0)"),
    row("IOCTL_CDROM_LOAD_MEDIA", codes::CdromLoadMedia, H::Normalized, "§3.3", kObsolete, kStorageLoadMedia,
        "Draws the tray back in (START STOP UNIT, LoEj = 1, Start = 1)"),
    row("IOCTL_CDROM_RESERVE", codes::CdromReserve, H::Normalized, "§3.22", kObsolete, kStorageReserve,
        "Reserves the device for this initiator (RESERVE(6), falling back to RESERVE(10))"),
    row("IOCTL_CDROM_RELEASE", codes::CdromRelease, H::Normalized, "§3.22", kObsolete, kStorageRelease,
        "Releases a reservation (RELEASE(6), falling back to RELEASE(10))"),
    row("IOCTL_CDROM_FIND_NEW_DEVICES", codes::CdromFindNewDevices, H::Normalized, "§3.7", kObsolete,
        kStorageFindNewDevices, "Triggers a bus rescan; the sample then completes it with STATUS_ACCESS_DENIED"),
    row("IOCTL_CDROM_UNLOAD_DRIVER", codes::CdromUnloadDriver, H::Forwarded, "§3.23", kCurrent, {},
        "Legacy code with no case in the sample; forwarded to the port driver"),
    alias("IOCTL_CDROM_SIMBAD", codes::CdromSimbad, codes::CdromSimbadFunction, "IOCTL_CDROM_PAUSE_AUDIO", "§3.23",
          kCurrent, "Function 0x1003 overflows into the access bits, so the value is IOCTL_CDROM_PAUSE_AUDIO's"),
    withoutValue("IOCTL_CDROM_CLOSE_DOOR", kStorageLoadMedia, "§3.2",
                 "Documented as replaced by IOCTL_STORAGE_LOAD_MEDIA, but no header defines a value for it"),

    // --- IOCTL_STORAGE_*: the replacements (§9.1) and related codes (§2.1) ---
    row(kStorageCheckVerify, codes::StorageCheckVerify, H::Implemented, "§3.1", kCurrent, {},
        "Checks for media change (TEST UNIT READY); returns the media change count if OutLen >= 4"),
    row("IOCTL_STORAGE_CHECK_VERIFY2", codes::StorageCheckVerify2, H::Implemented, "§3.1", kCurrent, {},
        "CHECK_VERIFY with ANY access; never returns the media change count"),
    row(kStorageMediaRemoval, codes::StorageMediaRemoval, H::Implemented, "§3.11", kCurrent, {},
        "Prevents or allows medium removal (simple, device-wide lock count)"),
    row(kStorageEjectMedia, codes::StorageEjectMedia, H::Implemented, "§3.3", kCurrent, {},
        "Ejects the medium unless a secure (EJECTION_CONTROL) lock is held"),
    row(kStorageLoadMedia, codes::StorageLoadMedia, H::Implemented, "§3.3", kCurrent, {},
        "Loads the medium (closes the tray); also the replacement of IOCTL_CDROM_CLOSE_DOOR"),
    row("IOCTL_STORAGE_LOAD_MEDIA2", codes::StorageLoadMedia2, H::Implemented, "§3.3", kCurrent, {},
        "LOAD_MEDIA with ANY access, so it works on a zero-access handle"),
    row(kStorageReserve, codes::StorageReserve, H::Implemented, "§3.22", kCurrent, {},
        "Reserves the device (RESERVE(6)/(10))"),
    row(kStorageRelease, codes::StorageRelease, H::Implemented, "§3.22", kCurrent, {},
        "Releases a reservation (RELEASE(6)/(10))"),
    row(kStorageFindNewDevices, codes::StorageFindNewDevices, H::Implemented, "§3.7", kCurrent, {},
        "Triggers a bus rescan; the sample completes it with STATUS_ACCESS_DENIED"),
    row("IOCTL_STORAGE_EJECTION_CONTROL", codes::StorageEjectionControl, H::Implemented, "§3.11", kCurrent, {},
        "Secure per-handle media lock that blocks eject and is released at handle close"),
    row("IOCTL_STORAGE_MCN_CONTROL", codes::StorageMcnControl, H::Implemented, "§2.1", kCurrent, {},
        "Enables or disables media change notification for the device"),
    row("IOCTL_STORAGE_GET_MEDIA_TYPES_EX", codes::StorageGetMediaTypesEx, H::Unspecified, "§1", kCurrent, {},
        "Media types and current media state; allowed through the exclusive-lock gate"),
    row("IOCTL_STORAGE_GET_HOTPLUG_INFO", codes::StorageGetHotplugInfo, H::Unspecified, "§1", kCurrent, {},
        "Hot-plug properties of the device; allowed through the exclusive-lock gate"),
    row("IOCTL_STORAGE_GET_DEVICE_NUMBER", codes::StorageGetDeviceNumber, H::Unspecified, "§1", kCurrent, {},
        "Device type and number (\\\\.\\CdRomN); allowed through the exclusive-lock gate"),
    row("IOCTL_STORAGE_READ_CAPACITY", codes::StorageReadCapacity, H::Unspecified, "§3.9", kCurrent, {},
        "Block length and disk length; refreshes the cached capacity like the geometry codes"),
    row("IOCTL_STORAGE_QUERY_PROPERTY", codes::StorageQueryProperty, H::Unspecified, "§1", kCurrent, {},
        "Device, adapter and other property descriptors (adapter limits: §0.2, Q9)"),

    // --- IOCTL_DISK_*: same handlers as the CD-ROM codes (§3.1, §3.9) ---
    row("IOCTL_DISK_GET_DRIVE_GEOMETRY", codes::DiskGetDriveGeometry, H::Implemented, "§3.9", kCurrent, {},
        "Same case as IOCTL_CDROM_GET_DRIVE_GEOMETRY, but ANY access"),
    row("IOCTL_DISK_GET_LENGTH_INFO", codes::DiskGetLengthInfo, H::Unspecified, "§3.9", kCurrent, {},
        "Partition length; refreshes the cached capacity like the geometry codes"),
    row("IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", codes::DiskGetDriveGeometryEx, H::Implemented, "§3.9", kCurrent, {},
        "Same case as IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX, but ANY access"),
    row("IOCTL_DISK_CHECK_VERIFY", codes::DiskCheckVerify, H::Normalized, "§3.1", kCurrent, {},
        "Normalized to IOCTL_STORAGE_CHECK_VERIFY; a third equivalent of the CHECK_VERIFY pair"),

    // --- IOCTL_SCSI_*: pass-through for MMC cross-checks, and the gate's allow-list ---
    row("IOCTL_SCSI_PASS_THROUGH", codes::ScsiPassThrough, H::Unspecified, "§1", kCurrent, {},
        "Sends a CDB with a buffered data transfer"),
    row("IOCTL_SCSI_PASS_THROUGH_DIRECT", codes::ScsiPassThroughDirect, H::Unspecified, "§1", kCurrent, {},
        "Sends a CDB with a direct (caller buffer) data transfer; Win32Device's pass-through"),
    row("IOCTL_SCSI_GET_ADDRESS", codes::ScsiGetAddress, H::Unspecified, "§1", kCurrent, {},
        "Port, path, target and LUN of the device; allowed through the exclusive-lock gate"),
};
// clang-format on

// Each row's fields recompose its value through CTL_CODE: SIMBAD's 0x1003 must reproduce 0x0002400C.
consteval bool fieldsComposeValues()
{
    for (const CodeInfo& info : kCodes) {
        if (!info.value) {
            if (info.deviceType != 0 || info.function != 0) return false;
            continue;
        }
        if (ControlCode::make(info.deviceType, info.function, info.method, info.access) != *info.value) return false;
    }
    return true;
}
static_assert(fieldsComposeValues());

constexpr char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view withoutIoctlPrefix(std::string_view name)
{
    constexpr std::string_view prefix = "IOCTL_";
    if (name.size() >= prefix.size() && equalsIgnoreCase(name.substr(0, prefix.size()), prefix))
        name.remove_prefix(prefix.size());
    return name;
}

}  // namespace

std::span<const CodeInfo> allCodes()
{
    return kCodes;
}

const CodeInfo* findCode(std::string_view name)
{
    for (const CodeInfo& info : kCodes)
        if (info.name == name) return &info;
    // Case-insensitive, prefix optional: "cdrom_read_toc", "ioctl_cdrom_read_toc". Canonical rows come before
    // aliases in the table, so a shared bare name resolves to the canonical one.
    const std::string_view bare = withoutIoctlPrefix(name);
    if (bare.empty()) return nullptr;
    for (const CodeInfo& info : kCodes)
        if (equalsIgnoreCase(withoutIoctlPrefix(info.name), bare)) return &info;
    return nullptr;
}

const CodeInfo* findCode(ControlCode value)
{
    for (const CodeInfo& info : kCodes)
        if (info.value == value && !info.isAlias()) return &info;
    return nullptr;
}

std::vector<const CodeInfo*> codesWithValue(ControlCode value)
{
    std::vector<const CodeInfo*> rows;
    if (const CodeInfo* canonical = findCode(value)) rows.push_back(canonical);
    for (const CodeInfo& info : kCodes)
        if (info.value == value && info.isAlias()) rows.push_back(&info);
    return rows;
}

std::string formatControlCode(ControlCode code)
{
    char text[11];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(code.value));
    return text;
}

std::string_view methodName(Method method)
{
    switch (method) {
    case Method::Buffered: return "METHOD_BUFFERED";
    case Method::InDirect: return "METHOD_IN_DIRECT";
    case Method::OutDirect: return "METHOD_OUT_DIRECT";
    case Method::Neither: return "METHOD_NEITHER";
    }
    return "METHOD_?";
}

std::string_view accessName(RequiredAccess access)
{
    switch (access) {
    case RequiredAccess::Any: return "FILE_ANY_ACCESS";
    case RequiredAccess::Read: return "FILE_READ_ACCESS";
    case RequiredAccess::Write: return "FILE_WRITE_ACCESS";
    case RequiredAccess::ReadWrite: return "FILE_READ_ACCESS | FILE_WRITE_ACCESS";
    }
    return "FILE_?_ACCESS";
}

std::string_view deviceTypeName(std::uint16_t deviceType)
{
    switch (static_cast<DeviceType>(deviceType)) {
    case DeviceType::CdRom: return "FILE_DEVICE_CD_ROM";
    case DeviceType::Controller: return "FILE_DEVICE_CONTROLLER";
    case DeviceType::Disk: return "FILE_DEVICE_DISK";
    case DeviceType::Tape: return "FILE_DEVICE_TAPE";
    case DeviceType::MassStorage: return "FILE_DEVICE_MASS_STORAGE";
    case DeviceType::Dvd: return "FILE_DEVICE_DVD";
    }
    return {};
}

std::string_view sampleHandlingName(SampleHandling handling)
{
    switch (handling) {
    case SampleHandling::Implemented: return "implemented";
    case SampleHandling::Normalized: return "normalized to the IOCTL_STORAGE_* form";
    case SampleHandling::Forwarded: return "not implemented: forwarded to the port driver";
    case SampleHandling::Alias: return "alias of another code";
    case SampleHandling::NoValue: return "no numeric value";
    case SampleHandling::Unspecified: return "not specified by the contracts";
    }
    return {};
}

}  // namespace cdcts::ioctl
