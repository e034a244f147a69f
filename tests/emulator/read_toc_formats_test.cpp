// READ TOC/PMA/ATIP formats 3 (PMA), 4 (ATIP), 5 (CD-TEXT), the mode-5 B0/C0 points of format 2, the legacy
// format bits of the control byte and the Track/Session Number field of each format. Expected bytes are worked
// out by hand from MMC-6 §6.26 and the Orange Book layout rules (comments show the arithmetic), never read
// back from the implementation.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "drive_fixture.hpp"
#include "test_disc_builder.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::buildDisc;
using testing_support::DriveFixture;
using testing_support::hasSense;
using testing_support::TrackSpec;
using Bytes = std::vector<std::uint8_t>;

// The sense-key specific field pointer (SPC-4 §4.5.2.4.2): CDB byte, and the bit when BPV is set.
struct FieldPointer {
    std::uint16_t byte;
    std::optional<std::uint8_t> bit;
    friend bool operator==(const FieldPointer&, const FieldPointer&) = default;
};
FieldPointer fieldPointer(const mmc::CommandResult& r)
{
    const auto& b = r.sense.bytes;
    EXPECT_EQ(b[15] & 0xC0, 0xC0) << "SKSV set, C/D says the CDB";
    std::optional<std::uint8_t> bit;
    if ((b[15] & 0x08) != 0) bit = static_cast<std::uint8_t>(b[15] & 0x07);
    return {static_cast<std::uint16_t>((b[16] << 8) | b[17]), bit};
}

// 11-byte full-TOC / PMA descriptors of a reply, after its 4-byte header.
std::vector<Bytes> descriptors11(const Bytes& reply)
{
    std::vector<Bytes> out;
    for (std::size_t at = 4; at + 11 <= reply.size(); at += 11) out.emplace_back(reply.begin() + static_cast<std::ptrdiff_t>(at), reply.begin() + static_cast<std::ptrdiff_t>(at + 11));
    return out;
}
std::optional<Bytes> findPoint(const std::vector<Bytes>& descriptors, std::uint8_t session, std::uint8_t point)
{
    for (const Bytes& d : descriptors)
        if (d[0] == session && d[3] == point) return d;
    return std::nullopt;
}

class ReadTocFormats : public DriveFixture {
protected:
    Bytes read(std::uint8_t format, std::uint8_t start = 0, std::uint16_t allocation = 0xFFFF, std::uint8_t byte1 = 0)
    {
        Bytes data(allocation);
        last = send({0x43, byte1, format, 0, 0, 0, start, static_cast<std::uint8_t>(allocation >> 8), static_cast<std::uint8_t>(allocation), 0}, data);
        data.resize(last.transferred);
        return data;
    }
    void load(std::unique_ptr<Disc> disc)
    {
        drive.loadMedium(std::move(disc));
        settle();
    }
    // One session, audio tracks 1 at LBA 0 and 2 at LBA 9000, lead-out at 20000, on a recordable medium.
    void loadRecordable(MediumKind kind, bool appendable)
    {
        auto disc = buildDisc({{0}, {9000}}, {20000});
        disc->setMediumKind(kind);
        RecordableMedium medium;
        medium.atipLeadInStartLba = -11625;        // 97:27:00 = 97*4500 + 27*75 = 438525 frames; 438525 - 450150
        medium.lastPossibleLeadOutLba = 359849;    // 79:59:74 = 359999 frames; minus 150
        medium.indicativeWritingPower = 5;
        medium.appendable = appendable;
        disc->setRecordable(medium);
        load(std::move(disc));
    }
    mmc::CommandResult last;
};

// --- Format 2: B0 and C0 -------------------------------------------------------------------------------

TEST_F(ReadTocFormats, PressedMultisessionDiscHasB0InEachSessionButTheLast)
{
    load(testing_support::twoSessionDisc());
    const Bytes reply = read(2, 1);
    ASSERT_TRUE(last.good());
    // Session 1: A0 A1 A2, tracks 1-2, B0; session 2: A0 A1 A2, track 3. Ten descriptors.
    ASSERT_EQ(reply.size(), 4u + 10 * 11);
    EXPECT_EQ((reply[0] << 8) | reply[1], 2 + 10 * 11);
    EXPECT_EQ(reply[2], 1);
    EXPECT_EQ(reply[3], 2);
    const auto d = descriptors11(reply);
    const auto b0 = findPoint(d, 1, 0xB0);
    ASSERT_TRUE(b0.has_value());
    EXPECT_EQ((*b0)[1] >> 4, 5) << "B0 is mode-5 Q";
    // Next program area: session 1 lead-out 20000 + 6750 (lead-out) + 4500 (lead-in) = LBA 31250, MSF of 31400
    // frames = 6 min (27000) 58 s (4350) 50 frames. That is track 3's 07:00:50 less its 00:02:00 pregap.
    EXPECT_EQ(Bytes((*b0).begin() + 4, (*b0).begin() + 7), (Bytes{6, 58, 50}));
    EXPECT_EQ((*b0)[7], 1) << "one mode-5 pointer in session 1: B0 itself";
    EXPECT_EQ(Bytes((*b0).begin() + 8, (*b0).end()), (Bytes{79, 59, 74})) << "outermost lead-out of a pressed disc";
    EXPECT_FALSE(findPoint(d, 2, 0xB0).has_value()) << "the last session of a closed disc has no B0";
    EXPECT_FALSE(findPoint(d, 1, 0xC0).has_value()) << "C0 copies an ATIP a pressed disc does not have";
    const auto t3 = findPoint(d, 2, 3);
    ASSERT_TRUE(t3.has_value());
    EXPECT_EQ(Bytes((*t3).begin() + 8, (*t3).end()), (Bytes{7, 0, 50})) << "31400 + 150 = 31550 = 7*4500 + 0*75 + 50";
    const auto a2 = findPoint(d, 1, 0xA2);
    ASSERT_TRUE(a2.has_value());
    EXPECT_EQ(Bytes((*a2).begin() + 8, (*a2).end()), (Bytes{4, 28, 50})) << "20150 = 4*4500 + 28*75 + 50";
}

TEST_F(ReadTocFormats, FullTocFromTheSecondSession)
{
    load(testing_support::twoSessionDisc());
    const Bytes reply = read(2, 2);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 4u + 4 * 11);
    for (const Bytes& d : descriptors11(reply)) EXPECT_EQ(d[0], 2);
    EXPECT_EQ(reply[2], 1) << "first and last session describe the disc";
    EXPECT_TRUE(hasSense(send({0x43, 0, 2, 0, 0, 0, 3, 0, 0xFF, 0}), mmc::sense::InvalidFieldInCdb));
}

TEST_F(ReadTocFormats, RecordableAppendableDiscHasB0AndC0)
{
    loadRecordable(MediumKind::CdR, true);
    const Bytes reply = read(2, 1);
    ASSERT_TRUE(last.good());
    const auto d = descriptors11(reply);
    ASSERT_EQ(d.size(), 7u) << "A0 A1 A2, 2 tracks, B0, C0";
    const auto b0 = findPoint(d, 1, 0xB0);
    ASSERT_TRUE(b0.has_value()) << "an appendable disc's last session points at the next program area";
    EXPECT_EQ(Bytes((*b0).begin() + 4, (*b0).begin() + 7), (Bytes{6, 58, 50})) << "20000 + 11250 = 31250 -> 06:58:50";
    EXPECT_EQ((*b0)[7], 2) << "B0 and C0";
    EXPECT_EQ(Bytes((*b0).begin() + 8, (*b0).end()), (Bytes{79, 59, 74})) << "the ATIP's last possible lead-out";
    const auto c0 = findPoint(d, 1, 0xC0);
    ASSERT_TRUE(c0.has_value());
    EXPECT_EQ((*c0)[1] >> 4, 5);
    EXPECT_EQ((*c0)[4], 0x80 | (5 << 4)) << "ATIP special information 1: bit 7, writing power 5";
    EXPECT_EQ(Bytes((*c0).begin() + 8, (*c0).end()), (Bytes{97, 27, 0})) << "start of the first lead-in";
}

TEST_F(ReadTocFormats, FinalizedRecordableDiscHasC0ButNoB0)
{
    loadRecordable(MediumKind::CdR, false);
    const auto d = descriptors11(read(2, 1));
    ASSERT_TRUE(last.good());
    EXPECT_FALSE(findPoint(d, 1, 0xB0).has_value());
    const auto c0 = findPoint(d, 1, 0xC0);
    ASSERT_TRUE(c0.has_value());
    EXPECT_EQ(d.size(), 6u);
}

TEST_F(ReadTocFormats, SingleSessionPressedFullTocIsUnchanged)
{
    loadSynthetic("mixed");
    const auto d = descriptors11(read(2, 1));
    EXPECT_EQ(d.size(), 6u) << "A0 A1 A2 and three tracks; no mode-5 points";
}

// --- Format 1 and format 0 on two sessions ------------------------------------------------------------------

TEST_F(ReadTocFormats, SessionInformationNamesTheLastSession)
{
    load(testing_support::twoSessionDisc());
    const Bytes reply = read(1);
    ASSERT_TRUE(last.good());
    // Length 10, sessions 1..2, track 3 (data, ADR 1) at LBA 31400 = 0x7AA8.
    EXPECT_EQ(reply, (Bytes{0, 10, 1, 2, 0, 0x14, 3, 0, 0, 0, 0x7A, 0xA8}));
}

TEST_F(ReadTocFormats, TocListsTracksOfAllSessionsAndTheLastLeadOut)
{
    load(testing_support::twoSessionDisc());
    const Bytes reply = read(0, 0, 0xFFFF, 0x02);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 4u + 4 * 8);
    EXPECT_EQ(Bytes(reply.begin() + 28, reply.end()), (Bytes{0, 0x14, 0xAA, 0, 0, 8, 55, 25})) << "40150 = 8*4500 + 55*75 + 25";
}

// --- Format 3: PMA -----------------------------------------------------------------------------------------

TEST_F(ReadTocFormats, PmaOfARecordableDiscListsEachTracksStartAndStop)
{
    loadRecordable(MediumKind::CdR, false);
    const Bytes reply = read(3);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 4u + 2 * 11);
    EXPECT_EQ((reply[0] << 8) | reply[1], 24);
    // Track 1: LBA 0..8999; stop 8999 + 150 = 9149 frames = 2 min 1 s 74; start 00:02:00.
    EXPECT_EQ(Bytes(reply.begin() + 4, reply.begin() + 15), (Bytes{0, 0x10, 0, 1, 2, 1, 74, 0, 0, 2, 0}));
    // Track 2: LBA 9000..19999; stop 20149 frames = 4 min 28 s 49; start 9150 frames = 2 min 2 s 0.
    EXPECT_EQ(Bytes(reply.begin() + 15, reply.end()), (Bytes{0, 0x10, 0, 2, 4, 28, 49, 0, 2, 2, 0}));
}

TEST_F(ReadTocFormats, PressedDiscHasNoPmaOrAtip)
{
    loadSynthetic("mixed");
    for (int format : {3, 4}) {
        const Bytes reply = read(static_cast<std::uint8_t>(format));
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "format " << format;
        EXPECT_EQ(fieldPointer(last), (FieldPointer{2, 3})) << "the Format field, bits 3-0";
        EXPECT_TRUE(reply.empty());
    }
}

// --- Format 4: ATIP ----------------------------------------------------------------------------------------

TEST_F(ReadTocFormats, AtipOfACdR)
{
    loadRecordable(MediumKind::CdR, true);
    const Bytes reply = read(4);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 28u);
    EXPECT_EQ((reply[0] << 8) | reply[1], 26) << "one 24-byte descriptor after the length";
    EXPECT_EQ(reply[4], 0x80 | (5 << 4)) << "bit 7 one, indicative writing power 5, no reference speed (CD-R)";
    EXPECT_EQ(reply[5] & 0x40, 0x40) << "URU";
    EXPECT_EQ(reply[6], 0x80) << "bit 7 one, disc type 0 (CD-R), sub-type 0, A1-A3 not valid";
    EXPECT_EQ(Bytes(reply.begin() + 8, reply.begin() + 12), (Bytes{97, 27, 0, 0})) << "start of lead-in";
    EXPECT_EQ(Bytes(reply.begin() + 12, reply.begin() + 16), (Bytes{79, 59, 74, 0})) << "last possible lead-out";
    EXPECT_EQ(Bytes(reply.begin() + 16, reply.end()), Bytes(12, 0)) << "A1-A3 absent";
}

TEST_F(ReadTocFormats, AtipOfACdRwSaysRewritable)
{
    loadRecordable(MediumKind::CdRw, false);
    const Bytes reply = read(4);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply[6] & 0x40, 0x40) << "disc type 1: CD-RW";
    EXPECT_NE(reply[4] & 0x07, 0) << "a CD-RW names its reference speed";
}

TEST_F(ReadTocFormats, AtipTruncatedToTheAllocationLengthKeepsTheFullLength)
{
    loadRecordable(MediumKind::CdR, false);
    const Bytes reply = read(4, 0, 4);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply, (Bytes{0, 26, 0, 0}));
}

// --- Format 5: CD-TEXT -------------------------------------------------------------------------------------

// CRC-16 of a CD-TEXT pack: polynomial x^16 + x^12 + x^5 + 1 over the first 16 bytes, stored inverted
// (IEC 61866; the same check libcdio and cdrecord apply).
std::uint16_t cdTextCrc(const std::uint8_t* p)
{
    std::uint16_t crc = 0;
    for (int i = 0; i < 16; ++i) {
        crc = static_cast<std::uint16_t>(crc ^ (p[i] << 8));
        for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return static_cast<std::uint16_t>(~crc);
}

// Title packs (type 80h, block 0, ISO 8859-1) for the disc (track 0) and each track: NUL-terminated texts
// run on from pack to pack, 12 bytes each; byte 1 names the track the pack's first character belongs to.
std::vector<Disc::CdTextPack> titlePacks(const std::vector<std::string>& titles)
{
    std::string stream;
    std::vector<std::uint8_t> owner;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        stream += titles[i];
        stream += '\0';
        owner.insert(owner.end(), titles[i].size() + 1, static_cast<std::uint8_t>(i));
    }
    std::vector<Disc::CdTextPack> packs;
    for (std::size_t at = 0; at < stream.size(); at += 12) {
        Disc::CdTextPack p{};
        p[0] = 0x80;
        p[1] = owner[at];
        p[2] = static_cast<std::uint8_t>(packs.size());
        for (std::size_t k = 0; k < 12 && at + k < stream.size(); ++k) p[4 + k] = static_cast<std::uint8_t>(stream[at + k]);
        const std::uint16_t crc = cdTextCrc(p.data());
        p[16] = static_cast<std::uint8_t>(crc >> 8), p[17] = static_cast<std::uint8_t>(crc);
        packs.push_back(p);
    }
    return packs;
}

// Decodes a format-5 reply the way a host does: header length, 18-byte packs with a good CRC, title texts.
::testing::AssertionResult decodeTitles(const Bytes& reply, std::vector<std::string>& titles)
{
    if (reply.size() < 4) return ::testing::AssertionFailure() << "no header";
    const std::size_t length = static_cast<std::size_t>((reply[0] << 8) | reply[1]);
    if (length + 2 != reply.size()) return ::testing::AssertionFailure() << "length field " << length << " for " << reply.size() << " bytes";
    if ((length - 2) % 18 != 0) return ::testing::AssertionFailure() << "not whole packs";
    std::string stream;
    for (std::size_t at = 4; at < reply.size(); at += 18) {
        const std::uint8_t* p = &reply[at];
        if (cdTextCrc(p) != ((p[16] << 8) | p[17])) return ::testing::AssertionFailure() << "bad CRC in pack at " << at;
        if (p[0] != 0x80) continue;
        stream.append(reinterpret_cast<const char*>(p + 4), 12);
    }
    titles.clear();
    std::size_t from = 0;
    for (std::size_t nul = stream.find('\0'); nul != std::string::npos; nul = stream.find('\0', from)) {
        titles.push_back(stream.substr(from, nul - from));
        from = nul + 1;
    }
    while (!titles.empty() && titles.back().empty()) titles.pop_back();  // the last pack's zero padding
    return ::testing::AssertionSuccess();
}

TEST_F(ReadTocFormats, CdTextPacksFollowAFourByteHeader)
{
    auto disc = buildDisc({{0}, {9000}}, {20000});
    const std::vector<std::string> titles{"Emulated Album", "First Song", "Second"};
    disc->setCdTextPacks(titlePacks(titles));
    const std::size_t packs = disc->cdTextPacks().size();
    load(std::move(disc));
    const Bytes reply = read(5);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply.size(), 4 + 18 * packs);
    EXPECT_EQ(reply[2], 0);
    EXPECT_EQ(reply[3], 0);
    std::vector<std::string> decoded;
    ASSERT_TRUE(decodeTitles(reply, decoded));
    EXPECT_EQ(decoded, titles);
}

TEST_F(ReadTocFormats, CdTextTruncatedToTheAllocationLength)
{
    auto disc = buildDisc({{0}, {9000}}, {20000});
    disc->setCdTextPacks(titlePacks({"Album", "One", "Two"}));
    const std::size_t packs = disc->cdTextPacks().size();
    load(std::move(disc));
    const Bytes reply = read(5, 0, 22);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 22u) << "header and the first pack";
    EXPECT_EQ(static_cast<std::size_t>((reply[0] << 8) | reply[1]), 2 + 18 * packs);
    EXPECT_EQ(reply[4], 0x80);
}

TEST_F(ReadTocFormats, NoCdTextIsAnEmptyReply)
{
    loadSynthetic("audio");
    const Bytes reply = read(5);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply, (Bytes{0, 2, 0, 0}));
}

TEST(ReadTocCdTextSupport, ADriveWithoutCdTextRejectsTheFormat)
{
    VirtualClock clock;
    VirtualDrive drive{*findDriveProfile("legacy_cdrom"), clock};
    auto disc = buildDisc({{0}, {9000}}, {20000});
    disc->setCdTextPacks(titlePacks({"Album", "One", "Two"}));
    drive.loadMedium(std::move(disc));
    clock.advance(drive.profile().timings.spinUp);  // let the spindle come up to speed
    const std::vector<std::uint8_t> tur{0, 0, 0, 0, 0, 0};
    std::vector<std::uint8_t> none;
    for (int i = 0; i < 4; ++i)
        if (drive.execute(tur, none, mmc::DataDirection::None, std::chrono::seconds(10)).good()) break;
    Bytes data(256);
    const std::vector<std::uint8_t> cdb{0x43, 0, 5, 0, 0, 0, 0, 0, 0xFF, 0};
    const auto r = drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10));
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(fieldPointer(r), (FieldPointer{2, 3}));
}

// --- The Track/Session Number field and the Format field ---------------------------------------------------

TEST_F(ReadTocFormats, FormatsWithoutAStartRejectANonZeroTrackSessionNumber)
{
    loadRecordable(MediumKind::CdR, false);
    for (int format : {1, 3, 4, 5}) {
        (void)read(static_cast<std::uint8_t>(format), 1);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "format " << format;
        EXPECT_EQ(fieldPointer(last).byte, 6);
        (void)read(static_cast<std::uint8_t>(format), 0);
        EXPECT_TRUE(last.good()) << "format " << format << " with the field zero";
    }
}

TEST_F(ReadTocFormats, UndefinedFormatsAreRejected)
{
    loadSynthetic("mixed");
    for (std::uint8_t format = 6; format <= 15; ++format) {
        (void)read(format);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "format " << int{format};
        EXPECT_EQ(fieldPointer(last), (FieldPointer{2, 3}));
    }
}

TEST_F(ReadTocFormats, LegacyFormatInTheControlByte)
{
    loadSynthetic("mixed");
    Bytes data(804);
    // Control byte bits 7-6 = 01b: session information, 12 bytes whatever the allocation allows.
    ASSERT_TRUE(send({0x43, 0, 0, 0, 0, 0, 0, 0x03, 0x24, 0x40}, data).good());
    EXPECT_EQ(data[1], 10);
    // 10b: full TOC, 2 + 6 * 11 bytes.
    ASSERT_TRUE(send({0x43, 0, 0, 0, 0, 0, 1, 0x03, 0x24, 0x80}, data).good());
    EXPECT_EQ(data[1], 68);
    const auto r = send({0x43, 0, 0, 0, 0, 0, 0, 0x03, 0x24, 0xC0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(fieldPointer(r), (FieldPointer{9, 7}));
    // A non-zero Format field wins over the control byte.
    ASSERT_TRUE(send({0x43, 0, 2, 0, 0, 0, 1, 0x03, 0x24, 0x40}, data).good());
    EXPECT_EQ(data[1], 68);
}

}  // namespace
}  // namespace cdcts::emulator
