#include <gtest/gtest.h>

#include <array>
#include <random>
#include <vector>

#include "harness/emulator/sector/raw_sector.hpp"
#include "tests/emulator/sector/oracles.hpp"

namespace cdcts::emulator::sector {
namespace {

using Sector = std::array<std::uint8_t, kRawSectorSize>;

template <std::size_t N>
std::array<std::uint8_t, N> randomUser(std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::array<std::uint8_t, N> a{};
    for (auto& b : a) b = static_cast<std::uint8_t>(rng());
    return a;
}

std::uint32_t storedLe32(const Sector& s, std::size_t at)
{
    return std::uint32_t{s[at]} | std::uint32_t{s[at + 1]} << 8 | std::uint32_t{s[at + 2]} << 16 |
           std::uint32_t{s[at + 3]} << 24;
}

void expectSync(const Sector& s)
{
    EXPECT_EQ(s[0], 0x00);
    for (std::size_t i = 1; i <= 10; ++i) EXPECT_EQ(s[i], 0xFF) << i;
    EXPECT_EQ(s[11], 0x00);
}

TEST(RawSector, Mode1AtLba0HasSyncHeaderAndValidEdcEcc)
{
    const auto user = randomUser<2048>(1);
    Sector s{};
    buildMode1(0, user, s);
    expectSync(s);
    // LBA 0 is MSF 00:02:00 (LBA + 150), mode 1.
    EXPECT_EQ(s[12], 0x00);
    EXPECT_EQ(s[13], 0x02);
    EXPECT_EQ(s[14], 0x00);
    EXPECT_EQ(s[15], 0x01);
    EXPECT_TRUE(std::equal(user.begin(), user.end(), s.begin() + 16));
    EXPECT_EQ(storedLe32(s, 2064), oracle::edcBitwise(std::span<const std::uint8_t>(s.data(), 2064)));
    for (std::size_t i = 2068; i < 2076; ++i) EXPECT_EQ(s[i], 0) << i;
    EXPECT_EQ(oracle::failingCodewords(s, false), 0);
    const SectorCheck check = checkSector(s);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.mode, SectorMode::Mode1);
    EXPECT_EQ(check.headerLba, 0);
}

TEST(RawSector, LargeLbaHeaderIsBcd)
{
    // LBA 359849: 359999 frames = 79 min (355500) + 59 s (4425) + 74 frames -> 79:59:74.
    const std::array<std::uint8_t, 2048> user{};
    Sector s{};
    buildMode1(359849, user, s);
    EXPECT_EQ(s[12], 0x79);
    EXPECT_EQ(s[13], 0x59);
    EXPECT_EQ(s[14], 0x74);
    EXPECT_EQ(checkSector(s).headerLba, 359849);
    // The first pregap sector, LBA -150, is 00:00:00.
    buildMode1(-150, user, s);
    EXPECT_EQ(s[12], 0x00);
    EXPECT_EQ(s[13], 0x00);
    EXPECT_EQ(s[14], 0x00);
    EXPECT_TRUE(checkSector(s).valid());
    EXPECT_EQ(checkSector(s).headerLba, -150);
}

TEST(RawSector, Mode1UserDataRoundTripsAndCorruptionIsDetected)
{
    const auto user = randomUser<2048>(2);
    Sector s{};
    buildMode1(1234, user, s);
    const auto back = userData(s, SectorMode::Mode1);
    ASSERT_EQ(back.size(), 2048u);
    EXPECT_TRUE(std::equal(back.begin(), back.end(), user.begin()));
    s[100] ^= 0x10;
    const SectorCheck check = checkSector(s);
    EXPECT_FALSE(check.edcValid);
    EXPECT_FALSE(check.eccValid);
    EXPECT_NE(oracle::failingCodewords(s, false), 0);
}

TEST(RawSector, Mode2Form1)
{
    const auto user = randomUser<2048>(3);
    Sector s{};
    buildMode2Form1(5000, Subheader{1, 2, 0x08 | kSubmodeForm2, 0}, user, s);
    expectSync(s);
    EXPECT_EQ(s[15], 0x02);
    // Subheader twice, with the form bit cleared by the form 1 builder.
    const std::uint8_t sub[8] = {1, 2, 0x08, 0, 1, 2, 0x08, 0};
    EXPECT_TRUE(std::equal(std::begin(sub), std::end(sub), s.begin() + 16));
    EXPECT_TRUE(std::equal(user.begin(), user.end(), s.begin() + 24));
    EXPECT_EQ(storedLe32(s, 2072), oracle::edcBitwise(std::span<const std::uint8_t>(s.data() + 16, 2056)));
    EXPECT_EQ(oracle::failingCodewords(s, true), 0);
    const SectorCheck check = checkSector(s);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.mode, SectorMode::Mode2Form1);
    // The header is outside the form 1 EDC and ECC, so the same data at another address has the same parity.
    Sector elsewhere{};
    buildMode2Form1(77, Subheader{1, 2, 0x08, 0}, user, elsewhere);
    EXPECT_TRUE(std::equal(s.begin() + 16, s.end(), elsewhere.begin() + 16));
    const auto back = userData(s, SectorMode::Mode2Form1);
    EXPECT_TRUE(std::equal(back.begin(), back.end(), user.begin()));
}

TEST(RawSector, Mode2Form2WithAndWithoutEdc)
{
    const auto user = randomUser<2324>(4);
    Sector s{};
    buildMode2Form2(6000, Subheader{0, 0, 0x04, 0}, user, s);
    EXPECT_EQ(s[18] & kSubmodeForm2, kSubmodeForm2);
    EXPECT_EQ(s[22], s[18]);
    EXPECT_TRUE(std::equal(user.begin(), user.end(), s.begin() + 24));
    EXPECT_EQ(storedLe32(s, 2348), oracle::edcBitwise(std::span<const std::uint8_t>(s.data() + 16, 2332)));
    EXPECT_EQ(24u + 2324u + 4u, kRawSectorSize);
    SectorCheck check = checkSector(s);
    EXPECT_TRUE(check.valid());
    EXPECT_TRUE(check.edcPresent);
    EXPECT_EQ(check.mode, SectorMode::Mode2Form2);
    EXPECT_EQ(userData(s, SectorMode::Mode2Form2).size(), 2324u);

    buildMode2Form2(6000, Subheader{0, 0, 0x04, 0}, user, s, Form2Edc::Zero);
    EXPECT_EQ(storedLe32(s, 2348), 0u);
    check = checkSector(s);
    EXPECT_TRUE(check.valid());
    EXPECT_FALSE(check.edcPresent);
}

TEST(RawSector, Mode2FormlessAndMode0)
{
    const auto user = randomUser<2336>(5);
    Sector s{};
    buildMode2Formless(10, user, s);
    EXPECT_EQ(s[15], 0x02);
    EXPECT_TRUE(std::equal(user.begin(), user.end(), s.begin() + 16));
    EXPECT_TRUE(checkSectorAs(s, SectorMode::Mode2Formless).valid());
    EXPECT_EQ(userData(s, SectorMode::Mode2Formless).size(), 2336u);

    s.fill(0x55);
    buildMode0(10, s);
    expectSync(s);
    EXPECT_EQ(s[15], 0x00);
    for (std::size_t i = 16; i < kRawSectorSize; ++i) ASSERT_EQ(s[i], 0) << i;
    EXPECT_TRUE(checkSector(s).valid());
}

TEST(RawSector, AudioIsThePcmAsGiven)
{
    const auto pcm = randomUser<2352>(6);
    Sector s{};
    buildAudio(pcm, s);
    EXPECT_EQ(s, pcm);
    EXPECT_EQ(userData(s, SectorMode::Audio).size(), 2352u);
}

TEST(RawSector, BadSyncAndUnknownModeAreReported)
{
    const std::array<std::uint8_t, 2048> user{};
    Sector s{};
    buildMode1(0, user, s);
    s[5] = 0;
    EXPECT_FALSE(checkSector(s).syncValid);
    EXPECT_FALSE(checkSector(s).valid());
    buildMode1(0, user, s);
    s[15] = 3;
    EXPECT_FALSE(checkSector(s).mode.has_value());
    buildMode1(0, user, s);
    s[13] = 0x0A;  // not BCD
    EXPECT_FALSE(checkSector(s).headerLba.has_value());
}

}  // namespace
}  // namespace cdcts::emulator::sector
