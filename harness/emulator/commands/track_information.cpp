// READ TRACK INFORMATION (MMC-6 §6.28): one track descriptor, chosen by an LBA inside the track (type 00b),
// a track number (01b; FFh, like the number after the last, is the invisible track of an appendable disc) or a session number (10b, its first
// track). Recorded tracks are complete: no next writable address, no free blocks. Track number 0 (the lead-in)
// is refused: the disc model has no lead-in track to describe.
#include <optional>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/commands/session_layout.hpp"

namespace cdcts::emulator {
namespace {

enum AddressType : std::uint8_t { Lba = 0, TrackNumber = 1, SessionNumber = 2 };
constexpr std::uint8_t kInvisibleTrack = 0xFF;
constexpr std::size_t kDescriptorLength = 48;  // MMC-6 Table 545, through the last layer jump address

// Data mode (byte 6 bits 3-0): 1h mode 1, 2h mode 2, Fh no data mode (audio, blank).
constexpr std::uint8_t kDataModeMode1 = 0x1;
constexpr std::uint8_t kDataModeMode2 = 0x2;
constexpr std::uint8_t kDataModeUnknown = 0xF;

struct Descriptor {
    std::uint16_t track = 0;
    std::uint16_t session = 0;
    std::uint8_t trackMode = 0;  // the Q control nibble
    bool copy = false;
    bool blank = false;
    std::uint8_t dataMode = kDataModeUnknown;
    bool nwaValid = false;
    bool lraValid = false;
    std::int32_t start = 0;
    std::int32_t nextWritable = 0;
    std::uint32_t freeBlocks = 0;
    std::uint32_t size = 0;
    std::int32_t lastRecorded = 0;
};

// Where a recorded track ends: the next track's start or its session's lead-out, the next track's pregap
// included (the difference of the TOC addresses, as hosts compute it).
std::int32_t trackEnd(const Disc& disc, const Track& t)
{
    const Track* next = disc.track(static_cast<std::uint8_t>(t.number + 1));
    return next != nullptr && next->session == t.session ? next->startLba : disc.sessionLeadOutLba(t.session);
}

// The track whose span (as trackEnd counts it) holds `lba`; nullptr before the first track, in the lead-out
// and lead-in between sessions, and past the last lead-out.
const Track* trackHolding(const Disc& disc, std::int32_t lba)
{
    for (const Track& t : disc.tracks())
        if (lba >= t.startLba && lba < trackEnd(disc, t)) return &t;
    return nullptr;
}

Descriptor recordedTrack(const Disc& disc, const Track& t)
{
    Descriptor d;
    d.track = t.number;
    d.session = t.session;
    d.trackMode = t.control & 0x0F;
    d.copy = (t.control & control::CopyPermitted) != 0;
    d.dataMode = t.type == TrackType::Mode1 ? kDataModeMode1 : isMode2(t.type) ? kDataModeMode2 : kDataModeUnknown;
    d.start = t.startLba;
    d.size = static_cast<std::uint32_t>(trackEnd(disc, t) - t.startLba);
    // A recorder knows where it stopped writing; a pressed disc was never written by one.
    if (disc.isRecordable()) {
        d.lraValid = true;
        d.lastRecorded = t.startLba + static_cast<std::int32_t>(t.length) - 1;
    }
    return d;
}

// The invisible track of an appendable disc: blank, in the session to be written, writable from its start up
// to the last possible lead-out.
Descriptor invisibleTrack(const Disc& disc)
{
    Descriptor d;
    d.track = static_cast<std::uint16_t>(disc.lastTrackNumber() + 1);
    d.session = static_cast<std::uint16_t>(disc.sessionCount() + 1);
    d.trackMode = control::DataTrack;
    d.blank = true;
    d.start = d.nextWritable = layout::invisibleTrackStartLba(disc);
    d.nwaValid = true;
    d.freeBlocks = d.size = static_cast<std::uint32_t>(disc.recordable().lastPossibleLeadOutLba - d.start);
    return d;
}

std::vector<std::uint8_t> encode(const Descriptor& d)
{
    std::vector<std::uint8_t> out(kDescriptorLength);
    storeBe16(&out[0], static_cast<std::uint16_t>(kDescriptorLength - 2));
    out[2] = static_cast<std::uint8_t>(d.track & 0xFF);
    out[3] = static_cast<std::uint8_t>(d.session & 0xFF);
    out[5] = static_cast<std::uint8_t>((d.copy ? 0x10 : 0x00) | d.trackMode);
    out[6] = static_cast<std::uint8_t>((d.blank ? 0x40 : 0x00) | d.dataMode);
    out[7] = static_cast<std::uint8_t>((d.lraValid ? 0x02 : 0x00) | (d.nwaValid ? 0x01 : 0x00));
    storeBe32(&out[8], static_cast<std::uint32_t>(d.start));
    storeBe32(&out[12], static_cast<std::uint32_t>(d.nextWritable));
    storeBe32(&out[16], d.freeBlocks);
    storeBe32(&out[24], d.size);
    storeBe32(&out[28], static_cast<std::uint32_t>(d.lastRecorded));
    out[32] = static_cast<std::uint8_t>(d.track >> 8);
    out[33] = static_cast<std::uint8_t>(d.session >> 8);
    return out;
}

}  // namespace

mmc::CommandResult readTrackInformation(DriveState& state, const CommandContext& ctx)
{
    // Byte 1: bits 7-3 reserved; bit 2 OPEN (search for the first open track from the one named) is refused,
    // since every track of the model is closed but an appendable disc's invisible track, which FFh names.
    for (std::uint8_t bit = 7; bit >= 2; --bit)
        if ((ctx.cdb[1] & (1u << bit)) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, bit);
    const auto type = static_cast<std::uint8_t>(ctx.cdb[1] & 0x03);
    const std::uint32_t value = loadBe32(&ctx.cdb[2]);
    const std::uint16_t allocation = loadBe16(&ctx.cdb[7]);
    const Disc& disc = *state.loadedDisc();
    const bool appendable = layout::isAppendable(disc);

    std::optional<Descriptor> found;
    switch (type) {
    case Lba: {
        const auto lba = static_cast<std::int32_t>(value);
        if (appendable && lba >= layout::invisibleTrackStartLba(disc) && lba < disc.recordable().lastPossibleLeadOutLba) {
            found = invisibleTrack(disc);
            break;
        }
        // Outside every track (past the last lead-out, between sessions) the address is out of range.
        const Track* t = trackHolding(disc, lba);
        if (t == nullptr) return checkCondition(mmc::sense::LbaOutOfRange, 2);
        found = recordedTrack(disc, *t);
        break;
    }
    case TrackNumber:
        if (appendable && (value == kInvisibleTrack || value == disc.lastTrackNumber() + 1u)) {
            found = invisibleTrack(disc);
            break;
        }
        if (value == 0 || value > disc.lastTrackNumber()) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);
        found = recordedTrack(disc, *disc.track(static_cast<std::uint8_t>(value)));
        break;
    case SessionNumber:
        if (appendable && value == disc.sessionCount() + 1u) {
            found = invisibleTrack(disc);
            break;
        }
        if (value == 0 || value > disc.sessionCount()) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);
        found = recordedTrack(disc, *layout::sessionTracks(disc, static_cast<std::uint8_t>(value)).first);
        break;
    default: return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 1);
    }
    return dataIn(ctx, encode(*found), allocation);
}

}  // namespace cdcts::emulator
