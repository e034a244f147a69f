#pragma once
// The SCSI/MMC seam: one command in, SCSI status + sense + transfer count out. A real drive (SG_IO) and
// the emulated drive both implement it; the class-driver model and the pass-through checks stand on it.
#include <cstdint>
#include <span>

#include "harness/core/clock.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::mmc {

enum class DataDirection : std::uint8_t { None, In, Out };

enum class ScsiStatus : std::uint8_t {
    Good = 0x00,
    CheckCondition = 0x02,
    ConditionMet = 0x04,
    Busy = 0x08,
    ReservationConflict = 0x18,
    TaskSetFull = 0x28,
    TaskAborted = 0x40,
};

// What the transport (HBA / port driver) says, apart from the device's own SCSI status; the class driver
// maps these like SRB statuses when there is no valid sense (ioctl-contracts.md §8.3).
enum class TransportStatus : std::uint8_t {
    Ok,
    Timeout,           // the command did not complete within its timeout
    SelectionTimeout,  // the device did not answer at all
    NoDevice,          // the device is gone (surprise removal)
    DataOverrun,       // more data than the buffer held (or, on some ports, less than asked)
    BusReset,
    Error,             // anything else the transport could not deliver
    // Rarer HBA outcomes the class driver tells apart (SRB statuses, ioctl-contracts.md §8.3). The backends report
    // them where their transport distinguishes them; otherwise they fall under Error.
    InvalidTarget,         // no such LUN, target, path or HBA (SRB_STATUS_INVALID_LUN / _TARGET_ID / _PATH_ID, NO_HBA)
    Aborted,               // the HBA aborted the command (SRB_STATUS_ABORTED)
    PhaseSequenceFailure,  // the bus phases went wrong (SRB_STATUS_PHASE_SEQUENCE_FAILURE)
    RequestFlushed,        // flushed from the HBA's queue (SRB_STATUS_REQUEST_FLUSHED)
    InvalidRequest,        // the HBA refused the request itself (SRB_STATUS_INVALID_REQUEST)
    ParityError,           // parity error or unexpected bus free (SRB_STATUS_PARITY_ERROR, _UNEXPECTED_BUS_FREE)
};

[[nodiscard]] const char* scsiStatusName(ScsiStatus status);          // "CHECK CONDITION"
[[nodiscard]] const char* transportStatusName(TransportStatus status);  // "selection timeout"

struct CommandResult {
    TransportStatus transport = TransportStatus::Ok;
    ScsiStatus status = ScsiStatus::Good;
    SenseData sense;                // valid only with CheckCondition
    std::uint32_t transferred = 0;  // bytes actually moved in the data phase

    [[nodiscard]] bool good() const { return transport == TransportStatus::Ok && status == ScsiStatus::Good; }
};

class MmcTarget {
public:
    virtual ~MmcTarget() = default;
    // `data` is the data-phase buffer: filled for In, sent for Out, empty for None. Its size is the
    // transfer length the caller allows (not necessarily the CDB's allocation length).
    virtual CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                  DataDirection direction, Nanoseconds timeout) = 0;
    // The clock this target's time passes on (virtual for the emulated drive, steady for real ones).
    virtual Clock& clock() = 0;
};

}  // namespace cdcts::mmc
