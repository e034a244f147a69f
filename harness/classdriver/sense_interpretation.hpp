#pragma once
// How the class driver turns a failed SCSI command into an NTSTATUS, a retry decision and a delay
// (ioctl-contracts.md §8, S/sense.c): the ASC/ASCQ table first, then the sense-key table, then the
// transport status when there is no valid sense; the MMC overrides last.
#include <cstdint>

#include "harness/core/clock.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::classdriver {

enum class MediaStateChange : std::uint8_t { None, Present, NotPresent, Unavailable };

struct Interpretation {
    ioctl::NtStatus status;
    bool retry = false;
    Nanoseconds delay{0};
    // How much MediaChangeCount grows: 1 for any UNIT ATTENTION, 2 when the ASC also falls through to the
    // sense-key table or is 5A/01 or 3F/xx (§3.1).
    std::uint32_t mediaChangeIncrements = 0;
    MediaStateChange mediaState = MediaStateChange::None;
    bool setVerifyVolume = false;      // DO_VERIFY_VOLUME (only with a mounted volume)
    bool sendStartUnit = false;        // 04/00, 04/02: the driver spins the drive up (§8.1)
    bool mmcRefreshRequired = false;   // §8.4: 6/28, 6/29, 6/5A/02-03
};

struct InterpretationContext {
    std::uint8_t opcode = 0;
    bool volumeMounted = false;  // decides VERIFY_REQUIRED vs a silent retry for unit attentions
    bool isMmc = true;           // the MMC error handler (§8.4) applies to MMC drives only
    int retriedCount = 0;        // retries already made for this command (PHASE_SEQUENCE_FAILURE allows 2, §8.3)
    bool verifyVolumeSet = false;  // DO_VERIFY_VOLUME before this attempt (REQUEST_FLUSHED, §8.3)
};

// §8.5 (SenseInfoInterpretRefineByScsiCommand): what the operation code itself changes, whoever sends it. The
// executor combines these with what the request asks for (the tighter cap, the longer delay).
struct OpcodeRules {
    int maxRetries = 5;                     // retries after the first attempt
    bool retryVerifyRequired = false;       // VERIFY_REQUIRED is retried (MODE SENSE, READ CAPACITY)
    Nanoseconds notReadyMinDelay{0};        // NOT READY with ASC 04h, or a selection timeout, waits at least this
    bool dataOverrunIsSuccess = false;      // DATA_OVERRUN completes as a success (MODE SENSE, GET PERFORMANCE)
};
[[nodiscard]] OpcodeRules opcodeRules(std::uint8_t opcode);

[[nodiscard]] Interpretation interpretFailure(const mmc::CommandResult& result, const InterpretationContext& context);

}  // namespace cdcts::classdriver
