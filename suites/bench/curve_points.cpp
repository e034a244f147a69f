#include "suites/bench/curve_points.hpp"

#include <algorithm>
#include <cmath>

namespace cdcts::suites::bench {
namespace {

// The span under `lba`, or the nearest one.
const CurveSpan* spanNearest(const std::vector<CurveSpan>& spans, std::int64_t lba)
{
    const CurveSpan* best = nullptr;
    std::int64_t bestDistance = 0;
    for (const CurveSpan& s : spans) {
        const std::int64_t distance = lba < s.start ? s.start - lba : lba >= s.end ? lba - (s.end - 1) : 0;
        if (best == nullptr || distance < bestDistance) {
            best = &s;
            bestDistance = distance;
        }
    }
    return best;
}

// Adjacent spans of one kind joined: a track boundary within audio (or within data) changes nothing for the curve.
std::vector<CurveSpan> joined(const std::vector<CurveSpan>& spans)
{
    std::vector<CurveSpan> out;
    for (const CurveSpan& s : spans) {
        if (!out.empty() && out.back().end == s.start && out.back().kind == s.kind)
            out.back().end = s.end;
        else
            out.push_back(s);
    }
    return out;
}

}  // namespace

std::vector<CurvePoint> curvePoints(const std::vector<CurveSpan>& trackSpans, std::int32_t leadOut, std::size_t points, std::int32_t windowSectors)
{
    std::vector<CurvePoint> out;
    const std::vector<CurveSpan> spans = joined(trackSpans);
    if (spans.empty() || leadOut <= 0 || windowSectors <= 0 || points == 0) return out;
    const auto fitting = static_cast<std::size_t>(leadOut / windowSectors);
    const std::size_t n = std::min(points, fitting);
    if (n == 0) return out;
    for (std::size_t i = 0; i < n; ++i) {
        // Window i of n: the first starts at LBA 0, the last ends at the lead-out (a single one sits in the middle);
        // n <= leadOut / window keeps them apart.
        const double fraction = n == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(n - 1);
        std::int64_t start = std::llround(fraction * (leadOut - windowSectors));
        const CurveSpan* span = spanNearest(spans, start + windowSectors / 2);
        if (span == nullptr || span->kind == CurveKind::None || span->end - span->start < windowSectors) continue;
        start = std::clamp<std::int64_t>(start, span->start, span->end - windowSectors);
        // Moving a window inside its span can bring it onto the previous one's sectors, which a drive would serve
        // from its cache: it then starts where the previous one ends, if the span still holds it.
        if (!out.empty()) start = std::max<std::int64_t>(start, out.back().start + windowSectors);
        if (start + windowSectors > span->end) continue;
        out.push_back({i, span->kind, static_cast<std::int32_t>(start)});
    }
    return out;
}

}  // namespace cdcts::suites::bench
