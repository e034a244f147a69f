#pragma once
// The emulated MMC drive: an MmcTarget that answers from a profile, a disc and its mechanical state.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "harness/emulator/command_trace.hpp"
#include "harness/emulator/drive_state.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::emulator {

class VirtualDrive final : public mmc::MmcTarget {
public:
    // Powers on with the tray closed and empty; the first command that reports unit attentions sees a
    // power-on reset (06/29/00), as on a real drive.
    VirtualDrive(const DriveProfile& profile, Clock& clock);

    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                               mmc::DataDirection direction, Nanoseconds timeout) override;
    Clock& clock() override { return state_.clock; }

    // Puts a disc in and closes the tray; the drive then reports 06/28/00 (medium may have changed) once.
    void loadMedium(std::unique_ptr<Disc> disc);
    // Takes the disc out, leaving the tray open or closed.
    void removeMedium(TrayState trayAfter);

    [[nodiscard]] const DriveProfile& profile() const { return state_.profile; }
    // The disc the drive can read (nullptr with the tray open or empty).
    [[nodiscard]] const Disc* medium() const { return state_.loadedDisc(); }
    [[nodiscard]] bool removalPrevented() const { return state_.removalPrevented(); }
    [[nodiscard]] TrayState tray() const { return state_.tray; }
    // What a host could have changed and a later host would notice (Device::stateSnapshot), as "drive.*" pairs:
    // tray and disc, removal locks, selected speeds, MODE SELECT's pages, the audio play, pending unit attentions.
    // Not the spindle or the head, which move on their own, nor counters that only grow.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> stateSnapshot();
    [[nodiscard]] CommandTrace& trace() { return trace_; }
    void queueUnitAttention(mmc::SenseCode code) { state_.pendingUnitAttentions.push_back(code); }
    // Faults to inject: per sector, per command and over time (docs/emulator.md, "Fault injection").
    [[nodiscard]] FaultPlan& faults() { return state_.faults; }
    // Seeded firmware bugs (harness/defects/), for `cdcts defects check`.
    void setDefects(defects::DefectSet set) { state_.defects = set; }
    // Media events not yet reported (GET EVENT STATUS NOTIFICATION), oldest first.
    [[nodiscard]] const std::deque<MediaEvent>& pendingMediaEvents() const { return state_.pendingMediaEvents; }

private:
    mmc::CommandResult dispatch(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction,
                                Nanoseconds timeout);
    mmc::CommandResult respond(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction);

    DriveState state_;
    CommandTrace trace_;
};

}  // namespace cdcts::emulator
