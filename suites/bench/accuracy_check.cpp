#include "suites/bench/accuracy_check.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cdcts::suites::bench {

bool AccuracyComparison::holds(double tolerancePct) const { return repetitions > 0 && std::abs(errorPct) <= tolerancePct; }

double lowerMedian(std::vector<double> values)
{
    if (values.empty()) return 0;
    const std::size_t middle = (values.size() - 1) / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    return values[middle];
}

double errorPct(double measuredMs, double modeledMs)
{
    return modeledMs > 0 ? 100.0 * (measuredMs - modeledMs) / modeledMs : 100.0 * measuredMs;
}

AccuracyComparison compareRepetitions(const std::vector<AccuracyRepetition>& repetitions)
{
    AccuracyComparison c;
    c.repetitions = repetitions.size();
    if (repetitions.empty()) return c;
    c.commands = repetitions.front().measuredMs.size();
    for (const AccuracyRepetition& r : repetitions) c.commands = std::min({c.commands, r.measuredMs.size(), r.modeledMs.size()});

    std::vector<double> errors;
    for (const AccuracyRepetition& r : repetitions) {
        const auto n = static_cast<std::ptrdiff_t>(c.commands);
        errors.push_back(errorPct(std::accumulate(r.measuredMs.begin(), r.measuredMs.begin() + n, 0.0),
                                  std::accumulate(r.modeledMs.begin(), r.modeledMs.begin() + n, 0.0)));
    }
    c.repetitionErrorPctMin = *std::min_element(errors.begin(), errors.end());
    c.repetitionErrorPctMax = *std::max_element(errors.begin(), errors.end());

    for (std::size_t i = 0; i < c.commands; ++i) {
        std::vector<double> measured;
        std::vector<double> modeled;
        for (const AccuracyRepetition& r : repetitions) {
            measured.push_back(r.measuredMs[i]);
            modeled.push_back(r.modeledMs[i]);
        }
        c.measuredMs += lowerMedian(std::move(measured));
        c.modeledMs += lowerMedian(std::move(modeled));
    }
    c.errorPct = errorPct(c.measuredMs, c.modeledMs);
    return c;
}

}  // namespace cdcts::suites::bench
