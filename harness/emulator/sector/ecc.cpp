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

// Multiplies each of the 8 bytes packed in `x` by alpha at once: shift left, and reduce the bytes whose top bit fell
// out by x^8 = 0x1D. Eight columns (or diagonals) per instruction instead of one table lookup each.
constexpr std::uint64_t timesAlpha8(std::uint64_t x)
{
    const std::uint64_t high = x & 0x8080808080808080ull;
    return ((x & 0x7F7F7F7F7F7F7F7Full) << 1) ^ ((high >> 7) * 0x1D);
}
static_assert(timesAlpha8(0x0180000000000080ull) == 0x021D00000000001Dull);

// Finishes codewords from their running sums A and Horner values h (B = alpha^2 * h, see above): p0 into
// `parity[i]`, p1 into `parity[count + i]`.
void writeParity(const std::uint8_t* sum, const std::uint8_t* h, std::size_t count, std::uint8_t* parity)
{
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t b = kGf.timesAlpha[kGf.timesAlpha[h[i]]];
        const std::uint8_t p0 = kGf.overAlphaPlusOne[static_cast<std::uint8_t>(sum[i] ^ b)];
        parity[i] = p0;
        parity[count + i] = static_cast<std::uint8_t>(sum[i] ^ p0);
    }
}

constexpr std::size_t kLanes = 11;  // 88 bytes of 8-byte lanes cover the 86 columns and the 52 diagonals

// `block` points at sector offset 12.
void writeP(std::uint8_t* block)
{
    // Row by row so the 86 running sums stay in order in memory; Horner's rule builds B as alpha^2 * h. A row is
    // loaded 88 bytes wide; the 2 bytes past its end (inside the 2340-byte block) land in lanes never read.
    std::array<std::uint64_t, kLanes> sum{};
    std::array<std::uint64_t, kLanes> h{};
    for (std::size_t row = 0; row < kPRows; ++row) {
        std::array<std::uint64_t, kLanes> line;
        std::memcpy(line.data(), block + row * kPColumns, sizeof line);
        for (std::size_t k = 0; k < kLanes; ++k) {
            sum[k] ^= line[k];
            h[k] = timesAlpha8(h[k]) ^ line[k];
        }
    }
    std::array<std::uint8_t, kLanes * 8> sumBytes;
    std::array<std::uint8_t, kLanes * 8> hBytes;
    std::memcpy(sumBytes.data(), sum.data(), sizeof sum);
    std::memcpy(hBytes.data(), h.data(), sizeof h);
    writeParity(sumBytes.data(), hBytes.data(), kPColumns, block + kPRows * kPColumns);
}

// Element m of diagonal n is word (44m + 43n) mod 1118 (Annex A). With the 1118 words as 26 rows of 43, that is row
// (m + n) mod 26 of column m: diagonal n starts in row n and steps down one row per column. The byte offsets of
// each column's 26 elements, in diagonal order, are computed once.
using QGather = std::array<std::array<std::uint16_t, kQDiagonals / 2>, kQLength>;
constexpr QGather makeQGather()
{
    QGather g{};
    for (std::size_t m = 0; m < kQLength; ++m)
        for (std::size_t n = 0; n < kQDiagonals / 2; ++n)
            g[m][n] = static_cast<std::uint16_t>(2 * ((44 * m + 43 * n) % kQWordsModulus));
    return g;
}
constexpr QGather kQGather = makeQGather();

void writeQ(std::uint8_t* block)
{
    // Both planes of a word share its diagonal. For each m the 26 words (52 bytes, in diagonal order) are gathered
    // and folded into all 52 sums at once.
    std::array<std::uint64_t, kLanes> sum{};
    std::array<std::uint64_t, kLanes> h{};
    for (std::size_t m = 0; m < kQLength; ++m) {
        const auto& offsets = kQGather[m];
        // Lanes are assembled in registers: storing 2-byte pieces and reloading them 8 bytes wide would stall on
        // store forwarding. Lane k holds words 4k..4k+3 (diagonals 8k..8k+7), in the byte order the unpacking below uses.
        for (std::size_t k = 0; k < 7; ++k) {  // 52 bytes fill 7 lanes; the last holds 2 words
            std::uint64_t line = 0;
            for (std::size_t w = 0; w < 4 && 4 * k + w < kQDiagonals / 2; ++w) {
                const std::uint8_t* word = block + offsets[4 * k + w];
                line |= (std::uint64_t{word[0]} | std::uint64_t{word[1]} << 8) << (16 * w);
            }
            sum[k] ^= line;
            h[k] = timesAlpha8(h[k]) ^ line;
        }
    }
    std::array<std::uint8_t, kQDiagonals> sumBytes;
    std::array<std::uint8_t, kQDiagonals> hBytes;
    for (std::size_t d = 0; d < kQDiagonals; ++d) {  // unpack in the order the lanes were packed, on any host
        sumBytes[d] = static_cast<std::uint8_t>(sum[d / 8] >> (8 * (d % 8)));
        hBytes[d] = static_cast<std::uint8_t>(h[d / 8] >> (8 * (d % 8)));
    }
    writeParity(sumBytes.data(), hBytes.data(), kQDiagonals, block + kQWordsModulus * 2);
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
