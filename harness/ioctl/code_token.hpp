#pragma once
// How test names name the catalog's codes (docs/suites.md "Codes in test names"): each code has a token, its SDK
// name without IOCTL_ in CamelCase (IOCTL_CDROM_READ_TOC_EX -> CdromReadTocEx, IOCTL_STORAGE_CHECK_VERIFY2 ->
// StorageCheckVerify2); a CD-ROM code may drop "Cdrom" (ReadTocEx). A test names a code when its suite name, or one
// `_`-separated part of its parameter after the device id, starts with one of the code's tokens as whole CamelCase
// words; of several tokens that fit, only the longest counts, so ReadTocEx never counts for READ_TOC and
// StorageCheckVerify never for CHECK_VERIFY.
#include <string>
#include <string_view>
#include <vector>

#include "harness/ioctl/catalog.hpp"

namespace cdcts::ioctl {

// "IOCTL_CDROM_READ_TOC_EX" -> "CdromReadTocEx".
[[nodiscard]] std::string codeToken(std::string_view sdkName);

// The catalog rows a test name must cover: every row spelled IOCTL_* (OBSOLETE_IOCTL_CDROM_GET_CONTROL only
// respells IOCTL_CDROM_GET_CONTROL and is covered with it).
[[nodiscard]] std::vector<const CodeInfo*> codesTestNamesCover();

// The codes one segment (a suite name or a parameter part) names: none, or those sharing the longest token.
[[nodiscard]] std::vector<const CodeInfo*> codesNamedBySegment(std::string_view segment);

// The codes a full test name ("Suite.Test/<device id>_<parameters>") names for `deviceId`; none when the test is
// not one of that device's.
[[nodiscard]] std::vector<const CodeInfo*> codesNamedByTest(std::string_view testName, std::string_view deviceId);

}  // namespace cdcts::ioctl
