#pragma once
// A temporary folder holding one cue sheet and its image files, removed afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "harness/emulator/cue/cue_error.hpp"

namespace cdcts::emulator::cue::test {

class CueFolder {
public:
    CueFolder()
    {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("cdcts-cue-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
    }
    ~CueFolder() { std::filesystem::remove_all(dir_); }
    CueFolder(const CueFolder&) = delete;
    CueFolder& operator=(const CueFolder&) = delete;

    // A sparse file of `bytes` bytes: content does not matter to layout resolution.
    void image(const std::string& name, std::uint64_t bytes) const
    {
        std::ofstream out(dir_ / name, std::ios::binary);
        if (bytes > 0) {
            out.seekp(static_cast<std::streamoff>(bytes - 1));
            out.put('\0');
        }
    }
    [[nodiscard]] std::filesystem::path cue(const std::string& text, const std::string& name = "disc.cue") const
    {
        std::ofstream out(dir_ / name, std::ios::binary);
        out << text;
        return dir_ / name;
    }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
};

// Runs `action`, which must throw CueError at `line` with exactly `reason`; the message must be
// "<cue file>:<line>: <reason>".
inline void expectCueError(const std::function<void()>& action, const std::filesystem::path& cueFile, int line,
                           const std::string& reason)
{
    try {
        action();
        ADD_FAILURE() << "no CueError; expected line " << line << ": " << reason;
    } catch (const CueError& e) {
        EXPECT_EQ(e.file(), cueFile);
        EXPECT_EQ(e.line(), line);
        EXPECT_EQ(e.reason(), reason);
        EXPECT_EQ(std::string(e.what()), cueFile.string() + ":" + std::to_string(line) + ": " + reason);
    }
}

}  // namespace cdcts::emulator::cue::test
