// Decoders of the small device replies: geometry, media change count, INQUIRY data, volume, exclusive-lock
// state, the legacy GET_CONTROL / DISK_TYPE replies and a RAW_READ summary (ioctl-contracts.md §3.1, §3.5,
// §3.9, §3.10, §3.18, §3.21, §3.23).
#include <algorithm>
#include <cstdio>
#include <iterator>

#include "harness/core/hex.hpp"
#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/misc.hpp"
#include "harness/ioctl/structures/raw_read.hpp"

namespace cdcts::ioctl::detail {
namespace {

std::string mediaTypeText(std::int32_t type)
{
    switch (type) {
    case Unknown: return "0 (Unknown)";
    case RemovableMedia: return "11 (RemovableMedia)";
    case FixedMedia: return "12 (FixedMedia)";
    default: return std::to_string(type);
    }
}

// DISK_GEOMETRY fields present in out (24 bytes when complete), added to node.
void decodeGeometryFields(Decoded& node, Bytes out)
{
    struct Field {
        std::size_t offset;
        std::string_view name;
    };
    if (!present(node, out, offsetof(DISK_GEOMETRY, Cylinders), 8, "Cylinders")) return;
    node.add("Cylinders", loadLe64(out.data()));
    if (!present(node, out, offsetof(DISK_GEOMETRY, MediaType), 4, "MediaType")) return;
    const auto mediaType = static_cast<std::int32_t>(loadLe32(out.data() + offsetof(DISK_GEOMETRY, MediaType)));
    node.add("MediaType", std::int64_t{mediaType}, mediaTypeText(mediaType));
    constexpr Field kFields[] = {{offsetof(DISK_GEOMETRY, TracksPerCylinder), "TracksPerCylinder"},
                                 {offsetof(DISK_GEOMETRY, SectorsPerTrack), "SectorsPerTrack"},
                                 {offsetof(DISK_GEOMETRY, BytesPerSector), "BytesPerSector"}};
    for (const Field& field : kFields) {
        if (!present(node, out, field.offset, 4, field.name)) return;
        node.add(std::string(field.name), std::int64_t{loadLe32(out.data() + field.offset)});
    }
}

std::string deviceTypeText(std::uint8_t type)
{
    switch (type) {
    case 0x00: return "0x00 (direct access block device)";
    case 0x01: return "0x01 (sequential access device)";
    case 0x04: return "0x04 (write-once device)";
    case READ_ONLY_DIRECT_ACCESS_DEVICE: return "0x05 (CD/DVD device)";
    case 0x07: return "0x07 (optical memory device)";
    case 0x08: return "0x08 (medium changer)";
    case 0x1F: return "0x1F (unknown or no device type)";
    default: return hex(type, 2);
    }
}

std::string partitionStyleText(std::uint32_t style)
{
    switch (style) {
    case 0: return "0 (PARTITION_STYLE_MBR)";
    case 1: return "1 (PARTITION_STYLE_GPT)";
    case 2: return "2 (PARTITION_STYLE_RAW)";
    default: return std::to_string(style);
    }
}

std::string detectionTypeText(std::uint32_t type)
{
    switch (type) {
    case 0: return "0 (DetectNone)";
    case 1: return "1 (DetectInt13)";
    case 2: return "2 (DetectExInt13)";
    default: return std::to_string(type);
    }
}

std::string guidText(const std::uint8_t* g)
{
    char text[40];
    std::snprintf(text, sizeof text, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", unsigned{loadLe32(g)},
                  unsigned{loadLe16(g + 4)}, unsigned{loadLe16(g + 6)}, unsigned{g[8]}, unsigned{g[9]}, unsigned{g[10]},
                  unsigned{g[11]}, unsigned{g[12]}, unsigned{g[13]}, unsigned{g[14]}, unsigned{g[15]});
    return text;
}

// DISK_GEOMETRY_EX.Data: DISK_PARTITION_INFO {SizeOfPartitionInfo, PartitionStyle, Mbr {Signature, CheckSum} |
// Gpt {DiskId}} then, at 32 + SizeOfPartitionInfo, DISK_DETECTION_INFO {SizeOfDetectInfo, DetectionType, ...}.
void decodePartitionAndDetection(Decoded& root, Bytes out)
{
    constexpr std::size_t kPartition = DISK_GEOMETRY_EX::kReturnedSize;
    Decoded& partition = root.add("DISK_PARTITION_INFO", std::string());
    if (!present(partition, out, kPartition, 8, "SizeOfPartitionInfo and PartitionStyle")) return;
    const std::uint32_t partitionSize = loadLe32(out.data() + kPartition);
    const std::uint32_t style = loadLe32(out.data() + kPartition + 4);
    partition.add("SizeOfPartitionInfo", std::int64_t{partitionSize});
    partition.add("PartitionStyle", std::int64_t{style}, partitionStyleText(style));
    if (style == 0 && present(partition, out, kPartition + 8, 8, "Mbr")) {
        partition.add("Signature", std::int64_t{loadLe32(out.data() + kPartition + 8)}, hex(loadLe32(out.data() + kPartition + 8), 8));
        partition.add("CheckSum", std::int64_t{loadLe32(out.data() + kPartition + 12)}, hex(loadLe32(out.data() + kPartition + 12), 8));
    } else if (style == 1 && present(partition, out, kPartition + 8, 16, "Gpt.DiskId")) {
        partition.add("DiskId", guidText(out.data() + kPartition + 8));
    }
    if (partitionSize < 8) {
        partition.addNote("SizeOfPartitionInfo " + std::to_string(partitionSize) + " is smaller than its own header");
        return;
    }
    const std::size_t detection = kPartition + partitionSize;
    if (detection >= out.size()) return;
    Decoded& detect = root.add("DISK_DETECTION_INFO", std::string());
    if (!present(detect, out, detection, 8, "SizeOfDetectInfo and DetectionType")) return;
    const std::uint32_t type = loadLe32(out.data() + detection + 4);
    detect.add("SizeOfDetectInfo", std::int64_t{loadLe32(out.data() + detection)});
    detect.add("DetectionType", std::int64_t{type}, detectionTypeText(type));
    if (out.size() > detection + 8) detect.add("Data", formatHex(out.subspan(detection + 8)));
}

constexpr std::size_t kRawSectorsShown = 16;

std::uint8_t fromBcd(std::uint8_t v)
{
    return static_cast<std::uint8_t>((v >> 4) * 10 + (v & 0x0F));
}

// One raw sector as READ CD returns it (ECMA-130): a data sector starts with the 12-byte sync pattern, then
// the header (BCD MSF, mode), and in mode 2 the XA subheader; an audio sector has no sync. The C2 and
// sub-channel areas the raw track modes append (§3.18) follow the 2352 bytes.
void decodeRawSector(Decoded& node, Bytes sector, std::int32_t trackMode, std::int64_t lba)
{
    node.add("Lba", lba);
    static constexpr std::uint8_t kSync[12] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
    const bool sync = std::equal(std::begin(kSync), std::end(kSync), sector.begin());
    if (trackMode == CDDA || !sync) {
        node.add("Content", trackMode == CDDA ? "audio (2352 bytes of samples)" : "no sync pattern (audio or unreadable)");
    } else {
        const std::uint8_t m = fromBcd(sector[12]), s = fromBcd(sector[13]), f = fromBcd(sector[14]);
        Decoded& header = node.add("HeaderMsf", msfText(m, s, f));
        header.add("Lba", msfToLba(m, s, f));
        node.add("Mode", std::int64_t{sector[15]});
        if (sector[15] == 2) {
            // XA subheader: file, channel, submode (bit 5 = Form 2), coding information; repeated at 20-23.
            node.add("FileNumber", std::int64_t{sector[16]});
            node.add("ChannelNumber", std::int64_t{sector[17]});
            node.add("SubMode", std::int64_t{sector[18]}, hex(sector[18], 2) + ((sector[18] & 0x20) ? " (Form 2)" : " (Form 1)"));
            node.add("CodingInformation", std::int64_t{sector[19]}, hex(sector[19], 2));
        }
    }
    std::size_t offset = RAW_SECTOR_SIZE;
    if (trackMode == RawWithC2AndSubCode || trackMode == RawWithC2) {
        const Bytes c2 = sector.subspan(offset, CD_RAW_READ_C2_SIZE);
        node.add("C2ErrorBytes", std::int64_t(std::count_if(c2.begin(), c2.end(), [](std::uint8_t b) { return b != 0; })));
        offset += CD_RAW_READ_C2_SIZE;
    }
    if (trackMode == RawWithC2AndSubCode || trackMode == RawWithSubCode)
        node.add("SubCode", formatHex(sector.subspan(offset, CD_RAW_READ_SUBCODE_SIZE)));
}

}  // namespace

Decoded decodeDiskGeometry(Bytes, Bytes out)
{
    Decoded root{"DISK_GEOMETRY", {}, std::nullopt, {}};
    decodeGeometryFields(root, out);
    if (out.size() > sizeof(DISK_GEOMETRY))
        root.addNote(std::to_string(out.size() - sizeof(DISK_GEOMETRY)) + " bytes after DISK_GEOMETRY ignored");
    return root;
}

Decoded decodeDiskGeometryEx(Bytes, Bytes out)
{
    Decoded root{"DISK_GEOMETRY_EX", {}, std::nullopt, {}};
    Decoded& geometry = root.add("Geometry", std::string());
    decodeGeometryFields(geometry, slice(out, 0, sizeof(DISK_GEOMETRY)));
    if (out.size() < sizeof(DISK_GEOMETRY)) return root;
    if (!present(root, out, offsetof(DISK_GEOMETRY_EX, DiskSize), 8, "DiskSize")) return root;
    root.add("DiskSize", loadLe64(out.data() + offsetof(DISK_GEOMETRY_EX, DiskSize)));
    // The CD-ROM driver stops at 32 bytes (§3.9); a disk driver goes on with DISK_PARTITION_INFO and
    // DISK_DETECTION_INFO (ntdddisk.h), decoded here so the same decoder serves IOCTL_DISK_* on other stacks.
    if (out.size() > DISK_GEOMETRY_EX::kReturnedSize) decodePartitionAndDetection(root, out);
    return root;
}

Decoded decodeMediaChangeCount(Bytes, Bytes out)
{
    Decoded root{"MediaChangeCount", {}, std::nullopt, {}};
    if (out.empty()) {
        root.value = "not returned (output length 0)";
        return root;
    }
    if (!present(root, out, 0, 4, "the ULONG count")) return root;
    root.number = std::int64_t{loadLe32(out.data())};
    root.value = std::to_string(*root.number);
    if (out.size() > 4) root.addNote(std::to_string(out.size() - 4) + " bytes after the count ignored");
    return root;
}

Decoded decodeInquiryData(Bytes, Bytes out)
{
    Decoded root{"INQUIRYDATA", {}, std::nullopt, {}};
    if (!present(root, out, 0, 1, "DeviceType")) return root;
    root.add("DeviceTypeQualifier", std::int64_t{out[0] >> 5});
    root.add("DeviceType", std::int64_t{out[0] & 0x1F}, deviceTypeText(static_cast<std::uint8_t>(out[0] & 0x1F)));
    if (!present(root, out, 1, 4, "bytes 1-4")) return root;
    root.add("DeviceTypeModifier", std::int64_t{out[1] & 0x7F});
    root.add("RemovableMedia", std::int64_t{out[1] >> 7});
    root.add("Versions", std::int64_t{out[2]}, hex(out[2], 2));
    root.add("ResponseDataFormat", std::int64_t{out[3] & 0x0F});
    root.add("HiSupport", std::int64_t{(out[3] >> 4) & 0x1});
    root.add("NormACA", std::int64_t{(out[3] >> 5) & 0x1});
    root.add("TerminateTask", std::int64_t{(out[3] >> 6) & 0x1});
    root.add("AERC", std::int64_t{out[3] >> 7});
    root.add("AdditionalLength", std::int64_t{out[4]});
    // Bytes 6 and 7: the capability bits of ntddscsi.h's INQUIRYDATA, low bit first.
    struct Flag {
        std::size_t offset;
        int bit;
        std::string_view name;
    };
    constexpr Flag kFlags[] = {{6, 0, "Addr16"},         {6, 1, "Addr32"},        {6, 2, "AckReqQ"},
                               {6, 3, "MediumChanger"},  {6, 4, "MultiPort"},     {6, 6, "EnclosureServices"},
                               {7, 0, "SoftReset"},      {7, 1, "CommandQueue"},  {7, 2, "TransferDisable"},
                               {7, 3, "LinkedCommands"}, {7, 4, "Synchronous"},   {7, 5, "Wide16Bit"},
                               {7, 6, "Wide32Bit"},      {7, 7, "RelativeAddressing"}};
    if (!present(root, out, 5, 3, "bytes 5-7")) return root;
    for (const Flag& flag : kFlags)
        root.add(std::string(flag.name), std::int64_t{(out[flag.offset] >> flag.bit) & 0x1});
    struct Text {
        std::size_t offset;
        std::size_t size;
        std::string_view name;
    };
    constexpr Text kTexts[] = {{offsetof(INQUIRYDATA, VendorId), 8, "VendorId"},
                               {offsetof(INQUIRYDATA, ProductId), 16, "ProductId"},
                               {offsetof(INQUIRYDATA, ProductRevisionLevel), 4, "ProductRevisionLevel"}};
    for (const Text& text : kTexts) {
        if (!present(root, out, text.offset, text.size, text.name)) {
            if (out.size() > text.offset) root.add(std::string(text.name), deviceString(out.subspan(text.offset)));
            return root;
        }
        root.add(std::string(text.name), deviceString(out.subspan(text.offset, text.size)));
    }
    // Bytes 36-55 are vendor specific (often a serial number or firmware date in ASCII).
    if (out.size() > offsetof(INQUIRYDATA, VendorSpecific))
        root.add("VendorSpecific", deviceString(slice(out, offsetof(INQUIRYDATA, VendorSpecific), 20)));
    // SPC version descriptors: eight BE16 values at bytes 58-73, within the SDK's Reserved3; zero ones left out.
    for (std::size_t i = 0; i < 8; ++i) {
        const std::size_t offset = 58 + 2 * i;
        if (offset + 2 > out.size()) break;
        const std::uint16_t descriptor = loadBe16(out.data() + offset);
        if (descriptor != 0)
            root.add("VersionDescriptor[" + std::to_string(i) + "]", std::int64_t{descriptor}, hex(descriptor, 4));
    }
    // AdditionalLength counts the bytes after byte 4; the driver returns all of them when the buffer allows.
    const std::size_t announced = std::size_t{out[4]} + 5;
    if (out.size() < announced)
        root.addNote("cut short: AdditionalLength announces " + std::to_string(announced) + " bytes, " +
                     std::to_string(out.size()) + " returned");
    return root;
}

Decoded decodeVolumeControl(Bytes, Bytes out)
{
    Decoded root{"VOLUME_CONTROL", {}, std::nullopt, {}};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string name = "PortVolume[" + std::to_string(i) + "]";
        if (!present(root, out, i, 1, name)) break;
        root.add(name, std::int64_t{out[i]});
    }
    return root;
}

Decoded decodeExclusiveLockState(Bytes, Bytes out)
{
    Decoded root{"CDROM_EXCLUSIVE_LOCK_STATE", {}, std::nullopt, {}};
    if (out.empty()) {
        root.value = "no output (lock and unlock return none)";
        return root;
    }
    root.add("LockState", std::int64_t{out[0]},
             out[0] == CDROM_NOT_IN_EXCLUSIVE_MODE ? "0 (not locked)" : std::to_string(out[0]) + " (locked)");
    const Bytes name = slice(out, offsetof(CDROM_EXCLUSIVE_LOCK_STATE, CallerName), CDROM_EXCLUSIVE_CALLER_LENGTH);
    std::size_t length = 0;
    while (length < name.size() && name[length] != 0) ++length;
    root.add("CallerName", deviceString(name.first(length)));
    present(root, out, 0, sizeof(CDROM_EXCLUSIVE_LOCK_STATE), "CDROM_EXCLUSIVE_LOCK_STATE");
    return root;
}

Decoded decodeAudioControl(Bytes, Bytes out)
{
    Decoded root{"CDROM_AUDIO_CONTROL", {}, std::nullopt, {}};
    if (!present(root, out, 0, 1, "LbaFormat")) return root;
    root.add("LbaFormat", std::int64_t{out[0]});
    if (!present(root, out, offsetof(CDROM_AUDIO_CONTROL, LogicalBlocksPerSecond), 2, "LogicalBlocksPerSecond"))
        return root;
    root.add("LogicalBlocksPerSecond", std::int64_t{loadLe16(out.data() + 2)});
    return root;
}

Decoded decodeDiskData(Bytes, Bytes out)
{
    Decoded root{"CDROM_DISK_DATA", {}, std::nullopt, {}};
    if (!present(root, out, 0, 4, "DiskData")) return root;
    const std::uint32_t data = loadLe32(out.data());
    std::string text = hex(data, 8);
    if (data & CDROM_DISK_AUDIO_TRACK) text += " audio";
    if (data & CDROM_DISK_DATA_TRACK) text += " data";
    root.add("DiskData", std::int64_t{data}, text);
    return root;
}

Decoded decodeRawRead(Bytes in, Bytes out)
{
    Decoded root{"RAW_READ", {}, std::nullopt, {}};
    if (!present(root, in, offsetof(RAW_READ_INFO, TrackMode), 4, "the input's TrackMode")) {
        root.add("Bytes", std::int64_t(out.size()));
        return root;
    }
    const auto trackMode = static_cast<std::int32_t>(loadLe32(in.data() + offsetof(RAW_READ_INFO, TrackMode)));
    const std::size_t sectorSize = rawSectorSize(trackMode);
    root.add("TrackMode", std::int64_t{trackMode});
    root.add("SectorSize", std::int64_t(sectorSize));
    if (sectorSize == 0) {
        root.addNote("unknown TrackMode; sector size unknown");
        return root;
    }
    root.add("Sectors", std::int64_t(out.size() / sectorSize));
    if (in.size() >= sizeof(RAW_READ_INFO)) {
        // DiskOffset counts 2048-byte units (§3.18), so the first sector's LBA is DiskOffset / 2048.
        const std::int64_t firstLba = loadLe64(in.data() + offsetof(RAW_READ_INFO, DiskOffset)) / 2048;
        const std::size_t whole = out.size() / sectorSize;
        const std::size_t shown = std::min<std::size_t>(whole, kRawSectorsShown);
        for (std::size_t i = 0; i < shown; ++i)
            decodeRawSector(root.add("Sector[" + std::to_string(i) + "]", std::string()),
                            out.subspan(i * sectorSize, sectorSize), trackMode, firstLba + std::int64_t(i));
        if (whole > shown) root.add("More", std::to_string(whole - shown) + " sectors not listed");
    }
    const std::uint32_t requested = loadLe32(in.data() + offsetof(RAW_READ_INFO, SectorCount));
    if (out.size() % sectorSize != 0)
        root.addNote("cut short: the last sector has " + std::to_string(out.size() % sectorSize) + " of " +
                     std::to_string(sectorSize) + " bytes");
    if (out.size() / sectorSize < requested)
        root.addNote("cut short: " + std::to_string(requested) + " sectors requested");
    return root;
}

}  // namespace cdcts::ioctl::detail
