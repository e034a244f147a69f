// Speed and performance: SET CD SPEED (MMC-6 §6.37), SET STREAMING (§6.39) with its type 0 performance
// descriptor, and GET PERFORMANCE (§6.6) types 00h (performance) and 03h (write speed descriptors).
#include <algorithm>
#include <array>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/mechanics.hpp"
#include "harness/emulator/timing.hpp"

namespace cdcts::emulator {
namespace {

constexpr mmc::SenseCode kParameterListLengthError{mmc::SenseKey::IllegalRequest, 0x1A, 0x00};
constexpr mmc::SenseCode kInvalidFieldInParameterList{mmc::SenseKey::IllegalRequest, 0x26, 0x00};
constexpr std::uint32_t kPerformanceDescriptorLength = 28;

// The sense-key-specific field pointer names a parameter-list byte: C/D = 0 (SPC-4 §4.5.2.4.2).
mmc::CommandResult parameterError(std::uint16_t byte, std::optional<std::uint8_t> bit = std::nullopt)
{
    mmc::CommandResult r = checkCondition(kInvalidFieldInParameterList, byte, bit);
    r.sense.bytes[15] = static_cast<std::uint8_t>(r.sense.bytes[15] & ~0x40);
    return r;
}

// The drive's answer to a requested speed: the fastest speed it supports at or below the request plus half a CD
// 1x step (88 kB/s), its slowest for a request below all of them, and FFFFh (its maximum) kept as asked.
// perf-anchors.md §3.1: drives pick "commonly the nearest lower one, or its minimum for too-small requests";
// §1.1 ("Units trap"): hosts turn x into kB/s with 176 (Windows callers), 176.4 (MMC tables, libburn rounds up
// to 706 for 4x) or 177 (Linux sr), so 4x arrives as 704, 706 or 708. The half-step tolerance absorbs that
// spread (0.6 kB/s per x, under 88 up to 146x) while a request halfway between two listed speeds still gets
// the lower one, as "nearest lower" asks.
constexpr std::uint32_t kHalfCd1xKbps = 88;

std::uint32_t supportedSpeedAtOrBelow(const std::vector<std::uint32_t>& fastestFirst, std::uint32_t requested)
{
    if (requested == timing::kMaximumSpeed || fastestFirst.empty()) return timing::kMaximumSpeed;
    for (const std::uint32_t s : fastestFirst)
        if (s <= requested + kHalfCd1xKbps) return s;
    return fastestFirst.back();
}

// The speed the drive runs at now (kB/s): the selection, or the rated maximum when none was made.
std::uint32_t currentSpeed(std::uint32_t selected, std::uint32_t maximum) { return std::min(selected, maximum); }

struct Nominal {
    std::uint32_t startLba, startKbps, endLba, endKbps;
};

// The drive's own model of its read curve over the medium (the timing model, capped by the selection).
std::vector<Nominal> nominalReadCurve(const DriveState& state, std::int32_t lastLba)
{
    const ProfileSpeeds& s = state.profile.speeds;
    const auto rate = [&](std::int32_t lba) {
        return static_cast<std::uint32_t>(timing::readRateKbps(s, state.selectedReadSpeedKbps, lba) + 0.5);
    };
    const auto last = static_cast<std::uint32_t>(lastLba);
    std::vector<Nominal> curve;
    if (state.profile.behaviours.performanceCurrentSpeedOnly) {
        const std::uint32_t now = currentSpeed(state.selectedReadSpeedKbps, s.maxReadKbps);
        return {{0, now, last, now}};
    }
    switch (s.rotation) {
    case RotationControl::Zclv:
        for (std::size_t i = 0; i < s.zoneStartLbas.size(); ++i) {
            const std::int32_t from = s.zoneStartLbas[i];
            if (from > lastLba) break;
            const std::int32_t to = i + 1 < s.zoneStartLbas.size() ? std::min(lastLba, s.zoneStartLbas[i + 1] - 1) : lastLba;
            curve.push_back({static_cast<std::uint32_t>(from), rate(from), static_cast<std::uint32_t>(to), rate(to)});
        }
        break;
    case RotationControl::Cav:
    case RotationControl::Pcav: {
        // CAV rises with the radius until a cap flattens it: P-CAV's own cap or the host's selection.
        double flat = s.rotation == RotationControl::Pcav ? double(s.pcavCapKbps) : double(s.maxReadKbps);
        if (state.selectedReadSpeedKbps != timing::kMaximumSpeed) flat = std::min(flat, double(state.selectedReadSpeedKbps));
        if (s.maxReadKbps * timing::radiusMm(lastLba) / timing::kOuterRadiusMm <= flat) {
            curve.push_back({0, rate(0), last, rate(lastLba)});  // the cap is never reached on this disc
            break;
        }
        // The first LBA whose rate reaches the cap.
        std::int32_t lo = 0, hi = lastLba;
        while (lo < hi) {
            const std::int32_t mid = lo + (hi - lo) / 2;
            if (timing::readRateKbps(s, state.selectedReadSpeedKbps, mid) >= flat) hi = mid; else lo = mid + 1;
        }
        if (lo > 0) curve.push_back({0, rate(0), static_cast<std::uint32_t>(lo - 1), rate(lo - 1)});
        curve.push_back({static_cast<std::uint32_t>(lo), rate(lo), last, rate(lastLba)});
        break;
    }
    case RotationControl::Clv: curve.push_back({0, rate(0), last, rate(lastLba)}); break;
    }
    return curve;
}

// The extra delay an exception descriptor reports for a faulted sector, in tenths of a millisecond (rounded
// up, at most FFFFh): what the timing model charges a normal read there (mechanics.cpp), and for a sector
// that cannot be read the retries the drive spends before it gives up.
std::uint16_t exceptionTime(const ProfileTimings& t, SectorFault kind)
{
    Nanoseconds delay{0};
    switch (kind) {
    case SectorFault::Slow: delay = t.slowSectorDelay; break;
    case SectorFault::Marginal:
    case SectorFault::Unreadable: delay = t.marginalRetry * t.marginalRetries; break;
    case SectorFault::None: break;
    }
    const std::int64_t tenths = (delay.count() + 99'999) / 100'000;
    return static_cast<std::uint16_t>(std::min<std::int64_t>(tenths, 0xFFFF));
}

}  // namespace

mmc::CommandResult setCdSpeed(DriveState& state, const CommandContext& ctx)
{
    // Rotation control (byte 1 bits 0-1): 00b CLV and non-pure CAV, 01b pure CAV, the rest reserved. The drive
    // keeps its own strategy either way (perf-anchors.md §1.3: drives pick their own).
    if ((ctx.cdb[1] & 0x03) > 1) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);
    state.selectedReadSpeedKbps = supportedSpeedAtOrBelow(state.profile.speeds.readSpeedsKbps, loadBe16(&ctx.cdb[2]));
    // A reader has no write speed to set and ignores the field.
    if (state.profile.writer)
        state.selectedWriteSpeedKbps = supportedSpeedAtOrBelow(state.profile.speeds.writeSpeedsKbps, loadBe16(&ctx.cdb[4]));
    // The selection reverts at the next medium change (DOCS:cd-rom-set-speed, §3.13); the maximum is the drive's
    // default, so a selection of FFFFh has nothing to revert and leaves the drive exactly as it was at power-on.
    state.readSpeedFromSetCdSpeed = state.selectedReadSpeedKbps != timing::kMaximumSpeed ||
                                    state.selectedWriteSpeedKbps != timing::kMaximumSpeed;
    return good();
}

mmc::CommandResult setStreaming(DriveState& state, const CommandContext& ctx)
{
    if (!state.profile.behaviours.streaming) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    // Type (byte 8): 00h performance descriptor; 05h (DBI cache zone) is for write-once BD, not ours.
    if (ctx.cdb[8] != 0x00) return checkCondition(mmc::sense::InvalidFieldInCdb, 8);
    const std::uint16_t length = loadBe16(&ctx.cdb[9]);
    if (length == 0) return good();  // no descriptor: nothing to change
    if (length < kPerformanceDescriptorLength || ctx.data.size() < kPerformanceDescriptorLength)
        return checkCondition(kParameterListLengthError, 9);
    const std::uint8_t* d = ctx.data.data();
    const bool restoreDefaults = (d[0] & 0x04) != 0;
    const bool exact = (d[0] & 0x02) != 0;
    const auto wrc = static_cast<std::uint8_t>((d[0] >> 3) & 0x03);
    if (restoreDefaults) {
        // RDD: back to the drive's defaults, every other field ignored.
        state.selectedReadSpeedKbps = timing::kMaximumSpeed;
        state.selectedWriteSpeedKbps = timing::kMaximumSpeed;
        state.readSpeedFromSetCdSpeed = false;
        return good();
    }
    if (wrc > 1) return parameterError(0, 3);  // 00b default, 01b CAV; the rest reserved
    const std::uint32_t startLba = loadBe32(d + 4), endLba = loadBe32(d + 8);
    if (startLba > endLba) return parameterError(4);
    const Disc* disc = state.loadedDisc();
    if (disc != nullptr && endLba >= static_cast<std::uint32_t>(disc->leadOutLba())) return parameterError(8);
    // Rate = size (kB) per time (ms); a size with no time is no rate at all.
    const auto rate = [](const std::uint8_t* size, const std::uint8_t* time) -> std::optional<std::uint32_t> {
        const std::uint64_t kb = loadBe32(size), ms = loadBe32(time);
        if (kb == 0) return std::nullopt;
        return static_cast<std::uint32_t>(std::min<std::uint64_t>(kb * 1000 / std::max<std::uint64_t>(ms, 1), 0xFFFF));
    };
    if (loadBe32(d + 12) != 0 && loadBe32(d + 16) == 0) return parameterError(16);
    if (loadBe32(d + 20) != 0 && loadBe32(d + 24) == 0) return parameterError(24);
    const std::optional<std::uint32_t> read = rate(d + 12, d + 16), write = rate(d + 20, d + 24);
    const auto choose = [&](const std::vector<std::uint32_t>& speeds, std::uint32_t wanted) -> std::optional<std::uint32_t> {
        const std::uint32_t chosen = wanted >= speeds.front() ? speeds.front() : supportedSpeedAtOrBelow(speeds, wanted);
        if (exact && chosen != wanted) return std::nullopt;  // Exact: honour the rate or fail
        return chosen;
    };
    std::optional<std::uint32_t> readChoice, writeChoice;
    if (read && !state.profile.speeds.readSpeedsKbps.empty()) {
        readChoice = choose(state.profile.speeds.readSpeedsKbps, *read);
        if (!readChoice) return parameterError(12);
    }
    if (write && state.profile.writer && !state.profile.speeds.writeSpeedsKbps.empty()) {
        writeChoice = choose(state.profile.speeds.writeSpeedsKbps, *write);
        if (!writeChoice) return parameterError(20);
    }
    if (readChoice) state.selectedReadSpeedKbps = *readChoice;
    if (writeChoice) state.selectedWriteSpeedKbps = *writeChoice;
    state.readSpeedFromSetCdSpeed = false;  // a streaming choice survives a medium change
    return good();
}

mmc::CommandResult getPerformance(DriveState& state, const CommandContext& ctx)
{
    if (!state.profile.behaviours.getPerformance) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    const Disc* disc = state.loadedDisc();
    if (disc == nullptr) return checkCondition(mediumNotPresent(state));
    if (becomingReady(state)) return checkCondition(mmc::sense::NotReadyBecomingReady);
    const std::uint8_t type = ctx.cdb[10];
    const std::uint16_t maxDescriptors = loadBe16(&ctx.cdb[8]);
    const std::int32_t lastLba = disc->leadOutLba() - 1;
    std::vector<std::uint8_t> reply(8);
    const auto put32 = [&](std::uint32_t v) {
        reply.resize(reply.size() + 4);
        storeBe32(&reply[reply.size() - 4], v);
    };
    if (type == 0x00) {
        const bool write = (ctx.cdb[1] & 0x04) != 0;
        const auto except = static_cast<std::uint8_t>(ctx.cdb[1] & 0x03);
        // Tolerance 10b (10%) is the only value MMC-6 defines.
        if (((ctx.cdb[1] >> 3) & 0x03) != 0x02) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 3);
        if (except == 3) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 0);
        if (write && (!state.profile.writer || state.profile.speeds.writeSpeedsKbps.empty()))
            return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 2);
        reply[4] = static_cast<std::uint8_t>((write ? 0x02 : 0) | (except != 0 ? 0x01 : 0));
        if (except == 0) {
            std::vector<Nominal> curve;
            if (write) {
                const std::uint32_t w = currentSpeed(state.selectedWriteSpeedKbps, state.profile.speeds.writeSpeedsKbps.front());
                curve.push_back({0, w, static_cast<std::uint32_t>(lastLba), w});
            } else {
                curve = nominalReadCurve(state, lastLba);
            }
            const std::uint32_t from = loadBe32(&ctx.cdb[2]);
            std::size_t sent = 0;
            for (const Nominal& n : curve) {
                if (n.endLba < from || sent == maxDescriptors) continue;
                // Seeded defect: the end speed doubled, beyond what the drive reaches.
                const std::uint32_t factor = state.defects.has(defects::SeededDefect::PerformanceOverstatesSpeed) ? 2 : 1;
                put32(n.startLba), put32(n.startKbps), put32(n.endLba), put32(n.endKbps * factor);
                ++sent;
            }
        }
        if (except != 0 && !write) {
            // Exceptions (Except 01b: all of them; 10b: those that bring the rate below nominal, which every
            // fault the drive knows does): one 6-byte descriptor per sector from the starting LBA on whose read
            // costs more than nominal, with the extra delay before it (MMC-6 Performance Descriptor -
            // Exceptions; Microsoft's CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR: LBA, then Time in 0.1 ms).
            // The plan's faults are read faults; a write list has none.
            const std::int64_t from = loadBe32(&ctx.cdb[2]);
            std::size_t sent = 0;
            for (const FaultPlan::SectorRange& run : state.faults.sectorRanges(from, std::int64_t{lastLba} + 1 - from)) {
                const std::uint16_t time = exceptionTime(state.profile.timings, run.kind);
                for (std::uint32_t i = 0; i < run.count && sent < maxDescriptors; ++i, ++sent) {
                    put32(static_cast<std::uint32_t>(run.first) + i);
                    reply.resize(reply.size() + 2);
                    storeBe16(&reply[reply.size() - 2], time);
                }
            }
        }
    } else if (type == 0x03) {
        std::vector<std::uint32_t> speeds = state.profile.speeds.writeSpeedsKbps;
        if (state.profile.behaviours.performanceCurrentSpeedOnly && !speeds.empty())
            speeds = {currentSpeed(state.selectedWriteSpeedKbps, speeds.front())};
        const std::uint32_t readKbps = currentSpeed(state.selectedReadSpeedKbps, state.profile.speeds.maxReadKbps);
        for (std::size_t i = 0; i < speeds.size() && i < maxDescriptors; ++i) {
            // Byte 0: WRC 00b (default rotation control), RDD, Exact, MRW all zero.
            put32(0), put32(static_cast<std::uint32_t>(lastLba)), put32(readKbps), put32(speeds[i]);
        }
    } else {
        return checkCondition(mmc::sense::InvalidFieldInCdb, 10);
    }
    storeBe32(reply.data(), static_cast<std::uint32_t>(reply.size() - 4));  // data length: the bytes after itself
    // No allocation length: Maximum Number of Descriptors bounds the reply; the host's buffer may cut it.
    return dataIn(ctx, reply, static_cast<std::uint32_t>(reply.size()));
}

}  // namespace cdcts::emulator
