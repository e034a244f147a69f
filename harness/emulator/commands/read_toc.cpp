// READ TOC/PMA/ATIP (MMC-6 §6.26): formats 0 (TOC), 1 (session information), 2 (full TOC, the Q
// sub-channel of the lead-in), 3 (PMA), 4 (ATIP) and 5 (CD-TEXT). PMA and ATIP exist only on recordable
// media; docs/emulator.md (Disc commands) says what a pressed disc answers and why.
#include <algorithm>
#include <array>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/commands/session_layout.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::uint8_t kLeadOutTrack = 0xAA;
constexpr std::uint8_t kAdrCurrentPosition = 1;
// Mode-5 Q (ADR 5) in the lead-in of recordable and multisession discs: B0 (next program area), C0 (ATIP copy).
constexpr std::uint8_t kAdrMode5 = 5;
constexpr std::uint8_t kPointNextProgramArea = 0xB0;
constexpr std::uint8_t kPointAtipCopy = 0xC0;

enum Format : std::uint8_t { Toc = 0, SessionInfo = 1, FullToc = 2, Pma = 3, Atip = 4, CdText = 5 };

void putAddress(std::uint8_t* p, std::int32_t lba, bool msf)
{
    if (msf) {
        const mmc::Msf m = mmc::lbaToMsf(lba);
        p[0] = 0, p[1] = m.minute, p[2] = m.second, p[3] = m.frame;
    } else {
        storeBe32(p, static_cast<std::uint32_t>(lba));
    }
}

void putDescriptor(std::vector<std::uint8_t>& out, std::uint8_t control, std::uint8_t track, std::int32_t lba, bool msf)
{
    const std::size_t at = out.size();
    out.resize(at + 8);
    out[at + 1] = static_cast<std::uint8_t>((kAdrCurrentPosition << 4) | (control & 0x0F));
    out[at + 2] = track;
    putAddress(&out[at + 4], lba, msf);
}

// Format 1: the first and last complete session, and the first track of the last session (MMC-6 Table 485).
mmc::CommandResult sessionInformation(const DriveState& state, const Disc& disc, const CommandContext& ctx, bool msf,
                                      std::uint16_t allocation)
{
    const std::uint8_t lastSession = disc.tracks().back().session;
    const Track* first = nullptr;
    for (const Track& t : disc.tracks())
        if (t.session == lastSession) {
            first = &t;
            break;
        }
    std::vector<std::uint8_t> reply(4);
    reply[2] = 1;
    reply[3] = lastSession;
    // Seeded defect: the address is the absolute one (150 sectors of lead-in pregap added twice over).
    const std::int32_t slip = state.defects.has(defects::SeededDefect::LastSessionAddressOffBy150) ? 150 : 0;
    putDescriptor(reply, first->control, first->number, first->startLba + slip, msf);
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

// One 11-byte full-TOC descriptor (MMC-6 Table 487): session, ADR/control, TNO 0, POINT, MIN/SEC/FRAME, ZERO,
// PMIN/PSEC/PFRAME. ADR 1 points leave the ATIME fields zero; mode-5 points use them.
void putFullTocDescriptor(std::vector<std::uint8_t>& out, std::uint8_t session, std::uint8_t control, std::uint8_t point,
                          std::array<std::uint8_t, 3> ptime, std::uint8_t adr = kAdrCurrentPosition,
                          std::array<std::uint8_t, 3> time = {0, 0, 0}, std::uint8_t zero = 0)
{
    out.insert(out.end(), {session, static_cast<std::uint8_t>((adr << 4) | (control & 0x0F)), 0, point, time[0], time[1], time[2], zero,
                           ptime[0], ptime[1], ptime[2]});
}

// ATIP special information 1 as READ TOC format 4 byte 4 and the C0 pointer carry it: bit 7 set, indicative
// target writing power in bits 6-4, reference speed in bits 2-0 (CD-RW only: 010b, 4x).
std::uint8_t atipSpecialInformation1(const Disc& disc)
{
    const auto power = static_cast<std::uint8_t>((disc.recordable().indicativeWritingPower & 0x07) << 4);
    const std::uint8_t referenceSpeed = disc.mediumKind() == MediumKind::CdRw ? 0x02 : 0x00;
    return static_cast<std::uint8_t>(0x80 | power | referenceSpeed);
}

std::array<std::uint8_t, 3> msfBytes(std::int32_t lba)
{
    const mmc::Msf m = mmc::lbaToMsf(lba);
    return {m.minute, m.second, m.frame};
}

// Format 2: for each session from the requested one, A0 (first track, disc type), A1 (last track), A2
// (lead-out), one descriptor per track, then the mode-5 pointers, times in binary MSF. B0 closes every
// session another may follow (each but the last, and the last of an appendable disc): the next program area
// in MIN/SEC/FRAME, how many mode-5 pointers the session has in ZERO, the outermost possible lead-out in
// PMIN/PSEC/PFRAME. C0 (first session of a recordable disc) copies the ATIP: special information 1 in MIN,
// the start of the first lead-in in PMIN/PSEC/PFRAME.
mmc::CommandResult fullToc(const Disc& disc, const CommandContext& ctx, std::uint8_t firstSession, std::uint16_t allocation)
{
    const std::uint8_t sessions = disc.sessionCount();
    if (firstSession > sessions) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    std::vector<std::uint8_t> reply(4);
    reply[2] = 1;
    reply[3] = sessions;
    for (std::uint8_t s = std::max<std::uint8_t>(firstSession, 1); s <= sessions; ++s) {
        const auto [first, last] = layout::sessionTracks(disc, s);
        // Disc type in A0's PSEC: 00h CD-DA or CD-ROM, 20h when the session holds CD-ROM XA tracks.
        putFullTocDescriptor(reply, s, first->control, 0xA0, {first->number, layout::discType(disc, s), 0});
        putFullTocDescriptor(reply, s, last->control, 0xA1, {last->number, 0, 0});
        putFullTocDescriptor(reply, s, last->control, 0xA2, msfBytes(disc.sessionLeadOutLba(s)));
        for (const Track* t = first; t <= last; ++t) putFullTocDescriptor(reply, s, t->control, t->number, msfBytes(t->startLba));
        const bool hasB0 = s < sessions || layout::isAppendable(disc);
        const bool hasC0 = s == 1 && disc.isRecordable();
        const auto mode5Points = static_cast<std::uint8_t>(int{hasB0} + int{hasC0});
        if (hasB0) {
            const std::int32_t outermost =
                disc.isRecordable() ? disc.recordable().lastPossibleLeadOutLba : layout::kPressedMaximumLeadOutLba;
            putFullTocDescriptor(reply, s, last->control, kPointNextProgramArea, layout::absoluteMsf(outermost), kAdrMode5,
                                 layout::absoluteMsf(layout::nextProgramAreaLba(disc, s)), mode5Points);
        }
        if (hasC0)
            putFullTocDescriptor(reply, s, last->control, kPointAtipCopy, layout::absoluteMsf(disc.recordable().atipLeadInStartLba), kAdrMode5,
                                 {atipSpecialInformation1(disc), 0, 0});
    }
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

// Format 3: the PMA a recorder keeps of the tracks it wrote (Orange Book PMA mode 1: POINT the track, MIN/SEC/
// FRAME its stop time, PMIN/PSEC/PFRAME its start time), as 11-byte descriptors like format 2's with byte 0
// reserved. Only recordable media have a PMA.
mmc::CommandResult pma(const Disc& disc, const CommandContext& ctx, std::uint16_t allocation)
{
    if (!disc.isRecordable()) return checkCondition(mmc::sense::InvalidFieldInCdb, 2, 3);
    std::vector<std::uint8_t> reply(4);
    for (const Track& t : disc.tracks()) {
        const std::int32_t stop = t.startLba + static_cast<std::int32_t>(t.length) - 1;
        putFullTocDescriptor(reply, 0, t.control, t.number, layout::absoluteMsf(t.startLba), kAdrCurrentPosition, layout::absoluteMsf(stop));
    }
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

// Format 4: one 24-byte ATIP descriptor (MMC-6 Table 490; ntddcdrm.h CDROM_TOC_ATIP_DATA_BLOCK). Only
// recordable media have a pregroove to read it from.
mmc::CommandResult atip(const Disc& disc, const CommandContext& ctx, std::uint16_t allocation)
{
    if (!disc.isRecordable()) return checkCondition(mmc::sense::InvalidFieldInCdb, 2, 3);
    std::vector<std::uint8_t> reply(4 + 24);
    reply[4] = atipSpecialInformation1(disc);
    reply[5] = 0x40;  // URU: unrestricted use (a general-purpose disc, not an audio-only one)
    // Bit 7 always one; disc type (bit 6) CD-RW; disc sub-type 0; A1/A2/A3 not valid.
    reply[6] = static_cast<std::uint8_t>(0x80 | (disc.mediumKind() == MediumKind::CdRw ? 0x40 : 0x00));
    const auto leadIn = layout::absoluteMsf(disc.recordable().atipLeadInStartLba);
    const auto leadOut = layout::absoluteMsf(disc.recordable().lastPossibleLeadOutLba);
    std::copy(leadIn.begin(), leadIn.end(), &reply[8]);
    std::copy(leadOut.begin(), leadOut.end(), &reply[12]);
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

// Format 5: the lead-in's CD-TEXT packs after a 4-byte header. A drive that reads CD-TEXT answers a disc
// without any with the header alone; a drive that does not know the format rejects it.
mmc::CommandResult cdText(const DriveState& state, const Disc& disc, const CommandContext& ctx, std::uint16_t allocation)
{
    if (!state.profile.behaviours.cdText) return checkCondition(mmc::sense::InvalidFieldInCdb, 2, 3);
    std::vector<std::uint8_t> reply(4);
    for (const Disc::CdTextPack& pack : disc.cdTextPacks()) reply.insert(reply.end(), pack.begin(), pack.end());
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

}  // namespace

mmc::CommandResult readTocPmaAtip(DriveState& state, const CommandContext& ctx)
{
    const bool msf = (ctx.cdb[1] & 0x02) != 0;
    std::uint8_t format = ctx.cdb[2] & 0x0F;
    const std::uint8_t start = ctx.cdb[6];
    const std::uint16_t allocation = loadBe16(&ctx.cdb[7]);
    const Disc& disc = *state.loadedDisc();
    // Before MMC-2 the format sat in bits 7-6 of the control byte (SFF-8020: 00b TOC, 01b session, 10b full
    // TOC); MMC keeps honouring it when the Format field is zero. 11b was never defined.
    const auto legacyFormat = static_cast<std::uint8_t>(ctx.cdb[9] >> 6);
    if (format == Toc && legacyFormat != 0) {
        if (legacyFormat == 3) return checkCondition(mmc::sense::InvalidFieldInCdb, 9, 7);
        format = legacyFormat;
    }
    // Session information, PMA and ATIP have no track or session to start from: the field is reserved.
    if ((format == SessionInfo || format == Pma || format == Atip || format == CdText) && start != 0)
        return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    switch (format) {
    case SessionInfo: return sessionInformation(state, disc, ctx, msf, allocation);
    case FullToc: return fullToc(disc, ctx, start, allocation);
    case Pma: return pma(disc, ctx, allocation);
    case Atip: return atip(disc, ctx, allocation);
    case CdText: return cdText(state, disc, ctx, allocation);
    case Toc: break;
    default: return checkCondition(mmc::sense::InvalidFieldInCdb, 2, 3);
    }

    // Track 0 means "from the first track"; AAh asks for the lead-out alone; past the last track is invalid.
    if (start != kLeadOutTrack && start > disc.lastTrackNumber()) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);

    std::vector<std::uint8_t> reply(4);
    reply[2] = disc.firstTrackNumber();
    reply[3] = disc.lastTrackNumber();
    if (start != kLeadOutTrack)
        for (const Track& t : disc.tracks())
            if (t.number >= start) putDescriptor(reply, t.control, t.number, t.startLba, msf);
    // The lead-out carries the last track's control nibble.
    putDescriptor(reply, disc.tracks().back().control, kLeadOutTrack, disc.leadOutLba(), msf);
    // Seeded defect: TOC Data Length counts its own two bytes.
    const std::size_t lengthBias = state.defects.has(defects::SeededDefect::TocLengthOffByTwo) ? 0 : 2;
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - lengthBias));
    return dataIn(ctx, reply, allocation);
}

}  // namespace cdcts::emulator
