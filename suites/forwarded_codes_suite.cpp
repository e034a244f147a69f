// SIMBAD (ioctl-contracts.md §3.23): function 0x1003 overflows into the access bits, so its value is PAUSE_AUDIO's
// and the driver processes it as PAUSE_AUDIO (§3.20). The codes the class driver forwards (GET_CONTROL, DISK_TYPE,
// UNLOAD_DRIVER) are checked against each device's declaration in obsolete_codes_suite.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/media_support.hpp"
#include "suites/audio_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
namespace codes = ioctl::codes;
namespace status = ioctl::status;

// --- SIMBAD: PAUSE_AUDIO's value ------------------------------------------------------------------------------

class Simbad : public fixtures::DeviceTest {};

TEST_P(Simbad, HasTheValueOfPauseAudio)
{
    // CTL_CODE(IOCTL_CDROM_BASE, 0x1003, METHOD_BUFFERED, FILE_READ_ACCESS): function 0x1003 spills into bit 14.
    EXPECT_EQ(codes::CdromSimbad.value, 0x0002400Cu);
    EXPECT_EQ(codes::CdromSimbad.value, codes::CdromPauseAudio.value);
}

TEST_P(Simbad, IsAnsweredLikePauseAudio)
{
    // With nothing playing, SIMBAD and PAUSE_AUDIO get the same answer, whatever the drive says to a pause then.
    const ControlResult pause = control(codes::CdromPauseAudio, {}, {});
    const ControlResult simbad = control(codes::CdromSimbad, {}, {});
    EXPECT_THAT_STATUS(simbad.status, pause.status);
    if (simbad.status.isSuccess()) {
        EXPECT_EQ(simbad.information, 0u) << "PAUSE_AUDIO has no output (§3.20)";
    }
}

class SimbadWhileAudioPlays : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(SimbadWhileAudioPlays, PausesThePlay)
{
    const std::optional<Track> track = firstAudioTrack(handle(), device());
    if (!track) GTEST_SKIP() << "NotSupported: the disc has no audio track to play";
    // Ten seconds (or the whole track if shorter): long enough to still play when SIMBAD comes.
    PlayGuard stopAudio(handle());
    const ControlResult played = stopAudio.play(tenSecondsOf(*track));
    if (played.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(played.status, status::Success);
    ASSERT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_IN_PROGRESS)) << "the audio plays";

    const ControlResult simbad = control(codes::CdromSimbad, {}, {});
    ASSERT_THAT_STATUS(simbad.status, status::Success);
    EXPECT_EQ(simbad.information, 0u);
    EXPECT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_PAUSED)) << "SIMBAD paused the play";
    // A pause clears the driver's play-active flag (§7.4): the TOC is readable again, not STATUS_DEVICE_BUSY.
    std::vector<std::uint8_t> again(1024, 0);
    EXPECT_THAT_STATUS(control(codes::CdromReadToc, {}, again).status, status::Success);
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, Simbad, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, SimbadWhileAudioPlays, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Simbad);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SimbadWhileAudioPlays);

}  // namespace
}  // namespace cdcts::suites
