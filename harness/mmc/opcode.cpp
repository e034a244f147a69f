#include "harness/mmc/opcode.hpp"

#include <array>
#include <string>

namespace cdcts::mmc {
namespace {
struct Row {
    Opcode opcode;
    std::string_view name;
};
constexpr Row kNames[] = {
    {Opcode::TestUnitReady, "TEST UNIT READY"},
    {Opcode::RequestSense, "REQUEST SENSE"},
    {Opcode::Read6, "READ(6)"},
    {Opcode::Write6, "WRITE(6)"},
    {Opcode::Inquiry, "INQUIRY"},
    {Opcode::ModeSelect6, "MODE SELECT(6)"},
    {Opcode::Reserve6, "RESERVE(6)"},
    {Opcode::Release6, "RELEASE(6)"},
    {Opcode::ModeSense6, "MODE SENSE(6)"},
    {Opcode::StartStopUnit, "START STOP UNIT"},
    {Opcode::PreventAllowMediumRemoval, "PREVENT ALLOW MEDIUM REMOVAL"},
    {Opcode::ReadCapacity, "READ CAPACITY"},
    {Opcode::Read10, "READ(10)"},
    {Opcode::Write10, "WRITE(10)"},
    {Opcode::Seek10, "SEEK(10)"},
    {Opcode::SynchronizeCache, "SYNCHRONIZE CACHE"},
    {Opcode::ReadSubChannel, "READ SUB-CHANNEL"},
    {Opcode::ReadTocPmaAtip, "READ TOC/PMA/ATIP"},
    {Opcode::PlayAudio10, "PLAY AUDIO(10)"},
    {Opcode::GetConfiguration, "GET CONFIGURATION"},
    {Opcode::PlayAudioMsf, "PLAY AUDIO MSF"},
    {Opcode::GetEventStatusNotification, "GET EVENT STATUS NOTIFICATION"},
    {Opcode::PauseResume, "PAUSE/RESUME"},
    {Opcode::StopPlayScan, "STOP PLAY/SCAN"},
    {Opcode::ReadDiscInformation, "READ DISC INFORMATION"},
    {Opcode::ReadTrackInformation, "READ TRACK INFORMATION"},
    {Opcode::SendOpcInformation, "SEND OPC INFORMATION"},
    {Opcode::ModeSelect10, "MODE SELECT(10)"},
    {Opcode::Reserve10, "RESERVE(10)"},
    {Opcode::Release10, "RELEASE(10)"},
    {Opcode::ModeSense10, "MODE SENSE(10)"},
    {Opcode::PlayAudio12, "PLAY AUDIO(12)"},
    {Opcode::Read12, "READ(12)"},
    {Opcode::GetPerformance, "GET PERFORMANCE"},
    {Opcode::SetStreaming, "SET STREAMING"},
    {Opcode::ReadCdMsf, "READ CD MSF"},
    {Opcode::SetCdSpeed, "SET CD SPEED"},
    {Opcode::MechanismStatus, "MECHANISM STATUS"},
    {Opcode::ReadCd, "READ CD"},
};

// Names of unknown opcodes, built once so the returned view stays valid.
const std::array<std::string, 256>& unknownNames()
{
    static const std::array<std::string, 256> names = [] {
        std::array<std::string, 256> out;
        static constexpr char digits[] = "0123456789ABCDEF";
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = std::string("opcode 0x") + digits[i >> 4] + digits[i & 15];
        return out;
    }();
    return names;
}
}  // namespace

std::string_view opcodeName(std::uint8_t opcode)
{
    for (const auto& row : kNames)
        if (static_cast<std::uint8_t>(row.opcode) == opcode) return row.name;
    return unknownNames()[opcode];
}

}  // namespace cdcts::mmc
