// The audio read offset of a drive profile (behaviours.read_offset_samples; audio_read_offset.hpp): READ CD of an
// audio sector returns the disc's samples shifted by the offset correction, data sectors are not shifted, and
// samples from outside the audio (a data track, before LBA 0, past the lead-out) read as silence. The synthetic
// mixed disc: data track 1 at 0-11249, audio track 2 from its pregap at 11250 (INDEX 01 at 11400), track 3 at
// 17400, lead-out 26400. Expected bytes come from the same disc read with no offset.
#include <gtest/gtest.h>

#include <algorithm>

#include "drive_fixture.hpp"
#include "harness/emulator/audio_read_offset.hpp"

namespace cdcts::emulator {
namespace {
using Bytes = std::vector<std::uint8_t>;

// The PCM of `count` sectors from `lba` as recorded (no offset).
Bytes recorded(const Disc& disc, std::int32_t lba, std::int32_t count)
{
    Bytes out;
    for (std::int32_t l = lba; l < lba + count; ++l) {
        std::array<std::uint8_t, 2352> sector{};
        if (l >= 0 && l < disc.leadOutLba() && disc.trackOwning(l)->type == TrackType::Audio) disc.readUserData(*disc.trackOwning(l), l, sector);
        out.insert(out.end(), sector.begin(), sector.end());
    }
    return out;
}

Bytes shifted(const Disc& disc, std::int32_t lba, std::int32_t offset)
{
    Bytes out(2352);
    readShiftedAudio(disc, lba, offset, std::span<std::uint8_t, 2352>(out.data(), 2352));
    return out;
}

TEST(AudioReadOffset, APositiveCorrectionReturnsSamplesFromEarlierOnTheDisc)
{
    const auto disc = makeSyntheticDisc("mixed");
    const Bytes around = recorded(*disc, 12000 - 2, 4);  // sectors 11998..12001
    for (const std::int32_t offset : {0, 6, 587, 588, 667, 1176}) {
        SCOPED_TRACE(offset);
        const auto start = static_cast<std::ptrdiff_t>((2 * 588 - offset) * 4);
        EXPECT_EQ(shifted(*disc, 12000, offset), Bytes(around.begin() + start, around.begin() + start + 2352));
    }
}

TEST(AudioReadOffset, ANegativeCorrectionReturnsSamplesFromLaterOnTheDisc)
{
    const auto disc = makeSyntheticDisc("mixed");
    const Bytes around = recorded(*disc, 12000, 4);
    for (const std::int32_t offset : {-1, -6, -588, -1164}) {
        SCOPED_TRACE(offset);
        const auto start = static_cast<std::ptrdiff_t>(-offset * 4);
        EXPECT_EQ(shifted(*disc, 12000, offset), Bytes(around.begin() + start, around.begin() + start + 2352));
    }
}

TEST(AudioReadOffset, SamplesFromOutsideTheAudioAreSilence)
{
    const auto disc = makeSyntheticDisc("mixed");
    // Track 2's pregap begins at 11250 after the data track: the 6 samples before it come from a data sector.
    Bytes first = shifted(*disc, 11250, 6);
    EXPECT_TRUE(std::all_of(first.begin(), first.begin() + 24, [](std::uint8_t b) { return b == 0; }));
    const Bytes pregap = recorded(*disc, 11250, 1);
    EXPECT_TRUE(std::equal(first.begin() + 24, first.end(), pregap.begin()));
    // The last sector before the lead-out with a negative correction: its last 6 samples lie in the lead-out.
    Bytes last = shifted(*disc, 26399, -6);
    EXPECT_TRUE(std::all_of(last.end() - 24, last.end(), [](std::uint8_t b) { return b == 0; }));
    const Bytes lastRecorded = recorded(*disc, 26399, 1);
    EXPECT_TRUE(std::equal(last.begin(), last.end() - 24, lastRecorded.begin() + 24));
}

// READ CD on a drive whose profile has an offset: slim_slot's +6.
class ReadCdWithReadOffset : public testing_support::DriveFixture {
protected:
    VirtualDrive slim{*findDriveProfile("slim_slot"), clock};
    void SetUp() override
    {
        loadSynthetic("mixed");
        slim.loadMedium(makeSyntheticDisc("mixed"));
        for (int i = 0; i < 8; ++i) {
            std::vector<std::uint8_t> none;
            const auto r = slim.execute(std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0}, none, mmc::DataDirection::None, std::chrono::seconds(10));
            if (r.good()) break;
            clock.advance(slim.profile().timings.spinUp);
        }
    }
    static mmc::CommandResult readCd(VirtualDrive& d, std::uint32_t lba, std::uint8_t count, std::uint8_t b9, Bytes& data)
    {
        const std::vector<std::uint8_t> cdb{0xBE, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                                            static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, count, b9, 0, 0};
        return d.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10));
    }
};

TEST_F(ReadCdWithReadOffset, AudioIsShiftedAndDataIsNot)
{
    ASSERT_EQ(slim.profile().behaviours.readOffsetSamples, 6);
    Bytes exact(2 * 2352), offset(2352);
    ASSERT_TRUE(readCd(drive, 12000, 2, 0x10, exact).good());
    ASSERT_TRUE(readCd(slim, 12001, 1, 0x10, offset).good());
    EXPECT_EQ(offset, Bytes(exact.begin() + (588 - 6) * 4, exact.begin() + (2 * 588 - 6) * 4)) << "starts 6 samples early";
    Bytes data(2352), dataSlim(2352);
    ASSERT_TRUE(readCd(drive, 100, 1, 0xF8, data).good());
    ASSERT_TRUE(readCd(slim, 100, 1, 0xF8, dataSlim).good());
    EXPECT_EQ(data, dataSlim) << "a data sector is found by its header";
}

}  // namespace
}  // namespace cdcts::emulator
