#include "suites/status_matchers.hpp"

#include <cstdio>

namespace cdcts::suites {
namespace {
std::string show(ioctl::NtStatus s)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", s.value);
    const std::string name = ioctl::ntStatusName(s);
    return name.starts_with("STATUS_") ? name + " (" + hex + ")" : std::string(hex);
}
}  // namespace

testing::AssertionResult statusIs(const char* actualExpr, const char*, ioctl::NtStatus actual, ioctl::NtStatus expected)
{
    if (actual == expected) return testing::AssertionSuccess();
    return testing::AssertionFailure() << actualExpr << " is " << show(actual) << ", expected " << show(expected);
}

}  // namespace cdcts::suites
