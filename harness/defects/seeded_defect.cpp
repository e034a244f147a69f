#include "harness/defects/seeded_defect.hpp"

#include <array>

namespace cdcts::defects {
namespace {

using enum SeededDefect;

// In enum order (the static_assert below checks it).
constexpr std::array<DefectInfo, static_cast<std::size_t>(SeededDefect::Count)> kCatalog = {{
    {ReadTocExIgnoresMsf, "read_toc_ex_ignores_msf", DefectLayer::ClassDriver, "emu_reader",
     "READ_TOC_EX builds READ TOC with the MSF bit clear whatever the caller's Msf asks"},
    {StorageCheckVerifyFromCache, "storage_check_verify_from_cache", DefectLayer::ClassDriver, "emu_reader",
     "STORAGE_CHECK_VERIFY answers from the cached media state without TEST UNIT READY, unlike its CD-ROM twin"},
    {MediaChangeCountNotIncremented, "media_change_count_not_incremented", DefectLayer::ClassDriver, "emu_reader",
     "the media change count stays at its start-up value: neither a MEDIUM MAY HAVE CHANGED nor a medium's arrival increments it"},
    {StorageEjectOverridesMediumLock, "storage_eject_overrides_medium_lock", DefectLayer::ClassDriver, "emu_reader",
     "STORAGE_EJECT_MEDIA sends ALLOW MEDIUM REMOVAL first, so it ejects through a MEDIA_REMOVAL lock that stops its CD-ROM twin"},
    {ExclusiveLockNotEnforced, "exclusive_lock_not_enforced", DefectLayer::ClassDriver, "emu_reader",
     "another handle's requests pass while one handle holds the exclusive lock"},
    {RawReadIgnoresTrackMode, "raw_read_ignores_track_mode", DefectLayer::ClassDriver, "emu_writer",
     "RAW_READ builds READ CD for CD-DA whatever TrackMode the caller asked for"},
    {NoMediumMapsToDeviceError, "no_medium_maps_to_device_error", DefectLayer::ClassDriver, "emu_empty",
     "sense 02/3A (medium not present) completes as STATUS_IO_DEVICE_ERROR instead of STATUS_NO_MEDIA_IN_DEVICE"},
    {TocInformationCountsWholeBuffer, "toc_information_counts_whole_buffer", DefectLayer::ClassDriver, "emu_reader",
     "READ_TOC and friends report the buffer's size as Information, more than the drive's reply holds"},
    {ReadTocShortBufferAccepted, "read_toc_short_buffer_accepted", DefectLayer::ClassDriver, "emu_reader",
     "READ_TOC accepts an output buffer smaller than CDROM_TOC instead of failing BUFFER_TOO_SMALL"},
    {GeometryBytesPerSector2352, "geometry_bytes_per_sector_2352", DefectLayer::ClassDriver, "emu_reader",
     "GET_DRIVE_GEOMETRY reports the raw sector size 2352 as BytesPerSector"},
    {MediaRemovalUnlockedOnHandleClose, "media_removal_unlocked_on_handle_close", DefectLayer::ClassDriver, "emu_reader",
     "closing a handle drops MEDIA_REMOVAL's device-wide prevent, which must persist"},
    {CurrentConfigurationReturnsAll, "current_configuration_returns_all", DefectLayer::ClassDriver, "emu_reader",
     "GET_CONFIGURATION with RequestType CURRENT sends RT=0 (all features), so non-current features come back"},
    {GetVolumeReturnsConstant, "get_volume_returns_constant", DefectLayer::ClassDriver, "emu_writer",
     "GET_VOLUME answers a fixed full volume instead of the drive's audio control page"},
    {StopAudioNotSent, "stop_audio_not_sent", DefectLayer::ClassDriver, "emu_writer",
     "STOP_AUDIO clears the driver's play flag and succeeds without sending STOP PLAY/SCAN"},
    {RawReadBoundOffByOne, "raw_read_bound_off_by_one", DefectLayer::ClassDriver, "emu_reader",
     "RAW_READ's capacity check lets a read of the sector past the last one through"},
    {CheckVerify2ReturnsCount, "check_verify2_returns_count", DefectLayer::ClassDriver, "emu_reader",
     "STORAGE_CHECK_VERIFY2 writes the media change count and reports 4 bytes, as CHECK_VERIFY does"},
    {InquiryTruncationReportsSuccess, "inquiry_truncation_reports_success", DefectLayer::ClassDriver, "emu_reader",
     "GET_INQUIRY_DATA into a short buffer completes with STATUS_SUCCESS instead of the BUFFER_OVERFLOW warning"},
    {SetSpeedNotSent, "set_speed_not_sent", DefectLayer::ClassDriver, "emu_writer",
     "SET_SPEED (CdromSetSpeed) succeeds without sending SET CD SPEED: the drive keeps its speed"},
    {TocLengthOffByTwo, "toc_length_off_by_two", DefectLayer::Emulator, "emu_reader",
     "READ TOC's TOC Data Length counts the length field itself (2 too large)"},
    {LastSessionAddressOffBy150, "last_session_address_off_by_150", DefectLayer::Emulator, "emu_reader",
     "READ TOC format 1 reports the last session's first track 150 sectors late (absolute instead of LBA)"},
    {QChannelNotAdvancing, "q_channel_not_advancing", DefectLayer::Emulator, "emu_writer",
     "READ SUB-CHANNEL's current position stays at the play's start while audio plays"},
    {PauseKeepsPlaying, "pause_keeps_playing", DefectLayer::Emulator, "emu_writer",
     "PAUSE reports success and status paused but the play position keeps moving"},
    {ResumeRestartsFromStart, "resume_restarts_from_start", DefectLayer::Emulator, "emu_writer",
     "RESUME starts the play again from its start address instead of where it paused"},
    {SeekIgnored, "seek_ignored", DefectLayer::Emulator, "emu_writer",
     "SEEK (10) succeeds without moving the head"},
    {McnValidWithoutMcn, "mcn_valid_without_mcn", DefectLayer::Emulator, "emu_writer",
     "READ SUB-CHANNEL format 2 sets MCVal on a disc without a media catalog number"},
    {IsrcValidWithoutIsrc, "isrc_valid_without_isrc", DefectLayer::Emulator, "emu_writer",
     "READ SUB-CHANNEL format 3 sets TCVal on tracks without an ISRC"},
    {CookedReadReturnsSectorHeader, "cooked_read_returns_sector_header", DefectLayer::Emulator, "emu_reader",
     "READ (10) returns the 2048 bytes from the sector's sync pattern instead of its user data"},
    {PerformanceOverstatesSpeed, "performance_overstates_speed", DefectLayer::Emulator, "emu_writer",
     "GET PERFORMANCE reports end speeds twice what the drive reaches"},
    {EjectIgnoresPreventLock, "eject_ignores_prevent_lock", DefectLayer::Emulator, "emu_reader",
     "START STOP UNIT ejects while PREVENT MEDIUM REMOVAL is in force"},
    {VolumeNotApplied, "volume_not_applied", DefectLayer::Emulator, "emu_writer",
     "MODE SELECT of the audio control page succeeds but the volumes do not change"},
    {InquiryVendorNotPadded, "inquiry_vendor_not_padded", DefectLayer::Emulator, "emu_reader",
     "INQUIRY's vendor identification is NUL-padded instead of space-padded ASCII"},
    {ReadCapacityReturnsBlockCount, "read_capacity_returns_block_count", DefectLayer::Emulator, "emu_reader",
     "READ CAPACITY reports the number of blocks instead of the last LBA"},
    {StopUnitKeepsPlaying, "stop_unit_keeps_playing", DefectLayer::Emulator, "emu_writer",
     "START STOP UNIT with Start=0 (how the driver stops audio) succeeds but the play goes on"},
    {PlayAudioAcceptsDataTrack, "play_audio_accepts_data_track", DefectLayer::Emulator, "emu_writer",
     "PLAY AUDIO MSF over a data track starts a play instead of failing ILLEGAL MODE FOR THIS TRACK"},
}};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kCatalog.size(); ++i)
        if (static_cast<std::size_t>(kCatalog[i].defect) != i) return false;
    return true;
}
static_assert(inEnumOrder(), "kCatalog rows must follow the SeededDefect enum");

}  // namespace

std::span<const DefectInfo> defectCatalog() { return kCatalog; }

const DefectInfo& defectInfo(SeededDefect defect) { return kCatalog.at(static_cast<std::size_t>(defect)); }

std::optional<SeededDefect> findDefect(std::string_view name)
{
    for (const DefectInfo& d : kCatalog)
        if (d.name == name) return d.defect;
    return std::nullopt;
}

std::string_view layerName(DefectLayer layer)
{
    switch (layer) {
    case DefectLayer::ClassDriver: return "classdriver";
    case DefectLayer::Emulator: return "emulator";
    }
    return "unknown";
}

}  // namespace cdcts::defects
