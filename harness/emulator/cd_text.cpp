#include "harness/emulator/cd_text.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace cdcts::emulator {
namespace {

constexpr std::size_t kPackSize = 18;
constexpr std::size_t kTextBytes = 12;
constexpr std::size_t kMaxPacks = 256;  // the sequence number is one byte
constexpr std::uint8_t kCharacterCodeIso8859_1 = 0x00;
constexpr std::uint8_t kLanguageEnglish = 0x09;  // EBU Tech 3258 language code, as CD-TEXT uses

void sealPack(Disc::CdTextPack& pack)
{
    const std::uint16_t crc = cdTextCrc(std::span<const std::uint8_t, 16>(pack.data(), 16));
    pack[16] = static_cast<std::uint8_t>(crc >> 8);
    pack[17] = static_cast<std::uint8_t>(crc);
}

// The packs of one text type: every string (disc, then tracks) with its NUL, cut into 12-byte pieces.
void appendTextPacks(std::uint8_t type, const std::vector<std::string>& strings, std::uint8_t firstTrack,
                     std::vector<Disc::CdTextPack>& packs)
{
    struct Char {
        std::uint8_t byte;
        std::uint8_t track;
        std::size_t position;  // index of the character within its string
    };
    std::vector<Char> stream;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const auto track = static_cast<std::uint8_t>(i == 0 ? 0 : firstTrack + i - 1);
        if (strings[i].find('\0') != std::string::npos) throw std::invalid_argument("CD-TEXT string holds a NUL");
        for (std::size_t c = 0; c < strings[i].size(); ++c) stream.push_back({static_cast<std::uint8_t>(strings[i][c]), track, c});
        stream.push_back({0, track, strings[i].size()});
    }
    for (std::size_t at = 0; at < stream.size(); at += kTextBytes) {
        if (packs.size() >= kMaxPacks) throw std::invalid_argument("CD-TEXT needs more than 256 packs");
        Disc::CdTextPack pack{};
        pack[0] = type;
        pack[1] = stream[at].track;
        pack[2] = static_cast<std::uint8_t>(packs.size());
        pack[3] = static_cast<std::uint8_t>(std::min<std::size_t>(stream[at].position, 15));  // block 0, single-byte
        for (std::size_t k = 0; k < kTextBytes && at + k < stream.size(); ++k) pack[4 + k] = stream[at + k].byte;
        sealPack(pack);
        packs.push_back(pack);
    }
}

}  // namespace

std::uint16_t cdTextCrc(std::span<const std::uint8_t, 16> pack)
{
    unsigned crc = 0;
    for (std::uint8_t byte : pack) {
        crc ^= unsigned{byte} << 8;
        for (int bit = 0; bit < 8; ++bit) crc = ((crc & 0x8000u) != 0 ? (crc << 1) ^ 0x1021u : crc << 1) & 0xFFFFu;
    }
    return static_cast<std::uint16_t>(~crc & 0xFFFFu);
}

bool isCdTextCrcValid(const Disc::CdTextPack& pack)
{
    const std::uint16_t crc = cdTextCrc(std::span<const std::uint8_t, 16>(pack.data(), 16));
    return pack[16] == static_cast<std::uint8_t>(crc >> 8) && pack[17] == static_cast<std::uint8_t>(crc);
}

std::vector<Disc::CdTextPack> buildCdTextPacks(const CdTextStrings& disc, std::span<const CdTextStrings> tracks, std::uint8_t firstTrack)
{
    struct TypeRow {
        std::uint8_t type;
        std::string CdTextStrings::*field;
    };
    constexpr std::array<TypeRow, 3> kTypes{{{cd_text_pack::Title, &CdTextStrings::title},
                                             {cd_text_pack::Performer, &CdTextStrings::performer},
                                             {cd_text_pack::Songwriter, &CdTextStrings::songwriter}}};
    if (tracks.empty()) throw std::invalid_argument("CD-TEXT for a disc without tracks");
    std::vector<Disc::CdTextPack> packs;
    std::array<std::uint8_t, 16> packCounts{};  // per type 0x80..0x8F, for the size information
    for (const TypeRow& row : kTypes) {
        std::vector<std::string> strings{disc.*row.field};
        for (const CdTextStrings& t : tracks) strings.push_back(t.*row.field);
        if (std::all_of(strings.begin(), strings.end(), [](const std::string& s) { return s.empty(); })) continue;
        const std::size_t before = packs.size();
        appendTextPacks(row.type, strings, firstTrack, packs);
        packCounts[row.type - 0x80u] = static_cast<std::uint8_t>(packs.size() - before);
    }
    if (packs.empty()) return packs;
    if (packs.size() + 3 > kMaxPacks) throw std::invalid_argument("CD-TEXT needs more than 256 packs");

    // Size information (type 0x8F, three packs numbered 0, 1, 2 in the track byte): character code, first and
    // last track, copyright flags, pack counts per type, last sequence number per block, language per block.
    packCounts[cd_text_pack::SizeInfo - 0x80u] = 3;
    std::array<std::uint8_t, 36> info{};
    info[0] = kCharacterCodeIso8859_1;
    info[1] = firstTrack;
    info[2] = static_cast<std::uint8_t>(firstTrack + tracks.size() - 1);
    info[3] = 0;  // no copy protection of the texts
    std::copy(packCounts.begin(), packCounts.end(), info.begin() + 4);
    info[20] = static_cast<std::uint8_t>(packs.size() + 3 - 1);
    info[28] = kLanguageEnglish;
    for (std::uint8_t i = 0; i < 3; ++i) {
        Disc::CdTextPack pack{};
        pack[0] = cd_text_pack::SizeInfo;
        pack[1] = i;
        pack[2] = static_cast<std::uint8_t>(packs.size());
        pack[3] = 0;
        std::copy_n(info.begin() + i * kTextBytes, kTextBytes, pack.begin() + 4);
        sealPack(pack);
        packs.push_back(pack);
    }
    return packs;
}

DecodedCdText decodeCdTextPacks(std::span<const Disc::CdTextPack> packs)
{
    DecodedCdText out;
    std::uint8_t last = 0;
    bool sized = false;
    std::vector<std::uint8_t> info;
    for (const auto& p : packs)
        if (p[0] == cd_text_pack::SizeInfo && (p[3] & 0x70) == 0) info.insert(info.end(), p.begin() + 4, p.begin() + 16);
    if (info.size() >= 3) {
        out.firstTrack = info[1];
        last = info[2];
        sized = true;
    }
    // Text bytes of each type in recorded order; a string belongs to the track the previous one's NUL moves to.
    std::array<std::vector<std::string>, 3> byType;
    for (std::size_t type = 0; type < byType.size(); ++type) {
        std::string current;
        bool started = false;
        for (const auto& p : packs) {
            if (p[0] != 0x80 + type || (p[3] & 0x70) != 0) continue;
            if (!started) {
                started = true;
                if (p[1] != 0) byType[type].resize(p[1] >= out.firstTrack ? p[1] - out.firstTrack + 1u : 0u);
            }
            for (std::size_t k = 4; k < 16; ++k) {
                if (p[k] == 0) {
                    byType[type].push_back(current);
                    current.clear();
                } else {
                    current.push_back(static_cast<char>(p[k]));
                }
            }
        }
        if (!sized && !byType[type].empty()) last = std::max<std::uint8_t>(last, static_cast<std::uint8_t>(out.firstTrack + byType[type].size() - 2));
    }
    const std::size_t count = last >= out.firstTrack ? last - out.firstTrack + 2u : 1u;
    out.strings.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i < byType[0].size()) out.strings[i].title = byType[0][i];
        if (i < byType[1].size()) out.strings[i].performer = byType[1][i];
        if (i < byType[2].size()) out.strings[i].songwriter = byType[2][i];
    }
    return out;
}

std::vector<Disc::CdTextPack> parseCdTextBinary(std::span<const std::uint8_t> bytes, const std::string& name)
{
    // Bare packs; or a READ TOC format 5 dump's 4-byte header (data length, 2 reserved bytes) first, its length
    // field not always filled in by the tools that write it, so not checked; or that and one trailing NUL.
    const auto wholePacks = [&](std::size_t header, std::size_t trailer) {
        return bytes.size() >= header + trailer && (bytes.size() - header - trailer) % kPackSize == 0 &&
               (trailer == 0 || bytes.back() == 0);
    };
    std::span<const std::uint8_t> body;
    if (wholePacks(0, 0)) body = bytes;
    else if (wholePacks(4, 0)) body = bytes.subspan(4);
    else if (wholePacks(4, 1)) body = bytes.subspan(4, bytes.size() - 5);
    else
        throw std::runtime_error(name + ": " + std::to_string(bytes.size()) +
                                 " bytes is not a whole number of 18-byte CD-TEXT packs (with or without a 4-byte header)");
    if (body.empty()) throw std::runtime_error(name + ": holds no CD-TEXT packs");
    std::vector<Disc::CdTextPack> packs(body.size() / kPackSize);
    for (std::size_t i = 0; i < packs.size(); ++i) {
        std::copy_n(body.begin() + static_cast<std::ptrdiff_t>(i * kPackSize), kPackSize, packs[i].begin());
        const std::uint64_t at = static_cast<std::uint64_t>(body.data() - bytes.data()) + i * kPackSize;
        const std::string where = name + ": pack " + std::to_string(i) + " (byte " + std::to_string(at) + "): ";
        if (packs[i][0] < 0x80 || packs[i][0] > 0x8F) {
            constexpr char kHex[] = "0123456789ABCDEF";
            throw std::runtime_error(where + "type 0x" + kHex[packs[i][0] >> 4] + kHex[packs[i][0] & 0xF] +
                                     " is not a CD-TEXT pack type (0x80..0x8F)");
        }
        if (!isCdTextCrcValid(packs[i])) throw std::runtime_error(where + "CRC does not match its contents");
    }
    return packs;
}

std::vector<Disc::CdTextPack> loadCdTextFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw std::runtime_error(file.string() + ": cannot read");
    return parseCdTextBinary(bytes, file.string());
}

}  // namespace cdcts::emulator
