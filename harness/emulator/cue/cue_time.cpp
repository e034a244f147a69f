#include "harness/emulator/cue/cue_time.hpp"

#include "harness/mmc/msf.hpp"

namespace cdcts::emulator::cue {
namespace {

std::optional<int> digits(std::string_view text, std::size_t minCount, std::size_t maxCount)
{
    if (text.size() < minCount || text.size() > maxCount) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Frames> parseCueTime(std::string_view text, std::string& why)
{
    const std::size_t first = text.find(':');
    const std::size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
    const auto malformed = [&] {
        why = "malformed time \"" + std::string(text) + "\" (expected mm:ss:ff)";
        return std::nullopt;
    };
    if (second == std::string_view::npos) return malformed();
    const auto mm = digits(text.substr(0, first), 1, 2);
    const auto ss = digits(text.substr(first + 1, second - first - 1), 2, 2);
    const auto ff = digits(text.substr(second + 1), 2, 2);
    if (!mm || !ss || !ff) return malformed();
    if (*ss >= mmc::kSecondsPerMinute) {
        why = "time " + std::string(text) + " has " + std::to_string(*ss) + " seconds (at most 59)";
        return std::nullopt;
    }
    if (*ff >= mmc::kFramesPerSecond) {
        why = "time " + std::string(text) + " has " + std::to_string(*ff) + " frames (at most 74)";
        return std::nullopt;
    }
    return (*mm * mmc::kSecondsPerMinute + *ss) * mmc::kFramesPerSecond + *ff;
}

std::string formatCueTime(Frames frames)
{
    const int ff = frames % mmc::kFramesPerSecond;
    const int totalSeconds = frames / mmc::kFramesPerSecond;
    const auto two = [](int v) { return std::string(1, static_cast<char>('0' + v / 10 % 10)) + static_cast<char>('0' + v % 10); };
    return two(totalSeconds / mmc::kSecondsPerMinute) + ":" + two(totalSeconds % mmc::kSecondsPerMinute) + ":" + two(ff);
}

}  // namespace cdcts::emulator::cue
