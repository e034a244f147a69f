#pragma once
// A 2352-byte sector built on demand from its LBA and user data (ECMA-130 §14; CD-ROM XA for mode 2 forms),
// so that raw reads (READ CD with sync, header, EDC/ECC) return exactly what a pressed disc would hold.
#include <cstdint>
#include <optional>
#include <span>

#include "harness/emulator/sector/layout.hpp"

namespace cdcts::emulator::sector {

// The CD-ROM XA subheader (file number, channel number, submode, coding information); recorded twice.
struct Subheader {
    std::uint8_t fileNumber = 0;
    std::uint8_t channelNumber = 0;
    std::uint8_t submode = 0;
    std::uint8_t codingInformation = 0;
    friend constexpr bool operator==(const Subheader&, const Subheader&) = default;
};

// Form 2 EDC is optional in CD-ROM XA: a disc may record zero there instead.
enum class Form2Edc : std::uint8_t { Computed, Zero };

void buildAudio(std::span<const std::uint8_t, kRawSectorSize> pcm, RawSector out);
void buildMode0(std::int32_t lba, RawSector out);
void buildMode1(std::int32_t lba, std::span<const std::uint8_t, kMode1UserSize> user, RawSector out);
void buildMode2Formless(std::int32_t lba, std::span<const std::uint8_t, kMode2UserSize> user, RawSector out);
// The builders of the two forms set or clear submode bit 5 (form 2) so that the sector describes itself.
void buildMode2Form1(std::int32_t lba, Subheader subheader, std::span<const std::uint8_t, kForm1UserSize> user,
                     RawSector out);
void buildMode2Form2(std::int32_t lba, Subheader subheader, std::span<const std::uint8_t, kForm2UserSize> user,
                     RawSector out, Form2Edc edc = Form2Edc::Computed);

[[nodiscard]] std::size_t userDataSize(SectorMode mode);
[[nodiscard]] std::size_t userDataOffset(SectorMode mode);
// The user data of a sector of the given mode (a view into `sector`).
[[nodiscard]] std::span<const std::uint8_t> userData(ConstRawSector sector, SectorMode mode);

struct SectorCheck {
    bool syncValid = false;
    std::optional<std::int32_t> headerLba;  // empty when the header address is not valid BCD
    std::optional<SectorMode> mode;         // from the mode byte and, for mode 2, the subheader; empty if unknown
    bool edcPresent = false;                // false for modes without EDC and form 2 sectors that record zero
    bool edcValid = false;                  // true also when there is no EDC to check
    bool eccValid = false;                  // true also when the mode has no ECC
    [[nodiscard]] bool valid() const { return syncValid && headerLba && mode && edcValid && eccValid; }
};

// Reads a data sector as a drive would: sync, header address, mode (form from submode bit 5, taken from the first
// subheader copy), then EDC and ECC as that mode defines them. Audio sectors have no structure to check.
[[nodiscard]] SectorCheck checkSector(ConstRawSector sector);

// The same checks for a sector the caller knows the mode of (the track's mode): the only way to read mode 2
// formless sectors, which carry no subheader to tell them from the XA forms.
[[nodiscard]] SectorCheck checkSectorAs(ConstRawSector sector, SectorMode mode);

}  // namespace cdcts::emulator::sector
