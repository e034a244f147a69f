// READ TOC format 0 against hand-computed replies for the synthetic mixed disc: data track 1 at LBA 0,
// audio track 2 at LBA 11400, audio track 3 at LBA 17400, lead-out at LBA 26400.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

class ReadTocCommand : public DriveFixture {
protected:
    void SetUp() override { loadSynthetic("mixed"); }
};

TEST_F(ReadTocCommand, MsfForm)
{
    Bytes data(804);
    const auto r = send({0x43, 0x02, 0, 0, 0, 0, 0, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 36u);
    data.resize(36);
    EXPECT_EQ(data, (Bytes{0x00, 0x22, 1, 3,                       // length 34, tracks 1..3
                           0, 0x14, 1, 0, 0, 0x00, 0x02, 0x00,     // data track at 00:02:00
                           0, 0x12, 2, 0, 0, 0x02, 0x22, 0x00,     // LBA 11400 = 02:34:00
                           0, 0x12, 3, 0, 0, 0x03, 0x36, 0x00,     // LBA 17400 = 03:54:00
                           0, 0x12, 0xAA, 0, 0, 0x05, 0x36, 0x00}));  // lead-out LBA 26400 = 05:54:00
}

TEST_F(ReadTocCommand, LbaForm)
{
    Bytes data(804);
    const auto r = send({0x43, 0x00, 0, 0, 0, 0, 0, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 36u);
    EXPECT_EQ(Bytes(data.begin() + 12, data.begin() + 20), (Bytes{0, 0x12, 2, 0, 0x00, 0x00, 0x2C, 0x88}));
    EXPECT_EQ(Bytes(data.begin() + 28, data.begin() + 36), (Bytes{0, 0x12, 0xAA, 0, 0x00, 0x00, 0x67, 0x20}));
}

TEST_F(ReadTocCommand, StartsAtTheRequestedTrack)
{
    Bytes data(804);
    const auto r = send({0x43, 0x00, 0, 0, 0, 0, 3, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 20u);
    EXPECT_EQ(data[1], 18) << "length counts only what follows";
    EXPECT_EQ(data[2], 1) << "first and last track describe the disc, not the reply";
    EXPECT_EQ(data[6], 3);
    EXPECT_EQ(data[14], 0xAA);
}

TEST_F(ReadTocCommand, LeadOutOnly)
{
    Bytes data(804);
    const auto r = send({0x43, 0x00, 0, 0, 0, 0, 0xAA, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 12u);
    EXPECT_EQ(data[6], 0xAA);
}

TEST_F(ReadTocCommand, RejectsATrackPastTheLast)
{
    Bytes data(804);
    const auto r = send({0x43, 0x00, 0, 0, 0, 0, 4, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 6) << "field pointer names CDB byte 6";
}

TEST_F(ReadTocCommand, TruncatesToTheAllocationLength)
{
    Bytes data(804, 0xEE);
    const auto r = send({0x43, 0x02, 0, 0, 0, 0, 0, 0x00, 0x0C, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 12u);
    EXPECT_EQ(data[1], 0x22) << "the length field still tells the full size";
    EXPECT_EQ(data[12], 0xEE);
}

TEST_F(ReadTocCommand, SessionInformationOfASingleSessionDisc)
{
    Bytes data(804);
    const auto r = send({0x43, 0x00, 0x01, 0, 0, 0, 0, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 12u);
    data.resize(12);
    // Length 10, sessions 1..1, track 1 (data, ADR 1) at LBA 0.
    EXPECT_EQ(data, (Bytes{0x00, 0x0A, 1, 1, 0, 0x14, 1, 0, 0, 0, 0, 0}));
    Bytes msf(12);
    ASSERT_TRUE(send({0x43, 0x02, 0x01, 0, 0, 0, 0, 0x00, 0x0C, 0}, msf).good());
    EXPECT_EQ(Bytes(msf.begin() + 8, msf.end()), (Bytes{0, 0x00, 0x02, 0x00})) << "LBA 0 is 00:02:00";
}

TEST_F(ReadTocCommand, FullTocOfASingleSessionDisc)
{
    Bytes data(804);
    const auto r = send({0x43, 0x02, 0x02, 0, 0, 0, 1, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    data.resize(r.transferred);
    EXPECT_EQ(data, (Bytes{0x00, 0x44, 1, 1,                                    // 2 + 6 * 11 bytes, sessions 1..1
                           1, 0x14, 0, 0xA0, 0, 0, 0, 0, 1, 0x00, 0,            // first track 1, disc type CD-ROM
                           1, 0x12, 0, 0xA1, 0, 0, 0, 0, 3, 0, 0,               // last track 3
                           1, 0x12, 0, 0xA2, 0, 0, 0, 0, 5, 54, 0,              // lead-out 26400 + 150 = 05:54:00
                           1, 0x14, 0, 0x01, 0, 0, 0, 0, 0, 2, 0,               // track 1 at 00:02:00
                           1, 0x12, 0, 0x02, 0, 0, 0, 0, 2, 34, 0,              // track 2 at 02:34:00
                           1, 0x12, 0, 0x03, 0, 0, 0, 0, 3, 54, 0}));           // track 3 at 03:54:00
    EXPECT_TRUE(hasSense(send({0x43, 0x02, 0x02, 0, 0, 0, 2, 0x03, 0x24, 0}, data), mmc::sense::InvalidFieldInCdb))
        << "there is no session 2";
}

TEST_F(ReadTocCommand, PressedDiscHasNoPma)
{
    Bytes data(804);
    EXPECT_TRUE(hasSense(send({0x43, 0x00, 0x03, 0, 0, 0, 0, 0x03, 0x24, 0}, data), mmc::sense::InvalidFieldInCdb));
}

}  // namespace
}  // namespace cdcts::emulator
