// READ(10) and READ(12) (MMC-6 §6.15, §6.16): 2048-byte user data of mode-1 and mode-2 form-1 sectors.
#include <algorithm>
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"
#include "harness/emulator/sector_faults.hpp"
#include "harness/emulator/track_sector.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::uint32_t kCookedSectorSize = 2048;

mmc::CommandResult readCooked(DriveState& state, const CommandContext& ctx, std::uint32_t lba, std::uint32_t blocks)
{
    const Disc& disc = *state.loadedDisc();
    const auto end = std::uint64_t{lba} + blocks;
    // Past the last addressable sector (the lead-out starts there): LBA out of range, pointing at the LBA.
    if (end > static_cast<std::uint64_t>(disc.leadOutLba())) return checkCondition(mmc::sense::LbaOutOfRange, 2);
    if (blocks == 0) return good();
    // Check every sector before sending any: a read that crosses into an audio track, or meets a mode-2 sector
    // without 2048 bytes of user data (formless, XA form 2), fails as a whole.
    for (std::uint32_t i = 0; i < blocks; ++i) {
        const auto sector = static_cast<std::int32_t>(lba + i);
        const Track* t = disc.trackOwning(sector);
        if (t == nullptr || !hasCookedUserData(sectorModeAt(disc, *t, sector))) return checkCondition(mmc::sense::IllegalModeForThisTrack);
    }
    chargeRead(state, static_cast<std::int32_t>(lba), blocks, isStreamingRead(ctx.cdb));
    // The host's buffer may be shorter than the request; the rest is the residual.
    std::uint32_t fit = static_cast<std::uint32_t>(std::min<std::uint64_t>(blocks, ctx.data.size() / kCookedSectorSize));
    // An unreadable sector ends the transfer: the sectors before it are sent, then the error names it.
    const std::optional<std::int32_t> unreadable = state.faults.firstUnreadable(lba, blocks);
    if (unreadable) fit = std::min(fit, static_cast<std::uint32_t>(*unreadable - static_cast<std::int64_t>(lba)));
    for (std::uint32_t i = 0; i < fit; ++i) {
        const auto sector = static_cast<std::int32_t>(lba + i);
        const auto out = ctx.data.subspan(std::size_t{i} * kCookedSectorSize).first<kCookedSectorSize>();
        if (state.defects.has(defects::SeededDefect::CookedReadReturnsSectorHeader)) {
            // Seeded defect: the 2048 bytes from the start of the raw sector (sync, header, then user data).
            std::array<std::uint8_t, sector::kRawSectorSize> raw{};
            (void)readRawSector(disc, *disc.trackOwning(sector), sector, raw);
            std::copy_n(raw.begin(), kCookedSectorSize, out.begin());
            continue;
        }
        readCookedUserData(disc, *disc.trackOwning(sector), sector, out);
    }
    if (unreadable) return unrecoveredReadError(*unreadable, fit * kCookedSectorSize);
    return good(fit * kCookedSectorSize);
}

}  // namespace

mmc::CommandResult read10(DriveState& state, const CommandContext& ctx)
{
    if ((ctx.cdb[1] & 0x01) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);  // RelAdr is obsolete
    return readCooked(state, ctx, loadBe32(&ctx.cdb[2]), loadBe16(&ctx.cdb[7]));
}

mmc::CommandResult read12(DriveState& state, const CommandContext& ctx)
{
    if ((ctx.cdb[1] & 0x01) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);
    // Byte 10 bit 7 is the Streaming bit; a read is the same read, only its error recovery differs (timing model).
    return readCooked(state, ctx, loadBe32(&ctx.cdb[2]), loadBe32(&ctx.cdb[6]));
}

}  // namespace cdcts::emulator
