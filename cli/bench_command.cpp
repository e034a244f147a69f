// `cdcts bench`: the performance core's benchmarks over the devices of devices.yaml (docs/performance.md
// "cdcts bench"): "[k/N]" and one console line per benchmark as it finishes, then devices.yaml's thresholds
// applied to the figures, Google Benchmark's JSON with a "cdcts" section, and JUnit, when asked.
#include <benchmark/benchmark.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/bench_reporter.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/inventory/open_device.hpp"
#include "reports/junit_writer.hpp"
#include "reports/run_context.hpp"
#include "suites/bench/bench_junit.hpp"
#include "suites/bench/device_benchmarks.hpp"
#include "suites/bench/results_json.hpp"
#include "suites/bench/thresholds.hpp"
#include "suites/bench/units.hpp"

namespace cdcts::cli {
namespace {

namespace bench = suites::bench;

struct BenchOptions {
    std::string devicesFile = kDefaultDevicesFile;
    std::vector<std::string> deviceIds;
    std::string filter;
    std::string json;
    std::string junit;
    std::string program;
};

// Hands `args` to Google Benchmark's flag parser (which keeps a flag's value until it is given again). Google
// Benchmark keeps a pointer to args[0] (the executable name it prints), so `args` must outlive the run.
void initializeBenchmark(std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    benchmark::Initialize(&argc, argv.data());
}

// The run names Google Benchmark will run for `filter`, in the order it runs them (its --benchmark_list_tests,
// captured): the progress counter's N and the name of the benchmark in flight. Empty when nothing matches (Google
// Benchmark has said why on stderr).
std::vector<std::string> plannedBenchmarks(const BenchOptions& options)
{
    std::vector<std::string> args{options.program, "--benchmark_list_tests=true"};
    if (!options.filter.empty()) args.push_back("--benchmark_filter=" + options.filter);
    initializeBenchmark(args);
    std::ostringstream listing;
    benchmark::ConsoleReporter lister;
    lister.SetOutputStream(&listing);
    benchmark::RunSpecifiedBenchmarks(&lister);
    std::vector<std::string> names;
    std::istringstream lines(listing.str());
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) names.push_back(line);
    return names;
}

// What the reports say about a device: the declaration, then what the drive answered when opened (as
// `cdcts run`'s JUnit does).
BenchDeviceInfo deviceInfoOf(const inventory::DeviceSpec& spec, Device& device)
{
    BenchDeviceInfo info;
    const DeviceIdentity& id = device.identity();
    info.identity = id.vendor + " " + id.product + " " + id.revision;
    info.timeBasis = device.clock().isReal() ? "wall" : "modeled";
    reports::Properties& p = info.properties;
    p.push_back({"device.backend", inventory::backendName(spec.backend)});
    if (!spec.description.empty()) p.push_back({"device.description", spec.description});
    p.push_back({"device.path", id.path});
    p.push_back({"device.vendor", id.vendor});
    p.push_back({"device.product", id.product});
    p.push_back({"device.revision", id.revision});
    for (const auto& [name, value] : id.details) p.push_back({"device." + name, value});
    p.push_back({"device.clock", device.clock().isReal() ? "real" : "virtual"});
    p.push_back({"time_basis", info.timeBasis});
    p.push_back({"units", bench::kSpeedUnit});
    return info;
}

// Adds the "cdcts" section to Google Benchmark's JSON, replacing the file atomically.
bool addJsonSection(const std::string& path, const std::string& section)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto merged = bench::withCdctsSection(text.str(), section);
    std::string error;
    if (!merged) error = "not a JSON object";
    else if (reports::replaceFileAtomically(path, *merged, error)) return true;
    std::cerr << "cdcts: cannot add the cdcts section to " << path << ": " << error << "\n";
    return false;
}

int runBenchmarks(const BenchOptions& options)
{
    const auto inv = loadInventoryOrReport(options.devicesFile);
    if (!inv) return kExitBadUsage;
    const auto chosen = selectDevicesOrReport(*inv, options.deviceIds, "to benchmark");
    if (!chosen) return kExitBadUsage;
    const std::vector<inventory::DeviceSpec>& selected = *chosen;

    reports::RunRecord record;
    record.hostname = reports::hostName();
    record.timestamp = reports::utcTimestamp(std::chrono::system_clock::now());
    const auto wallStart = std::chrono::steady_clock::now();

    // The devices live until the benchmarks have run: every registered benchmark reads through one of them.
    std::vector<std::unique_ptr<Device>> devices;
    std::map<std::string, BenchDeviceInfo> infos;
    std::vector<bench::DeviceThresholds> thresholds;
    std::size_t registered = 0;
    for (const inventory::DeviceSpec& spec : selected) {
        try {
            devices.push_back(inventory::openDevice(spec));
            Device& device = *devices.back();
            const std::size_t n = bench::registerDeviceBenchmarks(device, spec);
            registered += n;
            std::cout << "cdcts: " << spec.id << ": " << device.identity().vendor << " " << device.identity().product << " ("
                      << inventory::backendName(spec.backend) << ", " << (device.clock().isReal() ? "wall" : "modeled")
                      << " time): " << n << " benchmarks, " << spec.bench.thresholds.size() << " thresholds\n";
            // Who produced the figures, in the JSON beside them (perf-anchors.md §6 "Pattern for the perf core").
            const DeviceIdentity& identity = device.identity();
            benchmark::AddCustomContext("device." + spec.id + ".identity",
                                        identity.vendor + " " + identity.product + " " + identity.revision);
            benchmark::AddCustomContext("device." + spec.id + ".backend", identity.backend + " " + identity.path);
            benchmark::AddCustomContext("device." + spec.id + ".clock", device.clock().isReal() ? "real" : "virtual");
            infos.emplace(spec.id, deviceInfoOf(spec, device));
            if (!spec.bench.thresholds.empty()) thresholds.push_back({spec.id, spec.bench.thresholds});
        } catch (const std::exception& e) {
            std::cerr << "cdcts: " << spec.id << ": cannot open: " << e.what() << "\n";
            return kExitBadUsage;
        }
    }
    benchmark::AddCustomContext("x_cd", bench::kSpeedUnit);
    std::cout << "cdcts: units: " << bench::kSpeedUnit << "\n";

    std::vector<std::string> planned = plannedBenchmarks(options);
    if (planned.empty()) {
        // Google Benchmark has said why (no match, or a regular expression it cannot compile): a usage error.
        std::cerr << "cdcts: no benchmark to run (--filter '" << options.filter << "')\n";
        benchmark::Shutdown();
        return kExitBadUsage;
    }

    std::vector<std::string> args{options.program, "--benchmark_list_tests=false"};
    if (!options.filter.empty()) args.push_back("--benchmark_filter=" + options.filter);
    if (!options.json.empty()) {
        args.push_back("--benchmark_out=" + options.json);
        args.push_back("--benchmark_out_format=json");
    }
    initializeBenchmark(args);  // lives until the end of the run, as Google Benchmark needs

    std::unique_ptr<reports::JunitFile> junit;
    if (!options.junit.empty()) junit = std::make_unique<reports::JunitFile>(options.junit, reports::JunitOptions{true});
    const std::size_t total = planned.size();
    BenchReporter reporter(std::move(planned), infos, junit.get(), record);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    std::vector<bench::BenchResult>& results = reporter.results();

    // devices.yaml's thresholds, over the figures of the devices benchmarked.
    const bool filtered = !options.filter.empty();
    const std::vector<bench::ThresholdCheck> checks = bench::applyThresholds(thresholds, results);
    int notSupported = 0;
    std::vector<std::string> failed;
    for (const bench::BenchResult& r : results) {
        if (r.status == bench::BenchStatus::NotSupported) ++notSupported;
        if (r.status == bench::BenchStatus::Failed) failed.push_back(r.runName + ": " + r.message);
        for (const bench::ThresholdFailure& f : r.thresholdFailures) failed.push_back(r.runName + ": " + f.text);
    }
    int checked = 0;
    std::vector<const bench::ThresholdCheck*> unmatched;
    for (const bench::ThresholdCheck& c : checks) {
        checked += c.passed + c.failed;
        if (c.matched == 0) unmatched.push_back(&c);
    }

    std::cout << "\ncdcts: " << results.size() << " benchmarks run (of " << registered << " registered), " << notSupported
              << " NotSupported, " << failed.size() << " failed; " << checks.size() << " thresholds, " << checked
              << " figures checked against them\n";
    for (const std::string& f : failed) std::cout << "  FAILED " << f << "\n";
    for (const bench::ThresholdCheck* c : unmatched) {
        // Under --filter a threshold of a benchmark that did not run is expected; without one it is a typo or a
        // benchmark that no longer exists, which would otherwise pass silently forever.
        std::cout << "  " << (filtered ? "note: " : "ERROR ") << bench::locationText(c->threshold.location) << ": the threshold "
                  << c->threshold.benchmark << " " << c->threshold.counter << " of " << c->device << " matched no benchmark"
                  << (filtered ? " of this run (--filter); not checked" : "") << "\n";
    }
    for (const bench::BenchResult& r : results)
        for (const std::string& w : r.qualityWarnings) std::cout << "  QualityWarning " << r.runName << ": " << w << "\n";

    int exitCode = failed.empty() ? kExitOk : kExitFailed;
    if (!filtered && !unmatched.empty()) exitCode = kExitBadUsage;

    if (junit) {
        record.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        // The final record: each benchmark with its threshold verdicts, and the thresholds that matched nothing.
        record.suites.clear();
        for (const bench::BenchResult& r : results) {
            const BenchDeviceInfo& info = infos[bench::splitBenchName(r.name).device];
            bench::placeBenchCase(record, r.name, info.properties, bench::benchCaseRecord(r, info.identity));
        }
        if (!filtered) {
            for (const bench::ThresholdCheck* c : unmatched) {
                reports::SuiteRecord suite;
                suite.suite = bench::kUnmatchedThresholdsSuite;
                suite.device = c->device;
                suite.timestamp = record.timestamp;
                suite.properties.push_back({"device", c->device});
                suite.cases.push_back(bench::unmatchedThresholdCase(*c));
                record.suites.push_back(std::move(suite));
            }
        }
        std::string error = reporter.junitError();
        if (error.empty()) static_cast<void>(junit->finish(record, error));  // says why in `error`
        if (!error.empty()) {
            std::cerr << "cdcts: cannot write " << options.junit << ": " << error << "\n";
            if (exitCode == kExitOk) exitCode = kExitFailed;
        } else {
            std::cout << "JUnit XML: " << options.junit << " (" << total << " testcases)\n";
        }
    }
    if (!options.json.empty()) {
        if (addJsonSection(options.json, bench::cdctsJsonSection(results, checks, filtered, exitCode))) {
            std::cout << "JSON: " << options.json << "\n";
        } else if (exitCode == kExitOk) {
            exitCode = kExitFailed;
        }
    }
    return exitCode;
}

}  // namespace

Action addBenchCommand(CLI::App& app, int argc, char** argv)
{
    auto options = std::make_shared<BenchOptions>();
    options->program = argc > 0 ? argv[0] : "cdcts";
    CLI::App* bench = app.add_subcommand("bench", "Run the performance benchmarks against the devices of devices.yaml");
    bench->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    bench->add_option("--device", options->deviceIds, "Benchmark only this device (repeatable; default: every enabled device)");
    bench->add_option("--filter", options->filter, "Regular expression over benchmark names, e.g. 'RawRead/emu_writer/CDDA/27/'");
    bench->add_option("--json", options->json, "Write Google Benchmark's JSON here, with a \"cdcts\" section of verdicts");
    bench->add_option("--junit", options->junit, "Write JUnit XML here: a testcase per benchmark, its figures as properties");
    return [options] { return runBenchmarks(*options); };
}

}  // namespace cdcts::cli
