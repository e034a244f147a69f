#pragma once
// An MmcTarget in front of another (the emulated drive): it records every CDB as hex and lets a test answer a
// command itself, so the model meets replies the emulated drive never gives.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/hex.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::testing_support {

class InterceptingTarget final : public mmc::MmcTarget {
public:
    explicit InterceptingTarget(mmc::MmcTarget& inner) : inner_(inner) {}
    // Returns the reply for a command it takes over, nullopt to let the drive underneath answer.
    std::function<std::optional<mmc::CommandResult>(std::span<const std::uint8_t>, std::span<std::uint8_t>)> override_;
    std::vector<std::string> cdbs;
    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction,
                               Nanoseconds timeout) override
    {
        cdbs.push_back(formatHex(cdb));
        if (override_)
            if (auto r = override_(cdb, data)) return *r;
        return inner_.execute(cdb, data, direction, timeout);
    }
    Clock& clock() override { return inner_.clock(); }

private:
    mmc::MmcTarget& inner_;
};

inline mmc::CommandResult checkCondition(mmc::SenseCode code)
{
    mmc::CommandResult r;
    r.status = mmc::ScsiStatus::CheckCondition;
    r.sense = mmc::SenseData::fixed(code);
    return r;
}

}  // namespace cdcts::testing_support
