// MODE SENSE (6)/(10) and MODE SELECT (6)/(10) (SPC-4 §6.11-6.14, MMC-6 §7): pages 01h, 0Dh, 0Eh, 1Ah, 2Ah
// and 3Fh (all). A multimedia drive returns no block descriptor, so DBD and LLBAA change nothing.
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mode_pages.hpp"

namespace cdcts::emulator {
namespace {
constexpr mmc::SenseCode kSavingParametersNotSupported{mmc::SenseKey::IllegalRequest, 0x39, 0x00};
constexpr mmc::SenseCode kInvalidFieldInParameterList{mmc::SenseKey::IllegalRequest, 0x26, 0x00};
constexpr mmc::SenseCode kParameterListLengthError{mmc::SenseKey::IllegalRequest, 0x1A, 0x00};

// INVALID FIELD IN PARAMETER LIST with the field pointer into the parameter list (C/D = 0, SPC-4 §4.5.2.4.2).
mmc::CommandResult invalidParameter(std::uint16_t byte, std::uint8_t bitNumber)
{
    mmc::CommandResult r = checkCondition(kInvalidFieldInParameterList, byte, bitNumber);
    r.sense.bytes[15] = static_cast<std::uint8_t>(r.sense.bytes[15] & ~0x40);
    return r;
}

mmc::CommandResult modeSense(DriveState& state, const CommandContext& ctx, bool ten)
{
    const auto pc = static_cast<PageControl>(ctx.cdb[2] >> 6);
    const std::uint8_t page = ctx.cdb[2] & 0x3F;
    const std::uint8_t subpage = ctx.cdb[3];
    // SPC-4 §6.11: saved values not implemented -> SAVING PARAMETERS NOT SUPPORTED; the drive saves nothing.
    if (pc == PageControl::Saved) return checkCondition(kSavingParametersNotSupported);
    if (subpage != 0x00 && subpage != 0xFF) return checkCondition(mmc::sense::InvalidFieldInCdb, 3, 7);  // no subpages

    std::vector<std::uint8_t> reply(ten ? 8 : 4, 0);  // medium type, device-specific parameter, block descriptor length 0
    const auto append = [&](std::uint8_t code) {
        const auto image = modePageImage(state, code, pc);
        reply.insert(reply.end(), image->begin(), image->end());
    };
    if (page == mode_page::AllPages) {
        for (const auto code : supportedModePages()) append(code);
    } else {
        if (!modePageImage(state, page, pc)) return checkCondition(mmc::sense::InvalidFieldInCdb, 2, 5);
        append(page);
    }
    // Mode data length: the bytes after the field itself.
    if (ten) storeBe16(&reply[0], static_cast<std::uint16_t>(reply.size() - 2));
    else reply[0] = static_cast<std::uint8_t>(reply.size() - 1);
    return dataIn(ctx, reply, ten ? loadBe16(&ctx.cdb[7]) : ctx.cdb[4]);
}

mmc::CommandResult modeSelect(DriveState& state, const CommandContext& ctx, bool ten)
{
    if ((ctx.cdb[1] & 0x01) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);  // SP: nothing is saved
    if ((ctx.cdb[1] & 0x10) == 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 4);  // MMC pages need PF = 1
    const std::size_t listLength = std::min<std::size_t>(ten ? loadBe16(&ctx.cdb[7]) : ctx.cdb[4], ctx.data.size());
    if (listLength == 0) return good();
    const std::span<const std::uint8_t> list = ctx.data.first(listLength);
    const std::size_t headerLength = ten ? 8 : 4;
    if (list.size() < headerLength) return checkCondition(kParameterListLengthError);
    // The mode data length is reserved in MODE SELECT (SPC-4): the class driver's SET_VOLUME sends it as MODE
    // SENSE returned it, so it is not checked. Block descriptors, if any, are skipped.
    const std::size_t descriptors = ten ? loadBe16(&list[6]) : list[3];
    if (descriptors != 0 && descriptors != 8) return invalidParameter(ten ? 6 : 3, 7);
    std::size_t at = headerLength + descriptors;
    if (at > list.size()) return checkCondition(kParameterListLengthError);

    // Every page is checked before any is kept: a refused list changes nothing.
    const ModePages before = state.modePages;
    while (at < list.size()) {
        if (at + 2 > list.size() || at + 2 + list[at + 1] > list.size()) {
            state.modePages = before;
            return checkCondition(kParameterListLengthError);
        }
        const std::size_t pageLength = 2u + list[at + 1];
        if (const auto rejected = applyModePage(state, list.subspan(at, pageLength))) {
            state.modePages = before;
            return invalidParameter(static_cast<std::uint16_t>(at + rejected->byte), rejected->bit);
        }
        at += pageLength;
    }
    return good();
}

}  // namespace

mmc::CommandResult modeSense6(DriveState& state, const CommandContext& ctx) { return modeSense(state, ctx, false); }
mmc::CommandResult modeSense10(DriveState& state, const CommandContext& ctx) { return modeSense(state, ctx, true); }
mmc::CommandResult modeSelect6(DriveState& state, const CommandContext& ctx) { return modeSelect(state, ctx, false); }
mmc::CommandResult modeSelect10(DriveState& state, const CommandContext& ctx) { return modeSelect(state, ctx, true); }

}  // namespace cdcts::emulator
