// Structure mirrors: bit-field positions checked by setting each field and looking at the bytes (offsetof
// cannot see bit-fields), little-endian placement of the Windows-side fields, and the §2.3 sizes as a list.
// Every size and byte offset is also a static_assert in the headers.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <string>
#include <type_traits>

#include "harness/ioctl/structures.hpp"

namespace cdcts::ioctl {
namespace {

template <typename T>
std::array<std::uint8_t, sizeof(T)> bytesOf(const T& value)
{
    std::array<std::uint8_t, sizeof(T)> bytes{};
    std::memcpy(bytes.data(), &value, sizeof(T));
    return bytes;
}

// Sets one field of an all-zero T and expects exactly `mask` in byte `at`, and zero everywhere else.
template <typename T, typename Set>
void expectBitField(Set set, std::size_t at, std::uint8_t mask, const char* what)
{
    T value;
    std::memset(&value, 0, sizeof value);
    set(value);
    const auto bytes = bytesOf(value);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        EXPECT_EQ(bytes[i], i == at ? mask : 0) << what << ": byte " << i;
}

#define EXPECT_BIT_FIELD(Type, field, allOnes, at, mask) \
    expectBitField<Type>([](Type& v) { v.field = allOnes; }, at, mask, #Type "." #field)

TEST(Structures, S2_3_ReadTocExBitFields)
{
    EXPECT_BIT_FIELD(CDROM_READ_TOC_EX, Format, 0xF, 0, 0x0F);
    EXPECT_BIT_FIELD(CDROM_READ_TOC_EX, Reserved1, 0x7, 0, 0x70);
    EXPECT_BIT_FIELD(CDROM_READ_TOC_EX, Msf, 1, 0, 0x80);
    EXPECT_BIT_FIELD(CDROM_READ_TOC_EX, SessionTrack, 0xFF, 1, 0xFF);
}

TEST(Structures, S2_3_TrackDataAndFullTocBitFields)
{
    EXPECT_BIT_FIELD(TRACK_DATA, Control, 0xF, 1, 0x0F);
    EXPECT_BIT_FIELD(TRACK_DATA, Adr, 0xF, 1, 0xF0);
    EXPECT_BIT_FIELD(TRACK_DATA, TrackNumber, 0xAA, 2, 0xAA);
    EXPECT_BIT_FIELD(CDROM_TOC_FULL_TOC_DATA_BLOCK, Control, 0xF, 1, 0x0F);
    EXPECT_BIT_FIELD(CDROM_TOC_FULL_TOC_DATA_BLOCK, Adr, 0xF, 1, 0xF0);
    EXPECT_BIT_FIELD(CDROM_TOC_FULL_TOC_DATA_BLOCK, Point, 0xA0, 3, 0xA0);
}

TEST(Structures, S2_3_AtipBlockBitFields)
{
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, CdrwReferenceSpeed, 0x7, 0, 0x07);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, Reserved3, 1, 0, 0x08);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, WritePower, 0x7, 0, 0x70);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, True1, 1, 0, 0x80);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, Reserved4, 0x3F, 1, 0x3F);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, UnrestrictedUse, 1, 1, 0x40);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, Reserved5, 1, 1, 0x80);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, A3Valid, 1, 2, 0x01);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, A2Valid, 1, 2, 0x02);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, A1Valid, 1, 2, 0x04);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, DiscSubType, 0x7, 2, 0x38);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, IsCdrw, 1, 2, 0x40);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, True2, 1, 2, 0x80);
    EXPECT_BIT_FIELD(CDROM_TOC_ATIP_DATA_BLOCK, Reserved7, 0xFF, 3, 0xFF);
}

TEST(Structures, S2_3_CdTextBlockBitFields)
{
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, PackType, 0x8F, 0, 0x8F);
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, TrackNumber, 0x7F, 1, 0x7F);
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, ExtensionFlag, 1, 1, 0x80);
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, CharacterPosition, 0xF, 3, 0x0F);
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, BlockNumber, 0x7, 3, 0x70);
    EXPECT_BIT_FIELD(CDROM_TOC_CD_TEXT_DATA_BLOCK, Unicode, 1, 3, 0x80);
}

TEST(Structures, S2_3_SubChannelBitFields)
{
    EXPECT_BIT_FIELD(SUB_Q_CURRENT_POSITION, Control, 0xF, 5, 0x0F);
    EXPECT_BIT_FIELD(SUB_Q_CURRENT_POSITION, ADR, 0xF, 5, 0xF0);
    EXPECT_BIT_FIELD(SUB_Q_MEDIA_CATALOG_NUMBER, Reserved1, 0x7F, 8, 0x7F);
    EXPECT_BIT_FIELD(SUB_Q_MEDIA_CATALOG_NUMBER, Mcval, 1, 8, 0x80);
    EXPECT_BIT_FIELD(SUB_Q_TRACK_ISRC, Reserved2, 0x7F, 8, 0x7F);
    EXPECT_BIT_FIELD(SUB_Q_TRACK_ISRC, Tcval, 1, 8, 0x80);
    EXPECT_BIT_FIELD(SUB_Q_TRACK_ISRC, Track, 0x63, 6, 0x63);
}

TEST(Structures, S2_3_PerformanceBitFields)
{
    EXPECT_BIT_FIELD(CDROM_PERFORMANCE_HEADER, Except, 1, 4, 0x01);
    EXPECT_BIT_FIELD(CDROM_PERFORMANCE_HEADER, Write, 1, 4, 0x02);
    EXPECT_BIT_FIELD(CDROM_PERFORMANCE_HEADER, Reserved1, 0x3F, 4, 0xFC);
    EXPECT_BIT_FIELD(CDROM_WRITE_SPEED_DESCRIPTOR, MixedReadWrite, 1, 0, 0x01);
    EXPECT_BIT_FIELD(CDROM_WRITE_SPEED_DESCRIPTOR, Exact, 1, 0, 0x02);
    EXPECT_BIT_FIELD(CDROM_WRITE_SPEED_DESCRIPTOR, Reserved1, 1, 0, 0x04);
    EXPECT_BIT_FIELD(CDROM_WRITE_SPEED_DESCRIPTOR, WriteRotationControl, 0x3, 0, 0x18);
    EXPECT_BIT_FIELD(CDROM_WRITE_SPEED_DESCRIPTOR, Reserved2, 0x7, 0, 0xE0);
    EXPECT_BIT_FIELD(PERFORMANCE_DESCRIPTOR, RandomAccess, 1, 0, 0x01);
    EXPECT_BIT_FIELD(PERFORMANCE_DESCRIPTOR, Exact, 1, 0, 0x02);
    EXPECT_BIT_FIELD(PERFORMANCE_DESCRIPTOR, RestoreDefaults, 1, 0, 0x04);
    EXPECT_BIT_FIELD(PERFORMANCE_DESCRIPTOR, WriteRotationControl, 0x3, 0, 0x18);
    EXPECT_BIT_FIELD(PERFORMANCE_DESCRIPTOR, Reserved1, 0x7, 0, 0xE0);
}

TEST(Structures, S2_3_ConfigurationBitFields)
{
    EXPECT_BIT_FIELD(FEATURE_HEADER, Current, 1, 2, 0x01);
    EXPECT_BIT_FIELD(FEATURE_HEADER, Persistent, 1, 2, 0x02);
    EXPECT_BIT_FIELD(FEATURE_HEADER, Version, 0xF, 2, 0x3C);
    EXPECT_BIT_FIELD(FEATURE_HEADER, Reserved0, 0x3, 2, 0xC0);
    EXPECT_BIT_FIELD(FEATURE_HEADER, AdditionalLength, 0xFC, 3, 0xFC);
    EXPECT_BIT_FIELD(FEATURE_DATA_PROFILE_LIST_EX, Current, 1, 2, 0x01);
    EXPECT_BIT_FIELD(FEATURE_DATA_PROFILE_LIST_EX, Reserved1, 0x7F, 2, 0xFE);
}

TEST(Structures, S2_3_InquiryBitFields)
{
    EXPECT_BIT_FIELD(INQUIRYDATA, DeviceType, 0x1F, 0, 0x1F);
    EXPECT_BIT_FIELD(INQUIRYDATA, DeviceTypeQualifier, 0x7, 0, 0xE0);
    EXPECT_BIT_FIELD(INQUIRYDATA, DeviceTypeModifier, 0x7F, 1, 0x7F);
    EXPECT_BIT_FIELD(INQUIRYDATA, RemovableMedia, 1, 1, 0x80);
    EXPECT_BIT_FIELD(INQUIRYDATA, ResponseDataFormat, 0xF, 3, 0x0F);
    EXPECT_BIT_FIELD(INQUIRYDATA, HiSupport, 1, 3, 0x10);
    EXPECT_BIT_FIELD(INQUIRYDATA, NormACA, 1, 3, 0x20);
    EXPECT_BIT_FIELD(INQUIRYDATA, TerminateTask, 1, 3, 0x40);
    EXPECT_BIT_FIELD(INQUIRYDATA, AERC, 1, 3, 0x80);
    EXPECT_BIT_FIELD(INQUIRYDATA, Addr16, 1, 6, 0x01);
    EXPECT_BIT_FIELD(INQUIRYDATA, EnclosureServices, 1, 6, 0x40);
    EXPECT_BIT_FIELD(INQUIRYDATA, ReservedBit3, 1, 6, 0x80);
    EXPECT_BIT_FIELD(INQUIRYDATA, SoftReset, 1, 7, 0x01);
    EXPECT_BIT_FIELD(INQUIRYDATA, CommandQueue, 1, 7, 0x02);
    EXPECT_BIT_FIELD(INQUIRYDATA, RelativeAddressing, 1, 7, 0x80);
}

// Windows-side fields are little-endian in memory at the offsets §2.3 gives.
TEST(Structures, S2_3_RawReadInfoIsLittleEndianAtItsOffsets)
{
    RAW_READ_INFO info;
    std::memset(&info, 0, sizeof info);
    info.DiskOffset.QuadPart = 0x0102030405060708;
    info.SectorCount = 0x11223344;
    info.TrackMode = RawWithC2AndSubCode;
    const std::array<std::uint8_t, 16> expected{0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
                                                0x44, 0x33, 0x22, 0x11, 0x03, 0x00, 0x00, 0x00};
    EXPECT_EQ(bytesOf(info), expected);
}

TEST(Structures, S2_3_SetSpeedAndStreamingPlacement)
{
    CDROM_SET_SPEED speed;
    std::memset(&speed, 0, sizeof speed);
    speed.RequestType = CdromSetSpeed;
    speed.ReadSpeed = 0xFFFF;
    speed.WriteSpeed = 0x0102;
    speed.RotationControl = CdromCAVRotation;
    const std::array<std::uint8_t, 12> expectedSpeed{0, 0, 0, 0, 0xFF, 0xFF, 0x02, 0x01, 1, 0, 0, 0};
    EXPECT_EQ(bytesOf(speed), expectedSpeed);

    CDROM_SET_STREAMING streaming;
    std::memset(&streaming, 0, sizeof streaming);
    streaming.RequestType = CdromSetStreaming;
    streaming.EndLba = 0x0A0B0C0D;
    streaming.RestoreDefaults = 1;
    streaming.Persistent = 1;
    const auto bytes = bytesOf(streaming);
    EXPECT_EQ(bytes[0], 1);
    EXPECT_EQ(bytes[24], 0x0D);
    EXPECT_EQ(bytes[27], 0x0A);
    EXPECT_EQ(bytes[32], 1);
    EXPECT_EQ(bytes[33], 0);
    EXPECT_EQ(bytes[35], 1);
}

TEST(Structures, S2_3_DiskGeometryExPlacement)
{
    DISK_GEOMETRY_EX geometry;
    std::memset(&geometry, 0, sizeof geometry);
    geometry.Geometry.Cylinders.QuadPart = 0x0102;
    geometry.Geometry.MediaType = RemovableMedia;
    geometry.Geometry.BytesPerSector = 2048;
    geometry.DiskSize.QuadPart = 0x28A60000;
    const auto bytes = bytesOf(geometry);
    EXPECT_EQ(bytes[0], 0x02);
    EXPECT_EQ(bytes[1], 0x01);
    EXPECT_EQ(bytes[8], 11);
    EXPECT_EQ(bytes[20], 0x00);
    EXPECT_EQ(bytes[21], 0x08);
    EXPECT_EQ(bytes[26], 0xA6);
    EXPECT_EQ(bytes[27], 0x28);
}

// Both bitness layouts of the one structure that differs, from one 64-bit (or 32-bit) build.
TEST(Structures, S2_3_GetConfigurationInputBothBitnesses)
{
    EXPECT_EQ(sizeof(GET_CONFIGURATION_IOCTL_INPUT_X64), 24u);
    EXPECT_EQ(sizeof(GET_CONFIGURATION_IOCTL_INPUT_X86), 16u);
    EXPECT_EQ(sizeof(GET_CONFIGURATION_IOCTL_INPUT32), 16u);
    EXPECT_EQ(sizeof(GET_CONFIGURATION_IOCTL_INPUT), sizeof(void*) == 8 ? 24u : 16u);

    GET_CONFIGURATION_IOCTL_INPUT_X64 input;
    std::memset(&input, 0, sizeof input);
    input.Feature = FeatureCdRead;
    input.RequestType = SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE;
    input.Reserved[1] = 0xFFFFFFFFFFFFFFFFu;
    const auto bytes = bytesOf(input);
    EXPECT_EQ(bytes[0], 0x1E);
    EXPECT_EQ(bytes[4], 2);
    EXPECT_EQ(bytes[15], 0);
    EXPECT_EQ(bytes[16], 0xFF);
    EXPECT_EQ(bytes[23], 0xFF);
}

struct SizeRow {
    const char* name;
    std::size_t actual;
    std::size_t expected;  // §2.3
};

TEST(Structures, S2_3_SizeOfEveryStructure)
{
    const SizeRow kRows[] = {
        {"CDROM_READ_TOC_EX", sizeof(CDROM_READ_TOC_EX), 4},
        {"TRACK_DATA", sizeof(TRACK_DATA), 8},
        {"CDROM_TOC", sizeof(CDROM_TOC), 804},
        {"CDROM_TOC_SESSION_DATA", sizeof(CDROM_TOC_SESSION_DATA), 12},
        {"CDROM_TOC_FULL_TOC_DATA", sizeof(CDROM_TOC_FULL_TOC_DATA), 4},
        {"CDROM_TOC_FULL_TOC_DATA_BLOCK", sizeof(CDROM_TOC_FULL_TOC_DATA_BLOCK), 11},
        {"CDROM_TOC_PMA_DATA", sizeof(CDROM_TOC_PMA_DATA), 4},
        {"CDROM_TOC_ATIP_DATA", sizeof(CDROM_TOC_ATIP_DATA), 4},
        {"CDROM_TOC_ATIP_DATA_BLOCK", sizeof(CDROM_TOC_ATIP_DATA_BLOCK), 24},
        {"CDROM_TOC_CD_TEXT_DATA", sizeof(CDROM_TOC_CD_TEXT_DATA), 4},
        {"CDROM_TOC_CD_TEXT_DATA_BLOCK", sizeof(CDROM_TOC_CD_TEXT_DATA_BLOCK), 18},
        {"CDROM_PLAY_AUDIO_MSF", sizeof(CDROM_PLAY_AUDIO_MSF), 6},
        {"CDROM_SEEK_AUDIO_MSF", sizeof(CDROM_SEEK_AUDIO_MSF), 3},
        {"CDROM_SUB_Q_DATA_FORMAT", sizeof(CDROM_SUB_Q_DATA_FORMAT), 2},
        {"SUB_Q_HEADER", sizeof(SUB_Q_HEADER), 4},
        {"SUB_Q_CURRENT_POSITION", sizeof(SUB_Q_CURRENT_POSITION), 16},
        {"SUB_Q_MEDIA_CATALOG_NUMBER", sizeof(SUB_Q_MEDIA_CATALOG_NUMBER), 24},
        {"SUB_Q_TRACK_ISRC", sizeof(SUB_Q_TRACK_ISRC), 24},
        {"SUB_Q_CHANNEL_DATA", sizeof(SUB_Q_CHANNEL_DATA), 24},
        {"VOLUME_CONTROL", sizeof(VOLUME_CONTROL), 4},
        {"CDROM_AUDIO_CONTROL", sizeof(CDROM_AUDIO_CONTROL), 4},
        {"CDROM_DISK_DATA", sizeof(CDROM_DISK_DATA), 4},
        {"RAW_READ_INFO", sizeof(RAW_READ_INFO), 16},
        {"CDROM_EXCLUSIVE_ACCESS", sizeof(CDROM_EXCLUSIVE_ACCESS), 8},
        {"CDROM_EXCLUSIVE_LOCK", sizeof(CDROM_EXCLUSIVE_LOCK), 72},
        {"CDROM_EXCLUSIVE_LOCK_STATE", sizeof(CDROM_EXCLUSIVE_LOCK_STATE), 65},
        {"CDROM_SET_SPEED", sizeof(CDROM_SET_SPEED), 12},
        {"CDROM_SET_STREAMING", sizeof(CDROM_SET_STREAMING), 36},
        {"CDROM_STREAMING_CONTROL", sizeof(CDROM_STREAMING_CONTROL), 4},
        {"CDROM_SIMPLE_OPC_INFO", sizeof(CDROM_SIMPLE_OPC_INFO), 8},
        {"CDROM_PERFORMANCE_REQUEST", sizeof(CDROM_PERFORMANCE_REQUEST), 20},
        {"CDROM_WRITE_SPEED_REQUEST", sizeof(CDROM_WRITE_SPEED_REQUEST), 4},
        {"CDROM_PERFORMANCE_HEADER", sizeof(CDROM_PERFORMANCE_HEADER), 8},
        {"CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR", sizeof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR), 16},
        {"CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR", sizeof(CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR), 6},
        {"CDROM_WRITE_SPEED_DESCRIPTOR", sizeof(CDROM_WRITE_SPEED_DESCRIPTOR), 16},
        {"GET_CONFIGURATION_IOCTL_INPUT (x64)", sizeof(GET_CONFIGURATION_IOCTL_INPUT_X64), 24},
        {"GET_CONFIGURATION_IOCTL_INPUT (x86)", sizeof(GET_CONFIGURATION_IOCTL_INPUT_X86), 16},
        {"GET_CONFIGURATION_IOCTL_INPUT32", sizeof(GET_CONFIGURATION_IOCTL_INPUT32), 16},
        {"GET_CONFIGURATION_HEADER", sizeof(GET_CONFIGURATION_HEADER), 8},
        {"FEATURE_HEADER", sizeof(FEATURE_HEADER), 4},
        {"DISK_GEOMETRY", sizeof(DISK_GEOMETRY), 24},
        {"DISK_GEOMETRY_EX", sizeof(DISK_GEOMETRY_EX), 40},
        {"PREVENT_MEDIA_REMOVAL", sizeof(PREVENT_MEDIA_REMOVAL), 1},
        {"INQUIRYDATA", sizeof(INQUIRYDATA), 96},
        {"PERFORMANCE_DESCRIPTOR", sizeof(PERFORMANCE_DESCRIPTOR), 28},
        {"AUDIO_OUTPUT", sizeof(AUDIO_OUTPUT), 16},
    };
    for (const SizeRow& row : kRows) EXPECT_EQ(row.actual, row.expected) << row.name;
}

// Every value of every enumeration and constant group of §2.2, typed from its table. The enum types are checked
// for the MS ABI's 4-byte signed int.
TEST(Structures, S2_2_EveryEnumerationValue)
{
    static_assert(std::is_same_v<std::underlying_type_t<TRACK_MODE_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<EXCLUSIVE_ACCESS_REQUEST_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_SPEED_REQUEST>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<WRITE_ROTATION>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<STREAMING_CONTROL_REQUEST_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_OPC_INFO_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_PERFORMANCE_REQUEST_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_PERFORMANCE_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_PERFORMANCE_EXCEPTION_TYPE>, std::int32_t>);
    static_assert(std::is_same_v<std::underlying_type_t<CDROM_PERFORMANCE_TOLERANCE_TYPE>, std::int32_t>);

    struct Value {
        const char* name;
        long long actual;
        long long expected;  // §2.2
    };
    const Value kValues[] = {
        {"YellowMode2", YellowMode2, 0}, {"XAForm2", XAForm2, 1}, {"CDDA", CDDA, 2},
        {"RawWithC2AndSubCode", RawWithC2AndSubCode, 3}, {"RawWithC2", RawWithC2, 4}, {"RawWithSubCode", RawWithSubCode, 5},
        {"ExclusiveAccessQueryState", ExclusiveAccessQueryState, 0}, {"ExclusiveAccessLockDevice", ExclusiveAccessLockDevice, 1},
        {"ExclusiveAccessUnlockDevice", ExclusiveAccessUnlockDevice, 2},
        {"CdromSetSpeed", CdromSetSpeed, 0}, {"CdromSetStreaming", CdromSetStreaming, 1},
        {"CdromDefaultRotation", CdromDefaultRotation, 0}, {"CdromCAVRotation", CdromCAVRotation, 1},
        {"CdromStreamingDisable", CdromStreamingDisable, 1}, {"CdromStreamingEnableForReadOnly", CdromStreamingEnableForReadOnly, 2},
        {"CdromStreamingEnableForWriteOnly", CdromStreamingEnableForWriteOnly, 3},
        {"CdromStreamingEnableForReadWrite", CdromStreamingEnableForReadWrite, 4},
        {"SimpleOpcInfo", SimpleOpcInfo, 1},
        {"CdromPerformanceRequest", CdromPerformanceRequest, 1}, {"CdromWriteSpeedRequest", CdromWriteSpeedRequest, 2},
        {"CdromReadPerformance", CdromReadPerformance, 1}, {"CdromWritePerformance", CdromWritePerformance, 2},
        {"CdromNominalPerformance", CdromNominalPerformance, 1}, {"CdromEntirePerformanceList", CdromEntirePerformanceList, 2},
        {"CdromPerformanceExceptionsOnly", CdromPerformanceExceptionsOnly, 3},
        {"Cdrom10Nominal20Exceptions", Cdrom10Nominal20Exceptions, 1},
        {"CDROM_READ_TOC_EX_FORMAT_TOC", CDROM_READ_TOC_EX_FORMAT_TOC, 0},
        {"CDROM_READ_TOC_EX_FORMAT_SESSION", CDROM_READ_TOC_EX_FORMAT_SESSION, 1},
        {"CDROM_READ_TOC_EX_FORMAT_FULL_TOC", CDROM_READ_TOC_EX_FORMAT_FULL_TOC, 2},
        {"CDROM_READ_TOC_EX_FORMAT_PMA", CDROM_READ_TOC_EX_FORMAT_PMA, 3},
        {"CDROM_READ_TOC_EX_FORMAT_ATIP", CDROM_READ_TOC_EX_FORMAT_ATIP, 4},
        {"CDROM_READ_TOC_EX_FORMAT_CDTEXT", CDROM_READ_TOC_EX_FORMAT_CDTEXT, 5},
        {"IOCTL_CDROM_SUB_Q_CHANNEL", IOCTL_CDROM_SUB_Q_CHANNEL, 0}, {"IOCTL_CDROM_CURRENT_POSITION", IOCTL_CDROM_CURRENT_POSITION, 1},
        {"IOCTL_CDROM_MEDIA_CATALOG", IOCTL_CDROM_MEDIA_CATALOG, 2}, {"IOCTL_CDROM_TRACK_ISRC", IOCTL_CDROM_TRACK_ISRC, 3},
        {"AUDIO_STATUS_NOT_SUPPORTED", AUDIO_STATUS_NOT_SUPPORTED, 0x00}, {"AUDIO_STATUS_IN_PROGRESS", AUDIO_STATUS_IN_PROGRESS, 0x11},
        {"AUDIO_STATUS_PAUSED", AUDIO_STATUS_PAUSED, 0x12}, {"AUDIO_STATUS_PLAY_COMPLETE", AUDIO_STATUS_PLAY_COMPLETE, 0x13},
        {"AUDIO_STATUS_PLAY_ERROR", AUDIO_STATUS_PLAY_ERROR, 0x14}, {"AUDIO_STATUS_NO_STATUS", AUDIO_STATUS_NO_STATUS, 0x15},
        {"SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL", SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL, 0},
        {"SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT", SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT, 1},
        {"SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE", SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE, 2},
        {"CDROM_CD_TEXT_PACK_ALBUM_NAME", CDROM_CD_TEXT_PACK_ALBUM_NAME, 0x80},
        {"CDROM_CD_TEXT_PACK_PERFORMER", CDROM_CD_TEXT_PACK_PERFORMER, 0x81},
        {"CDROM_CD_TEXT_PACK_SONGWRITER", CDROM_CD_TEXT_PACK_SONGWRITER, 0x82},
        {"CDROM_CD_TEXT_PACK_COMPOSER", CDROM_CD_TEXT_PACK_COMPOSER, 0x83},
        {"CDROM_CD_TEXT_PACK_ARRANGER", CDROM_CD_TEXT_PACK_ARRANGER, 0x84},
        {"CDROM_CD_TEXT_PACK_MESSAGES", CDROM_CD_TEXT_PACK_MESSAGES, 0x85},
        {"CDROM_CD_TEXT_PACK_DISC_ID", CDROM_CD_TEXT_PACK_DISC_ID, 0x86},
        {"CDROM_CD_TEXT_PACK_GENRE", CDROM_CD_TEXT_PACK_GENRE, 0x87},
        {"CDROM_CD_TEXT_PACK_TOC_INFO", CDROM_CD_TEXT_PACK_TOC_INFO, 0x88},
        {"CDROM_CD_TEXT_PACK_TOC_INFO2", CDROM_CD_TEXT_PACK_TOC_INFO2, 0x89},
        {"CDROM_CD_TEXT_PACK_UPC_EAN", CDROM_CD_TEXT_PACK_UPC_EAN, 0x8E},
        {"CDROM_CD_TEXT_PACK_SIZE_INFO", CDROM_CD_TEXT_PACK_SIZE_INFO, 0x8F},
        {"ADR_NO_MODE_INFORMATION", ADR_NO_MODE_INFORMATION, 0}, {"ADR_ENCODES_CURRENT_POSITION", ADR_ENCODES_CURRENT_POSITION, 1},
        {"ADR_ENCODES_MEDIA_CATALOG", ADR_ENCODES_MEDIA_CATALOG, 2}, {"ADR_ENCODES_ISRC", ADR_ENCODES_ISRC, 3},
        {"AUDIO_WITH_PREEMPHASIS", AUDIO_WITH_PREEMPHASIS, 0x1}, {"DIGITAL_COPY_PERMITTED", DIGITAL_COPY_PERMITTED, 0x2},
        {"AUDIO_DATA_TRACK", AUDIO_DATA_TRACK, 0x4}, {"TWO_FOUR_CHANNEL_AUDIO", TWO_FOUR_CHANNEL_AUDIO, 0x8},
    };
    for (const Value& v : kValues) EXPECT_EQ(v.actual, v.expected) << v.name;
    EXPECT_EQ(sizeof(TRACK_MODE_TYPE), 4u);
    EXPECT_EQ(FeatureRealTimeStreaming, 0x0107);
    EXPECT_EQ(RemovableMedia, 11);
}

TEST(Structures, S2_1_OtherConstants)
{
    EXPECT_EQ(MAXIMUM_NUMBER_TRACKS, 100u);
    EXPECT_EQ(MAXIMUM_CDROM_SIZE, 804u);
    EXPECT_EQ(MINIMUM_CDROM_READ_TOC_EX_SIZE, 2u);
    EXPECT_EQ(MINIMUM_CDROM_INQUIRY_SIZE, 36u);
    EXPECT_EQ(MAXIMUM_CDROM_INQUIRY_SIZE, 260u);
    EXPECT_EQ(CDROM_EXCLUSIVE_CALLER_LENGTH, 64u);
    EXPECT_EQ(CDROM_LOCK_IGNORE_VOLUME, 0x1u);
    EXPECT_EQ(CDROM_NO_MEDIA_NOTIFICATIONS, 0x2u);
    EXPECT_EQ(CDROM_NOT_IN_EXCLUSIVE_MODE, 0);
    EXPECT_EQ(CDROM_IN_EXCLUSIVE_MODE, 1);
    EXPECT_EQ(CD_RAW_READ_C2_SIZE, 296u);
    EXPECT_EQ(CD_RAW_READ_SUBCODE_SIZE, 96u);
    EXPECT_EQ(CD_RAW_SECTOR_WITH_C2_SIZE, 2648u);
    EXPECT_EQ(CD_RAW_SECTOR_WITH_SUBCODE_SIZE, 2448u);
    EXPECT_EQ(CD_RAW_SECTOR_WITH_C2_AND_SUBCODE_SIZE, 2744u);
    EXPECT_EQ(RAW_SECTOR_SIZE, 2352u);
    EXPECT_EQ(COOKED_SECTOR_SIZE, 2048u);
    EXPECT_EQ(rawSectorSize(CDDA), 2352u);
    EXPECT_EQ(rawSectorSize(RawWithC2), 2648u);
    EXPECT_EQ(rawSectorSize(6), 0u);
}

}  // namespace
}  // namespace cdcts::ioctl
