#pragma once
// CDBs of the audio transport, mode page and speed commands (MMC-6 / SPC-4 layouts), as the class driver's
// audio, volume, speed, performance and OPC codes send them (ioctl-contracts.md §6). Header-only so the
// family adds no build rule.
#include <array>
#include <cstdint>

#include "harness/core/bytes.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::mmc::cdb {

// PLAY AUDIO MSF (47h): bytes 3-5 starting M/S/F, 6-8 ending M/S/F.
[[nodiscard]] inline std::array<std::uint8_t, 10> playAudioMsf(std::uint8_t startM, std::uint8_t startS, std::uint8_t startF,
                                                               std::uint8_t endM, std::uint8_t endS, std::uint8_t endF)
{
    return {static_cast<std::uint8_t>(Opcode::PlayAudioMsf), 0, 0, startM, startS, startF, endM, endS, endF, 0};
}

// SEEK (10) (2Bh): LBA in bytes 2-5.
[[nodiscard]] inline std::array<std::uint8_t, 10> seek10(std::uint32_t lba)
{
    std::array<std::uint8_t, 10> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::Seek10);
    storeBe32(&c[2], lba);
    return c;
}

// PAUSE/RESUME (4Bh): byte 8 bit 0 Resume.
[[nodiscard]] inline std::array<std::uint8_t, 10> pauseResume(bool resume)
{
    std::array<std::uint8_t, 10> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::PauseResume);
    c[8] = resume ? 0x01 : 0x00;
    return c;
}

// MODE SENSE (10) (5Ah): byte 2 = page control (bits 6-7) | page code; DBD byte 1 bit 3; allocation bytes 7-8.
[[nodiscard]] inline std::array<std::uint8_t, 10> modeSense10(std::uint8_t pageControlAndCode, std::uint16_t allocationLength,
                                                              bool disableBlockDescriptors = false)
{
    std::array<std::uint8_t, 10> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ModeSense10);
    c[1] = disableBlockDescriptors ? 0x08 : 0x00;
    c[2] = pageControlAndCode;
    storeBe16(&c[7], allocationLength);
    return c;
}

// MODE SELECT (10) (55h): byte 1 bit 4 PF, bit 0 SP; parameter list length bytes 7-8.
[[nodiscard]] inline std::array<std::uint8_t, 10> modeSelect10(bool pageFormat, bool savePages, std::uint16_t parameterListLength)
{
    std::array<std::uint8_t, 10> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ModeSelect10);
    c[1] = static_cast<std::uint8_t>((pageFormat ? 0x10 : 0) | (savePages ? 0x01 : 0));
    storeBe16(&c[7], parameterListLength);
    return c;
}

// SET CD SPEED (BBh): byte 1 bits 0-1 rotation control; read speed bytes 2-3, write speed bytes 4-5 (KB/s).
[[nodiscard]] inline std::array<std::uint8_t, 12> setCdSpeed(std::uint8_t rotationControl, std::uint16_t readSpeed,
                                                             std::uint16_t writeSpeed)
{
    std::array<std::uint8_t, 12> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::SetCdSpeed);
    c[1] = static_cast<std::uint8_t>(rotationControl & 0x03);
    storeBe16(&c[2], readSpeed);
    storeBe16(&c[4], writeSpeed);
    return c;
}

// SET STREAMING (B6h): type byte 8 (00h performance descriptor), parameter list length bytes 9-10.
[[nodiscard]] inline std::array<std::uint8_t, 12> setStreaming(std::uint8_t type, std::uint16_t parameterListLength)
{
    std::array<std::uint8_t, 12> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::SetStreaming);
    c[8] = type;
    storeBe16(&c[9], parameterListLength);
    return c;
}

// GET PERFORMANCE (ACh): byte 1 = data type bits (Tolerance 3-4, Write 2, Except 0-1); starting LBA bytes 2-5;
// maximum number of descriptors bytes 8-9; type byte 10.
[[nodiscard]] inline std::array<std::uint8_t, 12> getPerformance(std::uint8_t dataType, std::uint32_t startingLba,
                                                                 std::uint16_t maximumDescriptors, std::uint8_t type)
{
    std::array<std::uint8_t, 12> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::GetPerformance);
    c[1] = dataType;
    storeBe32(&c[2], startingLba);
    storeBe16(&c[8], maximumDescriptors);
    c[10] = type;
    return c;
}

// SEND OPC INFORMATION (54h): byte 1 bit 0 DoOpc; byte 2 = Exclude bits; parameter list length bytes 7-8.
[[nodiscard]] inline std::array<std::uint8_t, 10> sendOpcInformation(bool doOpc, std::uint8_t exclude,
                                                                     std::uint16_t parameterListLength)
{
    std::array<std::uint8_t, 10> c{};
    c[0] = static_cast<std::uint8_t>(Opcode::SendOpcInformation);
    c[1] = doOpc ? 0x01 : 0x00;
    c[2] = exclude;
    storeBe16(&c[7], parameterListLength);
    return c;
}

}  // namespace cdcts::mmc::cdb
