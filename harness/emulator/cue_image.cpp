#include "harness/emulator/cue_image.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>

#include "harness/emulator/cd_text.hpp"
#include "harness/emulator/cue/layout.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::size_t kRawUserOffset = 16;  // sync (12) + header (4): where a raw mode 1 or mode 2 sector's data begins

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
        case cue::TrackMode::Mode2Raw:  // the 2336 bytes after the header
            std::copy_n(stored.begin() + kRawUserOffset, out.size(), out.begin());
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
        // A cue sheet's MODE2 does not say whether the track is CD-ROM XA; the images that use it (Video CD,
        // PlayStation, CD-i Ready, multisession CD-R) are, so the sectors' subheaders decide form 1 or form 2.
        case cue::TrackMode::Mode2Formless:
        case cue::TrackMode::Mode2Raw: type = TrackType::Mode2Xa; break;
        }
        tracks.push_back(Track{t.number, t.session, type, controlOf(t), t.startLba, t.length, t.isrc.value_or(std::string{})});
    }
    std::vector<Disc::CdTextPack> cdText;
    if (layout.cdTextFile) {
        cdText = loadCdTextFile(*layout.cdTextFile);  // a CDTEXTFILE wins over TITLE/PERFORMER/SONGWRITER lines
    } else {
        const auto strings = [](const cue::CdText& t) {
            return CdTextStrings{t.title.value_or(""), t.performer.value_or(""), t.songwriter.value_or("")};
        };
        std::vector<CdTextStrings> perTrack;
        for (const auto& t : layout.tracks) perTrack.push_back(strings(t.cdText));
        try {
            cdText = buildCdTextPacks(strings(layout.cdText), perTrack, layout.tracks.front().number);
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(cueFile.string() + ": CD-TEXT: " + e.what());
        }
    }
    const std::optional<std::string> mcn = layout.mcn;
    const std::int32_t leadOut = layout.leadOutLba;
    std::vector<std::int32_t> sessionLeadOuts;
    for (const auto& s : layout.sessions) sessionLeadOuts.push_back(s.leadOutLba);
    auto disc = std::make_unique<Disc>("BIN/CUE image " + cueFile.filename().string(), std::move(tracks), leadOut,
                                       std::make_unique<CueSectorSource>(std::move(layout)), std::move(sessionLeadOuts));
    if (mcn) disc->setMediaCatalogNumber(*mcn);
    disc->setCdTextPacks(std::move(cdText));
    return disc;
}

}  // namespace cdcts::emulator
