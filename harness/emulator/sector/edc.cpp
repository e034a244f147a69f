#include "harness/emulator/sector/edc.hpp"

#include <array>
#include <cstddef>

namespace cdcts::emulator::sector {
namespace {

// The polynomial with x^0 in bit 31 and x^31 in bit 0, because the CRC consumes bits LSB first (§14.3).
constexpr std::uint32_t kReflectedPolynomial = 0xD8018001u;

using EdcTables = std::array<std::array<std::uint32_t, 256>, 8>;

// Slicing-by-8: table[k][b] is the CRC of byte b followed by k zero bytes, so eight bytes fold in one step.
constexpr EdcTables makeTables()
{
    EdcTables tables{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1u) != 0 ? kReflectedPolynomial : 0u);
        tables[0][b] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t b = 0; b < 256; ++b)
            tables[k][b] = (tables[k - 1][b] >> 8) ^ tables[0][tables[k - 1][b] & 0xFFu];
    return tables;
}

constexpr EdcTables kTables = makeTables();

}  // namespace

std::uint32_t edcUpdate(std::uint32_t edc, std::span<const std::uint8_t> data)
{
    const std::uint8_t* p = data.data();
    std::size_t n = data.size();
    while (n >= 8) {
        const std::uint32_t lo = edc ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                                        std::uint32_t{p[3]} << 24);
        edc = kTables[7][lo & 0xFFu] ^ kTables[6][(lo >> 8) & 0xFFu] ^ kTables[5][(lo >> 16) & 0xFFu] ^
              kTables[4][lo >> 24] ^ kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]] ^ kTables[0][p[7]];
        p += 8;
        n -= 8;
    }
    for (; n > 0; --n, ++p) edc = (edc >> 8) ^ kTables[0][(edc ^ *p) & 0xFFu];
    return edc;
}

}  // namespace cdcts::emulator::sector
