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

}  // namespace cdcts::cli
