#pragma once
// The IOCTL catalog: one row per SDK symbol of ioctl-contracts.md §2.1 (every IOCTL_CDROM_* code, the
// obsolete ones, the SIMBAD alias, the value-less CLOSE_DOOR), the IOCTL_STORAGE_* codes that replaced them,
// and the DISK/SCSI twins the class driver serves. Values come from codes.hpp; adding a code is adding a row.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/ioctl/control_code.hpp"

namespace cdcts::ioctl {

// How the reference sample driver treats a code (§2.1 "Sample handling").
enum class SampleHandling : std::uint8_t {
    Implemented,  // has its own handler
    Normalized,   // CD-ROM form rewritten to the IOCTL_STORAGE_* form before dispatch (§1 step 3)
    Forwarded,    // no case in the sample: passed unchanged to the port driver (§3.23)
    Alias,        // same value as another row; the driver cannot tell them apart
    NoValue,      // no numeric definition exists (IOCTL_CDROM_CLOSE_DOOR)
    Unspecified,  // a STORAGE/DISK/SCSI code listed for the gate or pass-through; §2.1 does not say
};

struct CodeInfo {
    std::string_view name;             // SDK symbol, "IOCTL_CDROM_READ_TOC"
    std::optional<ControlCode> value;  // absent only for IOCTL_CDROM_CLOSE_DOOR
    // CTL_CODE fields as the SDK writes them. function is the raw argument: 0x1003 for SIMBAD, whose value's
    // 12-bit function field reads 0x003. All four are zero when value is absent.
    std::uint16_t deviceType = 0;
    std::uint32_t function = 0;
    Method method = Method::Buffered;
    RequiredAccess access = RequiredAccess::Any;
    bool obsolete = false;             // documented as obsolete or replaced
    std::string_view replacement;      // SDK name of the documented replacement, empty if none
    std::string_view aliasOf;          // for Alias rows: the canonical row with the same value
    SampleHandling handling = SampleHandling::Implemented;
    std::string_view description;      // one line
    std::string_view section;          // contract section in ioctl-contracts.md, "§3.15"

    [[nodiscard]] bool isAlias() const { return !aliasOf.empty(); }
};

// Every row, CD-ROM codes first in function order, then STORAGE, DISK and SCSI codes.
[[nodiscard]] std::span<const CodeInfo> allCodes();

// By SDK name: exact, or case-insensitive with or without the "IOCTL_" prefix ("cdrom_read_toc").
// nullptr when no row matches.
[[nodiscard]] const CodeInfo* findCode(std::string_view name);
// The canonical row for a value: never an alias (0x0002400C gives IOCTL_CDROM_PAUSE_AUDIO, not SIMBAD).
[[nodiscard]] const CodeInfo* findCode(ControlCode value);
// All rows that carry this value, canonical row first, aliases after.
[[nodiscard]] std::vector<const CodeInfo*> codesWithValue(ControlCode value);

// "0x0002400C".
[[nodiscard]] std::string formatControlCode(ControlCode code);
[[nodiscard]] std::string_view methodName(Method method);          // "METHOD_BUFFERED"
[[nodiscard]] std::string_view accessName(RequiredAccess access);  // "FILE_READ_ACCESS"
[[nodiscard]] std::string_view deviceTypeName(std::uint16_t deviceType);  // "FILE_DEVICE_CD_ROM", "" if unknown
[[nodiscard]] std::string_view sampleHandlingName(SampleHandling handling);

}  // namespace cdcts::ioctl
