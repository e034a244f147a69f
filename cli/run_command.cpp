// `cdcts run`: the conformance suites over the devices of devices.yaml, with JUnit XML and a summary.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <filesystem>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "fixtures/device_registry.hpp"
#include "fixtures/test_registrars.hpp"
#include "reports/junit_listener.hpp"
#include "reports/run_summary.hpp"
#include "reports/waivers.hpp"
#include "fixtures/waiver_gate.hpp"

namespace cdcts::cli {
namespace {

struct RunOptions {
    std::string devicesFile = kDefaultDevicesFile;
    std::vector<std::string> deviceIds;
    std::string filter;
    std::string junit;
    std::string waivers;  // empty: waivers.yaml beside the devices file, when there is one; "none": no waivers
    bool list = false;
    std::vector<std::string> gtestArgs;  // anything after `--`, passed to GoogleTest as it is
    std::string program;
};

// What the report says about each device: the declaration, then what the drive answered at start-up.
reports::DeviceCatalog catalogOf(const fixtures::DeviceRegistry& registry)
{
    reports::DeviceCatalog catalog;
    for (const auto& d : registry.devices()) {
        reports::Properties& p = catalog.devices[d.spec.id];
        p.push_back({"device.backend", inventory::backendName(d.spec.backend)});
        if (!d.spec.description.empty()) p.push_back({"device.description", d.spec.description});
        if (!d.device) {
            p.push_back({"device.open_error", d.openError});
            continue;
        }
        const DeviceIdentity& id = d.device->identity();
        p.push_back({"device.path", id.path});
        p.push_back({"device.vendor", id.vendor});
        p.push_back({"device.product", id.product});
        p.push_back({"device.revision", id.revision});
        for (const auto& [name, value] : id.details) p.push_back({"device." + name, value});
        p.push_back({"device.clock", d.device->clock().isReal() ? "real" : "virtual"});
        if (const auto a = d.device->adapter()) {
            p.push_back({"adapter.alignment_mask", std::to_string(a->alignmentMask)});
            p.push_back({"adapter.maximum_transfer_length", std::to_string(a->maximumTransferLength)});
            p.push_back({"adapter.maximum_physical_pages", std::to_string(a->maximumPhysicalPages)});
        }
        p.push_back({"expect.volume_mounted", d.spec.expect.volumeMounted ? "true" : "false"});
        if (d.spec.expect.mediumPresent) p.push_back({"expect.medium_present", *d.spec.expect.mediumPresent ? "true" : "false"});
    }
    return catalog;
}

constexpr const char* kDefaultWaiversFile = "waivers.yaml";

// The waivers the run applies; nullopt after printing why the file is unusable.
std::optional<reports::WaiverList> loadRunWaivers(const RunOptions& options)
{
    if (options.waivers == "none") return reports::WaiverList{};
    std::filesystem::path file = options.waivers;
    if (file.empty()) {
        file = std::filesystem::path(options.devicesFile).parent_path() / kDefaultWaiversFile;
        if (!std::filesystem::exists(file)) return reports::WaiverList{};
    }
    try {
        return reports::loadWaivers(file);
    } catch (const reports::WaiverError& e) {
        std::cerr << "cdcts: " << e.what() << "\n";
        return std::nullopt;
    }
}

// Every registered test as (device, "Suite.Case/param"), filtered out or not: a waiver is stale only when it
// matches none of them.
std::vector<std::pair<std::string, std::string>> registeredTests(const reports::DeviceCatalog& catalog)
{
    std::vector<std::pair<std::string, std::string>> tests;
    const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
    for (int i = 0; i < unit.total_test_suite_count(); ++i) {
        const testing::TestSuite& suite = *unit.GetTestSuite(i);
        for (int j = 0; j < suite.total_test_count(); ++j) {
            const testing::TestInfo& info = *suite.GetTestInfo(j);
            tests.emplace_back(catalog.deviceIdOf(info),
                               std::string{reports::stripInstantiationPrefix(info.test_suite_name())} + "." + info.name());
        }
    }
    return tests;
}

int runSuites(const RunOptions& options)
{
    const auto inv = loadInventoryOrReport(options.devicesFile);
    if (!inv) return kExitBadUsage;
    const auto chosen = selectDevicesOrReport(*inv, options.deviceIds, "to test");
    if (!chosen) return kExitBadUsage;
    const std::vector<inventory::DeviceSpec>& selected = *chosen;

    auto waivers = loadRunWaivers(options);
    if (!waivers) return kExitBadUsage;
    if (!waivers->file.empty() && !options.list)
        std::cout << "cdcts: waivers: " << waivers->file << " (" << waivers->waivers.size()
                  << (waivers->waivers.size() == 1 ? " entry" : " entries") << ")\n";
    const reports::WaiverList waiverList = *waivers;
    fixtures::setRunWaivers(std::move(*waivers));

    // Devices open before InitGoogleTest: the suites enumerate their parameters from the registry there.
    auto& registry = fixtures::DeviceRegistry::instance();
    if (!options.list) {
        registry.open(selected);
        for (const auto& d : registry.devices()) {
            if (d.device)
                std::cout << "cdcts: " << d.spec.id << ": " << d.device->identity().vendor << " " << d.device->identity().product
                          << " " << d.device->identity().revision << " (" << inventory::backendName(d.spec.backend) << ")\n";
            else
                std::cout << "cdcts: " << d.spec.id << ": cannot open: " << d.openError << " (its tests will fail)\n";
        }
    } else {
        registry.declare(selected);  // listing needs the ids, not the drives
    }

    std::vector<std::string> args{options.program};
    if (!options.filter.empty()) args.push_back("--gtest_filter=" + options.filter);
    if (options.list) args.push_back("--gtest_list_tests");
    args.insert(args.end(), options.gtestArgs.begin(), options.gtestArgs.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    fixtures::runTestRegistrars();  // the run-time registered suites, from the same registry as the generators
    testing::InitGoogleTest(&argc, argv.data());
    if (options.list) return RUN_ALL_TESTS() == 0 ? kExitOk : kExitFailed;

    const reports::DeviceCatalog catalog = catalogOf(registry);
    auto& listeners = testing::UnitTest::GetInstance()->listeners();
    reports::JunitListener* junit = nullptr;
    if (!options.junit.empty()) {
        junit = new reports::JunitListener(options.junit, catalog);  // gtest owns the listeners
        listeners.Append(junit);
    }
    auto* summary = new reports::RunSummary(catalog);
    listeners.Append(summary);

    // Each device's own clock (modeled time on an emulated drive) beside the wall clock.
    std::vector<std::pair<std::string, Nanoseconds>> clocksAtStart;
    for (const auto& entry : registry.devices())
        if (entry.device) clocksAtStart.emplace_back(entry.spec.id, entry.device->clock().now());
    const auto wallStart = std::chrono::steady_clock::now();
    const int gtestResult = RUN_ALL_TESTS();
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wallStart;
    std::vector<std::pair<std::string, double>> driveSeconds;
    for (const auto& [id, start] : clocksAtStart)
        if (fixtures::RegisteredDevice* entry = registry.find(id); entry != nullptr && entry->device)
            driveSeconds.emplace_back(id, std::chrono::duration<double>(entry->device->clock().now() - start).count());
    summary->setDriveTimes(std::move(driveSeconds), wall.count());
    summary->setStaleWaivers(reports::staleWaivers(waiverList, registeredTests(catalog)));
    std::cout << "\n";
    summary->print(std::cout);
    if (junit != nullptr) {
        if (!junit->ok()) {
            std::cerr << "cdcts: cannot write " << options.junit << ": " << junit->error() << "\n";
            return kExitFailed;
        }
        std::cout << "JUnit XML: " << options.junit << " (" << junit->stats().fullWrites << " full writes, "
                  << junit->stats().headWrites << " head writes)\n";
    }
    return (gtestResult == 0 && summary->exitCode() == 0) ? kExitOk : kExitFailed;
}

}  // namespace

Action addRunCommand(CLI::App& app, int argc, char** argv)
{
    auto options = std::make_shared<RunOptions>();
    options->program = argc > 0 ? argv[0] : "cdcts";
    CLI::App* run = app.add_subcommand("run", "Run the conformance suites against the devices of devices.yaml");
    run->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    run->add_option("--device", options->deviceIds, "Test only this device (repeatable; default: every enabled device)");
    run->add_option("--filter", options->filter,
                    "GoogleTest filter over Suite.Test/device names, e.g. 'ReadToc.*' or '*/emu_reader'");
    run->add_option("--junit", options->junit, "Write JUnit XML here, kept valid after every test");
    run->add_option("--waivers", options->waivers,
                    "Waivers file (docs/waivers.md); default: waivers.yaml beside the devices file when present; "
                    "'none' applies no waivers");
    run->add_flag("--list", options->list, "List the tests that would run, and exit");
    run->add_option("gtest", options->gtestArgs, "After --: arguments for GoogleTest (e.g. --gtest_repeat=3)");
    return [options] { return runSuites(*options); };
}

}  // namespace cdcts::cli
