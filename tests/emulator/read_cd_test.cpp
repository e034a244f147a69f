// READ CD and READ CD MSF on the synthetic mixed disc (data track 1 at LBA 0, audio track 2 at 11400 after a
// pregap from 11250, audio track 3 at 17400, lead-out 26400). Expected bytes are worked out by hand.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"
#include "harness/emulator/sector/raw_sector.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

class ReadCdCommand : public DriveFixture {
protected:
    void SetUp() override { loadSynthetic("mixed"); }
    // READ CD of `count` sectors at `lba`, byte 9 and byte 10 as given, any sector type.
    mmc::CommandResult readCd(std::uint32_t lba, std::uint8_t count, std::uint8_t b9, std::uint8_t b10, Bytes& data,
                              std::uint8_t expectedType = 0)
    {
        return send({0xBE, static_cast<std::uint8_t>(expectedType << 2), static_cast<std::uint8_t>(lba >> 24),
                     static_cast<std::uint8_t>(lba >> 16), static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0,
                     count, b9, b10, 0},
                    data);
    }
};

TEST_F(ReadCdCommand, AFullRawMode1SectorIsValidAndCarriesTheUserData)
{
    Bytes raw(2352), cooked(2048);
    ASSERT_TRUE(readCd(16, 1, 0xF8, 0, raw).good());
    ASSERT_TRUE(send({0x28, 0, 0, 0, 0, 16, 0, 0, 1, 0}, cooked).good());
    EXPECT_EQ(Bytes(raw.begin(), raw.begin() + 12), (Bytes{0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00}));
    EXPECT_EQ(Bytes(raw.begin() + 12, raw.begin() + 16), (Bytes{0x00, 0x02, 0x16, 0x01})) << "LBA 16 = 00:02:16, mode 1, BCD";
    EXPECT_EQ(Bytes(raw.begin() + 16, raw.begin() + 2064), cooked) << "raw user data agrees with READ(10)";
    const auto check = sector::checkSector(std::span<const std::uint8_t, 2352>(raw.data(), 2352));
    EXPECT_TRUE(check.valid()) << "EDC and ECC of the synthesised sector check out";
}

TEST_F(ReadCdCommand, FieldSelectionsGiveTheirSizes)
{
    Bytes data(4 * 2352);
    auto r = readCd(0, 2, 0x10, 0, data);  // user data only
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2u * 2048u);
    r = readCd(0, 1, 0x78, 0, data);  // all headers + user + EDC/ECC
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 4u + 2048u + 288u);
    r = readCd(0, 1, 0xF8 | 0x02, 0x02, data);  // everything + C2 pointers + formatted Q
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2352u + 294u + 16u);
    r = readCd(0, 1, 0x10 | 0x04, 0x01, data);  // user + C2 with block error byte + raw P-W
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2048u + 296u + 96u);
    EXPECT_TRUE(std::all_of(data.begin() + 2048, data.begin() + 2048 + 296, [](std::uint8_t b) { return b == 0; }))
        << "no C2 errors on a clean disc";
}

TEST_F(ReadCdCommand, AudioSectorsAreThePcm)
{
    Bytes data(2352 + 16);
    const auto r = readCd(11400, 1, 0x10, 0x02, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 2352u + 16u);
    // The synthetic tone (docs/sector-synthesis.md): track 2's period is 120 samples and 11400 x 588 is a whole
    // number of periods, so the sector starts at level 0 = -1500 (FA24h), then -1450 (FA56h), both channels, LE.
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 8), (Bytes{0x24, 0xFA, 0x24, 0xFA, 0x56, 0xFA, 0x56, 0xFA}));
    // Formatted Q at the start of track 2: control 2 / ADR 1, track 02, index 01, relative 00:00:00, zero,
    // absolute 11400 + 150 = 11550 frames = 02:34:00.
    EXPECT_EQ(Bytes(data.begin() + 2352, data.begin() + 2362), (Bytes{0x21, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x34, 0x00}));
}

TEST_F(ReadCdCommand, AnAllocationLengthEndingInsideASectorGetsItsFirstBytes)
{
    // Three audio sectors + formatted Q (2368 bytes each) into 2 x 2368 + 1000 bytes: the first two whole, then
    // the first 1000 bytes of the third (its PCM; the Q after it does not fit).
    Bytes whole(3 * 2368);
    ASSERT_TRUE(readCd(12000, 3, 0x10, 0x02, whole).good());
    Bytes cut(2 * 2368 + 1000, 0xEE);
    const auto r = readCd(12000, 3, 0x10, 0x02, cut);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2u * 2368u + 1000u);
    EXPECT_EQ(cut, Bytes(whole.begin(), whole.begin() + 2 * 2368 + 1000));
    Bytes fifty(50, 0xEE);  // inside the first sector's PCM, and a mode-1 sector's every field
    ASSERT_EQ(readCd(12000, 3, 0x10, 0x02, fifty).transferred, 50u);
    EXPECT_EQ(fifty, Bytes(whole.begin(), whole.begin() + 50));
    Bytes raw(2352);
    ASSERT_TRUE(readCd(16, 1, 0xF8, 0, raw).good());
    ASSERT_EQ(readCd(16, 1, 0xF8, 0, fifty).transferred, 50u);
    EXPECT_EQ(fifty, Bytes(raw.begin(), raw.begin() + 50));
}

TEST_F(ReadCdCommand, APregapSectorIsIndex0CountingDown)
{
    Bytes data(16);
    ASSERT_TRUE(readCd(11399, 1, 0x00, 0x02, data).good());  // the last pregap sector of track 2
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 6), (Bytes{0x21, 0x02, 0x00, 0x00, 0x00, 0x00}));
}

TEST_F(ReadCdCommand, TheExpectedSectorTypeMustMatch)
{
    Bytes data(2352);
    EXPECT_TRUE(readCd(0, 1, 0x10, 0, data, 2).good()) << "mode 1 where mode 1 is expected";
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x10, 0, data, 1), mmc::sense::IllegalModeForThisTrack)) << "CD-DA expected";
    EXPECT_TRUE(hasSense(readCd(11400, 1, 0x10, 0, data, 2), mmc::sense::IllegalModeForThisTrack)) << "mode 1 expected";
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x10, 0, data, 6), mmc::sense::InvalidFieldInCdb)) << "type 6 is reserved";
}

TEST_F(ReadCdCommand, IllegalCombinationsAndRangeErrors)
{
    Bytes data(3 * 2352);
    auto r = readCd(0, 1, 0x90, 0, data);  // sync + user data, skipping the header
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 9);
    r = readCd(0, 1, 0x10, 0x03, data);  // sub-channel selection 011b is reserved
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 10);
    EXPECT_TRUE(hasSense(readCd(0, 1, 0x16, 0, data), mmc::sense::InvalidFieldInCdb)) << "C2 code 11b is reserved";
    EXPECT_TRUE(hasSense(readCd(26399, 2, 0x10, 0, data), mmc::sense::LbaOutOfRange));
}

TEST_F(ReadCdCommand, MsfFormReadsTheSameSectors)
{
    Bytes byLba(2352), byMsf(2352);
    ASSERT_TRUE(readCd(0, 1, 0xF8, 0, byLba).good());
    // 00:02:00 up to (not including) 00:02:01: LBA 0 alone.
    const auto r = send({0xB9, 0, 0, 0x00, 0x02, 0x00, 0x00, 0x02, 0x01, 0xF8, 0, 0}, byMsf);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2352u);
    EXPECT_EQ(byLba, byMsf);
    EXPECT_TRUE(hasSense(send({0xB9, 0, 0, 0x00, 0x02, 0x05, 0x00, 0x02, 0x01, 0xF8, 0, 0}, byMsf), mmc::sense::InvalidFieldInCdb))
        << "an end before the start";
}

}  // namespace
}  // namespace cdcts::emulator
