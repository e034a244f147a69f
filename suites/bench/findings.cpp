#include "suites/bench/findings.hpp"

#include <mutex>
#include <utility>

namespace cdcts::suites::bench {
namespace {

std::mutex& sinkMutex()
{
    static std::mutex m;
    return m;
}

std::vector<QualityWarning>& sink()
{
    static std::vector<QualityWarning> warnings;
    return warnings;
}

}  // namespace

void reportQualityWarning(const std::string& benchmark, std::string text)
{
    const std::lock_guard lock(sinkMutex());
    sink().push_back({benchmark, std::move(text)});
}

std::vector<QualityWarning> qualityWarnings()
{
    const std::lock_guard lock(sinkMutex());
    return sink();
}

std::vector<QualityWarning> qualityWarningsFor(const std::string& benchmark)
{
    const std::lock_guard lock(sinkMutex());
    std::vector<QualityWarning> out;
    for (const QualityWarning& w : sink())
        if (w.benchmark == benchmark) out.push_back(w);
    return out;
}

void clearQualityWarnings()
{
    const std::lock_guard lock(sinkMutex());
    sink().clear();
}

}  // namespace cdcts::suites::bench
