#pragma once
// Checks on a parsed JUnit document shared by the writer tests and the crash test: each returns what
// is wrong (empty when nothing is), so a failing assertion names the offending element.
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace cdcts::reports::testing_support {

// tests/failures/errors/skipped on every <testsuite> and on <testsuites> against the children.
[[nodiscard]] std::vector<std::string> countMismatches(const pugi::xml_document& document);

// Shape rules: <properties> first in each suite, <system-out> and <system-err> last, at most one
// verdict child per testcase, required attributes present, classname+name unique.
[[nodiscard]] std::vector<std::string> shapeProblems(const pugi::xml_document& document);

// "2026-11-24T16:20:01Z" or "2026-11-24T16:20:01+00:00".
[[nodiscard]] bool isZoneQualifiedTimestamp(std::string_view text);

// Every byte is part of a valid XML 1.0 character in well-formed UTF-8.
[[nodiscard]] bool isXml10Text(std::string_view text);

// isXml10Text, and no character reference names a character XML 1.0 forbids: pugixml writes a raw
// control byte as "&#01;", which strict parsers (expat, libxml2) reject just the same.
[[nodiscard]] bool isXml10Document(std::string_view text);

// The <testcase> with this classname and name; an empty node when there is none.
[[nodiscard]] pugi::xml_node findTestcase(const pugi::xml_document& document, std::string_view classname,
                                          std::string_view name);

// The names of a testcase's verdict children (failure, error, skipped), in order.
[[nodiscard]] std::vector<std::string> verdictChildren(pugi::xml_node testcase);

}  // namespace cdcts::reports::testing_support
