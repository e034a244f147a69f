#include "suites/bench/accuracy_check.hpp"

#include <algorithm>
#include <cmath>

namespace cdcts::suites::bench {

bool AccuracyComparison::holds(double tolerancePct) const { return repetitions > 0 && std::abs(errorPct) <= tolerancePct; }

double lowerMedian(std::vector<double> values)
{
    if (values.empty()) return 0;
    const std::size_t middle = (values.size() - 1) / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    return values[middle];
}

AccuracyComparison compareRepetitions(const std::vector<AccuracySample>& samples)
{
    AccuracyComparison c;
    c.repetitions = samples.size();
    if (samples.empty()) return c;
    std::vector<double> measured;
    std::vector<double> modeled;
    std::vector<double> errors;
    for (const AccuracySample& s : samples) {
        measured.push_back(s.measuredMs);
        modeled.push_back(s.modeledMs);
        errors.push_back(s.modeledMs > 0 ? 100.0 * (s.measuredMs - s.modeledMs) / s.modeledMs : 100.0 * s.measuredMs);
    }
    c.measuredMs = lowerMedian(measured);
    c.modeledMs = lowerMedian(modeled);
    c.errorPctMin = *std::min_element(errors.begin(), errors.end());
    c.errorPctMax = *std::max_element(errors.begin(), errors.end());
    c.errorPct = lowerMedian(std::move(errors));
    return c;
}

}  // namespace cdcts::suites::bench
