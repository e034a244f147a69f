#include "harness/classdriver/mmc_capabilities.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/mmc/cdb.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;

constexpr std::uint8_t kRequestTypeAll = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL;
constexpr std::uint8_t kRequestTypeCurrent = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_CURRENT;
constexpr std::uint8_t kRequestTypeOne = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE;
constexpr std::uint16_t kFeatureProfileList = ioctl::FeatureProfileList;
constexpr std::uint8_t kPageCapabilities = 0x2A;
// CDROM_GET_CONFIGURATION_TIMEOUT and CDROM_GET_PERFORMANCE_TIMEOUT (§0.2).
constexpr auto kGetConfigurationTimeout = 4s;
constexpr auto kGetPerformanceTimeout = 20s;
// Q11: sizeof(CDVD_CAPABILITIES_PAGE) is 24 in the headers we read; the start-up MODE SENSE asks for the page
// plus a mode parameter header and one block descriptor (8): 40 with the 10-byte form, 36 with the 6-byte one.
constexpr std::uint8_t kCapabilitiesPageSize = 24;
constexpr std::uint32_t kGetPerformanceHeaderSize = 8;
constexpr std::uint32_t kGetPerformanceDescriptorSize = 16;

bool currentBit(std::span<const std::uint8_t> feature) { return (feature[2] & 0x01) != 0; }

// MODE SENSE is refined by opcode (§8.5): VERIFY_REQUIRED retried, at most 2 retries, a short reply is fine.
ScsiOutcome sendModeSense(ScsiExecutor& scsi, std::span<const std::uint8_t> cdb, std::span<std::uint8_t> buffer)
{
    ScsiRequest request{cdb, buffer, mmc::DataDirection::In, kDeviceTimeout};
    request.maxRetries = 2;
    request.retryVerifyRequired = true;
    ScsiOutcome outcome = scsi.send(request);
    if (outcome.status == st::DataOverrun) outcome.status = st::Success;
    return outcome;
}

// Feature 001Eh's C2 Error Data bit and page 2Ah's C2 Pointers / R-W Supported bits (DeviceSetRawReadInfo,
// S/init.c:2371): three tries with MODE SENSE(10), then three with MODE SENSE(6), until one returns page 2Ah.
void setRawReadInfo(ScsiExecutor& scsi, DriverState& state)
{
    if (const auto cdRead = findFeature(state.capabilities, ioctl::FeatureCdRead); cdRead && (*cdRead)[3] >= 4 && ((*cdRead)[4] & 0x02) != 0)
        state.readCdC2Pointers = true;
    for (int count = 0; count < 6; ++count) {
        const bool tenByte = count / 3 == 0;
        const std::size_t headerSize = tenByte ? 8 : 4;  // MODE_PARAMETER_HEADER10 / MODE_PARAMETER_HEADER
        std::vector<std::uint8_t> buffer(kCapabilitiesPageSize + headerSize + 8);
        ScsiOutcome outcome;
        if (tenByte) {
            const auto cdb = mmc::cdb::modeSense10(true, kPageCapabilities, static_cast<std::uint16_t>(buffer.size()));
            outcome = sendModeSense(scsi, cdb, buffer);
        } else {
            const auto cdb = mmc::cdb::modeSense6(true, kPageCapabilities, static_cast<std::uint8_t>(buffer.size()));
            outcome = sendModeSense(scsi, cdb, buffer);
        }
        if (!outcome.status.isSuccess() && outcome.status != st::BufferOverflow) continue;
        const std::size_t descriptors = tenByte ? loadBe16(&buffer[6]) : buffer[3];
        const std::size_t page = headerSize + descriptors;
        // The sample trusts the block descriptor length; the model refuses to read past its buffer.
        if (page + 6 > buffer.size() || (buffer[page] & 0x3F) != kPageCapabilities) continue;
        if ((buffer[page + 5] & 0x10) != 0) state.readCdC2Pointers = true;  // C2 Pointers Supported
        if ((buffer[page + 5] & 0x04) != 0) state.readCdSubCode = true;     // R-W Supported
        return;
    }
}

// DeviceGetConfigurationWithAlloc (S/mmc.c:394): the header first to learn the size, then the whole reply,
// again (up to 4 times in all) while the drive's DataLength keeps growing.
std::optional<std::vector<std::uint8_t>> getConfigurationWithAlloc(ScsiExecutor& scsi, std::uint16_t startingFeature,
                                                                   std::uint8_t requestType)
{
    std::array<std::uint8_t, sizeof(ioctl::GET_CONFIGURATION_HEADER)> header{};
    if (!getConfigurationInternal(scsi, header, startingFeature, requestType).status.isSuccess()) return std::nullopt;
    std::uint32_t size = loadBe32(header.data());
    for (int i = 0; i < 4; ++i) {
        size += 4;  // the sample adds the DataLength field again on every pass
        if (size <= sizeof(ioctl::FEATURE_HEADER)) return std::nullopt;
        std::vector<std::uint8_t> buffer(size);
        const ConfigurationReply reply = getConfigurationInternal(scsi, buffer, startingFeature, requestType);
        if (!reply.status.isSuccess() || reply.validBytes > size) return std::nullopt;
        const std::uint32_t returned = loadBe32(buffer.data()) + 4;
        if (returned <= size) {
            buffer.resize(returned);  // CapabilitiesBufferSize: the "safe" bytes
            return buffer;
        }
        size = returned;
    }
    return std::nullopt;
}

}  // namespace

ConfigurationReply getConfigurationInternal(ScsiExecutor& scsi, std::span<std::uint8_t> buffer, std::uint16_t startingFeature,
                                            std::uint8_t requestType)
{
    if (buffer.size() < sizeof(ioctl::GET_CONFIGURATION_HEADER)) return {st::BufferTooSmall, 0};
    std::fill(buffer.begin(), buffer.end(), std::uint8_t{0});
    if (buffer.size() > 0xFFFC) buffer = buffer.first(0xFFFC);
    const auto cdb = mmc::cdb::getConfiguration(requestType, startingFeature, static_cast<std::uint16_t>(buffer.size()));
    const ScsiOutcome outcome = scsi.send({cdb, buffer, mmc::DataDirection::In, kGetConfigurationTimeout});
    if (!outcome.status.isSuccess() && outcome.status != st::BufferOverflow && outcome.status != st::DataOverrun)
        return {outcome.status, 0};
    const std::uint32_t available = loadBe32(buffer.data()) + 4;
    const std::uint32_t transferred = std::min<std::uint32_t>(outcome.transferred, static_cast<std::uint32_t>(buffer.size()));
    return {st::Success, std::min(transferred, available)};
}

std::optional<std::span<const std::uint8_t>> findFeature(std::span<const std::uint8_t> configuration, std::uint16_t code)
{
    if (configuration.size() < sizeof(ioctl::GET_CONFIGURATION_HEADER)) return std::nullopt;
    const std::size_t end = std::min<std::size_t>(configuration.size(), std::size_t{loadBe32(configuration.data())} + 4);
    std::size_t offset = sizeof(ioctl::GET_CONFIGURATION_HEADER);
    while (offset + sizeof(ioctl::FEATURE_HEADER) <= end) {
        const std::size_t length = sizeof(ioctl::FEATURE_HEADER) + configuration[offset + 3];
        if (loadBe16(&configuration[offset]) == code) {
            if (offset + length > end) return std::nullopt;  // a truncated descriptor is not trusted
            return configuration.subspan(offset, length);
        }
        offset += length;
    }
    return std::nullopt;
}

// DeviceUpdateMmcWriteCapability with CurrentOnly = FALSE (S/mmc.c): "can this drive ever write", read from the
// start-up capability buffer. Any one of: Defect Management with Random Writable; one of the four write features;
// DVD+R or DVD+R DL with its Write bit; a rewritable or recordable CD/DVD profile in the profile list.
bool driveCanWrite(std::span<const std::uint8_t> configuration)
{
    const auto has = [&](std::uint16_t code) { return findFeature(configuration, code).has_value(); };
    if (has(ioctl::FeatureDefectManagement) && has(ioctl::FeatureRandomWritable)) return true;
    for (const std::uint16_t code : {ioctl::FeatureRandomWritable, ioctl::FeatureRigidRestrictedOverwrite,
                                     ioctl::FeatureRestrictedOverwrite, ioctl::FeatureIncrementalStreamingWritable})
        if (has(code)) return true;
    // FEATURE_DATA_DVD_PLUS_R(_DUAL_LAYER): byte 4 bit 0 Write; a descriptor without byte 4 does not count.
    for (const std::uint16_t code : {ioctl::FeatureDvdPlusR, ioctl::FeatureDvdPlusRDualLayer})
        if (const auto f = findFeature(configuration, code); f && (*f)[3] >= 1 && ((*f)[4] & 0x01) != 0) return true;
    // Drives that leave the write features out still list the profiles (only when the profile list is current).
    const auto list = findFeature(configuration, kFeatureProfileList);
    if (!list || !currentBit(*list)) return false;
    constexpr std::uint16_t kWriterProfiles[] = {0x0013 /* DVD-RW restricted overwrite */, 0x000A /* CD-RW */,
                                                 0x0011 /* DVD-R sequential */, 0x0009 /* CD-R */};
    for (std::size_t i = sizeof(ioctl::FEATURE_HEADER); i + 4 <= list->size(); i += 4)
        if (std::find(std::begin(kWriterProfiles), std::end(kWriterProfiles), loadBe16(&(*list)[i])) != std::end(kWriterProfiles))
            return true;
    return false;
}

void initMmcContext(ScsiExecutor& scsi, DriverState& state)
{
    state.isMmc = false;
    // MMC detection (DeviceGetMmcSupportInfo, S/init.c:2107): RT=0 feature 0 with room for the header only.
    // Any failure, a short reply, DataLength <= 4 or odd makes the drive non-MMC (the registry persistence of
    // that verdict across starts is not modelled: the model starts once).
    std::array<std::uint8_t, sizeof(ioctl::GET_CONFIGURATION_HEADER)> header{};
    const ConfigurationReply detection = getConfigurationInternal(scsi, header, kFeatureProfileList, kRequestTypeAll);
    if (!detection.status.isSuccess() || detection.validBytes < header.size()) return;
    const std::uint32_t dataLength = loadBe32(header.data());
    if (dataLength <= 4 || dataLength > 0xFFFFFFFBu) return;
    if (dataLength % 4 != 0 && dataLength % 2 != 0) return;  // even but not a multiple of 4 is tolerated

    // Type-one probe: RT=2 with room for the header and one feature header; failing, short, or more than the
    // one feature back latches "bad type-one GET CONFIGURATION" (§3.8).
    std::array<std::uint8_t, sizeof(ioctl::GET_CONFIGURATION_HEADER) + sizeof(ioctl::FEATURE_HEADER)> one{};
    const ConfigurationReply typeOne = getConfigurationInternal(scsi, one, kFeatureProfileList, kRequestTypeOne);
    if (!typeOne.status.isSuccess() || typeOne.validBytes < one.size()) {
        state.badTypeOneGetConfiguration = true;
    } else {
        const std::uint64_t total = std::uint64_t{loadBe32(one.data())} + 4;
        const std::uint64_t expected = one.size() + one[11];
        if (total > expected) state.badTypeOneGetConfiguration = true;
    }

    // The capability buffer (DeviceAllocateMmcResources). Its failure fails the device start in the sample;
    // the model carries on with an empty buffer (docs/classdriver-model.md).
    state.capabilities = getConfigurationWithAlloc(scsi, kFeatureProfileList, kRequestTypeAll).value_or(std::vector<std::uint8_t>{});
    const auto css = findFeature(state.capabilities, ioctl::FeatureDvdCSS);
    state.isCssDvd = css && currentBit(*css);
    state.isWriter = driveCanWrite(state.capabilities);
    // Only now is the MMC error handler hooked in (the executor reads isMmc: the probes above ran without it),
    // and the first queued request refreshes.
    state.isMmc = true;
    state.mmcUpdateRequired = true;
    setRawReadInfo(scsi, state);
}

void updateMmcCapabilities(ScsiExecutor& scsi, DriverState& state, const mmc::AdapterProperties& adapter)
{
    if (!state.isMmc || !state.mmcUpdateRequired) return;
    state.mmcUpdateRequired = false;
    state.streamingReadSupported = false;
    state.streamingWriteSupported = false;
    const ConfigurationReply reply = getConfigurationInternal(scsi, state.capabilities, kFeatureProfileList, kRequestTypeCurrent);
    if (!reply.status.isSuccess() || reply.validBytes > state.capabilities.size()) {
        state.mmcUpdateRequired = true;  // tried again before the next request
        return;
    }
    const std::span<const std::uint8_t> current = std::span<const std::uint8_t>(state.capabilities).first(reply.validBytes);
    // Real Time Streaming, current, long enough to hold its flags byte: streaming reads; Stream Recording: writes.
    if (const auto rts = findFeature(current, ioctl::FeatureRealTimeStreaming); rts && currentBit(*rts) && (*rts)[3] >= 1) {
        state.streamingReadSupported = true;
        state.streamingWriteSupported = ((*rts)[4] & 0x01) != 0;
    }
    const auto css = findFeature(current, ioctl::FeatureDvdCSS);
    state.isCssDvd = css && currentBit(*css);

    // The read/write retry delay estimate asks page 2Ah and GET PERFORMANCE (nominal, then write speed); the
    // model sends the same commands but does not use the answers (no writes are modelled).
    const std::uint32_t scratch = adapter.scratchBufferBytes();
    std::vector<std::uint8_t> buffer(std::min<std::uint32_t>(0xFFF0, scratch));
    const auto modeSense = mmc::cdb::modeSense10(true, kPageCapabilities, static_cast<std::uint16_t>(buffer.size()));
    (void)sendModeSense(scsi, modeSense, buffer);
    const std::uint32_t maxDescriptors =
        std::min<std::uint32_t>(200, (scratch - kGetPerformanceHeaderSize) / kGetPerformanceDescriptorSize);
    buffer.assign(kGetPerformanceHeaderSize + maxDescriptors * kGetPerformanceDescriptorSize, 0);
    const auto nominal = mmc::cdb::getPerformance(0, true, 2, 0, static_cast<std::uint16_t>(maxDescriptors), 0);
    (void)scsi.send({nominal, buffer, mmc::DataDirection::In, kGetPerformanceTimeout});
    std::fill(buffer.begin(), buffer.end(), std::uint8_t{0});
    const auto writeSpeed = mmc::cdb::getPerformance(0, false, 0, 0, static_cast<std::uint16_t>(maxDescriptors), 3);
    (void)scsi.send({writeSpeed, buffer, mmc::DataDirection::In, kGetPerformanceTimeout});
}

}  // namespace cdcts::classdriver
