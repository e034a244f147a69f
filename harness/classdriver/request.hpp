#pragma once
// One IOCTL as the driver receives it from the I/O manager, and how it completes.
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "harness/classdriver/driver_state.hpp"
#include "harness/classdriver/scsi_executor.hpp"
#include "harness/defects/seeded_defect.hpp"
#include "harness/ioctl/control_code.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/mmc/adapter_properties.hpp"

namespace cdcts::classdriver {

// Choices a lab may need to set differently (ioctl-contracts.md §10); each is documented in
// docs/classdriver-model.md.
struct ClassDriverSettings {
    mmc::AdapterProperties adapter;
    // Q2: a file system volume is mounted on the drive, so unit attentions surface as VERIFY_REQUIRED.
    bool volumeMounted = false;
    // Q6: what the port driver answers for codes the class driver forwards (GET_CONTROL, DISK_TYPE,
    // UNLOAD_DRIVER, unknown codes).
    ioctl::NtStatus forwardedCodeStatus = ioctl::status::InvalidDeviceRequest;
    // Q4: FIND_NEW_DEVICES completes through the sample's default branch with ACCESS_DENIED (§3.7); a shipped
    // driver may answer success.
    ioctl::NtStatus findNewDevicesStatus = ioctl::status::AccessDenied;
    // Q15: the sample retries ALLOW (1Eh) and RESERVE/RELEASE(6) for as long as the sense says "retry"; the model
    // stops after this many retries so a drive stuck in a retryable state cannot hang it.
    int openEndedRetryLimit = 1000;
    // Q3: the GET_CONFIGURATION_IOCTL_INPUT size the driver demands (§3.8 row 4): 24, the 64-bit structure
    // (the sample without BUILD_WOW64_ENABLED, also for WOW64 callers); 16 models a 32-bit Windows or a
    // driver built with BUILD_WOW64_ENABLED answering a 32-bit caller.
    std::uint32_t getConfigurationInputLength = 24;
    // §0.2: the class driver's Parameters\TimeOutValue registry value (0 = not set; honoured from 1 s to 30 min),
    // the default command timeout instead of 10 s. A writer still gets at least 260 s.
    std::chrono::seconds registryTimeOutValue{0};
    // Seeded defects of the driver (harness/defects/): none unless devices.yaml switches some on.
    defects::DefectSet defects;
};

struct Request {
    const FileObject& file;
    ioctl::ControlCode original;  // as the caller sent it (the lock gate and §8.6 use this one)
    ioctl::ControlCode code;      // after normalisation to the STORAGE form (§1 step 3)
    std::span<const std::uint8_t> input;
    std::span<std::uint8_t> output;  // the system buffer (METHOD_BUFFERED) or the caller's pages (DIRECT)
};

struct Completion {
    ioctl::NtStatus status;
    std::uint32_t information = 0;
};

// What a handler may use: the device state, the SCSI route with retries, the settings.
struct DriverContext {
    DriverState& state;
    ScsiExecutor& scsi;
    const ClassDriverSettings& settings;
};

// V-stage: checks in the caller's thread, in the documented order; nullopt means "queue it".
using Validator = std::optional<Completion> (*)(const Request& request, const DriverContext& context);
// H-stage: runs serialized with all other device I/O.
using Handler = Completion (*)(const Request& request, DriverContext& context);

}  // namespace cdcts::classdriver
