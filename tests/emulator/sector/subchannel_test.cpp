#include <gtest/gtest.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "harness/emulator/sector/subchannel.hpp"

namespace cdcts::emulator::sector {
namespace {

TEST(Subchannel, PChannelIsOnesInPausesOnly)
{
    for (auto b : pChannel(true)) EXPECT_EQ(b, 0xFF);
    for (auto b : pChannel(false)) EXPECT_EQ(b, 0x00);
}

TEST(Subchannel, RawPwCarriesPInBit7AndQInBit6MsbFirst)
{
    SubchannelFrame frame;
    frame.pause = true;
    frame.q = positionQ(QPosition{0x4, 1, 1, 0, 0});
    std::array<std::uint8_t, 96> raw{};
    writeRawPw(frame, raw);
    // Gather bit 6 of byte 8k..8k+7 back into Q byte k, first byte in the most significant bit.
    for (std::size_t k = 0; k < 12; ++k) {
        unsigned q = 0;
        for (std::size_t i = 0; i < 8; ++i) q = q << 1 | ((unsigned{raw[8 * k + i]} >> 6) & 1u);
        EXPECT_EQ(q, frame.q[k]) << "Q byte " << k;
    }
    for (auto b : raw) EXPECT_EQ(b & 0xBF, 0x80);  // P set everywhere, R-W zero
    // Control/ADR 41 = 0100 0001: Q bits of the first 8 raw bytes.
    EXPECT_EQ(raw[0], 0x80);
    EXPECT_EQ(raw[1], 0xC0);
    EXPECT_EQ(raw[7], 0xC0);
}

TEST(Subchannel, FormattedQIsSixteenBytes)
{
    SubchannelFrame frame;
    frame.q = positionQ(QPosition{0x0, 3, 1, 20000, 19000});
    std::array<std::uint8_t, 16> out{};
    out.fill(0xEE);
    writeFormattedQ(frame, out);
    EXPECT_TRUE(std::equal(frame.q.begin(), frame.q.end(), out.begin()));
    EXPECT_EQ(out[12], 0);
    EXPECT_EQ(out[13], 0);
    EXPECT_EQ(out[14], 0);
    EXPECT_EQ(out[15], 0);
    frame.pause = true;
    writeFormattedQ(frame, out);
    EXPECT_EQ(out[15], 0x80);
}

TEST(Subchannel, SelectionSizesAndDispatch)
{
    EXPECT_EQ(subchannelSize(SubchannelSelection::None), 0u);
    EXPECT_EQ(subchannelSize(SubchannelSelection::RawPw), 96u);
    EXPECT_EQ(subchannelSize(SubchannelSelection::FormattedQ), 16u);
    EXPECT_EQ(subchannelSize(SubchannelSelection::RwDeinterleaved), 96u);
    EXPECT_THROW((void)subchannelSize(static_cast<SubchannelSelection>(3)), std::invalid_argument);
    SubchannelFrame frame;
    frame.q = positionQ(QPosition{0x4, 1, 1, 0, 0});
    std::vector<std::uint8_t> out(96, 0xEE);
    writeSubchannel(frame, SubchannelSelection::RwDeinterleaved, out);
    for (auto b : out) EXPECT_EQ(b, 0);
    std::vector<std::uint8_t> small(16);
    writeSubchannel(frame, SubchannelSelection::FormattedQ, small);
    EXPECT_EQ(small[0], 0x41);
    EXPECT_THROW(writeSubchannel(frame, SubchannelSelection::RawPw, small), std::invalid_argument);
}

}  // namespace
}  // namespace cdcts::emulator::sector
