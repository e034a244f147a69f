#pragma once
// devices.yaml's bench block (marginal sectors, thresholds), internal to the inventory library.
#include "harness/inventory/device_spec.hpp"
#include "harness/inventory/yaml_fields.hpp"

namespace cdcts::inventory::detail {

BenchSettings readBench(const Context& context, const Field& block);

}  // namespace cdcts::inventory::detail
