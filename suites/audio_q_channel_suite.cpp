// The audio codes, part 2 (ioctl-contracts.md §3.19, §3.21, §7.4): READ_Q_CHANNEL (current position, MCN, ISRC),
// the driver's play-active flag, GET_VOLUME / SET_VOLUME, and the V-stage and access rules of every audio code.
// Part 1, audio_suite.cpp, plays, pauses, resumes, stops and seeks. What a play does shows through the Q channel's audio status and position, and
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

// --- READ_Q_CHANNEL replies ----------------------------------------------------------------------------------------

class ReadQChannel : public AudioTestBase {};

bool knownAudioStatus(std::uint8_t s)
{
    return s == ioctl::AUDIO_STATUS_NOT_SUPPORTED || (s >= ioctl::AUDIO_STATUS_IN_PROGRESS && s <= ioctl::AUDIO_STATUS_NO_STATUS);
}

TEST_P(ReadQChannel, CurrentPositionIsWellFormed)
{
    // The documentation asks for a 24-byte buffer; the reply is 16 bytes and the rest stays the caller's.
    std::vector<std::uint8_t> out(kQDataSize, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_CURRENT_POSITION), out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_EQ(r.information, kPositionSize);
    EXPECT_TRUE(untouchedFrom(out, kPositionSize));
    EXPECT_TRUE(knownAudioStatus(out[1])) << "audio status " << int(out[1]);
    EXPECT_EQ(loadBe16(&out[2]), kPositionSize - 4) << "DataLength counts the bytes after the header";
    EXPECT_EQ(out[4], ioctl::IOCTL_CDROM_CURRENT_POSITION) << "FormatCode";
    // The driver asks for MSF addresses (§3.19): 00 MM SS FF, valid MSF.
    EXPECT_EQ(out[8], 0);
    EXPECT_TRUE(mmc::isValidMsf({out[9], out[10], out[11]})) << mmc::formatMsf({out[9], out[10], out[11]});
    EXPECT_EQ(out[12], 0);
    EXPECT_TRUE(mmc::isValidMsf({out[13], out[14], out[15]})) << mmc::formatMsf({out[13], out[14], out[15]});
}

TEST_P(ReadQChannel, CurrentPositionNeedsOnlySixteenBytes)
{
    // §3.19 row 3: the sample asks 16 bytes for the current position, not the documented 24.
    std::vector<std::uint8_t> out(kPositionSize, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_CURRENT_POSITION), out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, kPositionSize);
    EXPECT_EQ(out[4], ioctl::IOCTL_CDROM_CURRENT_POSITION);
}

TEST_P(ReadQChannel, IsrcOfATrackNotOnTheDiscFails)
{
    const std::vector<Track> tracks = readTracks(handle(), device());
    ASSERT_FALSE(tracks.empty()) << "READ_TOC failed";
    if (tracks.back().number >= 99) GTEST_SKIP() << "NotSupported: the disc holds track 99";
    std::vector<std::uint8_t> out(kQDataSize, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_TRACK_ISRC, 99), out);
    // The driver passes the track number on unchecked (§3.19); the drive refuses it (MMC: INVALID FIELD IN CDB).
    EXPECT_TRUE(r.status.isError()) << ioctl::ntStatusName(r.status);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

TEST_P(ReadQChannel, MediaCatalogNumberIsWellFormed)
{
    std::vector<std::uint8_t> out(kQDataSize + 8, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_MEDIA_CATALOG), out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_EQ(r.information, kQDataSize);
    EXPECT_TRUE(untouchedFrom(out, kQDataSize));
    EXPECT_TRUE(knownAudioStatus(out[1])) << "audio status " << int(out[1]);
    EXPECT_EQ(loadBe16(&out[2]), kQDataSize - 4);
    EXPECT_EQ(out[4], ioctl::IOCTL_CDROM_MEDIA_CATALOG) << "FormatCode";
    if ((out[8] & 0x80) != 0) {
        const std::string mcn(out.begin() + 9, out.begin() + 22);
        EXPECT_TRUE(std::all_of(mcn.begin(), mcn.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            << "MCVal is set: 13 digits, got '" << mcn << "'";
    }
}

TEST_P(ReadQChannel, TrackIsrcIsWellFormedForEveryTrack)
{
    const std::vector<Track> tracks = readTracks(handle(), device());
    ASSERT_FALSE(tracks.empty()) << "READ_TOC failed";
    for (const Track& t : tracks) {
        SCOPED_TRACE("track " + std::to_string(t.number));
        std::vector<std::uint8_t> out(kQDataSize, kUntouched);
        const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_TRACK_ISRC, t.number), out);
        ASSERT_THAT_STATUS(r.status, status::Success);
        ASSERT_EQ(r.information, kQDataSize);
        EXPECT_EQ(loadBe16(&out[2]), kQDataSize - 4);
        EXPECT_EQ(out[4], ioctl::IOCTL_CDROM_TRACK_ISRC) << "FormatCode";
        EXPECT_EQ(out[6], t.number) << "the reply names the track asked for";
        if ((out[8] & 0x80) != 0) {
            // ISRC: CC OOO YY NNNNN, twelve characters, letters and digits only.
            const std::string isrc(out.begin() + 9, out.begin() + 21);
            EXPECT_TRUE(std::all_of(isrc.begin(), isrc.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }))
                << "TCVal is set: 12 letters and digits, got '" << isrc << "'";
            EXPECT_TRUE(std::all_of(isrc.begin() + 5, isrc.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
                << "year and designation are digits: '" << isrc << "'";
            EXPECT_TRUE(t.audio) << "only audio tracks carry an ISRC";
        }
    }
}

class ReadQChannelNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(ReadQChannelNoMedium, FailsWithNoMediaInDevice)
{
    std::vector<std::uint8_t> out(kQDataSize, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_CURRENT_POSITION), out);
    EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

// --- The play-active flag (§7.4) -----------------------------------------------------------------------------------

class AudioPlayActive : public AudioTestBase {};

TEST_P(AudioPlayActive, ReadsAndReadTocAnswerDeviceBusyWhilePlaying)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    std::vector<std::uint8_t> sector(2048, kUntouched);
    const ControlResult r = read(0, sector);
    EXPECT_THAT_STATUS(r.status, status::DeviceBusy) << "ReadFile";
    EXPECT_TRUE(untouchedFrom(sector, 0));
    std::vector<std::uint8_t> toc(alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE), kUntouched);
    EXPECT_THAT_STATUS(control(codes::CdromReadToc, {}, toc).status, status::DeviceBusy) << "READ_TOC";
    EXPECT_TRUE(untouchedFrom(toc, 0));
}

TEST_P(AudioPlayActive, OtherCodesIgnoreTheFlag)
{
    // §7.4: only reads and the three TOC codes look at the flag.
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    std::vector<std::uint8_t> count(4, 0), volume(4, 0), geometry(alignedUp(device(), 24), 0), q(kQDataSize, 0);
    EXPECT_THAT_STATUS(control(codes::CdromCheckVerify, {}, count).status, status::Success) << "CHECK_VERIFY";
    EXPECT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, geometry).status, status::Success) << "GET_DRIVE_GEOMETRY";
    EXPECT_NE(control(codes::CdromGetVolume, {}, volume).status, status::DeviceBusy) << "GET_VOLUME";
    EXPECT_THAT_STATUS(control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_MEDIA_CATALOG), q).status, status::Success)
        << "READ_Q_CHANNEL";
}

TEST_P(AudioPlayActive, ReadsStayBusyAfterThePlayEndsUntilTheQChannelReportsIt)
{
    // The driver never asks the drive before failing a read (§7.4): a play that ended on its own leaves the flag
    // set until a Q-channel reply (or a TOC probe) shows the drive is no longer playing.
    AUDIO_TRACK_OR_SKIP(track);
    PlayGuard guard(handle());
    const ControlResult r = guard.play(playInput(track.start, track.start + mmc::kFramesPerSecond));
    if (r.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(r.status, status::Success);
    sleep(seconds(3));
    EXPECT_THAT_STATUS(readSector().status, status::DeviceBusy) << "the flag is still set";
    const Position p = currentPosition(handle());
    ASSERT_THAT_STATUS(p.result.status, status::Success);
    ASSERT_NE(p.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS) << "a one-second play is over after three";
    EXPECT_NE(readSector().status, status::DeviceBusy) << "the Q-channel reply cleared the flag";
}

TEST_P(AudioPlayActive, AQChannelRequestRefusedAtValidationLeavesTheFlag)
{
    // A V-stage failure never reaches the handler (§1), so the flag stays set.
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    std::vector<std::uint8_t> out(kQDataSize, kUntouched);
    EXPECT_THAT_STATUS(control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_SUB_Q_CHANNEL), out).status, status::InvalidParameter);
    EXPECT_THAT_STATUS(readSector().status, status::DeviceBusy);
}

TEST_P(AudioPlayActive, AFailedQChannelReadClearsTheFlag)
{
    // §3.19: any READ_Q_CHANNEL error clears the flag, even while the drive goes on playing.
    AUDIO_TRACK_OR_SKIP(track);
    const std::vector<Track> tracks = readTracks(handle(), device());
    if (tracks.empty() || tracks.back().number >= 99) GTEST_SKIP() << "NotSupported: no track number is free to ask for";
    PLAY_OR_SKIP(guard, track);
    std::vector<std::uint8_t> out(kQDataSize, kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_TRACK_ISRC, 99), out);
    ASSERT_TRUE(r.status.isError()) << "the ISRC of track 99 cannot be read: " << ioctl::ntStatusName(r.status);
    EXPECT_NE(readSector().status, status::DeviceBusy) << "the failed Q-channel read cleared the flag";
}

TEST_P(AudioPlayActive, PauseAndStopClearTheFlag)
{
    AUDIO_TRACK_OR_SKIP(track);
    {
        PLAY_OR_SKIP(guard, track);
        ASSERT_THAT_STATUS(control(codes::CdromPauseAudio, {}, {}).status, status::Success);
        EXPECT_NE(readSector().status, status::DeviceBusy) << "after PAUSE_AUDIO";
    }
    {
        PLAY_OR_SKIP(guard, track);
        ASSERT_THAT_STATUS(control(codes::CdromStopAudio, {}, {}).status, status::Success);
        EXPECT_NE(readSector().status, status::DeviceBusy) << "after STOP_AUDIO";
    }
}

TEST_P(AudioPlayActive, ResumeSetsTheFlag)
{
    AUDIO_TRACK_OR_SKIP(track);
    PLAY_OR_SKIP(guard, track);
    ASSERT_THAT_STATUS(control(codes::CdromPauseAudio, {}, {}).status, status::Success);
    ASSERT_THAT_STATUS(control(codes::CdromResumeAudio, {}, {}).status, status::Success);
    EXPECT_THAT_STATUS(readSector().status, status::DeviceBusy) << "after RESUME_AUDIO";
}

// --- GET_VOLUME / SET_VOLUME ---------------------------------------------------------------------------------------

class Volume : public fixtures::DeviceTest {
protected:
    // The current VOLUME_CONTROL, or nullopt with a skip reason when the drive has no CD Audio Control page.
    std::optional<std::vector<std::uint8_t>> currentVolume(std::string* whyNot = nullptr)
    {
        std::vector<std::uint8_t> out(8, kUntouched);
        const ControlResult r = control(codes::CdromGetVolume, {}, out);
        if (r.status == status::InvalidDeviceRequest) {
            if (whyNot) *whyNot = "the drive has no CD Audio Control mode page (GET_VOLUME: INVALID_DEVICE_REQUEST)";
            return std::nullopt;
        }
        EXPECT_THAT_STATUS(r.status, status::Success) << "GET_VOLUME";
        EXPECT_EQ(r.information, sizeof(ioctl::VOLUME_CONTROL));
        EXPECT_TRUE(untouchedFrom(out, sizeof(ioctl::VOLUME_CONTROL))) << "bytes past Information";
        if (!r.status.isSuccess()) {
            if (whyNot) *whyNot = "GET_VOLUME failed";
            return std::nullopt;
        }
        out.resize(sizeof(ioctl::VOLUME_CONTROL));
        return out;
    }
};

#define VOLUME_OR_SKIP(var)                                       \
    std::string var##WhyNot;                                      \
    const auto var##Read = currentVolume(&var##WhyNot);           \
    if (HasFailure()) return;                                     \
    if (!var##Read) GTEST_SKIP() << "NotSupported: " << var##WhyNot; \
    const std::vector<std::uint8_t>& var = *var##Read

TEST_P(Volume, GetVolumeAnswersFourBytesAndTheSameTwice)
{
    VOLUME_OR_SKIP(first);
    VOLUME_OR_SKIP(second);
    EXPECT_EQ(first, second);
}

TEST_P(Volume, SetVolumeRoundTripsThroughGetVolume)
{
    VOLUME_OR_SKIP(original);
    VolumeGuard restore(handle(), original);
    // Ports 0 and 1 (left and right) to the far end of the range from where they are; 0 and FFh are levels every
    // drive keeps exactly. Ports 2 and 3 stay as they were.
    std::vector<std::uint8_t> wanted = original;
    for (std::size_t i = 0; i < 2; ++i) wanted[i] = original[i] >= 0x80 ? 0x00 : 0xFF;
    const ControlResult r = control(codes::CdromSetVolume, wanted, {});
    ASSERT_THAT_STATUS(r.status, status::Success) << "SET_VOLUME";
    EXPECT_EQ(r.information, 0u);
    VOLUME_OR_SKIP(now);
    EXPECT_EQ(now[0], wanted[0]);
    EXPECT_EQ(now[1], wanted[1]);
    ASSERT_THAT_STATUS(control(codes::CdromSetVolume, original, {}).status, status::Success) << "SET_VOLUME back";
    VOLUME_OR_SKIP(back);
    EXPECT_EQ(back, original);
}

TEST_P(Volume, SetVolumeIgnoresInputPastFourBytes)
{
    VOLUME_OR_SKIP(original);
    VolumeGuard restore(handle(), original);
    std::vector<std::uint8_t> in = original;
    in.insert(in.end(), 4, 0x5A);
    EXPECT_THAT_STATUS(control(codes::CdromSetVolume, in, {}).status, status::Success);
    VOLUME_OR_SKIP(now);
    EXPECT_EQ(now, original);
}

// GET_CONTROL (§3.6, §3.23) has no case in the driver: obsolete_codes_suite.cpp checks it against each device's
// declaration.

// --- V-stage rows, with or without a disc (they are checked before the request reaches the drive) -------------------

struct VStageParam {
    std::string id;
    std::string name;
    ioctl::ControlCode code;
    std::vector<std::uint8_t> input;
    std::size_t outLen;
    ioctl::NtStatus expected;
};
void PrintTo(const VStageParam& p, std::ostream* os) { *os << p.id << " " << p.name; }

class AudioValidation : public fixtures::DeviceTestOf<VStageParam> {};

TEST_P(AudioValidation, RejectsTheRequestAndWritesNothing)
{
    const VStageParam& p = GetParam();
    const Position before = currentPosition(handle());
    std::vector<std::uint8_t> out(p.outLen, kUntouched);
    const ControlResult r = control(p.code, p.input, out);
    EXPECT_THAT_STATUS(r.status, p.expected);
    EXPECT_TRUE(untouchedFrom(out, 0)) << "nothing is copied back on an error status";
    // No state change: nothing started playing.
    const Position after = currentPosition(handle());
    if (after.result.status.isSuccess()) {
        EXPECT_NE(after.audioStatus, ioctl::AUDIO_STATUS_IN_PROGRESS);
    }
    EXPECT_EQ(before.result.status, after.result.status);
}

std::vector<VStageParam> vStageCases()
{
    std::vector<VStageParam> out;
    const auto q = [](std::uint8_t format) { return std::vector<std::uint8_t>{format, 1}; };
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        const auto add = [&](std::string name, ioctl::ControlCode code, std::vector<std::uint8_t> in, std::size_t outLen, ioctl::NtStatus s) {
            out.push_back({d.id, std::move(name), code, std::move(in), outLen, s});
        };
        // §3.19 rows 1-3.
        add("ReadQChannel_input_0", codes::CdromReadQChannel, {}, kQDataSize, status::InfoLengthMismatch);
        add("ReadQChannel_input_1", codes::CdromReadQChannel, {ioctl::IOCTL_CDROM_CURRENT_POSITION}, kQDataSize, status::InfoLengthMismatch);
        add("ReadQChannel_format_0", codes::CdromReadQChannel, q(ioctl::IOCTL_CDROM_SUB_Q_CHANNEL), kQDataSize, status::InvalidParameter);
        add("ReadQChannel_format_4", codes::CdromReadQChannel, q(4), kQDataSize, status::InvalidParameter);
        add("ReadQChannel_format_255", codes::CdromReadQChannel, q(0xFF), kQDataSize, status::InvalidParameter);
        add("ReadQChannel_position_output_0", codes::CdromReadQChannel, q(1), 0, status::BufferTooSmall);
        add("ReadQChannel_position_output_15", codes::CdromReadQChannel, q(1), 15, status::BufferTooSmall);
        add("ReadQChannel_catalog_output_0", codes::CdromReadQChannel, q(2), 0, status::BufferTooSmall);
        add("ReadQChannel_catalog_output_16", codes::CdromReadQChannel, q(2), 16, status::BufferTooSmall);
        add("ReadQChannel_catalog_output_23", codes::CdromReadQChannel, q(2), 23, status::BufferTooSmall);
        add("ReadQChannel_isrc_output_16", codes::CdromReadQChannel, q(3), 16, status::BufferTooSmall);
        add("ReadQChannel_isrc_output_23", codes::CdromReadQChannel, q(3), 23, status::BufferTooSmall);
        // §3.20: the two codes with input.
        for (std::size_t n : {0u, 1u, 5u})
            add("PlayAudioMsf_input_" + std::to_string(n), codes::CdromPlayAudioMsf, std::vector<std::uint8_t>(n, 0), 0,
                status::InfoLengthMismatch);
        for (std::size_t n : {0u, 1u, 2u})
            add("SeekAudioMsf_input_" + std::to_string(n), codes::CdromSeekAudioMsf, std::vector<std::uint8_t>(n, 0), 0,
                status::InfoLengthMismatch);
        // §3.21.
        for (std::size_t n : {0u, 1u, 3u})
            add("GetVolume_output_" + std::to_string(n), codes::CdromGetVolume, {}, n, status::BufferTooSmall);
        for (std::size_t n : {0u, 1u, 3u})
            add("SetVolume_input_" + std::to_string(n), codes::CdromSetVolume, std::vector<std::uint8_t>(n, 0), 0,
                status::InfoLengthMismatch);
    }
    return out;
}

// --- Access: every audio code needs READ access (§1 step 1) ---------------------------------------------------------

struct AccessParam {
    std::string id;
    std::string name;
    ioctl::ControlCode code;
    std::vector<std::uint8_t> input;
    std::size_t outLen;
};
void PrintTo(const AccessParam& p, std::ostream* os) { *os << p.id << " " << p.name; }

class AudioAccess : public fixtures::DeviceTestOf<AccessParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(AudioAccess, NeedsReadAccess)
{
    const AccessParam& p = GetParam();
    std::vector<std::uint8_t> out(p.outLen, kUntouched);
    const ControlResult r = control(p.code, p.input, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

std::vector<AccessParam> accessCases()
{
    std::vector<AccessParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        out.push_back({d.id, "PlayAudioMsf", codes::CdromPlayAudioMsf, std::vector<std::uint8_t>(6, 0), 0});
        out.push_back({d.id, "PauseAudio", codes::CdromPauseAudio, {}, 0});
        out.push_back({d.id, "ResumeAudio", codes::CdromResumeAudio, {}, 0});
        out.push_back({d.id, "StopAudio", codes::CdromStopAudio, {}, 0});
        out.push_back({d.id, "SeekAudioMsf", codes::CdromSeekAudioMsf, std::vector<std::uint8_t>(3, 0), 0});
        out.push_back({d.id, "ReadQChannel", codes::CdromReadQChannel, {1, 0}, kQDataSize});
        out.push_back({d.id, "GetVolume", codes::CdromGetVolume, {}, 4});
        out.push_back({d.id, "SetVolume", codes::CdromSetVolume, std::vector<std::uint8_t>(4, 0xFF), 0});
        out.push_back({d.id, "GetControl", codes::CdromGetControl, {}, 4});
    }
    return out;
}

template <class P>
std::string caseName(const testing::TestParamInfo<P>& info)
{
    return info.param.id + "_" + info.param.name;
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, ReadQChannel, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadQChannelNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, AudioPlayActive, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, Volume, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, AudioValidation, testing::ValuesIn(vStageCases()), caseName<VStageParam>);
INSTANTIATE_TEST_SUITE_P(, AudioAccess, testing::ValuesIn(accessCases()), caseName<AccessParam>);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadQChannel);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadQChannelNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AudioPlayActive);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Volume);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AudioValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AudioAccess);

}  // namespace
}  // namespace cdcts::suites
