#pragma once
// devices.yaml -> Inventory. Every rule of the format (docs/devices-yaml.md) is checked here, so a lab file
// with a typo fails before any drive is touched, with a compiler-style "file:line:column: key: what" message.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "harness/inventory/device_spec.hpp"

namespace cdcts::inventory {

// The names the emulator knows. The caller fills it from the emulator's catalogs, so this library stays free
// of any emulator dependency; order is kept in messages that list the known names.
struct InventoryVocabulary {
    std::vector<std::string> profiles;            // emulated.profile values
    std::vector<std::string> syntheticDiscKinds;  // the <kind> of emulated.medium: synthetic:<kind>
    // Operation codes whose reply starts with a length field (emulated.faults wrong_length needs one).
    std::vector<std::uint8_t> lengthFieldOpcodes;
    // expect.obsolete_codes: the obsolete codes' SDK names (keys) and the NTSTATUS names a rejection may give.
    // (Default-initialised, so callers that list only the fields above still compile without warnings.)
    std::vector<std::string> obsoleteCodes{};
    std::vector<std::string> rejectionStatuses{};
    // emulated.defects names (the seeded-defect catalog, harness/defects/), in catalog order.
    std::vector<std::string> defects{};
};

// A violation of the inventory format. what() is "<file>:<line>:<column>: <keyPath>: <detail>", or without
// ":<line>:<column>" when there is no position (the file cannot be read) and without "<keyPath>: " when the
// error concerns the document as a whole. Line and column are 1-based; 0 means "no position".
class InventoryError : public std::runtime_error {
public:
    InventoryError(SourceLocation location, std::string keyPath, std::string detail);

    [[nodiscard]] const SourceLocation& location() const noexcept { return location_; }
    [[nodiscard]] const std::string& file() const noexcept { return location_.file; }
    [[nodiscard]] int line() const noexcept { return location_.line; }
    [[nodiscard]] int column() const noexcept { return location_.column; }
    // e.g. "devices[1].emulated.profile"; devices are indexed from 0 in file order.
    [[nodiscard]] const std::string& keyPath() const noexcept { return keyPath_; }
    // The message without the position and key path.
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

private:
    SourceLocation location_;
    std::string keyPath_;
    std::string detail_;
};

// selectDevices() was asked for an id the inventory does not have, or for one id twice. It has no position in
// the file (line and column are 0); the message lists the known ids.
class DeviceSelectionError : public InventoryError {
public:
    DeviceSelectionError(const std::filesystem::path& file, std::string deviceId, std::string detail);

    [[nodiscard]] const std::string& deviceId() const noexcept { return deviceId_; }

private:
    std::string deviceId_;
};

// Reads and validates `file`. Throws InventoryError on any violation, including a missing or unreadable file.
[[nodiscard]] Inventory loadInventory(const std::filesystem::path& file, const InventoryVocabulary& vocabulary);

// Validates `yamlText` as if it were the content of `fileForMessages`: that path is what messages and
// locations name, and relative image paths resolve against its folder. Throws InventoryError.
[[nodiscard]] Inventory parseInventory(std::string_view yamlText, const std::filesystem::path& fileForMessages,
                                       const InventoryVocabulary& vocabulary);

// Empty `ids`: every enabled device, in file order. Otherwise exactly the named devices in the given order,
// disabled ones included (naming a device is an explicit request). Throws DeviceSelectionError for an unknown
// or repeated id. The pointers point into `inventory`.
[[nodiscard]] std::vector<const DeviceSpec*> selectDevices(const Inventory& inventory,
                                                           const std::vector<std::string>& ids);

// nullptr when no device has that id.
[[nodiscard]] const DeviceSpec* findDevice(const Inventory& inventory, std::string_view id);

}  // namespace cdcts::inventory
