#include "suites/bench/latency_budgets.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>

namespace cdcts::suites::bench {
namespace {

// ioctl-contracts.md §6 gives the command per IOCTL; §7.5 says which IOCTLs are answered from a cache.
// TOC and session requests are never cached (every one sends READ TOC), so they are timed like any query.
constexpr LatencyCommand kCommands[] = {
    {"CHECK_VERIFY", "IOCTL_CDROM_CHECK_VERIFY", "TEST UNIT READY", CommandClass::Query, Route::Ioctl, true, true, ""},
    {"GET_DRIVE_GEOMETRY", "IOCTL_CDROM_GET_DRIVE_GEOMETRY", "READ CAPACITY", CommandClass::Query, Route::Ioctl, true, false, ""},
    {"GET_CONFIGURATION", "IOCTL_CDROM_GET_CONFIGURATION", "GET CONFIGURATION", CommandClass::Query, Route::Ioctl, false, false, ""},
    {"GET_PERFORMANCE", "IOCTL_CDROM_GET_PERFORMANCE", "GET PERFORMANCE", CommandClass::Query, Route::Ioctl, true, false, ""},
    {"READ_TOC", "IOCTL_CDROM_READ_TOC", "READ TOC/PMA/ATIP", CommandClass::Query, Route::Ioctl, true, false, ""},
    {"READ_TOC_EX", "IOCTL_CDROM_READ_TOC_EX", "READ TOC/PMA/ATIP", CommandClass::Query, Route::Ioctl, true, false, ""},
    {"GET_LAST_SESSION", "IOCTL_CDROM_GET_LAST_SESSION", "READ TOC/PMA/ATIP", CommandClass::Query, Route::Ioctl, true, false, ""},
    {"READ_Q_CHANNEL", "IOCTL_CDROM_READ_Q_CHANNEL", "READ SUB-CHANNEL", CommandClass::Query, Route::Ioctl, true, false,
     "READ SUB-CHANNEL is not in the list; budgeted with the query commands it stands beside"},
    {"GET_VOLUME", "IOCTL_CDROM_GET_VOLUME", "MODE SENSE(10) page 0Eh", CommandClass::Query, Route::Ioctl, false, false, ""},
    {"GET_INQUIRY_DATA", "IOCTL_CDROM_GET_INQUIRY_DATA", "none", CommandClass::Cached, Route::Ioctl, false, false,
     "INQUIRY data cached at device start: the I/O manager and class driver round trip, no drive time"},
    {"READ_DISC_INFORMATION", "SCSI pass-through", "READ DISC INFORMATION", CommandClass::ReadDiscInformation, Route::PassThrough,
     true, false, "no IOCTL sends it; timed through the pass-through"},
    {"RAW_READ", "IOCTL_CDROM_RAW_READ", "READ CD", CommandClass::Read, Route::Ioctl, true, false, ""},
    {"ReadFile", "ReadFile", "READ(10)", CommandClass::Read, Route::ReadFile, true, false, ""},
    {"ReadFile_streaming", "ReadFile after IOCTL_CDROM_ENABLE_STREAMING", "READ(12) Streaming", CommandClass::StreamingRead,
     Route::StreamingReadFile, true, false, ""},
};

struct ClassRow {
    CommandClass commandClass;
    const char* name;
    double budgetMs;  // 0: none
};

// peers-and-oracles.md §3 (CommandPerformance), for CD media (DVD-RAM reads have 800 ms; no benchmark reads one).
constexpr ClassRow kClasses[] = {
    {CommandClass::Query, "query command", 20.0},
    {CommandClass::ReadDiscInformation, "READ DISC INFORMATION", 50.0},
    {CommandClass::Read, "non-streaming read", 500.0},
    {CommandClass::StreamingRead, "streaming READ(12)", 100.0},
    {CommandClass::Cached, "answered from the class driver's cache", 0.0},
};

const ClassRow& rowOf(CommandClass commandClass)
{
    return *std::find_if(std::begin(kClasses), std::end(kClasses), [&](const ClassRow& r) { return r.commandClass == commandClass; });
}

std::string ms(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f ms", value);
    return text;
}

std::string budgetText(double budget)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g ms", budget);
    return text;
}

}  // namespace

std::span<const LatencyCommand> latencyCommands() { return kCommands; }

const LatencyCommand* findLatencyCommand(std::string_view shortName)
{
    for (const LatencyCommand& c : kCommands)
        if (shortName == c.shortName) return &c;
    return nullptr;
}

const char* commandClassName(CommandClass commandClass) { return rowOf(commandClass).name; }

std::optional<double> budgetMs(CommandClass commandClass)
{
    const double budget = rowOf(commandClass).budgetMs;
    if (budget <= 0) return std::nullopt;
    return budget;
}

std::optional<std::string> budgetFinding(const LatencySummary& summary, const LatencyCommand& command, double budget)
{
    const bool p99Over = summary.p99Ms > budget;
    const bool maxOver = summary.maxMs > budget;
    if (!p99Over && !maxOver) return std::nullopt;
    std::string figures;
    if (p99Over) figures = "p99 " + ms(summary.p99Ms);
    if (maxOver) figures += std::string(p99Over ? " and " : "") + "max " + ms(summary.maxMs);
    return figures + " of " + std::to_string(summary.samples) + " " + command.request + " (" + command.mmcCommand +
           ") exceed" + (p99Over && maxOver ? "" : "s") + " the " + budgetText(budget) + " budget of a " +
           commandClassName(command.commandClass) + " (peers-and-oracles.md §3, Device.Storage.Optical.CommandPerformance)";
}

std::optional<std::string> exemptionFinding(const std::vector<Nanoseconds>& warmUp)
{
    double total = 0;
    double longest = 0;
    for (const Nanoseconds s : warmUp) {
        const double v = std::chrono::duration<double, std::milli>(s).count();
        total += v;
        longest = std::max(longest, v);
    }
    if (longest <= kExemptReadMaxMs && total <= kExemptCumulativeMs) return std::nullopt;
    std::string what = longest > kExemptReadMaxMs ? "one call took " + ms(longest) + " (exempt up to " + budgetText(kExemptReadMaxMs) + " each)"
                                                  : "";
    if (total > kExemptCumulativeMs)
        what += std::string(what.empty() ? "" : "; ") + "they took " + ms(total) + " together (exempt up to " + budgetText(kExemptCumulativeMs) + ")";
    return "the " + std::to_string(warmUp.size()) + " warm-up calls exceed the exemption of the first reads after media arrival, "
           "SET CD SPEED or SET STREAMING: " + what + " (peers-and-oracles.md §3)";
}

}  // namespace cdcts::suites::bench
