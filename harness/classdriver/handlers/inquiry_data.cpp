// IOCTL_CDROM_GET_INQUIRY_DATA (ioctl-contracts.md §3.10): the INQUIRY bytes cached at start-up, answered at
// once in the caller's thread with no device I/O; a short buffer gets a partial copy with BUFFER_OVERFLOW.
#include <algorithm>

#include "harness/classdriver/dispatch_table.hpp"

namespace cdcts::classdriver {

Completion handleGetInquiryData(const Request& request, DriverContext& context)
{
    const std::vector<std::uint8_t>& cached = context.state.inquiryData;
    if (request.output.empty()) return {ioctl::status::BufferTooSmall, 0};
    const std::size_t n = std::min(request.output.size(), cached.size());
    std::copy_n(cached.begin(), n, request.output.begin());
    // A warning: the I/O manager still copies the Information bytes back (§0.2).
    // Seeded defect: a truncated copy reported as complete.
    const bool warns = !context.settings.defects.has(defects::SeededDefect::InquiryTruncationReportsSuccess);
    if (warns && request.output.size() < cached.size()) return {ioctl::status::BufferOverflow, static_cast<std::uint32_t>(n)};
    return {ioctl::status::Success, static_cast<std::uint32_t>(n)};
}

}  // namespace cdcts::classdriver
