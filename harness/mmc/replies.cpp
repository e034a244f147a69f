#include "harness/mmc/replies.hpp"

#include <algorithm>

#include "harness/core/bytes.hpp"

namespace cdcts::mmc {

std::optional<ReadCapacityData> parseReadCapacity(std::span<const std::uint8_t> reply)
{
    if (reply.size() < 8) return std::nullopt;
    return ReadCapacityData{loadBe32(&reply[0]), loadBe32(&reply[4])};
}

std::optional<ModeParameterHeader10> parseModeParameterHeader10(std::span<const std::uint8_t> reply)
{
    if (reply.size() < ModeParameterHeader10::kSize) return std::nullopt;
    return ModeParameterHeader10{loadBe16(&reply[0]), loadBe16(&reply[6])};
}

std::optional<std::span<const std::uint8_t>> findModePage10(std::span<const std::uint8_t> reply, std::uint8_t pageCode)
{
    const auto header = parseModeParameterHeader10(reply);
    if (!header) return std::nullopt;
    const std::size_t at = ModeParameterHeader10::kSize + header->blockDescriptorLength;
    if (at + 2 > reply.size()) return std::nullopt;
    if ((reply[at] & 0x3F) != (pageCode & 0x3F)) return std::nullopt;  // bits 6-7 are PS and SPF, not the code
    const std::size_t length = std::min<std::size_t>(2u + reply[at + 1], reply.size() - at);
    return reply.subspan(at, length);
}

std::optional<SubChannelHeader> parseSubChannelHeader(std::span<const std::uint8_t> reply)
{
    if (reply.size() < SubChannelHeader::kSize) return std::nullopt;
    return SubChannelHeader{reply[1], loadBe16(&reply[2])};
}

}  // namespace cdcts::mmc
