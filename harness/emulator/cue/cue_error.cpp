#include "harness/emulator/cue/cue_error.hpp"

namespace cdcts::emulator::cue {
namespace {

std::string format(const std::filesystem::path& file, int line, const std::string& reason)
{
    if (line <= 0) return file.string() + ": " + reason;
    return file.string() + ":" + std::to_string(line) + ": " + reason;
}

}  // namespace

CueError::CueError(std::filesystem::path file, int line, std::string reason)
    : std::runtime_error(format(file, line, reason)), file_(std::move(file)), line_(line), reason_(std::move(reason))
{
}

}  // namespace cdcts::emulator::cue
