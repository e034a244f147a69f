#include "reports/waivers.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <span>
#include <iterator>
#include <utility>

namespace cdcts::reports {
namespace {

constexpr std::array<std::string_view, 1> kTopKeys = {"waivers"};
constexpr std::array<std::string_view, 4> kEntryKeys = {"devices", "tests", "reason", "issue"};

std::string composeMessage(const std::string& file, int line, int column, const std::string& keyPath,
                           const std::string& detail)
{
    std::string message = file;
    if (line > 0) message += ":" + std::to_string(line) + ":" + std::to_string(column);
    message += ": ";
    if (!keyPath.empty()) message += keyPath + ": ";
    return message + detail;
}

std::string describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
    }
    return "nothing";
}

struct Context {
    std::string file;

    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& keyPath, const std::string& detail) const
    {
        if (mark.is_null()) throw WaiverError(file, 0, 0, keyPath, detail);
        throw WaiverError(file, mark.line + 1, mark.column + 1, keyPath, detail);
    }
};

std::string joinNames(std::span<const std::string_view> names)
{
    std::string out;
    for (const auto name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

// A glob or a list of globs; never empty, never an empty pattern (that would match nothing, silently).
std::vector<std::string> readGlobs(const Context& context, const YAML::Node& key, const YAML::Node& value,
                                   const std::string& path)
{
    std::vector<std::string> globs;
    const auto take = [&](const YAML::Node& item, const std::string& itemPath) {
        if (!item.IsScalar()) context.fail(item.Mark(), itemPath, "expected a glob, got " + describe(item));
        if (item.Scalar().empty()) context.fail(item.Mark(), itemPath, "an empty glob matches nothing");
        globs.push_back(item.Scalar());
    };
    if (value.IsSequence()) {
        for (const YAML::Node& item : value) take(item, path + "[" + std::to_string(globs.size()) + "]");
        if (globs.empty()) context.fail(key.Mark(), path, "an empty list waives nothing; give at least one glob");
    } else if (value.IsScalar()) {
        take(value, path);
    } else {
        context.fail(key.Mark(), path, "expected a glob or a list of globs, got " + describe(value));
    }
    return globs;
}

bool isIssueUrl(std::string_view text)
{
    const bool scheme = text.starts_with("https://") || text.starts_with("http://");
    const std::size_t hostStart = text.find("://") + 3;
    const bool host = scheme && text.size() > hostStart && text[hostStart] != '/';
    const bool blank = std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
    return host && !blank;
}

Waiver readEntry(const Context& context, const YAML::Node& entry, const std::string& path)
{
    if (!entry.IsMap()) context.fail(entry.Mark(), path, "expected a map with devices, tests, reason and issue, got " + describe(entry));
    Waiver waiver;
    waiver.line = entry.Mark().line + 1;
    std::vector<std::string> seen;
    for (const auto& pair : entry) {
        const YAML::Node key = pair.first;
        const YAML::Node value = pair.second;
        if (!key.IsScalar()) context.fail(key.Mark(), path, "a key must be a name, got " + describe(key));
        const std::string name = key.Scalar();
        const std::string keyPath = path + "." + name;
        if (std::find(kEntryKeys.begin(), kEntryKeys.end(), name) == kEntryKeys.end())
            context.fail(key.Mark(), keyPath, "unknown key (allowed: " + joinNames(kEntryKeys) + ")");
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) context.fail(key.Mark(), keyPath, "duplicate key");
        seen.push_back(name);
        if (name == "devices") {
            waiver.devices = readGlobs(context, key, value, keyPath);
        } else if (name == "tests") {
            waiver.tests = readGlobs(context, key, value, keyPath);
        } else {
            if (!value.IsScalar() || value.Scalar().empty())
                context.fail(key.Mark(), keyPath, "expected a non-empty string, got " + describe(value));
            if (name == "reason") {
                waiver.reason = value.Scalar();
            } else {
                if (!isIssueUrl(value.Scalar()))
                    context.fail(key.Mark(), keyPath,
                                 "expected the URL of the issue that tracks the deviation (http:// or https://, no "
                                 "spaces), got " + describe(value));
                waiver.issue = value.Scalar();
            }
        }
    }
    // Every key is required: a waiver without an issue is a silent exclusion, one without globs waives all.
    for (const auto name : kEntryKeys) {
        if (std::find(seen.begin(), seen.end(), name) == seen.end())
            context.fail(entry.Mark(), path, "missing required key '" + std::string(name) + "'");
    }
    return waiver;
}

}  // namespace

WaiverError::WaiverError(const std::string& file, int line, int column, const std::string& keyPath,
                         const std::string& detail)
    : std::runtime_error(composeMessage(file, line, column, keyPath, detail))
{
}

WaiverList parseWaivers(std::string_view yamlText, const std::string& fileForMessages)
{
    const Context context{fileForMessages};
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(yamlText));
    } catch (const YAML::Exception& error) {
        context.fail(error.mark, "", "malformed YAML: " + error.msg);
    }
    WaiverList list;
    list.file = fileForMessages;
    // A file of comments only (the shipped example) waives nothing.
    if (documents.empty() || documents.front().IsNull()) return list;
    if (documents.size() > 1) context.fail(documents[1].Mark(), "", "more than one YAML document; the waivers file is one");
    const YAML::Node& root = documents.front();
    if (!root.IsMap()) context.fail(root.Mark(), "", "the top level must be a map with a 'waivers' list, got " + describe(root));
    YAML::Node entries;
    for (const auto& pair : root) {
        const std::string name = pair.first.Scalar();
        if (std::find(kTopKeys.begin(), kTopKeys.end(), name) == kTopKeys.end())
            context.fail(pair.first.Mark(), name, "unknown key (allowed: waivers)");
        entries = pair.second;
        if (entries.IsNull()) return list;  // `waivers:` with every entry commented out
        if (!entries.IsSequence()) context.fail(pair.first.Mark(), name, "expected a list of waivers, got " + describe(entries));
    }
    for (const YAML::Node& entry : entries) {
        list.waivers.push_back(readEntry(context, entry, "waivers[" + std::to_string(list.waivers.size()) + "]"));
    }
    return list;
}

WaiverList loadWaivers(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!std::filesystem::is_regular_file(file) || !in)
        throw WaiverError(file.string(), 0, 0, "", "cannot read the waivers file");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return parseWaivers(text, file.string());
}

bool globMatches(std::string_view pattern, std::string_view text)
{
    // Iterative matching with one backtrack point: linear in practice, no recursion on long names.
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t starP = std::string_view::npos;
    std::size_t starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starT = t;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool waives(const Waiver& waiver, std::string_view device, std::string_view testName)
{
    const auto any = [](const std::vector<std::string>& globs, std::string_view text) {
        return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) { return globMatches(glob, text); });
    };
    return any(waiver.devices, device) && any(waiver.tests, testName);
}

const Waiver* findWaiver(const WaiverList& list, std::string_view device, std::string_view testName)
{
    for (const Waiver& waiver : list.waivers)
        if (waives(waiver, device, testName)) return &waiver;
    return nullptr;
}

std::vector<std::string> staleWaivers(const WaiverList& list,
                                      const std::vector<std::pair<std::string, std::string>>& tests)
{
    std::vector<std::string> stale;
    for (std::size_t i = 0; i < list.waivers.size(); ++i) {
        const Waiver& waiver = list.waivers[i];
        const bool used = std::any_of(tests.begin(), tests.end(),
                                      [&](const auto& test) { return waives(waiver, test.first, test.second); });
        if (used) continue;
        stale.push_back(list.file + ":" + std::to_string(waiver.line) + ": waivers[" + std::to_string(i) + "] (" +
                        waiver.issue + ") matched no test of this run");
    }
    return stale;
}

std::string waiverMessage(const Waiver& waiver)
{
    return std::string{kWaiverPrefix} + waiver.issue + " (" + waiver.reason + ")";
}

WaiverParts waiverPartsOf(std::string_view message)
{
    if (!message.starts_with(kWaiverPrefix)) return {};
    message.remove_prefix(kWaiverPrefix.size());
    const std::size_t space = message.find(' ');
    WaiverParts parts;
    parts.issue = std::string{message.substr(0, space)};
    if (space == std::string_view::npos) return parts;
    std::string_view rest = message.substr(space + 1);
    if (rest.starts_with('(') && rest.ends_with(')')) rest = rest.substr(1, rest.size() - 2);
    parts.reason = std::string{rest};
    return parts;
}

}  // namespace cdcts::reports
