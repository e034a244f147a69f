// INQUIRY, standard data (SPC-4 §6.6.2). VPD pages come with the complete drive (issue 3).
#include <algorithm>
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {
namespace {
void putAscii(std::uint8_t* field, std::size_t width, std::string_view text)
{
    std::fill_n(field, width, std::uint8_t{' '});  // space padded, as SPC requires
    std::copy_n(text.begin(), std::min(width, text.size()), field);
}
}  // namespace

mmc::CommandResult inquiry(DriveState& state, const CommandContext& ctx)
{
    const bool evpd = (ctx.cdb[1] & 0x01) != 0;
    if (evpd) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);
    if (ctx.cdb[2] != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);  // page code without EVPD

    std::array<std::uint8_t, 96> reply{};
    reply[0] = 0x05;  // peripheral qualifier 0, device type 05h (CD/DVD)
    reply[1] = 0x80;  // RMB: removable medium
    reply[2] = 0x05;  // conforms to SPC-3
    reply[3] = 0x02;  // response data format 2
    reply[4] = static_cast<std::uint8_t>(reply.size() - 5);
    putAscii(&reply[8], 8, state.profile.vendor);
    putAscii(&reply[16], 16, state.profile.product);
    putAscii(&reply[32], 4, state.profile.revision);
    // Bytes 36..55 are vendor specific; we leave the serial number there as many drives do.
    putAscii(&reply[36], 20, state.profile.serialNumber);
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[3]));
}

}  // namespace cdcts::emulator
