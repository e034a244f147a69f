#include <gtest/gtest.h>

#include <array>
#include <random>

#include "harness/emulator/sector/ecc.hpp"
#include "harness/emulator/sector/raw_sector.hpp"
#include "tests/emulator/sector/oracles.hpp"

namespace cdcts::emulator::sector {
namespace {

using Sector = std::array<std::uint8_t, kRawSectorSize>;

Sector randomSector(std::uint32_t seed)
{
    std::mt19937 rng(seed);
    Sector s{};
    for (auto& b : s) b = static_cast<std::uint8_t>(rng());
    return s;
}

TEST(Ecc, OracleFieldIsTheAnnexAField)
{
    // alpha^8 = x^4 + x^3 + x^2 + 1 = 1D, and alpha generates all 255 non-zero elements.
    EXPECT_EQ(oracle::gfAlphaPower(8), 0x1D);
    EXPECT_EQ(oracle::gfAlphaPower(255), 1);
    for (unsigned n = 1; n < 255; ++n) EXPECT_NE(oracle::gfAlphaPower(n), 1) << n;
}

TEST(Ecc, ParityOfRandomDataHasZeroSyndromes)
{
    for (std::uint32_t seed = 1; seed <= 8; ++seed) {
        Sector s = randomSector(seed);
        writeEcc(s, EccHeader::AsRecorded);
        EXPECT_EQ(oracle::failingCodewords(s, false), 0) << "seed " << seed;
        EXPECT_TRUE(isEccValid(s, EccHeader::AsRecorded));
    }
}

TEST(Ecc, ZeroedHeaderParityHasZeroSyndromesWithTheHeaderZeroed)
{
    Sector s = randomSector(42);
    writeEcc(s, EccHeader::Zeroed);
    EXPECT_EQ(oracle::failingCodewords(s, true), 0);
    EXPECT_NE(oracle::failingCodewords(s, false), 0);  // the random header is not covered
    EXPECT_TRUE(isEccValid(s, EccHeader::Zeroed));
    EXPECT_FALSE(isEccValid(s, EccHeader::AsRecorded));
}

TEST(Ecc, AllZeroDataHasAllZeroParity)
{
    // The code is linear: the zero word is a codeword.
    Sector s{};
    s.fill(0xAA);
    std::fill(s.begin() + 12, s.begin() + offset::EccP, std::uint8_t{0});
    writeEcc(s, EccHeader::AsRecorded);
    for (std::size_t i = offset::EccP; i < kRawSectorSize; ++i) ASSERT_EQ(s[i], 0) << "byte " << i;
}

TEST(Ecc, FlippingAnyCoveredByteBreaksTheSyndromes)
{
    Sector s = randomSector(3);
    writeEcc(s, EccHeader::AsRecorded);
    for (std::size_t i = 12; i < kRawSectorSize; i += 37) {
        Sector bad = s;
        bad[i] ^= 0x01;
        // Every byte lies in exactly one P and one Q codeword (P parity and Q parity bytes: one or the other only).
        const int failing = oracle::failingCodewords(bad, false);
        EXPECT_GE(failing, 1) << "byte " << i;
        EXPECT_LE(failing, 2) << "byte " << i;
        EXPECT_FALSE(isEccValid(bad, EccHeader::AsRecorded)) << "byte " << i;
    }
}

TEST(Ecc, SyncIsNotCovered)
{
    Sector s = randomSector(5);
    writeEcc(s, EccHeader::AsRecorded);
    s[3] ^= 0xFF;
    EXPECT_EQ(oracle::failingCodewords(s, false), 0);
    EXPECT_TRUE(isEccValid(s, EccHeader::AsRecorded));
}

}  // namespace
}  // namespace cdcts::emulator::sector
