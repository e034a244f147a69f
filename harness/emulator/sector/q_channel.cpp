#include "harness/emulator/sector/q_channel.hpp"

#include <cstdlib>
#include <stdexcept>

#include "harness/core/bytes.hpp"
#include "harness/emulator/sector/bcd.hpp"

namespace cdcts::emulator::sector {
namespace {

constexpr std::array<std::uint16_t, 256> makeCrcTable()
{
    std::array<std::uint16_t, 256> table{};
    for (unsigned b = 0; b < 256; ++b) {
        unsigned crc = b << 8;
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 0x8000u) != 0 ? (crc << 1) ^ 0x1021u : crc << 1;
        table[b] = static_cast<std::uint16_t>(crc);
    }
    return table;
}

constexpr std::array<std::uint16_t, 256> kCrcTable = makeCrcTable();

void seal(QChannel& q, std::uint8_t control, std::uint8_t adr)
{
    q[0] = static_cast<std::uint8_t>((control & 0x0F) << 4 | adr);
    storeBe16(q.data() + 10, static_cast<std::uint16_t>(~qCrc(std::span<const std::uint8_t, 10>(q.data(), 10))));
}

std::uint8_t absoluteFrameBcd(std::int32_t lba) { return lbaToBcdMsf(lba).frame; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::uint16_t qCrc(std::span<const std::uint8_t, 10> data)
{
    unsigned crc = 0;
    for (std::uint8_t b : data) crc = ((crc << 8) ^ kCrcTable[((crc >> 8) ^ b) & 0xFFu]) & 0xFFFFu;
    return static_cast<std::uint16_t>(crc);
}

bool isQCrcValid(const QChannel& q)
{
    return static_cast<std::uint16_t>(~qCrc(std::span<const std::uint8_t, 10>(q.data(), 10))) == loadBe16(q.data() + 10);
}

QChannel positionQ(const QPosition& p)
{
    QChannel q{};
    q[1] = p.track == kLeadOutTrack ? kLeadOutTrack : toBcd(p.track);
    q[2] = toBcd(p.index);
    const std::int32_t relative = p.lba >= p.trackStartLba ? p.lba - p.trackStartLba : p.trackStartLba - p.lba - 1;
    const BcdMsf rel = framesToBcdMsf(relative);
    const BcdMsf abs = lbaToBcdMsf(p.lba);
    q[3] = rel.minute;
    q[4] = rel.second;
    q[5] = rel.frame;
    q[6] = 0;
    q[7] = abs.minute;
    q[8] = abs.second;
    q[9] = abs.frame;
    seal(q, p.control, 1);
    return q;
}

QChannel mcnQ(std::uint8_t control, std::string_view mcn, std::int32_t lba)
{
    if (mcn.size() != 13) throw std::invalid_argument("an MCN has 13 digits");
    for (char c : mcn)
        if (!isDigit(c)) throw std::invalid_argument("an MCN has only decimal digits");
    QChannel q{};
    for (std::size_t i = 0; i < 13; ++i) {
        const auto digit = static_cast<std::uint8_t>(mcn[i] - '0');
        q[1 + i / 2] |= static_cast<std::uint8_t>(i % 2 == 0 ? digit << 4 : digit);
    }
    q[9] = absoluteFrameBcd(lba);
    seal(q, control, 2);
    return q;
}

QChannel isrcQ(std::uint8_t control, std::string_view isrc, std::int32_t lba)
{
    if (isrc.size() != 12) throw std::invalid_argument("an ISRC has 12 characters");
    // 72 data bits built MSB first into a 64-bit accumulator plus the AFRAME byte.
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        const char c = isrc[i];
        unsigned code = 0;
        if (isDigit(c))
            code = static_cast<unsigned>(c - '0');
        else if (c >= 'A' && c <= 'Z')
            code = static_cast<unsigned>(c - 'A') + 0x11u;
        else
            throw std::invalid_argument("ISRC country and owner codes are 0-9 or A-Z");
        bits = bits << 6 | code;
    }
    bits <<= 2;
    for (std::size_t i = 5; i < 12; ++i) {
        if (!isDigit(isrc[i])) throw std::invalid_argument("ISRC year and serial are decimal digits");
        bits = bits << 4 | static_cast<unsigned>(isrc[i] - '0');
    }
    bits <<= 4;  // 30 + 2 + 28 + 4 = 64 bits
    QChannel q{};
    for (std::size_t i = 0; i < 8; ++i) q[1 + i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
    q[9] = absoluteFrameBcd(lba);
    seal(q, control, 3);
    return q;
}

}  // namespace cdcts::emulator::sector
