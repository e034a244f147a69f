#pragma once
// Finds the files a cue sheet names. Sheets travel between Windows (case-insensitive, backslashes) and
// Unix, so a name that does not match exactly may still match one file in another case.
#include <filesystem>
#include <string>

namespace cdcts::emulator::cue {

// `name` as written in the sheet at `line`: relative names resolve against the cue file's folder. Tries
// the name as written, then with '\' read as '/', then a case-insensitive match of the last component
// in its folder when exactly one entry matches. Throws CueError naming the resolved path otherwise.
[[nodiscard]] std::filesystem::path locateCueFile(const std::filesystem::path& cueFile, const std::string& name, int line,
                                                  const std::string& command);

}  // namespace cdcts::emulator::cue
