#pragma once
// Everything the emulated drive remembers between commands. Command handlers read and change it; the
// VirtualDrive owns it.
#include <deque>
#include <memory>

#include "harness/core/clock.hpp"
#include "harness/emulator/disc.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::emulator {

enum class TrayState : std::uint8_t { Closed, Open };

struct DriveState {
    DriveState(const DriveProfile& p, Clock& c) : profile(p), clock(c) {}

    const DriveProfile& profile;
    Clock& clock;
    TrayState tray = TrayState::Closed;
    std::unique_ptr<Disc> medium;
    // Unit attentions not yet reported, oldest first (SPC-4 §5.14: reported once each, in order).
    std::deque<mmc::SenseCode> pendingUnitAttentions;
};

}  // namespace cdcts::emulator
