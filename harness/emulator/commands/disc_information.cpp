// READ DISC INFORMATION (MMC-6 §6.22), data type 000b: standard disc information of a CD. A pressed disc is
// complete with its last session complete; a recordable one says what its RecordableMedium says. An
// appendable disc counts the empty session that would be written next, with the invisible track in it
// (MMC-6 §6.22.3.1.2: the number of sessions includes the incomplete or empty last session).
#include <algorithm>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/commands/session_layout.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::uint8_t kDataTypeStandard = 0;
constexpr std::size_t kStandardLength = 34;  // with no OPC table

// Disc status (bits 1-0) and state of last session (bits 3-2), MMC-6 Tables 387 and 388.
constexpr std::uint8_t kDiscIncomplete = 0x01;
constexpr std::uint8_t kDiscComplete = 0x02;
constexpr std::uint8_t kSessionEmpty = 0x00;
constexpr std::uint8_t kSessionComplete = 0x03;


void putMsfAddress(std::uint8_t* p, std::int32_t lba)
{
    const auto msf = layout::absoluteMsf(lba);
    p[0] = 0, p[1] = msf[0], p[2] = msf[1], p[3] = msf[2];
}

}  // namespace

mmc::CommandResult readDiscInformation(DriveState& state, const CommandContext& ctx)
{
    // Byte 1 bits 7-3 are reserved; bits 2-0 the data type (track resources and POW resources are for media
    // this drive does not write).
    for (std::uint8_t bit = 7; bit >= 3; --bit)
        if ((ctx.cdb[1] & (1u << bit)) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, bit);
    const std::uint8_t dataType = ctx.cdb[1] & 0x07;
    if (dataType != kDataTypeStandard) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 2);
    const std::uint16_t allocation = loadBe16(&ctx.cdb[7]);
    const Disc& disc = *state.loadedDisc();
    const bool appendable = layout::isAppendable(disc);

    std::vector<std::uint8_t> reply(kStandardLength);
    storeBe16(&reply[0], static_cast<std::uint16_t>(kStandardLength - 2));
    const std::uint8_t erasable = disc.mediumKind() == MediumKind::CdRw ? 0x10 : 0x00;
    const std::uint8_t status = appendable ? kDiscIncomplete : kDiscComplete;
    const std::uint8_t lastSessionState = appendable ? kSessionEmpty : kSessionComplete;
    reply[2] = static_cast<std::uint8_t>(erasable | (lastSessionState << 2) | status);
    reply[3] = disc.firstTrackNumber();

    std::uint16_t sessions = disc.sessionCount();
    std::uint16_t firstInLast = layout::sessionTracks(disc, disc.sessionCount()).first->number;
    std::uint16_t lastInLast = disc.lastTrackNumber();
    if (appendable) {
        sessions = static_cast<std::uint16_t>(sessions + 1);
        firstInLast = lastInLast = static_cast<std::uint16_t>(disc.lastTrackNumber() + 1);
    }
    reply[4] = static_cast<std::uint8_t>(sessions & 0xFF), reply[9] = static_cast<std::uint8_t>(sessions >> 8);
    reply[5] = static_cast<std::uint8_t>(firstInLast & 0xFF), reply[10] = static_cast<std::uint8_t>(firstInLast >> 8);
    reply[6] = static_cast<std::uint8_t>(lastInLast & 0xFF), reply[11] = static_cast<std::uint8_t>(lastInLast >> 8);

    // DID_V, DBC_V and DAC_V clear: no disc identification, bar code or application code. URU as the ATIP's.
    reply[7] = disc.isRecordable() ? 0x20 : 0x00;
    reply[8] = layout::discType(disc);  // 00h CD-DA/CD-ROM, 20h CD-ROM XA
    // Lead-in of the session to be written and the last possible lead-out: only while a session can follow.
    if (appendable) {
        putMsfAddress(&reply[16], layout::nextLeadInLba(disc, disc.sessionCount()));
        putMsfAddress(&reply[20], disc.recordable().lastPossibleLeadOutLba);
    } else {
        std::fill(reply.begin() + 16, reply.begin() + 24, std::uint8_t{0xFF});
    }
    // Bytes 24-31 bar code, 32 application code, 33 number of OPC tables: all zero.
    return dataIn(ctx, reply, allocation);
}

}  // namespace cdcts::emulator
