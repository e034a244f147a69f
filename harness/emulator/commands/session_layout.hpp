#pragma once
// Where sessions put their lead-ins, lead-outs and the next program area (Orange Book multisession rules as
// MMC-6 §4.2.3 and Annex describe them). READ TOC's B0 pointer, READ DISC INFORMATION and READ TRACK
// INFORMATION's invisible track all derive from the same arithmetic, so it lives here once.
#include <array>
#include <cstdint>
#include <utility>

#include "harness/emulator/cue/layout.hpp"
#include "harness/emulator/disc.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator::layout {

// The first session's lead-out lasts 01:30:00, later ones 00:30:00; every later lead-in lasts 01:00:00; the
// first track of a session starts after a 00:02:00 pregap. One set of Orange Book figures serves the cue layout
// that places sessions and the commands that report them.
inline constexpr std::int32_t kFirstLeadOutSectors = cue::kFirstLeadOutLength;
inline constexpr std::int32_t kLaterLeadOutSectors = cue::kLaterLeadOutLength;
inline constexpr std::int32_t kLeadInSectors = cue::kLeadInLength;
inline constexpr std::int32_t kFirstPregapSectors = cue::kSessionFirstPregap;
// The outermost lead-out a pressed disc's B0 pointer names (79:59:74) when no ATIP says otherwise.
inline constexpr std::int32_t kPressedMaximumLeadOutLba = 359849;

[[nodiscard]] constexpr std::int32_t leadOutSectors(std::uint8_t session)
{
    return session == 1 ? kFirstLeadOutSectors : kLaterLeadOutSectors;
}

// The disc type the lead-in's A0 point (PSEC) and READ DISC INFORMATION (byte 8) report: 00h CD-DA or CD-ROM,
// 20h CD-ROM XA when the tracks concerned hold mode-2 sectors (MMC-6 Table 578; 10h CD-I is not modelled).
// `session` 0 means the whole disc.
inline constexpr std::uint8_t kDiscTypeCdDaOrCdRom = 0x00;
inline constexpr std::uint8_t kDiscTypeCdRomXa = 0x20;
[[nodiscard]] inline std::uint8_t discType(const Disc& disc, std::uint8_t session = 0)
{
    for (const Track& t : disc.tracks())
        if ((session == 0 || t.session == session) && isMode2(t.type)) return kDiscTypeCdRomXa;
    return kDiscTypeCdDaOrCdRom;
}

// The first and last track of session `session` (1-based), or nullptrs when it has none.
[[nodiscard]] inline std::pair<const Track*, const Track*> sessionTracks(const Disc& disc, std::uint8_t session)
{
    const Track* first = nullptr;
    const Track* last = nullptr;
    for (const Track& t : disc.tracks()) {
        if (t.session != session) continue;
        if (first == nullptr) first = &t;
        last = &t;
    }
    return {first, last};
}

// Start of the lead-in that would follow session `session`.
[[nodiscard]] inline std::int32_t nextLeadInLba(const Disc& disc, std::uint8_t session)
{
    return disc.sessionLeadOutLba(session) + leadOutSectors(session);
}

// Start of the program area after session `session` (the first pregap of the next session included): what B0
// points at.
[[nodiscard]] inline std::int32_t nextProgramAreaLba(const Disc& disc, std::uint8_t session)
{
    return nextLeadInLba(disc, session) + kLeadInSectors;
}

// The invisible track of an appendable disc: it starts (and can be written) after the next session's pregap.
[[nodiscard]] inline std::int32_t invisibleTrackStartLba(const Disc& disc)
{
    return nextProgramAreaLba(disc, disc.sessionCount()) + kFirstPregapSectors;
}

[[nodiscard]] inline bool isAppendable(const Disc& disc) { return disc.isRecordable() && disc.recordable().appendable; }

// Absolute time of an LBA as the Q sub-channel and ATIP write it. Lead-in LBAs below -150 wrap below
// 100:00:00: MSF 90:00:00 .. 99:59:74 are LBA -45150 .. -151 (MMC-6 §4.2.3, LBA = MSF - 450150 there).
[[nodiscard]] inline std::array<std::uint8_t, 3> absoluteMsf(std::int32_t lba)
{
    std::int32_t frames = lba + mmc::kMsfLbaOffset;
    if (frames < 0) frames += 100 * mmc::kSecondsPerMinute * mmc::kFramesPerSecond;
    const auto perMinute = mmc::kSecondsPerMinute * mmc::kFramesPerSecond;
    return {static_cast<std::uint8_t>(frames / perMinute), static_cast<std::uint8_t>(frames / mmc::kFramesPerSecond % mmc::kSecondsPerMinute),
            static_cast<std::uint8_t>(frames % mmc::kFramesPerSecond)};
}

}  // namespace cdcts::emulator::layout
