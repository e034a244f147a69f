#include "cli/bench_reporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "suites/bench/bench_junit.hpp"
#include "suites/bench/findings.hpp"

namespace cdcts::cli {
namespace {

namespace bench = suites::bench;

constexpr std::string_view kNotSupportedPrefix = "NotSupported:";

// Colour only on a terminal, so logs and CI output stay plain text.
benchmark::ConsoleReporter::OutputOptions consoleOptions()
{
    return isatty(STDOUT_FILENO) != 0 ? benchmark::ConsoleReporter::OO_Defaults : benchmark::ConsoleReporter::OO_Tabular;
}

}  // namespace

BenchReporter::BenchReporter(std::vector<std::string> planned, std::map<std::string, BenchDeviceInfo> devices, reports::JunitFile* junit,
                             reports::RunRecord& record)
    : ConsoleReporter(consoleOptions()), planned_(std::move(planned)), devices_(std::move(devices)), junit_(junit), record_(record),
      inFlight_(planned_.size())
{
}

BenchReporter::~BenchReporter()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (watcher_.joinable()) watcher_.join();
}

bool BenchReporter::ReportContext(const Context& context)
{
    const bool ok = ConsoleReporter::ReportContext(context);
    GetOutputStream().flush();
    // Google Benchmark calls this right before the first benchmark: from here on one is in flight.
    watcher_ = std::thread([this] { watch(); });
    start(0);
    return ok;
}

std::string BenchReporter::counterText() const
{
    const std::string total = std::to_string(planned_.size());
    std::string done = std::to_string(finished_);
    done.insert(0, total.size() - std::min(total.size(), done.size()), ' ');
    return "[" + done + "/" + total + "] ";
}

void BenchReporter::PrintHeader(const Run& run)
{
    // The header lines up with the rows, which start with the counter: every line of it is indented as wide.
    std::ostream& out = GetOutputStream();
    std::ostringstream header;
    SetOutputStream(&header);
    ConsoleReporter::PrintHeader(run);
    SetOutputStream(&out);
    const std::string indent(counterText().size(), ' ');
    std::istringstream lines(header.str());
    for (std::string line; std::getline(lines, line);) out << (line.empty() ? "" : indent) << line << "\n";
}

void BenchReporter::PrintRunData(const Run& run)
{
    GetOutputStream() << counterText();
    ConsoleReporter::PrintRunData(run);
}

bench::BenchResult BenchReporter::resultOf(const Run& run) const
{
    bench::BenchResult r;
    r.name = run.run_name.function_name;
    r.runName = run.benchmark_name();
    if (run.error_occurred) {
        r.status = run.error_message.rfind(kNotSupportedPrefix, 0) == 0 ? bench::BenchStatus::NotSupported : bench::BenchStatus::Failed;
        r.message = run.error_message;
    }
    r.iterations = static_cast<std::int64_t>(run.iterations);
    r.seconds = run.real_accumulated_time;
    const auto device = devices_.find(bench::splitBenchName(r.name).device);
    r.timeBasis = device != devices_.end() ? device->second.timeBasis : "wall";
    r.label = run.report_label;
    for (const auto& [name, counter] : run.counters) r.counters.push_back({name, counter.value});
    for (const bench::QualityWarning& w : bench::qualityWarningsFor(r.name)) r.qualityWarnings.push_back(w.text);
    return r;
}

void BenchReporter::ReportRuns(const std::vector<Run>& runs)
{
    // One call per benchmark; its iteration run is the result (the families use one repetition and no
    // aggregates; with --benchmark_repetitions the first repetition would stand for the benchmark).
    const Run* measured = nullptr;
    for (const Run& run : runs)
        if (run.run_type == Run::RT_Iteration) {
            measured = &run;
            break;
        }
    {
        const std::lock_guard lock(mutex_);
        ++finished_;
        if (measured != nullptr) ConsoleReporter::ReportRuns({*measured});
        GetOutputStream().flush();
    }
    if (measured != nullptr) {
        results_.push_back(resultOf(*measured));
        const bench::BenchResult& r = results_.back();
        const auto device = devices_.find(bench::splitBenchName(r.name).device);
        const BenchDeviceInfo info = device != devices_.end() ? device->second : BenchDeviceInfo{};
        if (junit_ != nullptr) bench::placeBenchCase(record_, r.name, info.properties, bench::benchCaseRecord(r, info.identity));
    }
    start(finished_);
}

void BenchReporter::start(std::size_t index)
{
    std::optional<reports::JunitFile::CaseRef> latest;
    if (junit_ != nullptr && index < planned_.size()) {
        const std::string& runName = planned_[index];
        const auto device = devices_.find(bench::splitBenchName(runName).device);
        latest = bench::placeBenchCase(record_, runName, device != devices_.end() ? device->second.properties : reports::Properties{},
                                       bench::inFlightCaseRecord(runName));
    }
    updateJunit(latest);
    {
        const std::lock_guard lock(mutex_);
        inFlight_ = index;
        inFlightSince_ = std::chrono::steady_clock::now();
    }
    changed_.notify_all();
}

void BenchReporter::updateJunit(std::optional<reports::JunitFile::CaseRef> latest)
{
    if (junit_ == nullptr || !junitError_.empty()) return;
    std::string error;
    if (!junit_->update(record_, latest, error)) junitError_ = error;
}

void BenchReporter::Finalize()
{
    start(planned_.size());
    ConsoleReporter::Finalize();
}

void BenchReporter::watch()
{
    std::unique_lock lock(mutex_);
    std::size_t announced = planned_.size();
    auto nextAnnouncement = kAnnounceAfter;
    while (!stopping_) {
        const std::size_t current = inFlight_;
        if (current != announced) nextAnnouncement = kAnnounceAfter;
        if (current >= planned_.size()) {
            changed_.wait(lock, [&] { return stopping_ || inFlight_ != current; });
            continue;
        }
        const auto due = inFlightSince_ + nextAnnouncement;
        if (changed_.wait_until(lock, due, [&] { return stopping_ || inFlight_ != current; })) continue;
        const auto running = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - inFlightSince_);
        // One plain line per announcement: no carriage-return redraws, so a log reads the same as the terminal.
        GetOutputStream() << std::string(counterText().size(), ' ') << "running " << planned_[current] << " (" << running.count()
                          << " s so far)" << std::endl;
        announced = current;
        nextAnnouncement = running + kAnnounceEvery;
    }
}

}  // namespace cdcts::cli
