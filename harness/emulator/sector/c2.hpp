#pragma once
// C2 error pointers as READ CD returns them (MMC-6 READ CD "Error Field"): 01b gives 294 bytes, one bit per byte
// of the 2352-byte sector, most significant bit first; 10b gives 296 bytes, those 294 followed by the block error
// byte (the OR of all 294 pointer bytes) and a zero pad byte. A faultless sector reads all zeros.
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

#include "harness/emulator/sector/layout.hpp"

namespace cdcts::emulator::sector {

inline constexpr std::size_t kC2PointerSize = 294;
inline constexpr std::size_t kC2BlockSize = 296;

// Which of the 2352 bytes of a sector the drive could not correct (bit n = byte n).
using C2ErrorMap = std::bitset<kRawSectorSize>;

// Convenience for tests and fault injection; throws std::out_of_range for an offset past 2351.
[[nodiscard]] C2ErrorMap c2ErrorsAt(std::initializer_list<std::size_t> offsets);

void writeC2Pointers(const C2ErrorMap& errors, std::span<std::uint8_t, kC2PointerSize> out);
void writeC2Block(const C2ErrorMap& errors, std::span<std::uint8_t, kC2BlockSize> out);

}  // namespace cdcts::emulator::sector
