// `cdcts run --waivers` end to end: a waived test is not run, shows as a Waiver in the summary and in JUnit,
// never as a pass; an entry that matches nothing is a stale-waiver warning; a bad file is exit code 2.
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
namespace fs = std::filesystem;
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

fs::path scratch(const std::string& name)
{
    return fs::temp_directory_path() / ("cdcts-waivers-" + std::to_string(::getpid()) + "-" + name);
}

TEST(CdctsRunWaivers, AWaivedTestIsNotRunAndIsNeverAPass)
{
    const fs::path waivers = scratch("w.yaml");
    const fs::path junit = scratch("j.xml");
    std::ofstream(waivers) << "waivers:\n"
                              "  - devices: emu_writer\n"
                              "    tests: ReadToc.ReturnsAWellFormedTableOfContents/*\n"
                              "    reason: the writer's TOC is under investigation\n"
                              "    issue: https://example.org/cdcts/issues/42\n"
                              "  - devices: emu_*\n"
                              "    tests: NoSuchSuite.*\n"
                              "    reason: typo\n"
                              "    issue: https://example.org/cdcts/issues/43\n";
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--device", "emu_writer", "--filter", "ReadToc.*",
                        "--waivers", waivers.string(), "--junit", junit.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("Waivers applied (1 test not run):\n  https://example.org/cdcts/issues/42\n"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("warning: stale waiver: " + waivers.string() + ":6: waivers[1]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" skipped, 1 waived\n"), std::string::npos) << r.out;

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str()));
    const auto suite = doc.child("testsuites").find_child_by_attribute("testsuite", "name", "ReadToc.emu_writer");
    const auto testcase = suite.find_child_by_attribute("testcase", "name", "ReturnsAWellFormedTableOfContents/emu_writer");
    ASSERT_TRUE(testcase);
    EXPECT_STREQ(testcase.child("skipped").attribute("message").as_string(), "Waiver: https://example.org/cdcts/issues/42");
    EXPECT_STREQ(testcase.child("skipped").text().get(), "the writer's TOC is under investigation");
    EXPECT_TRUE(suite.child("properties").find_child_by_attribute("property", "name", "waiver_urls"));
    fs::remove(waivers);
    fs::remove(junit);
}

TEST(CdctsRunWaivers, ABadFileIsExitCodeTwoNamingLineAndKey)
{
    const fs::path waivers = scratch("bad.yaml");
    std::ofstream(waivers) << "waivers:\n  - devices: emu_*\n    tests: '*'\n    reason: no issue given\n";
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--waivers", waivers.string()});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find(waivers.string() + ":2:5: waivers[0]: missing required key 'issue'"), std::string::npos) << r.out;
    fs::remove(waivers);
}

TEST(CdctsRunWaivers, NoneAppliesNoWaivers)
{
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--device", "emu_reader", "--filter", "ReadToc.*",
                        "--waivers", "none"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_EQ(r.out.find("waived"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cdcts
