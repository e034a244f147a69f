#pragma once
// Splits cue-sheet text into lines of words. Cue sheets come from Windows and Unix tools alike, so a UTF-8
// BOM, CRLF or LF line ends, tabs and blank lines are all accepted here, and the parser never sees them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cdcts::emulator::cue {

struct Word {
    std::string text;      // without the quotes
    bool quoted = false;
    std::size_t begin = 0; // offset in the line's text, where the word (or its opening quote) starts
};

struct CueLine {
    int number = 0;        // 1-based
    std::string text;      // the line without its end-of-line characters
    std::vector<Word> words;
};

// Lines that hold no words are dropped. Throws CueError for an unterminated quote or text glued to a
// closing quote; `cueFile` only names the sheet in that message.
[[nodiscard]] std::vector<CueLine> splitCueLines(std::string_view text, const std::string& cueFile);

}  // namespace cdcts::emulator::cue
