#pragma once
// The Error Detection Code of CD-ROM sectors (ECMA-130 §14.3): a 32-bit CRC with the polynomial
// x^32 + x^31 + x^16 + x^15 + x^4 + x^3 + x + 1, bits taken least significant first, no preset and no final
// inversion, stored least significant byte first after the data it protects.
#include <cstdint>
#include <span>

namespace cdcts::emulator::sector {

// Continues a running EDC over `data` (start from 0); chaining calls equals one call over the concatenation.
[[nodiscard]] std::uint32_t edcUpdate(std::uint32_t edc, std::span<const std::uint8_t> data);

[[nodiscard]] inline std::uint32_t edc(std::span<const std::uint8_t> data) { return edcUpdate(0, data); }

}  // namespace cdcts::emulator::sector
