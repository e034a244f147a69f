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

// GET CONFIGURATION (MMC-6 §6.6): RT in byte 1 bits 0-1, starting feature in bytes 2-3, allocation in 7-8.
// The 12-byte form is what IOCTL_CDROM_GET_CONFIGURATION sends (bytes 10-11 zero); the driver's own probes
// use the 10-byte form (ioctl-contracts.md §3.8, §7.6).
[[nodiscard]] Cdb10 getConfiguration(std::uint8_t requestType, std::uint16_t startingFeature, std::uint16_t allocationLength);
[[nodiscard]] Cdb12 getConfiguration12(std::uint8_t requestType, std::uint16_t startingFeature, std::uint16_t allocationLength);
// MODE SENSE (6)/(10), current values (PC 00b), DBD in byte 1 bit 3.
[[nodiscard]] Cdb6 modeSense6(bool disableBlockDescriptors, std::uint8_t pageCode, std::uint8_t allocationLength);
[[nodiscard]] Cdb10 modeSense10(bool disableBlockDescriptors, std::uint8_t pageCode, std::uint16_t allocationLength);
// GET PERFORMANCE (MMC-6 §6.8): byte 1 Except bits 0-1, Write bit 2, Tolerance bits 3-4; starting LBA 2-5;
// maximum number of descriptors 8-9; type 10.
[[nodiscard]] Cdb12 getPerformance(std::uint8_t except, bool write, std::uint8_t tolerance, std::uint32_t startingLba,
                                   std::uint16_t maximumDescriptors, std::uint8_t type);

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
