// The audio transport codes and the volume codes through the model (ioctl-contracts.md §3.20, §3.21, §6,
// §7.4): validation, the exact CDBs and data, Information, and the play-active flag.
#include <gtest/gtest.h>

#include <algorithm>

#include "harness/core/hex.hpp"
#include "harness/emulator/fault_plan.hpp"
#include "harness/ioctl/codes.hpp"
#include "recording_model.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace c = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class AudioModel : public testing_support::RecordingModel {
protected:
    const DriverState& state() { return driver->state(); }
    ControlResult play(Bytes msf)
    {
        Bytes none;
        return control(c::CdromPlayAudioMsf, none, msf);
    }
    ControlResult noData(ioctl::ControlCode code, Bytes in = {})
    {
        Bytes none;
        return control(code, none, in);
    }
    void failNext(std::uint8_t opcode)
    {
        drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, opcode, 1, mmc::sense::InvalidFieldInCdb});
    }
};

// ---- §3.20 PLAY_AUDIO_MSF

TEST_F(AudioModel, S3_20_PlaySendsPlayAudioMsfVerbatimAndSetsPlayActive)
{
    build("dvd_rom", "audio");
    const ControlResult r = play({0x00, 0x02, 0x00, 0x00, 0x04, 0x10});
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "47 00 00 00 02 00 00 04 10 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::None);
    EXPECT_TRUE(state().playActive) << "§7.4: set by PLAY_AUDIO_MSF success";
}

TEST_F(AudioModel, S3_20_PlayCopiesInvalidMsfIntoTheCdbUnchecked)
{
    build("dvd_rom", "audio");
    const ControlResult r = play({0x00, 0x02, 0x63, 0x00, 0x04, 0x00});
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "47 00 00 00 02 63 00 04 00 00") << "frame 99 is not rejected by the driver";
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "the drive answers 05/24/00 (§8.1 24/xx)";
    EXPECT_EQ(r.information, 0u);
    EXPECT_FALSE(state().playActive) << "only a success sets the flag";
}

TEST_F(AudioModel, S3_20_PlayInputShorterThan6IsInfoLengthMismatchWithoutTraffic)
{
    build("dvd_rom", "audio");
    for (std::size_t n : {0u, 1u, 5u}) {
        const ControlResult r = play(Bytes(n, 0));
        EXPECT_EQ(r.status, st::InfoLengthMismatch) << n;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(play({0, 2, 0, 0, 3, 0, 0xEE}).status, st::Success) << "longer input is accepted";
}

TEST_F(AudioModel, S3_20_PlayOnADataTrackFailsAndLeavesTheFlag)
{
    build("dvd_rom", "mixed");
    const ControlResult r = play({0x00, 0x02, 0x00, 0x00, 0x04, 0x00});
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/64/00 falls to the ILLEGAL REQUEST row (§8.2)";
    EXPECT_EQ(traffic().size(), 1u) << "ILLEGAL REQUEST is not retried";
    EXPECT_FALSE(state().playActive);
}

// ---- §3.20 SEEK_AUDIO_MSF

TEST_F(AudioModel, S3_20_SeekConvertsMsfToLba)
{
    build("dvd_rom", "audio");
    EXPECT_EQ(noData(c::CdromSeekAudioMsf, {0x01, 0x00, 0x00}).status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "2b 00 00 00 10 fe 00 00 00 00") << "1*4500 - 150 = 4350 = 10FEh";
    EXPECT_EQ(noData(c::CdromSeekAudioMsf, {0x00, 0x02, 0x00}).status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "2b 00 00 00 00 00 00 00 00 00");
    EXPECT_EQ(noData(c::CdromSeekAudioMsf, {0x00, 0x03, 0x05}).status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(2).cdb()), "2b 00 00 00 00 50 00 00 00 00") << "3*75 + 5 - 150 = 80";
}

TEST_F(AudioModel, S3_20_SeekBelow2SecondsWrapsAsUnsigned32)
{
    build("dvd_rom", "audio");
    const ControlResult r = noData(c::CdromSeekAudioMsf, {0x00, 0x00, 0x00});
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "2b 00 ff ff ff 6a 00 00 00 00");
    EXPECT_EQ(r.status, st::Success) << "the drive takes FFFFFF6Ah as LBA -150";
    EXPECT_EQ(r.information, 0u);
}

TEST_F(AudioModel, S3_20_SeekInputShorterThan3IsInfoLengthMismatch)
{
    build("dvd_rom", "audio");
    EXPECT_EQ(noData(c::CdromSeekAudioMsf, {0x00, 0x02}).status, st::InfoLengthMismatch);
    EXPECT_EQ(noData(c::CdromSeekAudioMsf, {}).status, st::InfoLengthMismatch);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(AudioModel, S3_20_SeekLeavesPlayActiveAsItWas)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    ASSERT_EQ(noData(c::CdromSeekAudioMsf, {0x00, 0x05, 0x00}).status, st::Success);
    EXPECT_TRUE(state().playActive) << "§3.20: unchanged by SEEK";
}

// ---- §3.20 PAUSE_AUDIO (= SIMBAD), RESUME_AUDIO, STOP_AUDIO

TEST_F(AudioModel, S3_20_PauseSendsPauseResume0AndClearsTheFlag)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    const ControlResult r = noData(c::CdromPauseAudio);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "4b 00 00 00 00 00 00 00 00 00");
    EXPECT_FALSE(state().playActive);
}

TEST_F(AudioModel, S3_20_ResumeSendsPauseResume1AndSetsTheFlag)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    ASSERT_EQ(noData(c::CdromPauseAudio).status, st::Success);
    const ControlResult r = noData(c::CdromResumeAudio);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(formatHex(traffic().at(2).cdb()), "4b 00 00 00 00 00 00 00 01 00");
    EXPECT_TRUE(state().playActive);
}

TEST_F(AudioModel, S3_20_PauseAndResumeTakeNoInputCheck)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    EXPECT_EQ(noData(c::CdromPauseAudio, {1, 2, 3}).status, st::Success);
    EXPECT_EQ(noData(c::CdromResumeAudio, {}).status, st::Success);
}

TEST_F(AudioModel, S3_23_SimbadIsPauseAudio)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    EXPECT_EQ(noData(ioctl::ControlCode{0x0002400C}).status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "4b 00 00 00 00 00 00 00 00 00");
    EXPECT_FALSE(state().playActive);
}

TEST_F(AudioModel, S3_20_FailedPauseLeavesTheFlagSet)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    failNext(0x4B);
    const ControlResult r = noData(c::CdromPauseAudio);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(state().playActive) << "only a success clears it";
}

TEST_F(AudioModel, S3_20_ResumeWithoutPlayFailsAndLeavesTheFlagClear)
{
    build("dvd_rom", "audio");
    const ControlResult r = noData(c::CdromResumeAudio);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "the drive answers 05/2C/00";
    EXPECT_FALSE(state().playActive);
}

TEST_F(AudioModel, S3_20_StopSendsStartStopUnitImmedStopAndClearsTheFlag)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    const ControlResult r = noData(c::CdromStopAudio);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "1b 01 00 00 00 00");
    EXPECT_FALSE(state().playActive);
}

TEST_F(AudioModel, S3_20_FailedStopLeavesTheFlagSet)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::Success);
    failNext(0x1B);
    EXPECT_EQ(noData(c::CdromStopAudio).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(state().playActive);
}

TEST_F(AudioModel, S6_AudioCodesRetryFiveTimes)
{
    build("dvd_rom", "audio");
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x47}, 10,
                                     mmc::SenseCode{mmc::SenseKey::HardwareError, 0x44, 0x00}});
    const ControlResult r = play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00});
    EXPECT_EQ(r.status, st::IoDeviceError);
    EXPECT_EQ(traffic().size(), 6u) << "first attempt + 5 retries";
    EXPECT_FALSE(state().playActive);
}

TEST_F(AudioModel, S3_20_AudioCodesNeedReadAccess)
{
    build("dvd_rom", "audio", HandleAccess::None);
    EXPECT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x10, 0x00}).status, st::AccessDenied);
    EXPECT_EQ(noData(c::CdromStopAudio).status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
}

// ---- §7.4 the flag as READ_TOC sees it

TEST_F(AudioModel, S7_4_ReadTocWhilePlayingIsDeviceBusyAfterTheProbe)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x30, 0x00}).status, st::Success);
    Bytes toc(804);
    const ControlResult r = control(c::CdromReadToc, toc);
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(formatHex(traffic()[1].cdb()), "42 02 40 01 00 00 00 00 10 00");
}

TEST_F(AudioModel, S7_4_AfterStopReadTocDoesNotProbe)
{
    build("dvd_rom", "audio");
    ASSERT_EQ(play({0x00, 0x02, 0x00, 0x00, 0x30, 0x00}).status, st::Success);
    ASSERT_EQ(noData(c::CdromStopAudio).status, st::Success);
    Bytes toc(804);
    EXPECT_EQ(control(c::CdromReadToc, toc).status, st::Success);
    ASSERT_EQ(traffic().size(), 3u);
    EXPECT_EQ(traffic()[2].opcode(), 0x43) << "straight to READ TOC";
}

// ---- §3.21 GET_VOLUME / SET_VOLUME

class VolumeModel : public AudioModel {};

TEST_F(VolumeModel, S3_21_GetSendsModeSense10Page0EAndReturnsThePortVolumes)
{
    build("dvd_rom", "audio");
    Bytes out(6, 0xCD);
    const ControlResult r = control(c::CdromGetVolume, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 4u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "5a 00 0e 00 00 00 00 00 40 00");
    EXPECT_EQ(traffic()[0].bufferLength, 64u);
    // PortVolume[i] = page byte 9 + 2i, wherever the page lies in what the drive sent.
    const Bytes& reply = target->phases.at(0);
    const std::size_t page = 8u + reply.at(7);
    ASSERT_EQ(reply.at(page) & 0x3F, 0x0E);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(out[i], reply.at(page + 9 + 2 * i)) << i;
    EXPECT_EQ(out[4], 0xCD) << "only Information bytes are copied back";
}

TEST_F(VolumeModel, S3_21_GetOutputShorterThan4IsBufferTooSmallWith4)
{
    build("dvd_rom", "audio");
    for (std::size_t n : {0u, 3u}) {
        Bytes out(n);
        const ControlResult r = control(c::CdromGetVolume, out);
        EXPECT_EQ(r.status, st::BufferTooSmall) << n;
        EXPECT_EQ(r.information, 4u) << n;
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(VolumeModel, S3_21_SetWritesThePageBackWithModeSelect10)
{
    build("dvd_rom", "audio");
    Bytes none;
    const ControlResult r = control(c::CdromSetVolume, none, Bytes{0x10, 0x20, 0x30, 0x40});
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "5a 00 0e 00 00 00 00 00 40 00");
    EXPECT_EQ(formatHex(traffic()[1].cdb()), "55 10 00 00 00 00 00 00 18 00");
    EXPECT_EQ(traffic()[1].direction, mmc::DataDirection::Out);
    EXPECT_EQ(traffic()[1].bufferLength, 24u);

    const Bytes& sensed = target->phases.at(0);
    const Bytes& list = target->phases.at(1);
    ASSERT_EQ(list.size(), 24u);
    EXPECT_TRUE(std::equal(list.begin(), list.begin() + 8, sensed.begin())) << "the header exactly as MODE SENSE returned it";
    EXPECT_NE(list[0] | list[1], 0) << "mode data length is not zeroed";
    const std::size_t page = 8u + sensed.at(7);
    EXPECT_EQ(list[8], 0x0E);
    EXPECT_EQ(list[9], 0x0E) << "page length 14";
    EXPECT_EQ(list[10], 0x04) << "IMMED";
    for (std::size_t b = 3; b < 8; ++b) EXPECT_EQ(list[8 + b], sensed.at(page + b)) << "page byte " << b << " as read";
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(list[16 + 2 * i], sensed.at(page + 8 + 2 * i)) << "ChannelSelection " << i << " as read";
        EXPECT_EQ(list[17 + 2 * i], 0x10 * (i + 1)) << "Volume " << i;
    }
}

TEST_F(VolumeModel, S3_21_GetAfterSetReadsTheNewVolumes)
{
    build("dvd_rom", "audio");
    Bytes none;
    ASSERT_EQ(control(c::CdromSetVolume, none, Bytes{0x01, 0x80, 0x00, 0xFF}).status, st::Success);
    Bytes out(4);
    ASSERT_EQ(control(c::CdromGetVolume, out).status, st::Success);
    EXPECT_EQ(formatHex(out), "01 80 00 ff");
}

TEST_F(VolumeModel, S3_21_SetInputShorterThan4IsInfoLengthMismatch)
{
    build("dvd_rom", "audio");
    Bytes none;
    const ControlResult r = control(c::CdromSetVolume, none, Bytes{1, 2, 3});
    EXPECT_EQ(r.status, st::InfoLengthMismatch);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(VolumeModel, S3_21_PageMissingIsInvalidDeviceRequestAndSetSendsNoModeSelect)
{
    build("dvd_rom", "audio");
    // Only the 8-byte header comes: no page header lies inside the transferred data.
    drive->faults().addCommandFault({emulator::CommandFaultKind::ShortTransfer, std::uint8_t{0x5A}, 2, {}, 8});
    Bytes out(4);
    EXPECT_EQ(control(c::CdromGetVolume, out).status, st::InvalidDeviceRequest);
    Bytes none;
    EXPECT_EQ(control(c::CdromSetVolume, none, Bytes{1, 2, 3, 4}).status, st::InvalidDeviceRequest);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(traffic()[1].opcode(), 0x5A) << "no MODE SELECT";
}

TEST_F(VolumeModel, S3_21_ShortPageFailsGetButNotSet)
{
    build("dvd_rom", "audio");
    // 8 + 14 bytes: the page is "found" (offset + page length within the data) but has not all 16 bytes.
    drive->faults().addCommandFault({emulator::CommandFaultKind::ShortTransfer, std::uint8_t{0x5A}, 2, {}, 22});
    Bytes out(4);
    const ControlResult get = control(c::CdromGetVolume, out);
    EXPECT_EQ(get.status, st::InvalidDeviceRequest) << "GET needs page offset + 16 bytes";
    EXPECT_EQ(get.information, 0u);
    Bytes none;
    control(c::CdromSetVolume, none, Bytes{1, 2, 3, 4});
    ASSERT_EQ(traffic().size(), 3u);
    EXPECT_EQ(formatHex(traffic()[2].cdb()), "55 10 00 00 00 00 00 00 18 00") << "SET needs only the page found";
}

TEST_F(VolumeModel, S3_21_PagePassingTheTransferredBytesIsNotFound)
{
    build("dvd_rom", "audio");
    // 8 + 13 bytes: offset 8 + page length 14 passes the 21 bytes that came.
    drive->faults().addCommandFault({emulator::CommandFaultKind::ShortTransfer, std::uint8_t{0x5A}, 1, {}, 21});
    Bytes none;
    EXPECT_EQ(control(c::CdromSetVolume, none, Bytes{1, 2, 3, 4}).status, st::InvalidDeviceRequest);
    EXPECT_EQ(traffic().size(), 1u) << "no MODE SELECT";
}

TEST_F(VolumeModel, S3_21_BlockDescriptorLengthFromHeaderByte7)
{
    build("dvd_rom", "audio");
    // A drive that sends one 8-byte block descriptor before the page (the emulated drive never does).
    target->rewrite = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::CommandResult& result) {
        if (cdb[0] != 0x5A || result.transferred < 24) return;
        const Bytes page(data.begin() + 8, data.begin() + 24);
        data[1] = static_cast<std::uint8_t>(data[1] + 8);
        data[7] = 8;
        const std::uint8_t descriptor[8] = {0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7};
        std::copy(std::begin(descriptor), std::end(descriptor), data.begin() + 8);
        std::copy(page.begin(), page.end(), data.begin() + 16);
        result.transferred += 8;
    };
    Bytes out(4);
    ASSERT_EQ(control(c::CdromGetVolume, out).status, st::Success);
    EXPECT_EQ(formatHex(out), "ff ff 00 00") << "the page after the descriptor (profile default volumes)";

    target->rewrite = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::CommandResult& result) {
        if (cdb[0] == 0x55) {
            result = {};  // the emulated drive would refuse a list with a descriptor; the bytes are the point here
            return;
        }
        if (cdb[0] != 0x5A || result.transferred < 24) return;
        const Bytes page(data.begin() + 8, data.begin() + 24);
        data[7] = 8;
        const std::uint8_t descriptor[8] = {0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7};
        std::copy(std::begin(descriptor), std::end(descriptor), data.begin() + 8);
        std::copy(page.begin(), page.end(), data.begin() + 16);
        result.transferred += 8;
    };
    Bytes none;
    ASSERT_EQ(control(c::CdromSetVolume, none, Bytes{0x11, 0x22, 0x33, 0x44}).status, st::Success);
    const Bytes& sensed = target->phases.at(1);
    const Bytes& list = target->phases.at(2);
    ASSERT_EQ(list.size(), 24u);
    EXPECT_TRUE(std::equal(list.begin(), list.begin() + 8, sensed.begin())) << "header as returned, byte 7 = 8 included";
    EXPECT_EQ(list[7], 8);
    // The page image lies over the block descriptor: bytes 3-7 of the image are what was read there.
    EXPECT_EQ(formatHex(std::span(list).subspan(8, 8)), "0e 0e 04 b3 b4 b5 b6 b7");
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(list[16 + 2 * i], sensed.at(16 + 8 + 2 * i)) << "ChannelSelection from the page found, port " << i;
        EXPECT_EQ(list[17 + 2 * i], 0x11 * (i + 1)) << "Volume " << i;
    }
}

TEST_F(VolumeModel, S8_5_ModeSenseIsRetriedAtMostTwice)
{
    build("dvd_rom", "audio");
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x5A}, 10,
                                     mmc::SenseCode{mmc::SenseKey::HardwareError, 0x44, 0x00}});
    Bytes out(4);
    EXPECT_EQ(control(c::CdromGetVolume, out).status, st::IoDeviceError);
    EXPECT_EQ(traffic().size(), 3u) << "first attempt + 2 retries";
}

}  // namespace
}  // namespace cdcts::classdriver
