#pragma once
// A control code as a user writes it on the command line (`cdcts ioctl CODE`): an SDK name from the
// catalog, or a number in hex ("0x24000") or decimal ("147456").
#include <optional>
#include <string>
#include <string_view>

#include "harness/ioctl/catalog.hpp"

namespace cdcts::ioctl {

struct CodeArgument {
    std::optional<ControlCode> value;  // what to send; absent on error
    const CodeInfo* info = nullptr;    // the catalog row (canonical for a number), nullptr for an unknown value
    std::string error;                 // empty on success; otherwise one sentence saying what to write instead

    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Never throws. A name that has no value (IOCTL_CDROM_CLOSE_DOOR) is an error that still sets info and names
// the replacement; a number outside the catalog is fine (info stays nullptr), since any 32-bit code can be sent.
[[nodiscard]] CodeArgument parseCodeArgument(std::string_view text);

}  // namespace cdcts::ioctl
