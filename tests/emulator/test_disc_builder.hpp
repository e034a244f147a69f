#pragma once
// Discs laid out by a test, for the commands whose answers depend on the layout: sessions, recordable media,
// CD-TEXT. Sectors read as zeros; the tests here only look at the lead-in and the recording state.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator::testing_support {

class ZeroSectors : public SectorSource {
public:
    void read(const Track&, std::int32_t, std::span<std::uint8_t> out) const override { std::fill(out.begin(), out.end(), std::uint8_t{0}); }
};

struct TrackSpec {
    std::int32_t startLba;
    std::uint8_t session = 1;
    TrackType type = TrackType::Audio;
};

// Tracks numbered from 1 in order; each runs to the next track's start (or its session's lead-out).
// `sessionLeadOuts` gives each session's lead-out LBA, the last being the disc's.
inline std::unique_ptr<Disc> buildDisc(const std::vector<TrackSpec>& specs, const std::vector<std::int32_t>& sessionLeadOuts)
{
    std::vector<Track> tracks;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        Track t;
        t.number = static_cast<std::uint8_t>(i + 1);
        t.session = specs[i].session;
        t.type = specs[i].type;
        t.control = specs[i].type == TrackType::Audio ? std::uint8_t{0} : control::DataTrack;
        t.startLba = specs[i].startLba;
        const bool nextInSession = i + 1 < specs.size() && specs[i + 1].session == t.session;
        const std::int32_t end = nextInSession ? specs[i + 1].startLba : sessionLeadOuts.at(t.session - 1u);
        t.length = static_cast<std::uint32_t>(end - t.startLba);
        tracks.push_back(t);
    }
    return std::make_unique<Disc>("test disc", std::move(tracks), sessionLeadOuts.back(), std::make_unique<ZeroSectors>(),
                                  sessionLeadOuts);
}

// Two sessions laid out as a recorder writes them (Blue Book enhanced CD): audio tracks 1-2 in session 1
// ending at LBA 20000, then a data track 3 in session 2 at 20000 + 6750 (lead-out) + 4500 (lead-in) + 150
// (pregap) = 31400, ending at 40000.
inline std::unique_ptr<Disc> twoSessionDisc()
{
    return buildDisc({{0, 1, TrackType::Audio}, {9000, 1, TrackType::Audio}, {31400, 2, TrackType::Mode1}}, {20000, 40000});
}

}  // namespace cdcts::emulator::testing_support
