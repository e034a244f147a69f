#include "reports/run_record.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace cdcts::reports {

void Tally::add(const CaseRecord& item) {
    ++tests;
    seconds += item.seconds;
    const Verdict verdict = item.verdict();
    if (verdict == Verdict::QualityWarning) ++qualityWarnings;
    if (verdict == Verdict::Waiver) ++waived;
    switch (verdictKind(verdict)) {
        case VerdictKind::Pass:
            if (verdict == Verdict::Pass) ++passed;
            break;
        case VerdictKind::Skipped: ++skipped; break;
        case VerdictKind::Failure: ++failures; break;
        case VerdictKind::Error: ++errors; break;
    }
}

void Tally::add(const Tally& other) {
    tests += other.tests;
    passed += other.passed;
    qualityWarnings += other.qualityWarnings;
    waived += other.waived;
    failures += other.failures;
    errors += other.errors;
    skipped += other.skipped;
    seconds += other.seconds;
}

Tally tallyOf(const SuiteRecord& suite) {
    Tally tally;
    for (const auto& item : suite.cases) tally.add(item);
    return tally;
}

Tally tallyOf(const RunRecord& run) {
    Tally tally;
    for (const auto& suite : run.suites) tally.add(tallyOf(suite));
    return tally;
}

std::string_view stripInstantiationPrefix(std::string_view gtestSuite) {
    // Typed suites end in "/<type index>" ("Suite/0", "Prefix/Suite/0"); that part stays, so it must
    // not be mistaken for the suite behind a prefix.
    const std::size_t last = gtestSuite.rfind('/');
    const bool typedIndex = last != std::string_view::npos && last + 1 < gtestSuite.size() &&
                            std::all_of(gtestSuite.begin() + static_cast<std::ptrdiff_t>(last + 1),
                                        gtestSuite.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::string_view core = typedIndex ? gtestSuite.substr(0, last) : gtestSuite;
    const std::size_t first = core.find('/');
    return first == std::string_view::npos ? gtestSuite : gtestSuite.substr(first + 1);
}

void setProperty(Properties& properties, Property property) {
    auto found = std::find_if(properties.begin(), properties.end(),
                              [&](const Property& p) { return p.name == property.name; });
    if (found == properties.end()) {
        properties.push_back(std::move(property));
    } else {
        found->value = std::move(property.value);
    }
}

}  // namespace cdcts::reports
