#include "harness/ioctl/code_argument.hpp"

#include <cstdint>

namespace cdcts::ioctl {
namespace {

constexpr std::string_view kHint = "give an SDK name such as IOCTL_CDROM_READ_TOC or a number such as 0x00024000";

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

int digitValue(char c, unsigned base)
{
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    return (v >= 0 && static_cast<unsigned>(v) < base) ? v : -1;
}

CodeArgument failure(std::string message)
{
    CodeArgument result;
    result.error = std::move(message);
    return result;
}

CodeArgument fromNumber(std::string_view original, std::string_view digits, unsigned base)
{
    if (digits.empty()) return failure("'" + std::string(original) + "' has no digits after 0x; " + std::string(kHint));
    std::uint64_t value = 0;
    for (char c : digits) {
        const int d = digitValue(c, base);
        if (d < 0) {
            if (base == 10 && digitValue(c, 16) >= 0)
                return failure("'" + std::string(original) + "' looks like hex; write it as 0x" +
                               std::string(original));
            return failure("'" + std::string(original) + "' is not a number: '" + std::string(1, c) + "' is not a " +
                           (base == 16 ? "hex" : "decimal") + " digit");
        }
        value = value * base + static_cast<unsigned>(d);
        if (value > 0xFFFFFFFFu)
            return failure("'" + std::string(original) + "' does not fit in a 32-bit control code");
    }
    CodeArgument result;
    result.value = ControlCode{static_cast<std::uint32_t>(value)};
    result.info = findCode(*result.value);
    return result;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Up to three catalog names containing what the user typed, to turn a typo into a next step.
std::string suggestionsFor(std::string_view name)
{
    std::string needle = upper(name);
    if (needle.starts_with("IOCTL_")) needle.erase(0, 6);
    std::string list;
    int found = 0;
    for (const CodeInfo& info : allCodes()) {
        if (needle.size() < 3 || info.name.find(needle) == std::string_view::npos) continue;
        list += (found == 0 ? "" : ", ");
        list += info.name;
        if (++found == 3) break;
    }
    return list;
}

}  // namespace

CodeArgument parseCodeArgument(std::string_view text)
{
    const std::string_view arg = trim(text);
    if (arg.empty()) return failure("empty control code; " + std::string(kHint));

    const char first = arg.front();
    if (first == '-' || first == '+')
        return failure("'" + std::string(arg) + "': a control code is an unsigned 32-bit number without a sign");
    if (first >= '0' && first <= '9') {
        if (arg.size() > 1 && first == '0' && (arg[1] == 'x' || arg[1] == 'X'))
            return fromNumber(arg, arg.substr(2), 16);
        // 00024000 is the hex column of the SDK tables read without its 0x; refuse to guess.
        if (arg.size() > 1 && first == '0')
            return failure("'" + std::string(arg) + "' is ambiguous (leading zero): write 0x" + std::string(arg) +
                           " for hex, or drop the leading zeros for decimal");
        return fromNumber(arg, arg, 10);
    }

    const CodeInfo* info = findCode(arg);
    if (info == nullptr) {
        const std::string suggestions = suggestionsFor(arg);
        return failure("unknown control code '" + std::string(arg) + "'; " +
                       (suggestions.empty() ? std::string(kHint) : "did you mean " + suggestions + "?"));
    }
    CodeArgument result;
    result.info = info;
    if (!info->value) {
        const CodeInfo* replacement = findCode(info->replacement);
        result.error = std::string(info->name) + " has no numeric value in any header";
        if (replacement != nullptr && replacement->value)
            result.error += "; use " + std::string(replacement->name) + " (" +
                            formatControlCode(*replacement->value) + ") instead";
        return result;
    }
    result.value = info->value;
    return result;
}

}  // namespace cdcts::ioctl
