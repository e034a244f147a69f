#include "harness/ioctl/decode.hpp"

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decoders.hpp"

namespace cdcts::ioctl {
namespace {

struct OutputRow {
    ControlCode code;
    OutputDescription output;
    Decoded (*decode)(detail::Bytes input, detail::Bytes output);
};

constexpr OutputDescription none(std::string_view input)
{
    return {input, {}, 0, {}};
}
constexpr OutputDescription reply(std::string_view input, std::string_view structure, std::uint32_t size)
{
    return {input, structure, size, {}};
}

// clang-format off
// One row per catalog value (aliases share their canonical row): what the caller passes in, what the driver
// returns (§2.3 sizes, §3.x reply layouts), and the decoder. A row with a structure and no decoder must say why.
constexpr OutputRow kOutputs[] = {
    {codes::CdromReadToc, reply("none", "CDROM_TOC", 804), detail::decodeReadToc},
    {codes::CdromSeekAudioMsf, none("CDROM_SEEK_AUDIO_MSF (3 bytes: M S F)"), nullptr},
    {codes::CdromStopAudio, none("none"), nullptr},
    {codes::CdromPauseAudio, none("none"), nullptr},
    {codes::CdromResumeAudio, none("none"), nullptr},
    {codes::CdromGetVolume, reply("none", "VOLUME_CONTROL", 4), detail::decodeVolumeControl},
    {codes::CdromPlayAudioMsf, none("CDROM_PLAY_AUDIO_MSF (6 bytes: start M S F, end M S F)"), nullptr},
    {codes::CdromSetVolume, none("VOLUME_CONTROL (4 bytes: PortVolume[4])"), nullptr},
    {codes::CdromReadQChannel,
     reply("CDROM_SUB_Q_DATA_FORMAT (2 bytes: Format 1 position / 2 MCN / 3 ISRC, Track)", "SUB_Q_CHANNEL_DATA", 24),
     detail::decodeReadQChannel},
    {codes::CdromGetControl, reply("none", "CDROM_AUDIO_CONTROL", 4), detail::decodeAudioControl},
    {codes::CdromGetLastSession, reply("none", "CDROM_TOC_SESSION_DATA", 12), detail::decodeGetLastSession},
    {codes::CdromRawRead, reply("RAW_READ_INFO (16 bytes: DiskOffset LE64, SectorCount, TrackMode)", "raw sectors", 2352),
     detail::decodeRawRead},
    {codes::CdromDiskType, reply("none", "CDROM_DISK_DATA", 4), detail::decodeDiskData},
    {codes::CdromGetDriveGeometry, reply("none", "DISK_GEOMETRY", 24), detail::decodeDiskGeometry},
    {codes::CdromGetDriveGeometryEx, reply("none", "DISK_GEOMETRY_EX", 32), detail::decodeDiskGeometryEx},
    {codes::CdromReadTocEx,
     reply("CDROM_READ_TOC_EX (4 bytes: Format | Msf << 7, SessionTrack, 0, 0)", "CDROM_TOC / FULL_TOC / PMA / ATIP / CD_TEXT", 8192),
     detail::decodeReadTocEx},
    {codes::CdromGetConfiguration,
     reply("GET_CONFIGURATION_IOCTL_INPUT (24 bytes from 64-bit callers: Feature, RequestType 0 all / 1 current / 2 one, 16 zero bytes)",
           "GET_CONFIGURATION_HEADER + feature descriptors", 4096),
     detail::decodeConfiguration},
    {codes::CdromExclusiveAccess,
     reply("CDROM_EXCLUSIVE_ACCESS (8 bytes: RequestType 0 query / 1 lock / 2 unlock, Flags) or CDROM_EXCLUSIVE_LOCK (72 bytes)",
           "CDROM_EXCLUSIVE_LOCK_STATE (query only)", 65),
     detail::decodeExclusiveLockState},
    {codes::CdromSetSpeed, none("CDROM_SET_SPEED (12 bytes) or CDROM_SET_STREAMING (36 bytes)"), nullptr},
    {codes::CdromGetInquiryData, reply("none", "INQUIRYDATA", 260), detail::decodeInquiryData},
    {codes::CdromEnableStreaming, none("CDROM_STREAMING_CONTROL (4 bytes: RequestType)"), nullptr},
    {codes::CdromSendOpcInformation, none("CDROM_SIMPLE_OPC_INFO (8 bytes: RequestType, Exclude0, Exclude1)"), nullptr},
    {codes::CdromGetPerformance,
     reply("CDROM_PERFORMANCE_REQUEST (20 bytes) or CDROM_WRITE_SPEED_REQUEST (4 bytes)",
           "CDROM_PERFORMANCE_HEADER + descriptors", 2048),
     detail::decodePerformance},
    {codes::CdromCheckVerify, reply("none", "ULONG MediaChangeCount (optional)", 4), detail::decodeMediaChangeCount},
    {codes::CdromMediaRemoval, none("PREVENT_MEDIA_REMOVAL (1 byte)"), nullptr},
    {codes::CdromEjectMedia, none("none"), nullptr},
    {codes::CdromLoadMedia, none("none"), nullptr},
    {codes::CdromReserve, none("none"), nullptr},
    {codes::CdromRelease, none("none"), nullptr},
    {codes::CdromFindNewDevices, none("none"), nullptr},
    {codes::CdromUnloadDriver, none("none"), nullptr},

    {codes::StorageCheckVerify, reply("none", "ULONG MediaChangeCount (optional)", 4), detail::decodeMediaChangeCount},
    {codes::StorageCheckVerify2, none("none"), nullptr},
    {codes::StorageMediaRemoval, none("PREVENT_MEDIA_REMOVAL (1 byte)"), nullptr},
    {codes::StorageEjectMedia, none("none"), nullptr},
    {codes::StorageLoadMedia, none("none"), nullptr},
    {codes::StorageLoadMedia2, none("none"), nullptr},
    {codes::StorageReserve, none("none"), nullptr},
    {codes::StorageRelease, none("none"), nullptr},
    {codes::StorageFindNewDevices, none("none"), nullptr},
    {codes::StorageEjectionControl, none("PREVENT_MEDIA_REMOVAL (1 byte)"), nullptr},
    {codes::StorageMcnControl, none("PREVENT_MEDIA_REMOVAL (1 byte: 1 disables notification)"), nullptr},
    {codes::StorageGetMediaTypesEx, reply("none", "GET_MEDIA_TYPES", 2048), detail::decodeMediaTypes},
    {codes::StorageGetHotplugInfo, reply("none", "STORAGE_HOTPLUG_INFO", 8), detail::decodeHotplugInfo},
    {codes::StorageGetDeviceNumber, reply("none", "STORAGE_DEVICE_NUMBER", 12), detail::decodeStorageDeviceNumber},
    {codes::StorageReadCapacity, reply("none", "STORAGE_READ_CAPACITY", 32), detail::decodeStorageReadCapacity},
    {codes::StorageQueryProperty,
     reply("STORAGE_PROPERTY_QUERY (12 bytes: PropertyId, QueryType, AdditionalParameters)",
           "STORAGE_DESCRIPTOR_HEADER + descriptor", 1024),
     detail::decodeStorageProperty},

    {codes::DiskGetDriveGeometry, reply("none", "DISK_GEOMETRY", 24), detail::decodeDiskGeometry},
    {codes::DiskGetLengthInfo, reply("none", "GET_LENGTH_INFORMATION", 8), detail::decodeLengthInformation},
    {codes::DiskGetDriveGeometryEx, reply("none", "DISK_GEOMETRY_EX", 32), detail::decodeDiskGeometryEx},
    {codes::DiskCheckVerify, reply("none", "ULONG MediaChangeCount (optional)", 4), detail::decodeMediaChangeCount},

    {codes::ScsiPassThrough,
     {"SCSI_PASS_THROUGH + sense + data", "SCSI_PASS_THROUGH + sense + data", 0,
      "the layout follows the caller's bitness and its own offsets; `cdcts mmc` sends and decodes MMC commands"},
     nullptr},
    {codes::ScsiPassThroughDirect,
     {"SCSI_PASS_THROUGH_DIRECT + sense", "SCSI_PASS_THROUGH_DIRECT + sense", 0,
      "the layout follows the caller's bitness and its own offsets; `cdcts mmc` sends and decodes MMC commands"},
     nullptr},
    {codes::ScsiGetAddress, reply("none", "SCSI_ADDRESS", 8), detail::decodeScsiAddress},
};
// clang-format on

const OutputRow* findRow(ControlCode code)
{
    for (const OutputRow& row : kOutputs)
        if (row.code == code) return &row;
    return nullptr;
}

}  // namespace

std::optional<Decoded> decodeOutput(ControlCode code, std::span<const std::uint8_t> input,
                                    std::span<const std::uint8_t> output)
{
    const OutputRow* row = findRow(code);
    if (row == nullptr || row->decode == nullptr) return std::nullopt;
    return row->decode(input, output);
}

bool hasOutputDecoder(ControlCode code)
{
    const OutputRow* row = findRow(code);
    return row != nullptr && row->decode != nullptr;
}

const OutputDescription* describeOutput(ControlCode code)
{
    const OutputRow* row = findRow(code);
    return row == nullptr ? nullptr : &row->output;
}

bool hasFeatureDecoder(std::uint16_t feature)
{
    return detail::hasFeatureLayout(feature);
}

}  // namespace cdcts::ioctl
