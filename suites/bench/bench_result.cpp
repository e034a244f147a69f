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

std::string nameWithoutDevice(std::string_view name)
{
    const BenchNameParts parts = splitBenchName(name);
    return parts.parameters.empty() ? parts.family : parts.family + "/" + parts.parameters;
}

}  // namespace cdcts::suites::bench
