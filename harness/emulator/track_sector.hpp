#pragma once
// One sector of a disc as the drive decodes it: which sector type it is (a track's type, and for CD-ROM XA tracks
// the form its subheader announces), its 2048 cooked bytes where it has them, and its full 2352 bytes rebuilt by
// the sector synthesis. Shared by READ(10)/(12) and READ CD so the two agree on every sector.
#include <cstdint>
#include <span>

#include "harness/emulator/disc.hpp"
#include "harness/emulator/sector/layout.hpp"

namespace cdcts::emulator {

// The bytes a SectorSource delivers for one sector of any type (userDataSize of the largest, audio).
inline constexpr std::size_t kStoredSectorMax = 2352;

// The sector type of `stored` (the source's bytes for sector of `track`). An XA sector is form 2 when submode
// bit 5 of its first subheader copy is set, as a drive decides (CD-ROM XA; MMC-6 READ CD expected sector type).
[[nodiscard]] sector::SectorMode sectorModeOf(TrackType type, std::span<const std::uint8_t> stored);

// The sector type of sector `lba` of `track` (reads the sector for XA tracks).
[[nodiscard]] sector::SectorMode sectorModeAt(const Disc& disc, const Track& track, std::int32_t lba);

// True when the sector has 2048 bytes of user data that READ(10)/(12) return: mode 1 and XA form 1.
[[nodiscard]] constexpr bool hasCookedUserData(sector::SectorMode mode)
{
    return mode == sector::SectorMode::Mode1 || mode == sector::SectorMode::Mode2Form1;
}

// The 2048 user bytes of a mode-1 or XA form-1 sector; the caller has checked hasCookedUserData.
void readCookedUserData(const Disc& disc, const Track& track, std::int32_t lba, std::span<std::uint8_t, 2048> out);

// The whole sector as recorded: sync, header, (subheader), data and the EDC/ECC of its type, computed here.
// A form-2 sector whose stored EDC is zero keeps it zero (CD-ROM XA lets form 2 omit it). Returns the type.
sector::SectorMode readRawSector(const Disc& disc, const Track& track, std::int32_t lba, sector::RawSector out);

}  // namespace cdcts::emulator
