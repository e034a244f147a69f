// The audio codes, part 1 (ioctl-contracts.md §3.19, §3.20, §3.21, §7.4): PLAY_AUDIO_MSF, PAUSE_AUDIO (= SIMBAD),
// RESUME_AUDIO, STOP_AUDIO and SEEK_AUDIO_MSF; part 2, audio_q_channel_suite.cpp, has READ_Q_CHANNEL, the
// play-active flag, GET_VOLUME / SET_VOLUME and the V-stage and access rules. What a play does shows through the Q channel's audio status and position, and
// through the driver's play-active flag (reads answer DEVICE_BUSY while it is set). Time passes on the device's
// clock, so on emulated drives the waits cost nothing. Every test that plays stops the play, and every test that
// sets the volume puts it back, from an RAII guard even when it fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/audio_fixture.hpp"
#include "suites/audio_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;
using std::chrono::milliseconds;
using std::chrono::seconds;
using namespace audio;

class PlayAudioMsf : public AudioTestBase {};

TEST_P(PlayAudioMsf, StartsAPlayTheQChannelReportsInProgress)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_EQ(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_EQ(p.track, track.number);
    EXPECT_GE(p.lba, track.start);
    EXPECT_LT(p.lba, track.end);
    // Both addresses come from the same Q frame: the relative one counts from the track's index 1.
    EXPECT_EQ(p.relative, p.lba - track.start);
}

TEST_P(PlayAudioMsf, PositionAdvancesWhilePlaying)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    const Position first = currentPosition(handle());
    ASSERT_THAT_STATUS(first.result.status, status::Success);
    sleep(seconds(2));
    const Position second = currentPosition(handle());
    ASSERT_THAT_STATUS(second.result.status, status::Success);
    EXPECT_EQ(second.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    // 2 s of play is 150 frames; a real drive's Q report lags or leads a little, so only ask for one second.
    const std::int32_t advanced = second.lba - first.lba;
    EXPECT_GE(advanced, mmc::kFramesPerSecond) << "from " << first.lba << " to " << second.lba;
    EXPECT_LT(second.lba, track.end);
    // Within the tolerance but more than 10 % short of real time: the reported position lags what plays, which
    // players that follow the Q channel show as a stalling clock. Allowed, but poor.
    const std::int32_t expected = 2 * mmc::kFramesPerSecond;
    if (advanced >= mmc::kFramesPerSecond && advanced * 10 < expected * 9)
        qualityWarning("the Q channel position advanced " + std::to_string(advanced) + " frames in 2 s of play (" +
                       std::to_string(expected) + " expected): it lags the audio");
}

TEST_P(PlayAudioMsf, AShortPlayEndsAndTheQChannelStopsReportingInProgress)
{
    AUDIO_TRACK_OR_SKIP(track);
    PlayGuard guard(handle());
    const ControlResult r = guard.play(playInput(track.start, track.start + mmc::kFramesPerSecond));
    if (r.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(r.status, status::Success);
    sleep(seconds(3));
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    // MMC: 13h (completed) is reported once, after which the drive may say 15h (no status).
    EXPECT_TRUE(p.audioStatus == ioctl::AUDIO_STATUS_PLAY_COMPLETE || p.audioStatus == ioctl::AUDIO_STATUS_NO_STATUS)
        << "audio status " << int(p.audioStatus);
    EXPECT_GE(p.lba, track.start);
    EXPECT_LE(p.lba, track.start + mmc::kFramesPerSecond);
}

TEST_P(PlayAudioMsf, AnInvalidMsfIsPassedToTheDriveWhichRefusesIt)
{
    // §3.20: the driver copies the MSF into the CDB without checking it; the drive rejects second 60 (MMC
    // INVALID FIELD IN CDB) and nothing plays.
    AUDIO_TRACK_OR_SKIP(track);
    PlayGuard guard(handle());
    std::vector<std::uint8_t> in = playInput(track.start, track.start + 5 * mmc::kFramesPerSecond);
    in[1] = 60;
    const ControlResult r = guard.play(in);
    EXPECT_TRUE(r.status.isError()) << ioctl::ntStatusName(r.status);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_NE(readSector().status, status::DeviceBusy) << "a failed play must not set the play-active flag";
}

TEST_P(PlayAudioMsf, ARangeEndingBeforeItStartsPlaysNothing)
{
    AUDIO_TRACK_OR_SKIP(track);
    PlayGuard guard(handle());
    const ControlResult r = guard.play(playInput(track.start + 2 * mmc::kFramesPerSecond, track.start));
    // MMC: an ending address before the start is an invalid field; in any case nothing may be playing.
    EXPECT_TRUE(r.status.isError()) << ioctl::ntStatusName(r.status);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
}

TEST_P(PlayAudioMsf, ADataTrackDoesNotPlay)
{
    const std::vector<Track> tracks = readTracks(handle(), device());
    const auto data = std::find_if(tracks.begin(), tracks.end(), [](const Track& t) { return !t.audio; });
    if (data == tracks.end()) GTEST_SKIP() << "NotSupported: the disc has no data track";
    PlayGuard guard(handle());
    const ControlResult r = guard.play(playInput(data->start, std::min(data->end, data->start + 75)));
    EXPECT_TRUE(r.status.isError()) << "MMC: ILLEGAL MODE FOR THIS TRACK; got " << ioctl::ntStatusName(r.status);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
}

// --- PAUSE_AUDIO (= SIMBAD), RESUME_AUDIO, STOP_AUDIO: transitions seen through the Q channel ---------------------

class PauseAudio : public AudioTestBase {};

TEST_P(PauseAudio, HoldsThePositionAndResumeAudioContinues)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    sleep(seconds(1));
    const ControlResult paused = control(codes::CdromPauseAudio, {}, {});
    ASSERT_THAT_STATUS(paused.status, status::Success);
    EXPECT_EQ(paused.information, 0u);
    const Position atPause = currentPosition(handle());
    ASSERT_THAT_STATUS(atPause.result.status, status::Success);
    EXPECT_EQ(atPause.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
    sleep(seconds(2));
    const Position later = currentPosition(handle());
    ASSERT_THAT_STATUS(later.result.status, status::Success);
    EXPECT_EQ(later.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
    EXPECT_EQ(later.lba, atPause.lba) << "a paused play does not move";

    const ControlResult resumed = control(codes::CdromResumeAudio, {}, {});
    ASSERT_THAT_STATUS(resumed.status, status::Success) << "RESUME_AUDIO";
    EXPECT_EQ(resumed.information, 0u);
    sleep(seconds(2));
    const Position playing = currentPosition(handle());
    ASSERT_THAT_STATUS(playing.result.status, status::Success);
    EXPECT_EQ(playing.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_GE(playing.lba - atPause.lba, mmc::kFramesPerSecond) << "the play continues from where it paused";
}

TEST_P(PauseAudio, SimbadIsTheSameCodeAndPausesToo)
{
    static_assert(codes::CdromSimbad == codes::CdromPauseAudio);
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    ASSERT_THAT_STATUS(control(codes::CdromSimbad, {}, {}).status, status::Success);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_EQ(p.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
}

TEST_P(PauseAudio, FailsWhenNothingPlays)
{
    // MMC PAUSE/RESUME: with no play operation to act on, COMMAND SEQUENCE ERROR; the state stays as it was.
    AUDIO_TRACK_OR_SKIP(track);
    (void)track;
    ASSERT_THAT_STATUS(control(codes::CdromStopAudio, {}, {}).status, status::Success);
    const ControlResult r = control(codes::CdromPauseAudio, {}, {});
    EXPECT_TRUE(r.status.isError()) << ioctl::ntStatusName(r.status);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
}

class ResumeAudio : public AudioTestBase {};

TEST_P(ResumeAudio, ResumingAPlayInProgressIsNoError)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    EXPECT_THAT_STATUS(control(codes::CdromResumeAudio, {}, {}).status, status::Success);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_EQ(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
}

// MMC PAUSE/RESUME: a resumed play goes on from the paused position. The first Q position after the resume may
// sit a little before it (a drive may re-seek a few frames back to splice the audio), but not a second or more,
// which is where a drive that restarts the play from its start address would be after three seconds of play.
TEST_P(ResumeAudio, ContinuesFromThePausedPositionNotFromTheStart)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    sleep(seconds(3));
    ASSERT_THAT_STATUS(control(codes::CdromPauseAudio, {}, {}).status, status::Success);
    const Position atPause = currentPosition(handle());
    ASSERT_THAT_STATUS(atPause.result.status, status::Success);
    ASSERT_EQ(atPause.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
    ASSERT_THAT_STATUS(control(codes::CdromResumeAudio, {}, {}).status, status::Success);
    const Position resumed = currentPosition(handle());
    ASSERT_THAT_STATUS(resumed.result.status, status::Success);
    EXPECT_EQ(resumed.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_GT(resumed.lba, atPause.lba - mmc::kFramesPerSecond)
        << "the play resumes where it paused (" << atPause.lba << "), not from its start";
}

class StopAudio : public AudioTestBase {};

TEST_P(StopAudio, EndsAPlay)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    const ControlResult r = control(codes::CdromStopAudio, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
}

TEST_P(StopAudio, EndsAPausedPlay)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    ASSERT_THAT_STATUS(control(codes::CdromPauseAudio, {}, {}).status, status::Success);
    ASSERT_THAT_STATUS(control(codes::CdromStopAudio, {}, {}).status, status::Success);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_PAUSED);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
}

class StopAudioIdle : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(StopAudioIdle, SucceedsWithNothingPlaying)
{
    // START STOP UNIT (Start = 0) needs no play; the driver has no V-stage for it and returns no data.
    const ControlResult r = control(codes::CdromStopAudio, {}, {});
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

// --- SEEK_AUDIO_MSF ----------------------------------------------------------------------------------------------

class SeekAudioMsf : public AudioTestBase {};

TEST_P(SeekAudioMsf, MovesTheQPositionWithoutPlaying)
{
    AUDIO_TRACK_OR_SKIP(track);
    PlayGuard guard(handle());  // a drive may start playing from the seek target; stop it then
    const std::int32_t target = track.start + 2 * mmc::kFramesPerSecond;
    const ControlResult r = control(codes::CdromSeekAudioMsf, seekInput(target), {});
    if (r.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses SEEK(10)";
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    EXPECT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    EXPECT_EQ(p.track, track.number);
    // Real drives report the Q position of the sector near the target; allow a second either side.
    EXPECT_LE(std::abs(p.lba - target), mmc::kFramesPerSecond) << "target " << target << ", Q position " << p.lba;
}

TEST_P(SeekAudioMsf, DuringPlayLeavesThePlayActiveFlagUntilTheQChannelIsRead)
{
    // §3.20/§7.4: SEEK leaves the flag unchanged, so reads still answer DEVICE_BUSY without asking the drive;
    // the next Q-channel reply that is not "in progress" clears it.
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    const ControlResult r = control(codes::CdromSeekAudioMsf, seekInput(track.start + mmc::kFramesPerSecond), {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_THAT_STATUS(readSector().status, status::DeviceBusy);
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    if (p.audioStatus == ioctl::AUDIO_STATUS_IN_PROGRESS) return;  // a drive that keeps playing keeps the flag
    EXPECT_NE(readSector().status, status::DeviceBusy) << "the Q channel reported no play; the flag must be clear";
}

TEST_P(SeekAudioMsf, PastTheLeadOutFails)
{
    const std::vector<Track> tracks = readTracks(handle(), device());
    ASSERT_FALSE(tracks.empty()) << "READ_TOC failed";
    const ControlResult r = control(codes::CdromSeekAudioMsf, seekInput(tracks.back().end + 10 * mmc::kFramesPerSecond), {});
    EXPECT_TRUE(r.status.isError()) << "MMC: LOGICAL BLOCK ADDRESS OUT OF RANGE; got " << ioctl::ntStatusName(r.status);
}

// --- Instantiation ---------------------------------------------------------------------------------------------

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, PlayAudioMsf, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, PauseAudio, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ResumeAudio, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, StopAudio, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, StopAudioIdle, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, SeekAudioMsf, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PlayAudioMsf);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PauseAudio);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ResumeAudio);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StopAudio);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StopAudioIdle);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SeekAudioMsf);

}  // namespace
}  // namespace cdcts::suites
