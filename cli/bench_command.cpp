// `cdcts bench`: the performance core's benchmarks over the devices of devices.yaml (docs/performance.md
// "cdcts bench"), with one console line per benchmark as it finishes and Google Benchmark's JSON when asked.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/inventory/open_device.hpp"
#include "suites/bench/device_benchmarks.hpp"
#include "suites/bench/units.hpp"

namespace cdcts::cli {
namespace {

struct BenchOptions {
    std::string devicesFile = kDefaultDevicesFile;
    std::vector<std::string> deviceIds;
    std::string filter;
    std::string json;
    std::string program;
};

// The console reporter (its line per finished benchmark is the progress), counting the benchmarks that failed:
// an error that is not a NotSupported skip.
class CountingReporter final : public benchmark::ConsoleReporter {
public:
    // Colour only on a terminal, so logs and CI output stay plain text.
    CountingReporter() : ConsoleReporter(isatty(STDOUT_FILENO) != 0 ? OO_Defaults : OO_Tabular) {}
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& run : runs) {
            ++finished_;
            if (!run.error_occurred) continue;
            if (run.error_message.rfind("NotSupported:", 0) == 0) ++notSupported_;
            else failed_.push_back(run.benchmark_name() + ": " + run.error_message);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    [[nodiscard]] const std::vector<std::string>& failed() const { return failed_; }
    [[nodiscard]] int finished() const { return finished_; }
    [[nodiscard]] int notSupported() const { return notSupported_; }

private:
    std::vector<std::string> failed_;
    int finished_ = 0;
    int notSupported_ = 0;
};

int runBenchmarks(const BenchOptions& options)
{
    const auto inv = loadInventoryOrReport(options.devicesFile);
    if (!inv) return kExitBadUsage;
    const auto chosen = selectDevicesOrReport(*inv, options.deviceIds, "to benchmark");
    if (!chosen) return kExitBadUsage;
    const std::vector<inventory::DeviceSpec>& selected = *chosen;

    // The devices live until the benchmarks have run: every registered benchmark reads through one of them.
    std::vector<std::unique_ptr<Device>> devices;
    std::size_t registered = 0;
    for (const inventory::DeviceSpec& spec : selected) {
        try {
            devices.push_back(inventory::openDevice(spec));
            Device& device = *devices.back();
            const std::size_t n = suites::bench::registerDeviceBenchmarks(device, spec);
            registered += n;
            std::cout << "cdcts: " << spec.id << ": " << device.identity().vendor << " " << device.identity().product << " ("
                      << inventory::backendName(spec.backend) << ", " << (device.clock().isReal() ? "wall" : "modeled")
                      << " time): " << n << " benchmarks\n";
            // Who produced the figures, in the JSON beside them (perf-anchors.md §6 "Pattern for the perf core").
            const DeviceIdentity& identity = device.identity();
            benchmark::AddCustomContext("device." + spec.id + ".identity",
                                        identity.vendor + " " + identity.product + " " + identity.revision);
            benchmark::AddCustomContext("device." + spec.id + ".backend", identity.backend + " " + identity.path);
            benchmark::AddCustomContext("device." + spec.id + ".clock", device.clock().isReal() ? "real" : "virtual");
        } catch (const std::exception& e) {
            std::cerr << "cdcts: " << spec.id << ": cannot open: " << e.what() << "\n";
            return kExitBadUsage;
        }
    }
    benchmark::AddCustomContext("x_cd", suites::bench::kSpeedUnit);
    std::cout << "cdcts: units: " << suites::bench::kSpeedUnit << "\n";

    std::vector<std::string> args{options.program};
    if (!options.filter.empty()) args.push_back("--benchmark_filter=" + options.filter);
    if (!options.json.empty()) {
        args.push_back("--benchmark_out=" + options.json);
        args.push_back("--benchmark_out_format=json");
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    benchmark::Initialize(&argc, argv.data());

    CountingReporter reporter;
    const std::size_t matched = benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    if (matched == 0) {
        // Google Benchmark has said why (no match, or a regular expression it cannot compile): a usage error.
        std::cerr << "cdcts: no benchmark to run (--filter '" << options.filter << "')\n";
        return kExitBadUsage;
    }
    std::cout << "\ncdcts: " << reporter.finished() << " benchmarks run (of " << registered << " registered), " << reporter.notSupported()
              << " NotSupported, " << reporter.failed().size() << " failed\n";
    for (const std::string& f : reporter.failed()) std::cout << "  FAILED " << f << "\n";
    if (!options.json.empty()) std::cout << "JSON: " << options.json << "\n";
    return reporter.failed().empty() ? kExitOk : kExitFailed;
}

}  // namespace

Action addBenchCommand(CLI::App& app, int argc, char** argv)
{
    auto options = std::make_shared<BenchOptions>();
    options->program = argc > 0 ? argv[0] : "cdcts";
    CLI::App* bench = app.add_subcommand("bench", "Run the read-throughput benchmarks against the devices of devices.yaml");
    bench->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    bench->add_option("--device", options->deviceIds, "Benchmark only this device (repeatable; default: every enabled device)");
    bench->add_option("--filter", options->filter, "Regular expression over benchmark names, e.g. 'RawRead/emu_writer/CDDA/27/'");
    bench->add_option("--json", options->json, "Write Google Benchmark's JSON here");
    return [options] { return runBenchmarks(*options); };
}

}  // namespace cdcts::cli
