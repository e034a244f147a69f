#include "suites/bench/streaming_rules.hpp"

#include <algorithm>
#include <cstdio>

namespace cdcts::suites::bench::streaming {
namespace {

std::int32_t firstOf(const inventory::BenchSectorRun& r) { return static_cast<std::int32_t>(r.lba); }
std::int32_t endOf(const inventory::BenchSectorRun& r) { return static_cast<std::int32_t>(r.lba + r.count); }

std::vector<inventory::BenchSectorRun> sorted(std::vector<inventory::BenchSectorRun> runs)
{
    std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.lba < b.lba; });
    return runs;
}

std::string lbaRange(const inventory::BenchSectorRun& r)
{
    return "LBA " + std::to_string(r.lba) + (r.count > 1 ? "-" + std::to_string(r.lba + r.count - 1) : "");
}

std::string ms(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", value);
    return text;
}

// HLK's streaming READ(12) exemption for slow CD reads (peers-and-oracles.md §3): the nominal speed each budget is
// for, and the speed up to which it applies (half way to the next nominal speed).
struct BudgetRow {
    double upToXcd;
    double budgetMs;
};
constexpr BudgetRow kBudgets[] = {{1.5, 500}, {3.0, 350}, {6.0, 200}};
constexpr double kStreamingBudgetMs = 100;

// A normal read "retried" when it took more than this many times its clean neighbours; streaming must then save at
// least this share of the extra time.
constexpr double kRetriedRatio = 2.0;
constexpr double kRequiredSaving = 0.5;

}  // namespace

std::optional<std::int32_t> cleanStretch(const std::vector<DataSpan>& spans, const std::vector<inventory::BenchSectorRun>& marginal,
                                         std::int32_t length)
{
    const std::vector<inventory::BenchSectorRun> runs = sorted(marginal);
    for (const DataSpan& span : spans) {
        std::int32_t start = span.start;
        for (const inventory::BenchSectorRun& r : runs)  // sorted: each run met pushes the start past it
            if (firstOf(r) < start + length && endOf(r) > start) start = endOf(r);
        if (start + length <= span.end) return start;
    }
    return std::nullopt;
}

std::optional<MarginalPlan> planMarginal(const std::vector<DataSpan>& spans, const std::vector<inventory::BenchSectorRun>& marginal,
                                         std::uint32_t readSectors, std::uint32_t minCleanReads, std::uint32_t maxCleanReads,
                                         std::string& why)
{
    const std::vector<inventory::BenchSectorRun> runs = sorted(marginal);
    const auto size = static_cast<std::int32_t>(readSectors);
    std::string shortOfRoom;
    for (const inventory::BenchSectorRun& run : runs) {
        const auto span = std::find_if(spans.begin(), spans.end(), [&](const DataSpan& s) { return s.start <= firstOf(run) && firstOf(run) < s.end; });
        if (span == spans.end()) continue;
        const auto marginalReads = static_cast<std::uint32_t>((run.count + readSectors - 1) / readSectors);
        if (firstOf(run) + static_cast<std::int32_t>(marginalReads) * size > span->end) {
            shortOfRoom = "the marginal sectors at " + lbaRange(run) + " end too close to their track's end for reads of " +
                          std::to_string(readSectors) + " sectors";
            continue;
        }
        // The clean reads stay inside the track and clear of any earlier marginal run.
        std::int32_t lowest = span->start;
        for (const inventory::BenchSectorRun& other : runs)
            if (endOf(other) <= firstOf(run) && endOf(other) > lowest) lowest = endOf(other);
        const auto room = static_cast<std::uint32_t>((firstOf(run) - lowest) / size);
        if (room < minCleanReads + 1) {
            shortOfRoom = "the marginal sectors at " + lbaRange(run) + " have fewer than " + std::to_string((minCleanReads + 1) * readSectors) +
                          " clean sectors before them in their track";
            continue;
        }
        MarginalPlan plan;
        plan.run = run;
        plan.cleanReads = std::min(maxCleanReads, room - 1);
        plan.marginalReads = marginalReads;
        plan.firstClean = firstOf(run) - static_cast<std::int32_t>(plan.cleanReads) * size;
        plan.seekLba = plan.firstClean - size;
        return plan;
    }
    if (!shortOfRoom.empty()) {
        why = shortOfRoom;
    } else {
        why = "the declared marginal sectors (";
        for (std::size_t i = 0; i < runs.size(); ++i) why += (i == 0 ? "" : ", ") + lbaRange(runs[i]);
        why += ") lie outside the tracks of 2048-byte user data, and streaming governs ReadFile (READ(10) / READ(12)) only";
    }
    return std::nullopt;
}

double streamingBudgetMs(double cleanXcd)
{
    for (const BudgetRow& row : kBudgets)
        if (cleanXcd > 0 && cleanXcd <= row.upToXcd) return row.budgetMs;
    return kStreamingBudgetMs;
}

std::optional<std::string> streamingMarginalWarning(const MarginalFigures& streaming, const std::optional<MarginalFigures>& normal)
{
    const double budget = streamingBudgetMs(streaming.cleanXcd);
    if (streaming.marginalMs > budget)
        return "a streaming read over marginal sectors took " + ms(streaming.marginalMs) + ", over the " + ms(budget) +
               " budget of a streaming READ(12) (peers-and-oracles.md §3): the drive spent the time on error recovery";
    if (normal && normal->cleanP50Ms > 0 && normal->marginalMs > kRetriedRatio * normal->cleanP50Ms) {
        const double normalExtra = normal->marginalMs - normal->cleanP50Ms;
        const double streamingExtra = streaming.marginalMs - streaming.cleanP50Ms;
        if (streamingExtra > (1 - kRequiredSaving) * normalExtra)
            return "a streaming read over marginal sectors took " + ms(streamingExtra) + " over its clean reads, the normal read " +
                   ms(normalExtra) + ": streaming saved less than half of the retries' time";
    }
    return std::nullopt;
}

}  // namespace cdcts::suites::bench::streaming
