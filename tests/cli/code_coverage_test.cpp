// "The JUnit lists every code of the catalog in at least one test name per device" (issue #5): the test names
// `cdcts run` gives over the default devices.yaml, matched against the catalog by the rule of
// harness/ioctl/code_token.hpp (docs/suites.md "Codes in test names"). A failure names each (device, code) pair
// without a test. The names are read with --list: the JUnit carries exactly these names (one testcase each).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness/inventory/loader.hpp"
#include "harness/inventory/open_device.hpp"
#include "harness/ioctl/code_token.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

// "Suite.Test/param" for every test of a --gtest_list_tests listing ("Suite." lines, then indented tests).
std::vector<std::string> listedTests(const std::string& listing)
{
    std::vector<std::string> names;
    std::istringstream in(listing);
    std::string line, suite;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (line[0] != ' ') {
            suite = line.substr(0, line.find(' '));
            continue;
        }
        const std::size_t start = line.find_first_not_of(' ');
        names.push_back(suite + line.substr(start, line.find(' ', start) - start));
    }
    return names;
}

// The device a test belongs to: the longest id its parameter is, or starts with followed by '_'.
std::string deviceOf(const std::string& test, const std::vector<std::string>& ids)
{
    const std::size_t slash = test.find('/');
    if (slash == std::string::npos) return {};
    const std::string param = test.substr(slash + 1);
    std::string best;
    for (const std::string& id : ids)
        if ((param == id || param.starts_with(id + "_")) && id.size() > best.size()) best = id;
    return best;
}

// "device: IOCTL_..." for every pair no test name covers, in device then catalog order.
std::vector<std::string> uncoveredPairs(const std::vector<std::string>& tests, const std::vector<std::string>& ids)
{
    std::map<std::string, std::set<std::string_view>> covered;
    for (const std::string& test : tests) {
        const std::string id = deviceOf(test, ids);
        if (id.empty()) continue;
        for (const ioctl::CodeInfo* info : ioctl::codesNamedByTest(test, id)) covered[id].insert(info->name);
    }
    std::vector<std::string> missing;
    for (const std::string& id : ids)
        for (const ioctl::CodeInfo* info : ioctl::codesTestNamesCover())
            if (!covered[id].contains(info->name)) missing.push_back(id + ": " + std::string(info->name));
    return missing;
}

std::vector<std::string> enabledDeviceIds()
{
    const inventory::Inventory inv = inventory::loadInventory(kDevices, inventory::emulatorVocabulary());
    std::vector<std::string> ids;
    for (const inventory::DeviceSpec* spec : inventory::selectDevices(inv, {})) ids.push_back(spec->id);
    return ids;
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string s;
    for (const std::string& l : lines) s += "\n  " + l;
    return s;
}

TEST(CodeCoverage, EveryCatalogCodeIsInATestNameOfEveryDefaultDevice)
{
    const auto ids = enabledDeviceIds();
    ASSERT_FALSE(ids.empty());
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--list"});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto tests = listedTests(r.out);
    ASSERT_GT(tests.size(), 100u) << r.out;
    const auto missing = uncoveredPairs(tests, ids);
    EXPECT_TRUE(missing.empty()) << missing.size() << " (device, code) pairs have no test naming the code "
                                 << "(docs/suites.md, \"Codes in test names\"):" << joined(missing);
}

TEST(CodeCoverage, TheCheckNamesAPairWhoseOnlyTestsAreLeftOut)
{
    // Without the storage-codes suite and the bad-input sweep nothing names IOCTL_STORAGE_READ_CAPACITY: the check
    // must say so per device.
    const auto ids = enabledDeviceIds();
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--list", "--filter", "-StorageCode.*:BadInput.*"});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto missing = uncoveredPairs(listedTests(r.out), ids);
    for (const std::string& id : ids) {
        EXPECT_NE(std::find(missing.begin(), missing.end(), id + ": IOCTL_STORAGE_READ_CAPACITY"), missing.end())
            << id << joined(missing);
    }
    EXPECT_EQ(std::find(missing.begin(), missing.end(), ids.front() + ": IOCTL_CDROM_READ_TOC"), missing.end());
}

}  // namespace
}  // namespace cdcts
