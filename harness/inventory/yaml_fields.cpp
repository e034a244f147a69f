#include "harness/inventory/yaml_fields.hpp"

#include <algorithm>
#include <limits>

namespace cdcts::inventory::detail {
namespace {

// Duration units of faults.events[].at, in nanoseconds.
constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> kDurationUnits = {
    {{"ns", 1}, {"us", 1'000}, {"ms", 1'000'000}, {"s", 1'000'000'000}, {"min", 60'000'000'000}}};

}  // namespace

std::string joinPath(const std::string& parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return node.Tag() == "?" ? "'" + node.Scalar() + "'" : "a quoted string";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
    }
    return "nothing";
}

std::string readString(const Context& context, const Field& field)
{
    if (!field.value.IsScalar()) context.fail(field, "expected a string, got " + describe(field.value));
    return field.value.Scalar();
}

bool readBool(const Context& context, const Field& field)
{
    const YAML::Node& value = field.value;
    if (value.IsScalar() && value.Tag() == "?") {
        if (value.Scalar() == "true") return true;
        if (value.Scalar() == "false") return false;
    }
    context.fail(field, "expected true or false, got " + describe(value));
}

std::uint32_t readUnsigned(const Context& context, const Field& field)
{
    const YAML::Node& value = field.value;
    const auto fail = [&](const std::string& detail) { context.fail(field, detail); };
    const std::string expected = "expected an unsigned integer (decimal, or hex with 0x), got ";
    if (!value.IsScalar() || value.Tag() != "?") fail(expected + describe(value));
    const std::string& text = value.Scalar();
    if (text.starts_with('-')) fail("must not be negative, got '" + text + "'");
    const bool hex = text.starts_with("0x") || text.starts_with("0X");
    const std::string_view digits = std::string_view(text).substr(hex ? 2 : 0);
    if (digits.empty()) fail(expected + describe(value));
    if (!hex && digits.size() > 1 && digits.front() == '0') {
        fail("'" + text + "' has a leading zero (write decimal without one, or hex with 0x)");
    }
    const std::uint64_t base = hex ? 16 : 10;
    std::uint64_t result = 0;
    for (const char c : digits) {
        std::uint64_t digit = base;
        if (c >= '0' && c <= '9') digit = static_cast<std::uint64_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') digit = static_cast<std::uint64_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') digit = static_cast<std::uint64_t>(c - 'A' + 10);
        if (digit >= base) fail(expected + describe(value));
        result = result * base + digit;
        if (result > std::numeric_limits<std::uint32_t>::max()) {
            fail("'" + text + "' is out of range (at most " +
                 std::to_string(std::numeric_limits<std::uint32_t>::max()) + ")");
        }
    }
    return static_cast<std::uint32_t>(result);
}

CheckedMap openBlock(const Context& context, const Field& field, std::span<const std::string_view> allowed)
{
    return CheckedMap(context, field.value, field.path, field.key.Mark(), allowed);
}

std::uint32_t readAtLeastOne(const Context& context, const Field& field)
{
    const std::uint32_t value = readUnsigned(context, field);
    if (value < 1) context.fail(field, "must be at least 1, got 0");
    return value;
}

mmc::SenseCode readSense(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    const auto hexByte = [](std::string_view digits, std::uint8_t& out) {
        if (digits.size() != 2) return false;
        unsigned value = 0;
        for (const char c : digits) {
            unsigned digit = 16;
            if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
            if (digit >= 16) return false;
            value = value * 16 + digit;
        }
        out = static_cast<std::uint8_t>(value);
        return true;
    };
    std::uint8_t key = 0, asc = 0, ascq = 0;
    const bool shaped = text.size() == 8 && text[2] == '/' && text[5] == '/';
    if (!shaped || !hexByte(std::string_view(text).substr(0, 2), key) || !hexByte(std::string_view(text).substr(3, 2), asc) ||
        !hexByte(std::string_view(text).substr(6, 2), ascq)) {
        context.fail(field, "expected sense as KK/AA/QQ in hex (key/ASC/ASCQ, e.g. 03/11/00), got '" + text + "'");
    }
    if (key > 0x0F) context.fail(field, "the sense key is 00 to 0F, got '" + text + "'");
    return {static_cast<mmc::SenseKey>(key), asc, ascq};
}

std::chrono::nanoseconds readDuration(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > 0 && digits <= 12) {
        const std::string_view unit = std::string_view(text).substr(digits);
        for (const auto& [name, nanoseconds] : kDurationUnits) {
            if (unit != name) continue;
            const std::int64_t count = std::stoll(text.substr(0, digits));
            // A drive's clock counts 64-bit nanoseconds (about 292 years).
            if (count > std::numeric_limits<std::int64_t>::max() / nanoseconds)
                context.fail(field, "'" + text + "' is too long for the drive's clock");
            return std::chrono::nanoseconds(count * nanoseconds);
        }
    }
    context.fail(field, "expected a duration: a whole number and a unit (ns, us, ms, s, min), e.g. 5s or 1500ms, got '" +
                            text + "'");
}

std::int32_t readSigned(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    const bool negative = text.starts_with('-');
    const std::string_view digits = std::string_view(text).substr(negative || text.starts_with('+') ? 1 : 0);
    const bool valid = !digits.empty() && digits.size() <= 9 &&
                       std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!valid) context.fail(field, "expected a whole number such as -4 or 8, got '" + text + "'");
    const auto magnitude = static_cast<std::int32_t>(std::stol(std::string(digits)));
    return negative ? -magnitude : magnitude;
}

void refuseUnless(const Context& context, const CheckedMap& map, std::string_view key, bool allowed, std::string_view kinds)
{
    if (const Field* field = map.find(key); field != nullptr && !allowed) {
        context.fail(*field, "only for kind " + std::string(kinds));
    }
}

}  // namespace cdcts::inventory::detail
