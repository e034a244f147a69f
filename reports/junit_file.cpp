#include "reports/junit_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <sstream>

namespace cdcts::reports {
namespace {

constexpr const char* kIndent = "  ";

// One <testsuite> as it appears in the whole document: one level below the root.
void printSuites(const pugi::xml_node root, std::string& out) {
    std::ostringstream stream;
    for (pugi::xml_node suite : root.children()) suite.print(stream, kIndent, pugi::format_indent, pugi::encoding_utf8, 1);
    out += stream.str();
}

// The XML declaration and the root start tag, each on its own line, as renderJunit's document has them.
std::string documentStart(const RunRecord& run, const Tally& total) {
    pugi::xml_document document;
    pugi::xml_node declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = document.append_child("testsuites");
    setRootAttributes(root, run, total);
    root.append_child("cut");  // a child, so the root prints as a start tag; everything from it on is dropped
    const std::string text = junitText(document);
    return text.substr(0, text.find("  <cut"));
}

// A suite restricted to its cases [from, to).
SuiteRecord slice(const SuiteRecord& suite, std::size_t from, std::size_t to, bool fullProperties) {
    SuiteRecord part;
    part.suite = suite.suite;
    part.device = suite.device;
    part.timestamp = suite.timestamp;
    // The body already carries the suite's identity when it holds some of its cases; the head has no room
    // to repeat it.
    if (fullProperties) {
        part.properties = suite.properties;
    } else if (!suite.properties.empty()) {
        part.properties.push_back(suite.properties.front());
    }
    part.cases.assign(suite.cases.begin() + static_cast<std::ptrdiff_t>(from),
                      suite.cases.begin() + static_cast<std::ptrdiff_t>(to));
    return part;
}

bool writeAll(int fd, const char* data, std::size_t size, off_t offset) {
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::pwrite(fd, data + written, size - written, offset + static_cast<off_t>(written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

JunitFile::JunitFile(std::filesystem::path path, JunitOptions options, std::chrono::milliseconds minFullWriteInterval)
    : path_(std::move(path)), options_(options), minFullWriteInterval_(minFullWriteInterval) {}

JunitFile::~JunitFile() { closeFile(); }

void JunitFile::closeFile() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::size_t JunitFile::committedIn(std::size_t suite) const {
    return suite < committed_.size() ? committed_[suite] : 0;
}

std::optional<std::string> JunitFile::renderHead(const RunRecord& run, HeadCases which,
                                                 std::optional<CaseRef> latest) const {
    pugi::xml_document document;
    pugi::xml_node root = document.append_child("testsuites");
    Tally total = bodyTally_;
    int id = bodySuites_;
    for (std::size_t s = 0; s < run.suites.size(); ++s) {
        const SuiteRecord& suite = run.suites[s];
        std::size_t from = committedIn(s);
        std::size_t to = suite.cases.size();
        if (which == HeadCases::LatestOnly) {
            if (!latest || latest->first != s || latest->second < from) continue;
            from = latest->second;
            to = from + 1;
        }
        if (from >= to) continue;
        const SuiteRecord part = slice(suite, from, to, committedIn(s) == 0);
        total.add(tallyOf(part));
        appendTestsuite(root, run, part, options_, id++);
    }
    std::string head = documentStart(run, total);
    printSuites(root, head);
    if (head.size() >= kHeadBytes) return std::nullopt;
    head.append(kHeadBytes - 1 - head.size(), ' ');
    head += '\n';
    return head;
}

bool JunitFile::writeHead(const std::string& head, std::string& error) {
    if (writeAll(fd_, head.data(), head.size(), 0)) {
        ++stats_.headWrites;
        return true;
    }
    error = "cannot write " + path_.string() + ": " + std::strerror(errno);
    return false;
}

bool JunitFile::fullWrite(const RunRecord& run, std::optional<CaseRef> keepInHead, std::string& error) {
    const SteadyClock::time_point start = SteadyClock::now();
    // The body: every case but the one kept for the head, which is always the last of its suite (in flight).
    pugi::xml_document document;
    pugi::xml_node root = document.append_child("testsuites");
    committed_.assign(run.suites.size(), 0);
    bodyTally_ = Tally{};
    bodySuites_ = 0;
    inFlightInBody_.reset();
    for (std::size_t s = 0; s < run.suites.size(); ++s) {
        const SuiteRecord& suite = run.suites[s];
        std::size_t count = suite.cases.size();
        if (keepInHead && keepInHead->first == s && keepInHead->second + 1 == count) --count;
        committed_[s] = count;
        if (count == 0) continue;
        const bool whole = count == suite.cases.size();
        const SuiteRecord part = whole ? SuiteRecord{} : slice(suite, 0, count, true);
        const SuiteRecord& written = whole ? suite : part;
        bodyTally_.add(tallyOf(written));
        appendTestsuite(root, run, written, options_, bodySuites_++);
    }
    std::string body;
    printSuites(root, body);
    body += "</testsuites>\n";

    std::optional<std::string> head = renderHead(run, HeadCases::Uncommitted, std::nullopt);
    if (!head && keepInHead) return fullWrite(run, std::nullopt, error);  // too big for the head: into the body
    if (!head) {
        error = "the JUnit head cannot hold the document start (" + path_.string() + ")";
        return false;
    }
    if (!keepInHead) {
        // Called again without a case to keep: note the case in flight that the body now holds.
        for (std::size_t s = 0; s < run.suites.size(); ++s)
            if (!run.suites[s].cases.empty() && !run.suites[s].cases.back().finished)
                inFlightInBody_ = CaseRef{s, run.suites[s].cases.size() - 1};
    }

    const std::filesystem::path temporary = path_.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const auto fail = [&](const std::string& what) {
        error = what + ": " + std::strerror(errno);
        return false;
    };
    if (fd < 0) return fail("cannot create " + temporary.string());
    if (!writeAll(fd, head->data(), head->size(), 0) || !writeAll(fd, body.data(), body.size(), static_cast<off_t>(head->size()))) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        errno = saved;
        return fail("cannot write " + temporary.string());
    }
    if (std::rename(temporary.c_str(), path_.c_str()) != 0) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        errno = saved;
        return fail("cannot rename " + temporary.string() + " to " + path_.string());
    }
    closeFile();
    fd_ = fd;  // the renamed file: the head writes go to it
    lastFullWrite_ = SteadyClock::now();
    nextFullWriteAfter_ = std::max<SteadyClock::duration>(minFullWriteInterval_, kFullWriteShare * (lastFullWrite_ - start));
    headOverflowed_ = false;
    ++stats_.fullWrites;
    return true;
}

bool JunitFile::update(const RunRecord& run, std::optional<CaseRef> latest, std::string& error) {
    std::optional<CaseRef> inFlight;
    if (latest && latest->first < run.suites.size() && latest->second < run.suites[latest->first].cases.size() &&
        !run.suites[latest->first].cases[latest->second].finished)
        inFlight = latest;
    const bool bodyStale = inFlightInBody_ && (!inFlight || *inFlight != *inFlightInBody_);
    if (fd_ < 0 || bodyStale || SteadyClock::now() - lastFullWrite_ >= nextFullWriteAfter_)
        return fullWrite(run, inFlight, error);
    // Many quick tests since the last full write: the head keeps the latest one, the next full write the rest.
    // Once they overflowed the head they only grow until then, so they are not rendered again.
    std::optional<std::string> head;
    if (!headOverflowed_) head = renderHead(run, HeadCases::Uncommitted, latest);
    if (!head) {
        headOverflowed_ = true;
        head = renderHead(run, HeadCases::LatestOnly, latest);
    }
    if (!head) return fullWrite(run, inFlight, error);
    return writeHead(*head, error);
}

bool JunitFile::finish(const RunRecord& run, std::string& error) {
    pugi::xml_document document;
    renderJunit(run, options_, document);
    const bool written = replaceFileAtomically(path_, junitText(document), error);
    closeFile();
    committed_.clear();
    if (written) ++stats_.fullWrites;
    return written;
}

}  // namespace cdcts::reports
