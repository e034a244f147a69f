#pragma once
// A disc as the drive sees it: sessions of tracks on an LBA line that ends at the lead-out, and the sectors'
// user data. Where the data comes from (an image file, code) is a SectorSource.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cdcts::emulator {

enum class TrackType : std::uint8_t {
    Audio,  // CD-DA, 2352 bytes of PCM per sector
    Mode1,  // 2048 bytes of user data per sector
    // Mode 2 (ECMA-130 §14.6). The source gives the 2336 bytes after the header for both kinds.
    Mode2Formless,  // no sub-structure: 2336 bytes of user data, no EDC/ECC
    Mode2Xa,        // CD-ROM XA: each sector's subheader (its first 8 bytes) says form 1 (2048) or form 2 (2324)
};

// Q-channel control nibble bits (MMC Table 421; ioctl-contracts.md §2.2).
namespace control {
inline constexpr std::uint8_t PreEmphasis = 0x1;
inline constexpr std::uint8_t CopyPermitted = 0x2;
inline constexpr std::uint8_t DataTrack = 0x4;
inline constexpr std::uint8_t FourChannel = 0x8;
}  // namespace control

struct Track {
    std::uint8_t number = 1;
    std::uint8_t session = 1;
    TrackType type = TrackType::Mode1;
    std::uint8_t control = control::DataTrack;
    std::int32_t startLba = 0;   // INDEX 01
    std::uint32_t length = 0;    // sectors from startLba to the next track's pregap or the lead-out
    std::string isrc;            // 12 characters (ISO 3901), or empty when the track has none
};

// What the medium physically is. PMA and ATIP exist only on recordable media; a pressed disc has neither.
enum class MediumKind : std::uint8_t { PressedCdRom, CdR, CdRw };

// What a recordable medium's pregroove (ATIP) and recording state say; meaningless for a pressed disc.
// Defaults: an 80-minute CD-R, lead-in from 97:26:66, last possible lead-out start 79:59:74, every
// session closed and the disc finalized.
struct RecordableMedium {
    std::int32_t atipLeadInStartLba = -11634;      // 97:26:66 (MSF 90:00:00 and above are negative LBAs)
    std::int32_t lastPossibleLeadOutLba = 359849;  // 79:59:74
    std::uint8_t indicativeWritingPower = 5;       // ATIP special information 1, 3 bits
    bool appendable = false;                       // last session closed but the disc not finalized
};

[[nodiscard]] constexpr std::uint32_t userDataSize(TrackType type)
{
    switch (type) {
    case TrackType::Audio: return 2352u;
    case TrackType::Mode1: return 2048u;
    case TrackType::Mode2Formless:
    case TrackType::Mode2Xa: return 2336u;
    }
    return 2352u;
}
[[nodiscard]] constexpr bool isMode2(TrackType type) { return type == TrackType::Mode2Formless || type == TrackType::Mode2Xa; }

class SectorSource {
public:
    virtual ~SectorSource() = default;
    // Fills `out` (userDataSize of the track's type) with the user data of sector `lba` of `track`; for mode 2
    // tracks that is everything after the header (an XA sector's subheader, data and EDC/ECC as stored; readers
    // recompute EDC/ECC, see track_sector.hpp).
    virtual void read(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const = 0;
    // The same bytes where the source already holds them in memory (a table, a loaded image): userDataSize of
    // the track's type, valid as long as the source, so a read path copies them once, straight to where they
    // go. Empty when the source makes or fetches its bytes on each read(); callers then use read().
    [[nodiscard]] virtual std::span<const std::uint8_t> view(const Track& track, std::int32_t lba) const
    {
        (void)track, (void)lba;
        return {};
    }
};

class Disc {
public:
    // Throws std::invalid_argument when the layout contradicts itself (tracks out of order, overlapping,
    // running past the lead-out, numbers not consecutive).
    // `sessionLeadOuts`: the lead-out LBA of each session in order (the last equals leadOutLba); empty means
    // one session ending at leadOutLba.
    Disc(std::string description, std::vector<Track> tracks, std::int32_t leadOutLba, std::unique_ptr<SectorSource> source,
         std::vector<std::int32_t> sessionLeadOuts = {});

    [[nodiscard]] const std::string& description() const { return description_; }
    [[nodiscard]] const std::vector<Track>& tracks() const { return tracks_; }
    [[nodiscard]] std::int32_t leadOutLba() const { return leadOutLba_; }
    [[nodiscard]] std::uint8_t sessionCount() const { return static_cast<std::uint8_t>(sessionLeadOuts_.size()); }
    // Where session `number` (1-based) ends.
    [[nodiscard]] std::int32_t sessionLeadOutLba(std::uint8_t number) const { return sessionLeadOuts_.at(number - 1u); }
    [[nodiscard]] std::uint8_t firstTrackNumber() const { return tracks_.front().number; }
    [[nodiscard]] std::uint8_t lastTrackNumber() const { return tracks_.back().number; }
    // The track whose span holds `lba`, or nullptr (pregap areas between tracks belong to no track here).
    [[nodiscard]] const Track* trackAt(std::int32_t lba) const;
    // The track a sector belongs to when reading it: a pregap between tracks belongs to the track after it.
    // nullptr at or past the lead-out.
    [[nodiscard]] const Track* trackOwning(std::int32_t lba) const;
    [[nodiscard]] const Track* track(std::uint8_t number) const;
    // The media catalog number (13 digits, UPC/EAN), or empty when the disc has none.
    [[nodiscard]] const std::string& mediaCatalogNumber() const { return mcn_; }
    void setMediaCatalogNumber(std::string mcn) { mcn_ = std::move(mcn); }
    // CD-TEXT as recorded in the lead-in: 18-byte packs (type, track, sequence, block/char, 12 text bytes,
    // CRC-16), in recorded order; READ TOC format 5 returns them. Empty when the disc has no CD-TEXT.
    using CdTextPack = std::array<std::uint8_t, 18>;
    [[nodiscard]] const std::vector<CdTextPack>& cdTextPacks() const { return cdText_; }
    void setCdTextPacks(std::vector<CdTextPack> packs) { cdText_ = std::move(packs); }
    [[nodiscard]] MediumKind mediumKind() const { return mediumKind_; }
    void setMediumKind(MediumKind kind) { mediumKind_ = kind; }
    [[nodiscard]] bool isRecordable() const { return mediumKind_ != MediumKind::PressedCdRom; }
    [[nodiscard]] const RecordableMedium& recordable() const { return recordable_; }
    void setRecordable(RecordableMedium medium) { recordable_ = medium; }
    void readUserData(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const { source_->read(track, lba, out); }
    // SectorSource::view: the sector's user data in place, or empty when only readUserData can give it.
    [[nodiscard]] std::span<const std::uint8_t> userDataView(const Track& track, std::int32_t lba) const { return source_->view(track, lba); }

private:
    std::string description_;
    std::vector<Track> tracks_;
    std::int32_t leadOutLba_;
    std::unique_ptr<SectorSource> source_;
    std::vector<std::int32_t> sessionLeadOuts_;
    std::string mcn_;
    std::vector<CdTextPack> cdText_;
    MediumKind mediumKind_ = MediumKind::PressedCdRom;
    RecordableMedium recordable_;
};

}  // namespace cdcts::emulator
