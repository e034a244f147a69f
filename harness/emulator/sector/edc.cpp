#include "harness/emulator/sector/edc.hpp"

#include <array>
#include <cstddef>

namespace cdcts::emulator::sector {
namespace {

// The polynomial with x^0 in bit 31 and x^31 in bit 0, because the CRC consumes bits LSB first (§14.3).
constexpr std::uint32_t kReflectedPolynomial = 0xD8018001u;

using EdcTables = std::array<std::array<std::uint32_t, 256>, 16>;

// Slicing-by-16: table[k][b] is the CRC of byte b followed by k zero bytes, so sixteen bytes fold in one step
// (the 2064-byte EDC of every synthesised sector is on READ CD's hot path).
constexpr EdcTables makeTables()
{
    EdcTables tables{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1u) != 0 ? kReflectedPolynomial : 0u);
        tables[0][b] = crc;
    }
    for (std::size_t k = 1; k < 16; ++k)
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
    const auto t = [](std::size_t k, std::uint32_t b) { return kTables[k][b & 0xFFu]; };
    while (n >= 16) {
        const std::uint32_t lo = edc ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                                        std::uint32_t{p[3]} << 24);
        edc = t(15, lo) ^ t(14, lo >> 8) ^ t(13, lo >> 16) ^ t(12, lo >> 24) ^ t(11, p[4]) ^ t(10, p[5]) ^ t(9, p[6]) ^
              t(8, p[7]) ^ t(7, p[8]) ^ t(6, p[9]) ^ t(5, p[10]) ^ t(4, p[11]) ^ t(3, p[12]) ^ t(2, p[13]) ^
              t(1, p[14]) ^ t(0, p[15]);
        p += 16;
        n -= 16;
    }
    for (; n > 0; --n, ++p) edc = (edc >> 8) ^ kTables[0][(edc ^ *p) & 0xFFu];
    return edc;
}

}  // namespace cdcts::emulator::sector
