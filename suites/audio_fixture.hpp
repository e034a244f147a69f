#pragma once
// What the audio suites share (ioctl-contracts.md §3.19-§3.21, §7.4): READ_Q_CHANNEL and SEEK inputs, the current
// position as the Q channel reports it, a guard that puts the volume back, and the fixture of every test that plays.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/audio_support.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::audio {

constexpr std::size_t kPositionSize = sizeof(ioctl::SUB_Q_CURRENT_POSITION);  // 16
constexpr std::size_t kQDataSize = sizeof(ioctl::SUB_Q_CHANNEL_DATA);         // 24

inline std::array<std::uint8_t, 3> msfBytes(std::int32_t lba)
{
    const mmc::Msf m = mmc::lbaToMsf(lba);
    return {m.minute, m.second, m.frame};
}

inline std::vector<std::uint8_t> seekInput(std::int32_t lba)
{
    const auto a = msfBytes(lba);
    return {a[0], a[1], a[2]};
}

inline std::vector<std::uint8_t> qInput(std::uint8_t format, std::uint8_t track = 0) { return {format, track}; }

// A READ_Q_CHANNEL current-position reply.
struct Position {
    ControlResult result;
    std::uint8_t audioStatus = 0;
    std::uint8_t track = 0;
    std::int32_t lba = 0;       // absolute address
    std::int32_t relative = 0;  // track-relative address, in frames
};

inline Position currentPosition(DeviceHandle& handle)
{
    std::vector<std::uint8_t> out(kPositionSize, 0);
    Position p{handle.control(ioctl::codes::CdromReadQChannel, qInput(ioctl::IOCTL_CDROM_CURRENT_POSITION), out)};
    if (p.result.status.isSuccess() && p.result.information >= kPositionSize) {
        p.audioStatus = out[1];
        p.track = out[6];
        p.lba = mmc::msfToLba({out[9], out[10], out[11]});
        p.relative = mmc::msfToLba({out[13], out[14], out[15]}) + mmc::kMsfLbaOffset;
    }
    return p;
}

// Puts the volume back as the test found it, whatever its outcome.
class VolumeGuard {
public:
    VolumeGuard(DeviceHandle& handle, std::vector<std::uint8_t> original) : handle_(handle), original_(std::move(original)) {}
    VolumeGuard(const VolumeGuard&) = delete;
    VolumeGuard& operator=(const VolumeGuard&) = delete;
    ~VolumeGuard() { (void)handle_.control(ioctl::codes::CdromSetVolume, original_, {}); }

private:
    DeviceHandle& handle_;
    std::vector<std::uint8_t> original_;
};

// --- Fixtures --------------------------------------------------------------------------------------------------

class AudioTestBase : public fixtures::DeviceTest {
protected:
    std::vector<fixtures::Requirement> requirements() const override { return {fixtures::Requirement::MediumPresent}; }

    // The first audio track, or a NotSupported skip (a data disc cannot play). Call with ASSERT_NO_FATAL_FAILURE
    // semantics: the caller returns when it is nullopt.
    std::optional<Track> audioTrack()
    {
        return firstAudioTrack(handle(), device(), 4 * mmc::kFramesPerSecond);
    }
    void sleep(std::chrono::milliseconds d) { device().clock().sleepFor(d); }
    // ReadFile of the first cooked sector: only whether it answers DEVICE_BUSY matters (on an audio-only disc it
    // fails otherwise).
    ControlResult readSector()
    {
        std::vector<std::uint8_t> buffer(2048, kUntouched);
        return read(0, buffer);
    }
};

}  // namespace cdcts::suites::audio

// Every test of these fixtures plays audio; the body starts with AUDIO_TRACK_OR_SKIP.
#define AUDIO_TRACK_OR_SKIP(var)                                                                             \
    const std::optional<Track> var##Found = audioTrack();                                                    \
    if (!var##Found) GTEST_SKIP() << "NotSupported: the disc has no audio track of at least 4 seconds to play"; \
    const Track& var = *var##Found

// Starts a 10-second play (or the track's length) at the start of the track; skips where the drive refuses it.
#define PLAY_OR_SKIP(guard, track)                                                                           \
    PlayGuard guard(handle());                                                                               \
    {                                                                                                        \
        const ControlResult played_ = guard.play(tenSecondsOf(track)); \
        if (played_.status == ioctl::status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF"; \
        ASSERT_THAT_STATUS(played_.status, ioctl::status::Success) << "PLAY_AUDIO_MSF";                             \
        EXPECT_EQ(played_.information, 0u);                                                                  \
    }
