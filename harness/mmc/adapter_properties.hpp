#pragma once
// What the port driver reports in STORAGE_ADAPTER_DESCRIPTOR and the limits the class driver derives from it
// (ioctl-contracts.md §0.2, S/init.c:869). A property of the transport a drive sits on, so profiles and
// devices.yaml both may set it.
#include <algorithm>
#include <cstdint>

namespace cdcts::mmc {

struct AdapterProperties {
    std::uint32_t alignmentMask = 1;              // buffers must be aligned to (mask + 1) bytes
    std::uint32_t maximumTransferLength = 65536;  // bytes per SCSI command
    std::uint32_t maximumPhysicalPages = 17;      // scatter/gather entries

    static constexpr std::uint32_t kPageSize = 4096;

    // Saturates instead of wrapping: some ports report an effectively unlimited page count (0xFFFFFFFF).
    static constexpr std::uint32_t pagesToBytes(std::uint32_t pages)
    {
        const std::uint64_t bytes = std::uint64_t{pages} * kPageSize;
        return bytes > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(bytes);
    }

    [[nodiscard]] constexpr std::uint32_t maxPageAlignedTransferBytes() const
    {
        return std::max(kPageSize, std::min(pagesToBytes(maximumPhysicalPages), maximumTransferLength));
    }
    [[nodiscard]] constexpr std::uint32_t maxUnalignedTransferBytes() const
    {
        const std::uint32_t pages = maximumPhysicalPages > 1 ? maximumPhysicalPages - 1 : maximumPhysicalPages;
        return std::max(kPageSize, std::min(pagesToBytes(pages), maximumTransferLength));
    }
    // Every non-RAW_READ transfer goes through a scratch buffer of this size (S/scratch.c:127).
    [[nodiscard]] constexpr std::uint32_t scratchBufferBytes() const
    {
        return std::min<std::uint32_t>(maxPageAlignedTransferBytes(), 65536);
    }
    friend constexpr bool operator==(const AdapterProperties&, const AdapterProperties&) = default;
};

}  // namespace cdcts::mmc
