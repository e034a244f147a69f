#pragma once
// An MmcTarget that answers from a script: each command gets the next scripted reply (the last one repeats),
// and every CDB is recorded. For driving the class-driver model into states the emulated drive does not
// reach yet (a drive stuck becoming ready, odd block lengths).
#include <deque>
#include <functional>
#include <vector>

#include "harness/mmc/mmc_target.hpp"

namespace cdcts::testing_support {

struct ScriptedReply {
    mmc::CommandResult result;
    std::vector<std::uint8_t> data;  // copied into the data-in buffer
};

inline ScriptedReply goodReply(std::vector<std::uint8_t> data = {})
{
    ScriptedReply r;
    r.result.transferred = static_cast<std::uint32_t>(data.size());
    r.data = std::move(data);
    return r;
}

inline ScriptedReply senseReply(mmc::SenseCode code)
{
    ScriptedReply r;
    r.result.status = mmc::ScsiStatus::CheckCondition;
    r.result.sense = mmc::SenseData::fixed(code);
    return r;
}

class ScriptedTarget final : public mmc::MmcTarget {
public:
    // Replies per opcode; an opcode without a script answers GOOD with no data.
    std::function<ScriptedReply(std::span<const std::uint8_t> cdb)> script;
    std::vector<std::vector<std::uint8_t>> cdbs;
    std::vector<Nanoseconds> timeouts;  // the timeout each command was sent with, in the order of `cdbs`
    VirtualClock virtualClock;

    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection,
                               Nanoseconds timeout) override
    {
        cdbs.emplace_back(cdb.begin(), cdb.end());
        timeouts.push_back(timeout);
        ScriptedReply reply = script ? script(cdb) : goodReply();
        const std::size_t n = std::min(reply.data.size(), data.size());
        std::copy_n(reply.data.begin(), n, data.begin());
        if (reply.result.good()) reply.result.transferred = static_cast<std::uint32_t>(n);
        return reply.result;
    }
    Clock& clock() override { return virtualClock; }

    [[nodiscard]] std::size_t count(std::uint8_t opcode) const
    {
        std::size_t n = 0;
        for (const auto& c : cdbs) n += (!c.empty() && c[0] == opcode) ? 1u : 0u;
        return n;
    }
};

}  // namespace cdcts::testing_support
