#pragma once
// What the class driver remembers per device (ioctl-contracts.md §7.1). Grows row by row as codes are
// modelled; everything here is visible to tests through ClassDriver::state().
#include <cstdint>
#include <vector>

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
    // Audio, speed and streaming (§3.4, §3.13, §7.1). isMmc and the streaming support flags are the §7.6
    // capability refresh's findings: the refresh sets them (feature 0107h current with AdditionalLength >= 1
    // for reads, and its Stream Recording bit for writes); until then the start-up values below hold.
    bool isMmc = true;
    bool streamingReadSupported = false;
    bool streamingWriteSupported = false;
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
