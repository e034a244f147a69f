#pragma once
// Playing audio in a suite (contracts §3.20): the disc's tracks from READ_TOC, the PLAY_AUDIO_MSF input, and the
// guard that stops a play whatever the test's outcome, so the drive is left as found. Used by the audio suite and
// by the suites that check what other codes do while audio plays.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "harness/device/device.hpp"
#include "suites/caller_buffer.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::suites {

struct Track {
    std::uint8_t number;
    bool audio;
    std::int32_t start;  // LBA
    std::int32_t end;    // LBA of the next track or the lead-out
};

// `n` rounded up to the adapter's alignment; 8 when the adapter is unknown, which passes every usual mask (0-7).

// The disc's tracks from READ_TOC (MSF addresses); empty when the TOC cannot be read.
inline std::vector<Track> readTracks(DeviceHandle& handle, const Device& device)
{
    std::vector<std::uint8_t> out(alignedUp(device, ioctl::MAXIMUM_CDROM_SIZE), 0);
    const ControlResult r = handle.control(ioctl::codes::CdromReadToc, {}, out);
    if (!r.status.isSuccess() || r.information < 4 + 2 * sizeof(ioctl::TRACK_DATA)) return {};
    const std::size_t n = (r.information - 4) / sizeof(ioctl::TRACK_DATA);
    std::vector<Track> tracks;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        ioctl::TRACK_DATA t{}, next{};
        std::memcpy(&t, out.data() + 4 + i * sizeof t, sizeof t);
        std::memcpy(&next, out.data() + 4 + (i + 1) * sizeof t, sizeof t);
        tracks.push_back({t.TrackNumber, (t.Control & ioctl::AUDIO_DATA_TRACK) == 0,
                          mmc::msfToLba({t.Address[1], t.Address[2], t.Address[3]}),
                          mmc::msfToLba({next.Address[1], next.Address[2], next.Address[3]})});
    }
    return tracks;
}

// The first audio track at least `minimumFrames` long, if the disc has one.
inline std::optional<Track> firstAudioTrack(DeviceHandle& handle, const Device& device, std::int32_t minimumFrames = 1)
{
    for (const Track& t : readTracks(handle, device))
        if (t.audio && t.end - t.start >= minimumFrames) return t;
    return std::nullopt;
}

// The AudioStatus of a READ_Q_CHANNEL current-position reply; nullopt when the request fails.
inline std::optional<std::uint8_t> audioStatus(DeviceHandle& handle)
{
    const std::array<std::uint8_t, sizeof(ioctl::CDROM_SUB_Q_DATA_FORMAT)> in{ioctl::IOCTL_CDROM_CURRENT_POSITION, 0};
    std::vector<std::uint8_t> out(sizeof(ioctl::SUB_Q_CURRENT_POSITION), 0xCD);
    const ControlResult r = handle.control(ioctl::codes::CdromReadQChannel, in, out);
    if (!r.status.isSuccess() || r.information < sizeof(ioctl::SUB_Q_HEADER)) return std::nullopt;
    return out[offsetof(ioctl::SUB_Q_HEADER, AudioStatus)];
}

// PLAY_AUDIO_MSF input (CDROM_PLAY_AUDIO_MSF) for [from, to), in LBAs: the ending address is where the play stops.
inline std::vector<std::uint8_t> playInput(std::int32_t from, std::int32_t to)
{
    const mmc::Msf a = mmc::lbaToMsf(from), b = mmc::lbaToMsf(to);
    return {a.minute, a.second, a.frame, b.minute, b.second, b.frame};
}

// The first ten seconds of `track` (or all of it when shorter).
inline std::vector<std::uint8_t> tenSecondsOf(const Track& track)
{
    return playInput(track.start, std::min(track.end, track.start + 10 * mmc::kFramesPerSecond));
}

// Stops any play the test started, whatever its outcome, so the drive is left as found.
class PlayGuard {
public:
    explicit PlayGuard(DeviceHandle& handle) : handle_(handle) {}
    PlayGuard(const PlayGuard&) = delete;
    PlayGuard& operator=(const PlayGuard&) = delete;
    ~PlayGuard()
    {
        if (started_) (void)handle_.control(ioctl::codes::CdromStopAudio, {}, {});
    }
    ControlResult play(std::span<const std::uint8_t> input)
    {
        started_ = true;  // assume it played whatever the answer: stopping an idle drive is harmless
        return handle_.control(ioctl::codes::CdromPlayAudioMsf, input, {});
    }

private:
    DeviceHandle& handle_;
    bool started_ = false;
};

}  // namespace cdcts::suites
