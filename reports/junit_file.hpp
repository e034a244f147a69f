#pragma once
// The JUnit file while a run is going: a complete, parseable document at every moment that names the test
// in flight as a Crash, at a cost that grows linearly with the run (docs/junit.md, "Crash safety").
//
// Layout during the run: the first kHeadBytes bytes (one page) are "the head": the XML declaration, the
// root start tag with the run's counts, and the cases that changed since the last full write, padded with
// blanks. The rest, "the body", holds every other case and the closing tag. A test start, first problem or
// end rewrites only the head, in place, with one single-page write; a full write (temporary file + rename,
// as replaceFileAtomically) happens when enough time has passed since the last one (kFullWriteShare), or
// when the head cannot hold the case in flight. finish() writes the final document exactly as renderJunit makes it.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reports/junit_writer.hpp"
#include "reports/run_record.hpp"

namespace cdcts::reports {

class JunitFile {
public:
    // One page: Linux checks for a fatal signal only between the pages of a write(), so a write within one
    // page is in practice done entirely or not at all even when the process is killed during it.
    static constexpr std::size_t kHeadBytes = 4096;
    // A full write waits at least kFullWriteShare times as long as the last one took, and at least
    // kMinFullWriteInterval: full writes then cost at most 1/kFullWriteShare of the run's time, however big
    // the file grows, and a kill loses at most that interval's worth of quick tests beyond what the head holds.
    static constexpr int kFullWriteShare = 20;
    static constexpr std::chrono::milliseconds kMinFullWriteInterval{20};

    // (suite index, case index) in a RunRecord.
    using CaseRef = std::pair<std::size_t, std::size_t>;

    // `minFullWriteInterval` is kMinFullWriteInterval but for tests that must not depend on the clock.
    JunitFile(std::filesystem::path path, JunitOptions options,
              std::chrono::milliseconds minFullWriteInterval = kMinFullWriteInterval);
    ~JunitFile();
    JunitFile(const JunitFile&) = delete;
    JunitFile& operator=(const JunitFile&) = delete;

    // Brings the file up to date with `run`; `latest` is the case that started or changed last. On failure
    // returns false and says why in `error`.
    bool update(const RunRecord& run, std::optional<CaseRef> latest, std::string& error);
    // The final document (renderJunit), replacing the file; the head layout ends with it.
    bool finish(const RunRecord& run, std::string& error);

    struct Stats {
        int fullWrites = 0;
        int headWrites = 0;
    };
    [[nodiscard]] const Stats& stats() const { return stats_; }

private:
    using SteadyClock = std::chrono::steady_clock;
    enum class HeadCases { Uncommitted, LatestOnly };

    bool fullWrite(const RunRecord& run, std::optional<CaseRef> keepInHead, std::string& error);
    [[nodiscard]] std::optional<std::string> renderHead(const RunRecord& run, HeadCases which,
                                                        std::optional<CaseRef> latest) const;
    [[nodiscard]] std::size_t committedIn(std::size_t suite) const;
    bool writeHead(const std::string& head, std::string& error);
    void closeFile();

    std::filesystem::path path_;
    JunitOptions options_;
    int fd_ = -1;                        // the file as last renamed into place, for the head writes
    std::vector<std::size_t> committed_;  // per suite: how many of its first cases the body holds
    Tally bodyTally_;
    int bodySuites_ = 0;                  // <testsuite> elements in the body (ids 0..n-1)
    std::optional<CaseRef> inFlightInBody_;  // a case too big for the head, written to the body unfinished
    SteadyClock::time_point lastFullWrite_{};
    std::chrono::milliseconds minFullWriteInterval_;
    SteadyClock::duration nextFullWriteAfter_{};
    bool headOverflowed_ = false;  // the cases since the last full write no longer fit in the head
    Stats stats_;
};

}  // namespace cdcts::reports
