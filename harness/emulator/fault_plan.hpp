#pragma once
// Faults a test or devices.yaml seeds into the emulated drive. The read paths and the timing model ask the
// plan about each sector; the dispatcher asks it about each command and, as commands arrive, about the timed
// events that are due. docs/emulator.md ("Fault injection") gives the behaviour of each kind.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "harness/core/clock.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::emulator {

enum class SectorFault : std::uint8_t {
    None,
    Unreadable,  // MEDIUM ERROR 03/11/00 (unrecovered read error)
    Marginal,    // readable with C2 errors; a normal read retries it (slow), a streaming read returns at once
    Slow,        // readable, but the drive takes extra time
};

// How the drive mistreats one command (the next `count` commands matching `opcode`).
enum class CommandFaultKind : std::uint8_t {
    CheckCondition,    // CHECK CONDITION with `sense`; the command does not run
    Hang,              // no answer: the command's timeout passes on the drive's clock, then the transport times out
    ShortTransfer,     // the command runs, but at most `transferLimit` bytes move; status stays GOOD
    GarbageReply,      // the command runs; the bytes it sends are replaced by deterministic noise from `seed`
    WrongLengthField,  // the command runs; the reply's own length field is off by `lengthDelta`
};

struct CommandFault {
    CommandFaultKind kind = CommandFaultKind::CheckCondition;
    std::optional<std::uint8_t> opcode = std::nullopt;  // only commands with this operation code; any command when empty
    std::uint32_t count = 1;             // how many matching commands it affects
    mmc::SenseCode sense = mmc::sense::UnrecoveredReadError;
    std::uint32_t transferLimit = 0;
    std::uint64_t seed = 0;
    std::int32_t lengthDelta = 0;
};

// Things that happen to the drive at a moment of its clock. Nothing runs by itself: an event takes effect when
// the first command arrives at or after `at` (the drive has no threads).
enum class FaultEventKind : std::uint8_t {
    MediumRemoved,       // the disc goes (someone pulled it or the drive lost it); the tray as `trayOpen` says
    DeviceGone,          // surprise removal: every later command fails in the transport with NoDevice
    UnitAttentionStorm,  // `count` unit attentions with `sense` queued behind any already pending
};

struct FaultEvent {
    Nanoseconds at{0};  // on the drive's clock
    FaultEventKind kind = FaultEventKind::MediumRemoved;
    bool trayOpen = true;
    mmc::SenseCode sense = mmc::sense::PowerOnResetOccurred;
    std::uint32_t count = 1;
};

// Width in bytes of the length field at the start of a reply (0: the command's reply has none). The field
// counts the bytes after itself (READ TOC, GET CONFIGURATION, MODE SENSE, READ DISC/TRACK INFORMATION, GET EVENT
// STATUS NOTIFICATION: MMC-6 and SPC-4 define each so).
[[nodiscard]] constexpr std::uint8_t replyLengthFieldWidth(std::uint8_t opcode)
{
    switch (opcode) {
    case 0x1A: return 1;  // MODE SENSE(6): mode data length
    case 0x43:            // READ TOC/PMA/ATIP: TOC data length
    case 0x4A:            // GET EVENT STATUS NOTIFICATION: event data length
    case 0x51:            // READ DISC INFORMATION: disc information length
    case 0x52:            // READ TRACK INFORMATION: track information length
    case 0x5A: return 2;  // MODE SENSE(10): mode data length
    case 0x46: return 4;  // GET CONFIGURATION: data length
    default: return 0;
    }
}

class FaultPlan {
public:
    // --- per sector ---------------------------------------------------------------------------------
    [[nodiscard]] SectorFault sector(std::int32_t lba) const
    {
        if (sectors_.empty()) return SectorFault::None;
        auto it = sectors_.upper_bound(lba);
        if (it == sectors_.begin()) return SectorFault::None;
        --it;
        return lba < it->second.end ? it->second.kind : SectorFault::None;
    }
    void setSector(std::int32_t lba, SectorFault fault) { setSectors(lba, 1, fault); }
    // `count` sectors from `first`; a later call overrides an earlier one where they overlap (None clears).
    void setSectors(std::int32_t first, std::uint32_t count, SectorFault fault);
    // A run of consecutive sectors with the same fault.
    struct SectorRange {
        std::int32_t first;
        std::uint32_t count;
        SectorFault kind;
    };
    // The faulted runs overlapping [first, first + count), clipped to it, in LBA order (GET PERFORMANCE's
    // exception list and anyone else who must know where the plan's faults lie).
    [[nodiscard]] std::vector<SectorRange> sectorRanges(std::int64_t first, std::int64_t count) const;
    // The first sector in [first, first + count) that cannot be read at all.
    [[nodiscard]] std::optional<std::int32_t> firstUnreadable(std::int64_t first, std::int64_t count) const;

    // --- per command --------------------------------------------------------------------------------
    // Faults are tried in the order added; a command takes one use from the first that matches it.
    // Throws std::invalid_argument for a wrong length field on an opcode whose reply has none.
    void addCommandFault(const CommandFault& fault);
    [[nodiscard]] std::size_t pendingCommandFaults() const { return commands_.size(); }
    // The fault the command with `opcode` meets, if any, counted as used.
    std::optional<CommandFault> takeCommandFault(std::uint8_t opcode);

    // --- over time ----------------------------------------------------------------------------------
    void schedule(const FaultEvent& event);
    // The events due at `now`, in time order (equal times in the order scheduled), removed from the plan.
    std::vector<FaultEvent> takeDueEvents(Nanoseconds now);
    [[nodiscard]] bool hasPendingEvents() const { return !events_.empty(); }
    [[nodiscard]] bool deviceGone() const { return deviceGone_; }
    void markDeviceGone() { deviceGone_ = true; }

    // Forgets every fault (a gone device stays gone).
    void clear()
    {
        sectors_.clear();
        commands_.clear();
        events_.clear();
    }

private:
    struct Run {
        std::int64_t end;  // exclusive
        SectorFault kind;
    };
    std::map<std::int64_t, Run> sectors_;  // non-overlapping runs by first LBA
    std::deque<CommandFault> commands_;
    std::vector<FaultEvent> events_;  // sorted by time, stable
    bool deviceGone_ = false;
};

}  // namespace cdcts::emulator
