#include "harness/emulator/cue/file_locator.hpp"

#include <algorithm>
#include <system_error>
#include <vector>

#include "harness/emulator/cue/cue_error.hpp"
#include "harness/emulator/cue/text.hpp"

namespace cdcts::emulator::cue {
namespace fs = std::filesystem;
namespace {

fs::path resolveAgainst(const fs::path& cueFile, const fs::path& name)
{
    return name.is_absolute() ? name : cueFile.parent_path() / name;
}

bool isFile(const fs::path& p)
{
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

}  // namespace

fs::path locateCueFile(const fs::path& cueFile, const std::string& name, int line, const std::string& command)
{
    const fs::path written = resolveAgainst(cueFile, name);
    if (isFile(written)) return written;
    std::string slashed = name;
    std::replace(slashed.begin(), slashed.end(), '\\', '/');
    const fs::path candidate = resolveAgainst(cueFile, slashed);
    if (isFile(candidate)) return candidate;

    std::vector<fs::path> matches;
    std::error_code ec;
    const fs::path folder = candidate.parent_path().empty() ? fs::path(".") : candidate.parent_path();
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (equalsIgnoreCase(it->path().filename().string(), candidate.filename().string()) && isFile(it->path()))
            matches.push_back(it->path());
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1)
        throw CueError(cueFile, line, command + " \"" + name + "\" matches " + std::to_string(matches.size()) +
                                          " files that differ only in case in " + folder.string());
    if (fs::exists(candidate, ec))
        throw CueError(cueFile, line, command + " \"" + name + "\": " + candidate.string() + " is not a regular file");
    throw CueError(cueFile, line, command + " \"" + name + "\" not found: " + candidate.string());
}

}  // namespace cdcts::emulator::cue
