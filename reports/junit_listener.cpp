#include "reports/junit_listener.hpp"

#include <iostream>
#include <utility>

namespace cdcts::reports {

JunitListener::JunitListener(std::filesystem::path path, DeviceCatalog catalog, JunitOptions options)
    : RunRecorder(std::move(catalog)), path_(path), file_(std::move(path), options) {}

void JunitListener::report(const std::string& error) {
    // Report once: a full disk would otherwise print the same line for every test.
    if (!error_.empty()) return;
    error_ = error;
    std::cerr << "cdcts: cannot write the JUnit report: " << error_ << '\n';
}

bool JunitListener::write() {
    std::string error;
    if (file_.finish(record(), error)) return true;
    report(error);
    return false;
}

void JunitListener::recordChanged(Moment moment) {
    if (moment == Moment::ProgramEnded) {
        write();
        return;
    }
    std::string error;
    if (!file_.update(record(), latestCase(), error)) report(error);
}

}  // namespace cdcts::reports
