#include "reports/verdict.hpp"

#include <array>
#include <utility>

namespace cdcts::reports {

namespace {

struct PrefixRow {
    std::string_view prefix;
    Verdict verdict;
};

// The verdicts a message may name; the table is the whole vocabulary a fixture can use.
constexpr std::array kPrefixes{
    PrefixRow{"NotSupported:", Verdict::NotSupported}, PrefixRow{"Waiver:", Verdict::Waiver},
    PrefixRow{"NotRun:", Verdict::NotRun},             PrefixRow{"Timeout:", Verdict::Timeout},
    PrefixRow{"DeviceLost:", Verdict::DeviceLost},     PrefixRow{"ResourceError:", Verdict::ResourceError},
    PrefixRow{"InternalError:", Verdict::InternalError}, PrefixRow{"Crash:", Verdict::Crash},
};

constexpr std::string_view kNotSupportedPrefix = "NotSupported: ";

}  // namespace

const char* verdictName(Verdict verdict) {
    switch (verdict) {
        case Verdict::Pass: return "Pass";
        case Verdict::QualityWarning: return "QualityWarning";
        case Verdict::Fail: return "Fail";
        case Verdict::NotSupported: return "NotSupported";
        case Verdict::Waiver: return "Waiver";
        case Verdict::NotRun: return "NotRun";
        case Verdict::Timeout: return "Timeout";
        case Verdict::DeviceLost: return "DeviceLost";
        case Verdict::ResourceError: return "ResourceError";
        case Verdict::InternalError: return "InternalError";
        case Verdict::Crash: return "Crash";
    }
    return "InternalError";
}

VerdictKind verdictKind(Verdict verdict) {
    switch (verdict) {
        case Verdict::Pass:
        case Verdict::QualityWarning: return VerdictKind::Pass;
        case Verdict::Fail: return VerdictKind::Failure;
        case Verdict::NotSupported:
        case Verdict::Waiver:
        case Verdict::NotRun: return VerdictKind::Skipped;
        case Verdict::Timeout:
        case Verdict::DeviceLost:
        case Verdict::ResourceError:
        case Verdict::InternalError:
        case Verdict::Crash: return VerdictKind::Error;
    }
    return VerdictKind::Error;
}

std::optional<Verdict> verdictPrefixOf(std::string_view message) {
    for (const auto& row : kPrefixes) {
        if (message.substr(0, row.prefix.size()) == row.prefix) return row.verdict;
    }
    return std::nullopt;
}

std::string formatPart(const PartMessage& part) {
    if (part.file.empty()) return part.text;
    std::string out = part.file;
    if (part.line > 0) {
        out += ':';
        out += std::to_string(part.line);
    }
    out += "\n";
    out += part.text;
    return out;
}

void Outcome::addFailure(PartMessage part) { failures_.push_back(std::move(part)); }

void Outcome::addSkip(PartMessage part) {
    if (!skip_) skip_ = std::move(part);
}

const PartMessage* Outcome::firstErrorPart() const {
    for (const auto& part : failures_) {
        auto named = verdictPrefixOf(part.text);
        if (named && verdictKind(*named) == VerdictKind::Error) return &part;
    }
    return nullptr;
}

Verdict Outcome::verdict() const {
    if (!failures_.empty()) {
        const PartMessage* error = firstErrorPart();
        return error != nullptr ? *verdictPrefixOf(error->text) : Verdict::Fail;
    }
    if (skip_) {
        auto named = verdictPrefixOf(skip_->text);
        if (named == Verdict::Waiver) return Verdict::Waiver;
        if (!qualityWarning_.empty()) return Verdict::QualityWarning;
        // A skip naming a failure verdict is still a skip to gtest; report what gtest decided.
        if (named && verdictKind(*named) == VerdictKind::Skipped) return *named;
        return Verdict::NotSupported;
    }
    return qualityWarning_.empty() ? Verdict::Pass : Verdict::QualityWarning;
}

std::string Outcome::headline() const {
    if (!failures_.empty()) {
        const PartMessage* error = firstErrorPart();
        return error != nullptr ? error->text : failures_.front().text;
    }
    if (verdict() == Verdict::QualityWarning) return "QualityWarning: " + qualityWarning_;
    if (skip_) {
        auto named = verdictPrefixOf(skip_->text);
        if (named && verdictKind(*named) == VerdictKind::Skipped) return skip_->text;
        if (skip_->text.empty()) return std::string{kNotSupportedPrefix} + "(GTEST_SKIP without a reason)";
        return std::string{kNotSupportedPrefix} + skip_->text;
    }
    return {};
}

std::string Outcome::failureDetails() const {
    std::string out;
    for (const auto& part : failures_) {
        if (!out.empty()) out += "\n\n";
        out += formatPart(part);
    }
    return out;
}

}  // namespace cdcts::reports
