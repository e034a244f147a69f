// `cdcts defects list` and `cdcts defects check`: the seeded-defect catalog (harness/defects/), and the proof that
// the conformance suites catch every defect in it (docs/seeded-defects.md). The check runs this same binary as a
// child `cdcts run` per defect, each on a temporary devices.yaml holding one device with one defect switched on, and
// reads the failing tests from the child's end-of-run summary (reports/run_summary.hpp). The summary rather than
// --junit: the JUnit file is rewritten after every test, which makes a child run twenty times slower.
#include <sys/wait.h>
#include <unistd.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/defects/seeded_defect.hpp"

namespace cdcts::cli {
namespace {

namespace fs = std::filesystem;

// Two children at most: the machine the check runs on (CI, a laptop) may have two cores.
constexpr std::size_t kMaxChildren = 2;

struct DefectsOptions {
    std::string devicesFile = kDefaultDevicesFile;
};

// A temporary folder, removed with everything in it when the check ends.
class TempDir {
public:
    TempDir()
    {
        std::random_device random;
        for (int attempt = 0; attempt < 16 && path_.empty(); ++attempt) {
            const fs::path candidate = fs::temp_directory_path() / ("cdcts-defects-" + std::to_string(random()));
            if (fs::create_directory(candidate)) path_ = candidate;
        }
        if (path_.empty()) throw std::runtime_error("cannot create a temporary folder in " + fs::temp_directory_path().string());
    }
    ~TempDir()
    {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// One child `cdcts run`: its inventory and its console output.
struct ChildRun {
    std::string label;  // a defect name, or "clean"
    std::vector<std::string> deviceIds;
    fs::path devicesFile;
    fs::path log;
    int exitCode = -1;
    std::vector<std::string> failedTests;  // Suite.Test/device, from the summary
    std::string error;                      // why the child's result could not be read
};

pid_t startChild(const ChildRun& run)
{
    std::vector<std::string> args{"cdcts", "run", "--devices", run.devicesFile.string()};
    for (const std::string& id : run.deviceIds) args.insert(args.end(), {"--device", id});
    // Whatever the parent has buffered must not be written again by the child.
    std::cout.flush();
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid != 0) return pid;  // parent (or -1)
    // Child: console output to the log, then the same binary as a `cdcts run`.
    const std::string log = run.log.string();
    if (std::FILE* out = std::freopen(log.c_str(), "w", stdout); out == nullptr) _exit(127);
    if (dup2(fileno(stdout), STDERR_FILENO) < 0) _exit(127);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    _exit(127);
}

// The failing tests of a child run, from its summary: after "Failed tests:", one "  [<device>] <test id>" line
// each (an optional " (<verdict>)" after the id), their messages indented deeper; the summary ends with the line
// "N passed, N failed, N skipped".
void readFailures(ChildRun& run)
{
    std::ifstream log(run.log);
    std::string line;
    bool inFailures = false;
    bool sawTotals = false;
    while (std::getline(log, line)) {
        if (line == "Failed tests:") {
            inFailures = true;
            continue;
        }
        if (line.find(" passed, ") != std::string::npos && line.ends_with(" skipped")) sawTotals = true;
        if (!inFailures || !line.starts_with("  [")) continue;
        const auto close = line.find("] ");
        if (close == std::string::npos) continue;
        std::string test = line.substr(close + 2);
        if (const auto verdict = test.find(" ("); verdict != std::string::npos) test.erase(verdict);
        run.failedTests.push_back(test);
    }
    if (!sawTotals) run.error = "no run summary in its output";
}

// Runs every child, at most kMaxChildren at a time; `done` is called in the order children finish.
template <typename Done>
void runAll(std::vector<ChildRun>& runs, Done done)
{
    std::deque<std::size_t> waiting;
    for (std::size_t i = 0; i < runs.size(); ++i) waiting.push_back(i);
    std::map<pid_t, std::size_t> running;
    while (!waiting.empty() || !running.empty()) {
        while (!waiting.empty() && running.size() < kMaxChildren) {
            const std::size_t i = waiting.front();
            waiting.pop_front();
            const pid_t pid = startChild(runs[i]);
            if (pid < 0) {
                runs[i].error = "cannot start a child process";
                done(runs[i]);
                continue;
            }
            running.emplace(pid, i);
        }
        if (running.empty()) continue;
        int status = 0;
        const pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("waitpid failed");
        }
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        ChildRun& run = runs[it->second];
        running.erase(it);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
        readFailures(run);
        done(run);
    }
}

// The inventory `source` with only device `id`, and `defect` added to its emulated.defects. The entry is copied
// as it stands (keys this command does not know included); a relative image path is made absolute, because the
// copy lives in another folder.
void writeSeededInventory(const fs::path& source, const inventory::DeviceSpec& spec, std::string_view defect, const fs::path& target)
{
    const YAML::Node root = YAML::LoadFile(source.string());
    YAML::Node entry;
    for (const YAML::Node& d : root["devices"])
        if (d["id"] && d["id"].as<std::string>() == spec.id) entry = YAML::Clone(d);
    if (!entry) throw std::runtime_error(source.string() + ": no device '" + spec.id + "'");
    entry["enabled"] = true;
    entry["emulated"]["medium"] = spec.emulated.medium;  // the loader stored it resolved
    YAML::Node list(YAML::NodeType::Sequence);
    for (const defects::DefectInfo& d : defects::defectCatalog())
        if (spec.emulated.defects.has(d.defect)) list.push_back(std::string(d.name));  // the file's own, kept
    if (!defect.empty()) list.push_back(std::string(defect));
    entry["emulated"]["defects"] = list;
    YAML::Node out;
    out["devices"].push_back(entry);
    std::ofstream file(target);
    file << out << "\n";
    if (!file) throw std::runtime_error("cannot write " + target.string());
}

std::string summaryOf(const std::vector<std::string>& tests, std::size_t shown)
{
    std::string out;
    for (std::size_t i = 0; i < tests.size() && i < shown; ++i) out += (i == 0 ? "" : ", ") + tests[i];
    if (tests.size() > shown) out += ", ...";
    return out;
}

int listDefects()
{
    std::cout << std::left << std::setw(40) << "NAME" << std::setw(13) << "LAYER" << std::setw(12) << "DEVICE" << "BUG\n";
    for (const defects::DefectInfo& d : defects::defectCatalog())
        std::cout << std::setw(40) << d.name << std::setw(13) << defects::layerName(d.layer) << std::setw(12) << d.device
                  << d.description << "\n";
    std::cout << defects::defectCatalog().size() << " seeded defects\n";
    return kExitOk;
}

int checkDefects(const DefectsOptions& options)
{
    const auto inv = loadInventoryOrReport(options.devicesFile);
    if (!inv) return kExitBadUsage;
    const auto catalog = defects::defectCatalog();
    // The devices the catalog seeds into, in catalog order, each checked clean first.
    std::vector<std::string> deviceIds;
    for (const defects::DefectInfo& d : catalog) {
        const inventory::DeviceSpec* spec = inventory::findDevice(*inv, d.device);
        if (spec == nullptr || spec->backend != inventory::Backend::Emulated) {
            std::cerr << "cdcts defects check: " << inv->file.string() << " has no emulated device '" << d.device << "' (defect "
                      << d.name << " is checked on it)\n";
            return kExitBadUsage;
        }
        if (std::find(deviceIds.begin(), deviceIds.end(), d.device) == deviceIds.end()) deviceIds.emplace_back(d.device);
    }

    const TempDir temp;
    std::vector<ChildRun> clean(1);
    clean[0].label = "clean";
    clean[0].deviceIds = deviceIds;
    clean[0].devicesFile = fs::absolute(inv->file);
    clean[0].log = temp.path() / "clean.log";
    runAll(clean, [](const ChildRun&) {});
    if (clean[0].exitCode != 0 || !clean[0].failedTests.empty() || !clean[0].error.empty()) {
        std::cout << "clean run of " << summaryOf(deviceIds, deviceIds.size()) << ": exit code " << clean[0].exitCode << ", "
                  << clean[0].failedTests.size() << " failing test(s)" << (clean[0].failedTests.empty() ? "" : ": ")
                  << summaryOf(clean[0].failedTests, 5) << " " << clean[0].error << "\n";
        std::cout << "seeded defects: not checked (the clean devices must pass everything first)\n";
        return kExitFailed;
    }
    std::cout << "clean run of " << summaryOf(deviceIds, deviceIds.size()) << ": everything passes\n";

    std::vector<ChildRun> runs;
    for (const defects::DefectInfo& d : catalog) {
        const inventory::DeviceSpec& spec = *inventory::findDevice(*inv, d.device);
        ChildRun run;
        run.label = std::string(d.name);
        run.deviceIds = {spec.id};
        run.devicesFile = temp.path() / (run.label + ".yaml");
        run.log = temp.path() / (run.label + ".log");
        writeSeededInventory(inv->file, spec, d.name, run.devicesFile);
        runs.push_back(std::move(run));
    }
    std::size_t finished = 0;
    std::vector<std::string> missed;
    runAll(runs, [&](const ChildRun& run) {
        ++finished;
        std::cout << "[" << finished << "/" << runs.size() << "] " << run.label << ": ";
        // Caught means tests failed; a child that could not even load its inventory or open the device proves
        // nothing about the suites.
        const bool caught = !run.failedTests.empty() && (run.exitCode == kExitFailed);
        if (caught) {
            std::cout << "caught by " << run.failedTests.size() << " test" << (run.failedTests.size() == 1 ? "" : "s") << " ("
                      << summaryOf(run.failedTests, 3) << ")\n";
        } else {
            missed.push_back(run.label);
            std::cout << "NOT CAUGHT (exit code " << run.exitCode << (run.error.empty() ? "" : ", " + run.error) << ")\n";
            if (run.exitCode == kExitBadUsage) {
                std::ifstream log(run.log);
                std::cout << log.rdbuf();
            }
        }
        std::cout.flush();
    });
    std::cout << "seeded defects: " << (catalog.size() - missed.size()) << "/" << catalog.size() << " caught\n";
    if (!missed.empty()) {
        std::cout << "not caught: " << summaryOf(missed, missed.size()) << "\n";
        return kExitFailed;
    }
    return kExitOk;
}

}  // namespace

Action addDefectsCommand(CLI::App& app)
{
    auto options = std::make_shared<DefectsOptions>();
    auto chosen = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand("defects", "The seeded defects, and the check that the suites catch each one");
    command->require_subcommand(1);
    CLI::App* list = command->add_subcommand("list", "List the seeded defects: name, layer, device, bug");
    CLI::App* check = command->add_subcommand(
        "check", "Run the suites once clean, then once per seeded defect; fail unless every defect fails a test");
    // Every subcommand takes --devices (README); only check reads it.
    for (CLI::App* sub : {command, check})
        sub->add_option("--devices", options->devicesFile, "Inventory holding the catalog's devices")->capture_default_str();
    list->callback([chosen] { *chosen = "list"; });
    check->callback([chosen] { *chosen = "check"; });
    return [options, chosen] { return *chosen == "list" ? listDefects() : checkDefects(*options); };
}

}  // namespace cdcts::cli
