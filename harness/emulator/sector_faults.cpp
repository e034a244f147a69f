#include "harness/emulator/sector_faults.hpp"

#include "harness/core/bytes.hpp"

namespace cdcts::emulator {
namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

mmc::CommandResult unrecoveredReadError(std::int32_t lba, std::uint32_t transferred)
{
    mmc::CommandResult result = checkCondition(mmc::sense::UnrecoveredReadError);
    result.sense.bytes[0] |= 0x80;  // VALID: the INFORMATION field holds the LBA
    storeBe32(&result.sense.bytes[3], static_cast<std::uint32_t>(lba));
    result.transferred = transferred;
    return result;
}

sector::C2ErrorMap marginalC2Errors(std::int32_t lba)
{
    std::uint64_t state = static_cast<std::uint32_t>(lba);
    const std::uint64_t h = splitmix64(state);
    const std::size_t length = 8 + static_cast<std::size_t>(h % 32);
    const std::size_t start = static_cast<std::size_t>((h >> 8) % (sector::kRawSectorSize - length));
    sector::C2ErrorMap errors;
    for (std::size_t i = 0; i < length; ++i) errors.set(start + i);
    return errors;
}

void damageFlaggedBytes(const sector::C2ErrorMap& errors, std::span<std::uint8_t, sector::kRawSectorSize> audio)
{
    for (std::size_t i = 0; i < audio.size(); ++i)
        if (errors.test(i)) audio[i] ^= 0xA5;
}

void fillNoise(std::uint64_t seed, std::span<std::uint8_t> out)
{
    std::uint64_t state = seed;
    for (std::size_t i = 0; i < out.size(); i += 8) {
        const std::uint64_t word = splitmix64(state);
        for (std::size_t b = 0; b < 8 && i + b < out.size(); ++b) out[i + b] = static_cast<std::uint8_t>(word >> (8 * b));
    }
}

}  // namespace cdcts::emulator
