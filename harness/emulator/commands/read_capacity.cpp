// READ CAPACITY (MMC-6 §6.23): the last addressable LBA and the block length of 2048.
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {

mmc::CommandResult readCapacity(DriveState& state, const CommandContext& ctx)
{
    // RelAdr and PMI are obsolete in MMC; an LBA with PMI clear is an invalid field (SBC-3 §5.15).
    if ((ctx.cdb[8] & 0x01) == 0 && loadBe32(&ctx.cdb[2]) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);
    std::array<std::uint8_t, 8> reply{};
    // Seeded defect: the block count where the last LBA belongs.
    const std::int32_t last = state.loadedDisc()->leadOutLba() - (state.defects.has(defects::SeededDefect::ReadCapacityReturnsBlockCount) ? 0 : 1);
    storeBe32(&reply[0], static_cast<std::uint32_t>(last));
    storeBe32(&reply[4], 2048);
    return dataIn(ctx, reply, static_cast<std::uint32_t>(reply.size()));
}

}  // namespace cdcts::emulator
