#include "harness/emulator/feature_catalog.hpp"

namespace cdcts::emulator {
namespace {
using K = FieldKind;

constexpr MediaProfileName kMediaProfiles[] = {
    {0x0008, "cd_rom"},           {0x0009, "cd_r"},          {0x000A, "cd_rw"},
    {0x0010, "dvd_rom"},          {0x0011, "dvd_r"},         {0x0012, "dvd_ram"},
    {0x0013, "dvd_rw_restricted"}, {0x0014, "dvd_rw_sequential"}, {0x0015, "dvd_r_dl_sequential"},
    {0x0016, "dvd_r_dl_jump"},    {0x001A, "dvd_plus_rw"},   {0x001B, "dvd_plus_r"},
    {0x002A, "dvd_plus_rw_dl"},   {0x002B, "dvd_plus_r_dl"}, {0x0040, "bd_rom"},
    {0x0041, "bd_r_sequential"},  {0x0043, "bd_re"},
};

// Field layouts, MMC-6 §5.3 (descriptor byte numbers: 0-3 are the feature header).
constexpr FeatureField kCore[] = {{"physical_interface", K::Be16, 6}, {"dbe", K::Bit, 8, 0}, {"inq2", K::Bit, 8, 1}};
constexpr FeatureField kMorphing[] = {{"async", K::Bit, 4, 0}, {"oc_event", K::Bit, 4, 1}};
// Loading mechanism (bits 7-5) comes from the profile's `loading`.
constexpr FeatureField kRemovable[] = {{"lock", K::Bit, 4, 0}, {"dbml", K::Bit, 4, 1}, {"prevent_jumper", K::Bit, 4, 2},
                                       {"eject", K::Bit, 4, 3}, {"load", K::Bit, 4, 4}};
constexpr FeatureField kRandomReadable[] = {{"page_present", K::Bit, 10, 0}};
// C2 Flags (bit 1) and CD-Text (bit 0) come from the profile's behaviours.
constexpr FeatureField kCdRead[] = {{"dap", K::Bit, 4, 7}};
constexpr FeatureField kDvdRead[] = {{"multi110", K::Bit, 4, 0}, {"dual_r", K::Bit, 6, 0}, {"dual_rw", K::Bit, 6, 1}};
// Link sizes (byte 7 onward) are a list.
// Byte 6 (MMC-6 §5.3.13): BUF bit 0, ARSV bit 1, TRIO bit 2.
constexpr FeatureField kIncremental[] = {
    {"data_block_types", K::Be16, 4}, {"buf", K::Bit, 6, 0}, {"arsv", K::Bit, 6, 1}, {"trio", K::Bit, 6, 2}};
constexpr FeatureField kDvdPlusRw[] = {{"write", K::Bit, 4, 0}, {"close_only", K::Bit, 5, 0}, {"quick_start", K::Bit, 5, 1}};
constexpr FeatureField kDvdPlusR[] = {{"write", K::Bit, 4, 0}};
constexpr FeatureField kTao[] = {{"rw_subcode", K::Bit, 4, 0}, {"cd_rw", K::Bit, 4, 1}, {"test_write", K::Bit, 4, 2},
                                 {"rw_pack", K::Bit, 4, 3},    {"rw_raw", K::Bit, 4, 4}, {"buf", K::Bit, 4, 6},
                                 {"data_types", K::Be16, 6}};
constexpr FeatureField kMastering[] = {{"rw", K::Bit, 4, 0},     {"cd_rw", K::Bit, 4, 1},  {"test_write", K::Bit, 4, 2},
                                       {"raw", K::Bit, 4, 3},    {"raw_ms", K::Bit, 4, 4}, {"sao", K::Bit, 4, 5},
                                       {"buf", K::Bit, 4, 6},    {"max_cue_sheet_length", K::Be24, 5}};
constexpr FeatureField kDvdRWrite[] = {{"dvd_rw_sl", K::Bit, 4, 1}, {"test_write", K::Bit, 4, 2}, {"rdl", K::Bit, 4, 3},
                                       {"buf", K::Bit, 4, 6}};
constexpr FeatureField kExternalAudio[] = {{"separate_volume", K::Bit, 4, 0}, {"separate_channel_mute", K::Bit, 4, 1},
                                           {"scan", K::Bit, 4, 2},            {"volume_levels", K::Be16, 6}};
constexpr FeatureField kStreaming[] = {{"stream_writing", K::Bit, 4, 0},          {"write_speed_performance", K::Bit, 4, 1},
                                       {"mode_page_2a", K::Bit, 4, 2},            {"set_cd_speed", K::Bit, 4, 3},
                                       {"read_buffer_capacity_block", K::Bit, 4, 4}};
// Firmware date (bytes 4-17) is an ASCII string; the serial number comes from the identity.

constexpr FeatureSpec kFeatures[] = {
    {0x0000, "profile_list", 0, true, FeatureCurrency::Always, {}},
    {0x0001, "core", 8, true, FeatureCurrency::Always, kCore},
    {0x0002, "morphing", 4, true, FeatureCurrency::Always, kMorphing},
    {0x0003, "removable_medium", 4, true, FeatureCurrency::Always, kRemovable},
    {0x0010, "random_readable", 8, false, FeatureCurrency::MediumPresent, kRandomReadable},
    {0x001D, "multi_read", 0, false, FeatureCurrency::CdMedium, {}},
    {0x001E, "cd_read", 4, false, FeatureCurrency::CdMedium, kCdRead},
    {0x001F, "dvd_read", 4, false, FeatureCurrency::DvdMedium, kDvdRead},
    {0x0021, "incremental_streaming_writable", 4, false, FeatureCurrency::WritableMedium, kIncremental},
    {0x0026, "restricted_overwrite", 0, false, FeatureCurrency::WritableMedium, {}},
    {0x002A, "dvd_plus_rw", 4, false, FeatureCurrency::WritableMedium, kDvdPlusRw},
    {0x002B, "dvd_plus_r", 4, false, FeatureCurrency::WritableMedium, kDvdPlusR},
    {0x002D, "cd_track_at_once", 4, false, FeatureCurrency::WritableMedium, kTao},
    {0x002E, "cd_mastering", 4, false, FeatureCurrency::WritableMedium, kMastering},
    {0x002F, "dvd_r_rw_write", 4, false, FeatureCurrency::WritableMedium, kDvdRWrite},
    {0x0100, "power_management", 0, true, FeatureCurrency::Always, {}},
    {0x0103, "cd_external_audio_play", 4, false, FeatureCurrency::CdMedium, kExternalAudio},
    {0x0107, "real_time_streaming", 4, false, FeatureCurrency::MediumPresent, kStreaming},
    {0x0108, "drive_serial_number", 0, true, FeatureCurrency::Always, {}},
    {0x010C, "firmware_information", 16, true, FeatureCurrency::Always, {}},
};
}  // namespace

std::span<const MediaProfileName> mediaProfileNames() { return kMediaProfiles; }
std::span<const FeatureSpec> featureCatalog() { return kFeatures; }

const FeatureSpec* findFeatureSpec(std::uint16_t code)
{
    for (const auto& f : kFeatures)
        if (f.code == code) return &f;
    return nullptr;
}

const FeatureSpec* findFeatureSpec(std::string_view key)
{
    for (const auto& f : kFeatures)
        if (f.key == key) return &f;
    return nullptr;
}

}  // namespace cdcts::emulator
