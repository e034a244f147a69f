#pragma once
// The JUnit XML report of a run (docs/junit.md), written by cdcts itself instead of gtest's XML
// printer, and rewritten as the run goes so a killed process still leaves a parseable file that names
// the test it died in.
//
// Install before RUN_ALL_TESTS; gtest owns the listener afterwards:
//     auto* junit = new JunitListener{"results.xml", catalog};
//     testing::UnitTest::GetInstance()->listeners().Append(junit);
#include <filesystem>
#include <string>

#include "reports/device_catalog.hpp"
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

    // Renders the record and replaces the file with it; the listener calls this itself at program
    // start, at every test start (the test shown as a crash), at a test's first failure or skip, at
    // every test end, after a suite or environment phase that changed something, and at program end.
    bool write();

protected:
    void recordChanged(Moment moment) override;

private:
    std::filesystem::path path_;
    JunitOptions options_;
    pugi::xml_document document_;
    std::string error_;
};

}  // namespace cdcts::reports
