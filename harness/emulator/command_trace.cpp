#include "harness/emulator/command_trace.hpp"

#include "harness/core/hex.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::emulator {

std::string TraceEntry::describe() const
{
    std::string out = std::string(mmc::opcodeName(opcode())) + " [" + formatHex(cdb()) + "]";
    if (direction != mmc::DataDirection::None)
        out += (direction == mmc::DataDirection::In ? " in " : " out ") + std::to_string(transferred) + "/" + std::to_string(bufferLength);
    if (status == mmc::ScsiStatus::CheckCondition) out += " -> " + mmc::describe(sense);
    return out;
}

void CommandTrace::record(const TraceEntry& entry)
{
    if (entries_.size() >= capacity_) entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(capacity_ / 2));
    entries_.push_back(entry);
}

}  // namespace cdcts::emulator
