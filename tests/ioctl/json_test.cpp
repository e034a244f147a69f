// JSON string escaping, the writer, and Decoded rendered as JSON and text.
#include <gtest/gtest.h>

#include <stdexcept>

#include "harness/ioctl/decoded.hpp"
#include "harness/ioctl/json.hpp"

namespace cdcts::ioctl {
namespace {

TEST(Json, EscapesQuotesBackslashesAndControlCharacters)
{
    EXPECT_EQ(jsonQuote("plain"), "\"plain\"");
    EXPECT_EQ(jsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(jsonQuote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
    EXPECT_EQ(jsonQuote(std::string_view("\x01\x1F\x7F", 3)), "\"\\u0001\\u001F\\u007F\"");
    EXPECT_EQ(jsonQuote(std::string_view("a\0b", 3)), "\"a\\u0000b\"");
    EXPECT_EQ(jsonQuote("/"), "\"/\"");
}

TEST(Json, KeepsValidUtf8AndEscapesInvalidBytes)
{
    EXPECT_EQ(jsonQuote("caf\xC3\xA9"), "\"caf\xC3\xA9\"");               // é
    EXPECT_EQ(jsonQuote("\xE2\x82\xAC"), "\"\xE2\x82\xAC\"");             // €
    EXPECT_EQ(jsonQuote("\xF0\x9F\x92\xBF"), "\"\xF0\x9F\x92\xBF\"");     // U+1F4BF optical disc
    EXPECT_EQ(jsonQuote("\xFF"), "\"\\u00FF\"");                          // never valid
    EXPECT_EQ(jsonQuote("\xC3"), "\"\\u00C3\"");                          // truncated sequence
    EXPECT_EQ(jsonQuote("\xC0\xAF"), "\"\\u00C0\\u00AF\"");               // overlong '/'
    EXPECT_EQ(jsonQuote("\xED\xA0\x80"), "\"\\u00ED\\u00A0\\u0080\"");    // UTF-16 surrogate
    EXPECT_EQ(jsonQuote("\xE9t\xE9"), "\"\\u00E9t\\u00E9\"");             // Latin-1 text from a drive
}

TEST(Json, WriterNestsAndSeparates)
{
    JsonWriter json;
    json.beginObject();
    json.key("a").value(std::int64_t{1});
    json.key("b").beginArray().value("x").value(true).null().value(std::int64_t{-5}).endArray();
    json.key("c").beginObject().endObject();
    json.key("d").beginArray().endArray();
    json.endObject();
    EXPECT_EQ(json.str(), R"({"a":1,"b":["x",true,null,-5],"c":{},"d":[]})");
}

TEST(Json, WriterTakesAnyIntegerType)
{
    JsonWriter json;
    json.beginArray().value(5).value(std::uint64_t{18446744073709551615u}).value(std::int8_t{-3}).value(false).endArray();
    EXPECT_EQ(json.str(), "[5,18446744073709551615,-3,false]");
}

TEST(Json, DecodedTreeEmbedsInALargerDocument)
{
    Decoded node{"MediaChangeCount", "7", std::int64_t{7}, {}};
    JsonWriter json;
    json.beginObject().key("status").value("STATUS_SUCCESS").key("decoded");
    node.writeJson(json);
    json.endObject();
    EXPECT_EQ(json.str(), R"({"status":"STATUS_SUCCESS","decoded":{"name":"MediaChangeCount","value":"7","number":7}})");
}

TEST(Json, WriterIndents)
{
    JsonWriter json(2);
    json.beginObject().key("a").beginArray().value(std::int64_t{1}).value(std::int64_t{2}).endArray().endObject();
    EXPECT_EQ(json.str(), "{\n  \"a\": [\n    1,\n    2\n  ]\n}");
}

TEST(Json, WriterRejectsMisuse)
{
    JsonWriter a;
    a.beginObject();
    EXPECT_THROW(a.value("no key"), std::logic_error);
    JsonWriter b;
    b.beginArray();
    EXPECT_THROW(b.endObject(), std::logic_error);
    JsonWriter c;
    c.value("one");
    EXPECT_THROW(c.value("two"), std::logic_error);
}

TEST(Json, DecodedTreeRendersAsJsonAndText)
{
    Decoded root{"INQUIRYDATA", {}, std::nullopt, {}};
    root.add("DeviceType", std::int64_t{5}, "0x05 (CD/DVD device)");
    root.add("VendorId", "Q\"uote\\d\n");
    root.addNote("cut short");
    const std::string expected =
        "{\"name\":\"INQUIRYDATA\",\"children\":["
        "{\"name\":\"DeviceType\",\"value\":\"0x05 (CD/DVD device)\",\"number\":5},"
        "{\"name\":\"VendorId\",\"value\":\"Q\\\"uote\\\\d\\n\"},"
        "{\"name\":\"note\",\"value\":\"cut short\"}]}";
    EXPECT_EQ(root.toJson(), expected);
    EXPECT_EQ(root.toText(),
              "INQUIRYDATA\n"
              "  DeviceType: 0x05 (CD/DVD device)\n"
              "  VendorId: Q\"uote\\d\n\n"
              "  note: cut short\n");
    EXPECT_TRUE(root.hasNote());
    EXPECT_EQ(root.child("DeviceType")->number, 5);
    EXPECT_EQ(root.child("Missing"), nullptr);
}

TEST(Json, NegativeAndLargeNumbers)
{
    Decoded root{"x", {}, std::nullopt, {}};
    root.add("Lba", std::int64_t{-150});
    root.add("Big", std::int64_t{0xFFFFFFFF});
    const std::string expected = R"({"name":"x","children":[{"name":"Lba","value":"-150","number":-150},)"
                                 R"({"name":"Big","value":"4294967295","number":4294967295}]})";
    EXPECT_EQ(root.toJson(), expected);
}

}  // namespace
}  // namespace cdcts::ioctl
