#include "harness/emulator/cue/cue_lexer.hpp"

#include "harness/emulator/cue/cue_error.hpp"

namespace cdcts::emulator::cue {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

std::vector<Word> splitWords(const std::string& line, int number, const std::string& cueFile)
{
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < line.size()) {
        if (isBlank(line[i])) {
            ++i;
            continue;
        }
        Word word;
        word.begin = i;
        if (line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            if (close == std::string::npos)
                throw CueError(cueFile, number, "unterminated quoted string starting at column " + std::to_string(i + 1));
            word.text = line.substr(i + 1, close - i - 1);
            word.quoted = true;
            i = close + 1;
            if (i < line.size() && !isBlank(line[i]))
                throw CueError(cueFile, number, "text directly after a closing quote at column " + std::to_string(i + 1));
        } else {
            const std::size_t start = i;
            while (i < line.size() && !isBlank(line[i])) ++i;
            word.text = line.substr(start, i - start);
        }
        words.push_back(std::move(word));
    }
    return words;
}

}  // namespace

std::vector<CueLine> splitCueLines(std::string_view text, const std::string& cueFile)
{
    // Windows tools (EAC, ImgBurn) often write a BOM; it is not part of the first command.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

    std::vector<CueLine> lines;
    int number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        CueLine line;
        line.number = number;
        line.text = std::string(raw);
        line.words = splitWords(line.text, number, cueFile);
        if (!line.words.empty()) lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace cdcts::emulator::cue
