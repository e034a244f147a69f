#pragma once
// The one error a cue sheet can raise: where (cue file and line) and why, so a user can fix the sheet.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace cdcts::emulator::cue {

class CueError : public std::runtime_error {
public:
    // line 0 means "the sheet as a whole" (it cannot be opened); the message then has no line part.
    CueError(std::filesystem::path file, int line, std::string reason);

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] int line() const { return line_; }
    [[nodiscard]] const std::string& reason() const { return reason_; }

private:
    std::filesystem::path file_;
    int line_;
    std::string reason_;
};

}  // namespace cdcts::emulator::cue
