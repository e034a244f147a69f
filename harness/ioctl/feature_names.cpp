#include "harness/ioctl/feature_names.hpp"

#include <span>

#include "harness/ioctl/structures/configuration.hpp"

namespace cdcts::ioctl {
namespace {

struct Name {
    std::int32_t number;
    std::string_view name;
};

// clang-format off
constexpr Name kFeatures[] = {
    {FeatureProfileList, "ProfileList"}, {FeatureCore, "Core"}, {FeatureMorphing, "Morphing"},
    {FeatureRemovableMedium, "RemovableMedium"}, {FeatureWriteProtect, "WriteProtect"},
    {FeatureRandomReadable, "RandomReadable"}, {FeatureMultiRead, "MultiRead"}, {FeatureCdRead, "CdRead"},
    {FeatureDvdRead, "DvdRead"}, {FeatureRandomWritable, "RandomWritable"},
    {FeatureIncrementalStreamingWritable, "IncrementalStreamingWritable"},
    {FeatureSectorErasable, "SectorErasable"}, {FeatureFormattable, "Formattable"},
    {FeatureDefectManagement, "DefectManagement"}, {FeatureWriteOnce, "WriteOnce"},
    {FeatureRestrictedOverwrite, "RestrictedOverwrite"}, {FeatureCdrwCAVWrite, "CdrwCAVWrite"},
    {FeatureMrw, "Mrw"}, {FeatureEnhancedDefectReporting, "EnhancedDefectReporting"},
    {FeatureDvdPlusRW, "DvdPlusRW"}, {FeatureDvdPlusR, "DvdPlusR"},
    {FeatureRigidRestrictedOverwrite, "RigidRestrictedOverwrite"}, {FeatureCdTrackAtOnce, "CdTrackAtOnce"},
    {FeatureCdMastering, "CdMastering"}, {FeatureDvdRecordableWrite, "DvdRecordableWrite"},
    {FeatureDDCDRead, "DDCDRead"}, {FeatureDDCDRWrite, "DDCDRWrite"}, {FeatureDDCDRWWrite, "DDCDRWWrite"},
    {FeatureLayerJumpRecording, "LayerJumpRecording"}, {FeatureCDRWMediaWriteSupport, "CDRWMediaWriteSupport"},
    {FeatureBDRPseudoOverwrite, "BDRPseudoOverwrite"}, {FeatureDvdPlusRWDualLayer, "DvdPlusRWDualLayer"},
    {FeatureDvdPlusRDualLayer, "DvdPlusRDualLayer"}, {FeatureBDRead, "BDRead"}, {FeatureBDWrite, "BDWrite"},
    {FeatureTSR, "TSR"}, {FeatureHDDVDRead, "HDDVDRead"}, {FeatureHDDVDWrite, "HDDVDWrite"},
    {FeatureHybridDisc, "HybridDisc"}, {FeaturePowerManagement, "PowerManagement"}, {FeatureSMART, "SMART"},
    {FeatureEmbeddedChanger, "EmbeddedChanger"}, {FeatureCDAudioAnalogPlay, "CDAudioAnalogPlay"},
    {FeatureMicrocodeUpgrade, "MicrocodeUpgrade"}, {FeatureTimeout, "Timeout"}, {FeatureDvdCSS, "DvdCSS"},
    {FeatureRealTimeStreaming, "RealTimeStreaming"}, {FeatureLogicalUnitSerialNumber, "LogicalUnitSerialNumber"},
    {FeatureMediaSerialNumber, "MediaSerialNumber"}, {FeatureDiscControlBlocks, "DiscControlBlocks"},
    {FeatureDvdCPRM, "DvdCPRM"}, {FeatureFirmwareDate, "FirmwareDate"}, {FeatureAACS, "AACS"},
    {FeatureVCPS, "VCPS"},
};

// The profiles of §3.8, named as MMC names them.
constexpr Name kProfiles[] = {
    {0x0001, "Non-removable disk"}, {0x0002, "Removable disk"}, {0x0003, "MO erasable"},
    {0x0004, "MO write once"}, {0x0005, "AS-MO"},
    {0x0008, "CD-ROM"}, {0x0009, "CD-R"}, {0x000A, "CD-RW"},
    {0x0010, "DVD-ROM"}, {0x0011, "DVD-R"}, {0x0012, "DVD-RAM"}, {0x0013, "DVD-RW restricted overwrite"},
    {0x0014, "DVD-RW sequential"}, {0x0015, "DVD-R DL"}, {0x0016, "DVD-R DL layer jump"},
    {0x001A, "DVD+RW"}, {0x001B, "DVD+R"},
    {0x0020, "DDCD-ROM"}, {0x0021, "DDCD-R"}, {0x0022, "DDCD-RW"},
    {0x002A, "DVD+RW DL"}, {0x002B, "DVD+R DL"},
    {0x0040, "BD-ROM"}, {0x0041, "BD-R sequential"}, {0x0042, "BD-R random"}, {0x0043, "BD-RE"},
    {0x0050, "HD DVD-ROM"}, {0x0051, "HD DVD-R"}, {0x0052, "HD DVD-RAM"}, {0x0053, "HD DVD-RW"},
    {0x0058, "HD DVD-R DL"}, {0x005A, "HD DVD-RW DL"},
    {0xFFFF, "non-standard"},
};
// clang-format on

std::string_view lookup(std::span<const Name> table, std::uint16_t number)
{
    for (const Name& entry : table)
        if (entry.number == number) return entry.name;
    return {};
}

}  // namespace

std::string_view featureName(std::uint16_t feature)
{
    return lookup(kFeatures, feature);
}

std::string_view profileName(std::uint16_t profile)
{
    return lookup(kProfiles, profile);
}

}  // namespace cdcts::ioctl
