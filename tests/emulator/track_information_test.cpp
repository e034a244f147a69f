// READ TRACK INFORMATION (MMC-6 §6.28, track information block Table 545): the three address types, the
// invisible track of an appendable disc and the out-of-range rules. Sizes and addresses are worked out by
// hand from each disc's layout (see test_disc_builder.hpp).
#include <gtest/gtest.h>

#include "drive_fixture.hpp"
#include "test_disc_builder.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::buildDisc;
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

std::uint32_t be32(const Bytes& b, std::size_t at)
{
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

class ReadTrackInformation : public DriveFixture {
protected:
    Bytes read(std::uint8_t type, std::uint32_t value, std::uint16_t allocation = 0xFF)
    {
        Bytes data(allocation);
        last = send({0x52, type, static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
                     static_cast<std::uint8_t>(value), 0, static_cast<std::uint8_t>(allocation >> 8), static_cast<std::uint8_t>(allocation), 0},
                    data);
        data.resize(last.transferred);
        return data;
    }
    void load(std::unique_ptr<Disc> disc)
    {
        drive.loadMedium(std::move(disc));
        settle();
    }
    void loadAppendableCdR()
    {
        auto disc = buildDisc({{0}, {9000}}, {20000});
        disc->setMediumKind(MediumKind::CdR);
        RecordableMedium medium;
        medium.lastPossibleLeadOutLba = 359849;
        medium.appendable = true;
        disc->setRecordable(medium);
        load(std::move(disc));
    }
    mmc::CommandResult last;
};

constexpr std::uint8_t kByLba = 0, kByTrack = 1, kBySession = 2;

TEST_F(ReadTrackInformation, AudioTrackOfAPressedDisc)
{
    load(testing_support::twoSessionDisc());
    const Bytes r = read(kByTrack, 1);
    ASSERT_TRUE(r.size() == 48u && last.good());
    EXPECT_EQ((r[0] << 8) | r[1], 46);
    EXPECT_EQ(r[2], 1) << "track";
    EXPECT_EQ(r[3], 1) << "session";
    EXPECT_EQ(r[5], 0x00) << "no damage, no copy, track mode = control 0 (2-channel audio)";
    EXPECT_EQ(r[6], 0x0F) << "not reserved, not blank, no packets; audio has no data mode";
    EXPECT_EQ(r[7], 0x00) << "neither NWA nor LRA valid on a pressed disc";
    EXPECT_EQ(be32(r, 8), 0u) << "track start";
    EXPECT_EQ(be32(r, 12), 0u);
    EXPECT_EQ(be32(r, 16), 0u) << "no free blocks";
    EXPECT_EQ(be32(r, 24), 9000u) << "to track 2's start at 9000";
    EXPECT_EQ(r[32], 0);
    EXPECT_EQ(r[33], 0);
}

TEST_F(ReadTrackInformation, LastTrackOfASessionRunsToItsLeadOut)
{
    load(testing_support::twoSessionDisc());
    const Bytes r = read(kByTrack, 2);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(be32(r, 8), 9000u);
    EXPECT_EQ(be32(r, 24), 20000u - 9000u);
}

TEST_F(ReadTrackInformation, DataTrackInTheSecondSession)
{
    load(testing_support::twoSessionDisc());
    const Bytes r = read(kByTrack, 3);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(r[3], 2);
    EXPECT_EQ(r[5], 0x04) << "data track, copy prohibited";
    EXPECT_EQ(r[6], 0x01) << "data mode 1";
    EXPECT_EQ(be32(r, 8), 31400u);
    EXPECT_EQ(be32(r, 24), 40000u - 31400u);
}

TEST_F(ReadTrackInformation, CopyBitFollowsTheControlNibble)
{
    loadSynthetic("mixed");  // audio track 2 has control 2: copy permitted
    const Bytes r = read(kByTrack, 2);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(r[5], 0x10 | 0x02);
}

TEST_F(ReadTrackInformation, ByLba)
{
    load(testing_support::twoSessionDisc());
    EXPECT_EQ(read(kByLba, 0)[2], 1);
    EXPECT_EQ(read(kByLba, 8999)[2], 1);
    EXPECT_EQ(read(kByLba, 9000)[2], 2);
    EXPECT_EQ(read(kByLba, 19999)[2], 2);
    EXPECT_EQ(read(kByLba, 31400)[2], 3);
    EXPECT_EQ(read(kByLba, 39999)[2], 3);
}

TEST_F(ReadTrackInformation, LbaOutsideEveryTrackIsOutOfRange)
{
    load(testing_support::twoSessionDisc());
    for (std::uint32_t lba : {20000u, 25000u, 31399u, 40000u, 0xFFFFFFFFu}) {
        (void)read(kByLba, lba);
        EXPECT_TRUE(hasSense(last, mmc::sense::LbaOutOfRange)) << "LBA " << static_cast<std::int32_t>(lba);
    }
}

TEST_F(ReadTrackInformation, BySession)
{
    load(testing_support::twoSessionDisc());
    EXPECT_EQ(read(kBySession, 1)[2], 1) << "a session's first track";
    EXPECT_EQ(read(kBySession, 2)[2], 3);
    for (std::uint32_t session : {0u, 3u, 0x100u}) {
        (void)read(kBySession, session);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "session " << session;
        EXPECT_EQ(last.sense.bytes[17], 2);
    }
}

TEST_F(ReadTrackInformation, TrackNumbersOutsideTheDiscAreInvalid)
{
    load(testing_support::twoSessionDisc());
    for (std::uint32_t track : {0u, 4u, 0xFFu, 0x101u}) {
        (void)read(kByTrack, track);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "track " << track;
        EXPECT_EQ(last.sense.bytes[17], 2);
    }
}

TEST_F(ReadTrackInformation, ReservedAddressTypeIsInvalid)
{
    load(testing_support::twoSessionDisc());
    (void)read(3, 1);
    ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(last.sense.bytes[15], 0xC0 | 0x08 | 1) << "bit 1 of byte 1";
    EXPECT_EQ(last.sense.bytes[17], 1);
}

TEST_F(ReadTrackInformation, ReservedBitsAndOpenAreRejected)
{
    load(testing_support::twoSessionDisc());
    for (std::uint8_t bit = 2; bit <= 7; ++bit) {
        (void)read(static_cast<std::uint8_t>((1u << bit) | kByTrack), 1);
        ASSERT_TRUE(hasSense(last, mmc::sense::InvalidFieldInCdb)) << "bit " << int{bit};
        EXPECT_EQ(last.sense.bytes[15], 0xC0 | 0x08 | bit);
        EXPECT_EQ(last.sense.bytes[17], 1);
    }
}

TEST_F(ReadTrackInformation, InvisibleTrackOfAnAppendableCdR)
{
    loadAppendableCdR();
    const Bytes r = read(kByTrack, 0xFF);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(r[2], 3) << "the number after the last track";
    EXPECT_EQ(r[3], 2) << "in the session to be written";
    EXPECT_EQ(r[6] & 0xF0, 0x40) << "blank, not reserved, no packets";
    EXPECT_EQ(r[7], 0x01) << "NWA valid";
    // Session 1's lead-out at 20000 lasts 6750, the next lead-in 4500, the pregap 150: 31400.
    EXPECT_EQ(be32(r, 8), 31400u);
    EXPECT_EQ(be32(r, 12), 31400u);
    EXPECT_EQ(be32(r, 16), 359849u - 31400u) << "up to the last possible lead-out";
    EXPECT_EQ(read(kByTrack, 3), r) << "its number names it too";
    EXPECT_EQ(read(kBySession, 2), r);
    EXPECT_EQ(read(kByLba, 31400), r);
}

TEST_F(ReadTrackInformation, RecordedTrackOfACdRHasALastRecordedAddress)
{
    loadAppendableCdR();
    const Bytes r = read(kByTrack, 1);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(r[7], 0x02) << "LRA valid, NWA not";
    EXPECT_EQ(be32(r, 28), 8999u);
}

TEST_F(ReadTrackInformation, TruncatedToTheAllocationLength)
{
    load(testing_support::twoSessionDisc());
    const Bytes r = read(kByTrack, 1, 8);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(r, (Bytes{0, 46, 1, 1, 0, 0x00, 0x0F, 0}));
}

}  // namespace
}  // namespace cdcts::emulator
