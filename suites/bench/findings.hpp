#pragma once
// What a benchmark finds beyond its counters: QualityWarnings (the drive did something legal but poor, or ignored
// a request, e.g. a speed it did not reach or a command over its latency budget). Benchmarks run one at a time
// on Google Benchmark's thread, but the sink is locked anyway so a benchmark with threads cannot corrupt it.
// `cdcts bench` prints them and turns them into the JUnit report's warnings.
#include <string>
#include <vector>

namespace cdcts::suites::bench {

struct QualityWarning {
    std::string benchmark;  // the full benchmark name, "SpinUp/emu_writer/16x"
    std::string text;       // what the drive did and what was expected, with figures and units
};

// Records a QualityWarning against `benchmark` (its registered name). Also put the text in the benchmark's
// label, so the console and the JSON show it.
void reportQualityWarning(const std::string& benchmark, std::string text);

// Every warning recorded so far, in the order reported.
[[nodiscard]] std::vector<QualityWarning> qualityWarnings();
// The warnings of one benchmark.
[[nodiscard]] std::vector<QualityWarning> qualityWarningsFor(const std::string& benchmark);

// Forgets every warning (tests; a second run in one process).
void clearQualityWarnings();

}  // namespace cdcts::suites::bench
