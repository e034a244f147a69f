// INQUIRY (SPC-4 §6.6): standard data, and the vital product data pages 00h (supported pages), 80h (unit
// serial number) and 83h (device identification: one T10 vendor ID designator).
#include <algorithm>
#include <array>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {
namespace {
void putAscii(std::uint8_t* field, std::size_t width, std::string_view text)
{
    std::fill_n(field, width, std::uint8_t{' '});  // space padded, as SPC requires
    std::copy_n(text.begin(), std::min(width, text.size()), field);
}

constexpr std::array<std::uint8_t, 3> kSupportedPages{0x00, 0x80, 0x83};

std::vector<std::uint8_t> vpdPage(const DriveState& state, std::uint8_t page)
{
    std::vector<std::uint8_t> out{0x05, page, 0, 0};  // CD/DVD device, page code, page length
    switch (page) {
    case 0x00: out.insert(out.end(), kSupportedPages.begin(), kSupportedPages.end()); break;
    case 0x80: out.insert(out.end(), state.profile.serialNumber.begin(), state.profile.serialNumber.end()); break;
    case 0x83: {
        // Designator: code set ASCII (2), association logical unit, type T10 vendor ID (1): vendor (8 bytes,
        // space padded) followed by product and serial number.
        std::vector<std::uint8_t> id(8);
        putAscii(id.data(), 8, state.profile.vendor);
        id.insert(id.end(), state.profile.product.begin(), state.profile.product.end());
        id.push_back(' ');
        id.insert(id.end(), state.profile.serialNumber.begin(), state.profile.serialNumber.end());
        out.insert(out.end(), {0x02, 0x01, 0x00, static_cast<std::uint8_t>(id.size())});
        out.insert(out.end(), id.begin(), id.end());
        break;
    }
    default: return {};
    }
    storeBe16(&out[2], static_cast<std::uint16_t>(out.size() - 4));
    return out;
}

}  // namespace

mmc::CommandResult inquiry(DriveState& state, const CommandContext& ctx)
{
    const bool evpd = (ctx.cdb[1] & 0x01) != 0;
    if (evpd) {
        const std::vector<std::uint8_t> page = vpdPage(state, ctx.cdb[2]);
        if (page.empty()) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);  // a page the drive lacks
        return dataIn(ctx, page, loadBe16(&ctx.cdb[3]));
    }
    if (ctx.cdb[2] != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 2);  // page code without EVPD

    std::array<std::uint8_t, 96> reply{};
    reply[0] = 0x05;  // peripheral qualifier 0, device type 05h (CD/DVD)
    reply[1] = 0x80;  // RMB: removable medium
    reply[2] = 0x05;  // conforms to SPC-3
    reply[3] = 0x02;  // response data format 2
    reply[4] = static_cast<std::uint8_t>(reply.size() - 5);
    putAscii(&reply[8], 8, state.profile.vendor);
    // Seeded defect: the vendor field NUL-padded, as a C string copy leaves it.
    if (state.defects.has(defects::SeededDefect::InquiryVendorNotPadded))
        std::fill(&reply[8 + std::min<std::size_t>(8, state.profile.vendor.size())], &reply[16], std::uint8_t{0});
    putAscii(&reply[16], 16, state.profile.product);
    putAscii(&reply[32], 4, state.profile.revision);
    // Bytes 36..55 are vendor specific; we leave the serial number there as many drives do.
    putAscii(&reply[36], 20, state.profile.serialNumber);
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[3]));
}

}  // namespace cdcts::emulator
