// READ CD and READ CD MSF (MMC-6 §6.18, §6.19): raw sectors, built on demand by the sector synthesis, with
// the fields byte 9 selects, C2 error pointers and sub-channel data.
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/audio_read_offset.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"
#include "harness/emulator/sector_faults.hpp"
#include "harness/emulator/sector/c2.hpp"
#include "harness/emulator/sector/q_channel.hpp"
#include "harness/emulator/sector/raw_sector.hpp"
#include "harness/emulator/sector/subchannel.hpp"
#include "harness/emulator/subchannel_q.hpp"
#include "harness/emulator/track_sector.hpp"
#include "harness/mmc/msf.hpp"

namespace cdcts::emulator {
namespace {

// Expected Sector Type (byte 1 bits 2-4, MMC-6 Table 448).
enum class ExpectedType : std::uint8_t { Any = 0, CdDa = 1, Mode1 = 2, Mode2Formless = 3, Mode2Form1 = 4, Mode2Form2 = 5 };

// One field of a raw sector in recorded order; a request must select a contiguous run of them (the
// combinations MMC-6 Table 450 marks illegal are exactly the ones that skip a field in between).
struct Field {
    std::uint16_t offset;
    std::uint16_t size;
};

struct Selection {
    std::array<bool, 5> fields;  // sync, header, subheader, user data, EDC/ECC: byte 9 bits 7, 5, 6, 4, 3
    std::uint8_t c2;             // 0 none, 1 pointers (294), 2 pointers + block error byte (296)
    sector::SubchannelSelection subchannel;

    [[nodiscard]] bool userDataOnly() const { return fields == std::array<bool, 5>{false, false, false, true, false}; }
};

struct Layout {
    std::array<Field, 5> fields;  // sync, header, subheader, user data, EDC/ECC (size 0 where the type has none)
};

constexpr Layout kMode1{{{{0, 12}, {12, 4}, {16, 0}, {16, 2048}, {2064, 288}}}};
constexpr Layout kAudio{{{{0, 0}, {0, 0}, {0, 0}, {0, 2352}, {0, 0}}}};
// Mode 2 (ECMA-130 §14.6 and CD-ROM XA): formless has no subheader and no EDC/ECC; form 1 ends with its EDC
// and the P and Q parity (4 + 276 bytes, no zero bytes as in mode 1); form 2 ends with its 4-byte EDC.
constexpr Layout kMode2Formless{{{{0, 12}, {12, 4}, {16, 0}, {16, 2336}, {2352, 0}}}};
constexpr Layout kMode2Form1{{{{0, 12}, {12, 4}, {16, 8}, {24, 2048}, {2072, 280}}}};
constexpr Layout kMode2Form2{{{{0, 12}, {12, 4}, {16, 8}, {24, 2324}, {2348, 4}}}};

const Layout& layoutOf(sector::SectorMode mode)
{
    switch (mode) {
    case sector::SectorMode::Audio: return kAudio;
    case sector::SectorMode::Mode2Formless: return kMode2Formless;
    case sector::SectorMode::Mode2Form1: return kMode2Form1;
    case sector::SectorMode::Mode2Form2: return kMode2Form2;
    case sector::SectorMode::Mode0:
    case sector::SectorMode::Mode1: break;
    }
    return kMode1;
}

// The expected sector type that names `mode` (MMC-6 Table 448); "any" matches every type.
ExpectedType expectedTypeOf(sector::SectorMode mode)
{
    switch (mode) {
    case sector::SectorMode::Audio: return ExpectedType::CdDa;
    case sector::SectorMode::Mode2Formless: return ExpectedType::Mode2Formless;
    case sector::SectorMode::Mode2Form1: return ExpectedType::Mode2Form1;
    case sector::SectorMode::Mode2Form2: return ExpectedType::Mode2Form2;
    case sector::SectorMode::Mode0:
    case sector::SectorMode::Mode1: break;
    }
    return ExpectedType::Mode1;
}

// False when the selection skips a field of this sector type that lies between two selected ones.
bool selectsContiguousFields(const Layout& layout, const Selection& s)
{
    bool started = false, gap = false;
    for (std::size_t i = 0; i < layout.fields.size(); ++i) {
        if (layout.fields[i].size == 0) continue;  // the type has no such field
        if (s.fields[i]) {
            if (gap) return false;
            started = true;
        } else if (started) {
            gap = true;
        }
    }
    return true;
}

mmc::CommandResult readCd(DriveState& state, const CommandContext& ctx, std::int64_t lba, std::int64_t count)
{
    const auto expected = static_cast<std::uint8_t>((ctx.cdb[1] >> 2) & 0x07);
    if (expected > 5) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 2);
    const std::uint8_t b9 = ctx.cdb[9];
    const auto headerCodes = static_cast<std::uint8_t>((b9 >> 5) & 0x03);
    const Selection sel{{(b9 & 0x80) != 0, (headerCodes & 0x01) != 0, (headerCodes & 0x02) != 0, (b9 & 0x10) != 0, (b9 & 0x08) != 0},
                        static_cast<std::uint8_t>((b9 >> 1) & 0x03),
                        static_cast<sector::SubchannelSelection>(ctx.cdb[10] & 0x07)};
    if (sel.c2 == 3) return checkCondition(mmc::sense::InvalidFieldInCdb, 9, 2);
    const auto sub = static_cast<std::uint8_t>(sel.subchannel);
    if (sub != 0 && sub != 1 && sub != 2 && sub != 4) return checkCondition(mmc::sense::InvalidFieldInCdb, 10, 0);

    const Disc& disc = *state.loadedDisc();
    if (lba < 0 || count < 0 || lba + count > disc.leadOutLba()) return checkCondition(mmc::sense::LbaOutOfRange, 2);
    // Validate the whole request before sending anything, as a drive does.
    for (std::int64_t i = 0; i < count; ++i) {
        const auto sectorLba = static_cast<std::int32_t>(lba + i);
        const sector::SectorMode mode = sectorModeAt(disc, *disc.trackOwning(sectorLba), sectorLba);
        const auto want = static_cast<ExpectedType>(expected);
        if (want != ExpectedType::Any && want != expectedTypeOf(mode)) return checkCondition(mmc::sense::IllegalModeForThisTrack);
        if (!selectsContiguousFields(layoutOf(mode), sel)) return checkCondition(mmc::sense::InvalidFieldInCdb, 9);
    }
    chargeRead(state, static_cast<std::int32_t>(lba), static_cast<std::uint32_t>(count), false);

    // An unreadable sector ends the transfer: the sectors before it are sent, then the error names it.
    const std::optional<std::int32_t> unreadable = state.faults.firstUnreadable(lba, count);
    const std::int64_t readable = unreadable ? *unreadable - lba : count;

    // Where a sector's bytes are made or changed here (data sectors, damaged audio, a source with nothing
    // prepared). Audio a source holds prepared is copied from where it lies, once, into the host's buffer.
    // Left uninitialised: every byte a reply takes from them is written first, and clearing 4.7 KB per
    // command would cost a noticeable part of a 27-sector audio read.
    std::array<std::uint8_t, sector::kRawSectorSize> raw;
    std::array<std::uint8_t, 2048> user;
    // One sector's reply (main channel fields, C2, sub-channel: at most 2352 + 296 + 96 bytes) is written
    // straight into the host's buffer; only the sector the allocation length cuts short goes through here.
    // On the stack, because READ CD is the drive's hot path and a heap buffer per sector costs as much as the copy.
    std::array<std::uint8_t, sector::kRawSectorSize + sector::kC2BlockSize + 96> partial;
    std::size_t at = 0;
    for (std::int64_t i = 0; i < readable && at < ctx.data.size(); ++i) {
        const auto sectorLba = static_cast<std::int32_t>(lba + i);
        const Track& t = *disc.trackOwning(sectorLba);
        // A marginal sector: C2 flags the bytes CIRC could not correct. Mode 1 data is still exact (the L2
        // EDC/ECC layer repairs it); audio has nothing above CIRC, so its flagged bytes arrive damaged.
        const bool marginal = state.faults.sector(sectorLba) == SectorFault::Marginal;
        sector::SectorMode mode = sector::SectorMode::Mode1;
        std::span<const std::uint8_t> recorded = raw;  // the sector's 2352 bytes as the drive decoded them
        // User data alone needs no synthesis: the EDC and ECC of a sector nobody asked for are not computed.
        if (t.type == TrackType::Audio) {
            mode = sector::SectorMode::Audio;
            recorded = disc.userDataView(t, sectorLba);
            if (const std::int32_t offset = state.profile.behaviours.readOffsetSamples; offset != 0) {
                // The drive's read offset shifts the samples it returns (audio_read_offset.hpp).
                readShiftedAudio(disc, sectorLba, offset, raw);
                recorded = raw;
            } else if (recorded.empty()) {
                disc.readUserData(t, sectorLba, raw);
                recorded = raw;
            } else if (marginal) {
                std::memcpy(raw.data(), recorded.data(), raw.size());  // the prepared PCM stays as pressed
                recorded = raw;
            }
        } else if (t.type == TrackType::Mode1 && sel.userDataOnly()) {
            disc.readUserData(t, sectorLba, std::span(raw).subspan(kMode1.fields[3].offset, 2048));
        } else if (t.type == TrackType::Mode1) {
            disc.readUserData(t, sectorLba, std::span(user).first(2048));
            sector::buildMode1(sectorLba, std::span<const std::uint8_t, 2048>(user.data(), 2048), raw);
        } else {
            mode = readRawSector(disc, t, sectorLba, raw);
        }
        if (marginal && mode == sector::SectorMode::Audio) damageFlaggedBytes(marginalC2Errors(sectorLba), raw);
        // Main channel fields in recorded order, then C2, then sub-channel (MMC-6 Table 451). The selected
        // fields are contiguous (checked above), so the main channel part is one run of the sector.
        const Layout& layout = layoutOf(mode);
        std::size_t mainOffset = 0, mainSize = 0;
        for (std::size_t f = 0; f < layout.fields.size(); ++f)
            if (sel.fields[f] && layout.fields[f].size != 0) {
                if (mainSize == 0) mainOffset = layout.fields[f].offset;
                mainSize += layout.fields[f].size;
            }
        const std::size_t c2Size = sel.c2 == 0 ? 0 : sel.c2 == 1 ? sector::kC2PointerSize : sector::kC2BlockSize;
        const std::size_t subSize = sel.subchannel == sector::SubchannelSelection::None ? 0 : sector::subchannelSize(sel.subchannel);
        const std::size_t size = mainSize + c2Size + subSize;
        const std::size_t room = ctx.data.size() - at;
        std::uint8_t* const reply = room >= size ? ctx.data.data() + at : partial.data();
        std::memcpy(reply, recorded.data() + mainOffset, mainSize);
        if (c2Size != 0) {
            const sector::C2ErrorMap c2Errors = marginal ? marginalC2Errors(sectorLba) : sector::C2ErrorMap{};
            if (sel.c2 == 1)
                sector::writeC2Pointers(c2Errors, std::span<std::uint8_t, sector::kC2PointerSize>(reply + mainSize, sector::kC2PointerSize));
            else
                sector::writeC2Block(c2Errors, std::span<std::uint8_t, sector::kC2BlockSize>(reply + mainSize, sector::kC2BlockSize));
        }
        if (subSize != 0) {
            sector::SubchannelFrame frame;
            frame.pause = sectorLba < t.startLba;  // a pregap
            frame.q = qChannelAt(disc, t, sectorLba);
            sector::writeSubchannel(frame, sel.subchannel, std::span(reply + mainSize + c2Size, subSize));
        }
        if (reply == partial.data()) std::memcpy(ctx.data.data() + at, partial.data(), room);
        at += std::min(size, room);
    }
    if (unreadable) return unrecoveredReadError(*unreadable, static_cast<std::uint32_t>(at));
    return good(static_cast<std::uint32_t>(at));
}

}  // namespace

mmc::CommandResult readCd(DriveState& state, const CommandContext& ctx)
{
    const auto lba = static_cast<std::int32_t>(loadBe32(&ctx.cdb[2]));
    const std::uint32_t count = (std::uint32_t{ctx.cdb[6]} << 16) | (std::uint32_t{ctx.cdb[7]} << 8) | ctx.cdb[8];
    return readCd(state, ctx, lba, count);
}

mmc::CommandResult readCdMsf(DriveState& state, const CommandContext& ctx)
{
    const mmc::Msf start{ctx.cdb[3], ctx.cdb[4], ctx.cdb[5]};
    const mmc::Msf end{ctx.cdb[6], ctx.cdb[7], ctx.cdb[8]};
    if (!mmc::isValidMsf(start)) return checkCondition(mmc::sense::InvalidFieldInCdb, 3);
    if (!mmc::isValidMsf(end)) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    const std::int32_t first = mmc::msfToLba(start);
    const std::int32_t stop = mmc::msfToLba(end);
    // The end address is exclusive; an end before the start is an invalid field (MMC-6 §6.19).
    if (stop < first) return checkCondition(mmc::sense::InvalidFieldInCdb, 6);
    return readCd(state, ctx, first, stop - first);
}

}  // namespace cdcts::emulator
