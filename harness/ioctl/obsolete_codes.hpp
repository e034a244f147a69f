#pragma once
// The obsolete and replaced codes of ioctl-contracts.md §5 that have a value, and what the class driver does with
// each by default: devices.yaml's expect.obsolete_codes may declare otherwise per device (docs/devices-yaml.md).
#include <span>
#include <string_view>
#include <vector>

#include "harness/ioctl/control_code.hpp"
#include "harness/ioctl/nt_status.hpp"

namespace cdcts::ioctl {

// What a device is expected to answer for an obsolete code: its contract's answer (supported), or a rejection
// with one of `rejectedWith` (a declaration names one status; a default may allow several, Q6).
struct ObsoleteExpectation {
    bool supported = true;
    std::vector<NtStatus> rejectedWith;
};

struct ObsoleteCodeInfo {
    std::string_view name;  // SDK name, as devices.yaml spells it
    ControlCode value;
    std::string_view section;  // the contract that says how the class driver answers it
    // The class driver's behaviour from the contracts: implemented (supported), forwarded to the port driver
    // (rejected there, STATUS_INVALID_DEVICE_REQUEST or STATUS_NOT_SUPPORTED, Q6), or FIND_NEW_DEVICES's
    // STATUS_ACCESS_DENIED from the sample's default branch (§3.7, Q4).
    enum class Default { Supported, RejectedByThePortDriver, AccessDenied } byDefault = Default::Supported;

    [[nodiscard]] ObsoleteExpectation defaultExpectation() const;
};

// Every row of §5 with a value (CLOSE_DOOR has none), in §2.1 order.
[[nodiscard]] std::span<const ObsoleteCodeInfo> obsoleteCodes();
// By exact SDK name; nullptr for a code that is not in §5 (or not a code at all).
[[nodiscard]] const ObsoleteCodeInfo* findObsoleteCode(std::string_view name);

}  // namespace cdcts::ioctl
