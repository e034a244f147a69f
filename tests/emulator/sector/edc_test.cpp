#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "harness/emulator/sector/edc.hpp"
#include "tests/emulator/sector/oracles.hpp"

namespace cdcts::emulator::sector {
namespace {

std::vector<std::uint8_t> randomBytes(std::size_t n, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> v(n);
    for (auto& b : v) b = static_cast<std::uint8_t>(rng());
    return v;
}

TEST(Edc, ZeroBlockHasZeroEdc)
{
    // With no preset and no final inversion the CRC is linear, so zeros divide to zero (§14.3).
    const std::vector<std::uint8_t> zeros(2064, 0);
    EXPECT_EQ(edc(zeros), 0u);
    EXPECT_EQ(edc({}), 0u);
}

TEST(Edc, LastBitSetGivesTheDivisorItself)
{
    // Bits go in LSB first, so in byte 80 the first seven bits are zero and leave the register empty; the eighth
    // is 1, which makes the remainder the reflected divisor: x^32+x^31+x^16+x^15+x^4+x^3+x+1 with x^0 in bit 31,
    // i.e. bits 31, 30, 28, 27 (x^0, x^1, x^3, x^4), 16, 15 (x^15, x^16) and 0 (x^31) = D8018001.
    const std::uint8_t high[] = {0x80};
    EXPECT_EQ(edc(high), 0xD8018001u);
    EXPECT_EQ(oracle::edcBitwise(high), 0xD8018001u);
}

TEST(Edc, AppendingTheStoredEdcLeavesZeroRemainder)
{
    // A CRC without inversions stored LSB first after its data makes the whole run divide evenly.
    auto data = randomBytes(2056, 7);
    const std::uint32_t e = edc(data);
    for (int i = 0; i < 4; ++i) data.push_back(static_cast<std::uint8_t>(e >> (8 * i)));
    EXPECT_EQ(edc(data), 0u);
}

TEST(Edc, MatchesBitwiseOracleOnRandomAndEdgeData)
{
    for (std::size_t n : {0u, 1u, 2u, 7u, 8u, 9u, 15u, 16u, 17u, 2056u, 2064u, 2332u, 2352u}) {
        for (std::uint32_t seed = 1; seed <= 4; ++seed) {
            const auto data = randomBytes(n, seed * 1000 + static_cast<std::uint32_t>(n));
            EXPECT_EQ(edc(data), oracle::edcBitwise(data)) << "size " << n << " seed " << seed;
        }
        const std::vector<std::uint8_t> ones(n, 0xFF);
        EXPECT_EQ(edc(ones), oracle::edcBitwise(ones)) << "all FF, size " << n;
    }
}

TEST(Edc, ChainedUpdatesEqualOneCall)
{
    const auto data = randomBytes(2064, 99);
    const std::span<const std::uint8_t> all(data);
    for (std::size_t cut : {0u, 1u, 5u, 8u, 13u, 1000u, 2063u, 2064u})
        EXPECT_EQ(edcUpdate(edc(all.first(cut)), all.subspan(cut)), edc(all)) << "cut at " << cut;
}

}  // namespace
}  // namespace cdcts::emulator::sector
