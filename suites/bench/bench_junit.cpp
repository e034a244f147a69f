#include "suites/bench/bench_junit.hpp"

#include <utility>

namespace cdcts::suites::bench {
namespace {

std::string caseName(const std::string& name)
{
    const BenchNameParts parts = splitBenchName(name);
    // A benchmark named by family and device alone is the family's only one for the device.
    return parts.parameters.empty() ? parts.family : parts.parameters;
}

}  // namespace

reports::CaseRecord benchCaseRecord(const BenchResult& result, const std::string& deviceIdentity)
{
    reports::CaseRecord item;
    item.name = caseName(result.name);
    item.testId = result.runName;  // what --filter takes to run it again
    item.seconds = result.seconds;
    for (const BenchCounter& c : result.counters) item.properties.push_back({c.name, figureText(c.value)});
    item.properties.push_back({"iterations", std::to_string(result.iterations)});
    item.properties.push_back({"time_basis", result.timeBasis});
    if (!result.label.empty()) item.properties.push_back({"label", result.label});
    item.properties.push_back({"benchmark", result.runName});
    item.properties.push_back({"device", splitBenchName(result.name).device});
    item.properties.push_back({"device.identity", deviceIdentity});
    switch (result.status) {
        case BenchStatus::Ran: break;
        case BenchStatus::NotSupported: item.outcome.addSkip({"", 0, result.message}); break;
        case BenchStatus::Failed: item.outcome.addFailure({"", 0, result.message}); break;
    }
    for (const ThresholdFailure& f : result.thresholdFailures) item.outcome.addFailure({f.location.file, f.location.line, f.text});
    if (!result.qualityWarnings.empty()) {
        // Several warnings of one benchmark read as one text, as several qualityWarning calls of a test do.
        std::string text;
        for (const std::string& w : result.qualityWarnings) text += (text.empty() ? "" : "; ") + w;
        item.properties.push_back({reports::kQualityWarningProperty, text});
        item.outcome.setQualityWarning(std::move(text));
    }
    return item;
}

reports::CaseRecord inFlightCaseRecord(const std::string& runName)
{
    reports::CaseRecord item;
    item.name = caseName(registeredName(runName));
    item.testId = runName;
    item.finished = false;
    return item;
}

reports::JunitFile::CaseRef placeBenchCase(reports::RunRecord& run, const std::string& name, const reports::Properties& deviceProperties,
                                           reports::CaseRecord item)
{
    const BenchNameParts parts = splitBenchName(name);
    std::size_t s = 0;
    while (s < run.suites.size() && !(run.suites[s].suite == parts.family && run.suites[s].device == parts.device)) ++s;
    if (s == run.suites.size()) {
        reports::SuiteRecord suite;
        suite.suite = parts.family;
        suite.device = parts.device;
        suite.timestamp = run.timestamp;
        suite.properties.push_back({"device", parts.device});
        suite.properties.insert(suite.properties.end(), deviceProperties.begin(), deviceProperties.end());
        run.suites.push_back(std::move(suite));
    }
    std::vector<reports::CaseRecord>& cases = run.suites[s].cases;
    if (!cases.empty() && !cases.back().finished && cases.back().testId == item.testId) {
        cases.back() = std::move(item);
    } else {
        cases.push_back(std::move(item));
    }
    return {s, cases.size() - 1};
}

reports::CaseRecord unmatchedThresholdCase(const ThresholdCheck& check)
{
    const inventory::BenchThreshold& t = check.threshold;
    reports::CaseRecord item;
    item.name = t.benchmark + " " + t.counter;
    item.testId = check.device + ":" + t.benchmark;
    item.file = t.location.file;
    item.line = t.location.line;
    item.outcome.addFailure({t.location.file, t.location.line,
                             "the threshold " + t.benchmark + " " + t.counter + " declared at " + locationText(t.location) +
                                 " matched no benchmark of " + check.device + " (a name with the device id left out; '*' is one part)"});
    return item;
}

}  // namespace cdcts::suites::bench
