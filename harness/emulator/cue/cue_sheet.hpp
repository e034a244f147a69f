#pragma once
// A cue sheet as written: what each command said and on which line, before any file is looked at.
// Layout resolution (layout.hpp) turns it into a disc; keeping the lines lets it blame the right one.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/emulator/cue/track_mode.hpp"

namespace cdcts::emulator::cue {

// A count of 1/75 s frames, i.e. sectors; cue times (mm:ss:ff) are on the file's own timeline.
using Frames = std::int32_t;

// TITLE / PERFORMER / SONGWRITER of the disc or of one track (CD-TEXT block 0).
struct CdText {
    std::optional<std::string> title;
    std::optional<std::string> performer;
    std::optional<std::string> songwriter;
    friend bool operator==(const CdText&, const CdText&) = default;
};

// FLAGS: the Q-channel control bits a track declares.
struct TrackFlags {
    bool copyPermitted = false;         // DCP
    bool fourChannel = false;           // 4CH
    bool preEmphasis = false;           // PRE
    bool serialCopyManagement = false;  // SCMS
    friend bool operator==(const TrackFlags&, const TrackFlags&) = default;
};

struct CueIndex {
    std::uint8_t number = 1;
    Frames time = 0;  // on the timeline of the FILE the index was written under
    int line = 0;
};

struct CueTrack {
    std::uint8_t number = 1;
    TrackMode mode = TrackMode::Audio;
    std::uint8_t session = 1;
    int line = 0;
    std::vector<CueIndex> indexes;         // consecutive numbers, starting at 00 or 01
    std::optional<Frames> pregap;          // PREGAP: silence that is not in the file
    std::optional<Frames> postgap;         // POSTGAP: silence that is not in the file
    std::optional<TrackFlags> flags;
    std::optional<std::string> isrc;
    CdText cdText;
};

struct CueFile {
    std::string name;  // as written; resolved against the cue file's folder later
    FileType type = FileType::Binary;
    int line = 0;
    std::vector<CueTrack> tracks;
};

// A `REM SESSION nn` mark and what the sheet said about that session.
struct CueSession {
    std::uint8_t number = 1;
    int line = 0;                    // 0: implicit (a sheet without REM SESSION is one session)
    std::optional<Frames> leadOut;   // `REM LEAD-OUT mm:ss:ff`: the length of this session's lead-out
    int leadOutLine = 0;
};

struct CueSheet {
    std::filesystem::path path;  // the cue file, for messages and to resolve relative names
    int lineCount = 0;
    std::optional<std::string> catalog;  // 13 digits
    std::optional<std::string> cdTextFile;
    int cdTextFileLine = 0;
    std::optional<std::string> originalMediaType;  // `REM ORIGINAL MEDIA-TYPE ...`, kept verbatim
    CdText cdText;
    std::vector<CueFile> files;
    std::vector<CueSession> sessions;  // in order, numbered 1, 2, ...
};

}  // namespace cdcts::emulator::cue
