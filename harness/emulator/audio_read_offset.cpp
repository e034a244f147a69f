#include "harness/emulator/audio_read_offset.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace cdcts::emulator {
namespace {

constexpr std::int64_t kSamplesPerSector = 588;
constexpr std::size_t kBytesPerSample = 4;

// The PCM of sector `lba` as recorded, or silence where the sector holds no audio.
std::span<const std::uint8_t> audioSector(const Disc& disc, std::int64_t lba, std::array<std::uint8_t, 2352>& scratch)
{
    static constexpr std::array<std::uint8_t, 2352> kSilence{};
    if (lba < 0 || lba >= disc.leadOutLba()) return kSilence;
    const auto at = static_cast<std::int32_t>(lba);
    const Track* t = disc.trackOwning(at);
    if (t == nullptr || t->type != TrackType::Audio) return kSilence;
    const std::span<const std::uint8_t> view = disc.userDataView(*t, at);
    if (!view.empty()) return view;
    disc.readUserData(*t, at, scratch);
    return scratch;
}

}  // namespace

void readShiftedAudio(const Disc& disc, std::int32_t lba, std::int32_t offsetSamples, std::span<std::uint8_t, 2352> out)
{
    const std::int64_t first = std::int64_t{lba} * kSamplesPerSector - offsetSamples;
    // floor division: the sector holding the first sample, and where in it that sample lies
    std::int64_t sector = first / kSamplesPerSector;
    if (first % kSamplesPerSector < 0) --sector;
    const auto within = static_cast<std::size_t>(first - sector * kSamplesPerSector) * kBytesPerSample;
    std::array<std::uint8_t, 2352> scratch;
    const std::span<const std::uint8_t> head = audioSector(disc, sector, scratch);
    std::memcpy(out.data(), head.data() + within, 2352 - within);
    if (within == 0) return;
    const std::span<const std::uint8_t> tail = audioSector(disc, sector + 1, scratch);
    std::memcpy(out.data() + (2352 - within), tail.data(), within);
}

}  // namespace cdcts::emulator
