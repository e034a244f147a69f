// Geometry, media change count, INQUIRY, volume, exclusive-lock state, sub-channel and the small legacy
// replies, decoded from hand-built byte buffers.
#include <gtest/gtest.h>

#include <vector>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decode.hpp"
#include "tests/ioctl/decoded_lookup.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;

using test::at;
using test::numberAt;

// 333000-sector disc as the driver reports it: Cylinders 162, RemovableMedia, 64 x 32 x 2048.
const Buffer kGeometry = {
    0xA2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // Cylinders 162
    0x0B, 0x00, 0x00, 0x00,                          // MediaType 11
    0x40, 0x00, 0x00, 0x00,                          // TracksPerCylinder 64
    0x20, 0x00, 0x00, 0x00,                          // SectorsPerTrack 32
    0x00, 0x08, 0x00, 0x00,                          // BytesPerSector 2048
};

TEST(DecodeGeometry, DiskGeometry)
{
    for (ControlCode code : {codes::CdromGetDriveGeometry, codes::DiskGetDriveGeometry}) {
        const Decoded g = *decodeOutput(code, {}, kGeometry);
        EXPECT_EQ(g.name, "DISK_GEOMETRY");
        EXPECT_EQ(numberAt(g, "Cylinders"), 162);
        EXPECT_EQ(numberAt(g, "MediaType"), 11);
        EXPECT_EQ(at(g, "MediaType").value, "11 (RemovableMedia)");
        EXPECT_EQ(numberAt(g, "TracksPerCylinder"), 64);
        EXPECT_EQ(numberAt(g, "SectorsPerTrack"), 32);
        EXPECT_EQ(numberAt(g, "BytesPerSector"), 2048);
        EXPECT_FALSE(g.hasNote());
    }
}

TEST(DecodeGeometry, DiskGeometryExAsTheDriverReturnsIt)
{
    Buffer reply = kGeometry;
    reply.insert(reply.end(), {0x00, 0x00, 0xA6, 0x28, 0x00, 0x00, 0x00, 0x00});  // DiskSize 681967616
    for (ControlCode code : {codes::CdromGetDriveGeometryEx, codes::DiskGetDriveGeometryEx}) {
        const Decoded g = *decodeOutput(code, {}, reply);
        EXPECT_EQ(g.name, "DISK_GEOMETRY_EX");
        EXPECT_EQ(numberAt(at(g, "Geometry"), "BytesPerSector"), 2048);
        EXPECT_EQ(numberAt(g, "DiskSize"), 681967616);
        EXPECT_EQ(g.child("Data"), nullptr);
        EXPECT_FALSE(g.hasNote()) << g.toText();
    }
}

TEST(DecodeGeometry, CutShort)
{
    const Buffer cut(kGeometry.begin(), kGeometry.begin() + 10);
    const Decoded g = *decodeOutput(codes::CdromGetDriveGeometry, {}, cut);
    EXPECT_EQ(numberAt(g, "Cylinders"), 162);
    EXPECT_EQ(g.child("MediaType"), nullptr);
    EXPECT_TRUE(g.hasNote());

    const Decoded ex = *decodeOutput(codes::CdromGetDriveGeometryEx, {}, kGeometry);  // 24 of 32
    EXPECT_EQ(ex.child("DiskSize"), nullptr);
    EXPECT_NE(ex.toText().find("DiskSize needs bytes 24..31, only 24 returned"), std::string::npos);
}

TEST(DecodeCheckVerify, MediaChangeCountForThe4800Codes)
{
    const Buffer count = {0x05, 0x01, 0x00, 0x00};
    for (ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::DiskCheckVerify}) {
        const Decoded d = *decodeOutput(code, {}, count);
        EXPECT_EQ(d.name, "MediaChangeCount");
        EXPECT_EQ(d.number, 261);
    }
    const Decoded none = *decodeOutput(codes::StorageCheckVerify, {}, {});
    EXPECT_FALSE(none.number.has_value());
    EXPECT_FALSE(none.hasNote());
    const Decoded shortCount = *decodeOutput(codes::CdromCheckVerify, {}, Buffer{0x01, 0x02});
    EXPECT_FALSE(shortCount.number.has_value());
    EXPECT_TRUE(shortCount.hasNote());
    EXPECT_FALSE(decodeOutput(codes::StorageCheckVerify2, {}, count).has_value());
}

TEST(DecodeOutput, CodesWithoutADecoder)
{
    EXPECT_FALSE(decodeOutput(ControlCode{0x12345678}, {}, Buffer{1, 2, 3}).has_value());
    EXPECT_FALSE(decodeOutput(codes::CdromEjectMedia, {}, {}).has_value());
    EXPECT_FALSE(hasOutputDecoder(codes::CdromPlayAudioMsf));
    EXPECT_TRUE(hasOutputDecoder(codes::CdromReadTocEx));
}

Buffer inquiry36()
{
    Buffer b = {0x05, 0x80, 0x05, 0x32, 0x1F, 0x00, 0x00, 0x00};
    for (char c : std::string_view("CDCTS   VIRTUAL DRIVE   1.00")) b.push_back(static_cast<std::uint8_t>(c));
    return b;
}

TEST(DecodeInquiry, StandardData)
{
    const Buffer reply = inquiry36();
    ASSERT_EQ(reply.size(), 36u);
    const Decoded d = *decodeOutput(codes::CdromGetInquiryData, {}, reply);
    EXPECT_EQ(d.name, "INQUIRYDATA");
    EXPECT_EQ(numberAt(d, "DeviceType"), 5);
    EXPECT_EQ(at(d, "DeviceType").value, "0x05 (CD/DVD device)");
    EXPECT_EQ(numberAt(d, "DeviceTypeQualifier"), 0);
    EXPECT_EQ(numberAt(d, "RemovableMedia"), 1);
    EXPECT_EQ(numberAt(d, "ResponseDataFormat"), 2);
    EXPECT_EQ(numberAt(d, "AdditionalLength"), 31);
    EXPECT_EQ(at(d, "VendorId").value, "CDCTS");
    EXPECT_EQ(at(d, "ProductId").value, "VIRTUAL DRIVE");
    EXPECT_EQ(at(d, "ProductRevisionLevel").value, "1.00");
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

TEST(DecodeInquiry, CutShortAndUnprintable)
{
    Buffer reply = inquiry36();
    reply[9] = 0x01;
    reply.resize(20);
    const Decoded d = *decodeOutput(codes::CdromGetInquiryData, {}, reply);
    EXPECT_EQ(at(d, "VendorId").value, "C\\x01CTS");
    EXPECT_EQ(at(d, "ProductId").value, "VIRT");
    EXPECT_EQ(d.child("ProductRevisionLevel"), nullptr);
    EXPECT_TRUE(d.hasNote());
}

// SPC standard INQUIRY data past the identification strings (§3.10: the driver returns up to 260 cached bytes):
// byte 1 modifier, byte 3 flags, bytes 6-7 capability bits, 36-55 vendor specific, 58-73 version descriptors.
TEST(DecodeInquiry, S3_10_EveryFieldOfALongReply)
{
    Buffer reply = inquiry36();
    reply[1] = 0x83;  // RMB, modifier 3
    reply[3] = 0xB2;  // AERC, NormACA, HiSupport (1011 0010b), format 2
    reply[4] = 91;    // 96 bytes in all
    reply[6] = 0x08;  // MChngr
    reply[7] = 0x12;  // Sync, CmdQue
    for (char c : std::string_view("SERIAL0123456789ABCD")) reply.push_back(static_cast<std::uint8_t>(c));
    reply.resize(96, 0);
    reply[58] = 0x02;  // version descriptor 0: 02A0h (MMC-3)
    reply[59] = 0xA0;
    reply[60] = 0x09;  // version descriptor 1: 0960h (ATAPI-6)
    reply[61] = 0x60;
    const Decoded d = *decodeOutput(codes::CdromGetInquiryData, {}, reply);
    EXPECT_EQ(numberAt(d, "DeviceTypeModifier"), 3);
    EXPECT_EQ(numberAt(d, "RemovableMedia"), 1);
    EXPECT_EQ(numberAt(d, "HiSupport"), 1);
    EXPECT_EQ(numberAt(d, "NormACA"), 1);
    EXPECT_EQ(numberAt(d, "TerminateTask"), 0);
    EXPECT_EQ(numberAt(d, "AERC"), 1);
    EXPECT_EQ(numberAt(d, "MediumChanger"), 1);
    EXPECT_EQ(numberAt(d, "Addr16"), 0);
    EXPECT_EQ(numberAt(d, "Synchronous"), 1);
    EXPECT_EQ(numberAt(d, "CommandQueue"), 1);
    EXPECT_EQ(numberAt(d, "RelativeAddressing"), 0);
    EXPECT_EQ(at(d, "VendorSpecific").value, "SERIAL0123456789ABCD");
    EXPECT_EQ(at(d, "VersionDescriptor[0]").value, "0x02A0");
    EXPECT_EQ(numberAt(d, "VersionDescriptor[1]"), 0x0960);
    EXPECT_EQ(d.child("VersionDescriptor[2]"), nullptr);
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

// DISK_GEOMETRY_EX.Data as a disk driver fills it (ntdddisk.h); the CD-ROM driver stops at 32 bytes (§3.9).
TEST(DecodeGeometry, S3_9_PartitionAndDetectionInfoWhenPresent)
{
    Buffer reply = kGeometry;
    reply.insert(reply.end(), {0x00, 0x00, 0x50, 0x14, 0, 0, 0, 0});  // DiskSize 340787200
    reply.insert(reply.end(), {16, 0, 0, 0, 0, 0, 0, 0, 0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0});  // MBR
    reply.insert(reply.end(), {24, 0, 0, 0, 1, 0, 0, 0, 0xAB});  // DetectInt13, 1 data byte
    const Decoded d = *decodeOutput(codes::DiskGetDriveGeometryEx, {}, reply);
    EXPECT_EQ(numberAt(d, "DiskSize"), 340787200);
    const Decoded& partition = at(d, "DISK_PARTITION_INFO");
    EXPECT_EQ(numberAt(partition, "SizeOfPartitionInfo"), 16);
    EXPECT_EQ(at(partition, "PartitionStyle").value, "0 (PARTITION_STYLE_MBR)");
    EXPECT_EQ(at(partition, "Signature").value, "0x12345678");
    const Decoded& detection = at(d, "DISK_DETECTION_INFO");
    EXPECT_EQ(at(detection, "DetectionType").value, "1 (DetectInt13)");
    EXPECT_EQ(at(detection, "Data").value, "ab");
}

TEST(DecodeVolume, PortVolumes)
{
    const Decoded d = *decodeOutput(codes::CdromGetVolume, {}, Buffer{0xFF, 0x80, 0x00, 0x01});
    EXPECT_EQ(d.name, "VOLUME_CONTROL");
    EXPECT_EQ(numberAt(d, "PortVolume[0]"), 255);
    EXPECT_EQ(numberAt(d, "PortVolume[1]"), 128);
    EXPECT_EQ(numberAt(d, "PortVolume[3]"), 1);
    const Decoded cut = *decodeOutput(codes::CdromGetVolume, {}, Buffer{0xFF});
    EXPECT_EQ(cut.child("PortVolume[1]"), nullptr);
    EXPECT_TRUE(cut.hasNote());
}

TEST(DecodeExclusive, LockState)
{
    Buffer reply(65, 0);
    reply[0] = 1;
    const std::string_view name = "cdcts test";
    for (std::size_t i = 0; i < name.size(); ++i) reply[1 + i] = static_cast<std::uint8_t>(name[i]);
    const Decoded d = *decodeOutput(codes::CdromExclusiveAccess, Buffer(8, 0), reply);
    EXPECT_EQ(d.name, "CDROM_EXCLUSIVE_LOCK_STATE");
    EXPECT_EQ(numberAt(d, "LockState"), 1);
    EXPECT_EQ(at(d, "CallerName").value, "cdcts test");
    EXPECT_FALSE(d.hasNote());

    const Decoded unlocked = *decodeOutput(codes::CdromExclusiveAccess, {}, Buffer(65, 0));
    EXPECT_EQ(at(unlocked, "LockState").value, "0 (not locked)");
    EXPECT_EQ(at(unlocked, "CallerName").value, "");

    const Decoded none = *decodeOutput(codes::CdromExclusiveAccess, {}, {});
    EXPECT_TRUE(none.children.empty());
    EXPECT_FALSE(none.value.empty());
}

TEST(DecodeQChannel, CurrentPosition)
{
    const Buffer input = {0x01, 0x00};
    const Buffer reply = {0x00, 0x11, 0x00, 0x0C, 0x01, 0x14, 0x02, 0x01,
                          0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x20};
    const Decoded d = *decodeOutput(codes::CdromReadQChannel, input, reply);
    EXPECT_EQ(d.name, "SUB_Q_CURRENT_POSITION");
    EXPECT_EQ(numberAt(d, "AudioStatus"), 0x11);
    EXPECT_EQ(at(d, "AudioStatus").value, "0x11 (play in progress)");
    EXPECT_EQ(numberAt(d, "DataLength"), 12);
    EXPECT_EQ(numberAt(d, "Control"), 4);
    EXPECT_EQ(numberAt(d, "ADR"), 1);
    EXPECT_EQ(numberAt(d, "TrackNumber"), 2);
    EXPECT_EQ(numberAt(d, "IndexNumber"), 1);
    EXPECT_EQ(at(at(d, "AbsoluteAddress"), "Address").value, "01:02:03");
    EXPECT_EQ(numberAt(at(d, "AbsoluteAddress"), "Lba"), 4503);
    EXPECT_EQ(at(d, "TrackRelativeAddress").value, "00:16:32");
    EXPECT_EQ(numberAt(at(d, "TrackRelativeAddress"), "Frames"), 1232);
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

TEST(DecodeQChannel, MediaCatalogAndIsrc)
{
    Buffer mcn = {0x00, 0x15, 0x00, 0x14, 0x02, 0x00, 0x00, 0x00, 0x80};
    for (char c : std::string_view("1234567890123")) mcn.push_back(static_cast<std::uint8_t>(c));
    mcn.push_back(0);
    mcn.push_back(0);
    ASSERT_EQ(mcn.size(), 24u);
    const Decoded m = *decodeOutput(codes::CdromReadQChannel, Buffer{0x02, 0x00}, mcn);
    EXPECT_EQ(m.name, "SUB_Q_MEDIA_CATALOG_NUMBER");
    EXPECT_EQ(numberAt(m, "Mcval"), 1);
    EXPECT_EQ(at(m, "MediaCatalog").value, "1234567890123");

    Buffer isrc = {0x00, 0x15, 0x00, 0x14, 0x03, 0x00, 0x05, 0x00, 0x80};
    for (char c : std::string_view("USRC17607839")) isrc.push_back(static_cast<std::uint8_t>(c));
    isrc.resize(24, 0);
    const Decoded i = *decodeOutput(codes::CdromReadQChannel, Buffer{0x03, 0x05}, isrc);
    EXPECT_EQ(i.name, "SUB_Q_TRACK_ISRC");
    EXPECT_EQ(numberAt(i, "Track"), 5);
    EXPECT_EQ(numberAt(i, "Tcval"), 1);
    EXPECT_EQ(at(i, "TrackIsrc").value, "USRC17607839");

    const Buffer cut(isrc.begin(), isrc.begin() + 12);
    const Decoded c = *decodeOutput(codes::CdromReadQChannel, Buffer{0x03, 0x05}, cut);
    EXPECT_EQ(at(c, "TrackIsrc").value, "USR");
    EXPECT_TRUE(c.hasNote());
}

TEST(DecodeLegacy, AudioControlDiskDataAndRawRead)
{
    const Decoded audio = *decodeOutput(codes::CdromGetControl, {}, Buffer{0x01, 0x00, 0x4B, 0x00});
    EXPECT_EQ(numberAt(audio, "LbaFormat"), 1);
    EXPECT_EQ(numberAt(audio, "LogicalBlocksPerSecond"), 75);

    const Decoded disk = *decodeOutput(codes::CdromDiskType, {}, Buffer{0x03, 0x00, 0x00, 0x00});
    EXPECT_EQ(numberAt(disk, "DiskData"), 3);
    EXPECT_EQ(at(disk, "DiskData").value, "0x00000003 audio data");

    // RAW_READ_INFO: offset 0, 2 sectors, RawWithC2 (4) -> 2648 bytes each.
    const Buffer rawInput = {0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0};
    const Decoded raw = *decodeOutput(codes::CdromRawRead, rawInput, Buffer(2648 + 100, 0));
    EXPECT_EQ(numberAt(raw, "SectorSize"), 2648);
    EXPECT_EQ(numberAt(raw, "Sectors"), 1);
    EXPECT_TRUE(raw.hasNote());
}

// §3.18: RAW_READ returns whole READ CD sectors. A mode-2 data sector (ECMA-130) starts with the sync pattern,
// a BCD header and the XA subheader; the raw track modes append C2 (296) and sub-channel (96) bytes.
TEST(DecodeRawRead, S3_18_SectorHeadersSubheadersAndC2)
{
    // DiskOffset 16 * 2048 (LBA 16), 2 sectors, YellowMode2 (0).
    const Buffer input = {0x00, 0x80, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0};
    Buffer out(2 * 2352, 0);
    for (std::size_t sector = 0; sector < 2; ++sector) {
        std::uint8_t* p = out.data() + sector * 2352;
        for (int i = 1; i <= 10; ++i) p[i] = 0xFF;              // sync 00 FF..FF 00
        p[12] = 0x00;                                           // header MSF 00:02:16 (BCD) = LBA 16,
        p[13] = 0x02;                                           // then 00:02:17
        p[14] = static_cast<std::uint8_t>(0x16 + sector);
        p[15] = 0x02;                                           // mode 2
        p[16] = 0x01;                                           // file 1, channel 0,
        p[18] = sector == 0 ? 0x08 : 0x28;                      // submode: data, Form 1 / Form 2
    }
    const Decoded d = *decodeOutput(codes::CdromRawRead, input, out);
    EXPECT_EQ(numberAt(d, "Sectors"), 2);
    const Decoded& first = at(d, "Sector[0]");
    EXPECT_EQ(numberAt(first, "Lba"), 16);
    EXPECT_EQ(at(first, "HeaderMsf").value, "00:02:16");
    EXPECT_EQ(numberAt(at(first, "HeaderMsf"), "Lba"), 16);
    EXPECT_EQ(numberAt(first, "Mode"), 2);
    EXPECT_EQ(numberAt(first, "FileNumber"), 1);
    EXPECT_EQ(at(first, "SubMode").value, "0x08 (Form 1)");
    const Decoded& second = at(d, "Sector[1]");
    EXPECT_EQ(numberAt(second, "Lba"), 17);
    EXPECT_EQ(numberAt(at(second, "HeaderMsf"), "Lba"), 17);
    EXPECT_EQ(at(second, "SubMode").value, "0x28 (Form 2)");
    EXPECT_FALSE(d.hasNote()) << d.toText();

    // CDDA (2): no sync, samples only.
    const Buffer cddaInput = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0};
    const Decoded cdda = *decodeOutput(codes::CdromRawRead, cddaInput, Buffer(2352, 0x11));
    EXPECT_EQ(at(at(cdda, "Sector[0]"), "Content").value, "audio (2352 bytes of samples)");

    // RawWithC2AndSubCode (3): 2352 + 296 C2 bytes (3 of them flag errors) + 96 sub-channel bytes.
    const Buffer rawInput = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0};
    Buffer raw(2744, 0);
    raw[2352] = 0x80;
    raw[2400] = 0x01;
    raw[2647] = 0x02;
    raw[2648] = 0xAB;  // first sub-channel byte
    const Decoded c2 = *decodeOutput(codes::CdromRawRead, rawInput, raw);
    EXPECT_EQ(numberAt(at(c2, "Sector[0]"), "C2ErrorBytes"), 3);
    EXPECT_EQ(at(at(c2, "Sector[0]"), "SubCode").value.substr(0, 5), "ab 00");
}

}  // namespace
}  // namespace cdcts::ioctl
