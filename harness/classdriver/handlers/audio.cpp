// The audio transport codes PLAY_AUDIO_MSF, SEEK_AUDIO_MSF, PAUSE_AUDIO (= SIMBAD), RESUME_AUDIO and STOP_AUDIO
// (ioctl-contracts.md §3.20) and the play-active flag they keep (§7.4). No output; Information 0 on every
// outcome; default timeout; 5 retries.
#include "harness/classdriver/dispatch_table.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/mmc/cdb_transport.hpp"

namespace cdcts::classdriver {
namespace {

// Sends a command without data and reports its status; Information is 0 whatever happens (§3.20).
ioctl::NtStatus sendNoData(DriverContext& context, std::span<const std::uint8_t> cdb)
{
    return context.scsi.send({cdb, {}, mmc::DataDirection::None}).status;
}

}  // namespace

std::optional<Completion> validatePlayAudioMsf(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(ioctl::CDROM_PLAY_AUDIO_MSF)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    return std::nullopt;
}

Completion handlePlayAudioMsf(const Request& request, DriverContext& context)
{
    // The six MSF bytes go into the CDB verbatim: the driver does not check them, the drive does.
    const auto& in = request.input;
    const auto cdb = mmc::cdb::playAudioMsf(in[0], in[1], in[2], in[3], in[4], in[5]);
    const ioctl::NtStatus status = sendNoData(context, cdb);
    if (status.isSuccess()) context.state.playActive = true;
    return {status, 0};
}

std::optional<Completion> validateSeekAudioMsf(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(ioctl::CDROM_SEEK_AUDIO_MSF)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    return std::nullopt;
}

Completion handleSeekAudioMsf(const Request& request, DriverContext& context)
{
    // LBA = M*4500 + S*75 + F - 150 in 32-bit unsigned arithmetic: MSF below 00:02:00 wraps (00:00:00 -> FFFFFF6Ah).
    const auto& in = request.input;
    const std::uint32_t lba = std::uint32_t{in[0]} * 4500u + std::uint32_t{in[1]} * 75u + std::uint32_t{in[2]} - 150u;
    // The flag is left as it was: the sample does not touch it for a seek (§3.20), although the drive ends a play.
    return {sendNoData(context, mmc::cdb::seek10(lba)), 0};
}

Completion handlePauseAudio(const Request&, DriverContext& context)
{
    const ioctl::NtStatus status = sendNoData(context, mmc::cdb::pauseResume(false));
    if (status.isSuccess()) context.state.playActive = false;
    return {status, 0};
}

Completion handleResumeAudio(const Request&, DriverContext& context)
{
    const ioctl::NtStatus status = sendNoData(context, mmc::cdb::pauseResume(true));
    if (status.isSuccess()) context.state.playActive = true;
    return {status, 0};
}

Completion handleStopAudio(const Request&, DriverContext& context)
{
    // Seeded defect: the flag is cleared but the drive is never told to stop.
    if (context.settings.defects.has(defects::SeededDefect::StopAudioNotSent)) {
        context.state.playActive = false;
        return {ioctl::status::Success, 0};
    }
    // START STOP UNIT with Immed = 1, Start = 0, LoEj = 0: the sample stops audio by spinning the disc down.
    const ioctl::NtStatus status = sendNoData(context, mmc::cdb::startStopUnit(false, false, true));
    if (status.isSuccess()) context.state.playActive = false;
    return {status, 0};
}

}  // namespace cdcts::classdriver
