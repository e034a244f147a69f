#pragma once
// What the drive was asked and how it answered, command by command: the "drive traffic" the contracts
// speak of (ioctl-contracts.md §6), for tests that check which MMC commands an IOCTL produced.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "harness/core/clock.hpp"
#include "harness/mmc/mmc_target.hpp"

namespace cdcts::emulator {

struct TraceEntry {
    Nanoseconds at{0};  // drive clock when the command arrived
    std::array<std::uint8_t, 16> cdbBytes{};
    std::uint8_t cdbLength = 0;
    mmc::DataDirection direction = mmc::DataDirection::None;
    std::uint32_t bufferLength = 0;
    std::uint32_t transferred = 0;
    mmc::ScsiStatus status = mmc::ScsiStatus::Good;
    mmc::SenseCode sense;  // when status is CHECK CONDITION

    [[nodiscard]] std::span<const std::uint8_t> cdb() const { return {cdbBytes.data(), cdbLength}; }
    [[nodiscard]] std::uint8_t opcode() const { return cdbBytes[0]; }
    [[nodiscard]] std::string describe() const;
};

// Keeps the most recent `capacity` entries so a long benchmark cannot grow it without bound.
class CommandTrace {
public:
    explicit CommandTrace(std::size_t capacity = 4096) : capacity_(capacity) {}
    void record(const TraceEntry& entry);
    [[nodiscard]] const std::vector<TraceEntry>& entries() const { return entries_; }
    void clear() { entries_.clear(); }

private:
    std::size_t capacity_;
    std::vector<TraceEntry> entries_;
};

}  // namespace cdcts::emulator
