#pragma once
// The audio play operation (MMC-6 PLAY AUDIO, PAUSE/RESUME, STOP PLAY/SCAN): what is
// playing, where the Q position is, and the audio status READ SUB-CHANNEL reports. The position advances at
// 75 sectors per second of clock time and is worked out when asked, so a long play costs nothing.
#include <algorithm>
#include <cstdint>

#include "harness/core/clock.hpp"
#include "harness/emulator/timing.hpp"

namespace cdcts::emulator {

// READ SUB-CHANNEL audio status byte (MMC-6 Table 525).
enum class AudioStatus : std::uint8_t {
    NotSupported = 0x00,  // audio status byte not supported or not valid
    InProgress = 0x11,
    Paused = 0x12,
    Completed = 0x13,     // play operation successfully completed
    Error = 0x14,         // play operation stopped due to error
    NoStatus = 0x15,      // no current audio status to return
};

enum class PlayPhase : std::uint8_t { None, Playing, Paused, Completed, Error };

class AudioPlay {
public:
    // Plays [from, end): `stopsAt` is where the play really ends (== end, or an unreadable sector before it,
    // where the play stops with an error).
    void start(std::int32_t from, std::int32_t end, std::int32_t stopsAt, Nanoseconds now)
    {
        startedFrom_ = from;
        phase_ = PlayPhase::Playing;
        position_ = from;
        end_ = std::min(end, stopsAt);
        endsInError_ = stopsAt < end;
        anchor_ = now;
        statusUnreported_ = false;
    }
    [[nodiscard]] PlayPhase phase(Nanoseconds now)
    {
        if (phase_ == PlayPhase::Playing) {
            const std::int64_t reached = position_ + timing::sectorsPlayedIn(now - anchor_);
            if (reached >= end_) {
                phase_ = endsInError_ ? PlayPhase::Error : PlayPhase::Completed;
                finishedAt_ = anchor_ + timing::playTime(end_ - position_);
                // The Q position stays on the last sector played; after an error, on the sector that failed.
                position_ = endsInError_ ? end_ : std::max(position_, end_ - 1);
                statusUnreported_ = true;
            }
        }
        return phase_;
    }
    // The sector under the head: advancing while playing, frozen otherwise.
    [[nodiscard]] std::int32_t position(Nanoseconds now)
    {
        if (phase(now) != PlayPhase::Playing) return position_;
        return static_cast<std::int32_t>(position_ + timing::sectorsPlayedIn(now - anchor_));
    }
    // Where the current play operation started, and where it was last anchored (its start, or its last resume).
    [[nodiscard]] std::int32_t startedFrom() const { return startedFrom_; }
    [[nodiscard]] std::int32_t anchoredAt() const { return position_; }
    [[nodiscard]] std::int32_t playEnd() const { return end_; }
    // Pausing keeps the position; pausing a paused play is no error (MMC-6 PAUSE/RESUME).
    void pause(Nanoseconds now)
    {
        if (phase(now) != PlayPhase::Playing) return;
        position_ = position(now);
        phase_ = PlayPhase::Paused;
    }
    void resume(Nanoseconds now)
    {
        if (phase(now) != PlayPhase::Paused) return;
        phase_ = PlayPhase::Playing;
        anchor_ = now;
    }
    // Ends any play (STOP PLAY/SCAN, SEEK, a read, a medium change); the head stays where it was.
    void stop(Nanoseconds now)
    {
        position_ = position(now);
        phase_ = PlayPhase::None;
        statusUnreported_ = false;
    }
    // Moves the head without playing (SEEK, a read): the next position report shows `lba`.
    void moveTo(std::int32_t lba, Nanoseconds now)
    {
        stop(now);
        position_ = lba;
    }
    // The audio status as READ SUB-CHANNEL reports it: "completed" and "error" are reported once, then the
    // drive has no status to return (MMC-6 Table 525 notes).
    [[nodiscard]] AudioStatus reportStatus(Nanoseconds now)
    {
        switch (phase(now)) {
        case PlayPhase::Playing: return AudioStatus::InProgress;
        case PlayPhase::Paused: return AudioStatus::Paused;
        case PlayPhase::Completed:
        case PlayPhase::Error:
            if (statusUnreported_) {
                statusUnreported_ = false;
                return phase_ == PlayPhase::Completed ? AudioStatus::Completed : AudioStatus::Error;
            }
            return AudioStatus::NoStatus;
        case PlayPhase::None: break;
        }
        return AudioStatus::NoStatus;
    }
    // Until when the disc has been in use for playing (the spindle's idle timer starts there).
    [[nodiscard]] Nanoseconds busyUntil(Nanoseconds now)
    {
        const PlayPhase p = phase(now);
        if (p == PlayPhase::Playing) return now;
        if (p == PlayPhase::Completed || p == PlayPhase::Error) return finishedAt_;
        return Nanoseconds{0};
    }

private:
    PlayPhase phase_ = PlayPhase::None;
    std::int32_t position_ = 0;  // while playing: the position at anchor_
    std::int32_t end_ = 0;       // exclusive
    std::int32_t startedFrom_ = 0;
    bool endsInError_ = false;
    bool statusUnreported_ = false;
    Nanoseconds anchor_{0};
    Nanoseconds finishedAt_{0};
};

}  // namespace cdcts::emulator
