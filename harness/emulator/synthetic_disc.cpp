#include "harness/emulator/synthetic_disc.hpp"

#include <array>
#include <cstring>

namespace cdcts::emulator {
namespace {

// Sector contents are a pure function of (track, LBA, offset), so every read of a sector gives the same
// bytes and any two sectors differ: enough for consistency checks without storing an image.
class PatternSource final : public SectorSource {
public:
    void read(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const override
    {
        if (track.type == TrackType::Audio) {
            // A quiet stereo triangle tone whose pitch depends on the track: real PCM a listener could play. The
            // phase steps by one per sample with no division, so making it costs about what copying it does.
            const std::int64_t period = 200 / track.number + 20;  // samples per cycle
            std::int64_t phase = (static_cast<std::int64_t>(lba) * 588) % period;
            if (phase < 0) phase += period;
            const std::int64_t half = period / 2;
            for (std::size_t frame = 0; frame + 4 <= out.size(); frame += 4) {
                const std::int64_t level = phase < half ? phase : period - phase;  // 0 .. period/2
                const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(level * 6000 / period - 1500));
                out[frame] = out[frame + 2] = static_cast<std::uint8_t>(u);
                out[frame + 1] = out[frame + 3] = static_cast<std::uint8_t>(u >> 8);
                if (++phase == period) phase = 0;
            }
            return;
        }
        // Each 8-byte word is a hash of (track, LBA, word index), so no word waits for the one before it and the
        // loop runs at memory speed; the bytes still look random and differ between any two sectors.
        const std::uint64_t seed = (std::uint64_t{track.number} << 32 | static_cast<std::uint32_t>(lba)) * 0x9E3779B97F4A7C15ull;
        std::size_t i = 0;
        for (std::uint64_t word = 0; i + 8 <= out.size(); i += 8, ++word) {
            std::uint64_t z = seed + word * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 31)) * 0x94D049BB133111EBull;
            z ^= z >> 29;
            std::memcpy(out.data() + i, &z, sizeof z);  // host byte order: the pattern is this machine's, stable per run
        }
        for (; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(seed >> (8 * (i % 8)));
        // The first bytes name the sector, so a misplaced read is obvious in a hex dump.
        if (out.size() >= 8) {
            out[0] = 'C', out[1] = 'D', out[2] = 'T', out[3] = 'S';
            out[4] = static_cast<std::uint8_t>(lba >> 24), out[5] = static_cast<std::uint8_t>(lba >> 16);
            out[6] = static_cast<std::uint8_t>(lba >> 8), out[7] = static_cast<std::uint8_t>(lba);
        }
    }
};

Track dataTrack(std::uint8_t number, std::int32_t start, std::uint32_t length)
{
    return Track{number, 1, TrackType::Mode1, control::DataTrack, start, length, {}};
}
Track audioTrack(std::uint8_t number, std::int32_t start, std::uint32_t length)
{
    return Track{number, 1, TrackType::Audio, control::CopyPermitted, start, length, {}};
}

constexpr std::array<SyntheticDiscKind, 3> kKinds{{
    {"data", "one mode-1 data track of 20 000 sectors (about 39 MiB)"},
    {"audio", "three audio tracks of 1, 2 and 3 minutes"},
    {"mixed", "a mode-1 data track followed by two audio tracks after a 2-second pregap"},
}};

}  // namespace

std::span<const SyntheticDiscKind> syntheticDiscKinds() { return kKinds; }

std::unique_ptr<Disc> makeSyntheticDisc(std::string_view name)
{
    auto source = std::make_unique<PatternSource>();
    if (name == "data")
        return std::make_unique<Disc>("synthetic data disc", std::vector<Track>{dataTrack(1, 0, 20000)}, 20000, std::move(source));
    if (name == "audio")
        return std::make_unique<Disc>("synthetic audio disc",
                                      std::vector<Track>{audioTrack(1, 0, 4500), audioTrack(2, 4500, 9000), audioTrack(3, 13500, 13500)},
                                      27000, std::move(source));
    if (name == "mixed")
        // Red Book asks for a 2-second pregap where a data track is followed by an audio track.
        return std::make_unique<Disc>("synthetic mixed-mode disc",
                                      std::vector<Track>{dataTrack(1, 0, 11250), audioTrack(2, 11400, 6000), audioTrack(3, 17400, 9000)},
                                      26400, std::move(source));
    return nullptr;
}

}  // namespace cdcts::emulator
