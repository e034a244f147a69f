#include "suites/bench/results_json.hpp"

#include <cmath>

#include "harness/ioctl/json.hpp"
#include "suites/bench/bench_junit.hpp"

namespace cdcts::suites::bench {
namespace {

// JSON has no NaN or infinity; Google Benchmark writes them as bare words, which strict parsers refuse.
std::string jsonNumber(double value) { return std::isfinite(value) ? figureText(value) : "null"; }

std::string stringList(const std::vector<std::string>& items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : ", ") + ioctl::jsonQuote(items[i]);
    return out + "]";
}

std::string thresholdStatus(const ThresholdCheck& c, bool filtered)
{
    if (c.matched == 0) return filtered ? "ignored: matched no benchmark of this run (--filter)" : "error: matched no benchmark";
    if (c.failed > 0) return "failed";
    // Everything it matched was NotSupported (or failed by itself): matched, with nothing to judge.
    return c.passed == 0 ? "not_applied" : "passed";
}

}  // namespace

std::string cdctsJsonSection(const std::vector<BenchResult>& results, const std::vector<ThresholdCheck>& checks, bool filtered,
                             int exitCode)
{
    std::string out = "{\n    \"exit_code\": " + std::to_string(exitCode) + ",\n    \"verdicts\": [";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const BenchResult& r = results[i];
        // The verdict the JUnit gives the same benchmark: one set of rules for both reports.
        const reports::CaseRecord item = benchCaseRecord(r, "");
        out += i == 0 ? "\n" : ",\n";
        out += "      {\"name\": " + ioctl::jsonQuote(r.runName) + ", \"verdict\": " + ioctl::jsonQuote(reports::verdictName(item.verdict()));
        if (r.status != BenchStatus::Ran) out += ", \"message\": " + ioctl::jsonQuote(r.message);
        if (!r.qualityWarnings.empty()) out += ", \"quality_warnings\": " + stringList(r.qualityWarnings);
        if (!r.thresholdFailures.empty()) {
            std::vector<std::string> texts;
            for (const ThresholdFailure& f : r.thresholdFailures) texts.push_back(f.text);
            out += ", \"threshold_failures\": " + stringList(texts);
        }
        out += "}";
    }
    out += results.empty() ? "],\n" : "\n    ],\n";
    out += "    \"thresholds\": [";
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const ThresholdCheck& c = checks[i];
        const inventory::BenchThreshold& t = c.threshold;
        out += i == 0 ? "\n" : ",\n";
        out += "      {\"device\": " + ioctl::jsonQuote(c.device) + ", \"benchmark\": " + ioctl::jsonQuote(t.benchmark) +
               ", \"counter\": " + ioctl::jsonQuote(t.counter);
        if (t.min) out += ", \"min\": " + jsonNumber(*t.min);
        if (t.max) out += ", \"max\": " + jsonNumber(*t.max);
        out += ", \"declared_at\": " + ioctl::jsonQuote(locationText(t.location)) + ", \"matched\": " + std::to_string(c.matched) +
               ", \"passed\": " + std::to_string(c.passed) + ", \"failed\": " + std::to_string(c.failed) +
               ", \"not_applied\": " + std::to_string(c.notApplied) + ", \"status\": " + ioctl::jsonQuote(thresholdStatus(c, filtered)) + "}";
    }
    out += checks.empty() ? "]\n  }" : "\n    ]\n  }";
    return out;
}

std::optional<std::string> withCdctsSection(const std::string& googleJson, const std::string& section)
{
    const std::size_t close = googleJson.find_last_not_of(" \t\r\n");
    if (close == std::string::npos || googleJson[close] != '}') return std::nullopt;
    const std::size_t lastMember = googleJson.find_last_not_of(" \t\r\n", close - 1);
    const bool empty = lastMember != std::string::npos && googleJson[lastMember] == '{';
    std::string out = googleJson.substr(0, lastMember + 1);
    out += empty ? "\n" : ",\n";
    out += "  \"cdcts\": " + section + "\n}\n";
    return out;
}

}  // namespace cdcts::suites::bench
