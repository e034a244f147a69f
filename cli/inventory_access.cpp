#include "cli/inventory_access.hpp"

#include <iostream>

#include "harness/inventory/open_device.hpp"

namespace cdcts::cli {

std::optional<inventory::Inventory> loadInventoryOrReport(const std::filesystem::path& file)
{
    try {
        return inventory::loadInventory(file, inventory::emulatorVocabulary());
    } catch (const inventory::InventoryError& e) {
        std::cerr << "cdcts: " << e.what() << "\n";
    }
    return std::nullopt;
}

std::optional<OpenedDevice> openNamedDevice(const std::filesystem::path& file, const std::string& id, const char* command)
{
    const auto inv = loadInventoryOrReport(file);
    if (!inv) return std::nullopt;
    const inventory::DeviceSpec* spec = inventory::findDevice(*inv, id);
    if (spec == nullptr) {
        std::cerr << command << ": " << inv->file.string() << " has no device '" << id << "'\n";
        return std::nullopt;
    }
    try {
        return OpenedDevice{*spec, inventory::openDevice(*spec)};
    } catch (const std::exception& e) {
        std::cerr << command << ": " << e.what() << "\n";
    }
    return std::nullopt;
}

std::optional<std::vector<inventory::DeviceSpec>> selectDevicesOrReport(const inventory::Inventory& inventory,
                                                                     const std::vector<std::string>& ids, const char* purpose)
{
    std::vector<inventory::DeviceSpec> selected;
    try {
        for (const inventory::DeviceSpec* d : inventory::selectDevices(inventory, ids)) selected.push_back(*d);
    } catch (const inventory::InventoryError& e) {
        std::cerr << "cdcts: " << e.what() << "\n";
        return std::nullopt;
    }
    if (selected.empty()) {
        std::cerr << "cdcts: " << inventory.file.string() << ": no enabled device " << purpose
                  << " (enable one, or name it with --device)\n";
        return std::nullopt;
    }
    return selected;
}

}  // namespace cdcts::cli
