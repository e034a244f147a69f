#pragma once
// Drive models: identity, transport, speeds, timings and the behaviours real drives are known for.
// VirtualDrive behaves as the profile says.
#include <chrono>
#include <cstdint>
#include <span>
#include <stdexcept>
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
    Nanoseconds slowSectorDelay{0};  // extra time a slow sector costs any read, streaming or not
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
    // GET CONFIGURATION (46h) and GET EVENT STATUS NOTIFICATION (4Ah) are MMC-2 additions; drives built to the
    // MMC-1 / SFF-8020i command set answer both with 05/20/00 (profiles/README.md explains the choice).
    bool getConfiguration = true;
    bool eventStatusNotification = true;
};

// One feature descriptor the drive reports (MMC-6 §5.3): its code, version and feature-dependent data
// (bytes 4.. of the descriptor). Persistent and Current are decided per command from the loaded medium.
struct FeatureDescriptor {
    std::uint16_t code = 0;
    std::uint8_t version = 0;
    std::vector<std::uint8_t> data;
};

// A mode page the host can read and (where the mask allows) change: its bytes after the page length.
struct ModePageDefaults {
    std::vector<std::uint8_t> defaults;
    std::vector<std::uint8_t> changeable;
};

// Mode page settings the profile file gives (mode page 2Ah is built from the rest of the profile).
struct ProfileModePages {
    ModePageDefaults readWriteErrorRecovery;  // 01h
    ModePageDefaults cdDeviceParameters;      // 0Dh
    ModePageDefaults cdAudioControl;          // 0Eh
    ModePageDefaults powerCondition;          // 1Ah
    std::uint16_t bufferSizeKb = 0;           // 2Ah bytes 12-13
    bool mmc3Capabilities = true;             // 2Ah in the MMC-3 layout (write speed descriptors), else the 14h-byte MMC-2 page
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
    // MMC profile numbers the drive supports (0008h CD-ROM, 0010h DVD-ROM, ...), highest first as drives list them.
    std::vector<std::uint16_t> mediaProfiles;
    // Feature descriptors in ascending feature code order (GET CONFIGURATION returns them so).
    std::vector<FeatureDescriptor> features;
    ProfileModePages modePages;

    [[nodiscard]] const FeatureDescriptor* feature(std::uint16_t code) const
    {
        for (const auto& f : features)
            if (f.code == code) return &f;
        return nullptr;
    }
};

// A profile file that cannot be used; what() reads "profiles/dvd_rom.yaml:12:5: speeds.read: <what is wrong>".
class ProfileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The built-in models, parsed on first use from the profile files embedded at build time (profiles/*.yaml).
[[nodiscard]] std::span<const DriveProfile> driveProfiles();
[[nodiscard]] const DriveProfile* findDriveProfile(std::string_view name);

// Parses one profile file; `fileName` names it in errors. Throws ProfileError.
[[nodiscard]] DriveProfile parseDriveProfile(std::string_view yamlText, const std::string& fileName);
[[nodiscard]] DriveProfile loadDriveProfile(const std::string& path);

}  // namespace cdcts::emulator
