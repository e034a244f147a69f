#pragma once
// Loading devices.yaml for a subcommand: errors are printed as the loader words them (file:line:column:
// key: what) and become exit code 2.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/device/device.hpp"
#include "harness/inventory/loader.hpp"

namespace cdcts::cli {

inline constexpr const char* kDefaultDevicesFile = "devices.yaml";

// nullopt after printing the error to stderr.
[[nodiscard]] std::optional<inventory::Inventory> loadInventoryOrReport(const std::filesystem::path& file);

// The devices `ids` names (every enabled one when empty), copied out of `inventory`; nullopt after printing why
// the selection is unusable: an unknown or repeated id, or nothing enabled (`purpose` ends that message: "to test").
[[nodiscard]] std::optional<std::vector<inventory::DeviceSpec>> selectDevicesOrReport(const inventory::Inventory& inventory,
                                                                                     const std::vector<std::string>& ids,
                                                                                     const char* purpose);

// One device of the inventory, opened, for the commands that talk to a single device.
struct OpenedDevice {
    inventory::DeviceSpec spec;
    std::unique_ptr<Device> device;
};

// nullopt after printing, prefixed with `command`, why the file, the id or the device is unusable.
[[nodiscard]] std::optional<OpenedDevice> openNamedDevice(const std::filesystem::path& file, const std::string& id,
                                                          const char* command);

}  // namespace cdcts::cli
