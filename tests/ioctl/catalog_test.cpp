// The catalog against values written down independently: the hex, function, method and access columns of
// ioctl-contracts.md §2.1 (and its storage extras and §9.1 pairs), typed in here as literals.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"

namespace cdcts::ioctl {
namespace {

struct Expected {
    const char* name;
    std::uint32_t hex;       // the Hex column
    std::uint32_t function;  // the Func column, as the SDK writes it
    unsigned method;         // 0 BUFFERED, 2 OUT_DIRECT
    unsigned access;         // 0 ANY, 1 READ, 3 READ|WRITE
};

// clang-format off
const Expected kExpected[] = {
    // §2.1 "Every code in ntddcdrm.h"
    {"IOCTL_CDROM_READ_TOC",              0x00024000, 0x000, 0, 1},
    {"IOCTL_CDROM_SEEK_AUDIO_MSF",        0x00024004, 0x001, 0, 1},
    {"IOCTL_CDROM_STOP_AUDIO",            0x00024008, 0x002, 0, 1},
    {"IOCTL_CDROM_PAUSE_AUDIO",           0x0002400C, 0x003, 0, 1},
    {"IOCTL_CDROM_RESUME_AUDIO",          0x00024010, 0x004, 0, 1},
    {"IOCTL_CDROM_GET_VOLUME",            0x00024014, 0x005, 0, 1},
    {"IOCTL_CDROM_PLAY_AUDIO_MSF",        0x00024018, 0x006, 0, 1},
    {"IOCTL_CDROM_SET_VOLUME",            0x00024028, 0x00A, 0, 1},
    {"IOCTL_CDROM_READ_Q_CHANNEL",        0x0002402C, 0x00B, 0, 1},
    {"IOCTL_CDROM_GET_CONTROL",           0x00024034, 0x00D, 0, 1},
    {"OBSOLETE_IOCTL_CDROM_GET_CONTROL",  0x00024034, 0x00D, 0, 1},
    {"IOCTL_CDROM_GET_LAST_SESSION",      0x00024038, 0x00E, 0, 1},
    {"IOCTL_CDROM_RAW_READ",              0x0002403E, 0x00F, 2, 1},
    {"IOCTL_CDROM_DISK_TYPE",             0x00020040, 0x010, 0, 0},
    {"IOCTL_CDROM_GET_DRIVE_GEOMETRY",    0x0002404C, 0x013, 0, 1},
    {"IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", 0x00024050, 0x014, 0, 1},
    {"IOCTL_CDROM_READ_TOC_EX",           0x00024054, 0x015, 0, 1},
    {"IOCTL_CDROM_GET_CONFIGURATION",     0x00024058, 0x016, 0, 1},
    {"IOCTL_CDROM_EXCLUSIVE_ACCESS",      0x0002C05C, 0x017, 0, 3},
    {"IOCTL_CDROM_SET_SPEED",             0x00024060, 0x018, 0, 1},
    {"IOCTL_CDROM_GET_INQUIRY_DATA",      0x00024064, 0x019, 0, 1},
    {"IOCTL_CDROM_ENABLE_STREAMING",      0x00024068, 0x01A, 0, 1},
    {"IOCTL_CDROM_SEND_OPC_INFORMATION",  0x0002C06C, 0x01B, 0, 3},
    {"IOCTL_CDROM_GET_PERFORMANCE",       0x00024070, 0x01C, 0, 1},
    {"IOCTL_CDROM_CHECK_VERIFY",          0x00024800, 0x200, 0, 1},
    {"IOCTL_CDROM_MEDIA_REMOVAL",         0x00024804, 0x201, 0, 1},
    {"IOCTL_CDROM_EJECT_MEDIA",           0x00024808, 0x202, 0, 1},
    {"IOCTL_CDROM_LOAD_MEDIA",            0x0002480C, 0x203, 0, 1},
    {"IOCTL_CDROM_RESERVE",               0x00024810, 0x204, 0, 1},
    {"IOCTL_CDROM_RELEASE",               0x00024814, 0x205, 0, 1},
    {"IOCTL_CDROM_FIND_NEW_DEVICES",      0x00024818, 0x206, 0, 1},
    {"IOCTL_CDROM_UNLOAD_DRIVER",         0x00025008, 0x402, 0, 1},
    {"IOCTL_CDROM_SIMBAD",                0x0002400C, 0x1003, 0, 1},
    // "Replaced by" column and the related STORAGE/DISK codes under the table
    {"IOCTL_STORAGE_CHECK_VERIFY",        0x002D4800, 0x200, 0, 1},
    {"IOCTL_STORAGE_MEDIA_REMOVAL",       0x002D4804, 0x201, 0, 1},
    {"IOCTL_STORAGE_EJECT_MEDIA",         0x002D4808, 0x202, 0, 1},
    {"IOCTL_STORAGE_LOAD_MEDIA",          0x002D480C, 0x203, 0, 1},
    {"IOCTL_STORAGE_RESERVE",             0x002D4810, 0x204, 0, 1},
    {"IOCTL_STORAGE_RELEASE",             0x002D4814, 0x205, 0, 1},
    {"IOCTL_STORAGE_FIND_NEW_DEVICES",    0x002D4818, 0x206, 0, 1},
    {"IOCTL_STORAGE_CHECK_VERIFY2",       0x002D0800, 0x200, 0, 0},
    {"IOCTL_STORAGE_LOAD_MEDIA2",         0x002D080C, 0x203, 0, 0},
    {"IOCTL_STORAGE_EJECTION_CONTROL",    0x002D0940, 0x250, 0, 0},
    {"IOCTL_STORAGE_MCN_CONTROL",         0x002D0944, 0x251, 0, 0},
    {"IOCTL_DISK_CHECK_VERIFY",           0x00074800, 0x200, 0, 1},
    {"IOCTL_DISK_GET_DRIVE_GEOMETRY",     0x00070000, 0x000, 0, 0},
    {"IOCTL_DISK_GET_DRIVE_GEOMETRY_EX",  0x000700A0, 0x028, 0, 0},
    // Not in the contracts' tables: the exclusive-gate allow-list (§1) and pass-through, from the SDK headers.
    {"IOCTL_STORAGE_GET_MEDIA_TYPES_EX",  0x002D0C04, 0x301, 0, 0},
    {"IOCTL_STORAGE_GET_HOTPLUG_INFO",    0x002D0C14, 0x305, 0, 0},
    {"IOCTL_STORAGE_GET_DEVICE_NUMBER",   0x002D1080, 0x420, 0, 0},
    {"IOCTL_STORAGE_READ_CAPACITY",       0x002D5140, 0x450, 0, 1},
    {"IOCTL_STORAGE_QUERY_PROPERTY",      0x002D1400, 0x500, 0, 0},
    {"IOCTL_DISK_GET_LENGTH_INFO",        0x0007405C, 0x017, 0, 1},
    {"IOCTL_SCSI_PASS_THROUGH",           0x0004D004, 0x401, 0, 3},
    {"IOCTL_SCSI_PASS_THROUGH_DIRECT",    0x0004D014, 0x405, 0, 3},
    {"IOCTL_SCSI_GET_ADDRESS",            0x00041018, 0x406, 0, 0},
};
// clang-format on

const Expected* expectedFor(std::string_view name)
{
    for (const Expected& e : kExpected)
        if (name == e.name) return &e;
    return nullptr;
}

TEST(Catalog, S2_1_EveryRowMatchesTheContractsHexColumn)
{
    for (const CodeInfo& row : allCodes()) {
        SCOPED_TRACE(std::string(row.name));
        if (row.name == "IOCTL_CDROM_CLOSE_DOOR") continue;  // checked on its own below
        const Expected* e = expectedFor(row.name);
        ASSERT_NE(e, nullptr) << "catalog row without an independent expectation";
        ASSERT_TRUE(row.value.has_value());
        EXPECT_EQ(row.value->value, e->hex);
        EXPECT_EQ(row.deviceType, e->hex >> 16);
        EXPECT_EQ(row.function, e->function);
        EXPECT_EQ(static_cast<unsigned>(row.method), e->method);
        EXPECT_EQ(static_cast<unsigned>(row.access), e->access);
    }
}

TEST(Catalog, S2_1_EveryExpectedCodeHasExactlyOneRow)
{
    for (const Expected& e : kExpected) {
        SCOPED_TRACE(e.name);
        int rows = 0;
        for (const CodeInfo& row : allCodes()) rows += row.name == e.name ? 1 : 0;
        EXPECT_EQ(rows, 1);
    }
    EXPECT_EQ(allCodes().size(), std::size(kExpected) + 1);  // + CLOSE_DOOR
}

// The value's own bit fields (bits 16-31, 14-15, 2-13, 0-1) against the columns.
TEST(Catalog, S2_CtlCodeFieldsDecomposeAsTheColumnsSay)
{
    for (const Expected& e : kExpected) {
        SCOPED_TRACE(e.name);
        const ControlCode code{e.hex};
        EXPECT_EQ(code.deviceType(), e.hex >> 16);
        EXPECT_EQ(static_cast<unsigned>(code.method()), e.method);
        EXPECT_EQ(code.function(), e.function & 0xFFFu);
        if (e.function <= 0xFFF) {
            EXPECT_EQ(static_cast<unsigned>(code.access()), e.access);
        }
    }
}

TEST(Catalog, S2_1_SimbadOverflowsIntoTheAccessBitsAndEqualsPauseAudio)
{
    EXPECT_EQ(codes::CdromSimbad.value, 0x0002400Cu);
    EXPECT_EQ(codes::CdromSimbad, codes::CdromPauseAudio);
    EXPECT_EQ(codes::CdromSimbad.function(), 0x003u);  // the 12-bit field keeps only the low bits
    const CodeInfo* simbad = findCode("IOCTL_CDROM_SIMBAD");
    ASSERT_NE(simbad, nullptr);
    EXPECT_EQ(simbad->function, 0x1003u);
    EXPECT_TRUE(simbad->isAlias());
    EXPECT_EQ(simbad->aliasOf, "IOCTL_CDROM_PAUSE_AUDIO");
    EXPECT_EQ(simbad->handling, SampleHandling::Alias);
}

TEST(Catalog, S2_1_ValueLookupReturnsTheCanonicalRowNotTheAlias)
{
    const CodeInfo* row = findCode(ControlCode{0x0002400C});
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->name, "IOCTL_CDROM_PAUSE_AUDIO");
    const auto all = codesWithValue(ControlCode{0x0002400C});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]->name, "IOCTL_CDROM_PAUSE_AUDIO");
    EXPECT_EQ(all[1]->name, "IOCTL_CDROM_SIMBAD");

    const CodeInfo* getControl = findCode(ControlCode{0x00024034});
    ASSERT_NE(getControl, nullptr);
    EXPECT_EQ(getControl->name, "IOCTL_CDROM_GET_CONTROL");
    EXPECT_EQ(codesWithValue(ControlCode{0x00024034}).size(), 2u);

    EXPECT_EQ(findCode(ControlCode{0x002D4800})->name, "IOCTL_STORAGE_CHECK_VERIFY");
    EXPECT_EQ(findCode(ControlCode{0x12345678}), nullptr);
    EXPECT_TRUE(codesWithValue(ControlCode{0x12345678}).empty());
}

TEST(Catalog, EveryValueHasExactlyOneCanonicalRow)
{
    std::set<std::uint32_t> seen;
    for (const CodeInfo& row : allCodes()) {
        if (!row.value || row.isAlias()) continue;
        EXPECT_TRUE(seen.insert(row.value->value).second) << row.name << " repeats a value";
        EXPECT_EQ(findCode(*row.value), &row);
    }
}

TEST(Catalog, S2_1_CloseDoorHasNoValueAndPointsAtStorageLoadMedia)
{
    const CodeInfo* row = findCode("IOCTL_CDROM_CLOSE_DOOR");
    ASSERT_NE(row, nullptr);
    EXPECT_FALSE(row->value.has_value());
    EXPECT_EQ(row->handling, SampleHandling::NoValue);
    EXPECT_TRUE(row->obsolete);
    EXPECT_EQ(row->replacement, "IOCTL_STORAGE_LOAD_MEDIA");
    EXPECT_EQ(row->section, "§3.2");
    EXPECT_EQ(row->deviceType, 0u);
    EXPECT_EQ(row->function, 0u);
    const CodeInfo* replacement = findCode(row->replacement);
    ASSERT_NE(replacement, nullptr);
    EXPECT_EQ(replacement->value->value, 0x002D480Cu);
}

TEST(Catalog, NameLookupAcceptsTheBareNameInAnyCase)
{
    for (const char* name : {"IOCTL_CDROM_READ_TOC", "CDROM_READ_TOC", "cdrom_read_toc", "ioctl_cdrom_read_toc",
                             "Cdrom_Read_Toc"}) {
        const CodeInfo* row = findCode(name);
        ASSERT_NE(row, nullptr) << name;
        EXPECT_EQ(row->name, "IOCTL_CDROM_READ_TOC") << name;
    }
    EXPECT_EQ(findCode("storage_check_verify2")->name, "IOCTL_STORAGE_CHECK_VERIFY2");
    EXPECT_EQ(findCode("cdrom_get_control")->name, "IOCTL_CDROM_GET_CONTROL");
    EXPECT_EQ(findCode("obsolete_ioctl_cdrom_get_control")->name, "OBSOLETE_IOCTL_CDROM_GET_CONTROL");
    EXPECT_EQ(findCode("READ_TOC"), nullptr);
    EXPECT_EQ(findCode(""), nullptr);
    EXPECT_EQ(findCode("IOCTL_"), nullptr);
    EXPECT_EQ(findCode("IOCTL_CDROM_READ_TOC "), nullptr);
}

// §9.1: each replaced CD-ROM code differs from its STORAGE form only in bits 16-31.
TEST(Catalog, S9_1_ReplacedPairsDifferOnlyInTheDeviceType)
{
    const std::pair<const char*, std::uint32_t> kPairs[] = {
        {"IOCTL_CDROM_CHECK_VERIFY", 0x002D4800}, {"IOCTL_CDROM_MEDIA_REMOVAL", 0x002D4804},
        {"IOCTL_CDROM_EJECT_MEDIA", 0x002D4808},  {"IOCTL_CDROM_LOAD_MEDIA", 0x002D480C},
        {"IOCTL_CDROM_RESERVE", 0x002D4810},      {"IOCTL_CDROM_RELEASE", 0x002D4814},
        {"IOCTL_CDROM_FIND_NEW_DEVICES", 0x002D4818},
    };
    for (const auto& [name, storageValue] : kPairs) {
        SCOPED_TRACE(name);
        const CodeInfo* row = findCode(name);
        ASSERT_NE(row, nullptr);
        EXPECT_TRUE(row->obsolete);
        EXPECT_EQ(row->handling, SampleHandling::Normalized);
        const CodeInfo* replacement = findCode(row->replacement);
        ASSERT_NE(replacement, nullptr);
        EXPECT_EQ(replacement->value->value, storageValue);
        EXPECT_EQ(row->value->value & 0xFFFFu, storageValue & 0xFFFFu);
        EXPECT_EQ(row->value->value >> 16, 0x0002u);
    }
}

// The "Sample handling" and "Replaced by" columns of §2.1 and the documentation status of §5, typed from those
// tables, for every IOCTL_CDROM_* row and the DISK twin that normalises.
TEST(Catalog, S2_1_S5_SampleHandlingObsolescenceAndReplacementOfEveryCdromCode)
{
    struct Handling {
        const char* name;
        SampleHandling handling;
        bool obsolete;            // §5: documented as obsolete or replaced
        const char* replacement;  // §2.1 "Replaced by"
    };
    using H = SampleHandling;
    const Handling kRows[] = {
        {"IOCTL_CDROM_READ_TOC", H::Implemented, true, ""},
        {"IOCTL_CDROM_SEEK_AUDIO_MSF", H::Implemented, true, ""},
        {"IOCTL_CDROM_STOP_AUDIO", H::Implemented, true, ""},
        {"IOCTL_CDROM_PAUSE_AUDIO", H::Implemented, true, ""},
        {"IOCTL_CDROM_RESUME_AUDIO", H::Implemented, true, ""},
        {"IOCTL_CDROM_GET_VOLUME", H::Implemented, true, ""},
        {"IOCTL_CDROM_PLAY_AUDIO_MSF", H::Implemented, true, ""},
        {"IOCTL_CDROM_SET_VOLUME", H::Implemented, true, ""},
        {"IOCTL_CDROM_READ_Q_CHANNEL", H::Implemented, true, ""},
        {"IOCTL_CDROM_GET_CONTROL", H::Forwarded, true, ""},
        {"OBSOLETE_IOCTL_CDROM_GET_CONTROL", H::Alias, true, ""},
        {"IOCTL_CDROM_GET_LAST_SESSION", H::Implemented, false, ""},
        {"IOCTL_CDROM_RAW_READ", H::Implemented, false, ""},
        {"IOCTL_CDROM_DISK_TYPE", H::Forwarded, false, ""},
        {"IOCTL_CDROM_GET_DRIVE_GEOMETRY", H::Implemented, false, ""},
        {"IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", H::Implemented, false, ""},
        {"IOCTL_CDROM_READ_TOC_EX", H::Implemented, false, ""},
        {"IOCTL_CDROM_GET_CONFIGURATION", H::Implemented, false, ""},
        {"IOCTL_CDROM_EXCLUSIVE_ACCESS", H::Implemented, false, ""},
        {"IOCTL_CDROM_SET_SPEED", H::Implemented, false, ""},
        {"IOCTL_CDROM_GET_INQUIRY_DATA", H::Implemented, false, ""},
        {"IOCTL_CDROM_ENABLE_STREAMING", H::Implemented, false, ""},
        {"IOCTL_CDROM_SEND_OPC_INFORMATION", H::Implemented, false, ""},
        {"IOCTL_CDROM_GET_PERFORMANCE", H::Implemented, false, ""},
        {"IOCTL_CDROM_CHECK_VERIFY", H::Normalized, true, "IOCTL_STORAGE_CHECK_VERIFY"},
        {"IOCTL_CDROM_MEDIA_REMOVAL", H::Normalized, true, "IOCTL_STORAGE_MEDIA_REMOVAL"},
        {"IOCTL_CDROM_EJECT_MEDIA", H::Normalized, true, "IOCTL_STORAGE_EJECT_MEDIA"},
        {"IOCTL_CDROM_LOAD_MEDIA", H::Normalized, true, "IOCTL_STORAGE_LOAD_MEDIA"},
        {"IOCTL_CDROM_RESERVE", H::Normalized, true, "IOCTL_STORAGE_RESERVE"},
        {"IOCTL_CDROM_RELEASE", H::Normalized, true, "IOCTL_STORAGE_RELEASE"},
        {"IOCTL_CDROM_FIND_NEW_DEVICES", H::Normalized, true, "IOCTL_STORAGE_FIND_NEW_DEVICES"},
        {"IOCTL_CDROM_UNLOAD_DRIVER", H::Forwarded, false, ""},
        {"IOCTL_CDROM_SIMBAD", H::Alias, false, ""},
        {"IOCTL_CDROM_CLOSE_DOOR", H::NoValue, true, "IOCTL_STORAGE_LOAD_MEDIA"},
        {"IOCTL_DISK_CHECK_VERIFY", H::Normalized, false, ""},
    };
    for (const Handling& e : kRows) {
        SCOPED_TRACE(e.name);
        const CodeInfo* row = findCode(e.name);
        ASSERT_NE(row, nullptr);
        EXPECT_EQ(row->handling, e.handling) << sampleHandlingName(row->handling);
        EXPECT_EQ(row->obsolete, e.obsolete);
        EXPECT_EQ(row->replacement, e.replacement);
    }
    int cdromRows = 0;
    for (const CodeInfo& row : allCodes()) cdromRows += row.name.find("_CDROM_") != std::string_view::npos ? 1 : 0;
    EXPECT_EQ(cdromRows, 34) << "every IOCTL_CDROM_* row of the catalog is in the table above";
}

TEST(Catalog, RowsCarrySectionsDescriptionsAndFlags)
{
    for (const CodeInfo& row : allCodes()) {
        SCOPED_TRACE(std::string(row.name));
        EXPECT_TRUE(row.section.starts_with("§")) << row.section;
        EXPECT_FALSE(row.description.empty());
        if (!row.replacement.empty()) {
            EXPECT_NE(findCode(row.replacement), nullptr);
        }
        if (row.isAlias()) {
            EXPECT_NE(findCode(row.aliasOf), nullptr);
        }
    }
    EXPECT_EQ(findCode("IOCTL_CDROM_READ_TOC")->section, "§3.15");
    EXPECT_TRUE(findCode("IOCTL_CDROM_READ_TOC")->obsolete);
    EXPECT_FALSE(findCode("IOCTL_CDROM_READ_TOC_EX")->obsolete);
    EXPECT_EQ(findCode("IOCTL_CDROM_UNLOAD_DRIVER")->handling, SampleHandling::Forwarded);
    EXPECT_EQ(findCode("IOCTL_CDROM_DISK_TYPE")->handling, SampleHandling::Forwarded);
    EXPECT_EQ(findCode("IOCTL_CDROM_GET_CONTROL")->handling, SampleHandling::Forwarded);
}

// The named constants other folders use, against the same literals.
TEST(Catalog, S2_1_NamedConstantsHaveTheContractValues)
{
    const std::pair<ControlCode, std::uint32_t> kConstants[] = {
        {codes::CdromReadToc, 0x00024000},          {codes::CdromSeekAudioMsf, 0x00024004},
        {codes::CdromStopAudio, 0x00024008},        {codes::CdromPauseAudio, 0x0002400C},
        {codes::CdromResumeAudio, 0x00024010},      {codes::CdromGetVolume, 0x00024014},
        {codes::CdromPlayAudioMsf, 0x00024018},     {codes::CdromSetVolume, 0x00024028},
        {codes::CdromReadQChannel, 0x0002402C},     {codes::CdromGetControl, 0x00024034},
        {codes::CdromGetLastSession, 0x00024038},   {codes::CdromRawRead, 0x0002403E},
        {codes::CdromDiskType, 0x00020040},         {codes::CdromGetDriveGeometry, 0x0002404C},
        {codes::CdromGetDriveGeometryEx, 0x00024050}, {codes::CdromReadTocEx, 0x00024054},
        {codes::CdromGetConfiguration, 0x00024058}, {codes::CdromExclusiveAccess, 0x0002C05C},
        {codes::CdromSetSpeed, 0x00024060},         {codes::CdromGetInquiryData, 0x00024064},
        {codes::CdromEnableStreaming, 0x00024068},  {codes::CdromSendOpcInformation, 0x0002C06C},
        {codes::CdromGetPerformance, 0x00024070},   {codes::CdromCheckVerify, 0x00024800},
        {codes::CdromMediaRemoval, 0x00024804},     {codes::CdromEjectMedia, 0x00024808},
        {codes::CdromLoadMedia, 0x0002480C},        {codes::CdromReserve, 0x00024810},
        {codes::CdromRelease, 0x00024814},          {codes::CdromFindNewDevices, 0x00024818},
        {codes::CdromUnloadDriver, 0x00025008},     {codes::CdromSimbad, 0x0002400C},
        {codes::StorageCheckVerify, 0x002D4800},    {codes::StorageCheckVerify2, 0x002D0800},
        {codes::StorageMediaRemoval, 0x002D4804},   {codes::StorageEjectMedia, 0x002D4808},
        {codes::StorageLoadMedia, 0x002D480C},      {codes::StorageLoadMedia2, 0x002D080C},
        {codes::StorageReserve, 0x002D4810},        {codes::StorageRelease, 0x002D4814},
        {codes::StorageFindNewDevices, 0x002D4818}, {codes::StorageEjectionControl, 0x002D0940},
        {codes::StorageMcnControl, 0x002D0944},     {codes::DiskCheckVerify, 0x00074800},
        {codes::DiskGetDriveGeometry, 0x00070000},  {codes::DiskGetDriveGeometryEx, 0x000700A0},
    };
    for (const auto& [code, value] : kConstants) EXPECT_EQ(code.value, value) << std::hex << value;
}

TEST(Catalog, FormatsCodesAndFieldNames)
{
    EXPECT_EQ(formatControlCode(ControlCode{0x2400C}), "0x0002400C");
    EXPECT_EQ(methodName(Method::OutDirect), "METHOD_OUT_DIRECT");
    EXPECT_EQ(accessName(RequiredAccess::ReadWrite), "FILE_READ_ACCESS | FILE_WRITE_ACCESS");
    EXPECT_EQ(deviceTypeName(0x002D), "FILE_DEVICE_MASS_STORAGE");
    EXPECT_EQ(deviceTypeName(0x1234), "");
}

}  // namespace
}  // namespace cdcts::ioctl
