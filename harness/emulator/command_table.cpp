#include "harness/emulator/command_table.hpp"

namespace cdcts::emulator {
namespace {
using mmc::Opcode;
constexpr CommandRow kCommands[] = {
    {Opcode::TestUnitReady, 6, true, true, &testUnitReady},
    {Opcode::RequestSense, 6, false, false, &requestSense},
    {Opcode::Inquiry, 6, false, false, &inquiry},
    {Opcode::StartStopUnit, 6, true, false, &startStopUnit},
    {Opcode::PreventAllowMediumRemoval, 6, true, false, &preventAllowMediumRemoval},
    {Opcode::ReadCapacity, 10, true, true, &readCapacity},
    {Opcode::Read10, 10, true, true, &read10},
    {Opcode::Read12, 12, true, true, &read12},
    {Opcode::ReadTocPmaAtip, 10, true, true, &readTocPmaAtip},
    {Opcode::ReadDiscInformation, 10, true, true, &readDiscInformation},
    {Opcode::ReadTrackInformation, 10, true, true, &readTrackInformation},
    {Opcode::ReadCdMsf, 12, true, true, &readCdMsf},
    {Opcode::ReadCd, 12, true, true, &readCd},
    // MMC exempts GET CONFIGURATION and GET EVENT STATUS NOTIFICATION from reporting a pending unit attention, as
    // SPC-4 does INQUIRY: a host learns what changed (media event, current profile) before clearing the condition.
    {Opcode::GetConfiguration, 10, false, false, &getConfiguration},
    {Opcode::GetEventStatusNotification, 10, false, false, &getEventStatusNotification},
    {Opcode::ModeSense6, 6, true, false, &modeSense6},
    {Opcode::ModeSense10, 10, true, false, &modeSense10},
    {Opcode::ModeSelect6, 6, true, false, &modeSelect6},
    {Opcode::ModeSelect10, 10, true, false, &modeSelect10},
    {Opcode::MechanismStatus, 12, true, false, &mechanismStatus},
    {Opcode::Reserve6, 6, true, false, &reserveRelease},
    {Opcode::Release6, 6, true, false, &reserveRelease},
    {Opcode::Reserve10, 10, true, false, &reserveRelease},
    {Opcode::Release10, 10, true, false, &reserveRelease},
    {Opcode::SynchronizeCache, 10, true, true, &synchronizeCache},
    {Opcode::SetCdSpeed, 12, true, false, &setCdSpeed},
    {Opcode::SetStreaming, 12, true, false, &setStreaming},
    {Opcode::GetPerformance, 12, true, false, &getPerformance},
    {Opcode::PlayAudio10, 10, true, true, &playAudio10},
    {Opcode::PlayAudio12, 12, true, true, &playAudio12},
    {Opcode::PlayAudioMsf, 10, true, true, &playAudioMsf},
    {Opcode::PauseResume, 10, true, true, &pauseResume},
    {Opcode::StopPlayScan, 10, true, false, &stopPlayScan},
    {Opcode::Seek10, 10, true, true, &seek10},
    {Opcode::ReadSubChannel, 10, true, true, &readSubChannel},
    {Opcode::SendOpcInformation, 10, true, false, &sendOpcInformation},
};
}  // namespace

std::span<const CommandRow> commandTable() { return kCommands; }

const CommandRow* findCommand(std::uint8_t opcode)
{
    for (const auto& row : kCommands)
        if (static_cast<std::uint8_t>(row.opcode) == opcode) return &row;
    return nullptr;
}

mmc::SenseCode mediumNotPresent(const DriveState& state)
{
    return state.tray == TrayState::Open ? mmc::sense::MediumNotPresentTrayOpen : mmc::sense::MediumNotPresentTrayClosed;
}

}  // namespace cdcts::emulator
