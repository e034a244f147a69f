#include "harness/emulator/fault_plan.hpp"

#include <algorithm>
#include <stdexcept>

namespace cdcts::emulator {

void FaultPlan::setSectors(std::int32_t first, std::uint32_t count, SectorFault fault)
{
    if (count == 0) return;
    const std::int64_t begin = first;
    const std::int64_t end = begin + count;
    // Cut the runs that overlap [begin, end) back to the parts outside it, then insert the new run.
    auto it = sectors_.upper_bound(begin);
    if (it != sectors_.begin()) --it;
    while (it != sectors_.end() && it->first < end) {
        const std::int64_t runBegin = it->first;
        const Run run = it->second;
        if (run.end <= begin) {
            ++it;
            continue;
        }
        it = sectors_.erase(it);
        if (runBegin < begin) sectors_.emplace(runBegin, Run{begin, run.kind});
        if (run.end > end) it = sectors_.emplace(end, Run{run.end, run.kind}).first;
    }
    if (fault != SectorFault::None) sectors_.emplace(begin, Run{end, fault});
}

std::optional<std::int32_t> FaultPlan::firstUnreadable(std::int64_t first, std::int64_t count) const
{
    if (sectors_.empty() || count <= 0) return std::nullopt;
    const std::int64_t end = first + count;
    auto it = sectors_.upper_bound(first);
    if (it != sectors_.begin()) --it;
    for (; it != sectors_.end() && it->first < end; ++it) {
        if (it->second.kind != SectorFault::Unreadable || it->second.end <= first) continue;
        return static_cast<std::int32_t>(std::max(it->first, first));
    }
    return std::nullopt;
}

std::vector<FaultPlan::SectorRange> FaultPlan::sectorRanges(std::int64_t first, std::int64_t count) const
{
    std::vector<SectorRange> ranges;
    if (sectors_.empty() || count <= 0) return ranges;
    const std::int64_t end = first + count;
    auto it = sectors_.upper_bound(first);
    if (it != sectors_.begin()) --it;
    for (; it != sectors_.end() && it->first < end; ++it) {
        if (it->second.end <= first) continue;
        const std::int64_t from = std::max(it->first, first), to = std::min(it->second.end, end);
        ranges.push_back({static_cast<std::int32_t>(from), static_cast<std::uint32_t>(to - from), it->second.kind});
    }
    return ranges;
}

void FaultPlan::addCommandFault(const CommandFault& fault)
{
    if (fault.kind == CommandFaultKind::WrongLengthField && fault.opcode && replyLengthFieldWidth(*fault.opcode) == 0)
        throw std::invalid_argument("a wrong length field needs a command whose reply has one (READ TOC, GET "
                                    "CONFIGURATION, MODE SENSE, ...)");
    if (fault.count != 0) commands_.push_back(fault);
}

std::optional<CommandFault> FaultPlan::takeCommandFault(std::uint8_t opcode)
{
    for (auto it = commands_.begin(); it != commands_.end(); ++it) {
        if (it->opcode ? *it->opcode != opcode : false) continue;
        // A wrong length field needs a reply that has one; without a named opcode it waits for such a command.
        if (it->kind == CommandFaultKind::WrongLengthField && replyLengthFieldWidth(opcode) == 0) continue;
        CommandFault taken = *it;
        if (--it->count == 0) commands_.erase(it);
        return taken;
    }
    return std::nullopt;
}

void FaultPlan::schedule(const FaultEvent& event)
{
    const auto at = std::upper_bound(events_.begin(), events_.end(), event.at,
                                     [](Nanoseconds t, const FaultEvent& e) { return t < e.at; });
    events_.insert(at, event);
}

std::vector<FaultEvent> FaultPlan::takeDueEvents(Nanoseconds now)
{
    const auto due = std::upper_bound(events_.begin(), events_.end(), now,
                                      [](Nanoseconds t, const FaultEvent& e) { return t < e.at; });
    std::vector<FaultEvent> out(events_.begin(), due);
    events_.erase(events_.begin(), due);
    return out;
}

}  // namespace cdcts::emulator
