#pragma once
// The seek sequences of the access-time benchmarks (issue #6 item 5), as pure functions so they are tested by
// hand: which sector each sample reads, and where the head comes from. The sequences come from a fixed seed, so
// two runs (two drives, two driver builds) seek the same way and their figures compare.
//
// The strokes, as the established tools define them (perf-anchors.md §1.4, §2.1):
//  - random: each target a uniformly random readable sector, after the previous target;
//  - one_third: a seek over one third of the disc's readable LBA range (first to last readable sector), from a
//    random start, alternately outward and inward: the classic stand-in for the "average seek";
//  - full_stroke: between the first and the last readable sectors, alternately inward and outward.
// No target is within the read-ahead of the read before it (that would be a cache hit, not a seek: §1.7), and no
// sector is a target twice (a reread is served from cache).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cdcts::suites::bench {

enum class Stroke { Random, OneThird, FullStroke };

// "random", "one_third", "full_stroke": the last part of the benchmark name.
[[nodiscard]] const char* strokeName(Stroke stroke);

// Readable sectors [start, end), ascending.
struct Extent {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

// One sample: a read at `from` (untimed, unless it is the previous sample's target), then the timed one-sector
// read at `to`.
struct Seek {
    std::int32_t from = 0;
    std::int32_t to = 0;
};

struct AccessPlan {
    std::vector<Seek> seeks;  // empty when the disc cannot give this stroke
    std::string reason;       // why, when seeks is empty
};

// `samples` seeks of `stroke` over `extents`, none landing within `readAhead` sectors of the read before it.
[[nodiscard]] AccessPlan planAccess(Stroke stroke, const std::vector<Extent>& extents, std::int32_t readAhead, std::size_t samples,
                                    std::uint64_t seed);

// Mean |to - from| of the plan, in sectors (the stroke_sectors counter).
[[nodiscard]] double meanStrokeSectors(const std::vector<Seek>& seeks);

}  // namespace cdcts::suites::bench
