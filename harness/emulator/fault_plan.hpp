#pragma once
// Faults a test or devices.yaml seeds into the emulated drive. The read paths and the timing model ask the
// plan about each sector; the dispatcher asks it about each command.
#include <cstdint>
#include <map>

namespace cdcts::emulator {

enum class SectorFault : std::uint8_t {
    None,
    Unreadable,  // MEDIUM ERROR 03/11/00 (unrecovered read error)
    Marginal,    // readable with C2 errors; a normal read retries it (slow), a streaming read returns at once
    Slow,        // readable, but the drive takes extra time
};

class FaultPlan {
public:
    [[nodiscard]] SectorFault sector(std::int32_t lba) const
    {
        if (sectors_.empty()) return SectorFault::None;
        const auto it = sectors_.find(lba);
        return it == sectors_.end() ? SectorFault::None : it->second;
    }
    void setSector(std::int32_t lba, SectorFault fault)
    {
        if (fault == SectorFault::None)
            sectors_.erase(lba);
        else
            sectors_[lba] = fault;
    }

private:
    std::map<std::int32_t, SectorFault> sectors_;
};

}  // namespace cdcts::emulator
