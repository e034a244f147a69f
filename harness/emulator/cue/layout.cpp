#include "harness/emulator/cue/layout.hpp"
#include "harness/emulator/cue/text.hpp"

#include <algorithm>
#include <system_error>

#include "harness/emulator/cue/cue_error.hpp"
#include "harness/emulator/cue/cue_parser.hpp"
#include "harness/emulator/cue/cue_time.hpp"
#include "harness/emulator/cue/file_locator.hpp"

namespace cdcts::emulator::cue {
namespace {


const CueIndex* findIndex(const CueTrack& t, std::uint8_t number)
{
    for (const CueIndex& i : t.indexes)
        if (i.number == number) return &i;
    return nullptr;
}

// Where one track's bytes lie in its file; filled per file before any LBA is assigned.
struct Placement {
    const CueFile* file = nullptr;
    const CueTrack* track = nullptr;
    std::filesystem::path path;
    std::uint64_t firstIndexOffset = 0;  // byte offset of the track's first index (00 or 01)
    Frames framesInFile = 0;             // sectors from the track's first index to the next track's (or the file's end)
};

// Index times count sectors of the track they belong to, so a file that changes mode is walked track by track.
void placeFile(const CueSheet& sheet, const CueFile& file, std::vector<Placement>& out)
{
    const auto path = locateCueFile(sheet.path, file.name, file.line, "FILE");
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw CueError(sheet.path, file.line, "FILE \"" + file.name + "\": cannot read the size of " + path.string() + ": " + ec.message());

    bool mixed = false;
    for (const CueTrack& t : file.tracks) mixed = mixed || sectorSize(t.mode) != sectorSize(file.tracks.front().mode);

    std::uint64_t offset = 0;
    for (std::size_t k = 0; k < file.tracks.size(); ++k) {
        const CueTrack& t = file.tracks[k];
        const std::uint64_t bytesPerSector = sectorSize(t.mode);
        Placement p{&file, &t, path, offset, 0};
        const Frames first = t.indexes.front().time;
        if (k + 1 < file.tracks.size()) {
            p.framesInFile = file.tracks[k + 1].indexes.front().time - first;
            offset += static_cast<std::uint64_t>(p.framesInFile) * bytesPerSector;
        } else {
            // The last track runs to the end of the file and needs at least one sector after its last index.
            const CueIndex& last = t.indexes.back();
            const std::uint64_t need = offset + static_cast<std::uint64_t>(last.time - first + 1) * bytesPerSector;
            if (size < need)
                throw CueError(sheet.path, file.line,
                               "FILE \"" + file.name + "\" (" + path.string() + ") is " + std::to_string(size) +
                                   " bytes, but its tracks need at least " + std::to_string(need) + " bytes (TRACK " +
                                   twoDigits(t.number) + " INDEX " + twoDigits(last.number) + " at " + formatCueTime(last.time) +
                                   " and one " + std::to_string(bytesPerSector) + "-byte sector after it)");
            const std::uint64_t rest = size - offset;
            if (rest % bytesPerSector != 0) {
                if (mixed)
                    throw CueError(sheet.path, file.line,
                                   "FILE \"" + file.name + "\": the " + std::to_string(rest) + " bytes of TRACK " + twoDigits(t.number) +
                                       " (" + std::string(cueName(t.mode)) + ") from byte " + std::to_string(offset) +
                                       " are not a whole number of " + std::to_string(bytesPerSector) +
                                       "-byte sectors: the mode change leaves a partial sector of " +
                                       std::to_string(rest % bytesPerSector) + " bytes");
                throw CueError(sheet.path, file.line,
                               "FILE \"" + file.name + "\" (" + path.string() + ") is " + std::to_string(size) +
                                   " bytes, not a whole number of " + std::to_string(bytesPerSector) + "-byte " +
                                   std::string(cueName(t.mode)) + " sectors (" + std::to_string(rest % bytesPerSector) +
                                   " bytes left over)");
            }
            p.framesInFile = static_cast<Frames>(rest / bytesPerSector);
        }
        out.push_back(std::move(p));
    }
}

}  // namespace

ResolvedDisc resolveLayout(const CueSheet& sheet)
{
    ResolvedDisc disc;
    disc.cueFile = sheet.path;
    disc.mcn = sheet.catalog;
    disc.cdText = sheet.cdText;
    disc.originalMediaType = sheet.originalMediaType;
    if (sheet.cdTextFile) disc.cdTextFile = locateCueFile(sheet.path, *sheet.cdTextFile, sheet.cdTextFileLine, "CDTEXTFILE");

    std::vector<Placement> placements;
    for (const CueFile& file : sheet.files) placeFile(sheet, file, placements);

    std::int32_t cursor = -kSessionFirstPregap;
    std::uint8_t session = 0;
    for (const Placement& p : placements) {
        const CueTrack& t = *p.track;
        const bool firstInSession = t.session != session;
        if (firstInSession) {
            if (session != 0) {
                ResolvedSession& previous = disc.sessions.back();
                previous.leadOutLba = cursor;
                cursor += static_cast<std::int32_t>(previous.leadOutLength) + kLeadInLength;
            }
            session = t.session;
            const CueSession& declared = sheet.sessions.at(session - 1u);
            ResolvedSession s;
            s.number = session;
            s.firstTrack = t.number;
            s.startLba = cursor;
            s.leadOutLength = static_cast<std::uint32_t>(
                declared.leadOut.value_or(session == 1 ? kFirstLeadOutLength : kLaterLeadOutLength));
            disc.sessions.push_back(s);
        }
        disc.sessions.back().lastTrack = t.number;

        const CueIndex* index0 = findIndex(t, 0);
        const CueIndex& index1 = *findIndex(t, 1);
        const std::uint32_t bytesPerSector = sectorSize(t.mode);
        Frames silent = t.pregap.value_or(0);
        if (firstInSession) silent = std::max(silent, kSessionFirstPregap);
        const Frames inFile = index0 ? index1.time - index0->time : 0;

        ResolvedTrack r;
        r.number = t.number;
        r.session = t.session;
        r.mode = t.mode;
        r.sectorSize = bytesPerSector;
        r.file = p.path;
        r.fileType = p.file->type;
        const Frames first = t.indexes.front().time;
        r.index01Offset = p.firstIndexOffset + static_cast<std::uint64_t>(index1.time - first) * bytesPerSector;
        if (index0) r.index00Offset = p.firstIndexOffset;
        r.pregapStartLba = cursor;
        r.pregapLength = static_cast<std::uint32_t>(silent + inFile);
        r.pregapInFile = static_cast<std::uint32_t>(inFile);
        r.startLba = cursor + silent + inFile;
        r.lengthInFile = static_cast<std::uint32_t>(p.framesInFile - inFile);
        r.postgapLength = static_cast<std::uint32_t>(t.postgap.value_or(0));
        r.length = r.lengthInFile + r.postgapLength;
        if (r.pregapLength > 0) r.indexes.push_back(ResolvedIndex{0, r.pregapStartLba});
        for (const CueIndex& i : t.indexes)
            if (i.number > 0) r.indexes.push_back(ResolvedIndex{i.number, r.startLba + (i.time - index1.time)});
        r.flags = t.flags.value_or(TrackFlags{});
        r.isrc = t.isrc;
        r.cdText = t.cdText;
        cursor = r.startLba + static_cast<std::int32_t>(r.length);
        if (cursor - 1 > kLastAddressableLba)
            throw CueError(sheet.path, t.line, "TRACK " + twoDigits(t.number) + " ends at LBA " + std::to_string(cursor - 1) +
                                                   ", beyond 99:59:74, the last address a CD can carry");
        disc.tracks.push_back(std::move(r));
    }
    disc.sessions.back().leadOutLba = cursor;
    disc.leadOutLba = cursor;
    return disc;
}

ResolvedDisc loadCueSheet(const std::filesystem::path& cueFile) { return resolveLayout(readCueSheet(cueFile)); }

std::optional<std::uint64_t> fileOffsetOf(const ResolvedTrack& track, std::int32_t lba)
{
    const std::int32_t fromFileStart = track.startLba - static_cast<std::int32_t>(track.pregapInFile);
    const std::int32_t fileEnd = track.startLba + static_cast<std::int32_t>(track.lengthInFile);
    if (lba < fromFileStart || lba >= fileEnd) return std::nullopt;
    const auto base = track.index00Offset.value_or(track.index01Offset);
    return base + static_cast<std::uint64_t>(lba - fromFileStart) * track.sectorSize;
}

}  // namespace cdcts::emulator::cue
