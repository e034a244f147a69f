#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

#include "harness/emulator/sector/c2.hpp"

namespace cdcts::emulator::sector {
namespace {

TEST(C2, NoErrorsIsAllZero)
{
    std::array<std::uint8_t, 296> block{};
    block.fill(0xEE);
    writeC2Block(C2ErrorMap{}, block);
    for (auto b : block) EXPECT_EQ(b, 0);
}

TEST(C2, OneBitPerByteMostSignificantFirst)
{
    std::array<std::uint8_t, 294> pointers{};
    writeC2Pointers(c2ErrorsAt({0, 9, 2351}), pointers);
    EXPECT_EQ(pointers[0], 0x80);   // byte 0 -> bit 7 of pointer byte 0
    EXPECT_EQ(pointers[1], 0x40);   // byte 9 -> bit 6 of pointer byte 1
    EXPECT_EQ(pointers[293], 0x01);  // byte 2351 -> bit 0 of the last pointer byte
    int set = 0;
    for (auto b : pointers) set += __builtin_popcount(b);
    EXPECT_EQ(set, 3);
}

TEST(C2, BlockErrorByteIsTheOrOfThePointersThenAPad)
{
    std::array<std::uint8_t, 296> block{};
    writeC2Block(c2ErrorsAt({3, 12, 2000}), block);
    // Pointer bytes: byte 3 -> 0x10 in [0]; 12 -> 0x08 in [1]; 2000 -> 0x80 in [250].
    EXPECT_EQ(block[0], 0x10);
    EXPECT_EQ(block[1], 0x08);
    EXPECT_EQ(block[250], 0x80);
    EXPECT_EQ(block[294], 0x10 | 0x08 | 0x80);
    EXPECT_EQ(block[295], 0x00);
    EXPECT_THROW((void)c2ErrorsAt({2352}), std::out_of_range);
}

}  // namespace
}  // namespace cdcts::emulator::sector
