#pragma once
// The command latency budgets of the Windows hardware requirement Device.Storage.Optical.CommandPerformance
// (peers-and-oracles.md §3): which MMC command each request the Latency benchmarks time sends
// (ioctl-contracts.md §6), the command class that command falls in, and that class's maximum completion time.
// Requests the class driver answers from its cache send no command and have no drive latency to budget; they are
// listed as CommandClass::Cached so the report says so instead of leaving them out silently.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/clock.hpp"
#include "suites/bench/latency_stats.hpp"

namespace cdcts::suites::bench {

// §3's command classes (the ones a read-only benchmark can reach).
enum class CommandClass : std::uint8_t {
    Query,                // "most query commands": 20 ms
    ReadDiscInformation,  // READ DISC INFORMATION: 50 ms
    Read,                 // READ CD / READ(10) / READ(12) non-streaming: 500 ms (DVD-RAM 800 ms)
    StreamingRead,        // READ(12) with the Streaming bit: 100 ms (CD at 1x/2x/4x: 500/350/200 ms)
    Cached,               // answered by the class driver without a command: no budget
};

// How the benchmark reaches the drive.
enum class Route : std::uint8_t {
    Ioctl,              // DeviceIoControl on a read handle
    ReadFile,           // IRP_MJ_READ on a read handle (READ(10))
    StreamingReadFile,  // IRP_MJ_READ after IOCTL_CDROM_ENABLE_STREAMING on the benchmark's own handle (READ(12))
    PassThrough,        // the device's SCSI pass-through, for commands no IOCTL sends
};

struct LatencyCommand {
    const char* shortName;   // the benchmark name's part: Latency/<device>/<shortName>
    const char* request;     // what the caller issues: "IOCTL_CDROM_READ_TOC", "ReadFile", "SCSI pass-through"
    const char* mmcCommand;  // what the drive receives (ioctl-contracts.md §6); "none" when cached
    CommandClass commandClass;
    Route route;
    bool needsMedium;         // the command has nothing to answer without a disc (02/3A/xx): skipped then
    bool failedCaseNoMedium;  // without a disc it runs anyway, as §3's failed command (which includes the sense)
    const char* note;         // why the command is in its class, where §3 does not name it; "" otherwise
};

// Every command the Latency family times, in the order they run.
[[nodiscard]] std::span<const LatencyCommand> latencyCommands();
[[nodiscard]] const LatencyCommand* findLatencyCommand(std::string_view shortName);

// §3's name of a class ("query command") and its budget in ms; nullopt for Cached.
[[nodiscard]] const char* commandClassName(CommandClass commandClass);
[[nodiscard]] std::optional<double> budgetMs(CommandClass commandClass);

// §3's exemption: the first reads after media arrival, resume, SET CD SPEED or SET STREAMING may take up to 7 s
// each and 60 s together. The benchmarks make this many untimed calls first, so no timed sample is exempt.
inline constexpr std::size_t kExemptReads = 100;
inline constexpr double kExemptReadMaxMs = 7000.0;
inline constexpr double kExemptCumulativeMs = 60000.0;

// The QualityWarning text when p99 or max exceeds `budget` ms, naming the figures, the budget and the class;
// nullopt within budget.
[[nodiscard]] std::optional<std::string> budgetFinding(const LatencySummary& summary, const LatencyCommand& command,
                                                       double budget);

// The QualityWarning text when the warm-up calls broke the exemption itself (one over 7 s, or over 60 s together);
// nullopt otherwise.
[[nodiscard]] std::optional<std::string> exemptionFinding(const std::vector<Nanoseconds>& warmUp);

}  // namespace cdcts::suites::bench
