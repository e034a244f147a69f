#include "reports/run_summary.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iomanip>
#include <string_view>
#include <utility>

namespace cdcts::reports {

namespace {

// At most this many lines of a failure message in the summary; the JUnit file has all of it.
constexpr int kMessageLines = 4;

std::string formatSeconds(double seconds) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.3f s", seconds);
    return std::string{buffer.data()};
}

}  // namespace

RunSummary::RunSummary(DeviceCatalog catalog) : RunRecorder(std::move(catalog)) {}

std::vector<RunSummary::DeviceRow> RunSummary::devices() const {
    std::vector<DeviceRow> rows;
    for (const auto& suite : record().suites) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const DeviceRow& r) { return r.device == suite.device; });
        if (row == rows.end()) {
            rows.push_back(DeviceRow{suite.device});
            row = rows.end() - 1;
        }
        const Tally tally = tallyOf(suite);
        row->passed += tally.passed;
        row->failed += tally.failures + tally.errors;
        row->skipped += tally.skipped - tally.waived;
        row->waived += tally.waived;
        row->qualityWarnings += tally.qualityWarnings;
        row->seconds += tally.seconds;
    }
    return rows;
}

std::vector<RunSummary::FailedTest> RunSummary::failedTests() const {
    std::vector<FailedTest> failed;
    for (const auto& suite : record().suites) {
        for (const auto& item : suite.cases) {
            const Verdict verdict = item.verdict();
            const VerdictKind kind = verdictKind(verdict);
            if (kind != VerdictKind::Failure && kind != VerdictKind::Error) continue;
            failed.push_back(FailedTest{suite.device, item.testId, verdict, item.outcome.headline()});
        }
    }
    return failed;
}

int RunSummary::passed() const { return tallyOf(record()).passed; }

int RunSummary::failed() const {
    const Tally tally = tallyOf(record());
    return tally.failures + tally.errors;
}

int RunSummary::skipped() const
{
    const Tally tally = tallyOf(record());
    return tally.skipped - tally.waived;
}

int RunSummary::waived() const { return tallyOf(record()).waived; }

int RunSummary::qualityWarnings() const { return tallyOf(record()).qualityWarnings; }

std::vector<RunSummary::WarnedTest> RunSummary::warnedTests() const
{
    std::vector<WarnedTest> warned;
    for (const auto& suite : record().suites)
        for (const auto& item : suite.cases)
            if (item.verdict() == Verdict::QualityWarning)
                warned.push_back(WarnedTest{suite.device, item.testId, item.outcome.qualityWarning()});
    return warned;
}

void RunSummary::setDriveTimes(std::vector<std::pair<std::string, double>> driveSeconds, double wallSeconds) {
    driveSeconds_ = std::move(driveSeconds);
    wallSeconds_ = wallSeconds;
}

void RunSummary::print(std::ostream& out) const {
    const std::vector<DeviceRow> rows = devices();
    std::size_t width = 6;
    for (const auto& row : rows) width = std::max(width, row.device.size());
    const int deviceWidth = static_cast<int>(width);
    const bool driveTimes = !driveSeconds_.empty();
    const auto driveTimeOf = [&](const std::string& device) -> std::string {
        for (const auto& [id, seconds] : driveSeconds_)
            if (id == device) return formatSeconds(seconds);
        return "-";
    };

    out << std::left << std::setw(deviceWidth) << "device" << std::right << "  " << std::setw(6) << "pass"
        << "  " << std::setw(6) << "fail" << "  " << std::setw(13) << "not supported";
    // The rarer verdicts get columns only in a run that has them, so the usual table stays as it was.
    const bool waivedColumn = waived() > 0;
    const bool warnColumn = qualityWarnings() > 0;
    if (waivedColumn) out << "  " << std::setw(6) << "waived";
    if (warnColumn) out << "  " << std::setw(4) << "warn";
    out << "  " << std::setw(12) << "time";
    if (driveTimes) out << "  " << std::setw(14) << "drive time";
    out << '\n';
    for (const auto& row : rows) {
        out << std::left << std::setw(deviceWidth) << row.device << std::right << "  " << std::setw(6) << row.passed
            << "  " << std::setw(6) << row.failed << "  " << std::setw(13) << row.skipped;
        if (waivedColumn) out << "  " << std::setw(6) << row.waived;
        if (warnColumn) out << "  " << std::setw(4) << row.qualityWarnings;
        out << "  " << std::setw(12) << formatSeconds(row.seconds);
        if (driveTimes) out << "  " << std::setw(14) << driveTimeOf(row.device);
        out << '\n';
    }
    if (driveTimes) {
        double total = 0.0;
        for (const auto& entry : driveSeconds_) total += entry.second;
        out << "\nwall time " << formatSeconds(wallSeconds_) << ", drive time " << formatSeconds(total) << " over "
            << driveSeconds_.size() << (driveSeconds_.size() == 1 ? " device" : " devices");
        if (wallSeconds_ > 0.0) {
            std::array<char, 32> ratio{};
            std::snprintf(ratio.data(), ratio.size(), "%.0fx", total / wallSeconds_);
            out << " (" << ratio.data() << " the wall time)";
        }
        out << '\n';
    }

    const std::vector<FailedTest> failures = failedTests();
    if (!failures.empty()) {
        out << "\nFailed tests:\n";
        for (const auto& failure : failures) {
            out << "  [" << failure.device << "] " << failure.testId;
            if (failure.verdict != Verdict::Fail) out << " (" << verdictName(failure.verdict) << ")";
            out << '\n';
            std::string_view message = failure.message;
            if (failure.verdict == Verdict::Crash && message.empty()) message = kCrashMessage;
            for (int line = 0; line < kMessageLines && !message.empty(); ++line) {
                const std::size_t end = message.find('\n');
                out << "      " << message.substr(0, end) << '\n';
                message = end == std::string_view::npos ? std::string_view{} : message.substr(end + 1);
            }
            if (!message.empty()) out << "      ...\n";
        }
    }
    const std::vector<WarnedTest> warnings = warnedTests();
    if (!warnings.empty()) {
        out << "\nQuality warnings (passed, but poorly):\n";
        for (const auto& warning : warnings)
            out << "  [" << warning.device << "] " << warning.testId << "\n      " << warning.warning << '\n';
    }
    if (!appliedWaivers().empty()) {
        out << "\nWaivers applied (" << waived() << (waived() == 1 ? " test" : " tests") << " not run):\n";
        for (const auto& url : appliedWaivers()) out << "  " << url << '\n';
    }
    for (const auto& line : staleWaivers_) out << "warning: stale waiver: " << line << '\n';

    out << '\n' << passed() << " passed, " << failed() << " failed, " << skipped() << " skipped";
    if (waived() > 0) out << ", " << waived() << " waived";
    if (qualityWarnings() > 0) out << ", " << qualityWarnings() << " quality warnings";
    out << '\n';
}

}  // namespace cdcts::reports
