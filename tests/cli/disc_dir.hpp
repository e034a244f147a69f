#pragma once
// A temporary folder for the `cdcts disc` tests, removed afterwards.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace cdcts::testing_support {

class DiscDir {
public:
    DiscDir()
    {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() / ("cdcts-disc-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~DiscDir() { std::filesystem::remove_all(path_); }
    DiscDir(const DiscDir&) = delete;
    DiscDir& operator=(const DiscDir&) = delete;
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace cdcts::testing_support
