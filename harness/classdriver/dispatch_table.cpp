#include "harness/classdriver/dispatch_table.hpp"

#include <array>

#include "harness/ioctl/codes.hpp"

namespace cdcts::classdriver {
namespace {
namespace c = ioctl::codes;

// Rows are keyed by the normalised code, so IOCTL_CDROM_CHECK_VERIFY and IOCTL_STORAGE_CHECK_VERIFY meet in
// one row (§9). A row without a handler is a code the sample implements that this model does not yet.
constexpr std::array kRows{
    DispatchRow{c::StorageCheckVerify, "§3.1", &validateCheckVerify, &handleCheckVerify},
    DispatchRow{c::StorageCheckVerify2, "§3.1", &validateCheckVerify, &handleCheckVerify},
    DispatchRow{c::CdromReadToc, "§3.15", &validateReadToc, &handleReadToc},
    DispatchRow{c::CdromGetDriveGeometry, "§3.9", &validateGetDriveGeometry, &handleGetDriveGeometry},
    DispatchRow{c::DiskGetDriveGeometry, "§3.9", &validateGetDriveGeometry, &handleGetDriveGeometry},
    DispatchRow{c::CdromGetDriveGeometryEx, "§3.9", &validateGetDriveGeometryEx, &handleGetDriveGeometry},
    DispatchRow{c::DiskGetDriveGeometryEx, "§3.9", &validateGetDriveGeometryEx, &handleGetDriveGeometry},
    // Implemented by the sample, modelled by later work (issue 4):
    DispatchRow{c::StorageEjectMedia, "§3.3", nullptr, &handleLoadEjectMedia},
    DispatchRow{c::StorageLoadMedia, "§3.3", nullptr, &handleLoadEjectMedia},
    DispatchRow{c::StorageLoadMedia2, "§3.3", nullptr, &handleLoadEjectMedia},
    DispatchRow{c::CdromEnableStreaming, "§3.4", &validateEnableStreaming, &handleEnableStreaming},
    DispatchRow{c::CdromExclusiveAccess, "§3.5", &validateExclusiveAccess, &handleExclusiveAccess},
    DispatchRow{c::StorageFindNewDevices, "§3.7", &validateFindNewDevices, &handleFindNewDevices},
    DispatchRow{c::CdromGetConfiguration, "§3.8", &validateGetConfiguration, &handleGetConfiguration},
    DispatchRow{c::CdromGetInquiryData, "§3.10", nullptr, &handleGetInquiryData},
    DispatchRow{c::StorageMediaRemoval, "§3.11", &validatePreventMediaRemoval, &handleMediaRemoval},
    DispatchRow{c::StorageEjectionControl, "§3.11", &validatePreventMediaRemoval, &handleMediaRemoval},
    DispatchRow{c::StorageMcnControl, "§3.11", &validatePreventMediaRemoval, &handleMcnControl},
    DispatchRow{c::CdromGetPerformance, "§3.12", &validateGetPerformance, &handleGetPerformance},
    DispatchRow{c::CdromSetSpeed, "§3.13", &validateSetSpeed, &handleSetSpeed},
    DispatchRow{c::CdromSendOpcInformation, "§3.14", &validateSendOpcInformation, &handleSendOpcInformation},
    DispatchRow{c::CdromGetLastSession, "§3.16", &validateGetLastSession, &handleGetLastSession},
    DispatchRow{c::CdromReadTocEx, "§3.17", &validateReadTocEx, &handleReadTocEx},
    DispatchRow{c::CdromRawRead, "§3.18", &validateRawRead, &handleRawRead},
    DispatchRow{c::CdromReadQChannel, "§3.19", &validateReadQChannel, &handleReadQChannel},
    DispatchRow{c::CdromPlayAudioMsf, "§3.20", &validatePlayAudioMsf, &handlePlayAudioMsf},
    DispatchRow{c::CdromSeekAudioMsf, "§3.20", &validateSeekAudioMsf, &handleSeekAudioMsf},
    DispatchRow{c::CdromPauseAudio, "§3.20", nullptr, &handlePauseAudio},
    DispatchRow{c::CdromResumeAudio, "§3.20", nullptr, &handleResumeAudio},
    DispatchRow{c::CdromStopAudio, "§3.20", nullptr, &handleStopAudio},
    DispatchRow{c::CdromGetVolume, "§3.21", &validateGetVolume, &handleGetVolume},
    DispatchRow{c::CdromSetVolume, "§3.21", &validateSetVolume, &handleSetVolume},
    DispatchRow{c::StorageReserve, "§3.22", nullptr, &handleReserveRelease},
    DispatchRow{c::StorageRelease, "§3.22", nullptr, &handleReserveRelease},
    // GET_CONTROL, DISK_TYPE and UNLOAD_DRIVER have no row: the sample forwards them (§3.23).
};

}  // namespace

std::span<const DispatchRow> dispatchTable() { return kRows; }

const DispatchRow* findDispatchRow(ioctl::ControlCode normalized)
{
    for (const auto& row : kRows)
        if (row.code == normalized) return &row;
    return nullptr;
}

ioctl::ControlCode normalizeIoctl(ioctl::ControlCode code)
{
    using ioctl::DeviceType;
    switch (static_cast<DeviceType>(code.deviceType())) {
    case DeviceType::Controller:
    case DeviceType::Disk:
    case DeviceType::Tape:
    case DeviceType::Dvd:
    case DeviceType::CdRom: break;
    default: return code;
    }
    const std::uint32_t function = code.function();
    if (function < 0x200 || function > 0x300) return code;
    return ioctl::ControlCode{0x002D0000u | (code.value & 0xFFFFu)};
}

}  // namespace cdcts::classdriver
