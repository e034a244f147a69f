#include "harness/emulator/disc.hpp"

#include <stdexcept>

namespace cdcts::emulator {

Disc::Disc(std::string description, std::vector<Track> tracks, std::int32_t leadOutLba, std::unique_ptr<SectorSource> source)
    : description_(std::move(description)), tracks_(std::move(tracks)), leadOutLba_(leadOutLba), source_(std::move(source))
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
