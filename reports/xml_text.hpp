#pragma once
// Text that may go into an XML 1.0 document. pugixml escapes markup (<, &, quotes) but writes every
// other byte as given, so a control byte from a drive's INQUIRY string or a stray non-UTF-8 byte would
// make the whole report unparseable. Everything the reports write passes through xmlSafe first.
#include <string>
#include <string_view>

namespace cdcts::reports {

// `text` with every byte that is not part of a valid XML 1.0 character in well-formed UTF-8 replaced
// by the four ASCII characters "\xNN" (NN its hex value). Valid text comes back unchanged.
[[nodiscard]] std::string xmlSafe(std::string_view text);

// `text` cut to at most `maxBytes` bytes without splitting a UTF-8 sequence, with "..." appended when
// something was cut. For attribute values that should stay one readable line's worth.
[[nodiscard]] std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

}  // namespace cdcts::reports
