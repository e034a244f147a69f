// JunitFile, the in-run JUnit file: valid after every update, the case in flight shown as a Crash, head
// writes in place instead of whole-file rewrites, and a final document identical to renderJunit's.
#include "reports/junit_file.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "tests/reports/junit_checks.hpp"

namespace cdcts::reports {
namespace {

using testing_support::countMismatches;
using testing_support::findTestcase;
using testing_support::isXml10Document;
using testing_support::shapeProblems;
using testing_support::verdictChildren;

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class JunitFileTest : public testing::Test {
protected:
    void SetUp() override
    {
        path_ = std::filesystem::path{testing::TempDir()} /
                ("cdcts_junit_file_" + std::string{testing::UnitTest::GetInstance()->current_test_info()->name()} + "_" +
                 std::to_string(::getpid()) + ".xml");
        run_.hostname = "lab-7";
        run_.timestamp = "2026-11-24T16:20:00Z";
        for (const char* device : {"emu_a", "emu_b"}) {
            SuiteRecord suite;
            suite.suite = "ReadToc";
            suite.device = device;
            suite.timestamp = run_.timestamp;
            suite.properties = {{"device", device}, {"device.vendor", "CDCTS"}, {"device.product", "VIRTUAL DVD-ROM"}};
            run_.suites.push_back(suite);
        }
    }
    void TearDown() override { std::filesystem::remove(path_); }

    // Starts a case on suite `s` (a running case, as the recorder writes it) and returns where it is.
    JunitFile::CaseRef start(std::size_t s, const std::string& name)
    {
        CaseRecord item;
        item.name = name + "/" + run_.suites[s].device;
        item.finished = false;
        run_.suites[s].cases.push_back(item);
        return {s, run_.suites[s].cases.size() - 1};
    }
    CaseRecord& at(JunitFile::CaseRef ref) { return run_.suites[ref.first].cases[ref.second]; }

    // The file as a consumer reads it now, checked for shape and counts.
    pugi::xml_document parsed()
    {
        const std::string text = readFile(path_);
        EXPECT_TRUE(isXml10Document(text));
        pugi::xml_document document;
        const pugi::xml_parse_result result = document.load_string(text.c_str());
        EXPECT_TRUE(result) << result.description() << "\n" << text;
        EXPECT_EQ(countMismatches(document), std::vector<std::string>{}) << text;
        return document;
    }

    std::filesystem::path path_;
    RunRecord run_;
    std::string error_;
};

TEST_F(JunitFileTest, TheCaseInFlightIsACrashUntilItEnds)
{
    JunitFile file{path_, {}};
    ASSERT_TRUE(file.update(run_, std::nullopt, error_)) << error_;
    const auto ref = start(0, "ReturnsAToc");
    ASSERT_TRUE(file.update(run_, ref, error_)) << error_;
    {
        const pugi::xml_document document = parsed();
        const pugi::xml_node testcase = findTestcase(document, "cdcts.ReadToc.emu_a", "ReturnsAToc/emu_a");
        EXPECT_EQ(verdictChildren(testcase), std::vector<std::string>{"error"});
        EXPECT_STREQ(testcase.child("error").attribute("type").as_string(), "Crash");
    }
    at(ref).outcome.addFailure({"t.cpp", 3, "last words"});
    ASSERT_TRUE(file.update(run_, ref, error_));
    EXPECT_NE(std::string{findTestcase(parsed(), "cdcts.ReadToc.emu_a", "ReturnsAToc/emu_a").child("error").text().get()}
                  .find("last words"),
              std::string::npos);
    at(ref).finished = true;
    ASSERT_TRUE(file.update(run_, ref, error_));
    const pugi::xml_document document = parsed();
    EXPECT_EQ(verdictChildren(findTestcase(document, "cdcts.ReadToc.emu_a", "ReturnsAToc/emu_a")),
              std::vector<std::string>{"failure"});
    EXPECT_EQ(shapeProblems(document), std::vector<std::string>{});
}

TEST_F(JunitFileTest, UpdatesBetweenFullWritesRewriteOnlyTheHeadPage)
{
    JunitFile file{path_, {}, std::chrono::hours{1}};  // no full write falls due on a slow machine
    ASSERT_TRUE(file.update(run_, std::nullopt, error_));  // the first write creates the file
    const auto ref = start(1, "ReadsCapacity");
    ASSERT_TRUE(file.update(run_, ref, error_));
    at(ref).finished = true;
    ASSERT_TRUE(file.update(run_, ref, error_));
    EXPECT_EQ(file.stats().fullWrites, 1);
    EXPECT_EQ(file.stats().headWrites, 2);
    const std::string text = readFile(path_);
    ASSERT_GT(text.size(), JunitFile::kHeadBytes);
    EXPECT_EQ(text[JunitFile::kHeadBytes - 1], '\n') << "the head fills exactly one page";
    EXPECT_NE(text.find("ReadsCapacity/emu_b"), std::string::npos);
    EXPECT_LT(text.find("ReadsCapacity/emu_b"), JunitFile::kHeadBytes) << "written by the head write";
}

TEST_F(JunitFileTest, ManyQuickTestsKeepTheFileValidAndTheLatestCaseInIt)
{
    JunitFile file{path_, {}};
    int events = 0;
    for (int i = 0; i < 400; ++i) {
        const auto ref = start(static_cast<std::size_t>(i % 2), "Case" + std::to_string(i));
        ASSERT_TRUE(file.update(run_, ref, error_)) << error_;
        at(ref).finished = true;
        ASSERT_TRUE(file.update(run_, ref, error_)) << error_;
        events += 2;
        if (i % 50 == 49) {
            const pugi::xml_document document = parsed();
            const std::string device = i % 2 == 0 ? "emu_a" : "emu_b";
            EXPECT_TRUE(findTestcase(document, "cdcts.ReadToc." + device, "Case" + std::to_string(i) + "/" + device))
                << "the latest case is always in the file";
        }
    }
    EXPECT_LT(file.stats().fullWrites, events / 4) << "most updates are head writes";
}

TEST_F(JunitFileTest, ACaseTooBigForTheHeadIsWrittenToTheBodyAndRewrittenWhenItEnds)
{
    JunitFile file{path_, {}};
    ASSERT_TRUE(file.update(run_, std::nullopt, error_));
    const auto ref = start(0, "FailsLoudly");
    at(ref).outcome.addFailure({"t.cpp", 9, std::string(3 * JunitFile::kHeadBytes, 'x')});
    ASSERT_TRUE(file.update(run_, ref, error_));
    EXPECT_STREQ(findTestcase(parsed(), "cdcts.ReadToc.emu_a", "FailsLoudly/emu_a").child("error").attribute("type").as_string(),
                 "Crash");
    at(ref).finished = true;
    ASSERT_TRUE(file.update(run_, ref, error_));
    EXPECT_EQ(verdictChildren(findTestcase(parsed(), "cdcts.ReadToc.emu_a", "FailsLoudly/emu_a")),
              std::vector<std::string>{"failure"});
}

TEST_F(JunitFileTest, FinishWritesExactlyTheRenderedDocument)
{
    JunitFile file{path_, {}};
    const auto ref = start(0, "ReturnsAToc");
    ASSERT_TRUE(file.update(run_, ref, error_));
    at(ref).finished = true;
    ASSERT_TRUE(file.finish(run_, error_)) << error_;
    pugi::xml_document rendered;
    renderJunit(run_, {}, rendered);
    EXPECT_EQ(readFile(path_), junitText(rendered));
}

}  // namespace
}  // namespace cdcts::reports
