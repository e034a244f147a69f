#pragma once
// Where and when a run happens, in the forms JUnit consumers read.
#include <chrono>
#include <string>

namespace cdcts::reports {

// gethostname(), or "localhost" (the windyroad schema's stand-in) when it fails.
[[nodiscard]] std::string hostName();

// ISO 8601 in UTC with the zone spelled out, to the second: "2026-11-24T16:20:01Z". A zone-less
// timestamp (what gtest writes) is read as local time by some consumers and as UTC by others.
[[nodiscard]] std::string utcTimestamp(std::chrono::system_clock::time_point when);

// Seconds as JUnit's time attributes carry them: decimal, millisecond resolution ("1.250").
[[nodiscard]] std::string junitSeconds(double seconds);

}  // namespace cdcts::reports
