#pragma once
// The spindle motor and the optical head's sled: stopped, spinning up, at speed, and where the head rests.
// Time is lazy: the phase is worked out from the clock when someone asks, so an idle drive costs nothing.
#include <cstdint>

#include "harness/core/clock.hpp"
#include "harness/emulator/profile.hpp"

namespace cdcts::emulator {

enum class SpindlePhase : std::uint8_t { Stopped, SpinningUp, AtSpeed };

class Spindle {
public:
    // The phase at `now`: a spin-up whose time has passed is at speed; at speed and unused for
    // timings.idleSpinDown (when non-zero), the motor has stopped.
    [[nodiscard]] SpindlePhase phase(const ProfileTimings& timings, Nanoseconds now)
    {
        if (phase_ == SpindlePhase::SpinningUp && now >= readyAt_) {
            phase_ = SpindlePhase::AtSpeed;
            lastAccess_ = readyAt_;
        }
        if (phase_ == SpindlePhase::AtSpeed && timings.idleSpinDown > Nanoseconds{0} && now - lastAccess_ >= timings.idleSpinDown)
            phase_ = SpindlePhase::Stopped;
        return phase_;
    }
    // Starts the motor; a spin-up already under way keeps its end, a spinning disc stays at speed.
    void startSpinUp(const ProfileTimings& timings, Nanoseconds now)
    {
        if (phase(timings, now) != SpindlePhase::Stopped) return;
        phase_ = SpindlePhase::SpinningUp;
        readyAt_ = now + timings.spinUp;
    }
    // How long until the disc is at speed when a command needs it now (a stopped motor takes the whole spin-up).
    [[nodiscard]] Nanoseconds timeToSpeed(const ProfileTimings& timings, Nanoseconds now)
    {
        switch (phase(timings, now)) {
        case SpindlePhase::Stopped: return timings.spinUp;
        case SpindlePhase::SpinningUp: return readyAt_ - now;
        case SpindlePhase::AtSpeed: break;
        }
        return Nanoseconds{0};
    }
    void stop() { phase_ = SpindlePhase::Stopped; }
    // The medium was used at `at` (a read, a seek, audio play): the disc is at speed and the idle timer restarts.
    void noteAccess(Nanoseconds at)
    {
        phase_ = SpindlePhase::AtSpeed;
        if (at > lastAccess_) lastAccess_ = at;
    }

    // The sector the head reads next without a seek (one past the last sector read or played).
    std::int32_t headLba = 0;

private:
    SpindlePhase phase_ = SpindlePhase::Stopped;
    Nanoseconds readyAt_{0};
    Nanoseconds lastAccess_{0};
};

}  // namespace cdcts::emulator
