// The results layer of `cdcts bench`: threshold matching and evaluation, the JUnit records, the JSON section.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "reports/junit_writer.hpp"
#include "suites/bench/bench_junit.hpp"
#include "suites/bench/results_json.hpp"
#include "suites/bench/thresholds.hpp"

namespace cdcts::suites::bench {
namespace {

BenchResult measured(std::string name, std::vector<BenchCounter> counters)
{
    BenchResult r;
    r.name = std::move(name);
    r.runName = r.name + "/iterations:16/manual_time";
    r.iterations = 16;
    r.seconds = 0.25;
    r.timeBasis = "modeled";
    r.counters = std::move(counters);
    return r;
}

inventory::BenchThreshold threshold(std::string pattern, std::string counter, std::optional<double> min, std::optional<double> max,
                                    int line = 42)
{
    return {std::move(pattern), std::move(counter), min, max, {"devices.yaml", line, 11}};
}

TEST(BenchNames, SplitIntoFamilyDeviceAndParameters)
{
    const BenchNameParts p = splitBenchName("RawRead/emu_writer/CDDA/27/outer");
    EXPECT_EQ(p.family, "RawRead");
    EXPECT_EQ(p.device, "emu_writer");
    EXPECT_EQ(p.parameters, "CDDA/27/outer");
    EXPECT_EQ(nameWithoutDevice("RawRead/emu_writer/CDDA/27/outer"), "RawRead/CDDA/27/outer");
    EXPECT_EQ(nameWithoutDevice("SpinUp/emu_writer"), "SpinUp");
    EXPECT_EQ(splitBenchName("SpinUp/emu_writer").parameters, "");
    EXPECT_EQ(registeredName("RawRead/emu_writer/CDDA/27/outer/iterations:16/manual_time"), "RawRead/emu_writer/CDDA/27/outer");
    EXPECT_EQ(registeredName("Seek/emu_writer/random/min_time:0.500/real_time"), "Seek/emu_writer/random");
    EXPECT_EQ(registeredName("SpinUp/emu_writer"), "SpinUp/emu_writer");
}

TEST(ThresholdPattern, MatchesPartByPartWithStarForOnePart)
{
    EXPECT_TRUE(thresholdPatternMatches("RawRead/CDDA/27/outer", "RawRead/CDDA/27/outer"));
    EXPECT_TRUE(thresholdPatternMatches("RawRead/*/27/*", "RawRead/CDDA/27/outer"));
    EXPECT_TRUE(thresholdPatternMatches("Latency/*", "Latency/read"));
    EXPECT_FALSE(thresholdPatternMatches("Latency/*", "Latency/read/toc"));  // '*' is one part, not several
    EXPECT_FALSE(thresholdPatternMatches("RawRead/CDDA/27", "RawRead/CDDA/27/outer"));
    EXPECT_FALSE(thresholdPatternMatches("RawRead/CDDA/27/outer/x", "RawRead/CDDA/27/outer"));
    EXPECT_FALSE(thresholdPatternMatches("RawRead/CDDA/2", "RawRead/CDDA/27"));  // whole parts, not prefixes
    EXPECT_TRUE(thresholdPatternMatches("SpinUp", "SpinUp"));
}

TEST(Thresholds, FigureBelowMinFailsNamingFigureLimitAndDeclaration)
{
    std::vector<BenchResult> results{measured("RawRead/emu_writer/CDDA/27/outer", {{"x_cd", 23.88}}),
                                     measured("RawRead/emu_writer/CDDA/27/inner", {{"x_cd", 22.14}})};
    const auto checks = applyThresholds({{"emu_writer", {threshold("RawRead/CDDA/27/*", "x_cd", 23.0, std::nullopt)}}}, results);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].matched, 2);
    EXPECT_EQ(checks[0].passed, 1);
    EXPECT_EQ(checks[0].failed, 1);
    EXPECT_TRUE(results[0].thresholdFailures.empty());
    ASSERT_EQ(results[1].thresholdFailures.size(), 1u);
    const std::string& text = results[1].thresholdFailures[0].text;
    EXPECT_NE(text.find("x_cd = 22.14 is below the minimum 23"), std::string::npos) << text;
    EXPECT_NE(text.find("devices.yaml:42:11"), std::string::npos) << text;
}

TEST(Thresholds, FigureAboveMaxFails)
{
    std::vector<BenchResult> results{measured("Latency/emu_reader/read", {{"p99_ms", 80.0}})};
    applyThresholds({{"emu_reader", {threshold("Latency/*", "p99_ms", std::nullopt, 50.0)}}}, results);
    ASSERT_EQ(results[0].thresholdFailures.size(), 1u);
    EXPECT_NE(results[0].thresholdFailures[0].text.find("p99_ms = 80 is above the maximum 50"), std::string::npos);
}

TEST(Thresholds, MinAndMaxAreInclusive)
{
    std::vector<BenchResult> results{measured("A/d/x", {{"ms", 5.0}})};
    applyThresholds({{"d", {threshold("A/x", "ms", 5.0, 5.0)}}}, results);
    EXPECT_TRUE(results[0].thresholdFailures.empty());
}

TEST(Thresholds, NanFigureReachesNoLimit)
{
    std::vector<BenchResult> results{measured("A/d/x", {{"x_cd", std::numeric_limits<double>::quiet_NaN()}})};
    applyThresholds({{"d", {threshold("A/x", "x_cd", 1.0, std::nullopt)}}}, results);
    EXPECT_EQ(results[0].thresholdFailures.size(), 1u);
}

TEST(Thresholds, MissingCounterFailsListingTheCountersThereAre)
{
    std::vector<BenchResult> results{measured("RawRead/emu_writer/CDDA/27/outer", {{"bytes_per_second", 1.0}, {"x_cd", 23.0}})};
    const auto checks = applyThresholds({{"emu_writer", {threshold("RawRead/CDDA/27/outer", "x_CD", 20.0, std::nullopt)}}}, results);
    EXPECT_EQ(checks[0].failed, 1);
    ASSERT_EQ(results[0].thresholdFailures.size(), 1u);
    EXPECT_NE(results[0].thresholdFailures[0].text.find("it has: bytes_per_second, x_cd"), std::string::npos);
}

TEST(Thresholds, NotSupportedAndFailedBenchmarksAreNotJudged)
{
    BenchResult skipped = measured("RawRead/emu_empty/CDDA", {});
    skipped.status = BenchStatus::NotSupported;
    skipped.message = "NotSupported: no disc";
    BenchResult failed = measured("RawRead/emu_empty/XAForm2", {});
    failed.status = BenchStatus::Failed;
    failed.message = "read failed";
    std::vector<BenchResult> results{skipped, failed};
    const auto checks = applyThresholds({{"emu_empty", {threshold("RawRead/*", "x_cd", 20.0, std::nullopt)}}}, results);
    EXPECT_EQ(checks[0].matched, 2);
    EXPECT_EQ(checks[0].notApplied, 2);
    EXPECT_EQ(checks[0].failed, 0);
    EXPECT_TRUE(results[0].thresholdFailures.empty());
    EXPECT_TRUE(results[1].thresholdFailures.empty());
}

// A family that cannot run registers one skip under a shorter name (CookedRead/<id>, CookedRead/<id>/32): a pattern
// naming the benchmarks under it matched them, NotSupported, and judges nothing (not "matched no benchmark").
TEST(Thresholds, ANotSupportedSkipUnderAShorterNameCoversThePattern)
{
    BenchResult family = measured("CookedRead/emu_empty", {});
    family.status = BenchStatus::NotSupported;
    BenchResult size = measured("CookedRead/emu_empty/32", {});
    size.status = BenchStatus::NotSupported;
    BenchResult ran = measured("CookedRead/emu_empty/16", {{"x_cd", 1.0}});  // measured, but not named by the pattern
    std::vector<BenchResult> results{family, size, ran};
    const auto checks = applyThresholds({{"emu_empty", {threshold("CookedRead/32/*", "x_cd", 18.0, std::nullopt),
                                                        threshold("CookedRead/64/*", "x_cd", 18.0, std::nullopt),
                                                        threshold("AccessTime/*", "x_cd", 18.0, std::nullopt)}}},
                                        results);
    EXPECT_EQ(checks[0].matched, 2);
    EXPECT_EQ(checks[0].notApplied, 2);
    EXPECT_EQ(checks[0].failed, 0);
    EXPECT_EQ(checks[1].matched, 1);  // the family's skip covers every size
    EXPECT_EQ(checks[1].notApplied, 1);
    EXPECT_EQ(checks[2].matched, 0);  // nothing of that name at all: still an error for the caller
    for (const BenchResult& r : results) EXPECT_TRUE(r.thresholdFailures.empty());
    const std::string section = cdctsJsonSection(results, checks, false, 2);
    EXPECT_NE(section.find("\"status\": \"not_applied\""), std::string::npos) << section;
}

TEST(Thresholds, OnlyANotSupportedSkipCoversAPattern)
{
    EXPECT_TRUE(thresholdPatternCovers("CookedRead/32/*", "CookedRead"));
    EXPECT_TRUE(thresholdPatternCovers("CookedRead/32/*", "CookedRead/32"));
    EXPECT_TRUE(thresholdPatternCovers("CookedRead/*/outer", "CookedRead/32"));
    EXPECT_FALSE(thresholdPatternCovers("CookedRead/32/*", "CookedRead/16"));
    EXPECT_FALSE(thresholdPatternCovers("CookedRead/32", "CookedRead/32/inner"));
    EXPECT_FALSE(thresholdPatternCovers("RawRead/CDDA", "CookedRead"));
    // A measured or failed benchmark under a shorter name is not counted: its figures are not the pattern's.
    BenchResult failed = measured("CookedRead/emu_empty/32", {});
    failed.status = BenchStatus::Failed;
    std::vector<BenchResult> results{measured("CookedRead/emu_empty", {{"x_cd", 1.0}}), failed};
    EXPECT_EQ(applyThresholds({{"emu_empty", {threshold("CookedRead/32/*", "x_cd", 18.0, std::nullopt)}}}, results)[0].matched, 0);
}

TEST(Thresholds, ApplyOnlyToTheirOwnDevice)
{
    std::vector<BenchResult> results{measured("RawRead/emu_reader/CDDA/27/outer", {{"x_cd", 1.0}})};
    const auto checks = applyThresholds({{"emu_writer", {threshold("RawRead/CDDA/27/outer", "x_cd", 20.0, std::nullopt)}}}, results);
    EXPECT_EQ(checks[0].matched, 0);  // the caller reports it as matching nothing
    EXPECT_TRUE(results[0].thresholdFailures.empty());
}

// The verdict of each kind of result, as the conformance JUnit writes it.
pugi::xml_document junitOf(const std::vector<BenchResult>& results)
{
    reports::RunRecord run;
    for (const BenchResult& r : results) placeBenchCase(run, r.name, {{"device.vendor", "CDCTS"}}, benchCaseRecord(r, "CDCTS X 1.0"));
    pugi::xml_document doc;
    reports::renderJunit(run, reports::JunitOptions{true}, doc);
    return doc;
}

TEST(BenchJunit, TestcasePerBenchmarkWithFiguresAsProperties)
{
    BenchResult ok = measured("RawRead/emu_writer/CDDA/27/outer", {{"x_cd", 23.5}});
    ok.label = "LBA 25941, modeled time";
    BenchResult skipped = measured("RawRead/emu_empty/CDDA", {});
    skipped.status = BenchStatus::NotSupported;
    skipped.message = "NotSupported: no disc";
    BenchResult failed = measured("RawRead/emu_writer/XAForm2/1/inner", {});
    failed.status = BenchStatus::Failed;
    failed.message = "RAW_READ at LBA 0 failed: STATUS_IO_DEVICE_ERROR";
    BenchResult warned = measured("SpinUp/emu_writer/16x", {{"ms", 900.0}});
    warned.qualityWarnings = {"reached 8x of 16x", "slow"};
    BenchResult missed = measured("RawRead/emu_writer/CDDA/27/inner", {{"x_cd", 2.0}});
    missed.thresholdFailures.push_back({"x_cd = 2 is below the minimum 20", {"devices.yaml", 42, 11}});
    const pugi::xml_document doc = junitOf({ok, skipped, failed, warned, missed});

    const pugi::xml_node outer = doc.select_node("//testcase[@name='CDDA/27/outer']").node();
    ASSERT_TRUE(outer);
    EXPECT_STREQ(outer.attribute("classname").value(), "cdcts.RawRead.emu_writer");
    EXPECT_STREQ(outer.select_node("properties/property[@name='x_cd']").node().attribute("value").value(), "23.5");
    EXPECT_STREQ(outer.select_node("properties/property[@name='iterations']").node().attribute("value").value(), "16");
    EXPECT_STREQ(outer.select_node("properties/property[@name='time_basis']").node().attribute("value").value(), "modeled");
    EXPECT_STREQ(outer.select_node("properties/property[@name='label']").node().attribute("value").value(), "LBA 25941, modeled time");
    EXPECT_STREQ(outer.select_node("properties/property[@name='device.identity']").node().attribute("value").value(), "CDCTS X 1.0");
    EXPECT_FALSE(outer.child("failure") || outer.child("skipped"));

    const pugi::xml_node skip = doc.select_node("//testcase[@classname='cdcts.RawRead.emu_empty']").node();
    EXPECT_STREQ(skip.attribute("name").value(), "CDDA");
    EXPECT_STREQ(skip.child("skipped").attribute("message").value(), "NotSupported: no disc");

    const pugi::xml_node fail = doc.select_node("//testcase[@name='XAForm2/1/inner']").node();
    EXPECT_STREQ(fail.child("failure").attribute("message").value(), "RAW_READ at LBA 0 failed: STATUS_IO_DEVICE_ERROR");

    const pugi::xml_node warn = doc.select_node("//testcase[@name='16x']").node();
    EXPECT_FALSE(warn.child("failure") || warn.child("skipped"));  // a QualityWarning passes
    EXPECT_STREQ(warn.select_node("properties/property[@name='quality_warning']").node().attribute("value").value(),
                 "reached 8x of 16x; slow");
    EXPECT_EQ(std::string(warn.child_value("system-out")).rfind("QualityWarning: reached 8x of 16x; slow\n", 0), 0u);

    const pugi::xml_node threshold = doc.select_node("//testcase[@name='CDDA/27/inner']").node();
    EXPECT_STREQ(threshold.child("failure").attribute("message").value(), "x_cd = 2 is below the minimum 20");
    EXPECT_NE(std::string(threshold.child("failure").child_value()).find("devices.yaml:42"), std::string::npos);

    const pugi::xml_node root = doc.child("testsuites");
    EXPECT_STREQ(root.attribute("tests").value(), "5");
    EXPECT_STREQ(root.attribute("failures").value(), "2");
    EXPECT_STREQ(root.attribute("skipped").value(), "1");
}

TEST(BenchJunit, FinishedCaseReplacesItsInFlightPlaceholder)
{
    reports::RunRecord run;
    const std::string runName = "RawRead/d/CDDA/1/inner/iterations:16/manual_time";
    placeBenchCase(run, runName, {}, inFlightCaseRecord(runName));
    EXPECT_EQ(run.suites.at(0).cases.at(0).verdict(), reports::Verdict::Crash);
    EXPECT_EQ(run.suites.at(0).cases.at(0).name, "CDDA/1/inner");  // named as it will be when finished
    BenchResult r = measured("RawRead/d/CDDA/1/inner", {});
    const auto where = placeBenchCase(run, r.name, {}, benchCaseRecord(r, ""));
    EXPECT_EQ(where.first, 0u);
    EXPECT_EQ(where.second, 0u);
    ASSERT_EQ(run.suites.at(0).cases.size(), 1u);
    EXPECT_EQ(run.suites[0].cases[0].verdict(), reports::Verdict::Pass);
    EXPECT_EQ(run.suites[0].cases[0].name, "CDDA/1/inner");
}

TEST(ResultsJson, SectionIsTheLastMemberOfGooglesObject)
{
    const std::string google = "{\n  \"context\": {},\n  \"benchmarks\": [\n  ]\n}\n";
    const auto merged = withCdctsSection(google, "{}");
    ASSERT_TRUE(merged);
    EXPECT_EQ(*merged, "{\n  \"context\": {},\n  \"benchmarks\": [\n  ],\n  \"cdcts\": {}\n}\n");
    EXPECT_FALSE(withCdctsSection("[1]", "{}"));
}

TEST(ResultsJson, SectionCarriesVerdictsAndThresholdChecks)
{
    BenchResult missed = measured("RawRead/emu_writer/CDDA/27/inner", {{"x_cd", 2.0}});
    std::vector<BenchResult> results{missed};
    const auto checks = applyThresholds({{"emu_writer", {threshold("RawRead/CDDA/27/inner", "x_cd", 20.0, std::nullopt),
                                                         threshold("Nope", "x_cd", 1.0, std::nullopt, 43)}}},
                                        results);
    const std::string section = cdctsJsonSection(results, checks, false, 2);
    EXPECT_NE(section.find("\"verdict\": \"Fail\""), std::string::npos) << section;
    EXPECT_NE(section.find("\"threshold_failures\": [\"x_cd = 2 is below the minimum 20"), std::string::npos) << section;
    EXPECT_NE(section.find("\"declared_at\": \"devices.yaml:43:11\""), std::string::npos) << section;
    EXPECT_NE(section.find("\"status\": \"error: matched no benchmark\""), std::string::npos) << section;
    EXPECT_NE(cdctsJsonSection(results, checks, true, 1).find("ignored"), std::string::npos);
}

}  // namespace
}  // namespace cdcts::suites::bench
