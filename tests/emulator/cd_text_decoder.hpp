#pragma once
// An independent CD-TEXT reader for the tests, written from MMC-6 Annex J / the Red Book's CD-TEXT format and
// sharing no code with harness/emulator/cd_text: it checks every pack's CRC bit by bit, the sequence numbers,
// the track number and character position of each pack against the text stream, and the size-information
// block, and returns the strings per pack type and track (index 0 = the disc).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sector/oracles.hpp"

namespace cdcts::emulator::testing_support {

struct DecodedCdText {
    std::map<std::uint8_t, std::vector<std::string>> strings;  // pack type -> [disc, first track, ...]
    std::uint8_t firstTrack = 0;
    std::uint8_t lastTrack = 0;
    std::uint8_t language = 0;
};

inline DecodedCdText decodeCdText(const std::vector<std::array<std::uint8_t, 18>>& packs)
{
    DecodedCdText out;
    std::map<std::uint8_t, std::vector<std::array<std::uint8_t, 18>>> byType;
    for (std::size_t i = 0; i < packs.size(); ++i) {
        const auto& p = packs[i];
        const std::uint16_t crc = static_cast<std::uint16_t>(~sector::oracle::qCrcBitwise(std::span<const std::uint8_t>(p.data(), 16)));
        EXPECT_EQ((unsigned{p[16]} << 8) | p[17], crc) << "pack " << i << " CRC";
        EXPECT_EQ(p[2], i) << "pack " << i << " sequence number";
        EXPECT_EQ(p[3] & 0x70, 0) << "pack " << i << " block 0";
        EXPECT_GE(p[0], 0x80);
        byType[p[0]].push_back(p);
    }
    std::array<unsigned, 16> counts{};
    for (const auto& [type, list] : byType) counts[type - 0x80u] = static_cast<unsigned>(list.size());
    // Size information: 36 bytes over three packs.
    const auto& info = byType[0x8F];
    EXPECT_EQ(info.size(), 3u) << "three size-information packs";
    std::vector<std::uint8_t> block;
    for (const auto& p : info) block.insert(block.end(), p.begin() + 4, p.begin() + 16);
    if (block.size() == 36) {
        out.firstTrack = block[1];
        out.lastTrack = block[2];
        for (unsigned t = 0; t < 16; ++t) EXPECT_EQ(block[4 + t], counts[t]) << "pack count of type 0x" << std::hex << (0x80 + t);
        EXPECT_EQ(block[20], packs.size() - 1) << "last sequence number of block 0";
        out.language = block[28];
    }
    for (const auto& [type, list] : byType) {
        if (type == 0x8F) continue;
        std::vector<std::uint8_t> text;
        for (const auto& p : list) text.insert(text.end(), p.begin() + 4, p.begin() + 16);
        // Strings in track order from the track the first pack names; then check each pack's header against
        // where its first byte falls in that sequence.
        std::vector<std::string> strings;
        std::vector<std::pair<std::size_t, std::size_t>> owner;  // per byte: string index, position in it
        std::string current;
        for (std::uint8_t b : text) {
            owner.emplace_back(strings.size(), current.size());
            if (b == 0) {
                strings.push_back(current);
                current.clear();
            } else {
                current.push_back(static_cast<char>(b));
            }
        }
        EXPECT_EQ(list.front()[1], 0) << "the disc's string comes first";
        for (std::size_t k = 0; k < list.size(); ++k) {
            const auto [string, position] = owner[k * 12];
            if (string >= strings.size()) continue;  // padding after the last string
            const std::size_t track = string == 0 ? 0 : out.firstTrack + string - 1;
            EXPECT_EQ(list[k][1], track) << "type 0x" << std::hex << unsigned{type} << " pack " << std::dec << k << " track";
            EXPECT_EQ(list[k][3] & 0x0F, std::min<std::size_t>(position, 15)) << "type 0x" << std::hex << unsigned{type} << " pack " << k;
        }
        const std::size_t expected = out.lastTrack >= out.firstTrack ? out.lastTrack - out.firstTrack + 2u : strings.size();
        if (strings.size() > expected) strings.resize(expected);
        out.strings[type] = strings;
    }
    return out;
}

}  // namespace cdcts::emulator::testing_support
