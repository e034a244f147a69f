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

// READ TOC/PMA/ATIP formats (MMC-6 Table 478): byte 2 bits 0-3.
enum class TocFormat : std::uint8_t { Toc = 0, SessionInfo = 1, FullToc = 2, Pma = 3, Atip = 4, CdText = 5 };
[[nodiscard]] Cdb10 readToc(bool msf, TocFormat format, std::uint8_t trackOrSession, std::uint16_t allocationLength);

}  // namespace cdcts::mmc::cdb
