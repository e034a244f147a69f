#pragma once
// Independent re-derivations used as oracles by the sector tests: written from the standards' definitions, bit by
// bit and without tables, and sharing no code with harness/emulator/sector.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

namespace cdcts::emulator::sector::oracle {

// EDC (ECMA-130 §14.3) by long division one bit at a time, least significant bit of each byte first. The
// reflected divisor is derived here from the list of the polynomial's exponents, not written as a constant.
inline std::uint32_t edcBitwise(std::span<const std::uint8_t> data)
{
    std::uint32_t divisor = 0;
    for (int exponent : {32, 31, 16, 15, 4, 3, 1, 0})
        if (exponent < 32) divisor |= 1u << (31 - exponent);
    std::uint32_t remainder = 0;
    for (std::uint8_t byte : data) {
        for (int bit = 0; bit < 8; ++bit) {
            const bool in = ((unsigned{byte} >> bit) & 1u) != 0;
            const bool out = (remainder & 1u) != 0;
            remainder >>= 1;
            if (in != out) remainder ^= divisor;
        }
    }
    return remainder;
}

// GF(2^8) with x^8 + x^4 + x^3 + x^2 + 1 (ECMA-130 Annex A), multiplication by shift-and-add.
inline std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b)
{
    unsigned product = 0;
    unsigned x = a;
    for (unsigned y = b; y != 0; y >>= 1) {
        if ((y & 1u) != 0) product ^= x;
        x <<= 1;
        if ((x & 0x100u) != 0) x ^= 0x11Du;
    }
    return static_cast<std::uint8_t>(product);
}

inline std::uint8_t gfAlphaPower(unsigned n)
{
    std::uint8_t r = 1;
    for (unsigned i = 0; i < n; ++i) r = gfMultiply(r, 2);
    return r;
}

// Syndromes (s0, s1) of one codeword v_0..v_(n-1) against the check matrix rows (1 ... 1) and
// (alpha^(n-1) ... alpha^0), evaluated term by term.
template <std::size_t N>
inline std::array<std::uint8_t, 2> syndromes(const std::array<std::uint8_t, N>& v)
{
    std::uint8_t s0 = 0;
    std::uint8_t s1 = 0;
    for (std::size_t k = 0; k < N; ++k) {
        s0 ^= v[k];
        s1 ^= gfMultiply(gfAlphaPower(static_cast<unsigned>(N - 1 - k)), v[k]);
    }
    return {s0, s1};
}

// Counts the P and Q codewords of a 2352-byte sector whose syndromes are not zero. Annex A: the bytes from 12 on
// are 1170 16-bit words, each byte plane coded on its own; P vector Np (0..42) takes words 43*Mp + Np (Mp 0..25),
// Q vector Nq (0..25) takes words (44*Mq + 43*Nq) mod 1118 (Mq 0..42) and then words 1118 + Nq and 1144 + Nq.
inline int failingCodewords(std::span<const std::uint8_t> sector, bool zeroHeader)
{
    const auto byteAt = [&](std::size_t word, std::size_t plane) -> std::uint8_t {
        const std::size_t at = 12 + 2 * word + plane;
        return zeroHeader && at < 16 ? 0 : sector[at];
    };
    int failing = 0;
    for (std::size_t plane = 0; plane < 2; ++plane) {
        for (std::size_t np = 0; np < 43; ++np) {
            std::array<std::uint8_t, 26> v{};
            for (std::size_t mp = 0; mp < 26; ++mp) v[mp] = byteAt(43 * mp + np, plane);
            const auto s = syndromes(v);
            if (s[0] != 0 || s[1] != 0) ++failing;
        }
        for (std::size_t nq = 0; nq < 26; ++nq) {
            std::array<std::uint8_t, 45> v{};
            for (std::size_t mq = 0; mq < 43; ++mq) v[mq] = byteAt((44 * mq + 43 * nq) % 1118, plane);
            v[43] = byteAt(1118 + nq, plane);
            v[44] = byteAt(1144 + nq, plane);
            const auto s = syndromes(v);
            if (s[0] != 0 || s[1] != 0) ++failing;
        }
    }
    return failing;
}

// CRC-16 of the Q channel (ECMA-130 §22.3.6): divisor x^16 + x^12 + x^5 + 1, most significant bit first.
inline std::uint16_t qCrcBitwise(std::span<const std::uint8_t> data)
{
    unsigned remainder = 0;
    for (std::uint8_t byte : data) {
        for (int bit = 7; bit >= 0; --bit) {
            const unsigned in = (unsigned{byte} >> bit) & 1u;
            const unsigned out = (remainder >> 15) & 1u;
            remainder = (remainder << 1) & 0xFFFFu;
            if ((in ^ out) != 0) remainder ^= (1u << 12) | (1u << 5) | 1u;
        }
    }
    return static_cast<std::uint16_t>(remainder);
}

}  // namespace cdcts::emulator::sector::oracle
