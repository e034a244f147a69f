// The JUnit writer on synthetic run records: every verdict, both property profiles, two devices,
// hostile text.
#include "reports/junit_writer.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/reports/junit_checks.hpp"

namespace cdcts::reports {
namespace {

using testing_support::countMismatches;
using testing_support::findTestcase;
using testing_support::isXml10Document;
using testing_support::shapeProblems;
using testing_support::verdictChildren;

CaseRecord passing(std::string name) {
    CaseRecord item;
    item.name = std::move(name);
    item.file = "suites/toc_test.cpp";
    item.line = 12;
    item.seconds = 0.25;
    return item;
}

SuiteRecord suiteOn(std::string device) {
    SuiteRecord suite;
    suite.suite = "ReadToc";
    suite.device = device;
    suite.timestamp = "2026-11-24T16:20:01Z";
    suite.properties = {{"device", device}};
    return suite;
}

RunRecord runOf(std::vector<SuiteRecord> suites) {
    RunRecord run;
    run.hostname = "lab-7";
    run.timestamp = "2026-11-24T16:20:00Z";
    run.seconds = 3.5;
    run.suites = std::move(suites);
    return run;
}

// Renders, writes to text and parses it back, as a consumer would see it.
pugi::xml_document roundTrip(const RunRecord& run, JunitOptions options = {}) {
    pugi::xml_document rendered;
    renderJunit(run, options, rendered);
    const std::string text = junitText(rendered);
    EXPECT_TRUE(isXml10Document(text)) << text;
    pugi::xml_document parsed;
    const pugi::xml_parse_result result = parsed.load_string(text.c_str());
    EXPECT_TRUE(result) << result.description() << "\n" << text;
    return parsed;
}

TEST(JunitWriter, TwoDevicesInOneSuiteMakeTwoTestsuites) {
    SuiteRecord a = suiteOn("emu_a");
    a.cases.push_back(passing("ReadsToc/emu_a"));
    SuiteRecord b = suiteOn("emu_b");
    b.cases.push_back(passing("ReadsToc/emu_b"));
    const pugi::xml_document document = roundTrip(runOf({a, b}));

    const pugi::xml_node first = document.child("testsuites").child("testsuite");
    const pugi::xml_node second = first.next_sibling("testsuite");
    ASSERT_TRUE(first && second);
    EXPECT_STREQ(first.attribute("name").as_string(), "ReadToc.emu_a");
    EXPECT_STREQ(second.attribute("name").as_string(), "ReadToc.emu_b");
    EXPECT_EQ(first.attribute("id").as_int(), 0);
    EXPECT_EQ(second.attribute("id").as_int(), 1);
    EXPECT_STREQ(first.child("testcase").attribute("classname").as_string(), "cdcts.ReadToc.emu_a");
    EXPECT_STREQ(second.child("testcase").attribute("classname").as_string(), "cdcts.ReadToc.emu_b");
    EXPECT_STREQ(first.attribute("hostname").as_string(), "lab-7");
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
}

TEST(JunitWriter, EachVerdictBecomesOneChild) {
    SuiteRecord suite = suiteOn("emu_cd0");
    suite.cases.push_back(passing("Passes"));

    CaseRecord skipped = passing("Skips");
    skipped.outcome.addSkip({"t.cpp", 5, "drive has no CD-TEXT"});
    suite.cases.push_back(skipped);

    CaseRecord failed = passing("Fails");
    failed.outcome.addFailure({"t.cpp", 6, "first <message> & more"});
    failed.outcome.addFailure({"t.cpp", 7, "second message"});
    suite.cases.push_back(failed);

    CaseRecord lost = passing("LosesDevice");
    lost.outcome.addFailure({"t.cpp", 8, "DeviceLost: /dev/sg1 went away"});
    suite.cases.push_back(lost);

    CaseRecord crashed = passing("Crashes");
    crashed.finished = false;
    suite.cases.push_back(crashed);

    const pugi::xml_document document = roundTrip(runOf({suite}));
    const char* classname = "cdcts.ReadToc.emu_cd0";

    EXPECT_TRUE(verdictChildren(findTestcase(document, classname, "Passes")).empty());

    const pugi::xml_node skip = findTestcase(document, classname, "Skips").child("skipped");
    EXPECT_STREQ(skip.attribute("message").as_string(), "NotSupported: drive has no CD-TEXT");

    const pugi::xml_node failure = findTestcase(document, classname, "Fails").child("failure");
    EXPECT_EQ(verdictChildren(findTestcase(document, classname, "Fails")), std::vector<std::string>{"failure"});
    EXPECT_STREQ(failure.attribute("message").as_string(), "first <message> & more");
    EXPECT_STREQ(failure.attribute("type").as_string(), "Fail");
    EXPECT_STREQ(failure.text().get(), "t.cpp:6\nfirst <message> & more\n\nt.cpp:7\nsecond message");

    const pugi::xml_node error = findTestcase(document, classname, "LosesDevice").child("error");
    EXPECT_STREQ(error.attribute("type").as_string(), "DeviceLost");
    EXPECT_STREQ(error.attribute("message").as_string(), "DeviceLost: /dev/sg1 went away");

    const pugi::xml_node crash = findTestcase(document, classname, "Crashes").child("error");
    EXPECT_STREQ(crash.attribute("type").as_string(), "Crash");
    EXPECT_STREQ(crash.attribute("message").as_string(), kCrashMessage);

    const pugi::xml_node root = document.child("testsuites");
    EXPECT_EQ(root.attribute("tests").as_int(), 5);
    EXPECT_EQ(root.attribute("failures").as_int(), 1);
    EXPECT_EQ(root.attribute("errors").as_int(), 2);
    EXPECT_EQ(root.attribute("skipped").as_int(), 1);
    EXPECT_STREQ(root.attribute("time").as_string(), "3.500");
    EXPECT_STREQ(root.child("testsuite").attribute("time").as_string(), "1.250") << "5 cases of 0.25 s";
    EXPECT_EQ(countMismatches(document), std::vector<std::string>{});
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
}

TEST(JunitWriter, TestcaseAttributesAreInTheDocumentedOrder) {
    SuiteRecord suite = suiteOn("emu_cd0");
    suite.cases.push_back(passing("ReadsToc/emu_cd0"));
    const pugi::xml_document document = roundTrip(runOf({suite}));
    std::vector<std::string> attributes;
    for (pugi::xml_attribute attribute : document.child("testsuites").child("testsuite").child("testcase").attributes()) {
        attributes.emplace_back(attribute.name());
    }
    EXPECT_EQ(attributes, (std::vector<std::string>{"name", "classname", "time", "file", "line"}));
}

TEST(JunitWriter, StrictProfileWritesPropertiesOnlyAsSystemOutLines) {
    SuiteRecord suite = suiteOn("emu_cd0");
    CaseRecord item = passing("Measures");
    item.properties = {{"read_speed_kbps", "7056"}, {"note", "two\nlines"}};
    suite.cases.push_back(item);

    const pugi::xml_document strict = roundTrip(runOf({suite}));
    const pugi::xml_node strictCase = findTestcase(strict, "cdcts.ReadToc.emu_cd0", "Measures");
    EXPECT_STREQ(strictCase.child("system-out").text().get(), "read_speed_kbps=7056\nnote=two\\nlines\n");
    EXPECT_FALSE(strictCase.child("properties"));

    const pugi::xml_document extended = roundTrip(runOf({suite}), JunitOptions{.extendedProperties = true});
    const pugi::xml_node extendedCase = findTestcase(extended, "cdcts.ReadToc.emu_cd0", "Measures");
    EXPECT_STREQ(extendedCase.child("system-out").text().get(), "read_speed_kbps=7056\nnote=two\\nlines\n");
    const pugi::xml_node property = extendedCase.child("properties").child("property");
    EXPECT_STREQ(property.attribute("name").as_string(), "read_speed_kbps");
    EXPECT_STREQ(property.attribute("value").as_string(), "7056");
    EXPECT_STREQ(property.next_sibling("property").attribute("value").as_string(), "two\nlines");
}

TEST(JunitWriter, CaseWithoutPropertiesHasNoSystemOut) {
    SuiteRecord suite = suiteOn("emu_cd0");
    suite.cases.push_back(passing("Plain"));
    const pugi::xml_document document = roundTrip(runOf({suite}));
    EXPECT_FALSE(findTestcase(document, "cdcts.ReadToc.emu_cd0", "Plain").first_child());
}

TEST(JunitWriter, GlobalPropertiesFollowTheDeviceIdentity) {
    SuiteRecord suite = suiteOn("emu_cd0");
    suite.properties.push_back({"vendor", "ACME"});
    suite.cases.push_back(passing("Plain"));
    RunRecord run = runOf({suite});
    run.globalProperties = {{"host_os", "Debian 12"}};
    const pugi::xml_document document = roundTrip(run);
    std::vector<std::string> names;
    for (pugi::xml_node property : document.child("testsuites").child("testsuite").child("properties").children()) {
        names.emplace_back(property.attribute("name").as_string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"device", "vendor", "host_os"}));
}

TEST(JunitWriter, TestsWithoutDeviceUseTheSuiteAlone) {
    SuiteRecord suite = suiteOn(std::string{kNoDevice});
    suite.suite = "Catalog";
    suite.cases.push_back(passing("HasEveryCode"));
    const pugi::xml_document document = roundTrip(runOf({suite}));
    const pugi::xml_node node = document.child("testsuites").child("testsuite");
    EXPECT_STREQ(node.attribute("name").as_string(), "Catalog");
    EXPECT_STREQ(node.child("testcase").attribute("classname").as_string(), "cdcts.Catalog");
    EXPECT_STREQ(node.child("properties").child("property").attribute("value").as_string(), "-");
}

TEST(JunitWriter, InvalidCharactersAreReplacedEverywhere) {
    SuiteRecord suite = suiteOn("emu_cd0");
    suite.properties.push_back({"vendor", "AC\x01ME\xFF"});
    CaseRecord item = passing("Odd\x02Name");
    item.outcome.addFailure({"t.cpp", 3, "drive said \x1B[31m"});
    item.properties = {{"serial", "\x7F\x10"}};
    suite.cases.push_back(item);
    RunRecord run = runOf({suite});
    run.hostname = "host\x03";

    const pugi::xml_document document = roundTrip(run);  // also checks the text is XML 1.0
    const pugi::xml_node node = document.child("testsuites").child("testsuite");
    EXPECT_STREQ(node.attribute("hostname").as_string(), "host\\x03");
    EXPECT_STREQ(node.child("properties").last_child().attribute("value").as_string(), "AC\\x01ME\\xFF");
    const pugi::xml_node testcase = findTestcase(document, "cdcts.ReadToc.emu_cd0", "Odd\\x02Name");
    ASSERT_TRUE(testcase);
    EXPECT_STREQ(testcase.child("failure").attribute("message").as_string(), "drive said \\x1B[31m");
    EXPECT_STREQ(testcase.child("system-out").text().get(), "serial=\x7F\\x10\n");
}

TEST(JunitWriter, LongFailureMessagesAreCutInTheAttributeOnly) {
    SuiteRecord suite = suiteOn("emu_cd0");
    CaseRecord item = passing("Verbose");
    const std::string longText(5000, 'x');
    item.outcome.addFailure({"", 0, longText});
    suite.cases.push_back(item);
    const pugi::xml_document document = roundTrip(runOf({suite}));
    const pugi::xml_node failure = findTestcase(document, "cdcts.ReadToc.emu_cd0", "Verbose").child("failure");
    EXPECT_EQ(std::string{failure.attribute("message").as_string()}.size(), kMaxMessageAttributeBytes);
    EXPECT_EQ(std::string{failure.text().get()}, longText);
}

TEST(ReplaceFileAtomically, WritesAndReplaces) {
    const std::filesystem::path path =
        std::filesystem::path{testing::TempDir()} / ("cdcts_atomic_" + std::to_string(::getpid()) + ".xml");
    std::string error;
    ASSERT_TRUE(replaceFileAtomically(path, "first", error)) << error;
    ASSERT_TRUE(replaceFileAtomically(path, "second", error)) << error;
    std::ifstream in{path};
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "second");
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    std::filesystem::remove(path);
}

TEST(ReplaceFileAtomically, ReportsAnUnwritableDirectory) {
    std::string error;
    EXPECT_FALSE(replaceFileAtomically("/nonexistent-cdcts-dir/report.xml", "x", error));
    EXPECT_NE(error.find("/nonexistent-cdcts-dir/report.xml.tmp"), std::string::npos) << error;
}

}  // namespace
}  // namespace cdcts::reports
