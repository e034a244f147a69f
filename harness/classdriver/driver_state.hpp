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
    // RAW_READ capabilities probed once at start from mode page 2Ah (§3.18, DeviceSetRawReadInfo): C2
    // pointers (byte 5 bit 4) and R-W sub-channel (byte 5 bit 2). The GET CONFIGURATION start-up probe
    // may also set c2Supported from feature 001Eh (byte 4 bit 1).
    bool c2Supported = false;
    bool rwSupported = false;
    // A writer drive (GET CONFIGURATION at start, not modelled yet): cooked reads skip the PartitionLength
    // bounds check on writers (RequestValidateReadWrite, RandomWritable schema).
    bool isWriter = false;
};

// One open handle as the driver sees it (its FILE_OBJECT).
struct FileObject {
    std::uint64_t id = 0;
    bool enforceStreamingRead = false;   // §3.4, per handle
    bool enforceStreamingWrite = false;
};

}  // namespace cdcts::classdriver
