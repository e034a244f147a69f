#include "harness/emulator/sector/ecc.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace cdcts::emulator::sector {
namespace {

// Annex A: both codes are C(n, n-2) with check matrix rows (1, 1, ..., 1) and (alpha^(n-1), ..., alpha, 1), so for
// data d_0..d_(k-1) the two parity symbols solve  p0 + p1 = A  and  alpha*p0 + p1 = B, where A = sum d_i and
// B = sum alpha^(n-1-i) d_i; hence p0 = (A + B) / (alpha + 1) and p1 = A + p0.
struct GfTables {
    std::array<std::uint8_t, 256> timesAlpha{};
    std::array<std::uint8_t, 256> overAlphaPlusOne{};
};

constexpr std::uint8_t multiplyByAlpha(std::uint8_t v)
{
    // x^8 = x^4 + x^3 + x^2 + 1 (0x1D) in this field.
    return static_cast<std::uint8_t>((v << 1) ^ ((v & 0x80) != 0 ? 0x1D : 0x00));
}

constexpr GfTables makeTables()
{
    GfTables t{};
    for (unsigned v = 0; v < 256; ++v) {
        const auto b = static_cast<std::uint8_t>(v);
        t.timesAlpha[v] = multiplyByAlpha(b);
        // (alpha + 1) * v = alpha*v ^ v; that map is a bijection, so invert it by filling the table from products.
        t.overAlphaPlusOne[static_cast<std::uint8_t>(multiplyByAlpha(b) ^ b)] = b;
    }
    return t;
}

constexpr GfTables kGf = makeTables();

constexpr std::size_t kPlaneBytes = 2340;  // bytes 12..2351
constexpr std::size_t kPColumns = 86;
constexpr std::size_t kPRows = 24;
constexpr std::size_t kQDiagonals = 52;
constexpr std::size_t kQLength = 43;
constexpr std::size_t kQWordsModulus = 1118;  // the 26 x 43 words of data and P parity

// `block` points at sector offset 12.
void writeP(std::uint8_t* block)
{
    // Row by row so the 86 running sums stay in order in memory; Horner's rule builds B as alpha^2 * h.
    std::array<std::uint8_t, kPColumns> sum{};
    std::array<std::uint8_t, kPColumns> h{};
    for (std::size_t row = 0; row < kPRows; ++row) {
        const std::uint8_t* line = block + row * kPColumns;
        for (std::size_t c = 0; c < kPColumns; ++c) {
            sum[c] ^= line[c];
            h[c] = static_cast<std::uint8_t>(kGf.timesAlpha[h[c]] ^ line[c]);
        }
    }
    std::uint8_t* parity = block + kPRows * kPColumns;
    for (std::size_t c = 0; c < kPColumns; ++c) {
        const std::uint8_t b = kGf.timesAlpha[kGf.timesAlpha[h[c]]];
        const std::uint8_t p0 = kGf.overAlphaPlusOne[static_cast<std::uint8_t>(sum[c] ^ b)];
        parity[c] = p0;
        parity[kPColumns + c] = static_cast<std::uint8_t>(sum[c] ^ p0);
    }
}

void writeQ(std::uint8_t* block)
{
    std::uint8_t* parity = block + kQWordsModulus * 2;
    for (std::size_t d = 0; d < kQDiagonals; ++d) {
        const std::size_t plane = d & 1u;
        std::size_t word = 43 * (d >> 1);  // Annex A: element m of diagonal n is word (44m + 43n) mod 1118
        std::uint8_t sum = 0;
        std::uint8_t h = 0;
        for (std::size_t m = 0; m < kQLength; ++m) {
            const std::uint8_t v = block[2 * word + plane];
            sum ^= v;
            h = static_cast<std::uint8_t>(kGf.timesAlpha[h] ^ v);
            word += 44;
            if (word >= kQWordsModulus) word -= kQWordsModulus;
        }
        const std::uint8_t b = kGf.timesAlpha[kGf.timesAlpha[h]];
        const std::uint8_t p0 = kGf.overAlphaPlusOne[static_cast<std::uint8_t>(sum ^ b)];
        parity[d] = p0;
        parity[kQDiagonals + d] = static_cast<std::uint8_t>(sum ^ p0);
    }
}

void writeBlock(std::uint8_t* block)
{
    writeP(block);
    writeQ(block);  // Q covers the P parity, so it comes second
}

}  // namespace

void writeEcc(RawSector sector, EccHeader header)
{
    std::uint8_t* block = sector.data() + offset::Header;
    if (header == EccHeader::AsRecorded) {
        writeBlock(block);
        return;
    }
    std::array<std::uint8_t, 4> saved{};
    std::memcpy(saved.data(), block, saved.size());
    std::memset(block, 0, saved.size());
    writeBlock(block);
    std::memcpy(block, saved.data(), saved.size());
}

bool isEccValid(ConstRawSector sector, EccHeader header)
{
    std::array<std::uint8_t, kPlaneBytes> copy{};
    std::memcpy(copy.data(), sector.data() + offset::Header, kPlaneBytes);
    if (header == EccHeader::Zeroed) std::fill_n(copy.begin(), 4, std::uint8_t{0});
    writeBlock(copy.data());
    return std::equal(copy.begin() + (offset::EccP - offset::Header), copy.end(), sector.begin() + offset::EccP);
}

}  // namespace cdcts::emulator::sector
