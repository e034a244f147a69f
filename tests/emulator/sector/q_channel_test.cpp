#include <gtest/gtest.h>

#include <stdexcept>

#include "harness/emulator/sector/bcd.hpp"
#include "harness/emulator/sector/q_channel.hpp"
#include "tests/emulator/sector/oracles.hpp"

namespace cdcts::emulator::sector {
namespace {

std::uint16_t recordedCrc(const QChannel& q) { return static_cast<std::uint16_t>(q[10] << 8 | q[11]); }

void expectCrcMatchesOracle(const QChannel& q)
{
    const std::uint16_t crc = oracle::qCrcBitwise(std::span<const std::uint8_t>(q.data(), 10));
    EXPECT_EQ(recordedCrc(q), static_cast<std::uint16_t>(~crc));
    EXPECT_TRUE(isQCrcValid(q));
}

TEST(Bcd, Encodings)
{
    EXPECT_EQ(toBcd(0), 0x00);
    EXPECT_EQ(toBcd(9), 0x09);
    EXPECT_EQ(toBcd(10), 0x10);
    EXPECT_EQ(toBcd(74), 0x74);
    EXPECT_EQ(toBcd(99), 0x99);
    EXPECT_THROW((void)toBcd(100), std::out_of_range);
    EXPECT_EQ(fromBcd(0x59), 59u);
    EXPECT_FALSE(isBcd(0x1A));
    EXPECT_EQ(lbaToBcdMsf(0), (BcdMsf{0x00, 0x02, 0x00}));
    EXPECT_EQ(lbaToBcdMsf(-1), (BcdMsf{0x00, 0x01, 0x74}));
    EXPECT_EQ(lbaToBcdMsf(-151), (BcdMsf{0x99, 0x59, 0x74}));  // lead-in wraps below 00:00:00
}

TEST(QChannel, CrcOfZerosIsStoredAsFfff)
{
    // A CRC without preset of all-zero data is zero; the disc records its complement.
    const std::array<std::uint8_t, 10> zeros{};
    EXPECT_EQ(qCrc(zeros), 0u);
    EXPECT_EQ(oracle::qCrcBitwise(zeros), 0u);
}

TEST(QChannel, CrcMatchesBitwiseOracle)
{
    std::array<std::uint8_t, 10> data{};
    for (unsigned seed = 0; seed < 64; ++seed) {
        for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(seed * 37 + i * 11 + (seed >> 2));
        EXPECT_EQ(qCrc(data), oracle::qCrcBitwise(data)) << seed;
    }
    // Hand value: message 00 01 is x^0 * x^16 mod G: the 1 enters as the last bit and leaves the divisor's low
    // terms x^12 + x^5 + 1 = 1021.
    const std::array<std::uint8_t, 2> tail = {0x00, 0x01};
    EXPECT_EQ(oracle::qCrcBitwise(tail), 0x1021u);
    data.fill(0);
    data[9] = 0x01;
    EXPECT_EQ(qCrc(data), 0x1021u);
}

TEST(QChannel, PositionAtLbaZeroOfTrackOne)
{
    // Written by hand: data track (control 4), ADR 1, track 01, index 01, relative 00:00:00, zero,
    // absolute 00:02:00.
    const QChannel q = positionQ(QPosition{0x4, 1, 1, 0, 0});
    const std::uint8_t expected[10] = {0x41, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00};
    EXPECT_TRUE(std::equal(std::begin(expected), std::end(expected), q.begin()));
    expectCrcMatchesOracle(q);
}

TEST(QChannel, PositionInsideATrack)
{
    // Audio track 12 starting at LBA 100000; LBA 104567 is 4567 frames in = 01:00:67; absolute 104717 frames =
    // 23 min (103500) + 16 s (1200) + 17 frames.
    const QChannel q = positionQ(QPosition{0x0, 12, 1, 104567, 100000});
    const std::uint8_t expected[10] = {0x01, 0x12, 0x01, 0x01, 0x00, 0x67, 0x00, 0x23, 0x16, 0x17};
    EXPECT_TRUE(std::equal(std::begin(expected), std::end(expected), q.begin()));
    expectCrcMatchesOracle(q);
}

TEST(QChannel, PregapCountsDownToZero)
{
    // Track 2 starts at LBA 1000 with a 2-second (150-sector) pregap from LBA 850.
    auto relative = [](const QChannel& q) { return std::array<std::uint8_t, 3>{q[3], q[4], q[5]}; };
    const QChannel first = positionQ(QPosition{0x0, 2, 0, 850, 1000});
    EXPECT_EQ(first[2], 0x00);
    EXPECT_EQ(relative(first), (std::array<std::uint8_t, 3>{0x00, 0x01, 0x74}));
    const QChannel last = positionQ(QPosition{0x0, 2, 0, 999, 1000});
    EXPECT_EQ(relative(last), (std::array<std::uint8_t, 3>{0x00, 0x00, 0x00}));
    const QChannel start = positionQ(QPosition{0x0, 2, 1, 1000, 1000});
    EXPECT_EQ(relative(start), (std::array<std::uint8_t, 3>{0x00, 0x00, 0x00}));
    const QChannel next = positionQ(QPosition{0x0, 2, 1, 1001, 1000});
    EXPECT_EQ(relative(next), (std::array<std::uint8_t, 3>{0x00, 0x00, 0x01}));
    // Track 1's pregap before LBA 0: absolute 00:00:00 at LBA -150, relative 00:01:74.
    const QChannel t1 = positionQ(QPosition{0x4, 1, 0, -150, 0});
    EXPECT_EQ(relative(t1), (std::array<std::uint8_t, 3>{0x00, 0x01, 0x74}));
    EXPECT_EQ(t1[7], 0x00);
    EXPECT_EQ(t1[8], 0x00);
    EXPECT_EQ(t1[9], 0x00);
    expectCrcMatchesOracle(t1);
}

TEST(QChannel, LeadOutTrackNumberIsAa)
{
    const QChannel q = positionQ(QPosition{0x4, kLeadOutTrack, 1, 5000, 4000});
    EXPECT_EQ(q[1], 0xAA);
    expectCrcMatchesOracle(q);
}

TEST(QChannel, MediaCatalogNumber)
{
    // 13 digits packed two per byte, a zero nibble after the 13th, a zero byte, then AFRAME (LBA 10 -> frame 10).
    const QChannel q = mcnQ(0x0, "1234567890123", 10);
    const std::uint8_t expected[10] = {0x02, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x30, 0x00, 0x10};
    EXPECT_TRUE(std::equal(std::begin(expected), std::end(expected), q.begin()));
    expectCrcMatchesOracle(q);
    EXPECT_THROW((void)mcnQ(0, "123", 0), std::invalid_argument);
    EXPECT_THROW((void)mcnQ(0, "12345678901A3", 0), std::invalid_argument);
}

TEST(QChannel, Isrc)
{
    // "USRC17607839": U=0x25 S=0x23 R=0x22 C=0x13 1=0x01 as 6-bit codes, 00, then 7 6 0 7 8 3 9 in BCD, 0000.
    // Bits: 100101 100011 100010 010011 000001 00 | 0111 0110 0000 0111 1000 0011 1001 | 0000
    // Bytes: 10010110 00111000 10010011 00000100 01110110 00000111 10000011 10010000 = 96 38 93 04 76 07 83 90.
    const QChannel q = isrcQ(0x0, "USRC17607839", 0);
    const std::uint8_t expected[9] = {0x03, 0x96, 0x38, 0x93, 0x04, 0x76, 0x07, 0x83, 0x90};
    EXPECT_TRUE(std::equal(std::begin(expected), std::end(expected), q.begin()));
    EXPECT_EQ(q[9], 0x00);  // AFRAME of LBA 0 (00:02:00)
    expectCrcMatchesOracle(q);
    EXPECT_THROW((void)isrcQ(0, "usrc17607839", 0), std::invalid_argument);
    EXPECT_THROW((void)isrcQ(0, "USRC1760783X", 0), std::invalid_argument);
}

}  // namespace
}  // namespace cdcts::emulator::sector
