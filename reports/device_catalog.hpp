#pragma once
// Which drive a test ran on, and what identifies that drive in a report. The CLI fills a catalog from
// the inventory before the run; the reports only read it.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace testing {
class TestInfo;
}

namespace cdcts::reports {

// A name/value pair as JUnit's <property> carries it.
struct Property {
    std::string name;
    std::string value;

    friend bool operator==(const Property&, const Property&) = default;
};
using Properties = std::vector<Property>;

// The device id used for tests that do not run on a device (plain TEST, set-up pseudo cases).
inline constexpr std::string_view kNoDevice = "-";

// The first whitespace-separated token of a test's value parameter: our parameter types print as
// "<device_id>" or "<device_id> key=value ...". Quotes around it (a plain std::string parameter) are
// dropped. Empty when the test has no value parameter.
[[nodiscard]] std::string deviceFromValueParam(const char* valueParam);

// Default DeviceOf: deviceFromValueParam(test.value_param()).
[[nodiscard]] std::string deviceFromTestParam(const testing::TestInfo& test);

struct DeviceCatalog {
    using DeviceOf = std::function<std::string(const testing::TestInfo&)>;

    // device id -> identity properties (vendor, product, revision, backend, profile, medium, ...), in
    // the order they should appear in the report.
    std::map<std::string, Properties, std::less<>> devices;
    // Which device a test ran on; an empty result means "no device" (reported as kNoDevice).
    DeviceOf deviceOf = deviceFromTestParam;

    // deviceOf(test), or kNoDevice when it is empty or deviceOf is unset.
    [[nodiscard]] std::string deviceIdOf(const testing::TestInfo& test) const;
    // The identity properties of a device; empty for an unknown device.
    [[nodiscard]] const Properties& identityOf(std::string_view deviceId) const;
};

}  // namespace cdcts::reports
