#pragma once
// What `cdcts bench --json` adds to Google Benchmark's JSON: a top-level "cdcts" member after Google's own
// ("context", "benchmarks"), with each benchmark's verdict, QualityWarnings and threshold failures, and each
// threshold's check. Google's members are left as they are, so its tools (compare.py) still read the file; a
// reader needs nothing else (docs/performance.md "cdcts bench").
#include <optional>
#include <string>
#include <vector>

#include "suites/bench/bench_result.hpp"
#include "suites/bench/thresholds.hpp"

namespace cdcts::suites::bench {

// The "cdcts" member's value. `filtered`: the run had a --filter, so a threshold that matched nothing was ignored.
[[nodiscard]] std::string cdctsJsonSection(const std::vector<BenchResult>& results, const std::vector<ThresholdCheck>& checks,
                                           bool filtered, int exitCode);

// `googleJson` (a JSON object) with `"cdcts": <section>` as its last member; nullopt when it does not end in '}'.
[[nodiscard]] std::optional<std::string> withCdctsSection(const std::string& googleJson, const std::string& section);

}  // namespace cdcts::suites::bench
