#pragma once
// Input and output of IOCTL_CDROM_GET_CONFIGURATION (GET CONFIGURATION). Mirrors ntddmmc.h (FEATURE_NUMBER,
// GET_CONFIGURATION_*, FEATURE_HEADER) and ntddcdrm.h (the IOCTL input); sizes and offsets: ioctl-contracts.md
// §2.3 and §3.8. The reply is the drive's, so its multi-byte fields are big-endian byte arrays.
#include <type_traits>

#include "harness/ioctl/structures/common.hpp"

namespace cdcts::ioctl {

// ntddmmc.h GET CONFIGURATION request types (§2.2).
inline constexpr std::uint32_t SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL = 0x0;
inline constexpr std::uint32_t SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT = 0x1;
inline constexpr std::uint32_t SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE = 0x2;

// ntddmmc.h _FEATURE_NUMBER (§3.8 table). A 4-byte enum; the driver accepts any value up to 0xFFFF.
enum FEATURE_NUMBER : std::int32_t {
    FeatureProfileList = 0x0000,
    FeatureCore = 0x0001,
    FeatureMorphing = 0x0002,
    FeatureRemovableMedium = 0x0003,
    FeatureWriteProtect = 0x0004,
    FeatureRandomReadable = 0x0010,
    FeatureMultiRead = 0x001D,
    FeatureCdRead = 0x001E,
    FeatureDvdRead = 0x001F,
    FeatureRandomWritable = 0x0020,
    FeatureIncrementalStreamingWritable = 0x0021,
    FeatureSectorErasable = 0x0022,
    FeatureFormattable = 0x0023,
    FeatureDefectManagement = 0x0024,
    FeatureWriteOnce = 0x0025,
    FeatureRestrictedOverwrite = 0x0026,
    FeatureCdrwCAVWrite = 0x0027,
    FeatureMrw = 0x0028,
    FeatureEnhancedDefectReporting = 0x0029,
    FeatureDvdPlusRW = 0x002A,
    FeatureDvdPlusR = 0x002B,
    FeatureRigidRestrictedOverwrite = 0x002C,
    FeatureCdTrackAtOnce = 0x002D,
    FeatureCdMastering = 0x002E,
    FeatureDvdRecordableWrite = 0x002F,
    FeatureDDCDRead = 0x0030,
    FeatureDDCDRWrite = 0x0031,
    FeatureDDCDRWWrite = 0x0032,
    FeatureLayerJumpRecording = 0x0033,
    FeatureCDRWMediaWriteSupport = 0x0037,
    FeatureBDRPseudoOverwrite = 0x0038,
    FeatureDvdPlusRWDualLayer = 0x003A,
    FeatureDvdPlusRDualLayer = 0x003B,
    FeatureBDRead = 0x0040,
    FeatureBDWrite = 0x0041,
    FeatureTSR = 0x0042,
    FeatureHDDVDRead = 0x0050,
    FeatureHDDVDWrite = 0x0051,
    FeatureHybridDisc = 0x0080,
    FeaturePowerManagement = 0x0100,
    FeatureSMART = 0x0101,
    FeatureEmbeddedChanger = 0x0102,
    FeatureCDAudioAnalogPlay = 0x0103,
    FeatureMicrocodeUpgrade = 0x0104,
    FeatureTimeout = 0x0105,
    FeatureDvdCSS = 0x0106,
    FeatureRealTimeStreaming = 0x0107,
    FeatureLogicalUnitSerialNumber = 0x0108,
    FeatureMediaSerialNumber = 0x0109,
    FeatureDiscControlBlocks = 0x010A,
    FeatureDvdCPRM = 0x010B,
    FeatureFirmwareDate = 0x010C,
    FeatureAACS = 0x010D,
    FeatureVCPS = 0x0110,
};
static_assert(sizeof(FEATURE_NUMBER) == 4);

// ntddcdrm.h _GET_CONFIGURATION_IOCTL_INPUT, whose Reserved[2] are PVOIDs: the one structure whose size
// depends on bitness (x64 24, x86 16). Pointer is the pointer-sized integer of the target ABI, so both
// layouts can be instantiated and checked in any build.
template <typename Pointer>
struct GET_CONFIGURATION_IOCTL_INPUT_T {
    static_assert(std::is_same_v<Pointer, std::uint32_t> || std::is_same_v<Pointer, std::uint64_t>);
    FEATURE_NUMBER Feature;
    std::uint32_t RequestType;
    alignas(sizeof(Pointer)) Pointer Reserved[2];  // must be zero (NULL); alignas: MS ABI even on i386 SysV
};
using GET_CONFIGURATION_IOCTL_INPUT_X64 = GET_CONFIGURATION_IOCTL_INPUT_T<std::uint64_t>;
using GET_CONFIGURATION_IOCTL_INPUT_X86 = GET_CONFIGURATION_IOCTL_INPUT_T<std::uint32_t>;
// The host's own layout, which is what a caller of this bitness must send.
using GET_CONFIGURATION_IOCTL_INPUT =
    GET_CONFIGURATION_IOCTL_INPUT_T<std::conditional_t<sizeof(void*) == 8, std::uint64_t, std::uint32_t>>;
// ntddcdrm.h _GET_CONFIGURATION_IOCTL_INPUT32: the WOW64 form with VOID* POINTER_32 Reserved[2].
using GET_CONFIGURATION_IOCTL_INPUT32 = GET_CONFIGURATION_IOCTL_INPUT_T<std::uint32_t>;

static_assert(kIsWireStructure<GET_CONFIGURATION_IOCTL_INPUT_X64>);
static_assert(sizeof(GET_CONFIGURATION_IOCTL_INPUT_X64) == 24 && alignof(GET_CONFIGURATION_IOCTL_INPUT_X64) == 8);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X64, Feature) == 0);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X64, RequestType) == 4);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X64, Reserved) == 8);
static_assert(kIsWireStructure<GET_CONFIGURATION_IOCTL_INPUT_X86>);
static_assert(sizeof(GET_CONFIGURATION_IOCTL_INPUT_X86) == 16 && alignof(GET_CONFIGURATION_IOCTL_INPUT_X86) == 4);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X86, Feature) == 0);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X86, RequestType) == 4);
static_assert(offsetof(GET_CONFIGURATION_IOCTL_INPUT_X86, Reserved) == 8);
static_assert(sizeof(GET_CONFIGURATION_IOCTL_INPUT32) == 16);
static_assert(sizeof(GET_CONFIGURATION_IOCTL_INPUT) == 2 * sizeof(void*) + 8);

// ntddmmc.h _GET_CONFIGURATION_HEADER. DataLength counts the bytes after itself; features follow at 8.
struct GET_CONFIGURATION_HEADER {
    static constexpr std::size_t kDataOffset = 8;
    std::uint8_t DataLength[4];
    std::uint8_t Reserved[2];
    std::uint8_t CurrentProfile[2];
};
static_assert(kIsWireStructure<GET_CONFIGURATION_HEADER>);
static_assert(sizeof(GET_CONFIGURATION_HEADER) == 8);
static_assert(offsetof(GET_CONFIGURATION_HEADER, DataLength) == 0);
static_assert(offsetof(GET_CONFIGURATION_HEADER, Reserved) == 4);
static_assert(offsetof(GET_CONFIGURATION_HEADER, CurrentProfile) == 6);

// ntddmmc.h _FEATURE_HEADER: 4 bytes before each feature's AdditionalLength bytes of data.
struct FEATURE_HEADER {
    std::uint8_t FeatureCode[2];
    std::uint8_t Current : 1;     // byte 2 bit 0
    std::uint8_t Persistent : 1;  // byte 2 bit 1
    std::uint8_t Version : 4;     // byte 2 bits 2-5
    std::uint8_t Reserved0 : 2;   // byte 2 bits 6-7
    std::uint8_t AdditionalLength;
};
static_assert(kIsWireStructure<FEATURE_HEADER>);
static_assert(sizeof(FEATURE_HEADER) == 4);
static_assert(offsetof(FEATURE_HEADER, FeatureCode) == 0);
static_assert(offsetof(FEATURE_HEADER, AdditionalLength) == 3);

// ntddmmc.h _FEATURE_DATA_PROFILE_LIST_EX: one entry of feature 0000h's data.
struct FEATURE_DATA_PROFILE_LIST_EX {
    std::uint8_t ProfileNumber[2];
    std::uint8_t Current : 1;    // byte 2 bit 0
    std::uint8_t Reserved1 : 7;  // byte 2 bits 1-7
    std::uint8_t Reserved2;
};
static_assert(kIsWireStructure<FEATURE_DATA_PROFILE_LIST_EX>);
static_assert(sizeof(FEATURE_DATA_PROFILE_LIST_EX) == 4);
static_assert(offsetof(FEATURE_DATA_PROFILE_LIST_EX, ProfileNumber) == 0);
static_assert(offsetof(FEATURE_DATA_PROFILE_LIST_EX, Reserved2) == 3);

}  // namespace cdcts::ioctl
