#pragma once
// One entry of devices.yaml: which drive, reached how, and what the lab declares about it.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/defects/seeded_defect.hpp"
#include "harness/mmc/adapter_properties.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::inventory {

enum class Backend { Emulated, SgIo, Win32 };

// Where something stands in devices.yaml (1-based line and column), for error messages.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// Faults seeded into an emulated drive when it is opened (emulated.faults; docs/devices-yaml.md). They mirror
// the emulator's FaultPlan, which this library does not see; open_device.cpp converts them.
enum class SectorFaultKind { Unreadable, Marginal, Slow };
struct SectorFaultSpec {
    std::uint32_t lba = 0;
    std::uint32_t count = 1;
    SectorFaultKind kind = SectorFaultKind::Unreadable;
};

enum class CommandFaultKind { CheckCondition, Hang, ShortTransfer, Garbage, WrongLength };
struct CommandFaultSpec {
    CommandFaultKind kind = CommandFaultKind::CheckCondition;
    std::optional<std::uint8_t> opcode;  // any command when empty
    std::uint32_t count = 1;
    mmc::SenseCode sense;         // check_condition
    std::uint32_t bytes = 0;      // short_transfer: at most this many bytes move
    std::uint32_t seed = 0;       // garbage
    std::int32_t delta = 0;       // wrong_length: added to the reply's length field
};

enum class FaultEventKind { MediumRemoved, DeviceGone, UnitAttention };
struct FaultEventSpec {
    std::chrono::nanoseconds at{0};  // after the device is opened, on its clock
    FaultEventKind kind = FaultEventKind::MediumRemoved;
    bool trayOpen = true;  // medium_removed
    mmc::SenseCode sense;  // unit_attention
    std::uint32_t count = 1;
};

struct EmulatedFaults {
    std::vector<SectorFaultSpec> sectors;
    std::vector<CommandFaultSpec> commands;
    std::vector<FaultEventSpec> events;

    [[nodiscard]] bool empty() const { return sectors.empty() && commands.empty() && events.empty(); }
};

// What an emulated drive's time runs on (emulated.clock): modeled time that costs no wall time, or the
// steady clock, so the drive really takes its modeled time (for checking measurement methods).
enum class EmulatedClock { Virtual, Real };

struct EmulatedParams {
    std::string profile;  // a name from the emulator's profile catalog
    // "none" (empty tray), "synthetic:<kind>" (a disc built in code), or an image path; relative
    // paths are resolved against the folder devices.yaml is in, and stored resolved here.
    std::string medium;
    EmulatedFaults faults;
    EmulatedClock clock = EmulatedClock::Virtual;
    // Seeded defects (emulated.defects; harness/defects/): bugs built into the drive or the class-driver model.
    defects::DefectSet defects;
};

struct RealDriveParams {
    std::string path;  // /dev/sg1, /dev/sr0 (sgio) or \\.\CdRom0 (win32)
};

// Adapter values to use instead of the profile's (emulated) or instead of what the port reports (real).
struct AdapterOverrides {
    std::optional<std::uint32_t> alignmentMask;
    std::optional<std::uint32_t> maximumTransferLength;
    std::optional<std::uint32_t> maximumPhysicalPages;
};

// expect.obsolete_codes: what the lab expects of one obsolete code (ioctl-contracts.md §5) on this device.
// Names only: this library does not know the IOCTL catalog; the loader checks them against InventoryVocabulary.
struct ObsoleteCodeDeclaration {
    std::string code;          // SDK name, "IOCTL_CDROM_GET_CONTROL"
    std::string rejectedWith;  // NTSTATUS name, "STATUS_INVALID_DEVICE_REQUEST"; empty: supported
    [[nodiscard]] bool supported() const { return rejectedWith.empty(); }
};

// What the lab declares about the drive and the disc in it; the suites gate and assert on these.
struct Expectations {
    // Is a disc in the drive? For emulated drives it follows from `medium` unless stated.
    std::optional<bool> mediumPresent;
    // Does a file system have a volume mounted on the drive (ioctl-contracts.md Q2)? Decides whether a
    // unit attention surfaces as STATUS_VERIFY_REQUIRED.
    bool volumeMounted = false;
    // May the suites run commands that change the medium or the tray (eject, load)?
    bool allowDestructive = false;
    // Declared answers to obsolete codes, in file order; a code left out takes the contracts' default.
    std::vector<ObsoleteCodeDeclaration> obsoleteCodes;
    // expect.reference_disc: the resolved path of the description (.disc.yaml) of the reference disc in the drive;
    // the reference-disc suite checks the drive against it (docs/reference-disc.md). Empty when not declared.
    std::string referenceDisc;
};

// devices.yaml's bench block (docs/devices-yaml.md "bench"): what `cdcts bench` needs to know about a device
// beyond what it can ask the drive.
struct BenchSectorRun {
    std::uint32_t lba = 0;
    std::uint32_t count = 1;
};
// A figure a benchmark must reach: the named counter of every benchmark whose name, with the device id left out,
// matches `benchmark` (`*` stands for any one /-separated part), at least `min` and/or at most `max`.
struct BenchThreshold {
    std::string benchmark;
    std::string counter;
    std::optional<double> min;
    std::optional<double> max;
    SourceLocation location;  // where the entry is, for the report of a threshold that matched nothing
};
struct BenchSettings {
    // Sectors of the disc in the drive that read only after retries (a scratched test disc): the streaming
    // benchmarks read across them. On an emulated drive, emulated.faults' marginal sectors count too.
    std::vector<BenchSectorRun> marginalSectors;
    std::vector<BenchThreshold> thresholds;
};

struct DeviceSpec {
    std::string id;  // [a-z][a-z0-9_]*: usable as a gtest parameter name and a CTest resource id
    Backend backend = Backend::Emulated;
    bool enabled = true;
    std::string description;
    EmulatedParams emulated;  // backend: emulated
    RealDriveParams real;     // backend: sgio, win32
    AdapterOverrides adapter;
    Expectations expect;
    BenchSettings bench;
    SourceLocation location;  // the line the entry starts on
};

struct Inventory {
    std::filesystem::path file;
    std::vector<DeviceSpec> devices;  // in file order, disabled ones included
};

[[nodiscard]] const char* backendName(Backend backend);

}  // namespace cdcts::inventory
