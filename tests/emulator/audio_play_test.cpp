// Audio play: PLAY AUDIO (10)/(12)/MSF, PAUSE/RESUME, STOP PLAY/SCAN, SEEK (10) and READ SUB-CHANNEL, against
// MMC-6's rules (audio status codes, sense per error) and CD's 75 sectors a second, on the virtual clock.
#include <gtest/gtest.h>

#include <tuple>

#include "drive_fixture.hpp"
#include "harness/core/bytes.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;
using namespace std::chrono_literals;

constexpr mmc::SenseCode kCommandSequenceError{mmc::SenseKey::IllegalRequest, 0x2C, 0x00};

class SilentSource final : public SectorSource {
public:
    void read(const Track&, std::int32_t, std::span<std::uint8_t> out) const override { std::fill(out.begin(), out.end(), std::uint8_t{0}); }
};

// Audio track 1 at LBA 0 (3000 sectors, with an ISRC), data track 2 after a 150-sector pregap at 3150,
// lead-out at 6000; MCN on the disc.
std::unique_ptr<Disc> audioThenData()
{
    std::vector<Track> tracks{Track{1, 1, TrackType::Audio, control::CopyPermitted, 0, 3000, "USXYZ2600001"},
                              Track{2, 1, TrackType::Mode1, control::DataTrack, 3150, 2850, {}}};
    auto disc = std::make_unique<Disc>("audio then data", std::move(tracks), 6000, std::make_unique<SilentSource>());
    disc->setMediaCatalogNumber("0123456789012");
    return disc;
}

class AudioPlay_ : public DriveFixture {
protected:
    void SetUp() override
    {
        drive.loadMedium(audioThenData());
        settle();
    }
    mmc::CommandResult play10(std::uint32_t lba, std::uint16_t length)
    {
        return send({0x45, 0, std::uint8_t(lba >> 24), std::uint8_t(lba >> 16), std::uint8_t(lba >> 8), std::uint8_t(lba), 0,
                     std::uint8_t(length >> 8), std::uint8_t(length), 0});
    }
    mmc::CommandResult playMsf(mmc::Msf from, mmc::Msf to)
    {
        return send({0x47, 0, 0, from.minute, from.second, from.frame, to.minute, to.second, to.frame, 0});
    }
    mmc::CommandResult pause() { return send({0x4B, 0, 0, 0, 0, 0, 0, 0, 0x00, 0}); }
    mmc::CommandResult resume() { return send({0x4B, 0, 0, 0, 0, 0, 0, 0, 0x01, 0}); }
    // READ SUB-CHANNEL, current position (format 1), LBA or MSF addresses.
    Bytes position(bool msf = false)
    {
        Bytes data(16);
        EXPECT_TRUE(send({0x42, std::uint8_t(msf ? 0x02 : 0x00), 0x40, 0x01, 0, 0, 0, 0, 16, 0}, data).good());
        return data;
    }
    static std::int32_t absoluteLba(const Bytes& d) { return static_cast<std::int32_t>(loadBe32(&d[8])); }
    static std::int32_t relativeLba(const Bytes& d) { return static_cast<std::int32_t>(loadBe32(&d[12])); }
};

TEST_F(AudioPlay_, ThePositionAdvances75SectorsPerSecondOfClockTime)
{
    ASSERT_TRUE(play10(100, 2000).good());
    const Nanoseconds started = clock.now();
    Bytes d = position();
    EXPECT_EQ(d[1], 0x11) << "in progress";
    EXPECT_EQ(absoluteLba(d), 100);
    clock.advance(2s);
    d = position();
    EXPECT_EQ(absoluteLba(d), 250) << "2 s later: 150 sectors further";
    EXPECT_EQ(relativeLba(d), 250) << "track 1 starts at LBA 0";
    EXPECT_EQ(d[4], 0x01);
    EXPECT_EQ(d[5], 0x10 | control::CopyPermitted) << "ADR 1, the track's control";
    EXPECT_EQ(d[6], 1);
    EXPECT_EQ(d[7], 1) << "index 1";
    EXPECT_GE(clock.now() - started, 2s);
}

TEST_F(AudioPlay_, MsfAddressesFollowTheTwoSecondOffset)
{
    ASSERT_TRUE(playMsf({0, 2, 0}, {0, 30, 0}).good());  // LBA 0 to 2100
    clock.advance(1s);
    const Bytes d = position(true);
    EXPECT_EQ(d[1], 0x11);
    EXPECT_EQ((Bytes{d[8], d[9], d[10], d[11]}), (Bytes{0, 0, 3, 0})) << "LBA 75 is 00:03:00";
    EXPECT_EQ((Bytes{d[12], d[13], d[14], d[15]}), (Bytes{0, 0, 1, 0})) << "relative to index 1: 00:01:00";
}

TEST_F(AudioPlay_, APlayRunsToItsEndThenReportsCompletedOnce)
{
    ASSERT_TRUE(play10(0, 150).good());
    clock.advance(2s);
    Bytes d = position();
    EXPECT_EQ(d[1], 0x13) << "play operation completed";
    EXPECT_EQ(absoluteLba(d), 149) << "the last sector played";
    EXPECT_EQ(position()[1], 0x15) << "then no current audio status";
    EXPECT_TRUE(hasSense(pause(), kCommandSequenceError)) << "nothing left to pause";
}

TEST_F(AudioPlay_, OneSectorShortOfTheEndItIsStillPlaying)
{
    ASSERT_TRUE(play10(0, 150).good());
    clock.advance(2s - 1ns);
    EXPECT_EQ(position()[1], 0x11);
}

TEST_F(AudioPlay_, PauseHoldsThePositionAndResumeGoesOn)
{
    ASSERT_TRUE(play10(0, 3000).good());
    clock.advance(1s);
    ASSERT_TRUE(pause().good());
    clock.advance(10s);
    Bytes d = position();
    EXPECT_EQ(d[1], 0x12) << "paused";
    EXPECT_EQ(absoluteLba(d), 75);
    EXPECT_TRUE(pause().good()) << "pausing a pause is no error";
    ASSERT_TRUE(resume().good());
    clock.advance(1s);
    d = position();
    EXPECT_EQ(d[1], 0x11);
    EXPECT_EQ(absoluteLba(d), 150);
    EXPECT_TRUE(resume().good()) << "resuming a play is no error";
}

TEST_F(AudioPlay_, PauseOrResumeWithoutAPlayIsACommandSequenceError)
{
    EXPECT_TRUE(hasSense(pause(), kCommandSequenceError));
    EXPECT_TRUE(hasSense(resume(), kCommandSequenceError));
}

TEST_F(AudioPlay_, StopPlayEndsThePlayAndLeavesNoStatus)
{
    EXPECT_TRUE(send({0x4E, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good()) << "stopping nothing is no error";
    ASSERT_TRUE(play10(0, 3000).good());
    clock.advance(1s);
    ASSERT_TRUE(send({0x4E, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    clock.advance(1s);
    const Bytes d = position();
    EXPECT_EQ(d[1], 0x15);
    EXPECT_EQ(absoluteLba(d), 75) << "the head stays where the play stopped";
    EXPECT_TRUE(hasSense(resume(), kCommandSequenceError));
}

TEST_F(AudioPlay_, PlayingADataTrackIsAnIllegalMode)
{
    EXPECT_TRUE(hasSense(play10(3200, 10), mmc::sense::IllegalModeForThisTrack));
    EXPECT_TRUE(hasSense(play10(2900, 200), mmc::sense::IllegalModeForThisTrack)) << "a range that runs into track 2's pregap";
    EXPECT_EQ(position()[1], 0x15) << "nothing plays";
}

TEST_F(AudioPlay_, RangesPastTheLeadOutAreOutOfRange)
{
    const auto r = play10(6000, 1);
    ASSERT_TRUE(hasSense(r, mmc::sense::LbaOutOfRange));
    EXPECT_EQ(r.sense.bytes[17], 2);
    EXPECT_TRUE(hasSense(play10(5990, 20), mmc::sense::LbaOutOfRange));
    EXPECT_TRUE(hasSense(send({0xA5, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0}), mmc::sense::LbaOutOfRange)) << "PLAY AUDIO (12), 65536 sectors";
}

TEST_F(AudioPlay_, ALengthOfZeroPlaysNothingAndIsNoError)
{
    EXPECT_TRUE(play10(100, 0).good());
    EXPECT_EQ(position()[1], 0x15);
    EXPECT_TRUE(playMsf({0, 5, 0}, {0, 5, 0}).good());
    EXPECT_EQ(position()[1], 0x15);
}

TEST_F(AudioPlay_, PlayAudio12TakesAFourByteLength)
{
    ASSERT_TRUE(send({0xA5, 0, 0, 0, 0x03, 0xE8, 0, 0, 0, 0x64, 0, 0}).good());  // LBA 1000, 100 sectors
    clock.advance(1s);
    EXPECT_EQ(absoluteLba(position()), 1075);
    clock.advance(1s);
    EXPECT_EQ(position()[1], 0x13);
}

TEST_F(AudioPlay_, MsfErrorsPointAtTheirField)
{
    auto r = playMsf({0, 10, 0}, {0, 5, 0});
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "end before start";
    EXPECT_EQ(r.sense.bytes[17], 6);
    r = playMsf({0, 2, 75}, {0, 5, 0});
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "frame 75 does not exist";
    EXPECT_EQ(r.sense.bytes[17], 3);
    r = playMsf({0, 2, 0}, {0, 60, 0});
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 6);
}

TEST_F(AudioPlay_, AllOnesStartsFromTheCurrentPosition)
{
    ASSERT_TRUE(send({0x2B, 0, 0, 0, 0x01, 0xF4, 0, 0, 0, 0}).good());  // SEEK to LBA 500
    ASSERT_TRUE(play10(0xFFFFFFFF, 75).good());
    EXPECT_EQ(absoluteLba(position()), 500);
    ASSERT_TRUE(pause().good());
    ASSERT_TRUE(playMsf({0xFF, 0xFF, 0xFF}, {0, 20, 0}).good());
    EXPECT_EQ(absoluteLba(position()), 500);
}

TEST_F(AudioPlay_, SeekMovesTheHeadAndEndsAPlay)
{
    ASSERT_TRUE(play10(0, 3000).good());
    const Nanoseconds before = clock.now();
    ASSERT_TRUE(send({0x2B, 0, 0, 0, 0x0B, 0xB8, 0, 0, 0, 0}).good());  // LBA 3000: track 2's pregap
    EXPECT_GE(clock.now() - before, drive.profile().timings.minimumSeek) << "a seek takes time";
    const Bytes d = position();
    EXPECT_EQ(d[1], 0x15);
    EXPECT_EQ(absoluteLba(d), 3000);
    EXPECT_EQ(d[6], 2);
    EXPECT_EQ(d[7], 0) << "index 0: the pregap";
    EXPECT_EQ(relativeLba(d), -150) << "counting up to index 1";
    const auto r = send({0x2B, 0, 0, 0, 0x17, 0x70, 0, 0, 0, 0});  // LBA 6000, the lead-out
    ASSERT_TRUE(hasSense(r, mmc::sense::LbaOutOfRange));
    EXPECT_EQ(r.sense.bytes[17], 2);
}

TEST_F(AudioPlay_, SeekToMsfZeroAsTheClassDriverSendsIt)
{
    // SEEK_AUDIO_MSF 00:00:00 arrives as LBA -150 = FFFFFF6Ah (ioctl-contracts.md §3.20).
    ASSERT_TRUE(send({0x2B, 0, 0xFF, 0xFF, 0xFF, 0x6A, 0, 0, 0, 0}).good());
    EXPECT_EQ(absoluteLba(position()), -150);
}

TEST_F(AudioPlay_, AnUnreadableSectorStopsThePlayWithAnError)
{
    drive.faults().setSector(200, SectorFault::Unreadable);
    ASSERT_TRUE(play10(100, 1000).good());
    clock.advance(1s);
    EXPECT_EQ(position()[1], 0x11);
    clock.advance(1s);
    const Bytes d = position();
    EXPECT_EQ(d[1], 0x14) << "play operation stopped due to error";
    EXPECT_EQ(absoluteLba(d), 200);
    EXPECT_EQ(position()[1], 0x15) << "reported once";
}

TEST_F(AudioPlay_, AMediumChangeEndsThePlay)
{
    ASSERT_TRUE(play10(0, 3000).good());
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x02, 0}).good());  // eject
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x03, 0}).good());  // load
    ASSERT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::MediumMayHaveChanged));
    EXPECT_EQ(position()[1], 0x15);
}

TEST_F(AudioPlay_, StopUnitEndsThePlayAsTheClassDriversStopAudioDoes)
{
    ASSERT_TRUE(play10(0, 3000).good());
    ASSERT_TRUE(send({0x1B, 0x01, 0, 0, 0x00, 0}).good());
    EXPECT_EQ(position()[1], 0x15);
}

TEST_F(AudioPlay_, ALongPlayKeepsTheDiscSpinning)
{
    ASSERT_TRUE(play10(0, 3000).good());  // 40 s
    // The play ends 40 s in; then nearly the idle time passes (well past it, counted from the play's start).
    clock.advance(40s + drive.profile().timings.idleSpinDown - 1s);
    ASSERT_EQ(position()[1], 0x13);
    Bytes data(2352);
    const Nanoseconds before = clock.now();
    ASSERT_TRUE(send({0xBE, 0, 0, 0, 0x0B, 0xB7, 0, 0, 1, 0x10, 0, 0}, data).good());  // READ CD of LBA 2999: sequential
    EXPECT_LT(clock.now() - before, drive.profile().timings.spinUp) << "the idle timer started when the play ended";
}

TEST_F(AudioPlay_, SubQZeroReturnsTheHeaderAlone)
{
    ASSERT_TRUE(play10(0, 3000).good());
    Bytes data(16, 0xEE);
    const auto r = send({0x42, 0, 0x00, 0x01, 0, 0, 0, 0, 16, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 4u);
    EXPECT_EQ((Bytes{data[0], data[1], data[2], data[3]}), (Bytes{0, 0x11, 0, 0}));
}

TEST_F(AudioPlay_, TheMediaCatalogNumber)
{
    Bytes data(24);
    const auto r = send({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 24, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 24u);
    EXPECT_EQ(loadBe16(&data[2]), 20) << "sub-channel data length";
    EXPECT_EQ(data[4], 0x02);
    EXPECT_EQ(data[8], 0x80) << "MCVal";
    EXPECT_EQ(std::string(data.begin() + 9, data.begin() + 22), "0123456789012");
}

TEST_F(AudioPlay_, ATracksIsrc)
{
    Bytes data(24);
    ASSERT_TRUE(send({0x42, 0, 0x40, 0x03, 0, 0, 1, 0, 24, 0}, data).good());
    EXPECT_EQ(data[4], 0x03);
    EXPECT_EQ(data[5], 0x30 | control::CopyPermitted) << "ADR 3";
    EXPECT_EQ(data[6], 1);
    EXPECT_EQ(data[8], 0x80) << "TCVal";
    EXPECT_EQ(std::string(data.begin() + 9, data.begin() + 21), "USXYZ2600001");
    ASSERT_TRUE(send({0x42, 0, 0x40, 0x03, 0, 0, 2, 0, 24, 0}, data).good());
    EXPECT_EQ(data[8], 0x00) << "track 2 has no ISRC";
    const auto r = send({0x42, 0, 0x40, 0x03, 0, 0, 3, 0, 24, 0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "no track 3";
    EXPECT_EQ(r.sense.bytes[17], 6);
}

TEST_F(AudioPlay_, ReadSubChannelRejectsAReservedFormatAndHonoursTheAllocationLength)
{
    Bytes data(24);
    const auto r = send({0x42, 0, 0x40, 0x00, 0, 0, 0, 0, 24, 0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 3);
    EXPECT_EQ(send({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 8, 0}, data).transferred, 8u);
}

TEST(AudioPlayEmpty, AudioCommandsNeedAMedium)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("dvd_rom"), clock);
    const auto send = [&](std::vector<std::uint8_t> cdb) { return drive.execute(cdb, {}, mmc::DataDirection::None, 10s); };
    (void)send({0x00, 0, 0, 0, 0, 0});
    EXPECT_TRUE(hasSense(send({0x45, 0, 0, 0, 0, 0, 0, 0, 1, 0}), mmc::sense::MediumNotPresentTrayClosed));
    EXPECT_TRUE(hasSense(send({0x2B, 0, 0, 0, 0, 0, 0, 0, 0, 0}), mmc::sense::MediumNotPresentTrayClosed));
    EXPECT_TRUE(send({0x4E, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
}

// MECHANISM STATUS (MMC-6 §6.10) while audio plays: mechanism state (byte 1 bits 5-7) 001b "playing", and the
// header's current LBA (bytes 2-4) where the play is, 75 sectors per second.
TEST_F(AudioPlay_, MechanismStatusReportsPlayingAndThePlaysPosition)
{
    Bytes data(8);
    const auto mech = [&] {
        EXPECT_TRUE(send({0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0}, data).good());
        return std::pair{data[1] >> 5, (std::uint32_t{data[2]} << 16) | (std::uint32_t{data[3]} << 8) | data[4]};
    };
    EXPECT_EQ(mech().first, 0) << "idle before any play";
    ASSERT_TRUE(play10(100, 2000).good());
    clock.advance(2s);
    auto [state, lba] = mech();
    EXPECT_EQ(state, 1) << "playing";
    EXPECT_EQ(lba, 250u) << "2 s of play from LBA 100";
    ASSERT_TRUE(pause().good());
    clock.advance(5s);
    std::tie(state, lba) = mech();
    EXPECT_EQ(state, 0) << "paused: not playing";
    EXPECT_EQ(lba, 250u) << "the paused position holds";
    ASSERT_TRUE(resume().good());
    clock.advance(60s);  // past the play's end (LBA 2100)
    std::tie(state, lba) = mech();
    EXPECT_EQ(state, 0) << "the play completed: idle again";
    EXPECT_EQ(lba, 2099u) << "on the last sector played";
}

TEST_F(AudioPlay_, MechanismStatusCurrentLbaFollowsASeek)
{
    ASSERT_TRUE(send({0x2B, 0, 0, 0, 0x01, 0xF4, 0, 0, 0, 0}).good());  // SEEK to LBA 500
    Bytes data(8);
    ASSERT_TRUE(send({0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0}, data).good());
    EXPECT_EQ(data[1] >> 5, 0) << "idle";
    EXPECT_EQ(data[2], 0);
    EXPECT_EQ(loadBe16(&data[3]), 500) << "the head rests where the seek put it";
    // SEEK to MSF 00:00:00 as the class driver's SEEK_AUDIO_MSF sends it: LBA -150, which the unsigned field
    // cannot carry.
    ASSERT_TRUE(send({0x2B, 0, 0xFF, 0xFF, 0xFF, 0x6A, 0, 0, 0, 0}).good());
    ASSERT_TRUE(send({0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0}, data).good());
    EXPECT_EQ(data[2], 0);
    EXPECT_EQ(loadBe16(&data[3]), 0) << "the first pregap reads as LBA 0";
}

}  // namespace
}  // namespace cdcts::emulator
