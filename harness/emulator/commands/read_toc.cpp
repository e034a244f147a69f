// READ TOC/PMA/ATIP (MMC-6 §6.26). Formats 0 (TOC), 1 (session information) and 2 (full TOC, the Q
// sub-channel of the lead-in) here; PMA, ATIP and CD-TEXT come with the complete drive.
#include <algorithm>
#include <array>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::uint8_t kLeadOutTrack = 0xAA;
constexpr std::uint8_t kAdrCurrentPosition = 1;

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
mmc::CommandResult sessionInformation(const Disc& disc, const CommandContext& ctx, bool msf, std::uint16_t allocation)
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
    putDescriptor(reply, first->control, first->number, first->startLba, msf);
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

// One 11-byte full-TOC descriptor (MMC-6 Table 487): session, ADR/control, TNO 0, POINT, ATIME 0, PTIME.
void putFullTocDescriptor(std::vector<std::uint8_t>& out, std::uint8_t session, std::uint8_t control, std::uint8_t point,
                          std::array<std::uint8_t, 3> ptime)
{
    out.insert(out.end(), {session, static_cast<std::uint8_t>((kAdrCurrentPosition << 4) | (control & 0x0F)), 0, point, 0, 0, 0, 0,
                           ptime[0], ptime[1], ptime[2]});
}

std::array<std::uint8_t, 3> msfBytes(std::int32_t lba)
{
    const mmc::Msf m = mmc::lbaToMsf(lba);
    return {m.minute, m.second, m.frame};
}

// Format 2: for each session from the requested one, A0 (first track, disc type), A1 (last track), A2
// (lead-out) and one descriptor per track, times in binary MSF. Mode-5 pointers (B0, C0) of recordable and
// multisession discs are not produced yet.
mmc::CommandResult fullToc(const Disc& disc, const CommandContext& ctx, std::uint8_t firstSession, std::uint16_t allocation)
{
    const std::uint8_t sessions = disc.sessionCount();
    if (firstSession > sessions) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    std::vector<std::uint8_t> reply(4);
    reply[2] = 1;
    reply[3] = sessions;
    for (std::uint8_t s = std::max<std::uint8_t>(firstSession, 1); s <= sessions; ++s) {
        const Track* first = nullptr;
        const Track* last = nullptr;
        for (const Track& t : disc.tracks()) {
            if (t.session != s) continue;
            if (first == nullptr) first = &t;
            last = &t;
        }
        // Disc type in A0's PSEC: 00h CD-DA or CD-ROM (20h CD-ROM XA would need mode 2 tracks).
        putFullTocDescriptor(reply, s, first->control, 0xA0, {first->number, 0x00, 0});
        putFullTocDescriptor(reply, s, last->control, 0xA1, {last->number, 0, 0});
        putFullTocDescriptor(reply, s, last->control, 0xA2, msfBytes(disc.sessionLeadOutLba(s)));
        for (const Track* t = first; t <= last; ++t) putFullTocDescriptor(reply, s, t->control, t->number, msfBytes(t->startLba));
    }
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

}  // namespace

mmc::CommandResult readTocPmaAtip(DriveState& state, const CommandContext& ctx)
{
    const bool msf = (ctx.cdb[1] & 0x02) != 0;
    const std::uint8_t format = ctx.cdb[2] & 0x0F;
    const std::uint8_t start = ctx.cdb[6];
    const std::uint16_t allocation = loadBe16(&ctx.cdb[7]);
    const Disc& disc = *state.loadedDisc();
    if (format == 1) return sessionInformation(disc, ctx, msf, allocation);
    if (format == 2) return fullToc(disc, ctx, start, allocation);
    if (format != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);

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
    storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    return dataIn(ctx, reply, allocation);
}

}  // namespace cdcts::emulator
