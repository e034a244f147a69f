#pragma once
// cdcts' verdict vocabulary (dEQP's result codes, conformance-conventions.md §1.3) and how the parts
// gtest reports for one test fold into exactly one verdict. A message may name its verdict with a
// prefix ("NotSupported: no medium", "DeviceLost: the drive went away"); that is how fixtures say more
// than gtest's pass/fail/skip.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdcts::reports {

enum class Verdict {
    Pass,
    QualityWarning,  // pass: within the contract, but poor (a good drive does better)
    Fail,
    NotSupported,   // skip: the drive lacks what the test needs
    Waiver,         // skip: waived for this drive
    NotRun,         // skip: gtest did not run the test (failed set-up, --gtest_fail_fast)
    Timeout,        // error
    DeviceLost,     // error
    ResourceError,  // error
    InternalError,  // error
    Crash,          // error: started, never finished
};

// The property a test records (through DeviceTestCore::qualityWarning) to pass with a QualityWarning; its
// value is the warning text. A property, because gtest has no "passed, but" result.
inline constexpr const char* kQualityWarningProperty = "quality_warning";

// How JUnit carries a verdict: no child, <skipped>, <failure> or <error>.
enum class VerdictKind { Pass, Skipped, Failure, Error };

[[nodiscard]] const char* verdictName(Verdict verdict);
[[nodiscard]] VerdictKind verdictKind(Verdict verdict);

// The verdict a message names with a "<Verdict>: " prefix; nullopt without a known prefix. Pass and
// Fail are not prefixes: they are what plain gtest assertions already say.
[[nodiscard]] std::optional<Verdict> verdictPrefixOf(std::string_view message);

// One failure or skip as gtest reported it.
struct PartMessage {
    std::string file;  // empty when gtest knows no location
    int line = 0;      // 0 when unknown
    std::string text;
};

// "file:line\ntext", or just the text when the location is unknown.
[[nodiscard]] std::string formatPart(const PartMessage& part);

// The failures and the skip of one test (or of one set-up phase), and the single verdict they make:
// any failure beats a skip (gtest's own rule), an error-prefixed failure beats a plain one.
class Outcome {
public:
    void addFailure(PartMessage part);
    // Only the first skip counts: GTEST_SKIP returns from the test.
    void addSkip(PartMessage part);
    // The test passed but said it is poor; beats a pass, NotSupported and NotRun, loses to a Waiver and to
    // any failure (dEQP's severity order, conformance-conventions.md §1.3).
    void setQualityWarning(std::string text) { qualityWarning_ = std::move(text); }
    [[nodiscard]] const std::string& qualityWarning() const { return qualityWarning_; }

    [[nodiscard]] Verdict verdict() const;
    [[nodiscard]] bool hasProblem() const { return !failures_.empty() || skip_.has_value(); }
    [[nodiscard]] bool failed() const { return !failures_.empty(); }
    [[nodiscard]] const std::vector<PartMessage>& failures() const { return failures_; }

    // The one-line reason a report shows: "QualityWarning: <text>" for that verdict; for a skip "NotSupported: <reason>" (a skip without a known
    // verdict prefix is NotSupported, the project's convention); for a failure or error the text of
    // the first failure (of the first error-prefixed one for an error); empty for a pass.
    [[nodiscard]] std::string headline() const;
    // Every failure, formatted and separated by blank lines; empty unless failed().
    [[nodiscard]] std::string failureDetails() const;

private:
    [[nodiscard]] const PartMessage* firstErrorPart() const;

    std::vector<PartMessage> failures_;
    std::optional<PartMessage> skip_;
    std::string qualityWarning_;
};

}  // namespace cdcts::reports
