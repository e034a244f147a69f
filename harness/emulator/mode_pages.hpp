#pragma once
// The mode pages the emulated drive keeps (MMC-6 §7, SPC-4 §7.5): current values of the pages a host may change
// by MODE SELECT, and the page images MODE SENSE returns for each page control.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "harness/emulator/profile.hpp"

namespace cdcts::emulator {

struct DriveState;

namespace mode_page {
inline constexpr std::uint8_t ReadWriteErrorRecovery = 0x01;
inline constexpr std::uint8_t CdDeviceParameters = 0x0D;
inline constexpr std::uint8_t CdAudioControl = 0x0E;
inline constexpr std::uint8_t PowerCondition = 0x1A;
inline constexpr std::uint8_t Capabilities = 0x2A;  // MM capabilities and mechanical status
inline constexpr std::uint8_t AllPages = 0x3F;
}  // namespace mode_page

// MODE SENSE page control (SPC-4 Table 97).
enum class PageControl : std::uint8_t { Current = 0, Changeable = 1, Default = 2, Saved = 3 };

// The changeable pages' current values (bytes after the page length byte), starting from the profile defaults.
// MODE SELECT changes them; they last until power-off (the drive saves nothing).
struct ModePages {
    explicit ModePages(const DriveProfile& profile)
        : readWriteErrorRecovery(profile.modePages.readWriteErrorRecovery.defaults),
          cdDeviceParameters(profile.modePages.cdDeviceParameters.defaults),
          cdAudioControl(profile.modePages.cdAudioControl.defaults),
          powerCondition(profile.modePages.powerCondition.defaults)
    {
    }
    std::vector<std::uint8_t> readWriteErrorRecovery;
    std::vector<std::uint8_t> cdDeviceParameters;
    std::vector<std::uint8_t> cdAudioControl;
    std::vector<std::uint8_t> powerCondition;
};

// Page codes the drive has, ascending (the order page 3Fh returns them in).
[[nodiscard]] std::span<const std::uint8_t> supportedModePages();

// The whole page (page code, page length, parameters) for `pageControl`, or nullopt for a page the drive lacks.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> modePageImage(const DriveState& state, std::uint8_t pageCode,
                                                                     PageControl pageControl);

// Where a MODE SELECT page differs from what the drive allows.
struct ModePageRejection {
    std::uint16_t byte;  // offset within the page
    std::uint8_t bit;
};
// Checks `page` (code, length, parameters) against the changeable mask and stores it when every changed bit
// is changeable; otherwise names the first offending byte and bit.
[[nodiscard]] std::optional<ModePageRejection> applyModePage(DriveState& state, std::span<const std::uint8_t> page);

}  // namespace cdcts::emulator
