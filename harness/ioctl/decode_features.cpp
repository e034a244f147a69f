// The data of GET CONFIGURATION feature descriptors, field by field (ioctl-contracts.md §3.8: the driver passes
// the drive's bytes through unchanged, so these are MMC-6 §5.3 layouts; field names follow ntddmmc.h's
// FEATURE_DATA_* members where it has them, MMC's names otherwise). One row per feature code; a feature
// without a row keeps its data as a hex dump with a note, so a new or vendor feature is never hidden.
#include <iterator>

#include "harness/core/hex.hpp"
#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/feature_names.hpp"
#include "harness/ioctl/structures/configuration.hpp"

namespace cdcts::ioctl::detail {
namespace {

enum class Kind : std::uint8_t {
    Bit,   // one bit: offset, shift
    Bits,  // width bits from shift up
    Be16,
    Be24,
    Be32,
    Text,  // width bytes of ASCII
};

// One field; offset counts from the first byte of the feature descriptor (bytes 0-3 are FEATURE_HEADER),
// as MMC's tables number them.
struct Field {
    std::string_view name;
    Kind kind;
    std::uint8_t offset;
    std::uint8_t shift = 0;
    std::uint8_t width = 1;
    std::string (*describe)(std::uint32_t) = nullptr;  // display text; the number in decimal when absent
};

// Lists after the fixed fields.
enum class Tail : std::uint8_t {
    None,
    ProfileList,   // 0000h: 4-byte profile descriptors from byte 4
    LinkSizes,     // 0021h, 0033h: byte 7 Number of Link Sizes, one byte each from byte 8
    DcbEntries,    // 010Ah: 4-byte Supported DCB entries from byte 4
    SerialNumber,  // 0108h: ASCII from byte 4 to the end of the descriptor
};

struct FeatureLayout {
    std::uint16_t code;
    std::span<const Field> fields;
    // The Additional Length of the version MMC-6 describes; bytes past it (a later version) are shown as hex.
    std::uint8_t additionalLength;
    Tail tail = Tail::None;
};

std::size_t fieldSize(const Field& f)
{
    switch (f.kind) {
    case Kind::Bit:
    case Kind::Bits: return 1;
    case Kind::Be16: return 2;
    case Kind::Be24: return 3;
    case Kind::Be32: return 4;
    case Kind::Text: return f.width;
    }
    return 1;
}

std::string physicalInterfaceText(std::uint32_t v)
{
    switch (v) {
    case 0x0000: return "0 (unspecified)";
    case 0x0001: return "1 (SCSI family)";
    case 0x0002: return "2 (ATAPI)";
    case 0x0003: return "3 (IEEE 1394-1995)";
    case 0x0004: return "4 (IEEE 1394A)";
    case 0x0005: return "5 (Fibre Channel)";
    case 0x0006: return "6 (IEEE 1394B)";
    case 0x0007: return "7 (Serial ATAPI)";
    case 0x0008: return "8 (USB)";
    case 0xFFFF: return "65535 (vendor unique)";
    default: return std::to_string(v) + " (reserved)";
    }
}

std::string loadingMechanismText(std::uint32_t v)
{
    switch (v) {
    case 0: return "0 (caddy/slot)";
    case 1: return "1 (tray)";
    case 2: return "2 (pop-up)";
    case 4: return "4 (embedded changer, individually changeable discs)";
    case 5: return "5 (embedded changer, magazine)";
    default: return std::to_string(v) + " (reserved)";
    }
}

std::string hex16Text(std::uint32_t v)
{
    return hex(v, 4);
}

std::string hex8Text(std::uint32_t v)
{
    return hex(v, 2);
}

// clang-format off
constexpr Field kCore[] = {
    {"PhysicalInterface", Kind::Be32, 4, 0, 1, physicalInterfaceText},
    {"DeviceBusyEvent", Kind::Bit, 8, 0}, {"INQUIRY2", Kind::Bit, 8, 1}};
constexpr Field kMorphing[] = {{"Asynchronous", Kind::Bit, 4, 0}, {"OCEvent", Kind::Bit, 4, 1}};
constexpr Field kRemovableMedium[] = {
    {"Lockable", Kind::Bit, 4, 0}, {"DBML", Kind::Bit, 4, 1}, {"DefaultToPrevent", Kind::Bit, 4, 2},
    {"Eject", Kind::Bit, 4, 3}, {"Load", Kind::Bit, 4, 4},
    {"LoadingMechanism", Kind::Bits, 4, 5, 3, loadingMechanismText}};
constexpr Field kWriteProtect[] = {
    {"SupportsSWPPBit", Kind::Bit, 4, 0}, {"SupportsPersistentWriteProtect", Kind::Bit, 4, 1},
    {"WriteInhibitDCB", Kind::Bit, 4, 2}, {"DiscWriteProtectPAC", Kind::Bit, 4, 3}};
constexpr Field kRandomReadable[] = {
    {"LogicalBlockSize", Kind::Be32, 4}, {"Blocking", Kind::Be16, 8}, {"ErrorRecoveryPagePresent", Kind::Bit, 10, 0}};
constexpr Field kCdRead[] = {
    {"CDText", Kind::Bit, 4, 0}, {"C2ErrorData", Kind::Bit, 4, 1}, {"DigitalAudioPlay", Kind::Bit, 4, 7}};
constexpr Field kDvdRead[] = {
    {"Multi110", Kind::Bit, 4, 0}, {"DualDashR", Kind::Bit, 6, 0}, {"DualDashRW", Kind::Bit, 6, 1}};
constexpr Field kRandomWritable[] = {
    {"LastLBA", Kind::Be32, 4}, {"LogicalBlockSize", Kind::Be32, 8}, {"Blocking", Kind::Be16, 12},
    {"ErrorRecoveryPagePresent", Kind::Bit, 14, 0}};
constexpr Field kIncrementalStreaming[] = {
    {"DataTypeSupported", Kind::Be16, 4, 0, 1, hex16Text}, {"BufferUnderrunFree", Kind::Bit, 6, 0},
    {"AddressModeReservation", Kind::Bit, 6, 1}, {"TrackRessourceInformation", Kind::Bit, 6, 2},
    {"NumberOfLinkSizes", Kind::Bits, 7, 0, 8}};
constexpr Field kFormattable[] = {
    {"FullCertification", Kind::Bit, 4, 0}, {"QuickCertification", Kind::Bit, 4, 1},
    {"SpareAreaExpansion", Kind::Bit, 4, 2}, {"RENoSpareAllocated", Kind::Bit, 4, 3},
    {"RRandomWritable", Kind::Bit, 8, 0}};
constexpr Field kDefectManagement[] = {{"SupplimentalSpareArea", Kind::Bit, 4, 7}};
constexpr Field kWriteOnce[] = {
    {"LogicalBlockSize", Kind::Be32, 4}, {"Blocking", Kind::Be16, 8}, {"ErrorRecoveryPagePresent", Kind::Bit, 10, 0}};
constexpr Field kMrw[] = {{"Write", Kind::Bit, 4, 0}, {"DvdPlusRead", Kind::Bit, 4, 1}, {"DvdPlusWrite", Kind::Bit, 4, 2}};
constexpr Field kEnhancedDefectReporting[] = {
    {"DRTDMSupported", Kind::Bit, 4, 0}, {"NumberOfDBICacheZones", Kind::Bits, 5, 0, 8},
    {"NumberOfEntries", Kind::Be16, 6}};
constexpr Field kDvdPlusRw[] = {{"Write", Kind::Bit, 4, 0}, {"CloseOnly", Kind::Bit, 5, 0}, {"QuickStart", Kind::Bit, 5, 1}};
constexpr Field kDvdPlusR[] = {{"Write", Kind::Bit, 4, 0}};
constexpr Field kRigidRestrictedOverwrite[] = {
    {"Blank", Kind::Bit, 4, 0}, {"Intermediate", Kind::Bit, 4, 1}, {"DefectStatusDataRead", Kind::Bit, 4, 2},
    {"DefectStatusDataGenerate", Kind::Bit, 4, 3}};
constexpr Field kCdTrackAtOnce[] = {
    {"RWSubchannelsRecordable", Kind::Bit, 4, 0}, {"CdRewritable", Kind::Bit, 4, 1}, {"TestWriteOk", Kind::Bit, 4, 2},
    {"RWSubchannelPackedOk", Kind::Bit, 4, 3}, {"RWSubchannelRawOk", Kind::Bit, 4, 4},
    {"BufferUnderrunFree", Kind::Bit, 4, 6}, {"DataTypeSupported", Kind::Be16, 6, 0, 1, hex16Text}};
constexpr Field kCdMastering[] = {
    {"RWSubchannelsRecordable", Kind::Bit, 4, 0}, {"CdRewritable", Kind::Bit, 4, 1}, {"TestWriteOk", Kind::Bit, 4, 2},
    {"RawRecordingOk", Kind::Bit, 4, 3}, {"RawMultiSessionOk", Kind::Bit, 4, 4}, {"SessionAtOnceOk", Kind::Bit, 4, 5},
    {"BufferUnderrunFree", Kind::Bit, 4, 6}, {"MaximumCueSheetLength", Kind::Be24, 5}};
constexpr Field kDvdRecordableWrite[] = {
    {"DVD_RW", Kind::Bit, 4, 1}, {"TestWrite", Kind::Bit, 4, 2}, {"RDL", Kind::Bit, 4, 3},
    {"BufferUnderrunFree", Kind::Bit, 4, 6}};
constexpr Field kDdcdRWrite[] = {{"TestWrite", Kind::Bit, 4, 2}};
constexpr Field kDdcdRwWrite[] = {{"Blank", Kind::Bit, 4, 0}, {"Intermediate", Kind::Bit, 4, 1}};
constexpr Field kLayerJumpRecording[] = {{"NumberOfLinkSizes", Kind::Bits, 7, 0, 8}};
constexpr Field kCdrwMediaWriteSupport[] = {{"CDRWMediaSubtypeSupport", Kind::Bits, 5, 0, 8, hex8Text}};
// BD class bitmaps: bytes 8-15 BD-RE classes 0-3, 16-23 BD-R classes 0-3, 24-31 BD-ROM classes 0-3.
constexpr Field kBdRead[] = {
    {"Class0BitmapBDREReadSupport", Kind::Be16, 8, 0, 1, hex16Text}, {"Class1BitmapBDREReadSupport", Kind::Be16, 10, 0, 1, hex16Text},
    {"Class2BitmapBDREReadSupport", Kind::Be16, 12, 0, 1, hex16Text}, {"Class3BitmapBDREReadSupport", Kind::Be16, 14, 0, 1, hex16Text},
    {"Class0BitmapBDRReadSupport", Kind::Be16, 16, 0, 1, hex16Text}, {"Class1BitmapBDRReadSupport", Kind::Be16, 18, 0, 1, hex16Text},
    {"Class2BitmapBDRReadSupport", Kind::Be16, 20, 0, 1, hex16Text}, {"Class3BitmapBDRReadSupport", Kind::Be16, 22, 0, 1, hex16Text},
    {"Class0BitmapBDROMReadSupport", Kind::Be16, 24, 0, 1, hex16Text}, {"Class1BitmapBDROMReadSupport", Kind::Be16, 26, 0, 1, hex16Text},
    {"Class2BitmapBDROMReadSupport", Kind::Be16, 28, 0, 1, hex16Text}, {"Class3BitmapBDROMReadSupport", Kind::Be16, 30, 0, 1, hex16Text}};
constexpr Field kBdWrite[] = {
    {"SupportsVerifyNotRequired", Kind::Bit, 4, 0},
    {"Class0BitmapBDREWriteSupport", Kind::Be16, 8, 0, 1, hex16Text}, {"Class1BitmapBDREWriteSupport", Kind::Be16, 10, 0, 1, hex16Text},
    {"Class2BitmapBDREWriteSupport", Kind::Be16, 12, 0, 1, hex16Text}, {"Class3BitmapBDREWriteSupport", Kind::Be16, 14, 0, 1, hex16Text},
    {"Class0BitmapBDRWriteSupport", Kind::Be16, 16, 0, 1, hex16Text}, {"Class1BitmapBDRWriteSupport", Kind::Be16, 18, 0, 1, hex16Text},
    {"Class2BitmapBDRWriteSupport", Kind::Be16, 20, 0, 1, hex16Text}, {"Class3BitmapBDRWriteSupport", Kind::Be16, 22, 0, 1, hex16Text}};
constexpr Field kHdDvd[] = {{"Recordable", Kind::Bit, 4, 0}, {"Rewritable", Kind::Bit, 6, 0}};
constexpr Field kHybridDisc[] = {{"ResetImmunity", Kind::Bit, 4, 0}};
constexpr Field kSmart[] = {{"FaultFailureReportingPagePresent", Kind::Bit, 4, 0}};
constexpr Field kEmbeddedChanger[] = {
    {"SupportsDiscPresent", Kind::Bit, 4, 2}, {"SideChangeCapable", Kind::Bit, 4, 4},
    {"HighestSlotNumber", Kind::Bits, 7, 0, 5}};
constexpr Field kCdAudioAnalogPlay[] = {
    {"SeperateVolume", Kind::Bit, 4, 0}, {"SeperateChannelMute", Kind::Bit, 4, 1}, {"ScanSupported", Kind::Bit, 4, 2},
    {"NumberOfVolumeLevels", Kind::Be16, 6}};
constexpr Field kMicrocodeUpgrade[] = {{"M5", Kind::Bit, 4, 0}};
constexpr Field kTimeout[] = {{"Group3", Kind::Bit, 4, 0}, {"UnitLength", Kind::Be16, 6}};
constexpr Field kDvdCss[] = {{"CssVersion", Kind::Bits, 7, 0, 8}};
constexpr Field kRealTimeStreaming[] = {
    {"StreamRecording", Kind::Bit, 4, 0}, {"WriteSpeedInGetPerf", Kind::Bit, 4, 1},
    {"WriteSpeedInMP2A", Kind::Bit, 4, 2}, {"SetCDSpeed", Kind::Bit, 4, 3}, {"ReadBufferCapacityBlock", Kind::Bit, 4, 4}};
constexpr Field kDvdCprm[] = {{"CPRMVersion", Kind::Bits, 7, 0, 8}};
constexpr Field kFirmwareDate[] = {
    {"Century", Kind::Text, 4, 0, 2}, {"Year", Kind::Text, 6, 0, 2}, {"Month", Kind::Text, 8, 0, 2},
    {"Day", Kind::Text, 10, 0, 2}, {"Hour", Kind::Text, 12, 0, 2}, {"Minute", Kind::Text, 14, 0, 2},
    {"Seconds", Kind::Text, 16, 0, 2}};
constexpr Field kAacs[] = {
    {"BindingNonceGeneration", Kind::Bit, 4, 0}, {"BindingNonceBlockCount", Kind::Bits, 5, 0, 8},
    {"NumberOfAGIDs", Kind::Bits, 6, 0, 4}, {"AACSVersion", Kind::Bits, 7, 0, 8}};

constexpr FeatureLayout kLayouts[] = {
    {FeatureProfileList, {}, 0, Tail::ProfileList},
    {FeatureCore, kCore, 8},
    {FeatureMorphing, kMorphing, 4},
    {FeatureRemovableMedium, kRemovableMedium, 4},
    {FeatureWriteProtect, kWriteProtect, 4},
    {FeatureRandomReadable, kRandomReadable, 8},
    {FeatureMultiRead, {}, 0},
    {FeatureCdRead, kCdRead, 4},
    {FeatureDvdRead, kDvdRead, 4},
    {FeatureRandomWritable, kRandomWritable, 12},
    {FeatureIncrementalStreamingWritable, kIncrementalStreaming, 4, Tail::LinkSizes},
    {FeatureSectorErasable, {}, 0},
    {FeatureFormattable, kFormattable, 8},
    {FeatureDefectManagement, kDefectManagement, 4},
    {FeatureWriteOnce, kWriteOnce, 8},
    {FeatureRestrictedOverwrite, {}, 0},
    {FeatureCdrwCAVWrite, {}, 4},
    {FeatureMrw, kMrw, 4},
    {FeatureEnhancedDefectReporting, kEnhancedDefectReporting, 4},
    {FeatureDvdPlusRW, kDvdPlusRw, 4},
    {FeatureDvdPlusR, kDvdPlusR, 4},
    {FeatureRigidRestrictedOverwrite, kRigidRestrictedOverwrite, 4},
    {FeatureCdTrackAtOnce, kCdTrackAtOnce, 4},
    {FeatureCdMastering, kCdMastering, 4},
    {FeatureDvdRecordableWrite, kDvdRecordableWrite, 4},
    {FeatureDDCDRead, {}, 0},
    {FeatureDDCDRWrite, kDdcdRWrite, 4},
    {FeatureDDCDRWWrite, kDdcdRwWrite, 4},
    {FeatureLayerJumpRecording, kLayerJumpRecording, 4, Tail::LinkSizes},
    {FeatureCDRWMediaWriteSupport, kCdrwMediaWriteSupport, 4},
    {FeatureBDRPseudoOverwrite, {}, 4},
    {FeatureDvdPlusRWDualLayer, kDvdPlusRw, 4},
    {FeatureDvdPlusRDualLayer, kDvdPlusR, 4},
    {FeatureBDRead, kBdRead, 28},
    {FeatureBDWrite, kBdWrite, 20},
    {FeatureTSR, {}, 0},
    {FeatureHDDVDRead, kHdDvd, 4},
    {FeatureHDDVDWrite, kHdDvd, 4},
    {FeatureHybridDisc, kHybridDisc, 4},
    {FeaturePowerManagement, {}, 0},
    {FeatureSMART, kSmart, 4},
    {FeatureEmbeddedChanger, kEmbeddedChanger, 4},
    {FeatureCDAudioAnalogPlay, kCdAudioAnalogPlay, 4},
    {FeatureMicrocodeUpgrade, kMicrocodeUpgrade, 4},
    {FeatureTimeout, kTimeout, 4},
    {FeatureDvdCSS, kDvdCss, 4},
    {FeatureRealTimeStreaming, kRealTimeStreaming, 4},
    {FeatureLogicalUnitSerialNumber, {}, 0, Tail::SerialNumber},
    {FeatureMediaSerialNumber, {}, 0},
    {FeatureDiscControlBlocks, {}, 0, Tail::DcbEntries},
    {FeatureDvdCPRM, kDvdCprm, 4},
    {FeatureFirmwareDate, kFirmwareDate, 16},
    {FeatureAACS, kAacs, 4},
    {FeatureVCPS, {}, 4},
};
// clang-format on

const FeatureLayout* findLayout(std::uint16_t code)
{
    for (const FeatureLayout& layout : kLayouts)
        if (layout.code == code) return &layout;
    return nullptr;
}

void decodeField(Decoded& node, const Field& f, Bytes feature)
{
    const std::uint8_t* p = feature.data() + f.offset;
    std::uint32_t value = 0;
    switch (f.kind) {
    case Kind::Bit: value = (p[0] >> f.shift) & 0x1u; break;
    case Kind::Bits: value = (p[0] >> f.shift) & ((1u << f.width) - 1u); break;
    case Kind::Be16: value = loadBe16(p); break;
    case Kind::Be24: value = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]; break;
    case Kind::Be32: value = loadBe32(p); break;
    case Kind::Text: node.add(std::string(f.name), deviceString(feature.subspan(f.offset, f.width))); return;
    }
    node.add(std::string(f.name), std::int64_t{value}, f.describe != nullptr ? f.describe(value) : std::string());
}

void decodeProfileList(Decoded& node, Bytes data)
{
    for (std::size_t i = 0; i + sizeof(FEATURE_DATA_PROFILE_LIST_EX) <= data.size(); i += 4) {
        const std::uint16_t profile = loadBe16(data.data() + i);
        const std::string_view name = profileName(profile);
        std::string text = name.empty() ? hex(profile, 4) : hex(profile, 4) + " " + std::string(name);
        if (data[i + 2] & 0x1) text += " (current)";
        node.add("Profile[" + std::to_string(i / 4) + "]", std::int64_t{profile}, std::move(text));
    }
    if (data.size() % 4 != 0) node.addNote("profile list length is not a multiple of 4");
}

// Byte 7 counts the one-byte link sizes that follow from byte 8 (MMC pads the list to a multiple of 4).
void decodeLinkSizes(Decoded& node, Bytes feature)
{
    if (feature.size() < 8) return;
    const std::size_t count = feature[7];
    const std::size_t present = std::min(count, feature.size() - 8);
    for (std::size_t i = 0; i < present; ++i)
        node.add("LinkSize[" + std::to_string(i) + "]", std::int64_t{feature[8 + i]});
    if (present < count)
        node.addNote("NumberOfLinkSizes " + std::to_string(count) + ", only " + std::to_string(present) + " present");
}

void decodeTail(Decoded& node, Tail tail, Bytes feature)
{
    const Bytes data = feature.subspan(sizeof(FEATURE_HEADER));
    switch (tail) {
    case Tail::None: break;
    case Tail::ProfileList: decodeProfileList(node, data); break;
    case Tail::LinkSizes: decodeLinkSizes(node, feature); break;
    case Tail::DcbEntries:
        for (std::size_t i = 0; i + 4 <= data.size(); i += 4)
            node.add("SupportedDCBEntry[" + std::to_string(i / 4) + "]", std::int64_t{loadBe32(data.data() + i)},
                     hex(loadBe32(data.data() + i), 8));
        if (data.size() % 4 != 0) node.addNote("DCB entry list length is not a multiple of 4");
        break;
    case Tail::SerialNumber: node.add("SerialNumber", deviceString(data)); break;
    }
}

}  // namespace

bool hasFeatureLayout(std::uint16_t code)
{
    return findLayout(code) != nullptr;
}

void decodeFeatureData(Decoded& node, std::uint16_t code, Bytes feature)
{
    const Bytes data = feature.subspan(sizeof(FEATURE_HEADER));
    const FeatureLayout* layout = findLayout(code);
    if (layout == nullptr) {
        if (!data.empty()) {
            node.add("Data", formatHex(data));
            node.addNote("the data layout of feature " + hex(code, 4) + " is not known to cdcts; shown as hex");
        }
        return;
    }
    std::string missing;
    for (const Field& f : layout->fields) {
        if (f.offset + fieldSize(f) <= feature.size()) {
            decodeField(node, f, feature);
        } else {
            missing += missing.empty() ? "" : ", ";
            missing += f.name;
        }
    }
    decodeTail(node, layout->tail, feature);
    if (!missing.empty())
        node.addNote("not in the descriptor (an older Version, or cut short): " + missing);
    // Bytes past the MMC-6 length of a fixed layout belong to a later version of the feature.
    const std::size_t known = sizeof(FEATURE_HEADER) + layout->additionalLength;
    if (layout->tail == Tail::None && feature.size() > known) {
        node.add("Data", formatHex(feature.subspan(known)));
        node.addNote(std::to_string(feature.size() - known) + " bytes past the MMC-6 layout shown as hex");
    }
}

}  // namespace cdcts::ioctl::detail
