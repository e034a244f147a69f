#include "harness/mmc/mmc_target.hpp"

namespace cdcts::mmc {

const char* scsiStatusName(ScsiStatus status)
{
    switch (status) {
    case ScsiStatus::Good: return "GOOD";
    case ScsiStatus::CheckCondition: return "CHECK CONDITION";
    case ScsiStatus::ConditionMet: return "CONDITION MET";
    case ScsiStatus::Busy: return "BUSY";
    case ScsiStatus::ReservationConflict: return "RESERVATION CONFLICT";
    case ScsiStatus::TaskSetFull: return "TASK SET FULL";
    case ScsiStatus::TaskAborted: return "TASK ABORTED";
    }
    return "RESERVED";
}

const char* transportStatusName(TransportStatus status)
{
    switch (status) {
    case TransportStatus::Ok: return "ok";
    case TransportStatus::Timeout: return "timeout";
    case TransportStatus::SelectionTimeout: return "selection timeout";
    case TransportStatus::NoDevice: return "no device";
    case TransportStatus::DataOverrun: return "data overrun";
    case TransportStatus::BusReset: return "bus reset";
    case TransportStatus::Error: return "error";
    case TransportStatus::InvalidTarget: return "invalid target";
    case TransportStatus::Aborted: return "aborted";
    case TransportStatus::PhaseSequenceFailure: return "phase sequence failure";
    case TransportStatus::RequestFlushed: return "request flushed";
    case TransportStatus::InvalidRequest: return "invalid request";
    case TransportStatus::ParityError: return "parity error";
    }
    return "?";
}

}  // namespace cdcts::mmc
