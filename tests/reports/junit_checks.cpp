#include "tests/reports/junit_checks.hpp"

#include <cstdint>
#include <regex>
#include <set>
#include <utility>

namespace cdcts::reports::testing_support {

namespace {

bool isVerdict(std::string_view name) { return name == "failure" || name == "error" || name == "skipped"; }

struct Counts {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
};

void compare(std::vector<std::string>& problems, pugi::xml_node node, const Counts& counts) {
    const std::string where = std::string{node.name()} + " '" + node.attribute("name").as_string() + "'";
    const std::pair<const char*, int> expected[] = {
        {"tests", counts.tests}, {"failures", counts.failures}, {"errors", counts.errors}, {"skipped", counts.skipped}};
    for (const auto& [attribute, value] : expected) {
        if (!node.attribute(attribute)) {
            problems.push_back(where + " has no " + attribute);
        } else if (node.attribute(attribute).as_int(-1) != value) {
            problems.push_back(where + " says " + attribute + "=" + node.attribute(attribute).as_string() +
                               " but has " + std::to_string(value));
        }
    }
}

}  // namespace

std::vector<std::string> countMismatches(const pugi::xml_document& document) {
    std::vector<std::string> problems;
    const pugi::xml_node root = document.child("testsuites");
    if (!root) return {"no <testsuites> root"};
    Counts total;
    for (pugi::xml_node suite : root.children("testsuite")) {
        Counts counts;
        for (pugi::xml_node testcase : suite.children("testcase")) {
            ++counts.tests;
            if (testcase.child("failure")) ++counts.failures;
            if (testcase.child("error")) ++counts.errors;
            if (testcase.child("skipped")) ++counts.skipped;
        }
        compare(problems, suite, counts);
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.skipped += counts.skipped;
    }
    compare(problems, root, total);
    return problems;
}

std::vector<std::string> shapeProblems(const pugi::xml_document& document) {
    std::vector<std::string> problems;
    const pugi::xml_node root = document.child("testsuites");
    if (!root) return {"no <testsuites> root"};
    std::set<std::pair<std::string, std::string>> seen;
    for (pugi::xml_node suite : root.children("testsuite")) {
        const std::string where = std::string{"testsuite '"} + suite.attribute("name").as_string() + "'";
        for (const char* attribute : {"name", "package", "id", "hostname", "timestamp", "tests", "failures", "errors",
                                      "skipped", "time"}) {
            if (!suite.attribute(attribute)) problems.push_back(where + " lacks " + attribute);
        }
        std::vector<std::string> order;
        for (pugi::xml_node child : suite.children()) order.emplace_back(child.name());
        if (order.size() < 3 || order.front() != "properties" || order[order.size() - 2] != "system-out" ||
            order.back() != "system-err") {
            problems.push_back(where + " children are not properties, testcase*, system-out, system-err");
        }
        for (std::size_t i = 1; i + 2 < order.size(); ++i) {
            if (order[i] != "testcase") problems.push_back(where + " has <" + order[i] + "> among its testcases");
        }
        for (pugi::xml_node testcase : suite.children("testcase")) {
            const std::string classname = testcase.attribute("classname").as_string();
            const std::string name = testcase.attribute("name").as_string();
            if (classname.empty() || name.empty() || !testcase.attribute("time")) {
                problems.push_back(where + " has a testcase without name, classname or time");
            }
            if (!seen.emplace(classname, name).second) problems.push_back("duplicate " + classname + " / " + name);
            if (verdictChildren(testcase).size() > 1) problems.push_back(classname + " / " + name + " has two verdicts");
            for (const char* verdict : {"failure", "error"}) {
                pugi::xml_node node = testcase.child(verdict);
                if (node && !node.attribute("type")) problems.push_back(classname + " / " + name + " verdict lacks type");
            }
        }
    }
    return problems;
}

bool isZoneQualifiedTimestamp(std::string_view text) {
    static const std::regex pattern{R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)"};
    return std::regex_match(text.begin(), text.end(), pattern);
}

bool isXml10Text(std::string_view text) {
    // Written independently of reports::xmlSafe, which the tests check with it.
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t length = 1;
        std::uint32_t cp = lead;
        std::uint32_t smallest = 0;
        if (lead >= 0xF0) {
            length = 4;
            cp = lead & 0x07u;
            smallest = 0x10000;
        } else if (lead >= 0xE0) {
            length = 3;
            cp = lead & 0x0Fu;
            smallest = 0x800;
        } else if (lead >= 0xC0) {
            length = 2;
            cp = lead & 0x1Fu;
            smallest = 0x80;
        } else if (lead >= 0x80) {
            return false;  // a continuation byte without a lead
        }
        if (pos + length > text.size()) return false;
        for (std::size_t i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(text[pos + i]);
            if ((next & 0xC0u) != 0x80u) return false;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < smallest) return false;  // overlong
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) return false;
        pos += length;
    }
    return true;
}

bool isXml10Document(std::string_view text) {
    if (!isXml10Text(text)) return false;
    for (std::size_t at = text.find("&#"); at != std::string_view::npos; at = text.find("&#", at + 2)) {
        std::size_t pos = at + 2;
        const bool hex = pos < text.size() && text[pos] == 'x';
        if (hex) ++pos;
        std::uint32_t cp = 0;
        for (; pos < text.size() && text[pos] != ';'; ++pos) {
            const char c = text[pos];
            std::uint32_t digit = 0;
            if (c >= '0' && c <= '9') {
                digit = static_cast<std::uint32_t>(c - '0');
            } else if (hex && c >= 'a' && c <= 'f') {
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (hex && c >= 'A' && c <= 'F') {
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return false;
            }
            cp = cp * (hex ? 16u : 10u) + digit;
            if (cp > 0x10FFFF) return false;
        }
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) return false;
    }
    return true;
}

pugi::xml_node findTestcase(const pugi::xml_document& document, std::string_view classname, std::string_view name) {
    for (pugi::xml_node suite : document.child("testsuites").children("testsuite")) {
        for (pugi::xml_node testcase : suite.children("testcase")) {
            if (classname == testcase.attribute("classname").as_string() && name == testcase.attribute("name").as_string()) {
                return testcase;
            }
        }
    }
    return {};
}

std::vector<std::string> verdictChildren(pugi::xml_node testcase) {
    std::vector<std::string> names;
    for (pugi::xml_node child : testcase.children()) {
        if (isVerdict(child.name())) names.emplace_back(child.name());
    }
    return names;
}

}  // namespace cdcts::reports::testing_support
