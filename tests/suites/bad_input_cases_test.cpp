// The bad-input generator (suites/bad_input_cases.hpp): every catalog code has cases, every case name is unique and
// usable in a GoogleTest name, and every case documents at least one answer and where it comes from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "harness/ioctl/catalog.hpp"
#include "suites/bad_input_cases.hpp"

namespace cdcts::suites::bad_input {
namespace {

TEST(BadInputCases, EveryCatalogCodeHasACaseNamedAfterIt)
{
    std::map<std::string_view, int> perCode;
    for (const BadInputCase& c : badInputCases()) ++perCode[c.code];
    for (const ioctl::CodeInfo& info : ioctl::allCodes()) {
        EXPECT_GE(perCode[info.name], 1) << info.name << " has no bad-input case";
        const std::string prefix = camelCaseCodeName(info.name) + "_";
        const bool named = std::any_of(badInputCases().begin(), badInputCases().end(),
                                       [&](const BadInputCase& c) { return c.name.rfind(prefix, 0) == 0; });
        EXPECT_TRUE(named) << "no case name starts with " << prefix;
        std::cout << "  " << info.name << ": " << perCode[info.name] << " cases\n";
    }
    std::cout << "  " << badInputCases().size() << " cases in all\n";
}

TEST(BadInputCases, NamesAreUniqueAndFitTestNames)
{
    std::set<std::string> seen;
    for (const BadInputCase& c : badInputCases()) {
        EXPECT_TRUE(seen.insert(c.name).second) << "duplicate case name " << c.name;
        EXPECT_TRUE(std::all_of(c.name.begin(), c.name.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }))
            << c.name;
    }
}

TEST(BadInputCases, EveryCaseDocumentsItsAnswers)
{
    for (const BadInputCase& c : badInputCases()) {
        SCOPED_TRACE(c.name);
        EXPECT_FALSE(c.withMedium.empty());
        EXPECT_FALSE(c.withoutMedium.empty());
        EXPECT_FALSE(c.rule.empty()) << "no contract section";
        EXPECT_EQ(c.rule.substr(0, 2), "§") << "the rule starts with its section";
        EXPECT_NE(ioctl::findCode(c.code), nullptr) << c.code << " is not a catalog name";
        if (c.minInformation && c.maxInformation) {
            EXPECT_LE(*c.minInformation, *c.maxInformation);
        }
    }
}

TEST(BadInputCases, CamelCaseNamesDropTheIoctlPrefix)
{
    EXPECT_EQ(camelCaseCodeName("IOCTL_CDROM_READ_TOC_EX"), "CdromReadTocEx");
    EXPECT_EQ(camelCaseCodeName("IOCTL_STORAGE_CHECK_VERIFY2"), "StorageCheckVerify2");
    EXPECT_EQ(camelCaseCodeName("OBSOLETE_IOCTL_CDROM_GET_CONTROL"), "ObsoleteCdromGetControl");
}

TEST(BadInputCases, ReadWriteCodesAskForAReadWriteHandle)
{
    for (const BadInputCase& c : badInputCases())
        EXPECT_EQ(c.access == HandleAccess::ReadWrite, c.value.access() == ioctl::RequiredAccess::ReadWrite) << c.name;
}

}  // namespace
}  // namespace cdcts::suites::bad_input
