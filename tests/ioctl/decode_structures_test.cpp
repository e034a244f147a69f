// The decoders against the structure mirrors of harness/ioctl/structures (whose layouts structures_test.cpp
// proves against §2.3): a reply is filled member by member through the mirror, copied out as bytes, decoded,
// and every decoded field must equal the member that was set. Bit-field members are where a decoder and a
// structure could disagree silently, so each test sets them to distinct values.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decode.hpp"
#include "harness/ioctl/structures.hpp"
#include "tests/ioctl/decoded_lookup.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;
using test::at;
using test::numberAt;

template <typename T>
Buffer bytesOf(const T& value, std::size_t size = sizeof(T))
{
    Buffer out(size, 0);
    std::memcpy(out.data(), &value, std::min(size, sizeof(T)));
    return out;
}

TEST(DecodeStructures, S2_3_TrackDataControlAndAdr)
{
    CDROM_TOC_SESSION_DATA session{};
    session.Length[1] = 10;
    session.FirstCompleteSession = 1;
    session.LastCompleteSession = 2;
    session.TrackData[0].Control = 0x6;
    session.TrackData[0].Adr = 0x1;
    session.TrackData[0].TrackNumber = 7;
    session.TrackData[0].Address[3] = 0x20;  // LBA 32
    const Decoded d = *decodeOutput(codes::CdromGetLastSession, {}, bytesOf(session));
    EXPECT_EQ(numberAt(d, "LastCompleteSession"), 2);
    const Decoded& track = at(d, "TrackData[0]");
    EXPECT_EQ(numberAt(track, "Control"), 6);
    EXPECT_EQ(numberAt(track, "Adr"), 1);
    EXPECT_EQ(numberAt(track, "TrackNumber"), 7);
    EXPECT_EQ(numberAt(track, "Lba"), 32);
}

TEST(DecodeStructures, S2_3_AtipBlockBits)
{
    struct {
        CDROM_TOC_ATIP_DATA header;
        CDROM_TOC_ATIP_DATA_BLOCK block;
    } atip{};
    static_assert(sizeof(atip) == 4 + sizeof(CDROM_TOC_ATIP_DATA_BLOCK));
    atip.header.Length[1] = 2 + sizeof(CDROM_TOC_ATIP_DATA_BLOCK);
    CDROM_TOC_ATIP_DATA_BLOCK& b = atip.block;
    b.CdrwReferenceSpeed = 5;
    b.WritePower = 3;
    b.True1 = 1;
    b.UnrestrictedUse = 1;
    b.A3Valid = 1;
    b.A2Valid = 0;
    b.A1Valid = 1;
    b.DiscSubType = 6;
    b.IsCdrw = 1;
    b.True2 = 0;
    b.A1Values[0] = 0x12;
    b.A1Values[2] = 0x34;
    b.A3Values[1] = 0x56;
    const Decoded d = *decodeOutput(codes::CdromReadTocEx, Buffer{CDROM_READ_TOC_EX_FORMAT_ATIP, 0, 0, 0},
                                    bytesOf(atip));
    const Decoded& block = at(d, "Descriptors[0]");
    EXPECT_EQ(numberAt(block, "CdrwReferenceSpeed"), 5);
    EXPECT_EQ(numberAt(block, "WritePower"), 3);
    EXPECT_EQ(numberAt(block, "True1"), 1);
    EXPECT_EQ(numberAt(block, "UnrestrictedUse"), 1);
    EXPECT_EQ(numberAt(block, "A3Valid"), 1);
    EXPECT_EQ(numberAt(block, "A2Valid"), 0);
    EXPECT_EQ(numberAt(block, "A1Valid"), 1);
    EXPECT_EQ(numberAt(block, "DiscSubType"), 6);
    EXPECT_EQ(numberAt(block, "IsCdrw"), 1);
    EXPECT_EQ(numberAt(block, "True2"), 0);
    EXPECT_EQ(at(block, "A1Values").value, "0x120034");
    EXPECT_EQ(at(block, "A3Values").value, "0x005600");
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

TEST(DecodeStructures, S2_3_CdTextBlockBits)
{
    struct {
        CDROM_TOC_CD_TEXT_DATA header;
        CDROM_TOC_CD_TEXT_DATA_BLOCK block;
    } text{};
    static_assert(sizeof(text) == 4 + sizeof(CDROM_TOC_CD_TEXT_DATA_BLOCK));
    text.header.Length[1] = 2 + sizeof(CDROM_TOC_CD_TEXT_DATA_BLOCK);
    CDROM_TOC_CD_TEXT_DATA_BLOCK& b = text.block;
    b.PackType = 0x80;
    b.TrackNumber = 0x55;
    b.ExtensionFlag = 1;
    b.SequenceNumber = 9;
    b.CharacterPosition = 0xC;
    b.BlockNumber = 5;
    b.Unicode = 0;
    std::memcpy(b.Text, "TITLE", 5);
    b.CRC[0] = 0xBE;
    b.CRC[1] = 0xEF;
    const Decoded d = *decodeOutput(codes::CdromReadTocEx, Buffer{CDROM_READ_TOC_EX_FORMAT_CDTEXT, 0, 0, 0},
                                    bytesOf(text));
    const Decoded& block = at(d, "Descriptors[0]");
    EXPECT_EQ(numberAt(block, "TrackNumber"), 0x55);
    EXPECT_EQ(numberAt(block, "ExtensionFlag"), 1);
    EXPECT_EQ(numberAt(block, "SequenceNumber"), 9);
    EXPECT_EQ(numberAt(block, "CharacterPosition"), 0xC);
    EXPECT_EQ(numberAt(block, "BlockNumber"), 5);
    EXPECT_EQ(numberAt(block, "Unicode"), 0);
    EXPECT_EQ(at(block, "Text").value, "TITLE");
    EXPECT_EQ(at(block, "CRC").value, "0xBEEF");
}

TEST(DecodeStructures, S2_3_SubQCurrentPositionAndMediaCatalog)
{
    SUB_Q_CURRENT_POSITION position{};
    position.Header.AudioStatus = AUDIO_STATUS_PAUSED;
    position.Header.DataLength[1] = 12;
    position.FormatCode = IOCTL_CDROM_CURRENT_POSITION;
    position.Control = 0x2;
    position.ADR = 0x1;
    position.TrackNumber = 3;
    position.IndexNumber = 1;
    position.AbsoluteAddress[1] = 2;  // 02:00:00
    position.TrackRelativeAddress[3] = 5;
    const Decoded p = *decodeOutput(codes::CdromReadQChannel, Buffer{IOCTL_CDROM_CURRENT_POSITION, 0}, bytesOf(position));
    EXPECT_EQ(numberAt(p, "AudioStatus"), AUDIO_STATUS_PAUSED);
    EXPECT_EQ(numberAt(p, "Control"), 2);
    EXPECT_EQ(numberAt(p, "ADR"), 1);
    EXPECT_EQ(numberAt(p, "TrackNumber"), 3);
    EXPECT_EQ(numberAt(p, "IndexNumber"), 1);
    EXPECT_EQ(numberAt(at(p, "AbsoluteAddress"), "Lba"), 2 * 4500 - 150);
    EXPECT_EQ(numberAt(at(p, "TrackRelativeAddress"), "Frames"), 5);

    SUB_Q_MEDIA_CATALOG_NUMBER catalog{};
    catalog.FormatCode = IOCTL_CDROM_MEDIA_CATALOG;
    catalog.Mcval = 1;
    std::memcpy(catalog.MediaCatalog, "0123456789012", 13);
    const Decoded c = *decodeOutput(codes::CdromReadQChannel, Buffer{IOCTL_CDROM_MEDIA_CATALOG, 0}, bytesOf(catalog));
    EXPECT_EQ(numberAt(c, "Mcval"), 1);
    EXPECT_EQ(at(c, "MediaCatalog").value, "0123456789012");
}

TEST(DecodeStructures, S2_3_FeatureHeaderAndWriteSpeedDescriptorBits)
{
    struct {
        GET_CONFIGURATION_HEADER header;
        FEATURE_HEADER feature;
    } configuration{};
    static_assert(sizeof(configuration) == 12);
    configuration.header.DataLength[3] = 8;
    configuration.feature.FeatureCode[1] = 0x1D;  // Multi-Read, no data
    configuration.feature.Current = 1;
    configuration.feature.Persistent = 0;
    configuration.feature.Version = 0xA;
    const Decoded f = *decodeOutput(codes::CdromGetConfiguration, Buffer(24, 0), bytesOf(configuration));
    const Decoded& feature = at(f, "Feature[0]");
    EXPECT_EQ(numberAt(feature, "Current"), 1);
    EXPECT_EQ(numberAt(feature, "Persistent"), 0);
    EXPECT_EQ(numberAt(feature, "Version"), 0xA);

    struct {
        CDROM_PERFORMANCE_HEADER header;
        CDROM_WRITE_SPEED_DESCRIPTOR speed;
    } reply{};
    static_assert(sizeof(reply) == 24);
    reply.header.DataLength[3] = 4 + sizeof(CDROM_WRITE_SPEED_DESCRIPTOR);
    reply.speed.MixedReadWrite = 1;
    reply.speed.Exact = 0;
    reply.speed.WriteRotationControl = 1;
    reply.speed.EndLba[3] = 0x10;
    reply.speed.WriteSpeed[2] = 0x0D;
    reply.speed.WriteSpeed[3] = 0xC8;
    const Decoded w = *decodeOutput(codes::CdromGetPerformance, Buffer{2, 0, 0, 0}, bytesOf(reply));
    const Decoded& speed = at(w, "WriteSpeed[0]");
    EXPECT_EQ(numberAt(speed, "MixedReadWrite"), 1);
    EXPECT_EQ(numberAt(speed, "Exact"), 0);
    EXPECT_EQ(numberAt(speed, "WriteRotationControl"), 1);
    EXPECT_EQ(numberAt(speed, "EndLba"), 16);
    EXPECT_EQ(numberAt(speed, "WriteSpeed"), 3528);
}

TEST(DecodeStructures, S2_3_LittleEndianReplies)
{
    DISK_GEOMETRY_EX geometry{};
    geometry.Geometry.Cylinders.QuadPart = 162;
    geometry.Geometry.MediaType = RemovableMedia;
    geometry.Geometry.TracksPerCylinder = 64;
    geometry.Geometry.SectorsPerTrack = 32;
    geometry.Geometry.BytesPerSector = 2048;
    geometry.DiskSize.QuadPart = 681967616;
    const Decoded g = *decodeOutput(codes::CdromGetDriveGeometryEx, {}, bytesOf(geometry, DISK_GEOMETRY_EX::kReturnedSize));
    EXPECT_EQ(numberAt(at(g, "Geometry"), "Cylinders"), 162);
    EXPECT_EQ(numberAt(at(g, "Geometry"), "MediaType"), 11);
    EXPECT_EQ(numberAt(at(g, "Geometry"), "SectorsPerTrack"), 32);
    EXPECT_EQ(numberAt(g, "DiskSize"), 681967616);

    CDROM_AUDIO_CONTROL audio{};
    audio.LbaFormat = 1;
    audio.LogicalBlocksPerSecond = 75;
    const Decoded a = *decodeOutput(codes::CdromGetControl, {}, bytesOf(audio));
    EXPECT_EQ(numberAt(a, "LogicalBlocksPerSecond"), 75);

    CDROM_EXCLUSIVE_LOCK_STATE lock{};
    lock.LockState = 1;
    std::memcpy(lock.CallerName, "owner", 5);
    const Decoded l = *decodeOutput(codes::CdromExclusiveAccess, Buffer(8, 0), bytesOf(lock));
    EXPECT_EQ(at(l, "CallerName").value, "owner");

    STORAGE_READ_CAPACITY capacity{};
    capacity.Version = sizeof(STORAGE_READ_CAPACITY);
    capacity.BlockLength = 2048;
    capacity.NumberOfBlocks.QuadPart = 332800;
    capacity.DiskLength.QuadPart = 681574400;
    const Decoded r = *decodeOutput(codes::StorageReadCapacity, {}, bytesOf(capacity));
    EXPECT_EQ(numberAt(r, "NumberOfBlocks"), 332800);
    EXPECT_EQ(numberAt(r, "DiskLength"), 681574400);
}

}  // namespace
}  // namespace cdcts::ioctl
