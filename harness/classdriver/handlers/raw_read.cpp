// IOCTL_CDROM_RAW_READ (ioctl-contracts.md §3.18): RAW_READ_INFO in, READ CD straight into the caller's pages
// (METHOD_OUT_DIRECT, no scratch buffer), bounded by the cached capacity and the adapter's transfer limits.
#include <array>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {

constexpr std::uint32_t kRawReadInfoSize = sizeof(ioctl::RAW_READ_INFO);

struct RawReadInfo {
    std::uint64_t diskOffset;  // LARGE_INTEGER, taken as unsigned the way the sample's bound checks do
    std::uint32_t sectorCount;
    std::int32_t trackMode;
};

RawReadInfo parse(std::span<const std::uint8_t> input)
{
    ioctl::RAW_READ_INFO info{};
    std::memcpy(&info, input.data(), sizeof info);
    return {static_cast<std::uint64_t>(info.DiskOffset.QuadPart), info.SectorCount, static_cast<std::int32_t>(info.TrackMode)};
}

// T = N x bytes per sector, 0 for an unknown TrackMode. Computed in 64 bits, so no SectorCount wraps it.
std::uint64_t transferBytes(const RawReadInfo& info)
{
    return std::uint64_t{info.sectorCount} * ioctl::rawSectorSize(info.trackMode);
}

// READ CD byte 1 (expected sector type << 2), byte 9 (fields) and byte 10 (sub-channel) per TrackMode (§3.18 table).
struct ReadCdSelection {
    std::uint8_t sectorType;
    std::uint8_t fields;
    std::uint8_t subChannel;
};

ReadCdSelection selection(std::int32_t trackMode)
{
    switch (trackMode) {
    case ioctl::CDDA: return {1, 0xF0, 0x00};                // CD-DA: the 2352 bytes as they are
    case ioctl::YellowMode2: return {3, 0xB0, 0x00};         // Mode 2: sync, header code 1, user data
    case ioctl::XAForm2: return {5, 0xF0, 0x00};             // Mode 2 Form 2: sync, all headers, user data
    case ioctl::RawWithC2AndSubCode: return {0, 0xF4, 0x01};  // any type; C2 + block error bits; raw P-W
    case ioctl::RawWithC2: return {0, 0xF4, 0x00};
    default: return {0, 0xF0, 0x01};  // RawWithSubCode (unknown modes never pass the V-stage)
    }
}

// The capacity re-read of a pending verify (§3.18 H-stage row 1), with READ CAPACITY's own rules (§3.9, §8.5).
void rereadCapacity(DriverContext& context)
{
    std::array<std::uint8_t, 8> reply{};
    const auto cdb = mmc::cdb::readCapacity();
    ScsiRequest scsi{cdb, reply, mmc::DataDirection::In, std::chrono::seconds(20)};
    scsi.maxRetries = 2;
    scsi.retryVerifyRequired = true;
    // MediaReadCapacity: a failure interprets a block length of 0, i.e. the defaults (2048-byte sectors,
    // PartitionLength 0x7FFFFFFF), as handlers/geometry.cpp does.
    CachedCapacity c;
    if (!context.scsi.send(scsi).status.isSuccess()) {
        context.state.capacity = c;
        return;
    }
    c.lastLba = loadBe32(&reply[0]);
    c.blockLength = loadBe32(&reply[4]);
    if (c.blockLength != 0) {
        c.bytesPerSector = std::bit_floor(c.blockLength);
        c.sectorShift = static_cast<std::uint32_t>(std::countr_zero(c.bytesPerSector));
        c.partitionLength = (std::uint64_t{c.lastLba} + 1) << c.sectorShift;
    }
    context.state.capacity = c;
}

}  // namespace

std::optional<Completion> validateRawRead(const Request& request, const DriverContext& context)
{
    using ioctl::status::BufferTooSmall;
    using ioctl::status::InvalidParameter;
    // RequestValidateRawRead (S/ioctl.c:650), rows in the sample's order. The model's callers are user mode.
    if (request.input.empty()) return Completion{BufferTooSmall, 0};
    if (request.input.size() < kRawReadInfoSize) return Completion{BufferTooSmall, kRawReadInfoSize};
    const RawReadInfo info = parse(request.input);
    if (info.sectorCount == 0) return Completion{InvalidParameter, 0};
    const std::uint64_t t = transferBytes(info);
    if (t < info.sectorCount) return Completion{InvalidParameter, 0};  // unknown TrackMode
    const std::uint64_t end = std::uint64_t{info.sectorCount} * ioctl::COOKED_SECTOR_SIZE + info.diskOffset;
    if (end < info.diskOffset) return Completion{InvalidParameter, 0};  // wrapped: most negative offsets
    if (request.output.size() < t) return Completion{InvalidParameter, 0};
    // Seeded defect: the bound is one sector too generous.
    const std::uint64_t slack = context.settings.defects.has(defects::SeededDefect::RawReadBoundOffByOne) ? ioctl::COOKED_SECTOR_SIZE : 0;
    if (end > context.state.capacity.partitionLength + slack) return Completion{InvalidParameter, 0};
    // Row 8 (MDL byte count < T) cannot differ from row 6 here: the MDL describes exactly the output buffer.
    const auto address = reinterpret_cast<std::uintptr_t>(request.output.data());
    if ((address & context.settings.adapter.alignmentMask) != 0) return Completion{InvalidParameter, 0};
    const mmc::AdapterProperties& adapter = context.settings.adapter;
    const bool pageAligned = (address & (mmc::AdapterProperties::kPageSize - 1)) == 0;
    const std::uint32_t limit = pageAligned ? adapter.maxPageAlignedTransferBytes() : adapter.maxUnalignedTransferBytes();
    if (t > limit) return Completion{InvalidParameter, 0};  // the driver never splits a RAW_READ
    return std::nullopt;
}

Completion handleRawRead(const Request& request, DriverContext& context)
{
    // DeviceHandleRawRead (S/ioctl.c:7107). A pending verify fails the read after refreshing the capacity (§7.3).
    if (context.state.verifyVolume) {
        rereadCapacity(context);
        return {ioctl::status::VerifyRequired, 0};
    }
    const RawReadInfo info = parse(request.input);
    const bool needsC2 = info.trackMode == ioctl::RawWithC2AndSubCode || info.trackMode == ioctl::RawWithC2;
    const bool needsRw = info.trackMode == ioctl::RawWithC2AndSubCode || info.trackMode == ioctl::RawWithSubCode;
    if ((needsC2 && !context.state.readCdC2Pointers) || (needsRw && !context.state.readCdSubCode))
        return {ioctl::status::InvalidDeviceRequest, 0};

    // DiskOffset counts cooked bytes and need not be sector-aligned: the shift truncates.
    const auto lba = static_cast<std::uint32_t>(info.diskOffset >> context.state.capacity.sectorShift);
    // Seeded defect: the CD-DA selection whatever TrackMode says.
    const bool ignoreMode = context.settings.defects.has(defects::SeededDefect::RawReadIgnoresTrackMode);
    const ReadCdSelection s = selection(ignoreMode ? std::int32_t{ioctl::CDDA} : info.trackMode);
    const auto cdb = mmc::cdb::readCd(s.sectorType, lba, info.sectorCount, s.fields, s.subChannel);
    // The transfer is T, not OutLen, and lands in the caller's pages (so a failed read may still have
    // written the sectors before the bad one there, though Information says 0). BEh has the plain 5-retry cap.
    const auto t = static_cast<std::size_t>(transferBytes(info));
    const ScsiOutcome outcome = context.scsi.send({cdb, request.output.first(t), mmc::DataDirection::In});
    // RAW_READ is not in §8.6's DATA_OVERRUN list: a short transfer the port reports so is a failure (Q7).
    if (!outcome.status.isSuccess()) return {outcome.status, 0};
    return {ioctl::status::Success, outcome.transferred};
}

}  // namespace cdcts::classdriver
