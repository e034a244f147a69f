#include "reports/junit_listener.hpp"

#include <iostream>
#include <utility>

namespace cdcts::reports {

JunitListener::JunitListener(std::filesystem::path path, DeviceCatalog catalog, JunitOptions options)
    : RunRecorder(std::move(catalog)), path_(std::move(path)), options_(options) {}

bool JunitListener::write() {
    renderJunit(record(), options_, document_);
    std::string error;
    if (replaceFileAtomically(path_, junitText(document_), error)) return true;
    // Report once: a full disk would otherwise print the same line for every test.
    if (error_.empty()) {
        error_ = error;
        std::cerr << "cdcts: cannot write the JUnit report: " << error_ << '\n';
    }
    return false;
}

void JunitListener::recordChanged(Moment) { write(); }

}  // namespace cdcts::reports
