#include "harness/emulator/disc.hpp"

#include <stdexcept>

namespace cdcts::emulator {

Disc::Disc(std::string description, std::vector<Track> tracks, std::int32_t leadOutLba, std::unique_ptr<SectorSource> source,
           std::vector<std::int32_t> sessionLeadOuts)
    : description_(std::move(description)),
      tracks_(std::move(tracks)),
      leadOutLba_(leadOutLba),
      source_(std::move(source)),
      sessionLeadOuts_(sessionLeadOuts.empty() ? std::vector<std::int32_t>{leadOutLba} : std::move(sessionLeadOuts))
{
    if (tracks_.empty()) throw std::invalid_argument("disc has no tracks");
    if (tracks_.size() > 99) throw std::invalid_argument("disc has more than 99 tracks");
    if (!source_) throw std::invalid_argument("disc has no sector source");
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
        const Track& t = tracks_[i];
        const std::string where = "track " + std::to_string(t.number) + ": ";
        if (t.number < 1 || t.number > 99) throw std::invalid_argument(where + "number outside 1..99");
        if (i > 0 && t.number != tracks_[i - 1].number + 1) throw std::invalid_argument(where + "track numbers are not consecutive");
        if (t.length == 0) throw std::invalid_argument(where + "empty track");
        if (i > 0 && t.startLba < tracks_[i - 1].startLba + static_cast<std::int32_t>(tracks_[i - 1].length))
            throw std::invalid_argument(where + "overlaps the previous track");
        if (t.startLba + static_cast<std::int64_t>(t.length) > leadOutLba_)
            throw std::invalid_argument(where + "runs past the lead-out");
        if ((t.type == TrackType::Audio) == ((t.control & control::DataTrack) != 0))
            throw std::invalid_argument(where + "control nibble contradicts the track type");
    }
    if (tracks_.front().startLba < 0) throw std::invalid_argument("track 1 starts before LBA 0");
    // Sessions number 1, 2, ... in track order, and each ends before the next one's tracks begin.
    if (sessionLeadOuts_.back() != leadOutLba_) throw std::invalid_argument("the last session's lead-out is not the disc's");
    for (const Track& t : tracks_) {
        const std::string where = "track " + std::to_string(t.number) + ": ";
        if (t.session < 1 || t.session > sessionLeadOuts_.size()) throw std::invalid_argument(where + "in a session the disc does not have");
        if (t.startLba + static_cast<std::int64_t>(t.length) > sessionLeadOuts_[t.session - 1u])
            throw std::invalid_argument(where + "runs past its session's lead-out");
        if (t.session > 1 && t.startLba < sessionLeadOuts_[t.session - 2u]) throw std::invalid_argument(where + "starts before the previous session ends");
    }
    for (std::size_t i = 1; i < tracks_.size(); ++i)
        if (tracks_[i].session < tracks_[i - 1].session || tracks_[i].session > tracks_[i - 1].session + 1)
            throw std::invalid_argument("track " + std::to_string(tracks_[i].number) + ": sessions must follow each other in order");
}

const Track* Disc::trackAt(std::int32_t lba) const
{
    for (const Track& t : tracks_)
        if (lba >= t.startLba && lba < t.startLba + static_cast<std::int32_t>(t.length)) return &t;
    return nullptr;
}

const Track* Disc::trackOwning(std::int32_t lba) const
{
    for (const Track& t : tracks_)
        if (lba < t.startLba + static_cast<std::int32_t>(t.length)) return &t;
    return nullptr;
}

const Track* Disc::track(std::uint8_t number) const
{
    for (const Track& t : tracks_)
        if (t.number == number) return &t;
    return nullptr;
}

}  // namespace cdcts::emulator
