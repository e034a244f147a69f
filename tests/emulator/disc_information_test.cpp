// READ DISC INFORMATION (MMC-6 §6.22, standard disc information, Table 386) on pressed and recordable discs.
// Expected bytes follow the table field by field; addresses are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"
#include "test_disc_builder.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::buildDisc;
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

class ReadDiscInformation : public DriveFixture {
protected:
    Bytes read(std::uint16_t allocation = 0xFF, std::uint8_t byte1 = 0)
    {
        Bytes data(allocation);
        last = send({0x51, byte1, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(allocation >> 8), static_cast<std::uint8_t>(allocation), 0}, data);
        data.resize(last.transferred);
        return data;
    }
    void load(std::unique_ptr<Disc> disc)
    {
        drive.loadMedium(std::move(disc));
        settle();
    }
    void loadRecordable(MediumKind kind, bool appendable)
    {
        auto disc = buildDisc({{0}, {9000}}, {20000});
        disc->setMediumKind(kind);
        RecordableMedium medium;
        medium.lastPossibleLeadOutLba = 359849;  // 79:59:74
        medium.appendable = appendable;
        disc->setRecordable(medium);
        load(std::move(disc));
    }
    mmc::CommandResult last;
};

TEST_F(ReadDiscInformation, PressedSingleSessionDisc)
{
    loadSynthetic("mixed");
    const Bytes reply = read();
    ASSERT_TRUE(last.good());
    Bytes expected(34, 0);
    expected[1] = 32;                 // length after the length field
    expected[2] = (0x3 << 2) | 0x2;   // last session complete (11b), disc complete (10b), not erasable
    expected[3] = 1;                  // first track on the disc
    expected[4] = 1;                  // one session
    expected[5] = 1;                  // first track in the last session
    expected[6] = 3;                  // last track in the last session
    expected[8] = 0x00;               // CD-DA or CD-ROM
    for (int i = 16; i < 24; ++i) expected[static_cast<std::size_t>(i)] = 0xFF;  // no lead-in to come, no lead-out limit
    EXPECT_EQ(reply, expected);
}

TEST_F(ReadDiscInformation, PressedTwoSessionDisc)
{
    load(testing_support::twoSessionDisc());
    const Bytes reply = read();
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply[4], 2);
    EXPECT_EQ(reply[5], 3);
    EXPECT_EQ(reply[6], 3);
    EXPECT_EQ(reply[2] & 0x03, 0x2) << "complete";
}

TEST_F(ReadDiscInformation, AppendableCdRCountsTheEmptySession)
{
    loadRecordable(MediumKind::CdR, true);
    const Bytes reply = read();
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 34u);
    EXPECT_EQ(reply[2], 0x01) << "not erasable, last session empty (00b), disc incomplete (01b)";
    EXPECT_EQ(reply[4], 2) << "the closed session and the empty one";
    EXPECT_EQ(reply[5], 3) << "the invisible track";
    EXPECT_EQ(reply[6], 3);
    EXPECT_EQ(reply[7] & 0x20, 0x20) << "URU";
    EXPECT_EQ(reply[7] & 0xD0, 0) << "no disc ID, bar code or application code";
    // The next lead-in follows session 1's 01:30:00 lead-out: LBA 20000 + 6750 = 26750, 26900 frames
    // = 5 min (22500) 58 s (4350) 50 frames.
    EXPECT_EQ(Bytes(reply.begin() + 16, reply.begin() + 20), (Bytes{0, 5, 58, 50}));
    EXPECT_EQ(Bytes(reply.begin() + 20, reply.begin() + 24), (Bytes{0, 79, 59, 74}));
    EXPECT_EQ(reply[33], 0) << "no OPC tables";
}

TEST_F(ReadDiscInformation, FinalizedCdRwIsCompleteAndErasable)
{
    loadRecordable(MediumKind::CdRw, false);
    const Bytes reply = read();
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply[2], 0x10 | (0x3 << 2) | 0x2);
    EXPECT_EQ(reply[4], 1);
    EXPECT_EQ(Bytes(reply.begin() + 16, reply.begin() + 24), Bytes(8, 0xFF));
}

TEST_F(ReadDiscInformation, OtherDataTypesAreRejected)
{
    loadSynthetic("mixed");
    for (std::uint8_t type = 1; type <= 7; ++type) {
        (void)read(0xFF, type);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "data type " << int{type};
        EXPECT_EQ(last.sense.bytes[15], 0xC0 | 0x08 | 2) << "CDB, bit pointer valid, bit 2";
        EXPECT_EQ(last.sense.bytes[17], 1);
    }
}

TEST_F(ReadDiscInformation, ReservedBitsOfByteOneAreRejected)
{
    loadSynthetic("mixed");
    for (std::uint8_t bit = 3; bit <= 7; ++bit) {
        (void)read(0xFF, static_cast<std::uint8_t>(1u << bit));
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "bit " << int{bit};
        EXPECT_EQ(last.sense.bytes[15], 0xC0 | 0x08 | bit);
        EXPECT_EQ(last.sense.bytes[17], 1);
    }
}

TEST_F(ReadDiscInformation, TruncatedToTheAllocationLength)
{
    loadSynthetic("mixed");
    const Bytes reply = read(2);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(reply, (Bytes{0, 32}));
}

TEST_F(ReadDiscInformation, NeedsAMedium)
{
    settle();
    Bytes data(34);
    EXPECT_TRUE(hasSense(send({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}, data), mmc::sense::MediumNotPresentTrayClosed));
}

}  // namespace
}  // namespace cdcts::emulator
