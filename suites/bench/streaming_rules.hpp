#pragma once
// The pure decisions of the streaming benchmarks (streaming_benchmarks.cpp), kept apart so tests/suites can work
// them by hand: where a clean stretch of a data track lies, how the reads before a marginal run are placed, the
// completion budget of a streaming read, and when a streaming read over marginal sectors is a QualityWarning.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/inventory/device_spec.hpp"

namespace cdcts::suites::bench::streaming {

// Sectors [start, end) of one track of 2048-byte user data.
struct DataSpan {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

// The first LBA, in the first span that has room, of `length` sectors that touch no marginal run.
[[nodiscard]] std::optional<std::int32_t> cleanStretch(const std::vector<DataSpan>& spans,
                                                       const std::vector<inventory::BenchSectorRun>& marginal,
                                                       std::int32_t length);

// Where StreamingMarginal reads: `cleanReads` sequential reads of `readSectors` from `firstClean` up to the marginal
// run, preceded by one untimed read (the seek) ending at `firstClean`, then `marginalReads` reads from the run's
// first LBA that cover it.
struct MarginalPlan {
    inventory::BenchSectorRun run;
    std::int32_t seekLba = 0;     // the untimed read
    std::int32_t firstClean = 0;  // the first timed clean read
    std::uint32_t cleanReads = 0;
    std::uint32_t marginalReads = 0;
};

// The first marginal run inside a data span with at least `minCleanReads` clean reads (plus the untimed one) of
// room before it in the same span, up to `maxCleanReads`. nullopt, with `why` set, when there is none.
[[nodiscard]] std::optional<MarginalPlan> planMarginal(const std::vector<DataSpan>& spans,
                                                       const std::vector<inventory::BenchSectorRun>& marginal,
                                                       std::uint32_t readSectors, std::uint32_t minCleanReads,
                                                       std::uint32_t maxCleanReads, std::string& why);

// The maximum completion time of a streaming READ(12) (peers-and-oracles.md §3, HLK CommandPerformance): 100 ms,
// relaxed to 200 / 350 / 500 ms for a CD read at 4x / 2x / 1x. `cleanXcd` is the speed the clean reads ran at.
[[nodiscard]] double streamingBudgetMs(double cleanXcd);

// What one StreamingMarginal run measured, for the verdict.
struct MarginalFigures {
    double marginalMs = 0;    // the longest of the read(s) over the marginal sectors (each read has its own budget)
    double cleanP50Ms = 0;    // the clean reads just before, per read
    double cleanXcd = 0;      // the speed of the clean reads
};

// The QualityWarning text for a streaming read over marginal sectors, or nullopt when it behaved. Two rules
// (docs/performance.md "Streaming"): it took longer than the streaming budget, or the normal read at the same
// place (`normal`, when measured) took markedly longer than its clean reads (over 2×) and streaming did not
// save at least half of that extra time (marginalMs − cleanP50Ms, per read).
[[nodiscard]] std::optional<std::string> streamingMarginalWarning(const MarginalFigures& streaming,
                                                                  const std::optional<MarginalFigures>& normal);

}  // namespace cdcts::suites::bench::streaming
