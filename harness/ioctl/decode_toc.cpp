// Decoders of the READ TOC family: IOCTL_CDROM_READ_TOC, GET_LAST_SESSION and every READ_TOC_EX format
// (structures/toc.hpp, structures/toc_ex.hpp; ioctl-contracts.md §3.15-§3.17).
#include <iterator>

#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"

namespace cdcts::ioctl::detail {
namespace {

constexpr std::size_t kHeaderSize = 4;

// Length plus the two header bytes; false (with a note) when the 4-byte header is incomplete.
bool decodeHeader(Decoded& root, Bytes out, std::string_view byte2Name, std::string_view byte3Name)
{
    if (out.size() >= 2) root.add("Length", std::int64_t{loadBe16(out.data())});
    if (out.size() >= 3) root.add(std::string(byte2Name), std::int64_t{out[2]});
    if (out.size() >= 4) root.add(std::string(byte3Name), std::int64_t{out[3]});
    return present(root, out, 0, kHeaderSize, "the 4-byte header");
}

void decodeTrackData(Decoded& node, Bytes d, bool msf)
{
    node.add("Control", std::int64_t{d[1] & 0x0F}, controlText(d[1] & 0x0F));
    node.add("Adr", std::int64_t{d[1] >> 4}, adrText(static_cast<std::uint8_t>(d[1] >> 4)));
    node.add("TrackNumber", std::int64_t{d[2]}, trackNumberText(d[2]));
    addAddress(node, d.data() + 4, msf);
}

Decoded decodeTrackList(std::string rootName, Bytes out, bool msf, std::string_view byte2Name,
                        std::string_view byte3Name)
{
    Decoded root{std::move(rootName), {}, std::nullopt, {}};
    if (!decodeHeader(root, out, byte2Name, byte3Name)) return root;
    forEachDescriptor(root, out, sizeof(TRACK_DATA), "TrackData",
                      [msf](Decoded& node, Bytes d, std::size_t) { decodeTrackData(node, d, msf); });
    return root;
}

// ATIP lead-in times start at minute 90-99, which MMC maps to negative LBAs.
std::int64_t atipLba(std::uint8_t m, std::uint8_t s, std::uint8_t f)
{
    const std::int64_t frames = (std::int64_t{m} * 60 + s) * 75 + f;
    return m >= 90 ? frames - 450150 : frames - 150;
}

std::string pointText(std::uint8_t point)
{
    if (point >= 0x01 && point <= 0x63) return std::to_string(point) + " (track)";
    switch (point) {
    case 0xA0: return "0xA0 (first track, disc type)";
    case 0xA1: return "0xA1 (last track)";
    case 0xA2: return "0xA2 (lead-out start)";
    case 0xB0: return "0xB0 (next program area start)";
    case 0xB1: return "0xB1 (skip intervals)";
    case 0xB2: case 0xB3: case 0xB4: return hex(point, 2) + " (skipped tracks)";
    case 0xC0: return "0xC0 (ATIP values, first lead-in start)";
    case 0xC1: return "0xC1 (ATIP copy)";
    default: return hex(point, 2);
    }
}

void decodeFullTocBlock(Decoded& node, Bytes d, bool explainPoint)
{
    node.add("SessionNumber", std::int64_t{d[0]});
    node.add("Control", std::int64_t{d[1] & 0x0F}, controlText(d[1] & 0x0F));
    node.add("Adr", std::int64_t{d[1] >> 4}, adrText(static_cast<std::uint8_t>(d[1] >> 4)));
    node.add("Point", std::int64_t{d[3]}, explainPoint ? pointText(d[3]) : std::to_string(d[3]));
    node.add("MsfExtra", msfText(d[4], d[5], d[6]));
    node.add("Zero", std::int64_t{d[7]});
    node.add("Msf", msfText(d[8], d[9], d[10]));
    if (!explainPoint || (d[1] >> 4) != 1) return;
    const std::uint8_t point = d[3];
    if ((point >= 0x01 && point <= 0x63) || point == 0xA2) node.add("Lba", msfToLba(d[8], d[9], d[10]));
    if (point == 0xA0) {
        node.add("FirstTrack", std::int64_t{d[8]});
        const std::uint8_t type = d[9];
        node.add("DiscType", std::int64_t{type},
                 type == 0x00   ? "0x00 (CD-DA or CD-ROM)"
                 : type == 0x10 ? "0x10 (CD-I)"
                 : type == 0x20 ? "0x20 (CD-ROM XA)"
                                : hex(type, 2));
    }
    if (point == 0xA1) node.add("LastTrack", std::int64_t{d[8]});
}

void decodeAtipBlock(Decoded& node, Bytes d)
{
    node.add("WritePower", std::int64_t{(d[0] >> 4) & 0x7});
    node.add("CdrwReferenceSpeed", std::int64_t{d[0] & 0x7});
    node.add("True1", std::int64_t{d[0] >> 7});
    node.add("UnrestrictedUse", std::int64_t{(d[1] >> 6) & 0x1});
    node.add("IsCdrw", std::int64_t{(d[2] >> 6) & 0x1});
    node.add("DiscSubType", std::int64_t{(d[2] >> 3) & 0x7});
    node.add("True2", std::int64_t{d[2] >> 7});
    node.add("A1Valid", std::int64_t{(d[2] >> 2) & 0x1});
    node.add("A2Valid", std::int64_t{(d[2] >> 1) & 0x1});
    node.add("A3Valid", std::int64_t{d[2] & 0x1});
    Decoded& leadIn = node.add("LeadInMsf", msfText(d[4], d[5], d[6]));
    leadIn.add("Lba", atipLba(d[4], d[5], d[6]));
    Decoded& leadOut = node.add("LeadOutMsf", msfText(d[8], d[9], d[10]));
    leadOut.add("Lba", atipLba(d[8], d[9], d[10]));
    node.add("A1Values", hex(loadBe32(d.data() + 11) & 0xFFFFFFu, 6));
    node.add("A2Values", hex(loadBe32(d.data() + 15) & 0xFFFFFFu, 6));
    node.add("A3Values", hex(loadBe32(d.data() + 19) & 0xFFFFFFu, 6));
}

std::string packTypeText(std::uint8_t type)
{
    static constexpr std::string_view kNames[] = {"album or disc title", "performer", "songwriter", "composer",
                                                  "arranger", "messages", "disc identification", "genre",
                                                  "TOC information", "TOC information 2", "reserved", "reserved",
                                                  "reserved", "reserved", "UPC/EAN and ISRC", "size information"};
    if (type < 0x80 || type > 0x8F) return hex(type, 2) + " (not a CD-TEXT pack type)";
    return hex(type, 2) + " (" + std::string(kNames[type - 0x80]) + ")";
}

void decodeCdTextBlock(Decoded& node, Bytes d)
{
    node.add("PackType", std::int64_t{d[0]}, packTypeText(d[0]));
    node.add("TrackNumber", std::int64_t{d[1] & 0x7F});
    node.add("ExtensionFlag", std::int64_t{d[1] >> 7});
    node.add("SequenceNumber", std::int64_t{d[2]});
    node.add("CharacterPosition", std::int64_t{d[3] & 0x0F});
    node.add("BlockNumber", std::int64_t{(d[3] >> 4) & 0x7});
    node.add("Unicode", std::int64_t{d[3] >> 7});
    node.add("Text", deviceString(d.subspan(4, 12)));
    node.add("CRC", hex(loadBe16(d.data() + 16), 4));
}

Decoded decodeBlocks(std::string rootName, Bytes out, std::string_view byte2Name, std::string_view byte3Name,
                     std::size_t blockSize, void (*decodeOne)(Decoded&, Bytes))
{
    Decoded root{std::move(rootName), {}, std::nullopt, {}};
    if (!decodeHeader(root, out, byte2Name, byte3Name)) return root;
    forEachDescriptor(root, out, blockSize, "Descriptors",
                      [decodeOne](Decoded& node, Bytes d, std::size_t) { decodeOne(node, d); });
    return root;
}

constexpr std::string_view kFormatNames[] = {"TOC", "SESSION", "FULL_TOC", "PMA", "ATIP", "CDTEXT"};

}  // namespace

Decoded decodeReadToc(Bytes, Bytes out)
{
    return decodeTrackList("CDROM_TOC", out, true, "FirstTrack", "LastTrack");
}

Decoded decodeGetLastSession(Bytes, Bytes out)
{
    return decodeTrackList("CDROM_TOC_SESSION_DATA", out, false, "FirstCompleteSession", "LastCompleteSession");
}

Decoded decodeReadTocEx(Bytes in, Bytes out)
{
    // CDROM_READ_TOC_EX byte 0: Format bits 0-3, Msf bit 7.
    const std::uint8_t format = in.empty() ? 0 : static_cast<std::uint8_t>(in[0] & 0x0F);
    const bool msf = !in.empty() && (in[0] & 0x80) != 0;

    Decoded root;
    switch (format) {
    case CDROM_READ_TOC_EX_FORMAT_TOC:
        root = decodeTrackList("CDROM_TOC", out, msf, "FirstTrack", "LastTrack");
        break;
    case CDROM_READ_TOC_EX_FORMAT_SESSION:
        root = decodeTrackList("CDROM_TOC_SESSION_DATA", out, msf, "FirstCompleteSession", "LastCompleteSession");
        break;
    case CDROM_READ_TOC_EX_FORMAT_FULL_TOC:
        root = decodeBlocks("CDROM_TOC_FULL_TOC_DATA", out, "FirstCompleteSession", "LastCompleteSession",
                            sizeof(CDROM_TOC_FULL_TOC_DATA_BLOCK),
                            [](Decoded& node, Bytes d) { decodeFullTocBlock(node, d, true); });
        break;
    case CDROM_READ_TOC_EX_FORMAT_PMA:
        root = decodeBlocks("CDROM_TOC_PMA_DATA", out, "Reserved1", "Reserved2", sizeof(CDROM_TOC_FULL_TOC_DATA_BLOCK),
                            [](Decoded& node, Bytes d) { decodeFullTocBlock(node, d, false); });
        break;
    case CDROM_READ_TOC_EX_FORMAT_ATIP:
        root = decodeBlocks("CDROM_TOC_ATIP_DATA", out, "Reserved1", "Reserved2", sizeof(CDROM_TOC_ATIP_DATA_BLOCK),
                            decodeAtipBlock);
        break;
    case CDROM_READ_TOC_EX_FORMAT_CDTEXT:
        root = decodeBlocks("CDROM_TOC_CD_TEXT_DATA", out, "Reserved1", "Reserved2",
                            sizeof(CDROM_TOC_CD_TEXT_DATA_BLOCK), decodeCdTextBlock);
        break;
    default:
        root.name = "READ_TOC_EX";
        if (out.size() >= 2) root.add("Length", std::int64_t{loadBe16(out.data())});
        root.addNote("format " + std::to_string(format) + " is not one of 0-5; only Length decoded");
        break;
    }

    // What the request asked for, first, so a reader knows how the addresses were encoded.
    Decoded request{"Request", {}, std::nullopt, {}};
    std::string formatText = std::to_string(format);
    if (format < std::size(kFormatNames)) formatText += " (" + std::string(kFormatNames[format]) + ")";
    request.add("Format", std::int64_t{format}, std::move(formatText));
    request.add("Msf", std::int64_t{msf ? 1 : 0});
    if (in.size() >= 2) request.add("SessionTrack", std::int64_t{in[1]});
    if (in.size() < sizeof(CDROM_READ_TOC_EX))
        request.addNote("input is " + std::to_string(in.size()) + " bytes, CDROM_READ_TOC_EX has 4" +
                        (in.empty() ? "; decoded as format 0 with LBA addresses" : ""));
    root.children.insert(root.children.begin(), std::move(request));
    return root;
}

}  // namespace cdcts::ioctl::detail
