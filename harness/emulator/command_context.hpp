#pragma once
// One command as a handler sees it, and the ways a handler answers.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>

#include "harness/mmc/mmc_target.hpp"

namespace cdcts::emulator {

struct CommandContext {
    std::span<const std::uint8_t> cdb;
    std::span<std::uint8_t> data;
    mmc::DataDirection direction;
};

inline mmc::CommandResult good(std::uint32_t transferred = 0)
{
    return mmc::CommandResult{mmc::TransportStatus::Ok, mmc::ScsiStatus::Good, {}, transferred};
}

inline mmc::CommandResult checkCondition(mmc::SenseCode code, std::optional<std::uint16_t> cdbByte = std::nullopt,
                                         std::optional<std::uint8_t> bit = std::nullopt)
{
    return mmc::CommandResult{mmc::TransportStatus::Ok, mmc::ScsiStatus::CheckCondition,
                              mmc::SenseData::fixed(code, cdbByte, bit), 0};
}

// Data-in: the drive sends min(reply, allocation length) bytes; the buffer the host offered may cut it
// shorter still (the rest is the residual).
inline mmc::CommandResult dataIn(const CommandContext& ctx, std::span<const std::uint8_t> reply, std::uint32_t allocationLength)
{
    if (ctx.direction != mmc::DataDirection::In && allocationLength != 0 && !reply.empty())
        return mmc::CommandResult{mmc::TransportStatus::Error, mmc::ScsiStatus::Good, {}, 0};
    const std::size_t n = std::min({reply.size(), std::size_t{allocationLength}, ctx.data.size()});
    std::copy_n(reply.begin(), n, ctx.data.begin());
    return good(static_cast<std::uint32_t>(n));
}

}  // namespace cdcts::emulator
