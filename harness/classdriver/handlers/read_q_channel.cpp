// IOCTL_CDROM_READ_Q_CHANNEL (ioctl-contracts.md §3.19): READ SUB-CHANNEL for the current position, the media
// catalog number or a track's ISRC, and the play-active flag it keeps (§7.4).
#include <algorithm>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint32_t kCurrentPositionSize = sizeof(ioctl::SUB_Q_CURRENT_POSITION);  // 16
constexpr std::uint32_t kSubQChannelDataSize = sizeof(ioctl::SUB_Q_CHANNEL_DATA);      // 24

std::uint32_t replySize(std::uint8_t format) { return format == ioctl::IOCTL_CDROM_CURRENT_POSITION ? kCurrentPositionSize : kSubQChannelDataSize; }

}  // namespace

std::optional<Completion> validateReadQChannel(const Request& request, const DriverContext&)
{
    // RequestValidateReadQChannel (S/ioctl.c:1072). Format 0 (IOCTL_CDROM_SUB_Q_CHANNEL) is rejected; the current
    // position needs only 16 bytes although the docs ask for sizeof(SUB_Q_CHANNEL_DATA) (Q19).
    if (request.input.size() < sizeof(ioctl::CDROM_SUB_Q_DATA_FORMAT)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    const std::uint8_t format = request.input[0];
    if (format < ioctl::IOCTL_CDROM_CURRENT_POSITION || format > ioctl::IOCTL_CDROM_TRACK_ISRC)
        return Completion{ioctl::status::InvalidParameter, 0};
    if (request.output.size() < replySize(format)) return Completion{ioctl::status::BufferTooSmall, replySize(format)};
    return std::nullopt;
}

Completion handleReadQChannel(const Request& request, DriverContext& context)
{
    // ReadQChannel (S/ioctl.c:7531): MSF only for the current position; the track only for ISRC.
    const std::uint8_t format = request.input[0];
    const std::uint8_t track = format == ioctl::IOCTL_CDROM_TRACK_ISRC ? request.input[1] : std::uint8_t{0};
    const auto allocation = static_cast<std::uint16_t>(replySize(format));
    const auto cdb = mmc::cdb::readSubChannel(format == ioctl::IOCTL_CDROM_CURRENT_POSITION,
                                              static_cast<mmc::cdb::SubChannelFormat>(format), track, allocation);
    std::vector<std::uint8_t> scratch(allocation);  // through the scratch buffer, like every non-RAW_READ transfer (§0.2)
    const ScsiOutcome outcome = context.scsi.send({cdb, scratch, mmc::DataDirection::In});
    if (!outcome.status.isSuccess()) {
        // §8.6: any failure clears play-active; DATA_OVERRUN is not forgiven here (Q7).
        context.state.playActive = false;
        return {outcome.status, 0};
    }
    context.state.playActive = scratch[1] == ioctl::AUDIO_STATUS_IN_PROGRESS;
    const std::size_t n = std::min<std::size_t>({request.output.size(), outcome.transferred, scratch.size()});
    std::copy_n(scratch.begin(), n, request.output.begin());
    return {ioctl::status::Success, static_cast<std::uint32_t>(n)};
}

}  // namespace cdcts::classdriver
