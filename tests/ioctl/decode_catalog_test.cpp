// Every code of the catalog says what it returns, and every reply that is a structure has a decoder
// (ioctl-contracts.md §2.1 codes, §2.3 structure sizes); the STORAGE/DISK/SCSI replies decode from SDK layouts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decode.hpp"
#include "tests/ioctl/decoded_lookup.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;
using test::at;
using test::numberAt;

TEST(DecodeCatalog, S2_1_EveryCodeSaysWhatItReturnsAndStructuresHaveADecoder)
{
    for (const CodeInfo& info : allCodes()) {
        if (!info.value) continue;  // IOCTL_CDROM_CLOSE_DOOR cannot be sent
        SCOPED_TRACE(std::string(info.name));
        const OutputDescription* out = describeOutput(*info.value);
        ASSERT_NE(out, nullptr) << "no output row: add one to decode.cpp's kOutputs";
        EXPECT_FALSE(out->input.empty());
        if (out->structure.empty()) {
            EXPECT_FALSE(hasOutputDecoder(*info.value)) << "a code without output has a decoder";
            EXPECT_EQ(out->size, 0u);
        } else {
            EXPECT_TRUE(hasOutputDecoder(*info.value) || !out->notDecoded.empty())
                << out->structure << " has no decoder and no reason";
        }
        if (hasOutputDecoder(*info.value)) {
            // An empty reply decodes without crashing (and says what is missing when something is).
            const std::optional<Decoded> empty = decodeOutput(*info.value, {}, {});
            ASSERT_TRUE(empty.has_value());
            EXPECT_FALSE(empty->name.empty());
        }
    }
}

// The whole-reply sizes of the table against §2.3 and §3.x.
TEST(DecodeCatalog, S2_3_ReplySizesOfTheOutputTable)
{
    struct Expected {
        ControlCode code;
        std::uint32_t size;
    };
    const Expected kSizes[] = {
        {codes::CdromReadToc, 804},           {codes::CdromGetLastSession, 12},   {codes::CdromReadQChannel, 24},
        {codes::CdromGetVolume, 4},           {codes::CdromGetControl, 4},        {codes::CdromDiskType, 4},
        {codes::CdromGetDriveGeometry, 24},   {codes::CdromGetDriveGeometryEx, 32}, {codes::DiskGetDriveGeometry, 24},
        {codes::DiskGetDriveGeometryEx, 32},  {codes::CdromExclusiveAccess, 65},  {codes::CdromGetInquiryData, 260},
        {codes::StorageCheckVerify, 4},       {codes::CdromCheckVerify, 4},       {codes::DiskCheckVerify, 4},
    };
    for (const Expected& e : kSizes) {
        const OutputDescription* out = describeOutput(e.code);
        ASSERT_NE(out, nullptr);
        EXPECT_EQ(out->size, e.size) << out->structure;
    }
    EXPECT_TRUE(describeOutput(codes::StorageCheckVerify2)->structure.empty());  // §3.1: never the count
}

TEST(DecodeStorage, LengthInformationAndReadCapacity)
{
    // GET_LENGTH_INFORMATION: LARGE_INTEGER 681574400 (0x28A00000) little-endian.
    const Decoded length = *decodeOutput(codes::DiskGetLengthInfo, {}, Buffer{0x00, 0x00, 0xA0, 0x28, 0, 0, 0, 0});
    EXPECT_EQ(length.name, "GET_LENGTH_INFORMATION");
    EXPECT_EQ(numberAt(length, "Length"), 681574400);

    // STORAGE_READ_CAPACITY: Version 32, Size 32, BlockLength 2048, 4 padding bytes, NumberOfBlocks 332800,
    // DiskLength 681574400.
    const Buffer capacity = {32, 0, 0, 0, 32, 0, 0, 0, 0x00, 0x08, 0, 0, 0xEE, 0xEE, 0xEE, 0xEE,
                             0x00, 0x14, 0x05, 0, 0, 0, 0, 0, 0x00, 0x00, 0xA0, 0x28, 0, 0, 0, 0};
    const Decoded rc = *decodeOutput(codes::StorageReadCapacity, {}, capacity);
    EXPECT_EQ(numberAt(rc, "Version"), 32);
    EXPECT_EQ(numberAt(rc, "BlockLength"), 2048);
    EXPECT_EQ(numberAt(rc, "NumberOfBlocks"), 332800);
    EXPECT_EQ(numberAt(rc, "DiskLength"), 681574400);
    EXPECT_FALSE(rc.hasNote()) << rc.toText();

    const Decoded cut = *decodeOutput(codes::StorageReadCapacity, {}, Buffer(capacity.begin(), capacity.begin() + 20));
    EXPECT_EQ(numberAt(cut, "BlockLength"), 2048);
    EXPECT_EQ(cut.child("NumberOfBlocks"), nullptr);
    EXPECT_TRUE(cut.hasNote());
}

TEST(DecodeStorage, DeviceNumberHotplugAndScsiAddress)
{
    const Decoded number = *decodeOutput(codes::StorageGetDeviceNumber, {}, Buffer{2, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF});
    EXPECT_EQ(at(number, "DeviceType").value, "2 (FILE_DEVICE_CD_ROM)");
    EXPECT_EQ(numberAt(number, "DeviceNumber"), 1);
    EXPECT_EQ(numberAt(number, "PartitionNumber"), 0xFFFFFFFF);

    const Decoded hotplug = *decodeOutput(codes::StorageGetHotplugInfo, {}, Buffer{8, 0, 0, 0, 1, 0, 1, 0});
    EXPECT_EQ(numberAt(hotplug, "Size"), 8);
    EXPECT_EQ(numberAt(hotplug, "MediaRemovable"), 1);
    EXPECT_EQ(numberAt(hotplug, "MediaHotplug"), 0);
    EXPECT_EQ(numberAt(hotplug, "DeviceHotplug"), 1);

    const Decoded address = *decodeOutput(codes::ScsiGetAddress, {}, Buffer{8, 0, 0, 0, 3, 0, 1, 0});
    EXPECT_EQ(numberAt(address, "PortNumber"), 3);
    EXPECT_EQ(numberAt(address, "TargetId"), 1);
    EXPECT_EQ(numberAt(address, "Lun"), 0);
}

TEST(DecodeStorage, DeviceDescriptorStringsByOffset)
{
    // STORAGE_DEVICE_DESCRIPTOR: Version 40, Size 60, DeviceType 5, removable, offsets 40/45/0/0, BusType 2
    // (ATAPI), RawPropertiesLength 0, then "ACME\0" at 40 and "DVD-1\0" ... at 45.
    Buffer out = {40, 0, 0, 0, 60, 0, 0, 0, 5, 0, 1, 0, 40, 0, 0, 0, 45, 0, 0, 0,
                  0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (char c : std::string("ACME")) out.push_back(static_cast<std::uint8_t>(c));
    out.push_back(0);
    for (char c : std::string("DVD-1")) out.push_back(static_cast<std::uint8_t>(c));
    out.push_back(0);
    const Buffer query = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // StorageDeviceProperty, PropertyStandardQuery
    const Decoded d = *decodeOutput(codes::StorageQueryProperty, query, out);
    EXPECT_EQ(d.name, "STORAGE_DEVICE_DESCRIPTOR");
    EXPECT_EQ(numberAt(d, "DeviceType"), 5);
    EXPECT_EQ(numberAt(d, "RemovableMedia"), 1);
    EXPECT_EQ(at(d, "BusType").value, "2 (BusTypeAtapi)");
    EXPECT_EQ(at(d, "VendorId").value, "ACME");
    EXPECT_EQ(at(d, "ProductId").value, "DVD-1");
    EXPECT_EQ(at(d, "ProductRevision").value, "(none)");
}

}  // namespace
}  // namespace cdcts::ioctl
