#include "reports/xml_text.hpp"

#include <string>

#include <gtest/gtest.h>

#include "tests/reports/junit_checks.hpp"

namespace cdcts::reports {
namespace {

using namespace std::string_literals;

TEST(XmlSafe, KeepsValidTextUnchanged) {
    EXPECT_EQ(xmlSafe("PLEXTOR DVDR   PX-716A 1.11"), "PLEXTOR DVDR   PX-716A 1.11");
    EXPECT_EQ(xmlSafe("tab\tline\ncr\r"), "tab\tline\ncr\r");
    EXPECT_EQ(xmlSafe("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x92\xBF"), "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x92\xBF");
    EXPECT_EQ(xmlSafe("<&\">"), "<&\">") << "markup is pugixml's to escape, not ours";
}

TEST(XmlSafe, ReplacesControlCharacters) {
    EXPECT_EQ(xmlSafe("ACME\x01"), "ACME\\x01");
    EXPECT_EQ(xmlSafe("A\x00" "B"s), "A\\x00B");
    EXPECT_EQ(xmlSafe("\x1B[0m\x7F"), "\\x1B[0m\x7F") << "DEL is a valid XML 1.0 character";
}

TEST(XmlSafe, ReplacesBytesThatAreNotWellFormedUtf8) {
    EXPECT_EQ(xmlSafe("\xFF\xFE"), "\\xFF\\xFE");
    EXPECT_EQ(xmlSafe("\xC3"), "\\xC3") << "a truncated sequence";
    EXPECT_EQ(xmlSafe("\xC0\xAF"), "\\xC0\\xAF") << "an overlong '/'";
    EXPECT_EQ(xmlSafe("\xED\xA0\x80"), "\\xED\\xA0\\x80") << "an encoded surrogate";
    EXPECT_EQ(xmlSafe("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80") << "above U+10FFFF";
    EXPECT_EQ(xmlSafe("\xEF\xBF\xBE"), "\\xEF\\xBF\\xBE") << "U+FFFE is not an XML character";
    EXPECT_EQ(xmlSafe("a\x80z"), "a\\x80z");
}

TEST(XmlSafe, OutputIsAlwaysXml10Text) {
    std::string everyByte;
    for (int byte = 0; byte < 256; ++byte) everyByte += static_cast<char>(byte);
    EXPECT_FALSE(testing_support::isXml10Text(everyByte));
    EXPECT_TRUE(testing_support::isXml10Text(xmlSafe(everyByte)));
}

TEST(TruncateUtf8, CutsOnACharacterBoundary) {
    EXPECT_EQ(truncateUtf8("short", 10), "short");
    EXPECT_EQ(truncateUtf8("abcdefghij", 8), "abcde...");
    // "é" is two bytes; a cut through it backs off to before it.
    EXPECT_EQ(truncateUtf8("abcd\xC3\xA9xyz", 8), "abcd...");
    EXPECT_EQ(truncateUtf8("abcdef", 2), "ab");
}

}  // namespace
}  // namespace cdcts::reports
