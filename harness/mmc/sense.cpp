#include "harness/mmc/sense.hpp"

#include <algorithm>
#include <cstdio>

namespace cdcts::mmc {

SenseData SenseData::fixed(SenseCode code, std::optional<std::uint16_t> cdbFieldPointer, std::optional<std::uint8_t> bit)
{
    SenseData s;
    s.length = kFixedLength;
    s.bytes[0] = 0x70;  // current error, fixed format
    s.bytes[2] = static_cast<std::uint8_t>(code.key);
    s.bytes[7] = kFixedLength - 8;  // additional sense length
    s.bytes[12] = code.asc;
    s.bytes[13] = code.ascq;
    if (cdbFieldPointer) {
        // SKSV = 1, C/D = 1 (the error is in the CDB), BPV when a bit is named.
        std::uint8_t b15 = 0x80 | 0x40;
        if (bit) b15 = static_cast<std::uint8_t>(b15 | 0x08 | (*bit & 0x07));
        s.bytes[15] = b15;
        s.bytes[16] = static_cast<std::uint8_t>(*cdbFieldPointer >> 8);
        s.bytes[17] = static_cast<std::uint8_t>(*cdbFieldPointer);
    }
    return s;
}

SenseData SenseData::fromBytes(std::span<const std::uint8_t> raw)
{
    SenseData s;
    s.length = static_cast<std::uint8_t>(std::min(raw.size(), s.bytes.size()));
    std::copy_n(raw.begin(), s.length, s.bytes.begin());
    return s;
}

bool SenseData::valid() const
{
    if (length < 8) return false;
    const std::uint8_t response = bytes[0] & 0x7F;
    return response == 0x70 || response == 0x71 || response == 0x72 || response == 0x73;
}

static bool descriptorFormat(const SenseData& s) { return (s.bytes[0] & 0x7F) >= 0x72; }

SenseKey SenseData::key() const
{
    if (!valid()) return SenseKey::NoSense;
    return static_cast<SenseKey>((descriptorFormat(*this) ? bytes[1] : bytes[2]) & 0x0F);
}

std::uint8_t SenseData::asc() const
{
    if (!valid()) return 0;
    if (descriptorFormat(*this)) return bytes[2];
    return (bytes[7] >= 5 && length > 12) ? bytes[12] : 0;
}

std::uint8_t SenseData::ascq() const
{
    if (!valid()) return 0;
    if (descriptorFormat(*this)) return bytes[3];
    return (bytes[7] >= 6 && length > 13) ? bytes[13] : 0;
}

bool SenseData::ili() const { return valid() && !descriptorFormat(*this) && (bytes[2] & 0x20) != 0; }

const char* senseKeyName(SenseKey key)
{
    switch (key) {
    case SenseKey::NoSense: return "NO SENSE";
    case SenseKey::RecoveredError: return "RECOVERED ERROR";
    case SenseKey::NotReady: return "NOT READY";
    case SenseKey::MediumError: return "MEDIUM ERROR";
    case SenseKey::HardwareError: return "HARDWARE ERROR";
    case SenseKey::IllegalRequest: return "ILLEGAL REQUEST";
    case SenseKey::UnitAttention: return "UNIT ATTENTION";
    case SenseKey::DataProtect: return "DATA PROTECT";
    case SenseKey::BlankCheck: return "BLANK CHECK";
    case SenseKey::VendorSpecific: return "VENDOR SPECIFIC";
    case SenseKey::CopyAborted: return "COPY ABORTED";
    case SenseKey::AbortedCommand: return "ABORTED COMMAND";
    case SenseKey::VolumeOverflow: return "VOLUME OVERFLOW";
    case SenseKey::Miscompare: return "MISCOMPARE";
    case SenseKey::Completed: return "COMPLETED";
    }
    return "RESERVED";
}

namespace {
struct AscName {
    std::uint8_t asc;
    std::int16_t ascq;  // -1: any qualifier
    const char* text;
};
// The conditions cdcts meets most; the rest print as numbers.
constexpr AscName kAscNames[] = {
    {0x00, 0x00, "no additional sense information"},
    {0x04, 0x00, "logical unit not ready, cause not reportable"},
    {0x04, 0x01, "logical unit is in process of becoming ready"},
    {0x04, 0x02, "logical unit not ready, initializing command required"},
    {0x04, 0x07, "logical unit not ready, operation in progress"},
    {0x11, 0x00, "unrecovered read error"},
    {0x20, 0x00, "invalid command operation code"},
    {0x21, 0x00, "logical block address out of range"},
    {0x24, 0x00, "invalid field in CDB"},
    {0x26, 0x00, "invalid field in parameter list"},
    {0x28, 0x00, "not ready to ready change, medium may have changed"},
    {0x29, 0x00, "power on, reset, or bus device reset occurred"},
    {0x3A, 0x00, "medium not present"},
    {0x3A, 0x01, "medium not present - tray closed"},
    {0x3A, 0x02, "medium not present - tray open"},
    {0x53, 0x02, "medium removal prevented"},
    {0x57, 0x00, "unable to recover table-of-contents"},
    {0x64, 0x00, "illegal mode for this track"},
};
}  // namespace

std::string describe(SenseCode code)
{
    char numbers[16];
    std::snprintf(numbers, sizeof numbers, "%02X/%02X", code.asc, code.ascq);
    std::string out = std::string(senseKeyName(code.key)) + " " + numbers;
    for (const auto& n : kAscNames) {
        if (n.asc == code.asc && (n.ascq < 0 || n.ascq == code.ascq)) {
            out += " (";
            out += n.text;
            out += ")";
            break;
        }
    }
    return out;
}

}  // namespace cdcts::mmc
