#pragma once
// An I/O control code and its four fields, as CTL_CODE (winioctl.h / devioctl.h) composes them:
// (DeviceType << 16) | (Access << 14) | (Function << 2) | Method.
#include <cstdint>

namespace cdcts::ioctl {

enum class DeviceType : std::uint16_t {
    CdRom = 0x0002,        // FILE_DEVICE_CD_ROM, IOCTL_CDROM_BASE
    Controller = 0x0004,   // FILE_DEVICE_CONTROLLER, IOCTL_SCSI_BASE
    Disk = 0x0007,         // FILE_DEVICE_DISK, IOCTL_DISK_BASE
    Tape = 0x001F,         // FILE_DEVICE_TAPE
    MassStorage = 0x002D,  // FILE_DEVICE_MASS_STORAGE, IOCTL_STORAGE_BASE
    Dvd = 0x0033,          // FILE_DEVICE_DVD
};

enum class Method : std::uint8_t { Buffered = 0, InDirect = 1, OutDirect = 2, Neither = 3 };

// The access bits a handle must hold; the I/O manager checks them before the driver sees the request.
enum class RequiredAccess : std::uint8_t { Any = 0, Read = 1, Write = 2, ReadWrite = 3 };

struct ControlCode {
    std::uint32_t value = 0;

    static constexpr ControlCode make(std::uint16_t deviceType, std::uint32_t function, Method method,
                                      RequiredAccess access)
    {
        return ControlCode{(std::uint32_t{deviceType} << 16) | (std::uint32_t(access) << 14) | (function << 2) |
                           std::uint32_t(method)};
    }
    static constexpr ControlCode make(DeviceType deviceType, std::uint32_t function, Method method,
                                      RequiredAccess access)
    {
        return make(static_cast<std::uint16_t>(deviceType), function, method, access);
    }

    // CTL_CODE does not mask Function: a value past 12 bits spills into the access bits, which is how
    // IOCTL_CDROM_SIMBAD (function 0x1003) comes out equal to IOCTL_CDROM_PAUSE_AUDIO. make() keeps that.
    static constexpr std::uint32_t kFunctionMask = 0xFFFu;
    [[nodiscard]] static constexpr bool functionFits(std::uint32_t function) { return function <= kFunctionMask; }

    [[nodiscard]] constexpr std::uint16_t deviceType() const { return static_cast<std::uint16_t>(value >> 16); }
    [[nodiscard]] constexpr std::uint32_t function() const { return (value >> 2) & 0xFFFu; }
    [[nodiscard]] constexpr Method method() const { return static_cast<Method>(value & 3u); }
    [[nodiscard]] constexpr RequiredAccess access() const { return static_cast<RequiredAccess>((value >> 14) & 3u); }

    friend constexpr bool operator==(ControlCode, ControlCode) = default;
};

}  // namespace cdcts::ioctl
