// IOCTL_CDROM_GET_CONFIGURATION (ioctl-contracts.md §3.8, §6, §8.6): GET_CONFIGURATION_IOCTL_INPUT checked in
// the documented order, then GET CONFIGURATION with a 12-byte CDB; the drive's bytes are returned unconverted,
// except for drives flagged at start-up as failing type-one requests (RT=2 emulated with RT=0).
#include <algorithm>
#include <vector>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;

constexpr std::uint32_t kHeaderSize = sizeof(ioctl::GET_CONFIGURATION_HEADER);
constexpr std::uint32_t kFeatureHeaderSize = sizeof(ioctl::FEATURE_HEADER);
// Offsets of GET_CONFIGURATION_IOCTL_INPUT (§2.3): Feature, RequestType, then the two reserved pointers.
constexpr std::size_t kFeatureOffset = 0;
constexpr std::size_t kRequestTypeOffset = 4;
constexpr std::size_t kReservedOffset = 8;

struct ConfigurationInput {
    std::int32_t feature;  // FEATURE_NUMBER: a signed 4-byte enum in the MS ABI
    std::uint32_t requestType;
};

ConfigurationInput readInput(std::span<const std::uint8_t> in)
{
    return {static_cast<std::int32_t>(loadLe32(&in[kFeatureOffset])), loadLe32(&in[kRequestTypeOffset])};
}

// GetConfigurationDataConversionTypeAllToTypeOne (S/ioctl.c:4413): keep the header and the first feature only
// if it is the one asked for, and rewrite DataLength to match. Returns the new length.
std::uint32_t convertTypeAllToTypeOne(std::int32_t requested, std::span<std::uint8_t> reply, std::uint32_t transferred)
{
    std::uint32_t total = std::min(loadBe32(reply.data()) + 4, transferred);
    std::uint32_t featureLength = 0;
    if (total >= kHeaderSize + kFeatureHeaderSize && static_cast<std::int32_t>(loadBe16(&reply[kHeaderSize])) == requested)
        featureLength = kFeatureHeaderSize + reply[kHeaderSize + 3];
    total = kHeaderSize + featureLength;
    storeBe32(reply.data(), total - 4);
    return total;
}

}  // namespace

std::optional<Completion> validateGetConfiguration(const Request& request, const DriverContext& context)
{
    const std::size_t out = request.output.size();
    if (out < kHeaderSize) return Completion{st::BufferTooSmall, kHeaderSize};
    if (out > 0xFFFF) return Completion{st::InvalidBufferSize, 0};
    if ((out & context.settings.adapter.alignmentMask) != 0) return Completion{st::InvalidParameter, 0};
    // Q3: 24 bytes (the 64-bit structure) unless the settings say this caller and driver pair uses 16.
    if (request.input.size() < std::max<std::size_t>(context.settings.getConfigurationInputLength, kReservedOffset))
        return Completion{st::InfoLengthMismatch, 0};
    const ConfigurationInput input = readInput(request.input);
    // The sample compares the signed enum with 0xFFFF, so "negative" feature numbers pass (S/ioctl.c:1439).
    if (input.feature > 0xFFFF) return Completion{st::InvalidParameter, 0};
    if (input.requestType > ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE) return Completion{st::InvalidParameter, 0};
    // Reserved[2]: two pointers, each as wide as the structure the caller was required to send.
    const std::span<const std::uint8_t> reserved =
        request.input.subspan(kReservedOffset, std::max<std::size_t>(context.settings.getConfigurationInputLength, kReservedOffset) - kReservedOffset);
    if (std::any_of(reserved.begin(), reserved.end(), [](std::uint8_t b) { return b != 0; })) return Completion{st::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleGetConfiguration(const Request& request, DriverContext& context)
{
    // Decided once at start-up (§7.6); a drive that failed the probe never sees the command from this code.
    if (!context.state.isMmc) return {st::InvalidDeviceRequest, 0};
    // Read the input before anything is written: it shares the system buffer with the output (METHOD_BUFFERED).
    const ConfigurationInput input = readInput(request.input);
    const bool emulateTypeOne =
        input.requestType == ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE && context.state.badTypeOneGetConfiguration;

    std::uint32_t allocation = std::min<std::uint32_t>(static_cast<std::uint32_t>(request.output.size()), 0xFFFE);
    if (emulateTypeOne) allocation = std::max(allocation, kHeaderSize + kFeatureHeaderSize);
    std::uint8_t requestType =
        emulateTypeOne ? std::uint8_t{ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL} : static_cast<std::uint8_t>(input.requestType);
    // Seeded defect: CURRENT is sent as ALL.
    if (context.settings.defects.has(defects::SeededDefect::CurrentConfigurationReturnsAll) &&
        requestType == ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT)
        requestType = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL;
    const auto cdb = mmc::cdb::getConfiguration12(requestType, static_cast<std::uint16_t>(input.feature & 0xFFFF),
                                                  static_cast<std::uint16_t>(allocation));
    // Every data transfer but RAW_READ goes through the driver's scratch buffer (§0.2).
    std::vector<std::uint8_t> scratch(std::min<std::size_t>(allocation, context.settings.adapter.scratchBufferBytes()));
    const ScsiOutcome outcome = context.scsi.send({cdb, scratch, mmc::DataDirection::In});
    // §8.6: a short reply reported as DATA_OVERRUN is a success for GET_CONFIGURATION.
    if (!outcome.status.isSuccess() && outcome.status != st::DataOverrun) return {outcome.status, 0};
    const auto transferred = static_cast<std::uint32_t>(std::min<std::size_t>(outcome.transferred, scratch.size()));

    std::uint32_t information = transferred;  // not clipped to DataLength + 4: truncation is the caller's to see
    if (emulateTypeOne) {
        if (transferred < kHeaderSize) return {st::InvalidDeviceRequest, 0};
        const std::uint32_t converted = convertTypeAllToTypeOne(input.feature, scratch, transferred);
        information = std::min<std::uint32_t>(converted, static_cast<std::uint32_t>(request.output.size()));
        information = std::min<std::uint32_t>(information, static_cast<std::uint32_t>(scratch.size()));
    }
    std::copy_n(scratch.begin(), information, request.output.begin());
    return {st::Success, information};
}

}  // namespace cdcts::classdriver
