// IOCTL_CDROM_GET_PERFORMANCE in both request types: CdromPerformanceRequest (nominal, entire list or exceptions,
// read or write) and CdromWriteSpeedRequest (ioctl-contracts.md §3.12; RequestValidateGetPerformance
// S/ioctl.c:3634, RequestHandleGetPerformance S/ioctl.c:5824).
#include <algorithm>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/mmc/cdb_transport.hpp"

namespace cdcts::classdriver {
namespace {

using ioctl::CDROM_PERFORMANCE_REQUEST;

constexpr std::size_t kHeader = sizeof(ioctl::CDROM_PERFORMANCE_HEADER);  // 8
constexpr std::uint8_t kTypePerformance = 0x00;
constexpr std::uint8_t kTypeWriteSpeed = 0x03;

std::int32_t field(std::span<const std::uint8_t> input, std::size_t offset)
{
    return static_cast<std::int32_t>(loadLe32(input.data() + offset));
}

}  // namespace

std::optional<Completion> validateGetPerformance(const Request& request, const DriverContext&)
{
    namespace st = ioctl::status;
    const auto in = request.input;
    if (in.size() < sizeof(ioctl::CDROM_WRITE_SPEED_REQUEST)) return Completion{st::InfoLengthMismatch, 0};
    const std::int32_t type = field(in, offsetof(CDROM_PERFORMANCE_REQUEST, RequestType));
    if (type == ioctl::CdromPerformanceRequest) {
        if (in.size() < sizeof(CDROM_PERFORMANCE_REQUEST)) return Completion{st::InfoLengthMismatch, 0};
        const std::int32_t performanceType = field(in, offsetof(CDROM_PERFORMANCE_REQUEST, PerformanceType));
        if (performanceType != ioctl::CdromReadPerformance && performanceType != ioctl::CdromWritePerformance)
            return Completion{st::InvalidParameter, 0};
        const std::int32_t exceptions = field(in, offsetof(CDROM_PERFORMANCE_REQUEST, Exceptions));
        if (exceptions < ioctl::CdromNominalPerformance || exceptions > ioctl::CdromPerformanceExceptionsOnly)
            return Completion{st::InvalidParameter, 0};
        if (field(in, offsetof(CDROM_PERFORMANCE_REQUEST, Tolerance)) != ioctl::Cdrom10Nominal20Exceptions)
            return Completion{st::InvalidParameter, 0};
    } else if (type != ioctl::CdromWriteSpeedRequest) {
        // A write-speed request has no other field to look at; any other type is refused.
        return Completion{st::InvalidParameter, 0};
    }
    if (request.output.size() < kHeader) return Completion{st::BufferTooSmall, static_cast<std::uint32_t>(kHeader)};
    if (request.output.size() > 0xFFFF) return Completion{st::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleGetPerformance(const Request& request, DriverContext& context)
{
    // Read the request before the reply is written: both share the system buffer.
    const auto in = request.input;
    const std::size_t outLength = request.output.size();
    std::uint8_t dataType = 0;
    std::uint32_t startingLba = 0;
    std::size_t descriptorSize = sizeof(ioctl::CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR);
    std::uint8_t type = kTypeWriteSpeed;
    if (field(in, offsetof(CDROM_PERFORMANCE_REQUEST, RequestType)) == ioctl::CdromPerformanceRequest) {
        // Except = Exceptions - 1 (0 nominal, 1 entire list, 2 exceptions only), Write bit 2, Tolerance 10b.
        const auto except = static_cast<std::uint8_t>(field(in, offsetof(CDROM_PERFORMANCE_REQUEST, Exceptions)) - 1);
        const bool write = field(in, offsetof(CDROM_PERFORMANCE_REQUEST, PerformanceType)) == ioctl::CdromWritePerformance;
        dataType = static_cast<std::uint8_t>(0x10 | (write ? 0x04 : 0) | except);
        startingLba = loadLe32(in.data() + offsetof(CDROM_PERFORMANCE_REQUEST, StaringLba));
        if (except == 2) descriptorSize = sizeof(ioctl::CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR);
        type = kTypePerformance;
    }
    const auto maximumDescriptors = static_cast<std::uint16_t>((outLength - kHeader) / descriptorSize);
    const auto cdb = mmc::cdb::getPerformance(dataType, startingLba, maximumDescriptors, type);

    // The transfer is OutLen rounded up to the adapter's alignment (the extra bytes are dropped), through the
    // scratch buffer (§0.2).
    const std::size_t mask = context.settings.adapter.alignmentMask;
    const std::size_t rounded = (outLength + mask) & ~mask;
    std::vector<std::uint8_t> scratch(std::min<std::size_t>(rounded, context.settings.adapter.scratchBufferBytes()));
    ScsiRequest scsi{cdb, scratch, mmc::DataDirection::In, std::chrono::seconds(20)};
    const ScsiOutcome outcome = context.scsi.send(scsi);
    // §8.5: DATA_OVERRUN on GET PERFORMANCE counts as success.
    if (!outcome.status.isSuccess() && outcome.status != ioctl::status::DataOverrun) return {outcome.status, 0};
    const std::size_t transferred = std::min<std::size_t>(outcome.transferred, scratch.size());
    if (transferred < kHeader) return {ioctl::status::InvalidDeviceRequest, 0};
    const std::size_t n = std::min(outLength, transferred);
    std::copy_n(scratch.begin(), n, request.output.begin());
    return {ioctl::status::Success, static_cast<std::uint32_t>(n)};
}

}  // namespace cdcts::classdriver
