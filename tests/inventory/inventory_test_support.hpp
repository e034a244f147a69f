#pragma once
// Shared by the inventory tests: the emulator's names as the caller would pass them, error capture, and
// temporary folders for image files.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "harness/inventory/loader.hpp"

namespace cdcts::inventory::test {

// The names the emulator's catalogs hold; the inventory library must not know them itself.
inline InventoryVocabulary testVocabulary()
{
    InventoryVocabulary v;
    v.profiles = {"dvd_rom", "dvdrw_writer"};
    v.syntheticDiscKinds = {"data", "audio", "mixed"};
    v.lengthFieldOpcodes = {0x1A, 0x43, 0x46, 0x4A, 0x51, 0x52, 0x5A};
    v.defects = {"toc_length_off_by_two", "seek_ignored"};
    return v;
}

inline Inventory parse(std::string_view yaml, const std::filesystem::path& file = "devices.yaml")
{
    return parseInventory(yaml, file, testVocabulary());
}

// The error parsing `yaml` raises; an empty optional (and a test failure) when it parses.
inline std::optional<InventoryError> parseError(std::string_view yaml,
                                                const std::filesystem::path& file = "devices.yaml")
{
    try {
        (void)parse(yaml, file);
    } catch (const InventoryError& error) {
        return error;
    }
    ADD_FAILURE() << "expected an InventoryError for:\n" << yaml;
    return std::nullopt;
}

// what() of the error parsing `yaml`, or "(parsed)" so that comparisons fail readably.
inline std::string parseMessage(std::string_view yaml)
{
    const std::optional<InventoryError> error = parseError(yaml);
    return error ? error->what() : std::string("(parsed)");
}

// For messages whose tail is yaml-cpp's own wording, which the loader passes through.
inline ::testing::AssertionResult startsWith(std::string_view text, std::string_view prefix)
{
    if (text.starts_with(prefix)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "'" << text << "' does not start with '" << prefix << "'";
}

// A folder of its own under the system's temporary directory, removed with everything in it.
class TempDir {
public:
    TempDir()
    {
        std::random_device entropy;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        for (int attempt = 0; attempt < 100; ++attempt) {
            const std::string name = "cdcts-inventory-" + std::to_string(now) + "-" + std::to_string(entropy());
            path_ = std::filesystem::temp_directory_path() / name;
            if (std::filesystem::create_directory(path_)) return;
        }
        throw std::runtime_error("cannot create a temporary folder");
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // Creates (or replaces) `relative` with `content`, making the folders on the way.
    std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const
    {
        const std::filesystem::path file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        out << content;
        if (!out) throw std::runtime_error("cannot write " + file.string());
        return file;
    }

private:
    std::filesystem::path path_;
};

// A valid emulated device taking lines 1-6; tests append lines from 7 on.
inline const std::string kEmulated = "devices:\n"                     // 1
                              "  - id: emu_reader\n"           // 2
                              "    backend: emulated\n"        // 3
                              "    emulated:\n"                // 4
                              "      profile: dvd_rom\n"  // 5
                              "      medium: synthetic:data\n";  // 6

}  // namespace cdcts::inventory::test
