#pragma once
// The readable disc as the whole-disc benchmarks (access time, transfer-rate curve) see it through the Device
// seam: READ_TOC's tracks, each with the read that returns its sectors (ReadFile for 2048-byte user data,
// RAW_READ in the TrackMode the driver uses for audio, mode 2 formless and mode 2 form 2 sectors), and the drive's
// read-ahead as far as the drive tells it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness/device/device.hpp"

namespace cdcts::suites::bench {

// Sectors [start, end) of one track, read with RAW_READ in `rawMode` (a TRACK_MODE_TYPE) or, without one, ReadFile.
struct ReadSpan {
    std::int32_t start = 0;
    std::int32_t end = 0;
    std::optional<std::int32_t> rawMode;
    [[nodiscard]] std::int32_t length() const { return end - start; }
};

struct DiscMap {
    std::vector<ReadSpan> spans;  // ascending; pregaps between tracks of different types left out
    std::int32_t leadOut = 0;     // the program area is LBA [0, leadOut)
    // Tracks no read of this drive returns in runs (e.g. a CD-ROM XA track on a drive that cannot report a
    // sector's form), each as "track N (<kind>)"; they are not in `spans`.
    std::vector<std::string> leftOut;
};

// The disc's map from READ_TOC (plus one raw read per data track to tell mode 1 from mode 2 formless and form 2,
// where the drive has C2 or R-W support). nullopt when READ_TOC has no track: no disc.

// "NotSupported: ..." when the map has no span to read, nullopt when it has one.
[[nodiscard]] std::optional<std::string> nothingToRead(const DiscMap& map);
[[nodiscard]] std::optional<DiscMap> readDiscMap(Device& device, DeviceHandle& handle);

// The span holding `lba`, or nullptr.
[[nodiscard]] const ReadSpan* spanAt(const DiscMap& map, std::int32_t lba);

[[nodiscard]] std::size_t bytesPerSector(std::optional<std::int32_t> rawMode);
// "ReadFile", or "RAW_READ CDDA" etc., for error texts.
[[nodiscard]] std::string readName(std::optional<std::int32_t> rawMode);

// One read command of `sectors` at `lba` into `buffer` (at least sectors × bytesPerSector(rawMode) bytes).
ControlResult readSectors(DeviceHandle& handle, std::optional<std::int32_t> rawMode, std::int32_t lba, std::uint32_t sectors,
                          std::span<std::uint8_t> buffer);

// How far a read may be served from the drive's cache instead of the medium, in sectors.
struct ReadAhead {
    std::int32_t sectors = 0;
    std::string source;  // where the figure comes from, for the label
};

// The larger of the drive's buffer (mode page 2Ah "Buffer Size Supported", KiB, through the pass-through) in 2048-byte
// sectors and paranoia's cache model of 1200 sectors; 4 MiB (the top of the typical 1-4 MB, perf-anchors.md §1.7)
// when the drive does not say.
[[nodiscard]] ReadAhead readAheadOf(Device& device);

// Where to read, untimed, before a benchmark's positioning read so that the run it times, sectors [lba, lba + sectors),
// comes from the medium and not from the drive's cache (perf-anchors.md §1.7): a drive serves a reread, or a read
// within its read-ahead of an earlier one, from its buffer, and every benchmark of a family starts at the same few
// places. Of the two ends of the readable sectors [first, last] the one farther from the run (`last` for a run in the
// lower half, else `first`), when it lies more than `readAhead` sectors from every sector of the run: the drive fills
// its buffer there, and the positioning read after it has to seek. nullopt when neither end is that far (a disc, or
// an area of one kind of sector, shorter than the read-ahead): nothing readable evicts the run then.
[[nodiscard]] std::optional<std::int32_t> evictionLba(std::int32_t first, std::int32_t last, std::int32_t lba, std::int32_t sectors,
                                                      std::int32_t readAhead);

// evictionLba over the whole readable disc of `map`, its first to its last readable sector (a drive's cache serves
// every kind of read, so an end of another kind of track evicts as well). nullopt when the map has no span.
[[nodiscard]] std::optional<std::int32_t> evictionLba(const DiscMap& map, std::int32_t lba, std::int32_t sectors, std::int32_t readAhead);

// The evicting read: one sector at `lba` with the read of the span holding it (ReadFile when none does). Empty when it
// succeeded, else "<read> at LBA <n> (the cache-evicting read) failed: <status>".
[[nodiscard]] std::string readToEvict(DeviceHandle& handle, const DiscMap& map, std::int32_t lba);

// The label part that says how the run was kept out of the cache: "cache evicted at LBA <n> (read-ahead <r> sectors)"
// or "cache not evicted: no readable sector beyond the read-ahead of <r> sectors".
[[nodiscard]] std::string evictionText(std::optional<std::int32_t> evictedAt, std::int32_t readAhead);

}  // namespace cdcts::suites::bench
