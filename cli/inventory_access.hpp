#pragma once
// Loading devices.yaml for a subcommand: errors are printed as the loader words them (file:line:column:
// key: what) and become exit code 2.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/inventory/loader.hpp"

namespace cdcts::cli {

inline constexpr const char* kDefaultDevicesFile = "devices.yaml";

// nullopt after printing the error to stderr.
[[nodiscard]] std::optional<inventory::Inventory> loadInventoryOrReport(const std::filesystem::path& file);

}  // namespace cdcts::cli
