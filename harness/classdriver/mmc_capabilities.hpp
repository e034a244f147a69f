#pragma once
// What the class driver learns about the drive's MMC abilities (ioctl-contracts.md §7.6): the start-up
// probing that decides IsMmc and fills the capability buffer, and the capability refresh that runs before
// the next queued request whenever the "update required" flag is set (§1 step 5).
#include <cstdint>
#include <optional>
#include <span>

#include "harness/classdriver/driver_state.hpp"
#include "harness/classdriver/scsi_executor.hpp"
#include "harness/mmc/adapter_properties.hpp"

namespace cdcts::classdriver {

// The driver's internal GET CONFIGURATION (DeviceGetConfiguration, S/mmc.c:544): 10-byte CDB, 4 s, the
// buffer zero-filled first; success, BUFFER_OVERFLOW and DATA_OVERRUN all count as success with
// validBytes = min(transferred, DataLength + 4).
struct ConfigurationReply {
    ioctl::NtStatus status;
    std::uint32_t validBytes = 0;
};
ConfigurationReply getConfigurationInternal(ScsiExecutor& scsi, std::span<std::uint8_t> buffer, std::uint16_t startingFeature,
                                            std::uint8_t requestType);

// The feature descriptor with `code` in a GET CONFIGURATION reply (header included), or nothing
// (MmcDataFindFeaturePage: walks the descriptors after the 8-byte header).
[[nodiscard]] std::optional<std::span<const std::uint8_t>> findFeature(std::span<const std::uint8_t> configuration,
                                                                      std::uint16_t code);

// Whether a GET CONFIGURATION reply (header included) shows a drive that can ever write (§7.6, §0.2).
[[nodiscard]] bool driveCanWrite(std::span<const std::uint8_t> configuration);

// Start-up, after the INQUIRY cache (DeviceInitMmcContext, S/init.c:1479): MMC detection, the type-one
// probe, the capability buffer, MODE SENSE page 2Ah for the raw-read abilities.
void initMmcContext(ScsiExecutor& scsi, DriverState& state);

// DeviceUpdateMmcCapabilities (S/mmc.c:201). Runs only for MMC drives with the flag set; clears it on success.
void updateMmcCapabilities(ScsiExecutor& scsi, DriverState& state, const mmc::AdapterProperties& adapter);

}  // namespace cdcts::classdriver
