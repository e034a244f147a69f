// MCN and ISRC in the Q sub-channel READ CD returns, and CD-TEXT packs, from synthetic discs and cue sheets
// (CATALOG, ISRC, TITLE/PERFORMER/SONGWRITER, CDTEXTFILE). Q frames are decoded here bit by bit from ECMA-130
// §22.3.4/§22.3.5; CD-TEXT with the independent decoder in cd_text_decoder.hpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cd_text_decoder.hpp"
#include "drive_fixture.hpp"
#include "harness/emulator/cue_image.hpp"
#include "sector/oracles.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;
using testing_support::decodeCdText;
using testing_support::DriveFixture;
using Bytes = std::vector<std::uint8_t>;
using Q = std::array<std::uint8_t, 12>;

class QFrames : public DriveFixture {
protected:
    // The reference disc: track 1 data 0-2999; track 2 audio, pause 3000-3149, INDEX 01 at 3150 (ISRC
    // ZZCDT2600002); MCN 2012345678903.
    void SetUp() override { loadSynthetic("reference"); }
    Q qAt(std::uint32_t lba)
    {
        Bytes data(16);
        const auto r = send({0xBE, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                             static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, 1, 0x00, 0x02, 0},
                            data);
        EXPECT_TRUE(r.good());
        EXPECT_EQ(r.transferred, 16u);
        Q q{};
        std::copy_n(data.begin(), 12, q.begin());
        const auto crc = static_cast<std::uint16_t>(~sector::oracle::qCrcBitwise(std::span<const std::uint8_t>(q.data(), 10)));
        EXPECT_EQ((unsigned{q[10]} << 8) | q[11], crc) << "Q CRC at LBA " << lba;
        return q;
    }
    static std::uint8_t bcd(unsigned v) { return static_cast<std::uint8_t>((v / 10) << 4 | v % 10); }
};

std::string decodeMcn(const Q& q)
{
    std::string digits;
    for (std::size_t n = 0; n < 13; ++n) {
        const std::uint8_t b = q[1 + n / 2];
        digits.push_back(static_cast<char>('0' + (n % 2 == 0 ? b >> 4 : b & 0x0F)));
    }
    return digits;
}

std::string decodeIsrc(const Q& q)
{
    std::uint64_t bits = 0;
    for (int i = 1; i <= 8; ++i) bits = bits << 8 | q[static_cast<std::size_t>(i)];
    const auto take = [&](int from, int width) { return static_cast<unsigned>((bits >> (64 - from - width)) & ((1u << width) - 1)); };
    std::string s;
    for (int c = 0; c < 5; ++c) {
        const unsigned v = take(c * 6, 6);
        s.push_back(v <= 9 ? static_cast<char>('0' + v) : static_cast<char>('A' + (v - 0x11)));
    }
    EXPECT_EQ(take(30, 2), 0u);
    for (int d = 0; d < 7; ++d) s.push_back(static_cast<char>('0' + take(32 + d * 4, 4)));
    EXPECT_EQ(take(60, 4), 0u);
    return s;
}

TEST_F(QFrames, McnFrameAtSlot10)
{
    const Q q = qAt(3210);  // track 2 (audio, copy permitted: control 0x2)
    EXPECT_EQ(q[0], 0x22) << "control 2, ADR 2";
    EXPECT_EQ(decodeMcn(q), "2012345678903");
    EXPECT_EQ(q[7] & 0x0F, 0) << "12 zero bits after the 13 digits";
    EXPECT_EQ(q[8], 0);
    EXPECT_EQ(q[9], bcd((3210 + 150) % 75)) << "AFRAME";
    EXPECT_EQ(qAt(3110)[0], 0x22) << "the pause carries the MCN too";
    EXPECT_EQ(qAt(10)[0], 0x42) << "and a data track (control 4)";
}

TEST_F(QFrames, IsrcFrameAtSlot60InsideTheTrack)
{
    const Q q = qAt(3260);
    EXPECT_EQ(q[0], 0x23) << "control 2, ADR 3";
    EXPECT_EQ(decodeIsrc(q), "ZZCDT2600002");
    EXPECT_EQ(q[9], bcd((3260 + 150) % 75));
    EXPECT_EQ(qAt(3060)[0], 0x21) << "no ISRC in the pause before INDEX 01: a position frame";
    EXPECT_EQ(qAt(60)[0], 0x41) << "the data track has no ISRC";
    EXPECT_EQ(decodeIsrc(qAt(5660)), "ZZCDT2600003") << "track 3 (INDEX 01 at 5550) has its own";
}

TEST_F(QFrames, EveryHundredFramesHoldOneOfEach)
{
    int adr1 = 0, adr2 = 0, adr3 = 0;
    for (std::uint32_t lba = 3300; lba < 3400; ++lba) {
        const unsigned adr = qAt(lba)[0] & 0x0Fu;
        adr1 += adr == 1, adr2 += adr == 2, adr3 += adr == 3;
    }
    EXPECT_EQ(adr2, 1) << "ECMA-130: the catalog number at least once in 100 frames";
    EXPECT_EQ(adr3, 1);
    EXPECT_EQ(adr1, 98) << "the rest carry the position";
}

TEST_F(QFrames, DiscsWithoutMcnOrIsrcCarryOnlyPositions)
{
    drive.loadMedium(makeSyntheticDisc("mixed"));
    settle();
    EXPECT_EQ(qAt(10)[0], 0x41);
    EXPECT_EQ(qAt(11460)[0], 0x21) << "audio track 2 of the mixed disc (copy permitted) has no ISRC";
}

TEST(CdText, TheReferenceDiscsPacksDecode)
{
    const auto disc = makeSyntheticDisc("reference");
    const auto text = decodeCdText(disc->cdTextPacks());
    EXPECT_EQ(text.firstTrack, 1);
    EXPECT_EQ(text.lastTrack, 5);
    EXPECT_EQ(text.language, 0x09) << "English";
    EXPECT_EQ(text.strings.at(0x80), (std::vector<std::string>{"cdcts reference disc", "Data", "Tone A", "Tone B", "Tone C", "Tone D"}));
    EXPECT_EQ(text.strings.at(0x81), (std::vector<std::string>{"cdcts", "cdcts", "cdcts", "cdcts", "Conformance Ensemble", "cdcts"}));
    EXPECT_EQ(text.strings.at(0x82), (std::vector<std::string>{"cdcts", "", "Test Writer", "", "", ""}));
}

TEST(CdText, NoTextMeansNoPacks)
{
    EXPECT_TRUE(makeSyntheticDisc("mixed")->cdTextPacks().empty());
    SyntheticDiscSpec spec;
    spec.tracks = {SyntheticTrack{}};
    EXPECT_TRUE(buildSyntheticDisc(spec)->cdTextPacks().empty());
}

TEST(CdText, LongStringsCarryTheirCharacterPosition)
{
    // 30 characters spread over three packs: the decoder checks positions 0, 12 and 24 (capped at 15).
    SyntheticDiscSpec spec;
    spec.text.title = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123";
    spec.tracks = {SyntheticTrack{TrackType::Audio, 300, 0, 1, {}, CdTextStrings{"x", "", ""}}};
    const auto disc = buildSyntheticDisc(spec);
    const auto& packs = disc->cdTextPacks();
    ASSERT_GE(packs.size(), 4u);
    EXPECT_EQ(packs[1][3] & 0x0F, 12);
    EXPECT_EQ(packs[2][3] & 0x0F, 15) << "24 characters before: 15 means 15 or more";
    EXPECT_EQ(packs[2][1], 0) << "still the disc's title";
    const auto text = decodeCdText(packs);
    EXPECT_EQ(text.strings.at(0x80), (std::vector<std::string>{"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "x"}));
}

TEST(CdText, DecodingGivesBackWhatWasBuilt)
{
    // decodeCdTextPacks (used by `cdcts disc info`) against packs whose layout the independent decoder checks.
    const std::vector<CdTextStrings> tracks{{"One", "", ""}, {"", "", ""}, {"A title longer than twelve bytes", "P3", "S3"}};
    const auto packs = buildCdTextPacks(CdTextStrings{"Album", "Band", ""}, tracks, 4);
    const auto independent = decodeCdText(packs);
    EXPECT_EQ(independent.firstTrack, 4);
    EXPECT_EQ(independent.lastTrack, 6);
    const DecodedCdText decoded = decodeCdTextPacks(packs);
    EXPECT_EQ(decoded.firstTrack, 4);
    ASSERT_EQ(decoded.strings.size(), 4u);
    EXPECT_EQ(decoded.strings[0].title, "Album");
    EXPECT_EQ(decoded.strings[0].performer, "Band");
    EXPECT_EQ(decoded.strings[1].title, "One");
    EXPECT_EQ(decoded.strings[2].title, "");
    EXPECT_EQ(decoded.strings[3].title, "A title longer than twelve bytes");
    EXPECT_EQ(decoded.strings[3].songwriter, "S3");
    EXPECT_TRUE(decodeCdTextPacks({}).strings.size() <= 1);
}

class MediaCue : public DriveFixture {
protected:
    fs::path dir = fs::temp_directory_path() / ("cdcts-media-" + std::to_string(::getpid()));
    void SetUp() override
    {
        fs::create_directories(dir);
        std::ofstream bin(dir / "a.bin", std::ios::binary);
        const Bytes sector(2352, 0);
        for (int s = 0; s < 600; ++s) bin.write(reinterpret_cast<const char*>(sector.data()), 2352);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path sheet(const std::string& discLines)
    {
        std::ofstream(dir / "a.cue") << discLines
                                     << "FILE \"a.bin\" BINARY\n"
                                        "  TRACK 01 AUDIO\n"
                                        "    TITLE \"First\"\n"
                                        "    ISRC usabc2612345\n"
                                        "    INDEX 01 00:00:00\n"
                                        "  TRACK 02 AUDIO\n"
                                        "    PERFORMER \"Second Band\"\n"
                                        "    INDEX 01 00:04:00\n";
        return dir / "a.cue";
    }
    void writeFile(const std::string& name, const Bytes& bytes)
    {
        std::ofstream out(dir / name, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    static Bytes packBytes(const std::vector<Disc::CdTextPack>& packs)
    {
        Bytes b;
        for (const auto& p : packs) b.insert(b.end(), p.begin(), p.end());
        return b;
    }
};

TEST_F(MediaCue, CatalogIsrcAndTextReachTheDisc)
{
    const auto disc = loadCueImage(sheet("CATALOG 0123456789012\nTITLE \"Album\"\n"));
    EXPECT_EQ(disc->mediaCatalogNumber(), "0123456789012");
    EXPECT_EQ(disc->tracks()[0].isrc, "USABC2612345") << "upper-cased as the Q channel holds it";
    EXPECT_EQ(disc->tracks()[1].isrc, "");
    const auto text = decodeCdText(disc->cdTextPacks());
    EXPECT_EQ(text.strings.at(0x80), (std::vector<std::string>{"Album", "First", ""}));
    EXPECT_EQ(text.strings.at(0x81), (std::vector<std::string>{"", "", "Second Band"}));
    EXPECT_EQ(text.strings.count(0x82), 0u) << "no songwriter given: no packs of that type";

    drive.loadMedium(loadCueImage(dir / "a.cue"));
    settle();
    Bytes q(16);
    ASSERT_TRUE(send({0xBE, 0, 0, 0, 0, 60, 0, 0, 1, 0x00, 0x02, 0}, q).good());
    EXPECT_EQ(q[0] & 0x0F, 3) << "LBA 60 of track 1 carries its ISRC";
    ASSERT_TRUE(send({0xBE, 0, 0, 0, 0, 110, 0, 0, 1, 0x00, 0x02, 0}, q).good());
    EXPECT_EQ(q[0] & 0x0F, 2) << "LBA 110 the catalog number";
}

TEST_F(MediaCue, ASheetWithoutTextHasNoPacks)
{
    std::ofstream(dir / "b.cue") << "FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n";
    const auto disc = loadCueImage(dir / "b.cue");
    EXPECT_TRUE(disc->cdTextPacks().empty());
    EXPECT_TRUE(disc->mediaCatalogNumber().empty());
}

TEST_F(MediaCue, CdTextFileWithAndWithoutHeader)
{
    const std::vector<Disc::CdTextPack> packs = buildCdTextPacks(CdTextStrings{"From file", "", ""}, std::vector<CdTextStrings>(2), 1);
    Bytes bare = packBytes(packs);
    writeFile("bare.cdt", bare);
    auto disc = loadCueImage(sheet("CDTEXTFILE \"bare.cdt\"\nTITLE \"Ignored\"\n"));
    EXPECT_EQ(disc->cdTextPacks(), packs) << "the file's packs, not the sheet's TITLE";

    Bytes dump{static_cast<std::uint8_t>((bare.size() + 2) >> 8), static_cast<std::uint8_t>(bare.size() + 2), 0, 0};
    dump.insert(dump.end(), bare.begin(), bare.end());
    writeFile("dump.cdt", dump);
    disc = loadCueImage(sheet("CDTEXTFILE \"dump.cdt\"\n"));
    EXPECT_EQ(disc->cdTextPacks(), packs) << "READ TOC format 5 header skipped";
    dump.push_back(0);
    writeFile("dump0.cdt", dump);
    disc = loadCueImage(sheet("CDTEXTFILE \"dump0.cdt\"\n"));
    EXPECT_EQ(disc->cdTextPacks(), packs) << "cdrecord's trailing NUL skipped";
}

TEST_F(MediaCue, BadCdTextFilesAreRefusedWithFileAndReason)
{
    const auto expectRefused = [&](const std::string& name, const Bytes& bytes, const std::string& reason) {
        writeFile(name, bytes);
        try {
            (void)loadCueImage(sheet("CDTEXTFILE \"" + name + "\"\n"));
            ADD_FAILURE() << name << " accepted";
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find((dir / name).string()), std::string::npos) << what;
            EXPECT_NE(what.find(reason), std::string::npos) << what;
        }
    };
    Bytes good = packBytes(buildCdTextPacks(CdTextStrings{"T", "", ""}, std::vector<CdTextStrings>(2), 1));
    expectRefused("short.cdt", Bytes(good.begin(), good.end() - 1), "not a whole number of 18-byte CD-TEXT packs");
    Bytes badCrc = good;
    badCrc[18 + 5] ^= 0x01;  // a text byte of pack 1
    expectRefused("crc.cdt", badCrc, "pack 1 (byte 18): CRC does not match");
    Bytes badType = good;
    badType[0] = 0x20;
    expectRefused("type.cdt", badType, "type 0x20 is not a CD-TEXT pack type");
    expectRefused("empty.cdt", Bytes{}, "holds no CD-TEXT packs");
}

TEST_F(MediaCue, CdExtraSheetWithAnXaSecondSession)
{
    // As ImgBurn writes an Enhanced CD: audio in session 1, a MODE2/2352 track in session 2. Track 2 starts
    // after session 1's lead-out (600 + 6750), the lead-in (4500) and a 150-sector pause: LBA 12000.
    {
        std::ofstream bin(dir / "b.bin", std::ios::binary);
        for (int s = 0; s < 300; ++s) {
            Bytes sector(2352, 0);
            sector[16 + 2] = sector[16 + 6] = 0x08;  // subheader submode: data, form 1
            sector[24] = static_cast<std::uint8_t>(s);
            bin.write(reinterpret_cast<const char*>(sector.data()), 2352);
        }
    }
    std::ofstream(dir / "extra.cue") << "REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
                                        "REM SESSION 02\nFILE \"b.bin\" BINARY\n  TRACK 02 MODE2/2352\n    INDEX 01 00:00:00\n";
    const auto disc = loadCueImage(dir / "extra.cue");
    ASSERT_EQ(disc->tracks().size(), 2u);
    EXPECT_EQ(disc->sessionCount(), 2);
    EXPECT_EQ(disc->tracks()[1].type, TrackType::Mode2Xa);
    EXPECT_EQ(disc->tracks()[1].startLba, 12000);
    drive.loadMedium(loadCueImage(dir / "extra.cue"));
    settle();
    Bytes cooked(2048);
    ASSERT_TRUE(send({0x28, 0, 0, 0, 0x2E, 0xE5, 0, 0, 1, 0}, cooked).good());  // LBA 12005
    EXPECT_EQ(cooked[0], 5);
}

}  // namespace
}  // namespace cdcts::emulator
