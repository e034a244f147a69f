#pragma once
// Discs built in code, so the suite runs with no image file. Each kind is a fixed, documented layout.
#include <memory>
#include <span>
#include <string_view>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

struct SyntheticDiscKind {
    std::string_view name;         // "data", "audio", "mixed"
    std::string_view description;  // one line
};

[[nodiscard]] std::span<const SyntheticDiscKind> syntheticDiscKinds();
// nullptr when `name` is not one of syntheticDiscKinds().
[[nodiscard]] std::unique_ptr<Disc> makeSyntheticDisc(std::string_view name);

}  // namespace cdcts::emulator
