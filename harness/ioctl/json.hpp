#pragma once
// A minimal JSON writer for decoded replies and CLI output: objects, arrays, strings, integers, booleans.
// Strings are escaped per RFC 8259; bytes that are not valid UTF-8 are written as \u00XX (read as Latin-1),
// so whatever a drive returns, the document stays valid JSON.
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cdcts::ioctl {

// The quoted JSON form of text: a"b -> "a\"b".
[[nodiscard]] std::string jsonQuote(std::string_view text);

class JsonWriter {
public:
    // indent 0 writes everything on one line; otherwise nested values go on their own lines.
    explicit JsonWriter(int indent = 0) : indent_(indent) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);  // inside an object, before each value
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag);
    // Any integer type, so that value(5), value(size) and value(std::int64_t{-1}) all write a number.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    JsonWriter& value(T number)
    {
        if constexpr (std::is_signed_v<T>) return signedNumber(static_cast<std::int64_t>(number));
        else return unsignedNumber(static_cast<std::uint64_t>(number));
    }
    JsonWriter& null();

    // The document so far; complete once every begin has its end.
    [[nodiscard]] const std::string& str() const { return out_; }

private:
    struct Level {
        bool isObject;
        bool empty = true;
    };
    JsonWriter& signedNumber(std::int64_t number);
    JsonWriter& unsignedNumber(std::uint64_t number);
    void beforeValue();
    void newline();
    JsonWriter& close(char bracket);

    std::string out_;
    std::vector<Level> levels_;
    bool afterKey_ = false;
    int indent_;
};

}  // namespace cdcts::ioctl
