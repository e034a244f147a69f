#pragma once
// The MMC features and media profiles the emulated drive knows (MMC-6 §5.3, Table 89 profile list): what a
// profile file may name, how each feature's data bytes are laid out, and when a feature is current.
#include <cstdint>
#include <span>
#include <string_view>

namespace cdcts::emulator {

// MMC profile numbers (MMC-6 Table 89).
namespace media_profile {
inline constexpr std::uint16_t None = 0x0000;
inline constexpr std::uint16_t CdRom = 0x0008;
inline constexpr std::uint16_t CdR = 0x0009;
inline constexpr std::uint16_t CdRw = 0x000A;
inline constexpr std::uint16_t DvdRom = 0x0010;
}  // namespace media_profile

struct MediaProfileName {
    std::uint16_t number;
    std::string_view key;  // the name a profile file uses
};
[[nodiscard]] std::span<const MediaProfileName> mediaProfileNames();

// When the drive reports a feature Current (MMC-6 §5.2.2: a feature is current when it is usable now).
enum class FeatureCurrency : std::uint8_t {
    Always,          // drive properties: Core, Removable Medium, Power Management, ...
    MediumPresent,   // reading features that serve whatever disc is in
    CdMedium,        // CD Read, CD External Audio Play
    DvdMedium,       // DVD Read
    WritableMedium,  // write features: none of the emulator's pressed discs is writable
};

enum class FieldKind : std::uint8_t { Bit, Byte, Be16, Be24 };

// One named field of a feature's data: at descriptor byte `byte` (4 = the first data byte), bit `bit` for Bit.
struct FeatureField {
    std::string_view key;
    FieldKind kind;
    std::uint8_t byte;
    std::uint8_t bit = 0;
};

struct FeatureSpec {
    std::uint16_t code;
    std::string_view key;           // the name a profile file uses
    std::uint8_t additionalLength;  // fixed data length; features with lists size themselves
    bool persistent;                // MMC-6: the feature stays current regardless of the medium
    FeatureCurrency currency;
    std::span<const FeatureField> fields;
};

[[nodiscard]] std::span<const FeatureSpec> featureCatalog();
[[nodiscard]] const FeatureSpec* findFeatureSpec(std::uint16_t code);
[[nodiscard]] const FeatureSpec* findFeatureSpec(std::string_view key);

// Feature codes the emulator builds data for in code rather than from named fields.
namespace feature {
inline constexpr std::uint16_t ProfileList = 0x0000;
inline constexpr std::uint16_t Core = 0x0001;
inline constexpr std::uint16_t RemovableMedium = 0x0003;
inline constexpr std::uint16_t RandomReadable = 0x0010;
inline constexpr std::uint16_t CdRead = 0x001E;
inline constexpr std::uint16_t DvdRead = 0x001F;
inline constexpr std::uint16_t IncrementalStreamingWritable = 0x0021;
inline constexpr std::uint16_t CdTrackAtOnce = 0x002D;
inline constexpr std::uint16_t CdMastering = 0x002E;
inline constexpr std::uint16_t DvdRRwWrite = 0x002F;
inline constexpr std::uint16_t CdExternalAudioPlay = 0x0103;
inline constexpr std::uint16_t RealTimeStreaming = 0x0107;
inline constexpr std::uint16_t DriveSerialNumber = 0x0108;
inline constexpr std::uint16_t FirmwareInformation = 0x010C;
}  // namespace feature

}  // namespace cdcts::emulator
