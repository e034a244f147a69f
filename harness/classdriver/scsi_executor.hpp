#pragma once
// Sends one SCSI command the way the class driver does: with its timeout, retries and delays on the
// device's clock, sense interpretation (§8) and the state changes a failure implies (media change count,
// media state, DO_VERIFY_VOLUME).
#include <cstdint>
#include <span>

#include "harness/classdriver/driver_state.hpp"
#include "harness/core/clock.hpp"
#include "harness/defects/seeded_defect.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::classdriver {

// "The device's TimeOutValue" (§0.2, §6 "default"): resolved when the command is sent, because start-up raises it
// to 260 s once it has found a writer, after the probes that ran with the 10 s it starts with.
inline constexpr Nanoseconds kDeviceTimeout{-1};

struct ScsiRequest {
    std::span<const std::uint8_t> cdb;
    std::span<std::uint8_t> data;
    mmc::DataDirection direction = mmc::DataDirection::None;
    Nanoseconds timeout = kDeviceTimeout;  // or a fixed one (TEST UNIT READY 20 s, GET CONFIGURATION 4 s, ...)
    // Retries after the first attempt (§8: 5). The opcode's own rules (opcodeRules, §8.5) apply as well; the
    // tighter cap wins, so a request only needs this for caps the opcode alone does not decide (1Eh, 16h/17h).
    int maxRetries = 5;
    bool retryVerifyRequired = false;  // READ CAPACITY and MODE SENSE retry VERIFY_REQUIRED (§8.5)
    // §8.5 1Eh ALLOW: retried while fewer than this many retries were made, whatever the sense says.
    int forcedRetries = 0;
    // §8.6 SET_SPEED: every failed attempt clears the restore-defaults flag, also one a retry then makes good.
    bool failureClearsRestoreSpeed = false;
    // §8.5 1Eh: NOT READY with ASC 04h, or a selection timeout, waits at least this long before the retry.
    Nanoseconds notReadyMinDelay{0};
};

struct ScsiOutcome {
    ioctl::NtStatus status;
    std::uint32_t transferred = 0;
    int retries = 0;
};

class ScsiExecutor {
public:
    ScsiExecutor(mmc::MmcTarget& target, DriverState& state, bool volumeMounted)
        : target_(target), state_(state), volumeMounted_(volumeMounted) {}
    ScsiOutcome send(const ScsiRequest& request);
    mmc::MmcTarget& target() { return target_; }
    // Runs the work items a command's sense queued (§3.13: restore the default speed after 6/28 while the
    // restore-defaults flag is set). The driver calls it once the request that drew the sense has completed.
    void runQueuedWork();
    // Seeded defects of the driver's sense handling (harness/defects/).
    void setDefects(defects::DefectSet set) { defects_ = set; }

private:
    mmc::MmcTarget& target_;
    DriverState& state_;
    bool volumeMounted_;
    bool restoreSpeedQueued_ = false;
    defects::DefectSet defects_;
};

}  // namespace cdcts::classdriver
