// IOCTL_CDROM_READ_TOC (ioctl-contracts.md §3.15) and the play-active probe it shares with the other TOC
// codes (§7.4).
#include <algorithm>
#include <array>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint32_t kMaximumCdromSize = sizeof(ioctl::CDROM_TOC);
constexpr std::uint8_t kAudioStatusInProgress = 0x11;

// DeviceIsPlayActive (S/ioctl.c:193): only asks the drive when the flag is set; a failed probe leaves it.
bool playActive(DriverContext& context)
{
    if (!context.state.playActive) return false;
    const auto probe = mmc::cdb::readSubChannel(true, mmc::cdb::SubChannelFormat::CurrentPosition, 0, 16);
    std::array<std::uint8_t, 16> reply{};
    const ScsiOutcome outcome = context.scsi.send({probe, reply, mmc::DataDirection::In, std::chrono::seconds(10)});
    if (!outcome.status.isSuccess() || outcome.transferred < 2) return true;
    if (reply[1] == kAudioStatusInProgress) return true;
    context.state.playActive = false;
    return false;
}

}  // namespace

std::optional<Completion> validateReadToc(const Request& request, const DriverContext& context)
{
    if (request.output.size() < kMaximumCdromSize) return Completion{ioctl::status::BufferTooSmall, kMaximumCdromSize};
    if ((request.output.size() & context.settings.adapter.alignmentMask) != 0) return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleReadToc(const Request& request, DriverContext& context)
{
    if (playActive(context)) return {ioctl::status::DeviceBusy, 0};
    // MSF addresses, format 0, from the first track; the allocation is capped at sizeof(CDROM_TOC).
    const auto allocation = static_cast<std::uint16_t>(std::min<std::size_t>(request.output.size(), kMaximumCdromSize));
    const auto cdb = mmc::cdb::readToc(true, mmc::cdb::TocFormat::Toc, 0, allocation);
    // Every data transfer but RAW_READ goes through the driver's scratch buffer (§0.2).
    std::vector<std::uint8_t> scratch(std::min<std::size_t>(allocation, context.settings.adapter.scratchBufferBytes()));
    const ScsiOutcome outcome = context.scsi.send({cdb, scratch, mmc::DataDirection::In});
    // §8.6: a short reply reported as DATA_OVERRUN is a success for the TOC codes.
    if (!outcome.status.isSuccess() && outcome.status != ioctl::status::DataOverrun) return {outcome.status, 0};
    const std::size_t n = std::min<std::size_t>(outcome.transferred, scratch.size());
    std::copy_n(scratch.begin(), n, request.output.begin());
    return {ioctl::status::Success, static_cast<std::uint32_t>(n)};
}

}  // namespace cdcts::classdriver
