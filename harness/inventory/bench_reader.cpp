#include "harness/inventory/bench_reader.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace cdcts::inventory::detail {
namespace {

constexpr std::array<std::string_view, 2> kBenchKeys = {"marginal_sectors", "thresholds"};
constexpr std::array<std::string_view, 2> kSectorRunKeys = {"lba", "count"};
constexpr std::array<std::string_view, 4> kThresholdKeys = {"benchmark", "counter", "min", "max"};

// A finite decimal number (20, 22.5, 1e3): thresholds are rates and times, rarely whole.
double readNumber(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
        context.fail(field, "expected a number such as 20 or 22.5, got '" + text + "'");
    return value;
}

BenchSectorRun readSectorRun(const Context& context, const std::string& path, const YAML::Node& node)
{
    const CheckedMap map(context, node, path, node.Mark(), kSectorRunKeys);
    BenchSectorRun run;
    const Field& lba = map.require("lba");
    run.lba = readUnsigned(context, lba);
    if (run.lba > static_cast<std::uint32_t>(std::numeric_limits<std::int32_t>::max()))
        context.fail(lba, "must be at most " + std::to_string(std::numeric_limits<std::int32_t>::max()) + ", got " + std::to_string(run.lba));
    if (const Field* field = map.find("count")) run.count = readAtLeastOne(context, *field);
    return run;
}

// The part of a benchmark name after the device id: parts of letters, digits, _, -, . or *, joined by '/'.
void checkPattern(const Context& context, const Field& field, const std::string& pattern)
{
    bool valid = !pattern.empty() && pattern.front() != '/' && pattern.back() != '/' && pattern.find("//") == std::string::npos;
    for (const char c : pattern) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                             c == '.' || c == '*' || c == '/';
        valid = valid && allowed;
    }
    if (!valid)
        context.fail(field, "expected a benchmark name without the device id, such as RawRead/CDDA/27/outer ('*' for any one part), got '" +
                                pattern + "'");
}

BenchThreshold readThreshold(const Context& context, const std::string& path, const YAML::Node& node)
{
    const CheckedMap map(context, node, path, node.Mark(), kThresholdKeys);
    BenchThreshold threshold;
    const Field& benchmark = map.require("benchmark");
    threshold.benchmark = readString(context, benchmark);
    checkPattern(context, benchmark, threshold.benchmark);
    const Field& counter = map.require("counter");
    threshold.counter = readString(context, counter);
    if (threshold.counter.empty()) context.fail(counter, "expected a counter name such as x_cd, got an empty string");
    if (const Field* field = map.find("min")) threshold.min = readNumber(context, *field);
    if (const Field* field = map.find("max")) threshold.max = readNumber(context, *field);
    if (!threshold.min && !threshold.max) context.fail(node.Mark(), path, "needs min, max or both (a threshold with neither checks nothing)");
    if (threshold.min && threshold.max && *threshold.min > *threshold.max)
        context.fail(*map.find("max"), "is below min (" + map.find("min")->value.Scalar() + "): no figure could pass");
    threshold.location = context.at(node.Mark());
    return threshold;
}

}  // namespace

BenchSettings readBench(const Context& context, const Field& block)
{
    const CheckedMap map = openBlock(context, block, kBenchKeys);
    BenchSettings bench;
    if (const Field* list = map.find("marginal_sectors")) {
        forEachEntry(context, *list, [&](const std::string& path, const YAML::Node& entry) {
            bench.marginalSectors.push_back(readSectorRun(context, path, entry));
        });
    }
    if (const Field* list = map.find("thresholds")) {
        forEachEntry(context, *list, [&](const std::string& path, const YAML::Node& entry) {
            bench.thresholds.push_back(readThreshold(context, path, entry));
        });
    }
    return bench;
}

}  // namespace cdcts::inventory::detail
