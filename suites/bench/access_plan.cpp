#include "suites/bench/access_plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <set>

namespace cdcts::suites::bench {
namespace {

// Draws are retried this often before the disc is declared too short for the stroke.
constexpr int kMaxDraws = 10000;

// std::mt19937_64's output is fixed by the standard (unlike the distributions), so the sequence is the same with
// every compiler; the modulo bias over a disc's few hundred thousand sectors is below 1e-13.
class Draw {
public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    // A uniform index in [0, n).
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(engine_() % static_cast<std::uint64_t>(n)); }

private:
    std::mt19937_64 engine_;
};

std::int64_t readableSectors(const std::vector<Extent>& extents)
{
    std::int64_t total = 0;
    for (const Extent& e : extents) total += e.end - e.start;
    return total;
}

// The `index`th readable sector, counting through the extents.
std::int32_t nthSector(const std::vector<Extent>& extents, std::int64_t index)
{
    for (const Extent& e : extents) {
        if (index < e.end - e.start) return static_cast<std::int32_t>(e.start + index);
        index -= e.end - e.start;
    }
    return extents.back().end - 1;
}

bool readable(const std::vector<Extent>& extents, std::int64_t lba)
{
    return std::any_of(extents.begin(), extents.end(), [lba](const Extent& e) { return lba >= e.start && lba < e.end; });
}

bool apart(std::int64_t a, std::int64_t b, std::int32_t readAhead) { return std::llabs(a - b) > readAhead; }

std::string tooShort(const char* what, std::int64_t sectors, std::int32_t readAhead)
{
    return std::string("NotSupported: ") + what + " (" + std::to_string(sectors) + " sectors) is not longer than the read-ahead of " +
           std::to_string(readAhead) + " sectors, so the drive could serve the target from its cache";
}

AccessPlan planRandom(const std::vector<Extent>& extents, std::int32_t readAhead, std::size_t samples, Draw& draw)
{
    AccessPlan plan;
    const std::int64_t total = readableSectors(extents);
    if (total <= 2 * std::int64_t{readAhead} + 2) {
        plan.reason = tooShort("the disc's readable area", total, readAhead);
        return plan;
    }
    std::set<std::int32_t> used;
    std::int32_t previous = nthSector(extents, draw.below(total));
    used.insert(previous);
    while (plan.seeks.size() < samples) {
        int draws = 0;
        std::int32_t to = previous;
        do {
            to = nthSector(extents, draw.below(total));
        } while ((!apart(to, previous, readAhead) || used.count(to) != 0) && ++draws < kMaxDraws);
        if (draws >= kMaxDraws) return {{}, tooShort("the disc's readable area", total, readAhead)};
        plan.seeks.push_back({previous, to});
        used.insert(to);
        previous = to;
    }
    return plan;
}

AccessPlan planOneThird(const std::vector<Extent>& extents, std::int32_t readAhead, std::size_t samples, Draw& draw)
{
    AccessPlan plan;
    const std::int32_t first = extents.front().start;
    const std::int32_t last = extents.back().end - 1;
    const std::int32_t stroke = (last - first) / 3;
    if (stroke <= readAhead) {
        plan.reason = tooShort("one third of the disc's readable range", stroke, readAhead);
        return plan;
    }
    std::set<std::int32_t> used;
    std::int64_t previous = -1'000'000'000;  // nothing read yet
    // A start is drawn where both ends of the stroke are readable; an outward seek starts in the lower two
    // thirds, an inward one in the upper two thirds.
    while (plan.seeks.size() < samples) {
        const bool outward = plan.seeks.size() % 2 == 0;
        int draws = 0;
        std::int32_t from = 0;
        std::int32_t to = 0;
        do {
            from = static_cast<std::int32_t>(outward ? first + draw.below(last - stroke - first + 1)
                                                     : first + stroke + draw.below(last - stroke - first + 1));
            to = outward ? from + stroke : from - stroke;
        } while ((!readable(extents, from) || !readable(extents, to) || !apart(from, previous, readAhead) || used.count(from) != 0 ||
                  used.count(to) != 0) &&
                 ++draws < kMaxDraws);
        if (draws >= kMaxDraws) return {{}, "NotSupported: no readable pair of sectors one third of the disc apart"};
        plan.seeks.push_back({from, to});
        used.insert(from);
        used.insert(to);
        previous = to;
    }
    return plan;
}

// Alternates between the disc's two ends. At each end the targets step one sector downward: every target lies
// below all sectors read at that end before, so a drive's read-ahead (which runs forward) never holds it.
AccessPlan planFullStroke(const std::vector<Extent>& extents, std::int32_t readAhead, std::size_t samples)
{
    AccessPlan plan;
    const std::int32_t first = extents.front().start;
    const std::int32_t last = extents.back().end - 1;
    // The sequence inner, outer, inner, ... holds samples + 1 reads: ceil((samples + 1) / 2) at the inner end.
    const auto innerReads = static_cast<std::int32_t>((samples + 2) / 2);
    const auto outerReads = static_cast<std::int32_t>((samples + 1) / 2);
    if (extents.front().end - first < innerReads || last + 1 - extents.back().start < outerReads ||
        (last - outerReads) - (first + innerReads) <= readAhead) {
        plan.reason = tooShort("the disc's readable range", last - first + 1, readAhead);
        return plan;
    }
    std::vector<std::int32_t> reads;
    for (std::int32_t i = 0; reads.size() < samples + 1; ++i) {
        reads.push_back(first + innerReads - 1 - i);
        if (reads.size() < samples + 1) reads.push_back(last - i);
    }
    for (std::size_t i = 0; i < samples; ++i) plan.seeks.push_back({reads[i], reads[i + 1]});
    return plan;
}

}  // namespace

const char* strokeName(Stroke stroke)
{
    switch (stroke) {
    case Stroke::Random: return "random";
    case Stroke::OneThird: return "one_third";
    case Stroke::FullStroke: return "full_stroke";
    }
    return "unknown";
}

AccessPlan planAccess(Stroke stroke, const std::vector<Extent>& extents, std::int32_t readAhead, std::size_t samples, std::uint64_t seed)
{
    if (extents.empty() || samples == 0) return {{}, "NotSupported: no readable sector"};
    Draw draw(seed);
    switch (stroke) {
    case Stroke::Random: return planRandom(extents, readAhead, samples, draw);
    case Stroke::OneThird: return planOneThird(extents, readAhead, samples, draw);
    case Stroke::FullStroke: return planFullStroke(extents, readAhead, samples);
    }
    return {};
}

double meanStrokeSectors(const std::vector<Seek>& seeks)
{
    if (seeks.empty()) return 0;
    double total = 0;
    for (const Seek& s : seeks) total += std::abs(static_cast<double>(s.to) - static_cast<double>(s.from));
    return total / static_cast<double>(seeks.size());
}

}  // namespace cdcts::suites::bench
