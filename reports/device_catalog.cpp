#include "reports/device_catalog.hpp"

#include <gtest/gtest.h>

namespace cdcts::reports {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string deviceFromValueParam(const char* valueParam) {
    if (valueParam == nullptr) return {};
    std::string_view text{valueParam};
    std::size_t begin = 0;
    while (begin < text.size() && isSpace(text[begin])) ++begin;
    std::size_t end = begin;
    while (end < text.size() && !isSpace(text[end])) ++end;
    std::string_view token = text.substr(begin, end - begin);
    // gtest prints a std::string parameter quoted; a device id never contains quotes itself.
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        token = token.substr(1, token.size() - 2);
    }
    return std::string{token};
}

std::string deviceFromTestParam(const testing::TestInfo& test) {
    return deviceFromValueParam(test.value_param());
}

std::string DeviceCatalog::deviceIdOf(const testing::TestInfo& test) const {
    std::string id = deviceOf ? deviceOf(test) : std::string{};
    return id.empty() ? std::string{kNoDevice} : id;
}

const Properties& DeviceCatalog::identityOf(std::string_view deviceId) const {
    static const Properties none;
    auto found = devices.find(deviceId);
    return found == devices.end() ? none : found->second;
}

}  // namespace cdcts::reports
