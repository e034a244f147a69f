// `cdcts bench --junit` end to end (docs/performance.md "cdcts bench"): a testcase per benchmark with its figures
// as properties, NotSupported as <skipped>, devices.yaml thresholds as failures naming their declaration, the exit
// codes, and the JSON's cdcts section.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "tests/cli/temp_dir.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
using testing_support::run;
using testing_support::TempDir;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

std::string property(const pugi::xml_node testcase, const char* name)
{
    return testcase.select_node(("properties/property[@name='" + std::string(name) + "']").c_str()).node().attribute("value").value();
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// An emulated writer with the mixed disc and the given thresholds lines (indented under the key).
std::string writerWithThresholds(const std::string& lines)
{
    return "devices:\n"
           "  - id: emu_w\n"
           "    backend: emulated\n"
           "    emulated:\n"
           "      profile: dvdrw_writer\n"
           "      medium: synthetic:mixed\n"
           "    bench:\n"
           "      thresholds:\n" +
           lines;
}

// A reader without a disc: every read benchmark is NotSupported (only a few disc-less queries run), so a run is quick.
std::string discLessWithThresholds(const std::string& lines)
{
    return "devices:\n"
           "  - id: emu_none\n"
           "    backend: emulated\n"
           "    emulated: {profile: dvd_rom, medium: none}\n"
           "    bench:\n"
           "      thresholds:\n" +
           lines;
}

TEST(BenchJunit, TestcasePerBenchmarkWithFiguresAndASkip)
{
    TempDir dir("bench-junit");
    const auto junit = dir / "bench.xml";
    const auto json = dir / "bench.json";
    const auto r = run({kCdcts, "bench", "--devices", kDevices, "--filter", "^(RawRead/emu_writer/CDDA/27/|RawRead/emu_empty/CDDA)",
                        "--junit", junit.string(), "--json", json.string()});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("[4/4] RawRead/emu_empty/CDDA"), std::string::npos) << r.out;  // the progress counter

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str())) << fileText(junit);
    EXPECT_EQ(doc.select_nodes("//testcase").size(), 4u);
    EXPECT_STREQ(doc.child("testsuites").attribute("skipped").value(), "1");
    const pugi::xml_node outer = doc.select_node("//testcase[@classname='cdcts.RawRead.emu_writer'][@name='CDDA/27/outer']").node();
    ASSERT_TRUE(outer) << fileText(junit);
    EXPECT_GT(std::stod(property(outer, "x_cd")), 20.0);
    EXPECT_GT(std::stod(property(outer, "bytes_per_second")), 20.0 * 176400);
    EXPECT_EQ(property(outer, "iterations"), "16");
    EXPECT_EQ(property(outer, "time_basis"), "modeled");
    EXPECT_EQ(property(outer, "benchmark"), "RawRead/emu_writer/CDDA/27/outer/iterations:16/manual_time");
    EXPECT_FALSE(property(outer, "device.identity").empty());
    EXPECT_FALSE(outer.child("failure"));
    const pugi::xml_node empty = doc.select_node("//testcase[@classname='cdcts.RawRead.emu_empty'][@name='CDDA']").node();
    EXPECT_EQ(std::string(empty.child("skipped").attribute("message").value()).rfind("NotSupported: ", 0), 0u);

    // The repository's threshold on that outer read was checked; the others matched nothing under --filter: notes.
    EXPECT_NE(r.out.find("1 figures checked"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("note: "), std::string::npos) << r.out;
    const std::string jsonText = fileText(json);
    EXPECT_NE(jsonText.find("\"cdcts\": {"), std::string::npos);
    EXPECT_NE(jsonText.find("\"status\": \"passed\""), std::string::npos) << jsonText;
    EXPECT_NE(jsonText.find("\"verdict\": \"NotSupported\""), std::string::npos);
}

TEST(BenchJunit, AnImpossibleThresholdFailsNamingItsDeclaration)
{
    TempDir dir("bench-threshold");
    const auto devices = dir / "devices.yaml";
    std::ofstream(devices) << writerWithThresholds("        - {benchmark: RawRead/CDDA/27/outer, counter: x_cd, min: 1000}\n");
    const auto junit = dir / "bench.xml";
    const auto r = run({kCdcts, "bench", "--devices", devices.string(), "--filter", "^RawRead/emu_w/CDDA/27/", "--junit", junit.string()});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    const std::string where = devices.string() + ":9:11";
    EXPECT_NE(r.out.find("x_cd = "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("is below the minimum 1000"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(where), std::string::npos) << r.out;

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str()));
    EXPECT_EQ(doc.select_nodes("//testcase").size(), 3u);
    EXPECT_EQ(doc.select_nodes("//testcase/failure").size(), 1u);  // only the outer read is declared
    const pugi::xml_node failure = doc.select_node("//testcase[@name='CDDA/27/outer']/failure").node();
    EXPECT_NE(std::string(failure.attribute("message").value()).find(where), std::string::npos) << failure.attribute("message").value();
}

TEST(BenchJunit, AThresholdOnACounterTheBenchmarkLacksFails)
{
    TempDir dir("bench-counter");
    const auto devices = dir / "devices.yaml";
    std::ofstream(devices) << writerWithThresholds("        - {benchmark: RawRead/CDDA/27/outer, counter: p99_ms, max: 50}\n");
    const auto r = run({kCdcts, "bench", "--devices", devices.string(), "--filter", "^RawRead/emu_w/CDDA/27/outer"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("no counter p99_ms in this benchmark (it has: bytes_per_second, sectors_per_second"), std::string::npos) << r.out;
}

// CookedRead registers its skips under shorter names (CookedRead/<id>, CookedRead/<id>/<size>) than the benchmarks a
// pattern names: a threshold on them is matched and not applied on a drive without a disc, not an unmatched error.
TEST(BenchJunit, AThresholdOnNotSupportedBenchmarksIsNotApplied)
{
    TempDir dir("bench-not-applied");
    const auto devices = dir / "devices.yaml";
    std::ofstream(devices) << discLessWithThresholds("        - {benchmark: 'CookedRead/32/*', counter: x_cd, min: 18}\n");
    const auto junit = dir / "bench.xml";
    const auto json = dir / "bench.json";
    const auto r = run({kCdcts, "bench", "--devices", devices.string(), "--junit", junit.string(), "--json", json.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_EQ(r.out.find("matched no benchmark"), std::string::npos) << r.out;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str()));
    EXPECT_EQ(doc.select_nodes("//testcase/failure").size(), 0u);
    const auto cooked = doc.select_nodes("//testcase[starts-with(@classname, 'cdcts.CookedRead.')]");
    ASSERT_FALSE(cooked.empty());
    EXPECT_EQ(doc.select_nodes("//testcase[starts-with(@classname, 'cdcts.CookedRead.')]/skipped").size(), cooked.size());
    std::ifstream in(json);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("\"status\": \"not_applied\""), std::string::npos) << text.substr(0, 2000);
}

TEST(BenchJunit, AThresholdMatchingNothingIsAnErrorWithoutFilter)
{
    TempDir dir("bench-unmatched");
    const auto devices = dir / "devices.yaml";
    std::ofstream(devices) << discLessWithThresholds("        - {benchmark: 'RawRead/*', counter: x_cd, min: 20}\n"
                                                     "        - {benchmark: RawRaed/CDDA/27/outer, counter: x_cd, min: 20}\n");
    const auto junit = dir / "bench.xml";
    const auto r = run({kCdcts, "bench", "--devices", devices.string(), "--junit", junit.string()});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("ERROR " + devices.string() + ":8:11: the threshold RawRaed/CDDA/27/outer"), std::string::npos) << r.out;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str()));
    // The NotSupported benchmarks the first threshold matched stay skipped; the typo is a failing testcase.
    EXPECT_EQ(doc.select_nodes("//testcase/failure").size(), 1u);
    EXPECT_TRUE(doc.select_node("//testcase[@classname='cdcts.(thresholds).emu_none']/failure"));
    const auto rawReads = doc.select_nodes("//testcase[starts-with(@classname, 'cdcts.RawRead.')]");
    ASSERT_FALSE(rawReads.empty());
    EXPECT_EQ(doc.select_nodes("//testcase[starts-with(@classname, 'cdcts.RawRead.')]/skipped").size(), rawReads.size());

    // Under --filter the same threshold is only a note.
    const auto filtered = run({kCdcts, "bench", "--devices", devices.string(), "--filter", "RawRead"});
    EXPECT_EQ(filtered.exitCode, 0) << filtered.out;
    EXPECT_NE(filtered.out.find("note: "), std::string::npos) << filtered.out;
}

}  // namespace
}  // namespace cdcts
