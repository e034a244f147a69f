#include "harness/ioctl/code_token.hpp"

namespace cdcts::ioctl {
namespace {

constexpr std::string_view kPrefix = "IOCTL_";
constexpr std::string_view kCdrom = "Cdrom";

bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// `token` begins `segment` as whole CamelCase words: what follows is the end or a new word (not a lower-case
// letter or digit continuing the token's last word).
bool startsWithWords(std::string_view segment, std::string_view token)
{
    if (token.empty() || !segment.starts_with(token)) return false;
    if (segment.size() == token.size()) return true;
    const char next = segment[token.size()];
    return !isLower(next) && !isDigit(next);
}

std::vector<std::string> tokensOf(const CodeInfo& info)
{
    std::vector<std::string> tokens{codeToken(info.name)};
    if (tokens.front().starts_with(kCdrom) && tokens.front().size() > kCdrom.size())
        tokens.push_back(tokens.front().substr(kCdrom.size()));
    return tokens;
}

}  // namespace

std::string codeToken(std::string_view sdkName)
{
    if (sdkName.starts_with(kPrefix)) sdkName.remove_prefix(kPrefix.size());
    std::string token;
    bool wordStart = true;
    for (const char c : sdkName) {
        if (c == '_') {
            wordStart = true;
            continue;
        }
        const bool upper = c >= 'A' && c <= 'Z';
        token += (!wordStart && upper) ? static_cast<char>(c - 'A' + 'a') : c;
        wordStart = false;
    }
    return token;
}

std::vector<const CodeInfo*> codesTestNamesCover()
{
    std::vector<const CodeInfo*> rows;
    for (const CodeInfo& info : allCodes())
        if (info.name.starts_with(kPrefix)) rows.push_back(&info);
    return rows;
}

std::vector<const CodeInfo*> codesNamedBySegment(std::string_view segment)
{
    std::vector<const CodeInfo*> named;
    std::size_t longest = 0;
    for (const CodeInfo* info : codesTestNamesCover()) {
        for (const std::string& token : tokensOf(*info)) {
            if (!startsWithWords(segment, token) || token.size() < longest) continue;
            if (token.size() > longest) named.clear();
            longest = token.size();
            named.push_back(info);
        }
    }
    return named;
}

std::vector<const CodeInfo*> codesNamedByTest(std::string_view testName, std::string_view deviceId)
{
    const std::size_t dot = testName.find('.');
    const std::size_t slash = testName.find('/');
    if (dot == std::string_view::npos || slash == std::string_view::npos || slash < dot) return {};
    std::string_view param = testName.substr(slash + 1);
    if (!param.starts_with(deviceId)) return {};
    param.remove_prefix(deviceId.size());
    if (!param.empty() && param.front() != '_') return {};  // another device whose id starts like this one

    std::vector<const CodeInfo*> named = codesNamedBySegment(testName.substr(0, dot));
    while (!param.empty()) {
        param.remove_prefix(1);  // the '_' before each part
        const std::size_t end = param.find('_');
        for (const CodeInfo* info : codesNamedBySegment(param.substr(0, end))) named.push_back(info);
        param = end == std::string_view::npos ? std::string_view{} : param.substr(end);
    }
    return named;
}

}  // namespace cdcts::ioctl
