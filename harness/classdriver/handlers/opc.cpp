// IOCTL_CDROM_SEND_OPC_INFORMATION (ioctl-contracts.md §3.14; RequestValidateSendOpcInformation
// S/ioctl.c:3576, RequestHandleSendOpcInformation S/ioctl.c:5763). The code needs a READ|WRITE handle; the
// I/O manager's access check (ModelHandle) enforces that before the driver sees it.
#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "harness/mmc/cdb_transport.hpp"

namespace cdcts::classdriver {

using ioctl::CDROM_SIMPLE_OPC_INFO;

std::optional<Completion> validateSendOpcInformation(const Request& request, const DriverContext&)
{
    if (request.input.size() < sizeof(CDROM_SIMPLE_OPC_INFO)) return Completion{ioctl::status::InfoLengthMismatch, 0};
    if (static_cast<std::int32_t>(loadLe32(request.input.data())) != ioctl::SimpleOpcInfo)
        return Completion{ioctl::status::InvalidParameter, 0};
    return std::nullopt;
}

Completion handleSendOpcInformation(const Request& request, DriverContext& context)
{
    // DoOpc = 1, Exclude0/Exclude1 = (BOOLEAN != 0), no parameter list; Information 0 on every outcome.
    const auto exclude = static_cast<std::uint8_t>((request.input[offsetof(CDROM_SIMPLE_OPC_INFO, Exclude0)] != 0 ? 0x01 : 0) |
                                                   (request.input[offsetof(CDROM_SIMPLE_OPC_INFO, Exclude1)] != 0 ? 0x02 : 0));
    const auto cdb = mmc::cdb::sendOpcInformation(true, exclude, 0);
    return {context.scsi.send({cdb, {}, mmc::DataDirection::None}).status, 0};
}

}  // namespace cdcts::classdriver
