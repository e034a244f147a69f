#pragma once
// An ISO 9660 image: one mode-1 data track of 2048-byte sectors, read from the file on demand.
#include <filesystem>
#include <memory>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

// Throws std::runtime_error naming the file when it cannot be opened, is empty, or its size is not a
// whole number of 2048-byte sectors.
[[nodiscard]] std::unique_ptr<Disc> loadIsoImage(const std::filesystem::path& file);

}  // namespace cdcts::emulator
