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

// READ SUB-CHANNEL formats (byte 3): 01h current position, 02h media catalog number, 03h track ISRC.
enum class SubChannelFormat : std::uint8_t { CurrentPosition = 1, MediaCatalogNumber = 2, TrackIsrc = 3 };
// SubQ set (byte 2 bit 6), as the class driver always asks.
[[nodiscard]] Cdb10 readSubChannel(bool msf, SubChannelFormat format, std::uint8_t track, std::uint16_t allocationLength);

// READ TOC/PMA/ATIP formats (MMC-6 Table 478): byte 2 bits 0-3.
enum class TocFormat : std::uint8_t { Toc = 0, SessionInfo = 1, FullToc = 2, Pma = 3, Atip = 4, CdText = 5 };
[[nodiscard]] Cdb10 readToc(bool msf, TocFormat format, std::uint8_t trackOrSession, std::uint16_t allocationLength);

// MODE SENSE (10) / (6) of one page, current values (PC 00b); dbd disables block descriptors.
[[nodiscard]] Cdb10 modeSense10(std::uint8_t page, std::uint16_t allocationLength, bool dbd = true);
[[nodiscard]] Cdb6 modeSense6(std::uint8_t page, std::uint8_t allocationLength, bool dbd = true);

// READ CD (BEh, MMC-6 6.19): byte 1 expected sector type << 2, bytes 2-5 LBA, 6-8 transfer length in
// sectors, byte 9 the field selection (sync b7, header code b5-6, user data b4, EDC/ECC b3, C2 b1-2),
// byte 10 the sub-channel selection.
[[nodiscard]] Cdb12 readCd(std::uint8_t expectedSectorType, std::uint32_t lba, std::uint32_t sectors,
                           std::uint8_t fieldSelection, std::uint8_t subChannelSelection);

// READ (10): LBA and transfer length in blocks; READ (12) with the Streaming bit (byte 10 bit 7) as the class
// driver sends it for handles that enforce streaming reads.
[[nodiscard]] Cdb10 read10(std::uint32_t lba, std::uint16_t blocks);
[[nodiscard]] Cdb12 read12(std::uint32_t lba, std::uint32_t blocks, bool streaming);

}  // namespace cdcts::mmc::cdb
