#pragma once
// Drive models: identity, transport, speeds, timings and the behaviours real drives are known for.
// VirtualDrive behaves as the profile says.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/clock.hpp"
#include "harness/mmc/adapter_properties.hpp"

namespace cdcts::emulator {

// How the disc goes in (mode page 2Ah loading mechanism type, MMC-6 Table 684; MECHANISM STATUS).
enum class LoadingMechanism : std::uint8_t { CaddySlot = 0, Tray = 1, PopUp = 2 };

// How the spindle is driven while reading (perf-anchors.md §1.3).
enum class RotationControl : std::uint8_t {
    Clv,   // constant linear velocity: the same rate everywhere
    Cav,   // constant rpm: the rate grows with the radius, the rated maximum at the outer edge (58 mm)
    Zclv,  // zoned CLV: a staircase of constant rates
    Pcav,  // partial CAV: CAV until the rate reaches a cap, CLV from there
};

// Speeds in MMC's unit: kB/s with k = 1000, CD 1x = 176.4 kB/s (perf-anchors.md §1.1).
struct ProfileSpeeds {
    RotationControl rotation = RotationControl::Cav;
    std::uint32_t maxReadKbps = 0;                 // the rated maximum (outer edge for CAV)
    std::vector<std::uint32_t> readSpeedsKbps;     // what SET CD SPEED can select, fastest first
    std::vector<std::uint32_t> writeSpeedsKbps;    // writers only, fastest first
    std::uint32_t pcavCapKbps = 0;                 // P-CAV: the rate where CAV turns into CLV
    // Z-CLV: zone boundaries as LBAs and the rate of each zone (zoneRatesKbps.size() == zoneStartLbas.size()).
    std::vector<std::int32_t> zoneStartLbas;
    std::vector<std::uint32_t> zoneRatesKbps;
};

struct ProfileTimings {
    Nanoseconds spinUp{0};           // stopped to the target speed
    Nanoseconds idleSpinDown{0};     // at speed and unused this long, the spindle stops (0 = never)
    Nanoseconds fullStrokeSeek{0};   // inner to outer edge
    Nanoseconds minimumSeek{0};      // the shortest real seek (track to track)
    Nanoseconds commandOverhead{0};  // every command, before any seek or transfer
    Nanoseconds trayTravel{0};       // tray out or in
    Nanoseconds marginalRetry{0};    // one retry of a marginal sector by a normal (non-streaming) read
    std::uint8_t marginalRetries = 0;
};

// The C2 error pointer layouts READ CD can return (MMC-6 Table 442).
enum class C2Support : std::uint8_t { None, Pointers, PointersAndBlockError };

// Behaviours real drives are known for; each one a suite may meet on a real drive.
struct ProfileBehaviours {
    std::int16_t readOffsetSamples = 0;    // audio read offset, in 4-byte stereo samples
    bool audioCache = false;               // rereading an audio sector comes from the drive's cache
    C2Support c2 = C2Support::PointersAndBlockError;
    bool streaming = false;                // Real Time Streaming feature (SET STREAMING, GET PERFORMANCE)
    bool getPerformance = false;           // implements GET PERFORMANCE
    bool performanceCurrentSpeedOnly = false;  // GET PERFORMANCE reports only the current speed
    bool reserveRelease = false;           // RESERVE/RELEASE (6)/(10)
    bool cdText = true;                    // READ TOC format 5
};

struct DriveProfile {
    std::string name;          // the key devices.yaml uses
    std::string description;   // one line for `cdcts devices list`
    std::string vendor;        // INQUIRY T10 vendor identification, 8 characters
    std::string product;       // INQUIRY product identification, 16 characters
    std::string revision;      // INQUIRY product revision level, 4 characters
    std::string serialNumber;
    bool writer = false;       // can write CD-R/RW (claims the write features)
    bool dvdRead = false;      // reads DVD media (claims DVD Read and the DVD profiles)
    LoadingMechanism loading = LoadingMechanism::Tray;
    mmc::AdapterProperties adapter;
    ProfileSpeeds speeds;
    ProfileTimings timings;
    ProfileBehaviours behaviours;
};

[[nodiscard]] std::span<const DriveProfile> driveProfiles();
[[nodiscard]] const DriveProfile* findDriveProfile(std::string_view name);

}  // namespace cdcts::emulator
