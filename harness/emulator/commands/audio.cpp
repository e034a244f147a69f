// Audio play (MMC-6 PLAY AUDIO (10)/(12), PLAY AUDIO MSF, PAUSE/RESUME, STOP PLAY/SCAN), SEEK (10) and
// READ SUB-CHANNEL: the drive plays CD-DA sectors at 75 a second of clock time (audio_play.hpp) and reports
// the Q position, the media catalog number and track ISRCs.
#include <algorithm>
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {

constexpr mmc::SenseCode kCommandSequenceError{mmc::SenseKey::IllegalRequest, 0x2C, 0x00};
// A start address of all ones means "from where the head is" (MMC-6 PLAY AUDIO: FFFFFFFFh / FFh FFh FFh).
constexpr std::uint32_t kCurrentPosition = 0xFFFFFFFF;

// Plays [start, end) after checking it: past the lead-out → LBA out of range (field pointer `lbaByte`), any
// sector of a data track in the range → illegal mode for this track, an empty range → nothing, no error.
mmc::CommandResult play(DriveState& state, std::int64_t start, std::int64_t end, std::uint16_t lbaByte)
{
    const Disc& disc = *state.loadedDisc();
    if (start < mmc::msfToLba({0, 0, 0}) || start >= disc.leadOutLba()) return checkCondition(mmc::sense::LbaOutOfRange, lbaByte);
    if (end > disc.leadOutLba()) return checkCondition(mmc::sense::LbaOutOfRange, lbaByte);
    if (end <= start) return good();
    const auto first = static_cast<std::int32_t>(start), stop = static_cast<std::int32_t>(end);
    // The tracks the range touches, pregaps counted with the track after them (as a read counts them).
    const std::uint8_t from = disc.trackOwning(first)->number, to = disc.trackOwning(stop - 1)->number;
    // Seeded defect: data tracks are "played" too (as noise) instead of refused.
    const bool checksMode = !state.defects.has(defects::SeededDefect::PlayAudioAcceptsDataTrack);
    for (std::uint8_t n = from; n <= to && checksMode; ++n)
        if (disc.track(n)->type != TrackType::Audio) return checkCondition(mmc::sense::IllegalModeForThisTrack);
    // An unreadable sector ends the play there with an error (audio status 14h).
    std::int32_t stopsAt = stop;
    for (std::int32_t lba = first; lba < stop; ++lba)
        if (state.faults.sector(lba) == SectorFault::Unreadable) {
            stopsAt = lba;
            break;
        }
    chargeSeek(state, first);
    state.audio.start(first, stop, stopsAt, state.clock.now());
    return good();
}

std::int64_t startOf(DriveState& state, std::uint32_t field)
{
    return field == kCurrentPosition ? state.audio.position(state.clock.now()) : static_cast<std::int32_t>(field);
}

// An address in a READ SUB-CHANNEL reply: a signed LBA, or reserved + M, S, F. A relative address before
// index 1 (in a pregap) counts the distance to it.
void putAddress(std::uint8_t* p, std::int32_t lba, bool msf, bool relative)
{
    if (!msf) {
        storeBe32(p, static_cast<std::uint32_t>(lba));
        return;
    }
    const std::int32_t frames = relative ? std::abs(lba) : lba + mmc::kMsfLbaOffset;
    p[0] = 0;
    p[1] = static_cast<std::uint8_t>(frames / (mmc::kSecondsPerMinute * mmc::kFramesPerSecond));
    p[2] = static_cast<std::uint8_t>(frames / mmc::kFramesPerSecond % mmc::kSecondsPerMinute);
    p[3] = static_cast<std::uint8_t>(frames % mmc::kFramesPerSecond);
}

// 13 MCN digits or 12 ISRC characters into the reply, after the validity bit byte.
void putText(std::uint8_t* p, const std::string& text, std::size_t size)
{
    std::copy_n(text.begin(), std::min(text.size(), size), p);
}

}  // namespace

mmc::CommandResult playAudio10(DriveState& state, const CommandContext& ctx)
{
    const std::int64_t start = startOf(state, loadBe32(&ctx.cdb[2]));
    return play(state, start, start + loadBe16(&ctx.cdb[7]), 2);
}

mmc::CommandResult playAudio12(DriveState& state, const CommandContext& ctx)
{
    const std::int64_t start = startOf(state, loadBe32(&ctx.cdb[2]));
    return play(state, start, start + loadBe32(&ctx.cdb[6]), 2);
}

mmc::CommandResult playAudioMsf(DriveState& state, const CommandContext& ctx)
{
    const mmc::Msf from{ctx.cdb[3], ctx.cdb[4], ctx.cdb[5]};
    const mmc::Msf to{ctx.cdb[6], ctx.cdb[7], ctx.cdb[8]};
    const bool here = from == mmc::Msf{0xFF, 0xFF, 0xFF};
    if (!here && !mmc::isValidMsf(from)) return checkCondition(mmc::sense::InvalidFieldInCdb, 3);
    if (!mmc::isValidMsf(to)) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    const std::int64_t start = here ? state.audio.position(state.clock.now()) : mmc::msfToLba(from);
    const std::int64_t end = mmc::msfToLba(to);
    // The ending address is where play stops (exclusive, as READ CD MSF); before the start it is an invalid field.
    if (end < start) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    return play(state, start, end, 3);
}

mmc::CommandResult pauseResume(DriveState& state, const CommandContext& ctx)
{
    const Nanoseconds now = state.clock.now();
    const PlayPhase phase = state.audio.phase(now);
    // Pausing or resuming needs a play operation to act on; pausing a pause or resuming a play is no error.
    if (phase != PlayPhase::Playing && phase != PlayPhase::Paused) return checkCondition(kCommandSequenceError);
    const bool resume = (ctx.cdb[8] & 0x01) != 0;
    // Seeded defects: a pause that stops nothing; a resume that plays the operation again from its start.
    if (!resume && state.defects.has(defects::SeededDefect::PauseKeepsPlaying)) return good();
    if (resume && phase == PlayPhase::Paused && state.defects.has(defects::SeededDefect::ResumeRestartsFromStart)) {
        state.audio.start(state.audio.startedFrom(), state.audio.playEnd(), state.audio.playEnd(), now);
        return good();
    }
    if (resume)
        state.audio.resume(now);
    else
        state.audio.pause(now);
    return good();
}

mmc::CommandResult stopPlayScan(DriveState& state, const CommandContext&)
{
    state.audio.stop(state.clock.now());  // stopping with nothing playing is no error
    return good();
}

mmc::CommandResult seek10(DriveState& state, const CommandContext& ctx)
{
    // Signed: the class driver's SEEK_AUDIO_MSF sends MSF before 00:02:00 as a negative LBA (ioctl-contracts §3.20).
    const auto lba = static_cast<std::int32_t>(loadBe32(&ctx.cdb[2]));
    if (lba < mmc::msfToLba({0, 0, 0}) || lba >= state.loadedDisc()->leadOutLba()) return checkCondition(mmc::sense::LbaOutOfRange, 2);
    if (state.defects.has(defects::SeededDefect::SeekIgnored)) return good();  // seeded defect: the head stays
    state.audio.moveTo(lba, state.clock.now());  // a seek ends any play
    chargeSeek(state, lba);
    return good();
}

mmc::CommandResult readSubChannel(DriveState& state, const CommandContext& ctx)
{
    const bool msf = (ctx.cdb[1] & 0x02) != 0;
    const bool subQ = (ctx.cdb[2] & 0x40) != 0;
    const std::uint8_t format = ctx.cdb[3];
    const Disc& disc = *state.loadedDisc();
    if (subQ && (format < 1 || format > 3)) return checkCondition(mmc::sense::InvalidFieldInCdb, 3);
    const Track* isrcTrack = nullptr;
    if (subQ && format == 3) {
        isrcTrack = disc.track(ctx.cdb[6]);
        if (isrcTrack == nullptr) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    }
    const Nanoseconds now = state.clock.now();
    std::array<std::uint8_t, 24> reply{};
    reply[1] = static_cast<std::uint8_t>(state.audio.reportStatus(now));
    std::size_t length = 4;  // SubQ = 0: the header alone
    if (subQ) {
        reply[4] = format;
        if (format == 1) {
            std::int32_t position = state.audio.position(now);
            // Seeded defect: Q is refreshed only when a play starts or resumes, so it stands still while playing.
            if (state.defects.has(defects::SeededDefect::QChannelNotAdvancing) && state.audio.phase(now) == PlayPhase::Playing)
                position = state.audio.anchoredAt();
            const Track* t = disc.trackOwning(position);
            if (t == nullptr) t = &disc.tracks().back();
            const bool pregap = position < t->startLba;
            reply[5] = static_cast<std::uint8_t>(0x10 | t->control);  // ADR 1: Q encodes the current position
            reply[6] = t->number;
            reply[7] = pregap ? 0 : 1;
            putAddress(&reply[8], position, msf, false);
            putAddress(&reply[12], position - t->startLba, msf, true);
            length = 16;
        } else if (format == 2) {
            const std::string& mcn = disc.mediaCatalogNumber();
            // Seeded defect: MCVal set whether or not the disc has a catalog number.
            if (state.defects.has(defects::SeededDefect::McnValidWithoutMcn)) reply[8] = 0x80;
            if (!mcn.empty()) {
                reply[8] = 0x80;  // MCVal
                putText(&reply[9], mcn, 13);
            }
            length = 24;
        } else {
            reply[5] = static_cast<std::uint8_t>(0x30 | isrcTrack->control);  // ADR 3: ISRC
            reply[6] = isrcTrack->number;
            // Seeded defect: TCVal set whether or not the track has an ISRC.
            if (state.defects.has(defects::SeededDefect::IsrcValidWithoutIsrc)) reply[8] = 0x80;
            if (!isrcTrack->isrc.empty()) {
                reply[8] = 0x80;  // TCVal
                putText(&reply[9], isrcTrack->isrc, 12);
            }
            length = 24;
        }
    }
    storeBe16(&reply[2], static_cast<std::uint16_t>(length - 4));
    return dataIn(ctx, std::span(reply).first(length), loadBe16(&ctx.cdb[7]));
}

}  // namespace cdcts::emulator
