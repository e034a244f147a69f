#include "harness/emulator/mechanics.hpp"

#include "harness/emulator/timing.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::emulator {

SpindlePhase spindlePhase(DriveState& state)
{
    const Nanoseconds now = state.clock.now();
    const Nanoseconds played = state.audio.busyUntil(now);
    // Play needs the disc at speed (it starts only then), and every stop of the motor ends it first.
    if (played > Nanoseconds{0}) state.spindle.noteAccess(played);
    return state.spindle.phase(state.profile.timings, now);
}

bool becomingReady(DriveState& state)
{
    return state.loadedDisc() != nullptr && spindlePhase(state) == SpindlePhase::SpinningUp;
}

bool isStreamingRead(std::span<const std::uint8_t> cdb)
{
    return cdb.size() >= 12 && cdb[0] == static_cast<std::uint8_t>(mmc::Opcode::Read12) && (cdb[10] & 0x80) != 0;
}

namespace {

// Spin-up (if stopped) plus the seek to `lba` and, for a seek, half a revolution of latency on average.
Nanoseconds accessTime(DriveState& state, std::int32_t lba)
{
    const ProfileTimings& t = state.profile.timings;
    (void)spindlePhase(state);
    Nanoseconds total = t.commandOverhead + state.spindle.timeToSpeed(t, state.clock.now());
    state.commandOverheadCharged = true;
    if (lba != state.spindle.headLba) {
        const double to = timing::radiusMm(lba);
        total += timing::seekTime(t, timing::radiusMm(state.spindle.headLba), to);
        total += timing::revolutionTime(timing::readRateKbps(state.profile.speeds, state.selectedReadSpeedKbps, lba), to) / 2;
    }
    return total;
}

}  // namespace

void chargeRead(DriveState& state, std::int32_t lba, std::uint32_t count, bool streaming)
{
    const ProfileTimings& t = state.profile.timings;
    Nanoseconds total = accessTime(state, lba);
    if (count != 0) {
        // The rate at the middle of the range stands for the whole: the rate changes little over one command.
        const auto middle = static_cast<std::int32_t>(lba + static_cast<std::int32_t>(count / 2));
        total += timing::transferTime(timing::readRateKbps(state.profile.speeds, state.selectedReadSpeedKbps, middle), count);
        for (std::uint32_t i = 0; i < count; ++i) {
            switch (state.faults.sector(lba + static_cast<std::int32_t>(i))) {
            case SectorFault::Marginal:
                if (!streaming) total += t.marginalRetry * t.marginalRetries;
                break;
            case SectorFault::Slow: total += t.slowSectorDelay; break;  // a streaming read waits for it too
            case SectorFault::None:
            case SectorFault::Unreadable: break;
            }
        }
    }
    state.clock.sleepFor(total);
    const std::int32_t end = lba + static_cast<std::int32_t>(count);
    state.audio.moveTo(count == 0 ? lba : end - 1, state.clock.now());
    state.spindle.headLba = end;
    state.spindle.noteAccess(state.clock.now());
}

void chargeSeek(DriveState& state, std::int32_t lba)
{
    state.clock.sleepFor(accessTime(state, lba));
    state.spindle.headLba = lba;
    state.spindle.noteAccess(state.clock.now());
}

void mediumLoaded(DriveState& state)
{
    state.audio.stop(state.clock.now());
    state.audio.moveTo(0, state.clock.now());
    state.spindle.headLba = 0;
    state.spindle.stop();
    state.spindle.startSpinUp(state.profile.timings, state.clock.now());
    if (state.readSpeedFromSetCdSpeed) {
        state.selectedReadSpeedKbps = timing::kMaximumSpeed;
        state.selectedWriteSpeedKbps = timing::kMaximumSpeed;
        state.readSpeedFromSetCdSpeed = false;
    }
}

void mediumGone(DriveState& state)
{
    state.audio.stop(state.clock.now());
    state.spindle.stop();
}

void takeMediumOut(DriveState& state, TrayState trayAfter)
{
    if (state.medium) state.noteMediaEvent(MediaEvent::MediaRemoval);
    state.medium.reset();
    state.tray = trayAfter;
    mediumGone(state);
}

}  // namespace cdcts::emulator
