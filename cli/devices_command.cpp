// `cdcts devices list`: what devices.yaml declares, and with --probe what each drive says it is.
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/inventory/open_device.hpp"

namespace cdcts::cli {
namespace {

struct DevicesOptions {
    std::string devicesFile = kDefaultDevicesFile;
    bool probe = false;
};

std::string whereOf(const inventory::DeviceSpec& d)
{
    if (d.backend == inventory::Backend::Emulated) return d.emulated.profile + " + " + d.emulated.medium;
    return d.real.path;
}

int listDevices(const DevicesOptions& options)
{
    const auto inv = loadInventoryOrReport(options.devicesFile);
    if (!inv) return kExitBadUsage;
    std::cout << std::left << std::setw(16) << "ID" << std::setw(9) << "ENABLED" << std::setw(10) << "BACKEND" << "DEVICE\n";
    int failures = 0;
    for (const auto& d : inv->devices) {
        std::cout << std::setw(16) << d.id << std::setw(9) << (d.enabled ? "yes" : "no") << std::setw(10)
                  << inventory::backendName(d.backend) << whereOf(d) << "\n";
        if (!d.description.empty()) std::cout << std::setw(35) << "" << d.description << "\n";
        if (!options.probe) continue;
        if (!d.enabled) {
            std::cout << std::setw(35) << "" << "disabled: not probed\n";
            continue;
        }
        try {
            const std::unique_ptr<Device> device = inventory::openDevice(d);
            const DeviceIdentity& id = device->identity();
            std::cout << std::setw(35) << "" << "inquiry: " << id.vendor << " | " << id.product << " | " << id.revision << "\n";
        } catch (const std::exception& e) {
            ++failures;
            std::cout << std::setw(35) << "" << "cannot open: " << e.what() << "\n";
        }
    }
    std::cout << inv->devices.size() << " device(s) in " << inv->file.string() << "\n";
    return failures == 0 ? kExitOk : kExitFailed;
}

}  // namespace

Action addDevicesCommand(CLI::App& app)
{
    auto options = std::make_shared<DevicesOptions>();
    CLI::App* devices = app.add_subcommand("devices", "Show the devices of devices.yaml");
    devices->require_subcommand(1);
    CLI::App* list = devices->add_subcommand("list", "List every device, enabled or not");
    for (CLI::App* sub : {devices, list})
        sub->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    list->add_flag("--probe", options->probe, "Open each device and show what its INQUIRY says");
    return [options] { return listDevices(*options); };
}

}  // namespace cdcts::cli
