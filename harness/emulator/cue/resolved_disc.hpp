#pragma once
// A cue sheet laid out on a disc: every track on the absolute LBA line, where its sectors come from in
// which file, and the disc's sessions and lead-out. Plain data; the emulator's Disc is built from it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/emulator/cue/cue_sheet.hpp"
#include "harness/emulator/cue/track_mode.hpp"

namespace cdcts::emulator::cue {

struct ResolvedIndex {
    std::uint8_t number = 1;
    std::int32_t lba = 0;
    friend bool operator==(const ResolvedIndex&, const ResolvedIndex&) = default;
};

struct ResolvedTrack {
    std::uint8_t number = 1;
    std::uint8_t session = 1;
    TrackMode mode = TrackMode::Audio;
    std::uint32_t sectorSize = 2352;     // bytes per sector in the file, from the mode
    std::filesystem::path file;          // the image file, as found on disk
    FileType fileType = FileType::Binary;
    std::uint64_t index01Offset = 0;                 // byte offset of INDEX 01's sector in `file`
    std::optional<std::uint64_t> index00Offset;      // byte offset of INDEX 00 when the pregap is in the file
    std::int32_t pregapStartLba = 0;     // first sector of the pregap (== startLba when there is none)
    std::uint32_t pregapLength = 0;      // sectors from pregapStartLba to startLba
    std::uint32_t pregapInFile = 0;      // the last pregapInFile of those come from the file (INDEX 00..01)
    std::int32_t startLba = 0;           // INDEX 01
    std::uint32_t length = 0;            // sectors from startLba to the next track's pregap or the session's lead-out
    std::uint32_t lengthInFile = 0;      // the first lengthInFile of those come from the file; the rest is postgap
    std::uint32_t postgapLength = 0;
    std::vector<ResolvedIndex> indexes;  // 00 (when there is a pregap), 01, 02, ... with absolute LBAs
    TrackFlags flags;
    std::optional<std::string> isrc;
    CdText cdText;
};

struct ResolvedSession {
    std::uint8_t number = 1;
    std::uint8_t firstTrack = 1;
    std::uint8_t lastTrack = 1;
    std::int32_t startLba = -150;        // the first track's pregap start (-150 for session 1)
    std::int32_t leadOutLba = 0;         // first sector after the session's last track
    std::uint32_t leadOutLength = 6750;  // sectors of lead-out (6750 for session 1, 2250 later, or REM LEAD-OUT)
};

struct ResolvedDisc {
    std::filesystem::path cueFile;
    std::vector<ResolvedTrack> tracks;
    std::vector<ResolvedSession> sessions;
    std::int32_t leadOutLba = 0;          // the last session's lead-out
    std::optional<std::string> mcn;       // CATALOG
    CdText cdText;                        // disc-level TITLE/PERFORMER/SONGWRITER
    std::optional<std::filesystem::path> cdTextFile;  // CDTEXTFILE as found on disk (not parsed here)
    std::optional<std::string> originalMediaType;
};

}  // namespace cdcts::emulator::cue
