#pragma once
// What the reference-disc suite (reference_disc_suite.cpp) reads from a drive: the TOC as a list of entries,
// CD-TEXT packs as strings, and runs of sectors read with RAW_READ or ReadFile in pieces the transport takes.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fixtures/reference_disc.hpp"
#include "harness/device/device.hpp"
#include "suites/raw_read_support.hpp"

namespace cdcts::suites::refdisc {

// Bytes per RAW_READ or ReadFile into a page-aligned buffer: the driver's page-aligned limit (§0.2), or
// 64 KiB, which every transport takes, when the adapter is not known.
inline std::size_t transferLimit(const Device& device)
{
    return device.adapter() ? device.adapter()->maxPageAlignedTransferBytes() : std::size_t{65536};
}

// One entry of a READ_TOC / READ_TOC_EX format TOC reply.
struct TocEntry {
    std::uint8_t track = 0;  // AAh: the lead-out
    std::uint8_t adr = 0;
    std::uint8_t control = 0;
    std::int32_t lba = 0;
};

struct Toc {
    std::uint8_t firstTrack = 0, lastTrack = 0;
    std::size_t lengthField = 0;
    std::vector<TocEntry> entries;  // the lead-out last
};

// A format-TOC reply (4-byte header, 8-byte descriptors) with MSF (`msf`) or LBA addresses.
inline Toc parseToc(std::span<const std::uint8_t> reply, bool msf)
{
    Toc toc;
    if (reply.size() < 4) return toc;
    toc.lengthField = loadBe16(reply.data());
    toc.firstTrack = reply[2];
    toc.lastTrack = reply[3];
    for (std::size_t at = 4; at + 8 <= reply.size(); at += 8) {
        const std::uint8_t* d = reply.data() + at;
        const std::int32_t lba = msf ? mmc::msfToLba(mmc::Msf{d[5], d[6], d[7]}) : static_cast<std::int32_t>(loadBe32(d + 4));
        toc.entries.push_back(TocEntry{d[2], static_cast<std::uint8_t>(d[1] >> 4), static_cast<std::uint8_t>(d[1] & 0x0F), lba});
    }
    return toc;
}

// The disc's text by pack type (80h title, 81h performer, 82h songwriter), from block 0 (the first language):
// each type's text runs on from pack to pack as NUL-terminated strings, the first for the pack's track number
// (0 is the disc) and each next one for the next track (MMC-6 Annex J; a TAB string repeats the one before).
inline std::map<std::uint8_t, fixtures::ReferenceCdText> decodeCdText(std::span<const std::uint8_t> packs)
{
    std::map<std::uint8_t, fixtures::ReferenceCdText> out;
    std::map<std::uint8_t, std::pair<std::uint8_t, std::string>> pending;  // type -> (track, text so far)
    std::map<std::uint8_t, std::string> previous;
    for (std::size_t at = 0; at + 18 <= packs.size(); at += 18) {
        const std::uint8_t* p = packs.data() + at;
        const std::uint8_t type = p[0];
        if (type < 0x80 || type > 0x82 || ((p[3] >> 4) & 0x07) != 0 || (p[3] & 0x80) != 0) continue;
        auto it = pending.find(type);
        if (it == pending.end()) it = pending.emplace(type, std::make_pair(static_cast<std::uint8_t>(p[1] & 0x7F), std::string())).first;
        for (std::size_t i = 4; i < 16; ++i) {
            if (p[i] != 0) {
                it->second.second += static_cast<char>(p[i]);
                continue;
            }
            std::string text = it->second.second == "\t" ? previous[type] : it->second.second;
            fixtures::ReferenceCdText& strings = out[it->second.first];
            (type == 0x80 ? strings.title : type == 0x81 ? strings.performer : strings.songwriter) = text;
            previous[type] = text;
            it->second.second.clear();
            ++it->second.first;
        }
    }
    return out;
}

// Sectors [first, first + count) read with RAW_READ in `mode` (2352 bytes of main channel kept per sector, the
// C2 and sub-channel bytes dropped), in pieces the transport takes. Sectors before LBA 0 or at and past
// `leadOut` cannot be read and come back as silence. nullopt (and a test failure) when a read fails.
inline std::optional<std::vector<std::uint8_t>> readAudio(Device& device, DeviceHandle& handle, std::int64_t first, std::int64_t count,
                                                          std::int32_t leadOut)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(count) * ioctl::RAW_SECTOR_SIZE, 0);
    const auto perRead = static_cast<std::int64_t>(transferLimit(device) / ioctl::RAW_SECTOR_SIZE);
    const std::int64_t from = std::max<std::int64_t>(first, 0);
    const std::int64_t to = std::min<std::int64_t>(first + count, leadOut);
    for (std::int64_t lba = from; lba < to; lba += perRead) {
        const auto n = static_cast<std::uint32_t>(std::min(perRead, to - lba));
        reads::PageBuffer buffer(std::size_t{n} * ioctl::RAW_SECTOR_SIZE);
        const ControlResult r = handle.control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(static_cast<std::int32_t>(lba)), n, ioctl::CDDA),
                                               buffer.span());
        if (!r.status.isSuccess() || r.information != buffer.size()) {
            ADD_FAILURE() << "RAW_READ CDDA of " << n << " sectors at LBA " << lba << ": " << r.status << ", Information "
                          << r.information;
            return std::nullopt;
        }
        std::copy(buffer.span().begin(), buffer.span().end(), out.begin() + (lba - first) * static_cast<std::int64_t>(ioctl::RAW_SECTOR_SIZE));
    }
    return out;
}

}  // namespace cdcts::suites::refdisc
