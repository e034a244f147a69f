#pragma once
// A folder of its own under the system's temporary directory, removed with everything in it.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace cdcts::testing_support {

class TempDir {
public:
    explicit TempDir(const std::string& tag)
        : path_(std::filesystem::temp_directory_path() /
                ("cdcts-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++)))
    {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};

}  // namespace cdcts::testing_support
