#include "harness/emulator/cue_image.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>

#include "harness/emulator/cue/layout.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::size_t kMode1RawUserOffset = 16;  // sync (12) + header (4)

class CueSectorSource final : public SectorSource {
public:
    explicit CueSectorSource(cue::ResolvedDisc layout) : layout_(std::move(layout))
    {
        for (const auto& t : layout_.tracks) {
            if (fds_.count(t.file) != 0) continue;
            const int fd = ::open(t.file.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) throw std::runtime_error(t.file.string() + ": cannot open: " + std::strerror(errno));
            fds_[t.file] = fd;
        }
    }
    ~CueSectorSource() override
    {
        for (const auto& [path, fd] : fds_) ::close(fd);
    }
    CueSectorSource(const CueSectorSource&) = delete;
    CueSectorSource& operator=(const CueSectorSource&) = delete;

    void read(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const override
    {
        const cue::ResolvedTrack& rt = layout_.tracks.at(static_cast<std::size_t>(track.number - layout_.tracks.front().number));
        const std::optional<std::uint64_t> offset = cue::fileOffsetOf(rt, lba);
        if (!offset) {  // PREGAP, POSTGAP or a session gap: silence, not in any file
            std::fill(out.begin(), out.end(), std::uint8_t{0});
            return;
        }
        std::vector<std::uint8_t> stored(rt.sectorSize);
        readAt(rt.file, *offset, stored);
        switch (rt.mode) {
        case cue::TrackMode::Mode1Raw:
            std::copy_n(stored.begin() + kMode1RawUserOffset, out.size(), out.begin());
            break;
        case cue::TrackMode::Audio:
            std::copy_n(stored.begin(), out.size(), out.begin());
            // MOTOROLA files hold big-endian samples; the disc carries little-endian ones.
            if (rt.fileType == cue::FileType::Motorola)
                for (std::size_t i = 0; i + 1 < out.size(); i += 2) std::swap(out[i], out[i + 1]);
            break;
        default: std::copy_n(stored.begin(), out.size(), out.begin()); break;
        }
    }

private:
    void readAt(const std::filesystem::path& file, std::uint64_t offset, std::span<std::uint8_t> out) const
    {
        const int fd = fds_.at(file);
        std::size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw std::runtime_error(file.string() + ": cannot read at byte " + std::to_string(offset + done) + ": " +
                                                 (n == 0 ? "file shrank" : std::strerror(errno)));
            done += static_cast<std::size_t>(n);
        }
    }

    cue::ResolvedDisc layout_;
    std::map<std::filesystem::path, int> fds_;
};

std::uint8_t controlOf(const cue::ResolvedTrack& t)
{
    std::uint8_t c = t.mode == cue::TrackMode::Audio ? 0 : control::DataTrack;
    if (t.flags.copyPermitted) c |= control::CopyPermitted;
    if (t.flags.fourChannel) c |= control::FourChannel;
    if (t.flags.preEmphasis) c |= control::PreEmphasis;
    return c;
}

}  // namespace

std::unique_ptr<Disc> loadCueImage(const std::filesystem::path& cueFile)
{
    cue::ResolvedDisc layout = cue::loadCueSheet(cueFile);
    std::vector<Track> tracks;
    for (const auto& t : layout.tracks) {
        TrackType type = TrackType::Audio;
        switch (t.mode) {
        case cue::TrackMode::Audio: type = TrackType::Audio; break;
        case cue::TrackMode::Mode1Cooked:
        case cue::TrackMode::Mode1Raw: type = TrackType::Mode1; break;
        default:
            throw std::runtime_error(cueFile.string() + ": TRACK " + std::to_string(t.number) +
                                     ": mode 2 tracks are not supported by the emulated drive yet");
        }
        tracks.push_back(Track{t.number, t.session, type, controlOf(t), t.startLba, t.length, {}});
    }
    const std::int32_t leadOut = layout.leadOutLba;
    std::vector<std::int32_t> sessionLeadOuts;
    for (const auto& s : layout.sessions) sessionLeadOuts.push_back(s.leadOutLba);
    return std::make_unique<Disc>("BIN/CUE image " + cueFile.filename().string(), std::move(tracks), leadOut,
                                  std::make_unique<CueSectorSource>(std::move(layout)), std::move(sessionLeadOuts));
}

}  // namespace cdcts::emulator
