// The reply parsers of harness/mmc/replies.hpp, on replies laid out by hand from the standards' tables.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "harness/mmc/replies.hpp"

namespace cdcts::mmc {
namespace {

TEST(ReadCapacityReply, ReadsTheLastLbaAndTheBlockLengthBigEndian)
{
    // SBC-3 Table 66: bytes 0-3 the returned logical block address, 4-7 the block length.
    const std::array<std::uint8_t, 8> reply{0x00, 0x00, 0x4E, 0x1F, 0x00, 0x00, 0x08, 0x00};
    const auto data = parseReadCapacity(reply);
    ASSERT_TRUE(data);
    EXPECT_EQ(data->lastLba, 19999u);
    EXPECT_EQ(data->blockLength, 2048u);
}

TEST(ReadCapacityReply, NeedsAllEightBytes)
{
    const std::array<std::uint8_t, 7> reply{};
    EXPECT_FALSE(parseReadCapacity(reply));
}

TEST(ModeSense10Reply, FindsThePageAfterTheHeader)
{
    // Header with no block descriptors, then page 0Eh (length 0Eh).
    std::vector<std::uint8_t> reply(8 + 16, 0);
    reply[1] = 22;
    reply[8] = 0x0E;
    reply[9] = 0x0E;
    reply[8 + 9] = 0xFF;  // port 0 volume
    const auto page = findModePage10(reply, 0x0E);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->size(), 16u);
    EXPECT_EQ((*page)[9], 0xFF);
}

TEST(ModeSense10Reply, SkipsTheBlockDescriptors)
{
    std::vector<std::uint8_t> reply(8 + 8 + 4, 0);
    reply[7] = 8;  // one 8-byte block descriptor
    reply[16] = 0x2A | 0x80;  // PS set: still page 2Ah
    reply[17] = 2;
    const auto page = findModePage10(reply, 0x2A);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->data(), reply.data() + 16);
    EXPECT_EQ(page->size(), 4u);
}

TEST(ModeSense10Reply, CutsThePageToTheTransferredBytes)
{
    std::vector<std::uint8_t> reply(8 + 6, 0);
    reply[8] = 0x2A;
    reply[9] = 0x1E;  // the page says 32 bytes, only 6 arrived
    const auto page = findModePage10(reply, 0x2A);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->size(), 6u);
}

TEST(ModeSense10Reply, RejectsAnotherPageOrAShortReply)
{
    std::vector<std::uint8_t> reply(8 + 4, 0);
    reply[8] = 0x01;
    reply[9] = 2;
    EXPECT_FALSE(findModePage10(reply, 0x0E));
    EXPECT_FALSE(findModePage10(std::span(reply).first(9), 0x01)) << "the page header needs two bytes";
    EXPECT_FALSE(findModePage10(std::span(reply).first(7), 0x01)) << "the mode parameter header needs eight";
}

TEST(SubChannelReply, ReadsTheAudioStatusAndDataLength)
{
    const std::array<std::uint8_t, 4> reply{0x00, 0x11, 0x00, 0x0C};
    const auto header = parseSubChannelHeader(reply);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->audioStatus, 0x11);
    EXPECT_EQ(header->dataLength, 12u);
    EXPECT_FALSE(parseSubChannelHeader(std::span(reply).first(3)));
}

}  // namespace
}  // namespace cdcts::mmc
