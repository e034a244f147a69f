#pragma once
// Everything the emulated drive remembers between commands. Command handlers read and change it; the
// VirtualDrive owns it.
#include <deque>
#include <memory>

#include "harness/core/clock.hpp"
#include "harness/defects/seeded_defect.hpp"
#include "harness/emulator/audio_play.hpp"
#include "harness/emulator/disc.hpp"
#include "harness/emulator/fault_plan.hpp"
#include "harness/emulator/mode_pages.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/spindle.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::emulator {

enum class TrayState : std::uint8_t { Closed, Open };

// Media events as GET EVENT STATUS NOTIFICATION reports them (MMC-6 Table 163, media event codes).
enum class MediaEvent : std::uint8_t { NoChange = 0, EjectRequest = 1, NewMedia = 2, MediaRemoval = 3, MediaChanged = 4 };

struct DriveState {
    DriveState(const DriveProfile& p, Clock& c) : profile(p), clock(c) {}

    const DriveProfile& profile;
    Clock& clock;
    TrayState tray = TrayState::Closed;
    // The disc on the tray: in the drive when the tray is closed, reachable by hand when it is open.
    std::unique_ptr<Disc> medium;
    // PREVENT ALLOW MEDIUM REMOVAL (MMC-6 §6.11): the lock and the persistent prevent are separate states.
    bool preventRemoval = false;
    bool persistentPrevent = false;

    // The disc the drive can read: present and the tray closed.
    [[nodiscard]] const Disc* loadedDisc() const { return tray == TrayState::Closed ? medium.get() : nullptr; }
    [[nodiscard]] bool removalPrevented() const { return preventRemoval || persistentPrevent; }
    // Unit attentions not yet reported, oldest first (SPC-4 §5.14: reported once each, in order).
    std::deque<mmc::SenseCode> pendingUnitAttentions;

    // The speeds the host selected (SET CD SPEED / SET STREAMING), kB/s; 0xFFFF means the fastest the drive can.
    std::uint32_t selectedReadSpeedKbps = 0xFFFF;
    std::uint32_t selectedWriteSpeedKbps = 0xFFFF;
    // True when SET CD SPEED chose the speeds: they revert to the maximum on a medium change (mechanics.hpp).
    bool readSpeedFromSetCdSpeed = false;

    // Media events not yet reported by GET EVENT STATUS NOTIFICATION, oldest first, and how many times a disc
    // has come or gone since power-on. Whatever moves a disc (a load, an eject, a fault) records it here.
    std::deque<MediaEvent> pendingMediaEvents;
    std::uint32_t mediaChangeCount = 0;
    void noteMediaEvent(MediaEvent event)
    {
        pendingMediaEvents.push_back(event);
        ++mediaChangeCount;
    }

    FaultPlan faults;
    // Seeded defects of the drive's firmware (harness/defects/): none unless devices.yaml switches some on.
    defects::DefectSet defects;
    ModePages modePages{profile};  // MODE SELECT's changes, kept until power-off

    // The spindle and the head's position (spindle.hpp); the audio play operation (audio_play.hpp).
    Spindle spindle;
    AudioPlay audio;
    // Set when the timing model charged this command's overhead with its access (mechanics.cpp); the
    // dispatcher charges it to every other command that runs.
    bool commandOverheadCharged = false;
};

}  // namespace cdcts::emulator
