#pragma once
// Seeded defects (issue #5 item 9): realistic bugs a class driver or a drive could have, built into the
// class-driver model and the emulated drive and switched on per device from devices.yaml (emulated.defects).
// `cdcts defects check` turns each one on in turn and requires the conformance run to fail: the proof that the
// suites catch defects. The code that models the bug asks `defects.has(SeededDefect::X)` at the exact spot.
#include <bitset>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace cdcts::defects {

enum class SeededDefect : std::size_t {
    // Class driver (harness/classdriver/)
    ReadTocExIgnoresMsf,
    StorageCheckVerifyFromCache,
    MediaChangeCountNotIncremented,
    StorageEjectOverridesMediumLock,
    ExclusiveLockNotEnforced,
    RawReadIgnoresTrackMode,
    NoMediumMapsToDeviceError,
    TocInformationCountsWholeBuffer,
    ReadTocShortBufferAccepted,
    GeometryBytesPerSector2352,
    MediaRemovalUnlockedOnHandleClose,
    CurrentConfigurationReturnsAll,
    GetVolumeReturnsConstant,
    StopAudioNotSent,
    RawReadBoundOffByOne,
    CheckVerify2ReturnsCount,
    InquiryTruncationReportsSuccess,
    SetSpeedNotSent,
    // Emulated drive (harness/emulator/)
    TocLengthOffByTwo,
    LastSessionAddressOffBy150,
    QChannelNotAdvancing,
    PauseKeepsPlaying,
    ResumeRestartsFromStart,
    SeekIgnored,
    McnValidWithoutMcn,
    IsrcValidWithoutIsrc,
    CookedReadReturnsSectorHeader,
    PerformanceOverstatesSpeed,
    EjectIgnoresPreventLock,
    VolumeNotApplied,
    InquiryVendorNotPadded,
    ReadCapacityReturnsBlockCount,
    StopUnitKeepsPlaying,
    PlayAudioAcceptsDataTrack,
    Count,
};

enum class DefectLayer { ClassDriver, Emulator };

// One row of the catalog.
struct DefectInfo {
    SeededDefect defect;
    std::string_view name;         // snake_case, as devices.yaml spells it
    DefectLayer layer;             // where the bug lives
    std::string_view device;       // the default devices.yaml entry `cdcts defects check` seeds it into
    std::string_view description;  // the bug, in one line
};

// Every defect, in enum order.
[[nodiscard]] std::span<const DefectInfo> defectCatalog();
[[nodiscard]] const DefectInfo& defectInfo(SeededDefect defect);
[[nodiscard]] std::optional<SeededDefect> findDefect(std::string_view name);
[[nodiscard]] std::string_view layerName(DefectLayer layer);

// The defects switched on for one device; empty for every device unless devices.yaml says otherwise.
class DefectSet {
public:
    DefectSet() = default;

    void add(SeededDefect defect) { bits_.set(static_cast<std::size_t>(defect)); }
    [[nodiscard]] bool has(SeededDefect defect) const { return bits_.test(static_cast<std::size_t>(defect)); }
    [[nodiscard]] bool empty() const { return bits_.none(); }

private:
    std::bitset<static_cast<std::size_t>(SeededDefect::Count)> bits_;
};

}  // namespace cdcts::defects
