// IOCTL_CDROM_GET_VOLUME and IOCTL_CDROM_SET_VOLUME through mode page 0Eh, CD Audio Control
// (ioctl-contracts.md §3.21, DeviceHandleGetSetVolume S/ioctl.c:7914).
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/mmc/cdb_transport.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint8_t kCdAudioControlPage = 0x0E;
constexpr std::uint16_t kModeSenseAllocation = 64;
constexpr std::size_t kModeHeader10 = 8;
constexpr std::size_t kPageLength = sizeof(ioctl::AUDIO_OUTPUT);              // 16
constexpr std::uint16_t kModeSelectLength = kModeHeader10 + kPageLength;    // 24

struct ModeSenseReply {
    std::vector<std::uint8_t> data;
    std::size_t transferred = 0;
};

// MODE SENSE(10) page 0Eh, current values, DBD = 0, allocation 64, through the scratch buffer; 2 retries and
// VERIFY_REQUIRED retried (§8.5); a DATA_OVERRUN (short reply) is a success (§8.5, §8.6).
std::optional<ModeSenseReply> senseAudioPage(DriverContext& context, ioctl::NtStatus& failure)
{
    ModeSenseReply reply;
    reply.data.assign(std::min<std::size_t>(kModeSenseAllocation, context.settings.adapter.scratchBufferBytes()), 0);
    const auto cdb = mmc::cdb::modeSense10(kCdAudioControlPage, kModeSenseAllocation);
    ScsiRequest request{cdb, reply.data, mmc::DataDirection::In};
    request.maxRetries = 2;
    request.retryVerifyRequired = true;
    const ScsiOutcome outcome = context.scsi.send(request);
    if (!outcome.status.isSuccess() && outcome.status != ioctl::status::DataOverrun) {
        failure = outcome.status;
        return std::nullopt;
    }
    reply.transferred = std::min<std::size_t>(outcome.transferred, reply.data.size());
    return reply;
}

// ModeSenseFindSpecificPage (S/common.c): the pages follow the 8-byte header and the block descriptors, whose
// length the driver takes from header byte 7 alone. Pages are walked while a page header (code, length) and at
// least one byte more lie inside the transferred bytes; a match whose offset + page length (without the
// 2-byte header: the sample's own bound) passes the end counts as not found.
std::optional<std::size_t> findAudioPage(const ModeSenseReply& reply)
{
    const std::size_t limit = reply.transferred;
    if (limit < kModeHeader10) return std::nullopt;
    std::size_t offset = kModeHeader10 + reply.data[7];
    while (offset + 2 < limit) {
        const std::size_t pageLength = reply.data[offset + 1];
        if ((reply.data[offset] & 0x3F) == kCdAudioControlPage) {
            if (offset + pageLength > limit) return std::nullopt;
            return offset;
        }
        offset += 2 + pageLength;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Completion> validateGetVolume(const Request& request, const DriverContext&)
{
    if (request.output.size() < sizeof(ioctl::VOLUME_CONTROL))
        return Completion{ioctl::status::BufferTooSmall, sizeof(ioctl::VOLUME_CONTROL)};
    return std::nullopt;
}

Completion handleGetVolume(const Request& request, DriverContext& context)
{
    ioctl::NtStatus failure = ioctl::status::Success;
    const auto reply = senseAudioPage(context, failure);
    if (!reply) return {failure, 0};
    const auto page = findAudioPage(*reply);
    if (!page || reply->transferred < *page + kPageLength) return {ioctl::status::InvalidDeviceRequest, 0};
    // PortVolume[i] is the Volume byte of the i-th {ChannelSelection, Volume} pair: page byte 9 + 2i.
    for (std::size_t i = 0; i < 4; ++i)
        request.output[i] = reply->data[*page + offsetof(ioctl::AUDIO_OUTPUT, PortOutput) + 2 * i + 1];
    // Seeded defect: a fixed full volume instead of the page's.
    if (context.settings.defects.has(defects::SeededDefect::GetVolumeReturnsConstant)) std::fill_n(request.output.begin(), 4, std::uint8_t{0xFF});
    return {ioctl::status::Success, sizeof(ioctl::VOLUME_CONTROL)};
}

std::optional<Completion> validateSetVolume(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(ioctl::VOLUME_CONTROL)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    return std::nullopt;
}

Completion handleSetVolume(const Request& request, DriverContext& context)
{
    std::array<std::uint8_t, 4> volume{};
    std::copy_n(request.input.begin(), volume.size(), volume.begin());
    ioctl::NtStatus failure = ioctl::status::Success;
    const auto reply = senseAudioPage(context, failure);
    if (!reply) return {failure, 0};
    const auto page = findAudioPage(*reply);
    if (!page) return {ioctl::status::InvalidDeviceRequest, 0};

    // The parameter list is the first 24 bytes of the scratch buffer as MODE SENSE left it: the mode header
    // exactly as returned (mode data length and block descriptor length not zeroed), and at byte 8 a page
    // image written over whatever lies there — a block descriptor, if the drive sent one. The driver sets the
    // page code, length 0Eh, IMMED and the four ports (ChannelSelection from the page it found, Volume from the
    // caller); bytes 3-7 of the image stay as read at that position. Bytes the drive did not send read as 0.
    std::vector<std::uint8_t> list(reply->data.begin(), reply->data.end());
    list.resize(std::max<std::size_t>(list.size(), kModeSelectLength), 0);
    std::array<std::uint8_t, 4> channelSelection{};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t at = *page + offsetof(ioctl::AUDIO_OUTPUT, PortOutput) + 2 * i;
        channelSelection[i] = at < list.size() ? list[at] : 0;
    }
    const std::size_t image = kModeHeader10;
    for (std::size_t i = 0; i < 4; ++i) {
        list[image + offsetof(ioctl::AUDIO_OUTPUT, PortOutput) + 2 * i] = channelSelection[i];
        list[image + offsetof(ioctl::AUDIO_OUTPUT, PortOutput) + 2 * i + 1] = volume[i];
    }
    list[image + offsetof(ioctl::AUDIO_OUTPUT, CodePage)] = kCdAudioControlPage;
    list[image + offsetof(ioctl::AUDIO_OUTPUT, ParameterLength)] = static_cast<std::uint8_t>(kPageLength - 2);
    list[image + offsetof(ioctl::AUDIO_OUTPUT, Immediate)] = 0x04;  // MODE_SELECT_IMMEDIATE
    list.resize(kModeSelectLength);

    // PF = 1, SP = 0, parameter list length 24; 5 retries.
    const auto cdb = mmc::cdb::modeSelect10(true, false, kModeSelectLength);
    return {context.scsi.send({cdb, list, mmc::DataDirection::Out}).status, 0};
}

}  // namespace cdcts::classdriver
