#pragma once
// The read paths' side of fault injection: what an unreadable sector answers and what a marginal one looks
// like (C2 error pointers, damaged bytes). Deterministic per LBA, so a test can read a sector twice.
#include <cstdint>
#include <span>

#include "harness/emulator/command_context.hpp"
#include "harness/emulator/sector/c2.hpp"

namespace cdcts::emulator {

// MEDIUM ERROR 03/11/00 with VALID set and the INFORMATION field naming `lba`, the first sector the drive could
// not read (SPC-4 §4.5.3); `transferred` bytes of the sectors before it were sent.
[[nodiscard]] mmc::CommandResult unrecoveredReadError(std::int32_t lba, std::uint32_t transferred);

// The bytes of a marginal sector that the CIRC decoder could not correct: one burst of 8 to 39 bytes, placed by
// the LBA. Never empty.
[[nodiscard]] sector::C2ErrorMap marginalC2Errors(std::int32_t lba);

// Audio has no layer above CIRC to repair a byte, so the bytes C2 flags arrive damaged (each XOR A5h).
void damageFlaggedBytes(const sector::C2ErrorMap& errors, std::span<std::uint8_t, sector::kRawSectorSize> audio);

// Deterministic noise from `seed` (splitmix64), for garbage replies.
void fillNoise(std::uint64_t seed, std::span<std::uint8_t> out);

}  // namespace cdcts::emulator
