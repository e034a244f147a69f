#pragma once
// Byte offsets inside a 2352-byte sector: ECMA-130 §14 (modes 0, 1 and 2) and the CD-ROM XA forms of mode 2
// (subheader at 16, recorded twice). One table of constants so builders, checkers and tests agree.
#include <cstddef>
#include <cstdint>
#include <span>

namespace cdcts::emulator::sector {

inline constexpr std::size_t kRawSectorSize = 2352;
using RawSector = std::span<std::uint8_t, kRawSectorSize>;
using ConstRawSector = std::span<const std::uint8_t, kRawSectorSize>;

enum class SectorMode : std::uint8_t {
    Audio,          // CD-DA: 2352 bytes of PCM, no structure
    Mode0,          // ECMA-130 §14.4: header then 2336 zero bytes
    Mode1,          // ECMA-130 §14.5: 2048 user bytes, EDC, 8 zero bytes, P and Q parity
    Mode2Formless,  // ECMA-130 §14.6: 2336 user bytes, no EDC/ECC
    Mode2Form1,     // CD-ROM XA form 1: subheader, 2048 user bytes, EDC, P and Q parity
    Mode2Form2,     // CD-ROM XA form 2: subheader, 2324 user bytes, EDC (or zero)
};

namespace offset {
inline constexpr std::size_t Sync = 0;        // 12 bytes: 00, FF x 10, 00 (§14.1)
inline constexpr std::size_t Header = 12;     // 4 bytes: minute, second, frame (BCD), mode (§14.2)
inline constexpr std::size_t Mode = 15;
inline constexpr std::size_t Mode1User = 16;  // 2048
inline constexpr std::size_t Mode1Edc = 2064;  // 4, over bytes 0..2063
inline constexpr std::size_t Mode1Zero = 2068;  // 8 zero bytes
inline constexpr std::size_t Subheader = 16;  // 8 bytes: file, channel, submode, coding info, then again
inline constexpr std::size_t Mode2User = 16;  // formless: 2336
inline constexpr std::size_t Form1User = 24;  // 2048
inline constexpr std::size_t Form1Edc = 2072;  // 4, over bytes 16..2071
inline constexpr std::size_t Form2User = 24;  // 2324
inline constexpr std::size_t Form2Edc = 2348;  // 4, over bytes 16..2347
inline constexpr std::size_t EccP = 2076;      // 172 bytes (86 columns x 2), Annex A
inline constexpr std::size_t EccQ = 2248;      // 104 bytes (52 diagonals x 2), Annex A
}  // namespace offset

inline constexpr std::size_t kSyncSize = 12;
inline constexpr std::size_t kMode1UserSize = 2048;
inline constexpr std::size_t kForm1UserSize = 2048;
inline constexpr std::size_t kForm2UserSize = 2324;
inline constexpr std::size_t kMode2UserSize = 2336;
inline constexpr std::size_t kEccPSize = 172;
inline constexpr std::size_t kEccQSize = 104;

// CD-ROM XA submode bit 5: the sector is form 2.
inline constexpr std::uint8_t kSubmodeForm2 = 0x20;

}  // namespace cdcts::emulator::sector
