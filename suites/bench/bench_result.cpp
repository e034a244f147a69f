#include "suites/bench/bench_result.hpp"

namespace cdcts::suites::bench {

BenchNameParts splitBenchName(std::string_view name)
{
    BenchNameParts parts;
    const std::size_t first = name.find('/');
    parts.family = std::string(name.substr(0, first));
    if (first == std::string_view::npos) return parts;
    const std::string_view afterFamily = name.substr(first + 1);
    const std::size_t second = afterFamily.find('/');
    parts.device = std::string(afterFamily.substr(0, second));
    if (second != std::string_view::npos) parts.parameters = std::string(afterFamily.substr(second + 1));
    return parts;
}

std::string registeredName(std::string_view runName)
{
    // The suffixes without a ':' that Google Benchmark 1.7 appends: the time basis of UseRealTime and friends.
    static constexpr std::string_view kTimeSuffixes[] = {"manual_time", "real_time", "process_time"};
    while (true) {
        const std::size_t slash = runName.rfind('/');
        if (slash == std::string_view::npos) return std::string(runName);
        const std::string_view last = runName.substr(slash + 1);
        bool suffix = last.find(':') != std::string_view::npos;
        for (const std::string_view t : kTimeSuffixes) suffix = suffix || last == t;
        if (!suffix) return std::string(runName);
        runName = runName.substr(0, slash);
    }
}

std::string nameWithoutDevice(std::string_view name)
{
    const BenchNameParts parts = splitBenchName(name);
    return parts.parameters.empty() ? parts.family : parts.family + "/" + parts.parameters;
}

}  // namespace cdcts::suites::bench
