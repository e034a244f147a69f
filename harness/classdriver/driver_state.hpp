#pragma once
// What the class driver remembers per device (ioctl-contracts.md §7.1). Grows row by row as codes are
// modelled; everything here is visible to tests through ClassDriver::state().
#include <array>
#include <cstdint>
#include <vector>

#include "harness/core/clock.hpp"

namespace cdcts::classdriver {

enum class MediaState : std::uint8_t { Unknown, Present, NotPresent, Unavailable };

struct FileObject;

// The last READ CAPACITY, kept for bounds checks and the geometry codes (§3.9).
struct CachedCapacity {
    std::uint32_t lastLba = 0;
    std::uint32_t blockLength = 0;
    std::uint32_t bytesPerSector = 2048;
    std::uint32_t sectorShift = 11;
    std::uint64_t partitionLength = 0x7FFFFFFF;  // what the driver assumes with no capacity known
};

struct DriverState {
    std::uint32_t mediaChangeCount = 0;
    MediaState mediaState = MediaState::Unknown;
    bool verifyVolume = false;  // DO_VERIFY_VOLUME
    bool playActive = false;    // §7.4
    bool mmcUpdateRequired = true;
    CachedCapacity capacity;
    std::vector<std::uint8_t> inquiryData;  // cached at start-up, never refreshed (§7.5)
    const FileObject* exclusiveOwner = nullptr;  // §3.5; none until EXCLUSIVE_ACCESS is modelled
    bool surpriseRemoved = false;
    // Media, lock and exclusive access (§3.3, §3.5, §3.7, §3.11, §3.22, §7.1).
    std::array<std::uint8_t, 64> exclusiveCallerName{};  // the owner's name, NUL and zero padding (§3.5)
    std::int32_t lockCount = 0;           // simple locks (MEDIA_REMOVAL), device-wide, survive handle close
    std::int32_t protectedLockCount = 0;  // secure locks (EJECTION_CONTROL), the sum over the handles
    std::int32_t internalLockCount = 0;   // the driver's own locks; nothing in this model takes one yet
    std::uint32_t mcnDisableCount = 0;    // MCN_CONTROL disables over all handles; polling is off while > 0
    bool noReserve6 = false;              // "no RESERVE(6)" hack flag: latched, never cleared (§3.22, §8.5)
    std::uint32_t busRescans = 0;         // IoInvalidateDeviceRelations calls made by FIND_NEW_DEVICES (§3.7)
    // Identity and MMC capabilities (§7.6, §7.1): decided at start-up, the refresh keeps the rest current.
    bool isMmc = false;                       // GET CONFIGURATION worked at start-up; never changes after
    bool badTypeOneGetConfiguration = false;  // RT=2 is emulated with RT=0 (§3.8); also latched by §8.5
    std::vector<std::uint8_t> capabilities;   // the RT=0 GET CONFIGURATION image of start-up, refreshed RT=1
    bool readCdC2Pointers = false;            // feature 001Eh C2 or page 2Ah C2 Pointers (§3.18)
    bool readCdSubCode = false;               // page 2Ah R-W Supported (§3.18)
    bool streamingReadSupported = false;      // feature 0107h current (§3.4), set by the refresh
    bool streamingWriteSupported = false;     // and its Stream Recording bit
    bool isCssDvd = false;                    // feature 0106h current
    // A drive that can ever write (DeviceUpdateMmcWriteCapability over the start-up capability buffer, §7.6):
    // its TimeOutValue is at least 260 s (§0.2) and cooked reads skip the PartitionLength bounds check
    // (RequestValidateReadWrite, RandomWritable schema).
    bool isWriter = false;
    // TimeOutValue, the device's default command timeout (§0.2): 10 s (SCSI_CDROM_TIMEOUT) or the registry's
    // Parameters\TimeOutValue, raised to at least 260 s (SCSI_CDROM_OPC_TIMEOUT) at the end of start-up on a writer.
    Nanoseconds timeOutValue{std::chrono::seconds(10)};
    // Audio, speed and streaming (§3.4, §3.13, §7.1); the streaming support flags above are the §7.6 refresh's.
    bool noStreamingHack = false;       // latched after a permanent-looking streaming failure (§3.4, §8.5)
    bool restoreDefaultSpeed = false;   // §3.13: SET STREAMING with Persistent = FALSE sets it
};

// One open handle as the driver sees it (its FILE_OBJECT).
struct FileObject {
    std::uint64_t id = 0;
    // §3.4, per handle. Mutable: the driver changes its own per-file context (ENABLE_STREAMING) through the
    // request's const reference, as the sample changes its FILE_OBJECT context.
    mutable bool enforceStreamingRead = false;
    mutable bool enforceStreamingWrite = false;
    // The driver's per-handle context (§3.11): this handle's secure locks and MCN disables.
    mutable std::uint32_t lockCount = 0;
    mutable std::uint32_t mcnDisableCount = 0;
};

// §3.4, §7.2: what a cooked read (IRP_MJ_READ) or write on this handle does about streaming. The read path
// consumes this: the V-stage refuses a streaming request the drive cannot serve (RequestValidateReadWrite,
// S/ioctl.c:6322), and the CDB falls back to READ(10)/WRITE(10) silently once the "no streaming" hack flag
// latched (ScratchBuffer_SetupReadWriteSrb, S/scratch.c:1297).
enum class StreamingUse : std::uint8_t {
    Off,          // not requested on this handle: READ(10) / WRITE(10)
    Streaming,    // READ(12) / WRITE(12) with the Streaming bit (CDB byte 10 bit 7)
    FallBack,     // requested, but the hack flag latched: READ(10) / WRITE(10), no error
    Unsupported,  // requested, but the last capability refresh found no support: STATUS_INVALID_DEVICE_REQUEST
};

[[nodiscard]] inline StreamingUse streamingUse(bool enforced, bool supported, const DriverState& state)
{
    if (!enforced) return StreamingUse::Off;
    if (!supported) return StreamingUse::Unsupported;
    return state.noStreamingHack ? StreamingUse::FallBack : StreamingUse::Streaming;
}
[[nodiscard]] inline StreamingUse readStreaming(const FileObject& file, const DriverState& state)
{
    return streamingUse(file.enforceStreamingRead, state.streamingReadSupported, state);
}
[[nodiscard]] inline StreamingUse writeStreaming(const FileObject& file, const DriverState& state)
{
    return streamingUse(file.enforceStreamingWrite, state.streamingWriteSupported, state);
}

}  // namespace cdcts::classdriver
