#include "suites/bench/thresholds.hpp"

#include <array>
#include <charconv>
#include <optional>

namespace cdcts::suites::bench {
namespace {

// The next '/'-separated part of `text` from `pos`, advancing `pos` past it (and its '/'); nullopt at the end.
std::optional<std::string_view> nextPart(std::string_view text, std::size_t& pos)
{
    if (pos > text.size()) return std::nullopt;
    const std::size_t slash = text.find('/', pos);
    const std::size_t end = slash == std::string_view::npos ? text.size() : slash;
    const std::string_view part = text.substr(pos, end - pos);
    pos = end + 1;
    return part;
}

const BenchCounter* findCounter(const BenchResult& result, const std::string& name)
{
    for (const BenchCounter& c : result.counters)
        if (c.name == name) return &c;
    return nullptr;
}

std::string declaration(const inventory::BenchThreshold& t)
{
    std::string text = t.benchmark + " " + t.counter;
    if (t.min) text += " min " + figureText(*t.min);
    if (t.max) text += " max " + figureText(*t.max);
    return text;
}

// The failure text for a figure outside the threshold's limits; nullopt when it is within them.
std::optional<std::string> limitMissed(const inventory::BenchThreshold& t, double value)
{
    const std::string where = " (threshold " + declaration(t) + ", declared at " + locationText(t.location) + ")";
    // A NaN figure (0/0 of a benchmark that timed nothing) is outside every limit: it reached nothing.
    if (t.min && !(value >= *t.min))
        return t.counter + " = " + figureText(value) + " is below the minimum " + figureText(*t.min) + where;
    if (t.max && !(value <= *t.max))
        return t.counter + " = " + figureText(value) + " is above the maximum " + figureText(*t.max) + where;
    return std::nullopt;
}

void check(ThresholdCheck& check, BenchResult& result)
{
    const inventory::BenchThreshold& t = check.threshold;
    ++check.matched;
    // A NotSupported benchmark measured nothing and stays skipped; a failed one already fails for its own reason.
    if (result.status != BenchStatus::Ran) {
        ++check.notApplied;
        return;
    }
    const BenchCounter* counter = findCounter(result, t.counter);
    if (counter == nullptr) {
        std::string has;
        for (const BenchCounter& c : result.counters) has += (has.empty() ? "" : ", ") + c.name;
        result.thresholdFailures.push_back({"no counter " + t.counter + " in this benchmark (it has: " + (has.empty() ? "none" : has) +
                                                ") for the threshold " + declaration(t) + " declared at " + locationText(t.location),
                                            t.location});
        ++check.failed;
        return;
    }
    if (const auto missed = limitMissed(t, counter->value)) {
        result.thresholdFailures.push_back({*missed, t.location});
        ++check.failed;
        return;
    }
    ++check.passed;
}

}  // namespace

bool thresholdPatternCovers(std::string_view pattern, std::string_view nameWithoutDeviceId)
{
    std::size_t p = 0;
    std::size_t n = 0;
    while (true) {
        const auto namePart = nextPart(nameWithoutDeviceId, n);
        if (!namePart) return true;
        const auto patternPart = nextPart(pattern, p);
        if (!patternPart) return false;
        if (*patternPart != "*" && *patternPart != *namePart) return false;
    }
}

bool thresholdPatternMatches(std::string_view pattern, std::string_view nameWithoutDeviceId)
{
    std::size_t p = 0;
    std::size_t n = 0;
    while (true) {
        const auto patternPart = nextPart(pattern, p);
        const auto namePart = nextPart(nameWithoutDeviceId, n);
        if (!patternPart || !namePart) return !patternPart && !namePart;
        if (*patternPart != "*" && *patternPart != *namePart) return false;
    }
}

std::string locationText(const inventory::SourceLocation& location)
{
    return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

std::vector<ThresholdCheck> applyThresholds(const std::vector<DeviceThresholds>& declared, std::vector<BenchResult>& results)
{
    std::vector<ThresholdCheck> checks;
    for (const DeviceThresholds& device : declared) {
        for (const inventory::BenchThreshold& threshold : device.thresholds) {
            ThresholdCheck c{device.device, threshold};
            for (BenchResult& result : results) {
                if (splitBenchName(result.name).device != device.device) continue;
                const std::string name = nameWithoutDevice(result.name);
                if (thresholdPatternMatches(threshold.benchmark, name)) {
                    check(c, result);
                } else if (result.status == BenchStatus::NotSupported && thresholdPatternCovers(threshold.benchmark, name)) {
                    // A family that cannot run on this device registers one skip under a shorter name
                    // (CookedRead/<id>, CookedRead/<id>/32) in place of the benchmarks the pattern names: those
                    // benchmarks are NotSupported here, so the threshold matched them and has nothing to judge.
                    ++c.matched;
                    ++c.notApplied;
                }
            }
            checks.push_back(std::move(c));
        }
    }
    return checks;
}

std::string figureText(double value)
{
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc{}) return "?";
    return std::string(buffer.data(), end);
}

}  // namespace cdcts::suites::bench
