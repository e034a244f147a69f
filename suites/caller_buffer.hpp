#pragma once
// The caller's output buffer as the suites see it: filled with kUntouched before a call, so what the driver wrote
// shows, and what it must not write (past Information, or anything at all on an error: ioctl-contracts.md §0.2)
// can be checked.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace cdcts::suites {

inline constexpr std::uint8_t kUntouched = 0xCD;  // what the caller's buffer holds before the call

inline bool allUntouched(std::span<const std::uint8_t> bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == kUntouched; });
}

// The bytes from `from` on (none when `from` is past the end), which a reply of `from` bytes leaves alone.
inline std::span<const std::uint8_t> pastInformation(std::span<const std::uint8_t> buffer, std::size_t from)
{
    return buffer.subspan(std::min(from, buffer.size()));
}

inline bool untouchedFrom(std::span<const std::uint8_t> buffer, std::size_t from)
{
    return allUntouched(pastInformation(buffer, from));
}

}  // namespace cdcts::suites
