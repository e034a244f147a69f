#pragma once
// Shared by the speed and streaming suites (speed_suite.cpp, streaming_suite.cpp): input builders for
// SET_SPEED, GET_PERFORMANCE, ENABLE_STREAMING and SEND_OPC_INFORMATION, what the drive says about itself in
// GET_CONFIGURATION (Real-Time Streaming, the current profile), the physical speed limits per medium
// (perf-anchors.md §1.1) and the guard that puts the drive's speed back to its maximum.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "suites/caller_buffer.hpp"

namespace cdcts::suites::speed {

namespace status = ioctl::status;
namespace codes = ioctl::codes;

inline constexpr std::uint16_t kMaximumSpeed = 0xFFFF;

template <class T>
std::vector<std::uint8_t> bytesOf(const T& value)
{
    std::vector<std::uint8_t> bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

// `bytes` cut or padded (with zeros) to `size`.
inline std::vector<std::uint8_t> resized(std::vector<std::uint8_t> bytes, std::size_t size)
{
    bytes.resize(size, 0);
    return bytes;
}

// --- inputs ------------------------------------------------------------------------------------------------

inline std::vector<std::uint8_t> setSpeedInput(std::uint16_t read, std::uint16_t write,
                                               ioctl::WRITE_ROTATION rotation = ioctl::CdromDefaultRotation)
{
    return bytesOf(ioctl::CDROM_SET_SPEED{ioctl::CdromSetSpeed, read, write, rotation});
}

// SET STREAMING's "back to the drive's defaults" (RDD); Persistent so the class driver keeps no restore flag.
inline std::vector<std::uint8_t> restoreDefaultsInput()
{
    ioctl::CDROM_SET_STREAMING in{};
    in.RequestType = ioctl::CdromSetStreaming;
    in.RotationControl = ioctl::CdromDefaultRotation;
    in.RestoreDefaults = 1;
    in.Persistent = 1;
    return bytesOf(in);
}

inline std::vector<std::uint8_t> performanceInput(ioctl::CDROM_PERFORMANCE_TYPE type,
                                                  ioctl::CDROM_PERFORMANCE_EXCEPTION_TYPE exceptions,
                                                  std::uint32_t startLba = 0)
{
    return bytesOf(ioctl::CDROM_PERFORMANCE_REQUEST{ioctl::CdromPerformanceRequest, type, exceptions,
                                                    ioctl::Cdrom10Nominal20Exceptions, startLba});
}

inline std::vector<std::uint8_t> writeSpeedInput() { return bytesOf(ioctl::CDROM_WRITE_SPEED_REQUEST{ioctl::CdromWriteSpeedRequest}); }

inline std::vector<std::uint8_t> streamingInput(std::int32_t type)
{
    std::vector<std::uint8_t> bytes(sizeof(ioctl::CDROM_STREAMING_CONTROL));
    storeLe32(bytes.data(), static_cast<std::uint32_t>(type));
    return bytes;
}

inline std::vector<std::uint8_t> opcInput(std::int32_t type, std::uint8_t exclude0 = 0, std::uint8_t exclude1 = 0)
{
    std::vector<std::uint8_t> bytes(sizeof(ioctl::CDROM_SIMPLE_OPC_INFO), 0);
    storeLe32(bytes.data(), static_cast<std::uint32_t>(type));
    bytes[offsetof(ioctl::CDROM_SIMPLE_OPC_INFO, Exclude0)] = exclude0;
    bytes[offsetof(ioctl::CDROM_SIMPLE_OPC_INFO, Exclude1)] = exclude1;
    return bytes;
}

// --- what the drive says about itself ----------------------------------------------------------------------

// GET_CONFIGURATION: the current profile and the Real-Time Streaming feature (MMC-6 §5.3.34, feature 0107h).
struct Capabilities {
    bool mmc = false;                // GET_CONFIGURATION answers at all (the drive is MMC)
    std::uint16_t currentProfile = 0;
    bool rtsPresent = false;         // feature 0107h listed (SET STREAMING and GET PERFORMANCE are mandatory then)
    bool rtsCurrent = false;         // ... with Current = 1 and a flags byte: the class driver's "streaming reads"
    std::uint8_t rtsFlags = 0;       // byte 4: bit 0 SW (stream writing), bit 1 WSPD (write speed descriptors)

    [[nodiscard]] bool streamingReads() const { return rtsCurrent; }
    [[nodiscard]] bool streamingWrites() const { return rtsCurrent && (rtsFlags & 0x01) != 0; }
    [[nodiscard]] bool writeSpeedDescriptors() const { return rtsPresent && (rtsFlags & 0x02) != 0; }
};

inline Capabilities capabilities(DeviceHandle& handle)
{
    Capabilities c;
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    in.Feature = ioctl::FeatureRealTimeStreaming;
    in.RequestType = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE;
    std::vector<std::uint8_t> out(64, 0);
    const ControlResult r = handle.control(codes::CdromGetConfiguration, bytesOf(in), out);
    constexpr std::size_t kFeature = ioctl::GET_CONFIGURATION_HEADER::kDataOffset;
    if (!r.status.isSuccess() || r.information < kFeature) return c;
    c.mmc = true;
    c.currentProfile = loadBe16(&out[6]);
    if (r.information >= kFeature + 4 && loadBe16(&out[kFeature]) == ioctl::FeatureRealTimeStreaming) {
        c.rtsPresent = true;
        const bool current = (out[kFeature + 2] & 0x01) != 0;
        if (out[kFeature + 3] >= 1 && r.information >= kFeature + 5) {
            c.rtsFlags = out[kFeature + 4];
            c.rtsCurrent = current;
        }
    }
    return c;
}

// The current profile is a recordable or rewritable medium (MMC-6 Table 92: CD-R/RW, DVD±R/RW, BD-R/RE, ...).
inline bool writableProfile(std::uint16_t profile)
{
    switch (profile) {
    case 0x0009: case 0x000A:                                      // CD-R, CD-RW
    case 0x0011: case 0x0012: case 0x0013: case 0x0014: case 0x0015: case 0x0016: case 0x0017: case 0x0018:
    case 0x001A: case 0x001B: case 0x002A: case 0x002B:            // DVD-R/RAM/RW, DVD+RW/+R (DL)
    case 0x0041: case 0x0042: case 0x0043:                         // BD-R SRM/RRM, BD-RE
        return true;
    default: return false;
    }
}

// The fastest rate (kB/s, k = 1000) any drive can report for the medium of `profile`: the fastest CAV drives
// sold, with the 177 kB/s rounding of some hosts (perf-anchors.md §1.1, §3.4): CD 56x, DVD 24x, BD 20x.
inline std::uint32_t physicalLimitKbps(std::uint16_t profile)
{
    if (profile >= 0x0008 && profile <= 0x000A) return 56 * 177;
    if (profile >= 0x0010 && profile <= 0x002F) return 24 * 1385 + 24;  // 24x DVD, rounded up per x
    return 20 * 4496 + 20;                                               // BD, and any profile not known here
}

// --- the speed guard ---------------------------------------------------------------------------------------

// Puts the drive back to its maximum speed (SET CD SPEED FFFFh/FFFFh) and, where it has SET STREAMING, to its
// default performance (RDD, persistent so the class driver keeps no restore-at-media-change flag), even when the
// test fails. Arm it before the first SET_SPEED.
class SpeedGuard {
public:
    SpeedGuard(DeviceHandle& handle, bool setStreaming) : handle_(handle), setStreaming_(setStreaming) {}
    SpeedGuard(const SpeedGuard&) = delete;
    SpeedGuard& operator=(const SpeedGuard&) = delete;
    ~SpeedGuard()
    {
        (void)handle_.control(codes::CdromSetSpeed, setSpeedInput(kMaximumSpeed, kMaximumSpeed), {});
        if (setStreaming_) (void)handle_.control(codes::CdromSetSpeed, restoreDefaultsInput(), {});
    }

private:
    DeviceHandle& handle_;
    bool setStreaming_;
};

}  // namespace cdcts::suites::speed
