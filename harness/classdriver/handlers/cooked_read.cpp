// IRP_MJ_READ, the cooked-read path (ReadFile on the CD-ROM device): the gates every read meets first (§7.3
// DO_VERIFY_VOLUME, §7.4 play-active, §3.5 exclusive lock), RequestValidateReadWrite's alignment and bounds checks,
// and the READ (10) packets of RequestHandleReadWrite, split by the adapter's transfer limit.
#include <algorithm>
#include <chrono>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {

std::optional<Completion> validateCookedRead(const FileObject& file, std::int64_t byteOffset, std::size_t length,
                                             const DriverContext& context)
{
    const DriverState& state = context.state;
    // SequentialQueueEvtIoReadWrite (S/cdrom.c:3250), before anything is queued: a pending verify, a playing disc
    // ("without asking the drive") and a lock held by another handle fail the read at once.
    if (state.verifyVolume) return Completion{ioctl::status::VerifyRequired, 0};
    if (state.playActive) return Completion{ioctl::status::DeviceBusy, 0};
    if (state.exclusiveOwner != nullptr && state.exclusiveOwner != &file) return Completion{ioctl::status::AccessDenied, 0};
    if (length == 0) return Completion{ioctl::status::Success, 0};  // never reaches the drive

    // RequestValidateReadWrite (S/ioctl.c:6116): offset and length in whole sectors of the cached geometry.
    const std::uint64_t bytesPerSector = state.capacity.bytesPerSector != 0 ? state.capacity.bytesPerSector : 2048;
    if ((static_cast<std::uint64_t>(byteOffset) & (bytesPerSector - 1)) != 0 || (length & (bytesPerSector - 1)) != 0)
        return Completion{ioctl::status::InvalidDeviceRequest, 0};
    // Reads follow the RandomWritable schema: within PartitionLength, unless the drive is a writer.
    if (!state.isWriter) {
        const auto partitionLength = static_cast<std::int64_t>(state.capacity.partitionLength);
        if (byteOffset < 0 || byteOffset >= partitionLength) return Completion{ioctl::status::InvalidDeviceRequest, 0};
        if (length > static_cast<std::uint64_t>(partitionLength - byteOffset)) return Completion{ioctl::status::InvalidDeviceRequest, 0};
    }
    // §3.4, §7.2: a handle that enforces streaming reads on a drive the last capability refresh found without
    // streaming support is refused (RequestValidateReadWrite, S/ioctl.c:6322).
    if (readStreaming(file, state) == StreamingUse::Unsupported) return Completion{ioctl::status::InvalidDeviceRequest, 0};
    return std::nullopt;
}

Completion handleCookedRead(const FileObject& file, std::int64_t byteOffset, std::span<std::uint8_t> buffer, DriverContext& context)
{
    // The packet size depends on the buffer's address, as RAW_READ's limit does (§0.2).
    const auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
    const mmc::AdapterProperties& adapter = context.settings.adapter;
    const std::uint32_t maxLength = (address & (mmc::AdapterProperties::kPageSize - 1)) == 0 ? adapter.maxPageAlignedTransferBytes()
                                                                                            : adapter.maxUnalignedTransferBytes();
    const auto entire = static_cast<std::uint32_t>(buffer.size());
    std::uint32_t packets = entire / maxLength + (entire % maxLength != 0 ? 1 : 0);
    const std::uint32_t shift = context.state.capacity.sectorShift != 0 ? context.state.capacity.sectorShift : 11;
    std::uint32_t transferred = 0;
    auto offset = static_cast<std::uint64_t>(byteOffset);
    for (; packets > 0; --packets) {
        const std::uint32_t size = std::min(entire - transferred, maxLength);
        const auto lba = static_cast<std::uint32_t>(offset >> shift);
        const std::uint32_t blocks = size >> shift;
        const std::span<std::uint8_t> data = buffer.subspan(transferred, size);
        // A handle that enforces streaming reads gets READ (12) with the Streaming bit (§3.4); once the "no
        // streaming" flag has latched (§7.2, §8.5) it falls back to READ (10) silently. Decided per packet, as the
        // sample builds each packet's CDB afresh (ScratchBuffer_SetupReadWriteSrb).
        ScsiOutcome outcome;
        if (readStreaming(file, context.state) == StreamingUse::Streaming) {
            const auto cdb = mmc::cdb::read12(lba, blocks, true);
            outcome = context.scsi.send({cdb, data, mmc::DataDirection::In});
        } else {
            const auto cdb = mmc::cdb::read10(lba, static_cast<std::uint16_t>(blocks));
            outcome = context.scsi.send({cdb, data, mmc::DataDirection::In});
        }
        // The request completes with the bytes of the packets that succeeded, on failure too (S/scratch.c).
        if (!outcome.status.isSuccess()) return {outcome.status, transferred};
        transferred += outcome.transferred;
        offset += outcome.transferred;
        if (transferred >= entire) break;
    }
    return {ioctl::status::Success, transferred};
}

}  // namespace cdcts::classdriver
