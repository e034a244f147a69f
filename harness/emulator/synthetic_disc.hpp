#pragma once
// Discs built in code, so the suite runs with no image file. Each kind is a fixed, documented layout.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/emulator/cd_text.hpp"
#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

struct SyntheticDiscKind {
    std::string_view name;         // "data", "audio", "mixed", "xa", "reference", "multisession", "cdr", "cdrw"
    std::string_view description;  // one line
};

[[nodiscard]] std::span<const SyntheticDiscKind> syntheticDiscKinds();
// nullptr when `name` is not one of syntheticDiscKinds().
[[nodiscard]] std::unique_ptr<Disc> makeSyntheticDisc(std::string_view name);

// A disc described track by track, for tests and `cdcts disc make`. Sector contents follow the synthetic
// pattern (see synthetic_disc.cpp): data sectors name their LBA in their first user bytes, audio is a quiet
// tone, and in a CD-ROM XA track every odd LBA is a form-2 sector (submode 0x20, 2324 bytes), every even one
// form 1 (submode 0x08, 2048 bytes).
struct SyntheticTrack {
    TrackType type = TrackType::Mode1;
    std::uint32_t length = 4500;  // sectors from INDEX 01 to the next track's pregap
    // Sectors of pause (INDEX 00) before INDEX 01. Track 1 begins at LBA 0 after the disc's fixed 150-sector
    // pregap and must say 0; the first track of a later session gets at least 150.
    std::uint32_t pregap = 0;
    std::uint8_t session = 1;  // 1, then each track's session equals the previous one's or is one more
    std::string isrc;          // empty or 12 characters CCOOOYYSSSSS
    CdTextStrings text;
    // Sectors of digital silence that end the track (SyntheticAudio::ToneWithNoise only).
    std::uint32_t silentTail = 0;
};

// How the audio tracks sound. Tone: the triangle tone alone, the same every period, so a drive's read offset
// cannot be told from it. ToneWithNoise: the tone plus quiet noise that never repeats, silence in the pauses
// (INDEX 00) and the tracks' silent tails; the reference disc's, so the read offset shows as one shift.
enum class SyntheticAudio : std::uint8_t { Tone, ToneWithNoise };

struct SyntheticDiscSpec {
    std::string description = "synthetic disc";
    std::vector<SyntheticTrack> tracks;  // numbered 1, 2, ...
    std::string mcn;                     // empty or 13 digits
    CdTextStrings text;                  // the disc's CD-TEXT; no CD-TEXT when neither it nor a track has any
    SyntheticAudio audio = SyntheticAudio::Tone;
    // What the disc is made of. A CD-R or CD-RW carries `recordable` (its ATIP and recording state) and, since a
    // recorder wrote it, a PMA of its tracks; a pressed disc ignores `recordable`.
    MediumKind medium = MediumKind::PressedCdRom;
    RecordableMedium recordable{};
};

// Lays the tracks out as a recorder would: sessions after the first begin after the previous session's
// lead-out (6750 sectors after session 1, 2250 later) and a 4500-sector lead-in, as cue/layout does. Throws
// std::invalid_argument for a spec the Disc would refuse, a bad pregap, MCN or ISRC.
[[nodiscard]] std::unique_ptr<Disc> buildSyntheticDisc(const SyntheticDiscSpec& spec);

// The spec behind a named kind that has one ("xa", "reference", "multisession", "cdr", "cdrw"); nullopt for the
// others.
[[nodiscard]] std::optional<SyntheticDiscSpec> syntheticDiscSpec(std::string_view name);

}  // namespace cdcts::emulator
