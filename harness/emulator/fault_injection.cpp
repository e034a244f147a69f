#include "harness/emulator/fault_injection.hpp"
#include "harness/emulator/mechanics.hpp"

#include <algorithm>
#include <vector>

#include "harness/emulator/sector_faults.hpp"

namespace cdcts::emulator {
namespace {

mmc::CommandResult transportFailure(mmc::TransportStatus status)
{
    return mmc::CommandResult{status, mmc::ScsiStatus::Good, {}, 0};
}

void removeMediumByFault(DriveState& state, bool trayOpen)
{
    // A lock does not hold a disc the drive has lost or a user has forced out; the media event is reported
    // either way, and later commands see 02/3A/01 or 02/3A/02 as the tray stands.
    takeMediumOut(state, trayOpen ? TrayState::Open : TrayState::Closed);
}

// The reply's length field, read and written big-endian over `width` bytes.
void shiftLengthField(std::span<std::uint8_t> reply, std::uint8_t width, std::int32_t delta)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | reply[i];
    const std::uint64_t maximum = width == 4 ? 0xFFFFFFFFULL : (1ULL << (8U * width)) - 1;
    const auto shifted = std::clamp<std::int64_t>(static_cast<std::int64_t>(value) + delta, 0, static_cast<std::int64_t>(maximum));
    value = static_cast<std::uint64_t>(shifted);
    for (std::size_t i = width; i-- > 0;) {
        reply[i] = static_cast<std::uint8_t>(value);
        value >>= 8;
    }
}

}  // namespace

void fireDueFaultEvents(DriveState& state)
{
    if (!state.faults.hasPendingEvents()) return;
    for (const FaultEvent& event : state.faults.takeDueEvents(state.clock.now())) {
        switch (event.kind) {
        case FaultEventKind::MediumRemoved: removeMediumByFault(state, event.trayOpen); break;
        case FaultEventKind::DeviceGone: state.faults.markDeviceGone(); break;
        case FaultEventKind::UnitAttentionStorm:
            for (std::uint32_t i = 0; i < event.count; ++i) state.pendingUnitAttentions.push_back(event.sense);
            break;
        }
    }
}

mmc::CommandResult deviceGoneResult() { return transportFailure(mmc::TransportStatus::NoDevice); }

mmc::CommandResult applyCommandFault(const CommandFault& fault, DriveState& state, const CommandContext& ctx,
                                     Nanoseconds timeout, const std::function<mmc::CommandResult()>& run)
{
    switch (fault.kind) {
    case CommandFaultKind::CheckCondition: return checkCondition(fault.sense);
    case CommandFaultKind::Hang:
        // The host gives up when its timeout runs out; the time passes on the drive's clock first.
        state.clock.sleepFor(timeout);
        return transportFailure(mmc::TransportStatus::Timeout);
    case CommandFaultKind::ShortTransfer: {
        // The bytes past the limit never cross the bus, so the host's buffer keeps what it held there.
        const bool dataIn = ctx.direction == mmc::DataDirection::In;
        const std::size_t keep = std::min<std::size_t>(fault.transferLimit, ctx.data.size());
        std::vector<std::uint8_t> untouched;
        if (dataIn) untouched.assign(ctx.data.begin() + static_cast<std::ptrdiff_t>(keep), ctx.data.end());
        mmc::CommandResult result = run();
        if (dataIn) std::copy(untouched.begin(), untouched.end(), ctx.data.begin() + static_cast<std::ptrdiff_t>(keep));
        result.transferred = std::min(result.transferred, fault.transferLimit);
        return result;
    }
    case CommandFaultKind::GarbageReply: {
        mmc::CommandResult result = run();
        if (ctx.direction == mmc::DataDirection::In)
            fillNoise(fault.seed, ctx.data.first(std::min<std::size_t>(result.transferred, ctx.data.size())));
        return result;
    }
    case CommandFaultKind::WrongLengthField: {
        mmc::CommandResult result = run();
        const std::uint8_t width = ctx.cdb.empty() ? 0 : replyLengthFieldWidth(ctx.cdb[0]);
        if (result.good() && width != 0 && result.transferred >= width && ctx.data.size() >= width)
            shiftLengthField(ctx.data, width, fault.lengthDelta);
        return result;
    }
    }
    return run();
}

}  // namespace cdcts::emulator
