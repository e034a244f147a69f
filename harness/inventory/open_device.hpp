#pragma once
// devices.yaml entries -> open Devices: the emulated drive with its profile and medium, or a real drive.
#include <memory>

#include "harness/device/device.hpp"
#include "harness/inventory/device_spec.hpp"
#include "harness/inventory/loader.hpp"

namespace cdcts::inventory {

// The profile names and synthetic disc kinds the emulator offers, for the loader to check against.
[[nodiscard]] InventoryVocabulary emulatorVocabulary();

// Opens the device an entry describes. Throws DeviceError naming the device id and the reason (a missing
// drive, a medium that does not load, a backend this platform lacks).
[[nodiscard]] std::unique_ptr<Device> openDevice(const DeviceSpec& spec);

}  // namespace cdcts::inventory
