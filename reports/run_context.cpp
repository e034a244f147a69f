#include "reports/run_context.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <ctime>

namespace cdcts::reports {

std::string hostName() {
    std::array<char, 256> buffer{};
    if (::gethostname(buffer.data(), buffer.size() - 1) != 0 || buffer[0] == '\0') return "localhost";
    return std::string{buffer.data()};
}

std::string utcTimestamp(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    if (::gmtime_r(&seconds, &utc) == nullptr) return "1970-01-01T00:00:00Z";
    std::array<char, 32> buffer{};
    const std::size_t length = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string{buffer.data(), length};
}

std::string junitSeconds(double seconds) {
    if (!(seconds >= 0.0)) seconds = 0.0;  // also catches NaN
    std::array<char, 32> buffer{};
    const int length = std::snprintf(buffer.data(), buffer.size(), "%.3f", seconds);
    if (length <= 0 || static_cast<std::size_t>(length) >= buffer.size()) return "0.000";
    return std::string{buffer.data(), static_cast<std::size_t>(length)};
}

}  // namespace cdcts::reports
