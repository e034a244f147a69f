#pragma once
// Where the transfer-rate curve samples the disc (issue #6 item 2), as a pure function so it is tested by hand.
// Like readcd's meshpoints= and Nero DiscSpeed's transfer test (perf-anchors.md §2.1, §2.2), the curve is one
// grid of evenly spaced points over the whole program area, from its first sector to the lead-out; each point
// belongs to the track under it, so on a mixed disc the cooked curve holds the points over the data track and the
// CDDA curve those over the audio tracks, and their indices interleave into the one curve of the disc.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cdcts::suites::bench {

// Which read a span's sectors take on the curve: ReadFile, RAW_READ CDDA, or neither (mode 2 form 2 and formless
// sectors have no curve: their points are left out).
enum class CurveKind { Cooked, Cdda, None };

struct CurveSpan {
    std::int32_t start = 0;
    std::int32_t end = 0;
    CurveKind kind = CurveKind::None;
};

// A point's window: `sectors` for kind's positioning read and timed reads, [start, start + sectors).
struct CurvePoint {
    std::size_t index = 0;  // on the disc's grid, 0 at the first sector
    CurveKind kind = CurveKind::None;
    std::int32_t start = 0;
};

// At most `points` evenly spaced points over [0, leadOut) (fewer on a disc too short to hold them without their
// windows overlapping, so no point rereads another's sectors), windows of `windowSectors` spread evenly from LBA 0
// to the lead-out, each moved inside the span under its middle (or the nearest span, where the middle is in a
// pregap left out of the spans). A point whose span cannot hold its window apart from the previous point's, or of
// kind None, is left out.
[[nodiscard]] std::vector<CurvePoint> curvePoints(const std::vector<CurveSpan>& spans, std::int32_t leadOut, std::size_t points,
                                                  std::int32_t windowSectors);

}  // namespace cdcts::suites::bench
