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
// MediaReadCapacityDataInterpret: the capacity cache from one READ CAPACITY reply (§3.9; also used at start-up).
[[nodiscard]] CachedCapacity interpretReadCapacity(std::uint32_t lastLba, std::uint32_t blockLength);
// Identity and configuration (handlers/get_configuration.cpp, handlers/inquiry_data.cpp).
std::optional<Completion> validateGetConfiguration(const Request&, const DriverContext&);
Completion handleGetConfiguration(const Request&, DriverContext&);
Completion handleGetInquiryData(const Request&, DriverContext&);

// Media, lock and exclusive access (handlers/media_lock.cpp, handlers/exclusive_access.cpp).
Completion handleLoadEjectMedia(const Request&, DriverContext&);
std::optional<Completion> validatePreventMediaRemoval(const Request&, const DriverContext&);
Completion handleMediaRemoval(const Request&, DriverContext&);
Completion handleMcnControl(const Request&, DriverContext&);
Completion handleReserveRelease(const Request&, DriverContext&);
std::optional<Completion> validateFindNewDevices(const Request&, const DriverContext&);
Completion handleFindNewDevices(const Request&, DriverContext&);
std::optional<Completion> validateExclusiveAccess(const Request&, const DriverContext&);
Completion handleExclusiveAccess(const Request&, DriverContext&);
// DeviceUnlockExclusive (§3.5): the owner's unlock request and the owner's handle closing.
void unlockExclusive(DriverContext& context, bool ignorePreviousMediaChanges);
// §1 step 2: true for the codes a non-owner may still send while the device is exclusively locked.
[[nodiscard]] bool exclusiveGateAllows(ioctl::ControlCode original, std::span<const std::uint8_t> input);
// A handle closes: its secure locks, MCN disables and exclusive lock go (§3.11, §3.5).
void releaseFileObject(const FileObject& file, DriverContext& context);

// TOC, raw reads and Q channel (§3.16-§3.19).
std::optional<Completion> validateGetLastSession(const Request&, const DriverContext&);
Completion handleGetLastSession(const Request&, DriverContext&);
std::optional<Completion> validateReadTocEx(const Request&, const DriverContext&);
Completion handleReadTocEx(const Request&, DriverContext&);
std::optional<Completion> validateRawRead(const Request&, const DriverContext&);
Completion handleRawRead(const Request&, DriverContext&);
std::optional<Completion> validateReadQChannel(const Request&, const DriverContext&);
Completion handleReadQChannel(const Request&, DriverContext&);
// IRP_MJ_READ (cooked reads, §7.3, §7.4, §3.5): no dispatch row; ClassDriver::read calls these.
std::optional<Completion> validateCookedRead(const FileObject& file, std::int64_t byteOffset, std::size_t length,
                                             const DriverContext& context);
Completion handleCookedRead(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer, DriverContext& context);

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
