// READ(10) and READ(12): cooked 2048-byte reads of mode-1 sectors, and the errors real drives give.
#include <gtest/gtest.h>

#include "drive_fixture.hpp"
#include "harness/emulator/synthetic_disc.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

class ReadCommand : public DriveFixture {
protected:
    // The synthetic mixed disc: data track 1 at LBA 0-11249, pregap 11250-11399, audio from 11400, lead-out 26400.
    void SetUp() override { loadSynthetic("mixed"); }

    Bytes expectedSector(std::int32_t lba)
    {
        const auto disc = makeSyntheticDisc("mixed");
        Bytes out(2048);
        disc->readUserData(disc->tracks()[0], lba, out);
        return out;
    }
};

TEST_F(ReadCommand, Read10ReturnsTheSectorsUserData)
{
    Bytes data(3 * 2048);
    const auto r = send({0x28, 0, 0x00, 0x00, 0x00, 0x64, 0, 0x00, 0x03, 0}, data);  // LBA 100, 3 blocks
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 3u * 2048u);
    EXPECT_EQ(Bytes(data.begin() + 2048, data.begin() + 4096), expectedSector(101));
}

TEST_F(ReadCommand, Read12ReadsTheSameSectors)
{
    Bytes a(2048), b(2048);
    ASSERT_TRUE(send({0x28, 0, 0, 0, 0x2B, 0x67, 0, 0, 1, 0}, a).good());                // LBA 11111
    ASSERT_TRUE(send({0xA8, 0, 0, 0, 0x2B, 0x67, 0, 0, 0, 1, 0x80, 0}, b).good());      // the same, Streaming set
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, expectedSector(11111));
}

TEST_F(ReadCommand, ZeroBlocksIsGoodWithNoData)
{
    Bytes data(2048, 0xEE);
    const auto r = send({0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 0u);
    EXPECT_EQ(data[0], 0xEE);
}

TEST_F(ReadCommand, PastTheLeadOutIsLbaOutOfRange)
{
    Bytes data(2 * 2048);
    // LBA 26399 is the last sector; 26399 + 2 blocks runs into the lead-out.
    EXPECT_TRUE(hasSense(send({0x28, 0, 0, 0, 0x67, 0x1F, 0, 0, 2, 0}, data), mmc::sense::LbaOutOfRange));
    EXPECT_TRUE(hasSense(send({0x28, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 1, 0}, data), mmc::sense::LbaOutOfRange))
        << "no wrap-around at the top of the LBA range";
}

TEST_F(ReadCommand, AudioSectorsAreIllegalModeForThisTrack)
{
    Bytes data(2048);
    EXPECT_TRUE(hasSense(send({0x28, 0, 0, 0, 0x2C, 0x88, 0, 0, 1, 0}, data), mmc::sense::IllegalModeForThisTrack));  // 11400
    EXPECT_TRUE(hasSense(send({0x28, 0, 0, 0, 0x2B, 0xF2, 0, 0, 1, 0}, data), mmc::sense::IllegalModeForThisTrack))  // 11250
        << "the pregap belongs to the audio track after it";
    Bytes two(2 * 2048);
    EXPECT_TRUE(hasSense(send({0x28, 0, 0, 0, 0x2B, 0xF1, 0, 0, 2, 0}, two), mmc::sense::IllegalModeForThisTrack))  // 11249-11250
        << "a read crossing into the gap fails as a whole";
}

TEST_F(ReadCommand, AShortHostBufferLeavesAResidual)
{
    Bytes data(2048 + 100);
    const auto r = send({0x28, 0, 0, 0, 0, 0, 0, 0, 2, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 2048u);
}

TEST_F(ReadCommand, RelAdrIsAnInvalidField)
{
    Bytes data(2048);
    const auto r = send({0x28, 0x01, 0, 0, 0, 0, 0, 0, 1, 0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 1);
}

TEST(ReadCommandEmpty, NeedsAMedium)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("dvd_rom"), clock);
    Bytes data(2048);
    const std::vector<std::uint8_t> cdb{0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    EXPECT_TRUE(hasSense(drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(1)), mmc::sense::PowerOnResetOccurred));
    EXPECT_TRUE(hasSense(drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(1)), mmc::sense::MediumNotPresentTrayClosed));
}

}  // namespace
}  // namespace cdcts::emulator
