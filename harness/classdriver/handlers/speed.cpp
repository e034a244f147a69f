// IOCTL_CDROM_SET_SPEED in both forms: CdromSetSpeed -> SET CD SPEED, CdromSetStreaming -> SET STREAMING with
// one performance descriptor (ioctl-contracts.md §3.13; RequestValidateSetSpeed S/ioctl.c:1501,
// DeviceHandleSetSpeed S/ioctl.c:9029).
#include <array>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "harness/mmc/cdb_transport.hpp"

namespace cdcts::classdriver {
namespace {

using ioctl::CDROM_SET_SPEED;
using ioctl::CDROM_SET_STREAMING;

std::int32_t requestType(std::span<const std::uint8_t> input) { return static_cast<std::int32_t>(loadLe32(input.data())); }

std::uint32_t field(std::span<const std::uint8_t> input, std::size_t offset) { return loadLe32(input.data() + offset); }

std::uint16_t speedField(std::span<const std::uint8_t> input, std::size_t offset)
{
    return static_cast<std::uint16_t>(std::uint32_t{input[offset]} | std::uint32_t{input[offset + 1]} << 8);
}

// The 28-byte MMC performance descriptor (§2.3 PERFORMANCE_DESCRIPTOR). Each BOOLEAN is truncated to bit 0, so
// a caller's 2 reads as 0, as in the sample's bit-field assignment.
std::array<std::uint8_t, sizeof(ioctl::PERFORMANCE_DESCRIPTOR)> performanceDescriptor(std::span<const std::uint8_t> in)
{
    std::array<std::uint8_t, sizeof(ioctl::PERFORMANCE_DESCRIPTOR)> d{};
    const auto bit0 = [&](std::size_t offset) { return static_cast<std::uint32_t>(in[offset] & 1u); };
    d[0] = static_cast<std::uint8_t>(bit0(offsetof(CDROM_SET_STREAMING, RandomAccess)) |
                                     bit0(offsetof(CDROM_SET_STREAMING, SetExact)) << 1 |
                                     bit0(offsetof(CDROM_SET_STREAMING, RestoreDefaults)) << 2 |
                                     (field(in, offsetof(CDROM_SET_STREAMING, RotationControl)) & 3u) << 3);
    storeBe32(&d[4], field(in, offsetof(CDROM_SET_STREAMING, StartLba)));
    storeBe32(&d[8], field(in, offsetof(CDROM_SET_STREAMING, EndLba)));
    storeBe32(&d[12], field(in, offsetof(CDROM_SET_STREAMING, ReadSize)));
    storeBe32(&d[16], field(in, offsetof(CDROM_SET_STREAMING, ReadTime)));
    storeBe32(&d[20], field(in, offsetof(CDROM_SET_STREAMING, WriteSize)));
    storeBe32(&d[24], field(in, offsetof(CDROM_SET_STREAMING, WriteTime)));
    return d;
}

}  // namespace

std::optional<Completion> validateSetSpeed(const Request& request, const DriverContext& context)
{
    if (request.input.size() < sizeof(CDROM_SET_SPEED)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    const std::int32_t type = requestType(request.input);
    // Signed comparison (Q17): a negative RequestType is not rejected and is taken for the streaming form.
    if (type > ioctl::CdromSetStreaming) return Completion{ioctl::status::InvalidParameter, 0};
    if (type == ioctl::CdromSetSpeed) return std::nullopt;
    // The streaming form needs an MMC drive; that check comes before its length check.
    if (!context.state.isMmc) return Completion{ioctl::status::InvalidDeviceRequest, 0};
    if (request.input.size() < sizeof(CDROM_SET_STREAMING)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    return std::nullopt;
}

Completion handleSetSpeed(const Request& request, DriverContext& context)
{
    const auto in = request.input;
    ScsiOutcome outcome;
    if (requestType(in) == ioctl::CdromSetSpeed) {
        // Seeded defect: the request is answered without telling the drive.
        if (context.settings.defects.has(defects::SeededDefect::SetSpeedNotSent)) return {ioctl::status::Success, 0};
        // SET CD SPEED; the restore-defaults flag is left alone.
        const auto cdb = mmc::cdb::setCdSpeed(static_cast<std::uint8_t>(field(in, offsetof(CDROM_SET_SPEED, RotationControl)) & 3),
                                              speedField(in, offsetof(CDROM_SET_SPEED, ReadSpeed)),
                                              speedField(in, offsetof(CDROM_SET_SPEED, WriteSpeed)));
        ScsiRequest scsi{cdb, {}, mmc::DataDirection::None};
        scsi.failureClearsRestoreSpeed = true;
        outcome = context.scsi.send(scsi);
    } else {
        auto descriptor = performanceDescriptor(in);
        // A non-persistent streaming speed is to be undone at the next medium change (§3.13).
        context.state.restoreDefaultSpeed = in[offsetof(CDROM_SET_STREAMING, Persistent)] == 0;
        const auto cdb = mmc::cdb::setStreaming(0x00, static_cast<std::uint16_t>(descriptor.size()));
        ScsiRequest scsi{cdb, descriptor, mmc::DataDirection::Out};
        scsi.failureClearsRestoreSpeed = true;
        outcome = context.scsi.send(scsi);
    }
    // §8.6: any failure of SET_SPEED's command clears the restore-defaults flag, each failed attempt as it is
    // interpreted (the executor does it), so a retry that succeeds leaves the flag clear.
    return {outcome.status, 0};
}

}  // namespace cdcts::classdriver
