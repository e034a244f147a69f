#pragma once
// A RunRecord as JUnit XML (docs/junit.md), and the atomic write that keeps the file on disk parseable
// at every moment of a run.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "reports/run_record.hpp"

namespace cdcts::reports {

struct JunitOptions {
    // Also write RecordProperty values as per-testcase <properties> (Jenkins reads them with
    // keepProperties). The strict default writes them only as key=value lines in <system-out>.
    bool extendedProperties = false;
};

// The suite-level property that lists the issue URLs of the waivers that applied, space-separated.
inline constexpr std::string_view kWaiverUrlsProperty = "waiver_urls";

// Attribute values (failure messages) are cut to this many bytes; the element body has everything.
inline constexpr std::size_t kMaxMessageAttributeBytes = 1024;

// Replaces `out`'s content with the JUnit document for `run`.
void renderJunit(const RunRecord& run, const JunitOptions& options, pugi::xml_document& out);

// The parts renderJunit is made of, for writers that assemble the document piece by piece
// (junit_file.hpp): the root's attributes with the given counts, and one <testsuite> with `id`.
void setRootAttributes(pugi::xml_node root, const RunRecord& run, Tally total);
void appendTestsuite(pugi::xml_node root, const RunRecord& run, const SuiteRecord& suite, const JunitOptions& options,
                     int id);

// The document as text, UTF-8, with its XML declaration.
[[nodiscard]] std::string junitText(const pugi::xml_document& document);

// Writes `text` to "<path>.tmp" and renames it over `path` (atomic on POSIX), so a reader or a kill
// at any moment sees the old file or the new one, never half of one. No fsync: a killed process is
// covered, a power loss is not. On failure returns false and says why in `error`.
[[nodiscard]] bool replaceFileAtomically(const std::filesystem::path& path, const std::string& text,
                                         std::string& error);

}  // namespace cdcts::reports
