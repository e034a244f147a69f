#pragma once
// Fixed-format sense data (SPC-4 §4.5.3): response code 70h/71h, sense key, ASC/ASCQ, and the
// sense-key-specific field pointer that INVALID FIELD IN CDB answers carry.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace cdcts::mmc {

enum class SenseKey : std::uint8_t {
    NoSense = 0x0,
    RecoveredError = 0x1,
    NotReady = 0x2,
    MediumError = 0x3,
    HardwareError = 0x4,
    IllegalRequest = 0x5,
    UnitAttention = 0x6,
    DataProtect = 0x7,
    BlankCheck = 0x8,
    VendorSpecific = 0x9,
    CopyAborted = 0xA,
    AbortedCommand = 0xB,
    VolumeOverflow = 0xD,
    Miscompare = 0xE,
    Completed = 0xF,
};

// The condition a drive reports: key + additional sense code + qualifier.
struct SenseCode {
    SenseKey key = SenseKey::NoSense;
    std::uint8_t asc = 0;
    std::uint8_t ascq = 0;
    friend constexpr bool operator==(const SenseCode&, const SenseCode&) = default;
};

// Conditions drives report, named as SPC/MMC name them.
namespace sense {
inline constexpr SenseCode NotReadyBecomingReady{SenseKey::NotReady, 0x04, 0x01};
inline constexpr SenseCode MediumNotPresent{SenseKey::NotReady, 0x3A, 0x00};
inline constexpr SenseCode MediumNotPresentTrayClosed{SenseKey::NotReady, 0x3A, 0x01};
inline constexpr SenseCode MediumNotPresentTrayOpen{SenseKey::NotReady, 0x3A, 0x02};
inline constexpr SenseCode InvalidCommandOperationCode{SenseKey::IllegalRequest, 0x20, 0x00};
inline constexpr SenseCode LbaOutOfRange{SenseKey::IllegalRequest, 0x21, 0x00};
inline constexpr SenseCode InvalidFieldInCdb{SenseKey::IllegalRequest, 0x24, 0x00};
inline constexpr SenseCode IllegalModeForThisTrack{SenseKey::IllegalRequest, 0x64, 0x00};
inline constexpr SenseCode MediumMayHaveChanged{SenseKey::UnitAttention, 0x28, 0x00};
inline constexpr SenseCode PowerOnResetOccurred{SenseKey::UnitAttention, 0x29, 0x00};
inline constexpr SenseCode UnrecoveredReadError{SenseKey::MediumError, 0x11, 0x00};
}  // namespace sense

struct SenseData {
    static constexpr std::size_t kFixedLength = 18;
    std::array<std::uint8_t, 32> bytes{};
    std::uint8_t length = 0;  // valid bytes in `bytes`

    // Builds fixed-format current sense; `fieldPointer` sets SKSV with C/D = 1 (a CDB byte) and `bit`.
    static SenseData fixed(SenseCode code, std::optional<std::uint16_t> cdbFieldPointer = std::nullopt,
                           std::optional<std::uint8_t> bit = std::nullopt);
    static SenseData fromBytes(std::span<const std::uint8_t> raw);

    [[nodiscard]] std::span<const std::uint8_t> view() const { return {bytes.data(), length}; }
    // Valid fixed or descriptor format with at least the sense key present (8 bytes, as the class driver needs).
    [[nodiscard]] bool valid() const;
    [[nodiscard]] SenseKey key() const;
    // ASC/ASCQ beyond the additional sense length count as 0 (as the class driver reads them).
    [[nodiscard]] std::uint8_t asc() const;
    [[nodiscard]] std::uint8_t ascq() const;
    [[nodiscard]] SenseCode code() const { return {key(), asc(), ascq()}; }
    [[nodiscard]] bool ili() const;  // incorrect length indicator
};

[[nodiscard]] const char* senseKeyName(SenseKey key);
// "ILLEGAL REQUEST 24/00 (invalid field in CDB)".
[[nodiscard]] std::string describe(SenseCode code);

}  // namespace cdcts::mmc
