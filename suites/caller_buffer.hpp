#pragma once
// The caller's output buffer as the suites see it: filled with kUntouched before a call, so what the driver wrote
// shows, and what it must not write (past Information, or anything at all on an error: ioctl-contracts.md §0.2)
// can be checked; and its length rounded to what the adapter accepts.
#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "harness/device/device.hpp"

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

// The adapter's buffer alignment unit (its AlignmentMask + 1). Where the adapter is unknown (a real drive whose port
// driver does not say), 8 bytes: a length that is a multiple of 8 satisfies every mask up to 7, which covers the
// masks CD-ROM adapters report (0, 1, 3, 7).
inline std::size_t alignmentUnit(const Device& device)
{
    return device.adapter() ? std::size_t{device.adapter()->alignmentMask} + 1 : 8;
}

// The smallest length >= n, and the largest <= n, that the adapter accepts, in the unsigned form of the caller's
// type (a literal 0xFFFF gives an unsigned int). n is a length: never negative.
template <std::integral Length>
std::make_unsigned_t<Length> alignedUp(const Device& device, Length n)
{
    const std::size_t unit = alignmentUnit(device);
    return static_cast<std::make_unsigned_t<Length>>((static_cast<std::size_t>(n) + unit - 1) / unit * unit);
}
template <std::integral Length>
std::make_unsigned_t<Length> alignedDown(const Device& device, Length n)
{
    return static_cast<std::make_unsigned_t<Length>>(static_cast<std::size_t>(n) / alignmentUnit(device) *
                                                     alignmentUnit(device));
}

}  // namespace cdcts::suites
