#pragma once
// The bad-input sweep's cases (issue #5 item 4): for every code of the IOCTL catalog, malformed requests —
// zero, short, odd, huge and misaligned buffers, garbage enum values, out-of-range LBAs, MSFs and sessions,
// overflowing sector counts — each with the status (or the set of statuses) ioctl-contracts.md documents for
// it. The expectations come from the contracts' validation tables and the MMC rules they cite, never from
// running the model. suites/bad_input_suite.cpp sends them to every device.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/device/device.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/nt_status.hpp"

namespace cdcts::suites::bad_input {

// Bigger than any reply a CD-ROM code produces; also past every 64 KiB limit of the contracts.
inline constexpr std::size_t kHugeLength = std::size_t{16} << 20;

// What the case needs of the device beyond its handle.
enum class Precondition : std::uint8_t {
    None,
    AlignmentMask,     // the adapter's AlignmentMask is known and non-zero (odd lengths, misaligned buffers)
    NoAlignmentMask,   // the adapter's AlignmentMask is known and zero (the same odd lengths are then accepted)
    AllowDestructive,  // the case moves the tray (devices.yaml expect.allow_destructive)
};

// What the test puts back after a case whose documented answer is to act (buffers ignored, §3.3, §3.22).
enum class Undo : std::uint8_t {
    None,
    LoadMedia,  // the case ejected the tray
    Release,    // the case may have reserved the unit
};

struct BadInputCase {
    std::string name;              // "CdromReadTocEx_FormatGarbage": the code in CamelCase, then what is wrong
    std::string_view code;         // the catalog row's SDK name the case exercises
    ioctl::ControlCode value;      // what is sent (CLOSE_DOOR, which has no value, sends LOAD_MEDIA: §3.2)
    HandleAccess access = HandleAccess::Read;  // the code's required access: READ|WRITE codes need both rights
    std::vector<std::uint8_t> input;
    std::size_t outputLength = 0;
    std::size_t outputOffset = 0;  // the output buffer starts this many bytes past an aligned address
    // The documented answers with a disc in the drive and with none; a case whose V-stage refuses it lists the
    // same status in both. Several statuses where the contracts allow more than one answer.
    std::vector<ioctl::NtStatus> withMedium;
    std::vector<ioctl::NtStatus> withoutMedium;
    std::string_view rule;         // where the answer is documented: "§3.17 V-stage row 7"
    Precondition precondition = Precondition::None;
    bool sendsNoCommand = false;   // the drive must see no command for it (checked where the device keeps a trace)
    Undo undo = Undo::None;
    // On success or a warning: the bounds of Information, where the contract gives them.
    std::optional<std::uint32_t> minInformation;
    std::optional<std::uint32_t> maxInformation;
};

// Every case, catalog order; each catalog code has at least one.
[[nodiscard]] const std::vector<BadInputCase>& badInputCases();

// "IOCTL_CDROM_READ_TOC_EX" -> "CdromReadTocEx"; "OBSOLETE_IOCTL_CDROM_GET_CONTROL" -> "ObsoleteCdromGetControl".
[[nodiscard]] std::string camelCaseCodeName(std::string_view sdkName);

}  // namespace cdcts::suites::bad_input
