#include "suites/bench/disc_map.hpp"

#include <algorithm>
#include <chrono>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/cdb.hpp"
#include "suites/raw_read_support.hpp"

namespace cdcts::suites::bench {
namespace {

namespace reads = suites::reads;

// paranoia's default cache model (lib/paranoia/p_block.h CACHEMODEL_SECTORS), perf-anchors.md §1.7.
constexpr std::int32_t kParanoiaCacheSectors = 1200;
constexpr std::int32_t kUnknownBufferSectors = 4 * 1024 * 1024 / 2048;

// The read that returns a track's sectors, as the read suites choose it: audio by CDDA, mode 2 formless by
// YellowMode2, form 2 by XAForm2, interleaved forms by an "any type" mode, everything else (mode 1, form 1, or data
// the probe could not classify) cooked.
std::optional<std::int32_t> rawModeFor(reads::SectorKind kind, const std::optional<reads::RawCapabilities>& caps)
{
    if (reads::cookedReadable(kind)) return std::nullopt;
    return reads::modeFor(kind, caps);
}

}  // namespace

std::optional<DiscMap> readDiscMap(Device& device, DeviceHandle& handle)
{
    const std::optional<reads::Layout> layout = reads::readLayout(handle);
    if (!layout || layout->tracks.empty()) return std::nullopt;
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device);
    DiscMap map;
    map.leadOut = layout->leadOut;
    for (const reads::Track& t : layout->tracks) {
        if (t.length() <= 0) continue;
        const reads::SectorKind kind = reads::probeTrackKind(handle, t, caps);
        if (!reads::cookedReadable(kind) && !reads::modeFor(kind, caps)) {
            map.leftOut.push_back("track " + std::to_string(t.number) + " (" + reads::sectorKindName(kind) + ")");
            continue;
        }
        map.spans.push_back({t.start, t.end, rawModeFor(kind, caps)});
    }
    return map;
}

std::optional<std::string> nothingToRead(const DiscMap& map)
{
    if (!map.spans.empty()) return std::nullopt;
    std::string why = "NotSupported: no track this drive reads in runs of sectors";
    for (std::size_t i = 0; i < map.leftOut.size(); ++i) why += (i == 0 ? ": " : ", ") + map.leftOut[i];
    return why;
}

const ReadSpan* spanAt(const DiscMap& map, std::int32_t lba)
{
    for (const ReadSpan& s : map.spans)
        if (lba >= s.start && lba < s.end) return &s;
    return nullptr;
}

std::size_t bytesPerSector(std::optional<std::int32_t> rawMode)
{
    return rawMode ? ioctl::rawSectorSize(*rawMode) : ioctl::COOKED_SECTOR_SIZE;
}

std::string readName(std::optional<std::int32_t> rawMode)
{
    return rawMode ? std::string("RAW_READ ") + reads::trackModeName(*rawMode) : std::string("ReadFile");
}

ControlResult readSectors(DeviceHandle& handle, std::optional<std::int32_t> rawMode, std::int32_t lba, std::uint32_t sectors,
                          std::span<std::uint8_t> buffer)
{
    const std::span<std::uint8_t> out = buffer.first(sectors * bytesPerSector(rawMode));
    if (rawMode) return handle.control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), sectors, *rawMode), out);
    return handle.read(reads::offsetOf(lba), out);
}

ReadAhead readAheadOf(Device& device)
{
    ReadAhead out{kUnknownBufferSectors, "4 MiB assumed: the drive's buffer size is unknown"};
    mmc::MmcTarget* target = device.passThrough();
    if (target == nullptr) return out;
    std::vector<std::uint8_t> page(8 + 32, 0);
    const auto sense = mmc::cdb::modeSense10(true, 0x2A, static_cast<std::uint16_t>(page.size()));
    const mmc::CommandResult m = target->execute(sense, page, mmc::DataDirection::In, std::chrono::seconds(10));
    if (!m.good() || m.transferred < 8 + 14) return out;
    const std::size_t at = 8 + loadBe16(&page[6]);
    if (at + 14 > m.transferred || (page[at] & 0x3F) != 0x2A) return out;
    // Page 2Ah bytes 12-13: Buffer Size Supported, in KiB.
    const std::int32_t bufferKiB = loadBe16(&page[at + 12]);
    if (bufferKiB == 0) return out;
    const std::int32_t bufferSectors = bufferKiB * 1024 / 2048;
    if (bufferSectors >= kParanoiaCacheSectors)
        return {bufferSectors, "the drive's " + std::to_string(bufferKiB) + " KiB buffer (page 2Ah)"};
    return {kParanoiaCacheSectors, "paranoia's cache model, above the drive's " + std::to_string(bufferKiB) + " KiB buffer"};
}

std::optional<std::int32_t> evictionLba(std::int32_t first, std::int32_t last, std::int32_t lba, std::int32_t sectors, std::int32_t readAhead)
{
    // The gaps between each end and the nearest sector of the run, in 64 bits (a run may end past `last`).
    const std::int64_t below = std::int64_t{lba} - first;
    const std::int64_t above = std::int64_t{last} - (std::int64_t{lba} + std::max(sectors, 1) - 1);
    if (above >= below && above > readAhead) return last;
    if (below > readAhead) return first;
    return std::nullopt;
}

std::optional<std::int32_t> evictionLba(const DiscMap& map, std::int32_t lba, std::int32_t sectors, std::int32_t readAhead)
{
    if (map.spans.empty()) return std::nullopt;
    return evictionLba(map.spans.front().start, map.spans.back().end - 1, lba, sectors, readAhead);
}

std::string readToEvict(DeviceHandle& handle, const DiscMap& map, std::int32_t lba)
{
    const ReadSpan* span = spanAt(map, lba);
    const std::optional<std::int32_t> mode = span != nullptr ? span->rawMode : std::nullopt;
    reads::PageBuffer buffer(bytesPerSector(mode));
    const ControlResult r = readSectors(handle, mode, lba, 1, buffer.span());
    if (r.status.isSuccess()) return {};
    return readName(mode) + " at LBA " + std::to_string(lba) + " (the cache-evicting read) failed: " + ioctl::ntStatusName(r.status);
}

std::string evictionText(std::optional<std::int32_t> evictedAt, std::int32_t readAhead)
{
    if (evictedAt) return "cache evicted at LBA " + std::to_string(*evictedAt) + " (read-ahead " + std::to_string(readAhead) + " sectors)";
    return "cache not evicted: no readable sector beyond the read-ahead of " + std::to_string(readAhead) + " sectors";
}

}  // namespace cdcts::suites::bench
