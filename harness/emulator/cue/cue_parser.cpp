#include "harness/emulator/cue/cue_parser.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "harness/emulator/cue/cue_error.hpp"
#include "harness/emulator/cue/cue_lexer.hpp"
#include "harness/emulator/cue/cue_time.hpp"
#include "harness/emulator/cue/isrc.hpp"
#include "harness/emulator/cue/text.hpp"

namespace cdcts::emulator::cue {
namespace {


class Parser {
public:
    explicit Parser(const std::filesystem::path& cueFile) : name_(cueFile.string()) { sheet_.path = cueFile; }

    CueSheet run(std::string_view text);

private:
    using Handler = void (Parser::*)(const CueLine&);
    struct Command {
        std::string_view keyword;
        Handler handler;
    };
    // One row per command; adding a command is adding a row.
    static const std::array<Command, 13> kCommands;

    [[noreturn]] void fail(int line, const std::string& reason) const { throw CueError(sheet_.path, line, reason); }
    void expectArguments(const CueLine& line, std::size_t count, std::string_view usage) const;
    Frames time(const CueLine& line, const Word& word) const;
    CueTrack* track() { return file_ && !file_->tracks.empty() && trackOpen_ ? &file_->tracks.back() : nullptr; }
    CueTrack& requireTrack(const CueLine& line);
    void requireNoIndex(const CueLine& line, const CueTrack& t, std::string_view command) const;
    void requireDiscLevel(const CueLine& line, std::string_view command) const;
    std::string textValue(const CueLine& line) const;
    void closeTrack();
    void closeFile();

    void catalog(const CueLine& line);
    void cdTextFile(const CueLine& line);
    void file(const CueLine& line);
    void flags(const CueLine& line);
    void index(const CueLine& line);
    void isrc(const CueLine& line);
    void performer(const CueLine& line) { setText(line, &CdText::performer, "PERFORMER"); }
    void postgap(const CueLine& line);
    void pregap(const CueLine& line);
    void rem(const CueLine& line);
    void songwriter(const CueLine& line) { setText(line, &CdText::songwriter, "SONGWRITER"); }
    void title(const CueLine& line) { setText(line, &CdText::title, "TITLE"); }
    void trackCommand(const CueLine& line);
    void setText(const CueLine& line, std::optional<std::string> CdText::*field, std::string_view command);

    std::string name_;
    CueSheet sheet_;
    CueFile* file_ = nullptr;
    bool trackOpen_ = false;
    bool anyTrack_ = false;
    std::optional<Frames> lastTimeInFile_;  // for "INDEX times go backwards within a file"
    int sessionTrackCount_ = 0;
    std::optional<std::uint8_t> lastTrackNumber_;
};

const std::array<Parser::Command, 13> Parser::kCommands{{
    {"CATALOG", &Parser::catalog},
    {"CDTEXTFILE", &Parser::cdTextFile},
    {"FILE", &Parser::file},
    {"FLAGS", &Parser::flags},
    {"INDEX", &Parser::index},
    {"ISRC", &Parser::isrc},
    {"PERFORMER", &Parser::performer},
    {"POSTGAP", &Parser::postgap},
    {"PREGAP", &Parser::pregap},
    {"REM", &Parser::rem},
    {"SONGWRITER", &Parser::songwriter},
    {"TITLE", &Parser::title},
    {"TRACK", &Parser::trackCommand},
}};

CueSheet Parser::run(std::string_view text)
{
    const auto lines = splitCueLines(text, name_);
    sheet_.lineCount = static_cast<int>(std::count(text.begin(), text.end(), '\n')) +
                       (text.empty() || text.back() == '\n' ? 0 : 1);
    sheet_.sessions.push_back(CueSession{});  // a sheet without REM SESSION is one session
    for (const CueLine& line : lines) {
        const std::string& keyword = line.words.front().text;
        const Command* command = nullptr;
        for (const Command& c : kCommands)
            if (!line.words.front().quoted && equalsIgnoreCase(keyword, c.keyword)) command = &c;
        if (!command) fail(line.number, "unknown command \"" + keyword + "\"");
        (this->*command->handler)(line);
    }
    closeFile();
    if (!anyTrack_) fail(sheet_.lineCount, "the cue sheet has no TRACK");
    if (sessionTrackCount_ == 0)
        fail(sheet_.sessions.back().line, "session " + twoDigits(sheet_.sessions.back().number) + " has no tracks");
    return std::move(sheet_);
}

void Parser::expectArguments(const CueLine& line, std::size_t count, std::string_view usage) const
{
    if (line.words.size() != count + 1)
        fail(line.number, "malformed " + toUpper(line.words.front().text) + ": expected \"" + std::string(usage) + "\"");
}

Frames Parser::time(const CueLine& line, const Word& word) const
{
    std::string why;
    const auto frames = parseCueTime(word.text, why);
    if (!frames) fail(line.number, why);
    return *frames;
}

CueTrack& Parser::requireTrack(const CueLine& line)
{
    CueTrack* t = track();
    if (!t && anyTrack_) fail(line.number, toUpper(line.words.front().text) + " between FILE and its first TRACK (it belongs to no track)");
    if (!t) fail(line.number, toUpper(line.words.front().text) + " before any TRACK");
    return *t;
}

void Parser::requireNoIndex(const CueLine& line, const CueTrack& t, std::string_view command) const
{
    // CDRWIN's rule: these describe the track as a whole, so they come between TRACK and its first INDEX.
    if (!t.indexes.empty())
        fail(line.number, std::string(command) + " after INDEX in TRACK " + twoDigits(t.number) + " (it must come before the track's first INDEX)");
}

void Parser::requireDiscLevel(const CueLine& line, std::string_view command) const
{
    if (anyTrack_) fail(line.number, std::string(command) + " after a TRACK (it describes the disc and must come before the first TRACK)");
}

std::string Parser::textValue(const CueLine& line) const
{
    const auto& words = line.words;
    const std::string command = toUpper(words.front().text);
    if (words.size() < 2) fail(line.number, "malformed " + command + ": expected a value");
    if (words[1].quoted) {
        if (words.size() != 2) fail(line.number, "malformed " + command + ": text after the quoted value");
        return words[1].text;
    }
    // Unquoted values may hold spaces: the value is the rest of the line as written.
    std::string value = line.text.substr(words[1].begin);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    return value;
}

void Parser::closeTrack()
{
    if (!trackOpen_) return;
    const CueTrack& t = file_->tracks.back();
    bool hasIndex1 = false;
    for (const CueIndex& i : t.indexes) hasIndex1 = hasIndex1 || i.number == 1;
    if (!hasIndex1) fail(t.line, "TRACK " + twoDigits(t.number) + " has no INDEX 01");
    trackOpen_ = false;
}

void Parser::closeFile()
{
    closeTrack();
    if (file_ && file_->tracks.empty()) fail(file_->line, "FILE \"" + file_->name + "\" has no TRACK");
}

void Parser::catalog(const CueLine& line)
{
    expectArguments(line, 1, "CATALOG <13 digits>");
    requireDiscLevel(line, "CATALOG");
    const std::string& mcn = line.words[1].text;
    bool digits = mcn.size() == 13;
    for (char c : mcn) digits = digits && c >= '0' && c <= '9';
    if (!digits) fail(line.number, "CATALOG \"" + mcn + "\" is not 13 digits");
    if (sheet_.catalog) fail(line.number, "second CATALOG (the disc already has " + *sheet_.catalog + ")");
    sheet_.catalog = mcn;
}

void Parser::cdTextFile(const CueLine& line)
{
    expectArguments(line, 1, "CDTEXTFILE \"<file>\"");
    requireDiscLevel(line, "CDTEXTFILE");
    if (sheet_.cdTextFile) fail(line.number, "second CDTEXTFILE (the disc already has \"" + *sheet_.cdTextFile + "\")");
    sheet_.cdTextFile = line.words[1].text;
    sheet_.cdTextFileLine = line.number;
}

void Parser::file(const CueLine& line)
{
    expectArguments(line, 2, "FILE \"<name>\" BINARY|MOTOROLA");
    bool openWithoutIndex1 = trackOpen_;
    if (trackOpen_)
        for (const CueIndex& i : file_->tracks.back().indexes) openWithoutIndex1 = openWithoutIndex1 && i.number != 1;
    if (openWithoutIndex1)
        fail(line.number, "FILE inside TRACK " + twoDigits(file_->tracks.back().number) +
                              " before its INDEX 01 (a track's indexes cannot span two files)");
    closeFile();
    const std::string type = toUpper(line.words[2].text);
    const auto fileType = fileTypeFromCue(type);
    if (!fileType) {
        if (type == "WAVE" || type == "MP3" || type == "AIFF")
            fail(line.number, "FILE type " + type + " is not supported: the emulator reads raw sectors, so only BINARY and MOTOROLA images can be loaded (convert the audio to raw 44.1 kHz 16-bit stereo)");
        fail(line.number, "unknown FILE type \"" + line.words[2].text + "\" (expected BINARY or MOTOROLA)");
    }
    if (line.words[1].text.empty()) fail(line.number, "FILE with an empty name");
    sheet_.files.push_back(CueFile{line.words[1].text, *fileType, line.number, {}});
    file_ = &sheet_.files.back();
    lastTimeInFile_.reset();
}

void Parser::flags(const CueLine& line)
{
    if (line.words.size() < 2) fail(line.number, "malformed FLAGS: expected \"FLAGS DCP|4CH|PRE|SCMS ...\"");
    CueTrack& t = requireTrack(line);
    requireNoIndex(line, t, "FLAGS");
    if (t.flags) fail(line.number, "second FLAGS for TRACK " + twoDigits(t.number));
    TrackFlags f;
    for (std::size_t i = 1; i < line.words.size(); ++i) {
        const std::string flag = toUpper(line.words[i].text);
        if (flag == "DCP") f.copyPermitted = true;
        else if (flag == "4CH") f.fourChannel = true;
        else if (flag == "PRE") f.preEmphasis = true;
        else if (flag == "SCMS") f.serialCopyManagement = true;
        else fail(line.number, "unknown flag \"" + line.words[i].text + "\" (expected DCP, 4CH, PRE or SCMS)");
    }
    t.flags = f;
}

void Parser::index(const CueLine& line)
{
    expectArguments(line, 2, "INDEX <nn> <mm:ss:ff>");
    CueTrack& t = requireTrack(line);
    const std::string& numberText = line.words[1].text;
    int number = 0;
    bool ok = !numberText.empty() && numberText.size() <= 2;
    for (char c : numberText) {
        ok = ok && c >= '0' && c <= '9';
        number = number * 10 + (c - '0');
    }
    if (!ok) fail(line.number, "malformed INDEX number \"" + numberText + "\" (expected 00 to 99)");
    if (t.postgap) fail(line.number, "INDEX after POSTGAP in TRACK " + twoDigits(t.number) + " (POSTGAP must follow the track's last INDEX)");
    const auto n = static_cast<unsigned>(number);
    if (t.indexes.empty() && number > 1)
        fail(line.number, "INDEX " + twoDigits(n) + " is the first index of TRACK " + twoDigits(t.number) + " (a track starts with INDEX 00 or 01)");
    if (!t.indexes.empty() && number != t.indexes.back().number + 1)
        fail(line.number, "INDEX " + twoDigits(n) + " after INDEX " + twoDigits(t.indexes.back().number) + " in TRACK " + twoDigits(t.number) +
                              " (index numbers must increase by one)");
    const Frames at = time(line, line.words[2]);
    if (lastTimeInFile_ && at <= *lastTimeInFile_)
        fail(line.number, "INDEX " + twoDigits(n) + " at " + line.words[2].text + " is not after the previous index at " +
                              formatCueTime(*lastTimeInFile_) + " in FILE \"" + file_->name + "\" (times go backwards)");
    if (!lastTimeInFile_ && at != 0)
        fail(line.number, "the first INDEX in FILE \"" + file_->name + "\" is at " + line.words[2].text +
                              ", not 00:00:00 (the bytes before it would belong to no track)");
    lastTimeInFile_ = at;
    t.indexes.push_back(CueIndex{static_cast<std::uint8_t>(number), at, line.number});
}

void Parser::isrc(const CueLine& line)
{
    expectArguments(line, 1, "ISRC <CCOOOYYSSSSS>");
    CueTrack& t = requireTrack(line);
    std::string why;
    auto code = normalizeIsrc(line.words[1].text, why);
    if (!code) fail(line.number, why);
    if (t.isrc) fail(line.number, "second ISRC for TRACK " + twoDigits(t.number) + " (it already has " + *t.isrc + ")");
    t.isrc = std::move(*code);
}

void Parser::postgap(const CueLine& line)
{
    expectArguments(line, 1, "POSTGAP <mm:ss:ff>");
    CueTrack& t = requireTrack(line);
    if (t.indexes.empty()) fail(line.number, "POSTGAP before any INDEX in TRACK " + twoDigits(t.number) + " (it must follow the track's indexes)");
    if (t.postgap) fail(line.number, "second POSTGAP for TRACK " + twoDigits(t.number));
    t.postgap = time(line, line.words[1]);
}

void Parser::pregap(const CueLine& line)
{
    expectArguments(line, 1, "PREGAP <mm:ss:ff>");
    CueTrack& t = requireTrack(line);
    requireNoIndex(line, t, "PREGAP");
    if (t.pregap) fail(line.number, "second PREGAP for TRACK " + twoDigits(t.number));
    t.pregap = time(line, line.words[1]);
}

void Parser::rem(const CueLine& line)
{
    // REM is a comment, except for the conventions tools use to carry what CDRWIN's syntax cannot say.
    if (line.words.size() < 2) return;
    const std::string what = toUpper(line.words[1].text);
    if (what == "SESSION") {
        expectArguments(line, 2, "REM SESSION <nn>");
        const std::string& numberText = line.words[2].text;
        int number = 0;
        bool ok = !numberText.empty() && numberText.size() <= 2;
        for (char c : numberText) {
            ok = ok && c >= '0' && c <= '9';
            number = number * 10 + (c - '0');
        }
        if (!ok || number == 0) fail(line.number, "malformed session number \"" + numberText + "\" (expected 01 to 99)");
        if (trackOpen_ && file_->tracks.back().indexes.empty())
            fail(line.number, "REM SESSION inside TRACK " + twoDigits(file_->tracks.back().number) + " before its INDEX 01");
        const auto n = static_cast<std::uint8_t>(number);
        if (n == 1 && sheet_.sessions.size() == 1 && !anyTrack_ && sheet_.sessions[0].line == 0) {
            sheet_.sessions[0].line = line.number;
            return;
        }
        const bool implicitFirst = sheet_.sessions.size() == 1 && sheet_.sessions[0].line == 0 && !anyTrack_;
        if (n != sheet_.sessions.size() + 1 || implicitFirst)
            fail(line.number, "REM SESSION " + twoDigits(n) + " after session " + twoDigits(sheet_.sessions.back().number) +
                                  " (sessions are numbered 01, 02, ... in order)");
        if (sessionTrackCount_ == 0)
            fail(sheet_.sessions.back().line, "session " + twoDigits(sheet_.sessions.back().number) + " has no tracks");
        sheet_.sessions.push_back(CueSession{n, line.number, std::nullopt, 0});
        sessionTrackCount_ = 0;
        return;
    }
    if (what == "LEAD-OUT") {
        expectArguments(line, 2, "REM LEAD-OUT <mm:ss:ff>");
        CueSession& session = sheet_.sessions.back();
        if (session.leadOut) fail(line.number, "second REM LEAD-OUT for session " + twoDigits(session.number));
        session.leadOut = time(line, line.words[2]);
        session.leadOutLine = line.number;
        return;
    }
    if (what == "ORIGINAL" && line.words.size() >= 3 && toUpper(line.words[2].text).rfind("MEDIA-TYPE", 0) == 0) {
        if (sheet_.originalMediaType) fail(line.number, "second REM ORIGINAL MEDIA-TYPE");
        std::string value = line.words[2].text.substr(std::string_view("MEDIA-TYPE").size());
        if (!value.empty() && value.front() == ':') value.erase(0, 1);
        if (value.empty() && line.words.size() > 3) value = line.text.substr(line.words[3].begin);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
        if (!value.empty() && value.front() == '"' && value.back() == '"' && value.size() >= 2) value = value.substr(1, value.size() - 2);
        sheet_.originalMediaType = value;
    }
}

void Parser::trackCommand(const CueLine& line)
{
    expectArguments(line, 2, "TRACK <nn> <mode>");
    if (!file_) fail(line.number, "TRACK before any FILE (every track's data must come from a FILE)");
    closeTrack();
    const std::string& numberText = line.words[1].text;
    int number = 0;
    bool ok = !numberText.empty() && numberText.size() <= 3;
    for (char c : numberText) {
        ok = ok && c >= '0' && c <= '9';
        number = number * 10 + (c - '0');
    }
    if (!ok) fail(line.number, "malformed TRACK number \"" + numberText + "\"");
    if (number < 1 || number > 99) fail(line.number, "TRACK " + numberText + " is outside 01 to 99");
    const auto n = static_cast<std::uint8_t>(number);
    if (lastTrackNumber_ && n != *lastTrackNumber_ + 1)
        fail(line.number, "TRACK " + twoDigits(n) + " after TRACK " + twoDigits(*lastTrackNumber_) + " (track numbers must increase by one)");
    const std::string mode = toUpper(line.words[2].text);
    const auto trackMode = trackModeFromCue(mode);
    if (!trackMode) {
        if (mode == "CDG")
            fail(line.number, "track mode CDG is not supported (karaoke subchannel data in the image is not emulated)");
        if (mode.rfind("CDI/", 0) == 0)
            fail(line.number, "track mode " + mode + " is not supported (CD-i discs are not emulated)");
        fail(line.number, "unknown track mode \"" + line.words[2].text +
                              "\" (expected AUDIO, MODE1/2048, MODE1/2352, MODE2/2336 or MODE2/2352)");
    }
    CueTrack t;
    t.number = n;
    t.mode = *trackMode;
    t.session = sheet_.sessions.back().number;
    t.line = line.number;
    file_->tracks.push_back(std::move(t));
    trackOpen_ = true;
    anyTrack_ = true;
    lastTrackNumber_ = n;
    ++sessionTrackCount_;
}

void Parser::setText(const CueLine& line, std::optional<std::string> CdText::*field, std::string_view command)
{
    std::string value = textValue(line);
    CueTrack* t = track();
    if (!t && anyTrack_) fail(line.number, std::string(command) + " between FILE and its first TRACK (it belongs to neither the disc nor a track)");
    CdText& target = t ? t->cdText : sheet_.cdText;
    const std::string owner = t ? "TRACK " + twoDigits(t->number) : std::string("the disc");
    if (target.*field) fail(line.number, "second " + std::string(command) + " for " + owner);
    target.*field = std::move(value);
}

}  // namespace

CueSheet parseCueSheet(std::string_view text, const std::filesystem::path& cueFile)
{
    return Parser(cueFile).run(text);
}

CueSheet readCueSheet(const std::filesystem::path& cueFile)
{
    std::ifstream in(cueFile, std::ios::binary);
    if (!in) throw CueError(cueFile, 0, std::string("cannot open the cue sheet: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parseCueSheet(text.str(), cueFile);
}

}  // namespace cdcts::emulator::cue
