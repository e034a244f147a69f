#pragma once
// The waivers file (docs/waivers.md): known, tracked deviations that a lab accepts for a while. Each entry
// names devices and tests by glob, says why, and links the issue that tracks it (dEQP's waivers,
// conformance-conventions.md §1.4). A waived test is not run; its verdict is Waiver, never a pass.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdcts::reports {

struct Waiver {
    std::vector<std::string> devices;  // globs over device ids ("emu_*")
    std::vector<std::string> tests;    // globs over full test names ("ReadToc.*/emu_reader")
    std::string reason;
    std::string issue;  // the URL of the issue that tracks the deviation
    int line = 0;       // where the entry starts in the file, for warnings about it
};

struct WaiverList {
    std::string file;  // as messages name it; empty when no file was read
    std::vector<Waiver> waivers;
};

// What a waiver's skip message says: "Waiver: <issue URL> (<reason>)". The JUnit writer splits it again.
inline constexpr std::string_view kWaiverPrefix = "Waiver: ";

// A violation of the waivers format; what() is "<file>:<line>:<column>: <keyPath>: <detail>", without the
// position when there is none and without the key path when the error concerns the whole document.
class WaiverError : public std::runtime_error {
public:
    WaiverError(const std::string& file, int line, int column, const std::string& keyPath, const std::string& detail);
};

// Reads and validates `file`; throws WaiverError (a missing file too).
[[nodiscard]] WaiverList loadWaivers(const std::filesystem::path& file);
// Validates `yamlText` as the content of `fileForMessages`; throws WaiverError.
[[nodiscard]] WaiverList parseWaivers(std::string_view yamlText, const std::string& fileForMessages);

// Shell-style glob: '*' any run of characters (also none), '?' one character, everything else itself.
[[nodiscard]] bool globMatches(std::string_view pattern, std::string_view text);

// Whether `waiver` covers the test `testName` ("Suite.Case/param", no instantiation prefix) on `device`.
[[nodiscard]] bool waives(const Waiver& waiver, std::string_view device, std::string_view testName);

// The first entry that covers the test, or nullptr.
[[nodiscard]] const Waiver* findWaiver(const WaiverList& list, std::string_view device, std::string_view testName);

// One line per entry that covers none of `tests` (device id, full test name), e.g.
// "waivers.yaml:3: waivers[0] (https://...) matched no test of this run": a stale waiver hides nothing
// any more, or has a typo, and should go.
[[nodiscard]] std::vector<std::string> staleWaivers(const WaiverList& list,
                                                    const std::vector<std::pair<std::string, std::string>>& tests);

// The skip message of a waived test, and its two parts back from a message (empty when it is not one).
[[nodiscard]] std::string waiverMessage(const Waiver& waiver);
struct WaiverParts {
    std::string issue;
    std::string reason;
};
[[nodiscard]] WaiverParts waiverPartsOf(std::string_view message);

}  // namespace cdcts::reports
