// Mode 2 sectors in the emulated drive: CD-ROM XA form 1 and form 2 (from the synthetic "xa" disc and from
// MODE2/2352 and MODE2/2336 cue images) and formless mode 2. Raw sectors are checked with the independent
// EDC/ECC oracles (sector/oracles.hpp) against ECMA-130 §14.6 and the XA layout; expected errors are MMC-6's
// (READ(10) and READ CD answer ILLEGAL MODE FOR THIS TRACK for a sector they cannot return).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "drive_fixture.hpp"
#include "harness/emulator/cue_image.hpp"
#include "sector/oracles.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;
namespace oracle = sector::oracle;

std::uint32_t le32(const Bytes& b, std::size_t at)
{
    return std::uint32_t{b[at]} | std::uint32_t{b[at + 1]} << 8 | std::uint32_t{b[at + 2]} << 16 | std::uint32_t{b[at + 3]} << 24;
}
std::uint32_t edcOf(const Bytes& b, std::size_t from, std::size_t to)
{
    return oracle::edcBitwise(std::span<const std::uint8_t>(b.data() + from, to - from));
}
const Bytes kSync{0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};

class Mode2 : public DriveFixture {
protected:
    mmc::CommandResult readCd(std::uint32_t lba, std::uint8_t count, std::uint8_t b9, Bytes& data, std::uint8_t expectedType = 0,
                              std::uint8_t b10 = 0)
    {
        return send({0xBE, static_cast<std::uint8_t>(expectedType << 2), static_cast<std::uint8_t>(lba >> 24),
                     static_cast<std::uint8_t>(lba >> 16), static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0,
                     count, b9, b10, 0},
                    data);
    }
    mmc::CommandResult read10(std::uint32_t lba, std::uint8_t count, Bytes& data)
    {
        return send({0x28, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                     static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, count, 0},
                    data);
    }
};

// Synthetic "xa" disc: one XA track from LBA 0, even LBAs form 1 (submode 0x08), odd LBAs form 2 (0x20).
class XaDisc : public Mode2 {
protected:
    void SetUp() override { loadSynthetic("xa"); }
};

TEST_F(XaDisc, AForm1SectorIsExactPerEcma130)
{
    Bytes raw(2352);
    ASSERT_TRUE(readCd(16, 1, 0xF8, raw).good());
    EXPECT_EQ(Bytes(raw.begin(), raw.begin() + 12), kSync);
    EXPECT_EQ(Bytes(raw.begin() + 12, raw.begin() + 16), (Bytes{0x00, 0x02, 0x16, 0x02})) << "LBA 16 = 00:02:16, mode 2";
    EXPECT_EQ(Bytes(raw.begin() + 16, raw.begin() + 20), Bytes(raw.begin() + 20, raw.begin() + 24)) << "subheader recorded twice";
    EXPECT_EQ(raw[18] & 0x20, 0) << "submode says form 1";
    EXPECT_EQ(le32(raw, 2072), edcOf(raw, 16, 2072)) << "form 1 EDC covers subheader and user data";
    EXPECT_EQ(oracle::failingCodewords(raw, true), 0) << "P/Q parity computed with the header taken as zero";
    EXPECT_GT(oracle::failingCodewords(raw, false), 0) << "... and not over the recorded header";
}

TEST_F(XaDisc, AForm2SectorCarriesItsEdc)
{
    Bytes raw(2352);
    ASSERT_TRUE(readCd(17, 1, 0xF8, raw).good());
    EXPECT_EQ(Bytes(raw.begin() + 12, raw.begin() + 16), (Bytes{0x00, 0x02, 0x17, 0x02}));
    EXPECT_EQ(raw[18] & 0x20, 0x20) << "submode says form 2";
    EXPECT_EQ(raw[22], raw[18]);
    EXPECT_EQ(le32(raw, 2348), edcOf(raw, 16, 2348)) << "form 2 EDC covers subheader and 2324 user bytes";
}

TEST_F(XaDisc, Read10ReturnsForm1UserDataAndRefusesForm2)
{
    Bytes cooked(2048), raw(2352);
    ASSERT_TRUE(read10(16, 1, cooked).good());
    ASSERT_TRUE(readCd(16, 1, 0xF8, raw).good());
    EXPECT_EQ(cooked, Bytes(raw.begin() + 24, raw.begin() + 2072)) << "form 1 user data starts after the subheader";
    EXPECT_TRUE(hasSense(read10(17, 1, cooked), mmc::sense::IllegalModeForThisTrack));
    Bytes two(4096);
    const auto r = read10(16, 2, two);
    EXPECT_TRUE(hasSense(r, mmc::sense::IllegalModeForThisTrack)) << "a read reaching a form-2 sector fails as a whole";
    EXPECT_EQ(r.transferred, 0u);
}

TEST_F(XaDisc, FieldSizesFollowTheForm)
{
    Bytes data(3 * 2352);
    auto r = readCd(16, 1, 0x10, data);  // user data
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2048u);
    r = readCd(17, 1, 0x10, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2324u);
    r = readCd(16, 2, 0x10, data);  // one of each
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2048u + 2324u);
    r = readCd(16, 1, 0x78, data);  // header, subheader, user data, EDC/ECC
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 4u + 8u + 2048u + 280u);
    r = readCd(17, 1, 0x78, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 4u + 8u + 2324u + 4u);
    r = readCd(17, 1, 0x50, data);  // subheader + user data
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 8u + 2324u);
    EXPECT_EQ(data[2] & 0x20, 0x20) << "the subheader comes first";
    r = readCd(17, 1, 0x40, data);  // subheader only
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 8u);
}

TEST_F(XaDisc, UserDataAgreesWithTheRawSector)
{
    Bytes raw(2352), user(2324);
    ASSERT_TRUE(readCd(17, 1, 0xF8, raw).good());
    ASSERT_TRUE(readCd(17, 1, 0x10, user).good());
    EXPECT_EQ(user, Bytes(raw.begin() + 24, raw.begin() + 2348));
}

TEST_F(XaDisc, ExpectedSectorTypesMatchTheForm)
{
    Bytes data(2352);
    EXPECT_TRUE(readCd(16, 1, 0x10, data, 4).good()) << "form 1 expected, form 1 found";
    EXPECT_TRUE(readCd(17, 1, 0x10, data, 5).good()) << "form 2 expected, form 2 found";
    EXPECT_TRUE(hasSense(readCd(17, 1, 0x10, data, 4), mmc::sense::IllegalModeForThisTrack)) << "form 1 expected, form 2 found";
    EXPECT_TRUE(hasSense(readCd(16, 1, 0x10, data, 5), mmc::sense::IllegalModeForThisTrack)) << "form 2 expected, form 1 found";
    EXPECT_TRUE(hasSense(readCd(16, 1, 0x10, data, 3), mmc::sense::IllegalModeForThisTrack)) << "formless expected, XA found";
    EXPECT_TRUE(hasSense(readCd(16, 1, 0x10, data, 2), mmc::sense::IllegalModeForThisTrack)) << "mode 1 expected";
    EXPECT_TRUE(hasSense(readCd(16, 1, 0x10, data, 1), mmc::sense::IllegalModeForThisTrack)) << "CD-DA expected";
    Bytes two(2 * 2352);
    EXPECT_TRUE(hasSense(readCd(16, 2, 0x10, two, 4), mmc::sense::IllegalModeForThisTrack)) << "the second sector is form 2";
}

TEST_F(XaDisc, SkippingTheSubheaderBetweenHeaderAndUserDataIsIllegal)
{
    Bytes data(2352);
    // Header only (01b) with user data leaves out the subheader that lies between them (MMC-6 Table 450).
    EXPECT_TRUE(hasSense(readCd(16, 1, 0x30, data), mmc::sense::InvalidFieldInCdb));
}

class FormlessDisc : public Mode2 {
protected:
    void SetUp() override
    {
        SyntheticDiscSpec spec;
        spec.tracks = {SyntheticTrack{TrackType::Mode2Formless, 600, 0, 1, {}, {}}};
        drive.loadMedium(buildSyntheticDisc(spec));
        settle();
    }
};

TEST_F(FormlessDisc, SectorsHave2336UserBytesAndNoEdc)
{
    Bytes raw(2352), user(2336);
    ASSERT_TRUE(readCd(300, 1, 0xF8, raw).good());
    EXPECT_EQ(Bytes(raw.begin(), raw.begin() + 12), kSync);
    EXPECT_EQ(Bytes(raw.begin() + 12, raw.begin() + 16), (Bytes{0x00, 0x06, 0x00, 0x02})) << "LBA 300 = 450 frames = 00:06:00";
    auto r = readCd(300, 1, 0x10, user, 3);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2336u);
    EXPECT_EQ(user, Bytes(raw.begin() + 16, raw.end()));
    r = readCd(300, 1, 0x78, raw);  // all headers + user + EDC/ECC: formless has neither subheader nor EDC/ECC
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 4u + 2336u);
}

TEST_F(FormlessDisc, CookedReadsAndXaTypesAreRefused)
{
    Bytes data(2352);
    EXPECT_TRUE(hasSense(read10(0, 1, data), mmc::sense::IllegalModeForThisTrack));
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x10, data, 4), mmc::sense::IllegalModeForThisTrack));
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x10, data, 5), mmc::sense::IllegalModeForThisTrack));
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x10, data, 2), mmc::sense::IllegalModeForThisTrack));
}

// MODE2 cue images: 20 sectors. Sector s: subheader (s, 0, submode, 0) twice with submode 0x08 (form 1) for
// even s and 0x20 (form 2) for odd s; user byte 0 = s; stored EDC/ECC bytes are junk (0xEE) except that
// sector 3's form-2 EDC is stored as zero, which CD-ROM XA allows and a drive reads back as recorded.
class Mode2Cue : public Mode2 {
protected:
    fs::path dir = fs::temp_directory_path() / ("cdcts-mode2-" + std::to_string(::getpid()));
    void SetUp() override { fs::create_directories(dir); }
    void TearDown() override { fs::remove_all(dir); }

    static Bytes afterHeader(int s)
    {
        Bytes b(2336, 0xEE);
        const std::uint8_t submode = s % 2 == 0 ? 0x08 : 0x20;
        for (int copy = 0; copy < 2; ++copy) {
            b[std::size_t(copy) * 4 + 0] = static_cast<std::uint8_t>(s);
            b[std::size_t(copy) * 4 + 1] = 0;
            b[std::size_t(copy) * 4 + 2] = submode;
            b[std::size_t(copy) * 4 + 3] = 0;
        }
        b[8] = static_cast<std::uint8_t>(s);
        if (s == 3) std::fill(b.begin() + 2332, b.end(), std::uint8_t{0});
        return b;
    }
    fs::path write(bool raw)
    {
        std::ofstream bin(dir / "xa.bin", std::ios::binary);
        for (int s = 0; s < 20; ++s) {
            Bytes sector = afterHeader(s);
            if (raw) {
                Bytes head(kSync);
                head.insert(head.end(), {0x99, 0x99, 0x99, 0x02});  // a junk address: the drive writes its own
                sector.insert(sector.begin(), head.begin(), head.end());
            }
            bin.write(reinterpret_cast<const char*>(sector.data()), static_cast<std::streamsize>(sector.size()));
        }
        std::ofstream(dir / "xa.cue") << "FILE \"xa.bin\" BINARY\n  TRACK 01 " << (raw ? "MODE2/2352" : "MODE2/2336")
                                      << "\n    INDEX 01 00:00:00\n";
        return dir / "xa.cue";
    }
    void checkImage()
    {
        Bytes cooked(2048), raw(2352);
        ASSERT_TRUE(read10(4, 1, cooked).good());
        EXPECT_EQ(cooked[0], 4) << "user data of sector 4";
        EXPECT_TRUE(hasSense(read10(5, 1, cooked), mmc::sense::IllegalModeForThisTrack));
        ASSERT_TRUE(readCd(4, 1, 0xF8, raw).good());
        EXPECT_EQ(Bytes(raw.begin() + 12, raw.begin() + 16), (Bytes{0x00, 0x02, 0x04, 0x02})) << "header of LBA 4";
        EXPECT_EQ(le32(raw, 2072), edcOf(raw, 16, 2072)) << "EDC recomputed over the stored data";
        EXPECT_EQ(oracle::failingCodewords(raw, true), 0);
        ASSERT_TRUE(readCd(5, 1, 0xF8, raw).good());
        EXPECT_EQ(le32(raw, 2348), edcOf(raw, 16, 2348));
        ASSERT_TRUE(readCd(3, 1, 0xF8, raw).good());
        EXPECT_EQ(le32(raw, 2348), 0u) << "a form-2 EDC recorded as zero stays zero";
        EXPECT_EQ(raw[24], 3);
    }
};

TEST_F(Mode2Cue, Mode2Raw2352Images)
{
    drive.loadMedium(loadCueImage(write(true)));
    settle();
    checkImage();
}

TEST_F(Mode2Cue, Mode2Cooked2336Images)
{
    drive.loadMedium(loadCueImage(write(false)));
    settle();
    checkImage();
}

// MMC-6 READ DISC INFORMATION byte 8 and the A0 point's PSEC (READ TOC format 2) name the disc type: 20h for
// CD-ROM XA. READ TRACK INFORMATION's data mode (byte 6, low nibble) is 2 for a mode-2 track.
TEST_F(XaDisc, ReportsCdRomXaDiscTypeAndDataMode2)
{
    Bytes info(34);
    ASSERT_TRUE(send({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}, info).good());
    EXPECT_EQ(info[8], 0x20) << "READ DISC INFORMATION disc type";

    Bytes toc(4 + 11 * 8);
    ASSERT_TRUE(send({0x43, 0x02, 0x02, 0, 0, 0, 1, 0, static_cast<std::uint8_t>(toc.size()), 0}, toc).good());
    bool sawA0 = false;
    for (std::size_t d = 4; d + 11 <= toc.size(); d += 11)
        if (toc[d + 3] == 0xA0) {
            sawA0 = true;
            EXPECT_EQ(toc[d + 9], 0x20) << "A0 PSEC: disc type";
        }
    EXPECT_TRUE(sawA0);

    Bytes track(48);
    ASSERT_TRUE(send({0x52, 0x01, 0, 0, 0, 1, 0, 0, 48, 0}, track).good());
    EXPECT_EQ(track[6] & 0x0F, 0x2) << "data mode 2";
}

TEST_F(Mode2, AMode1DiscIsNotXa)
{
    loadSynthetic("data");
    Bytes info(34);
    ASSERT_TRUE(send({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}, info).good());
    EXPECT_EQ(info[8], 0x00) << "CD-DA or CD-ROM";
    Bytes track(48);
    ASSERT_TRUE(send({0x52, 0x01, 0, 0, 0, 1, 0, 0, 48, 0}, track).good());
    EXPECT_EQ(track[6] & 0x0F, 0x1) << "data mode 1";
}

}  // namespace
}  // namespace cdcts::emulator
