#pragma once
// MMC/SPC operation codes, with the names the standards give them.
#include <cstdint>
#include <string_view>

namespace cdcts::mmc {

enum class Opcode : std::uint8_t {
    TestUnitReady = 0x00,
    RequestSense = 0x03,
    Read6 = 0x08,
    Write6 = 0x0A,
    Inquiry = 0x12,
    ModeSelect6 = 0x15,
    Reserve6 = 0x16,
    Release6 = 0x17,
    ModeSense6 = 0x1A,
    StartStopUnit = 0x1B,
    PreventAllowMediumRemoval = 0x1E,
    ReadCapacity = 0x25,
    Read10 = 0x28,
    Write10 = 0x2A,
    Seek10 = 0x2B,
    SynchronizeCache = 0x35,
    ReadSubChannel = 0x42,
    ReadTocPmaAtip = 0x43,
    PlayAudio10 = 0x45,
    GetConfiguration = 0x46,
    PlayAudioMsf = 0x47,
    GetEventStatusNotification = 0x4A,
    PauseResume = 0x4B,
    StopPlayScan = 0x4E,
    ReadDiscInformation = 0x51,
    ReadTrackInformation = 0x52,
    SendOpcInformation = 0x54,
    ModeSelect10 = 0x55,
    Reserve10 = 0x56,
    Release10 = 0x57,
    ModeSense10 = 0x5A,
    PlayAudio12 = 0xA5,
    Read12 = 0xA8,
    GetPerformance = 0xAC,
    SetStreaming = 0xB6,
    ReadCdMsf = 0xB9,
    SetCdSpeed = 0xBB,
    MechanismStatus = 0xBD,
    ReadCd = 0xBE,
};

// "READ TOC/PMA/ATIP"; "opcode 0xNN" for codes not in the list.
[[nodiscard]] std::string_view opcodeName(std::uint8_t opcode);

}  // namespace cdcts::mmc
