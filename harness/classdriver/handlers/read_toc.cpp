// IOCTL_CDROM_READ_TOC (ioctl-contracts.md §3.15), GET_LAST_SESSION (§3.16) and READ_TOC_EX (§3.17), and the
// play-active probe they share (§7.4).
#include <algorithm>
#include <array>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint32_t kMaximumCdromSize = sizeof(ioctl::CDROM_TOC);
constexpr std::uint8_t kAudioStatusInProgress = 0x11;

// DeviceIsPlayActive (S/ioctl.c:193): only asks the drive when the flag is set.
bool playActive(DriverContext& context)
{
    if (!context.state.playActive) return false;
    const auto probe = mmc::cdb::readSubChannel(true, mmc::cdb::SubChannelFormat::CurrentPosition, 0, 16);
    std::array<std::uint8_t, 16> reply{};
    const ScsiOutcome outcome = context.scsi.send({probe, reply, mmc::DataDirection::In, kDeviceTimeout});
    // A failed probe leaves the flag as it was and lets the IOCTL go on (§7.4).
    if (!outcome.status.isSuccess()) return false;
    // The reply lands in the buffer that carried the probe's own CDROM_SUB_Q_DATA_FORMAT (Format 1, Track 0), so a
    // reply shorter than 2 bytes reads as AudioStatus 0: the flag is cleared (DeviceIsPlayActive).
    const std::uint8_t audioStatus = outcome.transferred >= 2 ? reply[1] : std::uint8_t{0};
    if (audioStatus == kAudioStatusInProgress) return true;
    context.state.playActive = false;
    return false;
}

// Sends one READ TOC through the scratch buffer (§0.2: the transfer is min(scratch, allocation) even when the CDB
// asks for more) and copies what came into the caller's buffer. §8.6: a short reply reported as DATA_OVERRUN is a
// success for the TOC codes.
Completion readTocInto(const Request& request, DriverContext& context, const mmc::cdb::Cdb10& cdb, std::uint16_t allocation)
{
    std::vector<std::uint8_t> scratch(std::min<std::size_t>(allocation, context.settings.adapter.scratchBufferBytes()));
    const ScsiOutcome outcome = context.scsi.send({cdb, scratch, mmc::DataDirection::In});
    if (!outcome.status.isSuccess() && outcome.status != ioctl::status::DataOverrun) return {outcome.status, 0};
    const std::size_t n = std::min<std::size_t>(outcome.transferred, scratch.size());
    std::copy_n(scratch.begin(), n, request.output.begin());
    // Seeded defect: Information is the buffer's size, not the bytes the drive sent.
    if (context.settings.defects.has(defects::SeededDefect::TocInformationCountsWholeBuffer))
        return {ioctl::status::Success, static_cast<std::uint32_t>(scratch.size())};
    return {ioctl::status::Success, static_cast<std::uint32_t>(n)};
}

constexpr std::uint32_t kSessionDataSize = sizeof(ioctl::CDROM_TOC_SESSION_DATA);
constexpr std::uint32_t kMinimumReadTocExSize = 2;  // MINIMUM_CDROM_READ_TOC_EX_SIZE: the Length field

}  // namespace

std::optional<Completion> validateGetLastSession(const Request& request, const DriverContext& context)
{
    // §3.16: no Zero-Power check, unlike READ_TOC.
    if (request.output.size() < kSessionDataSize) return Completion{ioctl::status::BufferTooSmall, kSessionDataSize};
    if ((request.output.size() & context.settings.adapter.alignmentMask) != 0) return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleGetLastSession(const Request& request, DriverContext& context)
{
    if (playActive(context)) return {ioctl::status::DeviceBusy, 0};
    // LBA addresses, format 1 (session information); the allocation is capped like READ_TOC's.
    const auto allocation = static_cast<std::uint16_t>(std::min<std::size_t>(request.output.size(), kMaximumCdromSize));
    return readTocInto(request, context, mmc::cdb::readToc(false, mmc::cdb::TocFormat::SessionInfo, 0, allocation), allocation);
}

std::optional<Completion> validateReadTocEx(const Request& request, const DriverContext& context)
{
    // RequestValidateReadTocEx (§3.17), rows in the sample's order. Zero-Power ODD (row 8) is not modelled (§7.7).
    if (request.input.size() < sizeof(ioctl::CDROM_READ_TOC_EX)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    if (request.output.size() < kMinimumReadTocExSize) return Completion{ioctl::status::BufferTooSmall, kMinimumReadTocExSize};
    if (request.output.size() > 0xFFFF) return Completion{ioctl::status::InvalidParameter, 0};
    if ((request.output.size() & context.settings.adapter.alignmentMask) != 0) return Completion{ioctl::status::InvalidParameter, 0};
    const std::uint8_t format = request.input[0] & 0x0F;
    const std::uint8_t reserved1 = (request.input[0] >> 4) & 0x07;
    if (reserved1 != 0 || request.input[2] != 0 || request.input[3] != 0) return Completion{ioctl::status::InvalidParameter, 0};
    const std::uint8_t sessionTrack = request.input[1];
    const bool sessionTrackMustBeZero = format == ioctl::CDROM_READ_TOC_EX_FORMAT_SESSION ||
                                        format == ioctl::CDROM_READ_TOC_EX_FORMAT_PMA || format == ioctl::CDROM_READ_TOC_EX_FORMAT_ATIP;
    if (sessionTrackMustBeZero && sessionTrack != 0) return Completion{ioctl::status::InvalidParameter, 0};
    if (format > ioctl::CDROM_READ_TOC_EX_FORMAT_CDTEXT) return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleReadTocEx(const Request& request, DriverContext& context)
{
    if (playActive(context)) return {ioctl::status::DeviceBusy, 0};
    // Msf and SessionTrack pass through unchecked (formats 0, 2, 5); the allocation is exactly OutLen.
    bool msf = (request.input[0] & 0x80) != 0;
    if (context.settings.defects.has(defects::SeededDefect::ReadTocExIgnoresMsf)) msf = false;  // seeded defect: Msf dropped
    const auto format = static_cast<mmc::cdb::TocFormat>(request.input[0] & 0x0F);
    const auto allocation = static_cast<std::uint16_t>(request.output.size());
    const Completion c = readTocInto(request, context, mmc::cdb::readToc(msf, format, request.input[1], allocation), allocation);
    // A reply without even the Length field is no TOC (RequestHandleReadTocEx).
    if (c.status.isSuccess() && c.information < kMinimumReadTocExSize) return {ioctl::status::InvalidDeviceRequest, 0};
    return c;
}

std::optional<Completion> validateReadToc(const Request& request, const DriverContext& context)
{
    // Seeded defect: the size check is missing, so a short buffer is accepted.
    const bool sizeChecked = !context.settings.defects.has(defects::SeededDefect::ReadTocShortBufferAccepted);
    if (sizeChecked && request.output.size() < kMaximumCdromSize) return Completion{ioctl::status::BufferTooSmall, kMaximumCdromSize};
    if ((request.output.size() & context.settings.adapter.alignmentMask) != 0) return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleReadToc(const Request& request, DriverContext& context)
{
    if (playActive(context)) return {ioctl::status::DeviceBusy, 0};
    // MSF addresses, format 0, from the first track; the allocation is capped at sizeof(CDROM_TOC).
    const auto allocation = static_cast<std::uint16_t>(std::min<std::size_t>(request.output.size(), kMaximumCdromSize));
    return readTocInto(request, context, mmc::cdb::readToc(true, mmc::cdb::TocFormat::Toc, 0, allocation), allocation);
}

}  // namespace cdcts::classdriver
