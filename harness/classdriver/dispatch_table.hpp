#pragma once
// The class driver's dispatch table: one row per (normalised) code, with its validator and handler.
// Adding a code means adding a row here and a handler file under handlers/.
#include <span>
#include <string_view>

#include "harness/classdriver/request.hpp"

namespace cdcts::classdriver {

struct DispatchRow {
    ioctl::ControlCode code;
    std::string_view section;  // ioctl-contracts.md section the row implements
    Validator validate;        // may be nullptr: no V-stage checks
    Handler handle;            // nullptr: the sample implements the code but this model does not yet
};

[[nodiscard]] std::span<const DispatchRow> dispatchTable();
[[nodiscard]] const DispatchRow* findDispatchRow(ioctl::ControlCode normalized);

// §1 step 3: CD-ROM (and SCSI, DISK, TAPE, DVD) codes with function 0x200..0x300 become STORAGE codes.
[[nodiscard]] ioctl::ControlCode normalizeIoctl(ioctl::ControlCode code);

// Handlers and validators, one file per family under handlers/.
std::optional<Completion> validateCheckVerify(const Request&, const DriverContext&);
Completion handleCheckVerify(const Request&, DriverContext&);
std::optional<Completion> validateReadToc(const Request&, const DriverContext&);
Completion handleReadToc(const Request&, DriverContext&);
std::optional<Completion> validateGetDriveGeometry(const Request&, const DriverContext&);
std::optional<Completion> validateGetDriveGeometryEx(const Request&, const DriverContext&);
Completion handleGetDriveGeometry(const Request&, DriverContext&);

// Audio, volume, speed and streaming (handlers/audio.cpp, volume.cpp, speed.cpp, performance.cpp, opc.cpp,
// streaming.cpp).
std::optional<Completion> validatePlayAudioMsf(const Request&, const DriverContext&);
Completion handlePlayAudioMsf(const Request&, DriverContext&);
std::optional<Completion> validateSeekAudioMsf(const Request&, const DriverContext&);
Completion handleSeekAudioMsf(const Request&, DriverContext&);
Completion handlePauseAudio(const Request&, DriverContext&);
Completion handleResumeAudio(const Request&, DriverContext&);
Completion handleStopAudio(const Request&, DriverContext&);
std::optional<Completion> validateGetVolume(const Request&, const DriverContext&);
Completion handleGetVolume(const Request&, DriverContext&);
std::optional<Completion> validateSetVolume(const Request&, const DriverContext&);
Completion handleSetVolume(const Request&, DriverContext&);
std::optional<Completion> validateSetSpeed(const Request&, const DriverContext&);
Completion handleSetSpeed(const Request&, DriverContext&);
std::optional<Completion> validateGetPerformance(const Request&, const DriverContext&);
Completion handleGetPerformance(const Request&, DriverContext&);
std::optional<Completion> validateSendOpcInformation(const Request&, const DriverContext&);
Completion handleSendOpcInformation(const Request&, DriverContext&);
std::optional<Completion> validateEnableStreaming(const Request&, const DriverContext&);
Completion handleEnableStreaming(const Request&, DriverContext&);

}  // namespace cdcts::classdriver
