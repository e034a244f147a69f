// READ TOC/PMA/ATIP (MMC-6 §6.26). Formats 0 (TOC) and 1 (session information) here; the full TOC, PMA,
// ATIP and CD-TEXT formats come with the complete drive.
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

}  // namespace

mmc::CommandResult readTocPmaAtip(DriveState& state, const CommandContext& ctx)
{
    const bool msf = (ctx.cdb[1] & 0x02) != 0;
    const std::uint8_t format = ctx.cdb[2] & 0x0F;
    const std::uint8_t start = ctx.cdb[6];
    const std::uint16_t allocation = loadBe16(&ctx.cdb[7]);
    const Disc& disc = *state.loadedDisc();
    if (format == 1) return sessionInformation(disc, ctx, msf, allocation);
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
