#pragma once
// devices.yaml's emulated.faults block (sector faults, command faults, timed events), internal to the inventory
// library.
#include "harness/inventory/device_spec.hpp"
#include "harness/inventory/yaml_fields.hpp"

namespace cdcts::inventory::detail {

EmulatedFaults readFaults(const Context& context, const Field& block);

}  // namespace cdcts::inventory::detail
