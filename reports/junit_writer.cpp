#include "reports/junit_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "reports/run_context.hpp"
#include "reports/waivers.hpp"
#include "reports/xml_text.hpp"

namespace cdcts::reports {

namespace {

void setAttribute(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(xmlSafe(value).c_str());
}

void setAttribute(pugi::xml_node node, const char* name, int value) {
    node.append_attribute(name).set_value(value);
}

void setText(pugi::xml_node node, std::string_view text) {
    if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(xmlSafe(text).c_str());
}

void setCounts(pugi::xml_node node, const Tally& tally) {
    setAttribute(node, "tests", tally.tests);
    setAttribute(node, "failures", tally.failures);
    setAttribute(node, "errors", tally.errors);
    setAttribute(node, "skipped", tally.skipped);
    setAttribute(node, "time", junitSeconds(tally.seconds));
}

void appendProperties(pugi::xml_node parent, const Properties& properties) {
    pugi::xml_node list = parent.append_child("properties");
    for (const auto& property : properties) {
        pugi::xml_node node = list.append_child("property");
        setAttribute(node, "name", property.name);
        setAttribute(node, "value", property.value);
    }
}

// One key=value line per property; a line break inside a value would start a bogus line.
std::string propertyLines(const Properties& properties) {
    std::string out;
    for (const auto& property : properties) {
        out += property.name;
        out += '=';
        for (char c : property.value) {
            if (c == '\n') {
                out += "\\n";
            } else if (c == '\r') {
                out += "\\r";
            } else {
                out += c;
            }
        }
        out += '\n';
    }
    return out;
}

std::string className(const SuiteRecord& suite) {
    std::string name = "cdcts." + suite.suite;
    if (suite.device != kNoDevice) name += "." + suite.device;
    return name;
}

std::string suiteName(const SuiteRecord& suite) {
    return suite.device == kNoDevice ? suite.suite : suite.suite + "." + suite.device;
}

void appendVerdict(pugi::xml_node testcase, const CaseRecord& item) {
    const Verdict verdict = item.verdict();
    switch (verdictKind(verdict)) {
        case VerdictKind::Pass: return;
        case VerdictKind::Skipped: {
            pugi::xml_node skipped = testcase.append_child("skipped");
            if (verdict == Verdict::Waiver) {
                // The issue is what a reader follows; the reason is prose, so it goes in the body.
                const WaiverParts waiver = waiverPartsOf(item.outcome.headline());
                setAttribute(skipped, "message",
                             truncateUtf8(std::string{kWaiverPrefix} + waiver.issue, kMaxMessageAttributeBytes));
                setText(skipped, waiver.reason);
                return;
            }
            setAttribute(skipped, "message", truncateUtf8(item.outcome.headline(), kMaxMessageAttributeBytes));
            return;
        }
        case VerdictKind::Failure:
        case VerdictKind::Error: break;
    }
    const bool failure = verdictKind(verdict) == VerdictKind::Failure;
    pugi::xml_node node = testcase.append_child(failure ? "failure" : "error");
    std::string body;
    if (!item.finished) {
        setAttribute(node, "message", kCrashMessage);
        body = "The process ended (killed, crashed or aborted) after this test started and before it "
               "finished.";
        if (item.outcome.failed()) body += "\n\nRecorded before the end:\n\n" + item.outcome.failureDetails();
    } else {
        setAttribute(node, "message", truncateUtf8(item.outcome.headline(), kMaxMessageAttributeBytes));
        body = item.outcome.failureDetails();
    }
    setAttribute(node, "type", verdictName(verdict));
    setText(node, body);
}

void appendTestcase(pugi::xml_node suiteNode, const SuiteRecord& suite, const CaseRecord& item,
                    const JunitOptions& options) {
    pugi::xml_node testcase = suiteNode.append_child("testcase");
    setAttribute(testcase, "name", item.name);
    setAttribute(testcase, "classname", className(suite));
    setAttribute(testcase, "time", junitSeconds(item.seconds));
    if (!item.file.empty()) {
        setAttribute(testcase, "file", item.file);
        setAttribute(testcase, "line", item.line);
    }
    appendVerdict(testcase, item);
    // A QualityWarning is a pass to JUnit; the note in <system-out> is what Jenkins and GitLab show of it.
    const bool warned = item.verdict() == Verdict::QualityWarning;
    if (item.properties.empty() && !warned) return;
    if (options.extendedProperties && !item.properties.empty()) appendProperties(testcase, item.properties);
    std::string out = warned ? item.outcome.headline() + "\n" : std::string{};
    setText(testcase.append_child("system-out"), out + propertyLines(item.properties));
}

}  // namespace

void setRootAttributes(pugi::xml_node root, const RunRecord& run, Tally total) {
    setAttribute(root, "name", "cdcts");
    total.seconds = run.seconds;  // the wall time of the run, set-up and reporting included
    setCounts(root, total);
    setAttribute(root, "timestamp", run.timestamp);
}

void renderJunit(const RunRecord& run, const JunitOptions& options, pugi::xml_document& out) {
    out.reset();
    pugi::xml_node declaration = out.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");

    pugi::xml_node root = out.append_child("testsuites");
    setRootAttributes(root, run, tallyOf(run));
    int id = 0;
    for (const auto& suite : run.suites) appendTestsuite(root, run, suite, options, id++);
}

void appendTestsuite(pugi::xml_node root, const RunRecord& run, const SuiteRecord& suite, const JunitOptions& options,
                     int id) {
    pugi::xml_node node = root.append_child("testsuite");
    setAttribute(node, "name", suiteName(suite));
    setAttribute(node, "package", "cdcts");
    setAttribute(node, "id", id);
    setAttribute(node, "hostname", run.hostname);
    setAttribute(node, "timestamp", suite.timestamp);
    setCounts(node, tallyOf(suite));

    Properties properties = suite.properties;
    for (const auto& property : run.globalProperties) setProperty(properties, property);
    // dEQP writes the waivers a session used into its header; here every suite carries them.
    if (!run.waiverUrls.empty()) {
        std::string urls;
        for (const auto& url : run.waiverUrls) urls += (urls.empty() ? "" : " ") + url;
        setProperty(properties, {std::string{kWaiverUrlsProperty}, urls});
    }
    appendProperties(node, properties);
    for (const auto& item : suite.cases) appendTestcase(node, suite, item, options);
    node.append_child("system-out");
    node.append_child("system-err");
}

std::string junitText(const pugi::xml_document& document) {
    std::ostringstream stream;
    document.save(stream, "  ", pugi::format_indent, pugi::encoding_utf8);
    return stream.str();
}

bool replaceFileAtomically(const std::filesystem::path& path, const std::string& text, std::string& error) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    const auto fail = [&](const char* what) {
        error = std::string{what} + " " + temporary.string() + ": " + std::strerror(errno);
        return false;
    };
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail("cannot create");
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int saved = n == 0 ? EIO : errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            errno = saved;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        return fail("cannot close");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        error = "cannot rename " + temporary.string() + " to " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace cdcts::reports
