#include "harness/emulator/track_sector.hpp"

#include <algorithm>
#include <array>

#include "harness/emulator/sector/raw_sector.hpp"

namespace cdcts::emulator {
namespace {

using sector::SectorMode;

// Offsets inside the 2336 bytes a mode-2 source delivers (the raw sector minus sync and header).
constexpr std::size_t kAfterHeader = sector::offset::Subheader;
constexpr std::size_t kStoredSubmode = 2;
constexpr std::size_t kStoredForm1User = sector::offset::Form1User - kAfterHeader;
constexpr std::size_t kStoredForm2User = sector::offset::Form2User - kAfterHeader;
constexpr std::size_t kStoredForm2Edc = sector::offset::Form2Edc - kAfterHeader;

}  // namespace

SectorMode sectorModeOf(TrackType type, std::span<const std::uint8_t> stored)
{
    switch (type) {
    case TrackType::Audio: return SectorMode::Audio;
    case TrackType::Mode1: return SectorMode::Mode1;
    case TrackType::Mode2Formless: return SectorMode::Mode2Formless;
    case TrackType::Mode2Xa:
        return (stored[kStoredSubmode] & sector::kSubmodeForm2) != 0 ? SectorMode::Mode2Form2 : SectorMode::Mode2Form1;
    }
    return SectorMode::Audio;
}

SectorMode sectorModeAt(const Disc& disc, const Track& track, std::int32_t lba)
{
    if (track.type != TrackType::Mode2Xa) return sectorModeOf(track.type, {});
    std::array<std::uint8_t, sector::kMode2UserSize> stored{};
    disc.readUserData(track, lba, stored);
    return sectorModeOf(track.type, stored);
}

void readCookedUserData(const Disc& disc, const Track& track, std::int32_t lba, std::span<std::uint8_t, 2048> out)
{
    if (track.type == TrackType::Mode1) {
        disc.readUserData(track, lba, out);
        return;
    }
    std::array<std::uint8_t, sector::kMode2UserSize> stored{};
    disc.readUserData(track, lba, stored);
    std::copy_n(stored.begin() + kStoredForm1User, out.size(), out.begin());
}

SectorMode readRawSector(const Disc& disc, const Track& track, std::int32_t lba, sector::RawSector out)
{
    std::array<std::uint8_t, kStoredSectorMax> stored{};
    const auto data = std::span(stored).first(userDataSize(track.type));
    disc.readUserData(track, lba, data);
    const SectorMode mode = sectorModeOf(track.type, data);
    switch (mode) {
    case SectorMode::Audio: sector::buildAudio(stored, out); break;
    case SectorMode::Mode1: sector::buildMode1(lba, std::span<const std::uint8_t, 2048>(stored.data(), 2048), out); break;
    case SectorMode::Mode2Formless:
        sector::buildMode2Formless(lba, std::span<const std::uint8_t, sector::kMode2UserSize>(stored.data(), sector::kMode2UserSize), out);
        break;
    case SectorMode::Mode2Form1:
    case SectorMode::Mode2Form2: {
        const sector::Subheader sh{stored[0], stored[1], stored[2], stored[3]};
        if (mode == SectorMode::Mode2Form1) {
            sector::buildMode2Form1(lba, sh, std::span<const std::uint8_t, sector::kForm1UserSize>(stored.data() + kStoredForm1User, sector::kForm1UserSize),
                                    out);
        } else {
            const bool zeroEdc = std::all_of(stored.begin() + kStoredForm2Edc, stored.begin() + kStoredForm2Edc + 4, [](std::uint8_t b) { return b == 0; });
            sector::buildMode2Form2(lba, sh, std::span<const std::uint8_t, sector::kForm2UserSize>(stored.data() + kStoredForm2User, sector::kForm2UserSize),
                                    out, zeroEdc ? sector::Form2Edc::Zero : sector::Form2Edc::Computed);
        }
        break;
    }
    case SectorMode::Mode0: sector::buildMode0(lba, out); break;
    }
    return mode;
}

}  // namespace cdcts::emulator
