#pragma once
// The Reed-Solomon Product-like Code of CD-ROM sectors (ECMA-130 §14.5 and Annex A): over GF(2^8) with the field
// polynomial x^8 + x^4 + x^3 + x^2 + 1 and primitive element alpha = x, the 2340 bytes from offset 12 form two
// planes (even and odd bytes) of 1170 symbols. P parity: 86 byte columns of 24 data + 2 parity bytes
// (stride 86); Q parity: 52 byte diagonals of 43 + 2 bytes over the data and the P parity.
#include "harness/emulator/sector/layout.hpp"

namespace cdcts::emulator::sector {

enum class EccHeader : std::uint8_t {
    AsRecorded,  // mode 1: the header is protected
    Zeroed,      // mode 2 form 1: the 4 header bytes count as zero (CD-ROM XA), so relocation keeps the parity
};

// Writes the P parity (offset 2076) and then the Q parity (offset 2248) of `sector`.
void writeEcc(RawSector sector, EccHeader header);

// True when the P and Q parity recorded in `sector` match its data.
[[nodiscard]] bool isEccValid(ConstRawSector sector, EccHeader header);

}  // namespace cdcts::emulator::sector
