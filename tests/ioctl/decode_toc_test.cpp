// READ_TOC, GET_LAST_SESSION and every READ_TOC_EX format, decoded from hand-built replies whose expected
// values were worked out by hand (MSF -> LBA = M*4500 + S*75 + F - 150).
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

std::size_t countChildrenStartingWith(const Decoded& node, std::string_view prefix)
{
    std::size_t n = 0;
    for (const Decoded& c : node.children) n += c.name.starts_with(prefix) ? 1u : 0u;
    return n;
}

// Two tracks (data, then audio) and the lead-out, MSF addresses, exactly as READ TOC format 0 MSF returns it.
const Buffer kTwoTrackToc = {
    0x00, 0x1A, 0x01, 0x02,                          // Length 26, tracks 1-2
    0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00,  // track 1: ADR 1, data, 00:02:00
    0x00, 0x10, 0x02, 0x00, 0x00, 0x05, 0x10, 0x20,  // track 2: ADR 1, audio, 05:16:32
    0x00, 0x10, 0xAA, 0x00, 0x00, 0x10, 0x00, 0x00,  // lead-out: 16:00:00
};

TEST(DecodeToc, TwoTrackToc)
{
    const auto decoded = decodeOutput(codes::CdromReadToc, {}, kTwoTrackToc);
    ASSERT_TRUE(decoded.has_value());
    const Decoded& toc = *decoded;
    EXPECT_EQ(toc.name, "CDROM_TOC");
    EXPECT_EQ(numberAt(toc, "Length"), 26);
    EXPECT_EQ(numberAt(toc, "FirstTrack"), 1);
    EXPECT_EQ(numberAt(toc, "LastTrack"), 2);
    EXPECT_EQ(countChildrenStartingWith(toc, "TrackData["), 3u);
    EXPECT_FALSE(toc.hasNote()) << toc.toText();

    const Decoded& t1 = at(toc, "TrackData[0]");
    EXPECT_EQ(numberAt(t1, "Control"), 4);
    EXPECT_NE(at(t1, "Control").value.find("data track"), std::string::npos);
    EXPECT_EQ(numberAt(t1, "Adr"), 1);
    EXPECT_EQ(numberAt(t1, "TrackNumber"), 1);
    EXPECT_EQ(at(t1, "Address").value, "00:02:00");
    EXPECT_EQ(numberAt(t1, "Lba"), 0);

    const Decoded& t2 = at(toc, "TrackData[1]");
    EXPECT_EQ(numberAt(t2, "Control"), 0);
    EXPECT_NE(at(t2, "Control").value.find("audio"), std::string::npos);
    EXPECT_EQ(at(t2, "Address").value, "05:16:32");
    EXPECT_EQ(numberAt(t2, "Lba"), 23582);

    const Decoded& leadOut = at(toc, "TrackData[2]");
    EXPECT_EQ(numberAt(leadOut, "TrackNumber"), 0xAA);
    EXPECT_EQ(at(leadOut, "TrackNumber").value, "170 (lead-out)");
    EXPECT_EQ(numberAt(leadOut, "Lba"), 71850);
}

TEST(DecodeToc, TruncatedInsideADescriptor)
{
    const Buffer cut(kTwoTrackToc.begin(), kTwoTrackToc.begin() + 13);  // header, track 1, one byte of track 2
    const Decoded toc = *decodeOutput(codes::CdromReadToc, {}, cut);
    EXPECT_EQ(countChildrenStartingWith(toc, "TrackData["), 1u);
    EXPECT_EQ(numberAt(at(toc, "TrackData[0]"), "Lba"), 0);
    ASSERT_TRUE(toc.hasNote());
    const std::string text = toc.toText();
    EXPECT_NE(text.find("TrackData[1] has 1 of 8 bytes"), std::string::npos) << text;
    EXPECT_NE(text.find("Length announces 28 bytes, 13 returned"), std::string::npos) << text;
}

TEST(DecodeToc, TruncatedInsideTheHeader)
{
    for (std::size_t size : {0u, 1u, 2u, 3u}) {
        const Buffer cut(kTwoTrackToc.begin(), kTwoTrackToc.begin() + static_cast<std::ptrdiff_t>(size));
        const Decoded toc = *decodeOutput(codes::CdromReadToc, {}, cut);
        EXPECT_TRUE(toc.hasNote()) << size;
        EXPECT_EQ(countChildrenStartingWith(toc, "TrackData["), 0u);
        EXPECT_EQ(toc.child("Length") != nullptr, size >= 2) << size;
    }
}

TEST(DecodeToc, BytesBeyondTheAnnouncedLengthAreIgnoredWithANote)
{
    Buffer padded = kTwoTrackToc;
    padded.resize(804, 0xEE);  // the caller's 804-byte buffer, if Information were the full size
    const Decoded toc = *decodeOutput(codes::CdromReadToc, {}, padded);
    EXPECT_EQ(countChildrenStartingWith(toc, "TrackData["), 3u);
    EXPECT_NE(toc.toText().find("776 bytes after the Length-announced end ignored"), std::string::npos);
}

TEST(DecodeToc, LastSessionUsesLbaAddresses)
{
    const Buffer reply = {0x00, 0x0A, 0x01, 0x02, 0x00, 0x14, 0x03, 0x00, 0x00, 0x00, 0x2E, 0xE0};
    const Decoded session = *decodeOutput(codes::CdromGetLastSession, {}, reply);
    EXPECT_EQ(session.name, "CDROM_TOC_SESSION_DATA");
    EXPECT_EQ(numberAt(session, "FirstCompleteSession"), 1);
    EXPECT_EQ(numberAt(session, "LastCompleteSession"), 2);
    const Decoded& track = at(session, "TrackData[0]");
    EXPECT_EQ(numberAt(track, "TrackNumber"), 3);
    EXPECT_EQ(numberAt(track, "Lba"), 12000);
    EXPECT_EQ(track.child("Address"), nullptr);  // no MSF form in an LBA reply
    EXPECT_FALSE(session.hasNote());
}

TEST(DecodeTocEx, Format0WithLbaAddressesIncludingANegativeOne)
{
    const Buffer input = {0x00, 0x00, 0x00, 0x00};  // Format 0, Msf 0
    const Buffer reply = {0x00, 0x12, 0x01, 0x01,                          //
                          0x00, 0x10, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0x6A,  // track 1 at LBA -150
                          0x00, 0x10, 0xAA, 0x00, 0x00, 0x00, 0x5C, 0x1E}; // lead-out at 23582
    const Decoded toc = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(toc.name, "CDROM_TOC");
    EXPECT_EQ(numberAt(at(toc, "Request"), "Format"), 0);
    EXPECT_EQ(numberAt(at(toc, "Request"), "Msf"), 0);
    EXPECT_EQ(numberAt(at(toc, "TrackData[0]"), "Lba"), -150);
    EXPECT_EQ(numberAt(at(toc, "TrackData[1]"), "Lba"), 23582);
    EXPECT_FALSE(toc.hasNote()) << toc.toText();
}

TEST(DecodeTocEx, Format0WithMsfAddresses)
{
    const Buffer input = {0x80, 0x00, 0x00, 0x00};  // Msf bit 7
    const Decoded toc = *decodeOutput(codes::CdromReadTocEx, input, kTwoTrackToc);
    EXPECT_EQ(numberAt(at(toc, "Request"), "Msf"), 1);
    EXPECT_EQ(at(at(toc, "TrackData[1]"), "Address").value, "05:16:32");
    EXPECT_EQ(numberAt(at(toc, "TrackData[1]"), "Lba"), 23582);
}

TEST(DecodeTocEx, Format1Session)
{
    const Buffer input = {0x01, 0x00, 0x00, 0x00};
    const Buffer reply = {0x00, 0x0A, 0x01, 0x01, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00};
    const Decoded session = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(session.name, "CDROM_TOC_SESSION_DATA");
    EXPECT_EQ(at(at(session, "Request"), "Format").value, "1 (SESSION)");
    EXPECT_EQ(numberAt(at(session, "TrackData[0]"), "Lba"), 0);
}

TEST(DecodeTocEx, Format2FullToc)
{
    const Buffer input = {0x02, 0x01, 0x00, 0x00};
    const Buffer reply = {
        0x00, 0x18, 0x01, 0x01,                                            // Length 24, sessions 1-1
        0x01, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x00,  // A0: first track 1, CD-ROM XA
        0x01, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,  // track 1 at 00:02:00
    };
    const Decoded full = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(full.name, "CDROM_TOC_FULL_TOC_DATA");
    EXPECT_EQ(numberAt(full, "FirstCompleteSession"), 1);
    EXPECT_EQ(numberAt(at(full, "Request"), "SessionTrack"), 1);
    const Decoded& a0 = at(full, "Descriptors[0]");
    EXPECT_EQ(numberAt(a0, "Point"), 0xA0);
    EXPECT_EQ(numberAt(a0, "FirstTrack"), 1);
    EXPECT_EQ(numberAt(a0, "DiscType"), 0x20);
    const Decoded& t1 = at(full, "Descriptors[1]");
    EXPECT_EQ(numberAt(t1, "SessionNumber"), 1);
    EXPECT_EQ(numberAt(t1, "Adr"), 1);
    EXPECT_EQ(at(t1, "Msf").value, "00:02:00");
    EXPECT_EQ(numberAt(t1, "Lba"), 0);
    EXPECT_FALSE(full.hasNote()) << full.toText();
}

TEST(DecodeTocEx, Format3Pma)
{
    const Buffer input = {0x03, 0x00, 0x00, 0x00};
    const Buffer reply = {0x00, 0x0D, 0x00, 0x00, 0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00};
    const Decoded pma = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(pma.name, "CDROM_TOC_PMA_DATA");
    EXPECT_NE(pma.child("Reserved1"), nullptr);
    EXPECT_EQ(numberAt(at(pma, "Descriptors[0]"), "Point"), 1);
    EXPECT_EQ(at(at(pma, "Descriptors[0]"), "Msf").value, "00:04:00");
    EXPECT_FALSE(pma.hasNote()) << pma.toText();
}

TEST(DecodeTocEx, Format4Atip)
{
    const Buffer input = {0x04, 0x00, 0x00, 0x00};
    const Buffer reply = {
        0x00, 0x1A, 0x00, 0x00,              // Length 26
        0xD2, 0x40, 0xDC, 0x00,              // True1, WritePower 5, speed 2; unrestricted; True2, CD-RW, subtype 3, A1
        0x61, 0x1B, 0x15, 0x00,              // lead-in 97:27:21
        0x4F, 0x3B, 0x4A, 0x00,              // lead-out 79:59:74
        0x01, 0x02, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    const Decoded atip = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(atip.name, "CDROM_TOC_ATIP_DATA");
    const Decoded& block = at(atip, "Descriptors[0]");
    EXPECT_EQ(numberAt(block, "WritePower"), 5);
    EXPECT_EQ(numberAt(block, "CdrwReferenceSpeed"), 2);
    EXPECT_EQ(numberAt(block, "True1"), 1);
    EXPECT_EQ(numberAt(block, "UnrestrictedUse"), 1);
    EXPECT_EQ(numberAt(block, "IsCdrw"), 1);
    EXPECT_EQ(numberAt(block, "DiscSubType"), 3);
    EXPECT_EQ(numberAt(block, "A1Valid"), 1);
    EXPECT_EQ(numberAt(block, "A2Valid"), 0);
    EXPECT_EQ(at(block, "LeadInMsf").value, "97:27:21");
    EXPECT_EQ(numberAt(at(block, "LeadInMsf"), "Lba"), -11604);
    EXPECT_EQ(numberAt(at(block, "LeadOutMsf"), "Lba"), 359849);
    EXPECT_EQ(at(block, "A1Values").value, "0x010203");
    EXPECT_FALSE(atip.hasNote()) << atip.toText();
}

TEST(DecodeTocEx, Format5CdText)
{
    const Buffer input = {0x05, 0x00, 0x00, 0x00};
    const Buffer reply = {
        0x00, 0x26, 0x00, 0x00,  // Length 38
        0x80, 0x00, 0x00, 0x00, 'H', 'e', 'l', 'l', 'o', 0x00, 'W', 'o', 'r', 'l', 'd', 0x00, 0x12, 0x34,
        0x81, 0x01, 0x01, 0x95, 'A', '"', 'B', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', 0xAB, 0xCD,
    };
    const Decoded text = *decodeOutput(codes::CdromReadTocEx, input, reply);
    EXPECT_EQ(text.name, "CDROM_TOC_CD_TEXT_DATA");
    const Decoded& first = at(text, "Descriptors[0]");
    EXPECT_EQ(numberAt(first, "PackType"), 0x80);
    EXPECT_EQ(at(first, "PackType").value, "0x80 (album or disc title)");
    EXPECT_EQ(at(first, "Text").value, "Hello\\x00World");
    EXPECT_EQ(at(first, "CRC").value, "0x1234");
    const Decoded& second = at(text, "Descriptors[1]");
    EXPECT_EQ(numberAt(second, "TrackNumber"), 1);
    EXPECT_EQ(numberAt(second, "SequenceNumber"), 1);
    EXPECT_EQ(numberAt(second, "Unicode"), 1);
    EXPECT_EQ(numberAt(second, "BlockNumber"), 1);
    EXPECT_EQ(numberAt(second, "CharacterPosition"), 5);
    EXPECT_EQ(at(second, "Text").value, "A\"B");
    EXPECT_FALSE(text.hasNote()) << text.toText();
}

TEST(DecodeTocEx, UnknownFormatAndMissingInput)
{
    const Decoded odd = *decodeOutput(codes::CdromReadTocEx, Buffer{0x09, 0, 0, 0}, kTwoTrackToc);
    EXPECT_EQ(odd.name, "READ_TOC_EX");
    EXPECT_EQ(numberAt(odd, "Length"), 26);
    EXPECT_TRUE(odd.hasNote());

    const Decoded noInput = *decodeOutput(codes::CdromReadTocEx, {}, kTwoTrackToc);
    EXPECT_EQ(noInput.name, "CDROM_TOC");
    EXPECT_NE(noInput.toText().find("decoded as format 0 with LBA addresses"), std::string::npos);
}

TEST(DecodeToc, TextRendering)
{
    const Buffer reply = {0x00, 0x0A, 0x01, 0x01, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00};
    const Decoded toc = *decodeOutput(codes::CdromReadToc, {}, reply);
    EXPECT_EQ(toc.toText(),
              "CDROM_TOC\n"
              "  Length: 10\n"
              "  FirstTrack: 1\n"
              "  LastTrack: 1\n"
              "  TrackData[0]\n"
              "    Control: 0x4 (data track, copy prohibited)\n"
              "    Adr: 1 (current position)\n"
              "    TrackNumber: 1\n"
              "    Address: 00:02:00\n"
              "    Lba: 0\n");
}

}  // namespace
}  // namespace cdcts::ioctl
