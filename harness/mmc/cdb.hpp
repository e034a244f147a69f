#pragma once
// Command descriptor blocks, built field by field as MMC-6 / SPC-4 lay them out.
#include <array>
#include <cstdint>

namespace cdcts::mmc::cdb {

using Cdb6 = std::array<std::uint8_t, 6>;
using Cdb10 = std::array<std::uint8_t, 10>;
using Cdb12 = std::array<std::uint8_t, 12>;

[[nodiscard]] Cdb6 testUnitReady();
[[nodiscard]] Cdb6 requestSense(std::uint8_t allocationLength);
// Standard INQUIRY (evpd false) or a VPD page.
[[nodiscard]] Cdb6 inquiry(std::uint16_t allocationLength, bool evpd = false, std::uint8_t page = 0);
[[nodiscard]] Cdb10 readCapacity();
// START STOP UNIT: Start and LoEj bits of byte 4, Immed of byte 1.
[[nodiscard]] Cdb6 startStopUnit(bool start, bool loadEject, bool immediate = false);
// PREVENT ALLOW MEDIUM REMOVAL (MMC-6 §6.11): Prevent is byte 4 bit 0, Persistent byte 4 bit 1.
[[nodiscard]] Cdb6 preventAllowMediumRemoval(bool prevent, bool persistent = false);
// RESERVE / RELEASE (SPC-2 §7.21-7.22): the 6-byte forms and their 10-byte equivalents, all fields zero.
[[nodiscard]] Cdb6 reserve6();
[[nodiscard]] Cdb6 release6();
[[nodiscard]] Cdb10 reserve10();
[[nodiscard]] Cdb10 release10();

// READ SUB-CHANNEL formats (byte 3): 01h current position, 02h media catalog number, 03h track ISRC.
enum class SubChannelFormat : std::uint8_t { CurrentPosition = 1, MediaCatalogNumber = 2, TrackIsrc = 3 };
// SubQ set (byte 2 bit 6), as the class driver always asks.
[[nodiscard]] Cdb10 readSubChannel(bool msf, SubChannelFormat format, std::uint8_t track, std::uint16_t allocationLength);

// READ TOC/PMA/ATIP formats (MMC-6 Table 478): byte 2 bits 0-3.
enum class TocFormat : std::uint8_t { Toc = 0, SessionInfo = 1, FullToc = 2, Pma = 3, Atip = 4, CdText = 5 };
[[nodiscard]] Cdb10 readToc(bool msf, TocFormat format, std::uint8_t trackOrSession, std::uint16_t allocationLength);

}  // namespace cdcts::mmc::cdb
