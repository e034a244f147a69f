#pragma once
// The JUnit XML report of a run (docs/junit.md), written by cdcts itself instead of gtest's XML
// printer, and kept up to date as the run goes so a killed process still leaves a parseable file that names
// the test it died in (reports/junit_file.hpp says how, at a cost linear in the run).
//
// Install before RUN_ALL_TESTS; gtest owns the listener afterwards:
//     auto* junit = new JunitListener{"results.xml", catalog};
//     testing::UnitTest::GetInstance()->listeners().Append(junit);
#include <filesystem>
#include <string>

#include "reports/device_catalog.hpp"
#include "reports/junit_file.hpp"
#include "reports/junit_writer.hpp"
#include "reports/run_recorder.hpp"

namespace cdcts::reports {

class JunitListener : public RunRecorder {
public:
    JunitListener(std::filesystem::path path, DeviceCatalog catalog, JunitOptions options = {});

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // True while every write so far succeeded; the CLI turns a false into a failed run.
    [[nodiscard]] bool ok() const { return error_.empty(); }
    // Why the first failed write failed; empty when none did.
    [[nodiscard]] const std::string& error() const { return error_; }
    // How many full writes and in-place head writes the run cost.
    [[nodiscard]] const JunitFile::Stats& stats() const { return file_.stats(); }

    // Renders the whole record and replaces the file with it, as the listener does itself at program end.
    bool write();

protected:
    // At program start, every test start (the test shown as a crash), a test's first failure or skip, every
    // test end, the end of a suite or environment phase that changed something: an update of the file.
    void recordChanged(Moment moment) override;

private:
    void report(const std::string& error);

    std::filesystem::path path_;
    JunitFile file_;
    std::string error_;
};

}  // namespace cdcts::reports
