#include "harness/backends/sgio_target.hpp"

#ifdef __linux__
#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "harness/device/device.hpp"

namespace cdcts::backends {

#ifdef __linux__
SgIoTarget::SgIoTarget(std::string path) : path_(std::move(path))
{
    fd_ = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw DeviceError(path_ + ": cannot open: " + std::strerror(errno));
    int version = 0;
    if (::ioctl(fd_, SG_GET_VERSION_NUM, &version) < 0 || version < 30000) {
        ::close(fd_);
        throw DeviceError(path_ + ": not an SG_IO device (need the sg v3 interface: /dev/sgN or /dev/srN)");
    }
}

SgIoTarget::~SgIoTarget()
{
    if (fd_ >= 0) ::close(fd_);
}

mmc::CommandResult SgIoTarget::execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                                       mmc::DataDirection direction, Nanoseconds timeout)
{
    std::array<std::uint8_t, 32> sense{};
    std::array<std::uint8_t, 16> cdbCopy{};  // SG_IO takes a non-const pointer
    const std::size_t cdbLength = std::min(cdb.size(), cdbCopy.size());
    std::copy_n(cdb.begin(), cdbLength, cdbCopy.begin());

    sg_io_hdr_t io{};
    io.interface_id = 'S';
    io.cmdp = cdbCopy.data();
    io.cmd_len = static_cast<unsigned char>(cdbLength);
    io.sbp = sense.data();
    io.mx_sb_len = static_cast<unsigned char>(sense.size());
    io.dxferp = data.data();
    io.dxfer_len = static_cast<unsigned int>(data.size());
    io.dxfer_direction = direction == mmc::DataDirection::In    ? SG_DXFER_FROM_DEV
                         : direction == mmc::DataDirection::Out ? SG_DXFER_TO_DEV
                                                                : SG_DXFER_NONE;
    io.timeout = static_cast<unsigned int>(std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count());

    mmc::CommandResult result;
    if (::ioctl(fd_, SG_IO, &io) < 0) {
        result.transport = errno == ENODEV || errno == ENXIO ? mmc::TransportStatus::NoDevice : mmc::TransportStatus::Error;
        return result;
    }
    result.transferred = static_cast<std::uint32_t>(data.size()) - static_cast<std::uint32_t>(std::max(io.resid, 0));
    result.status = static_cast<mmc::ScsiStatus>(io.status & 0xFE);
    // Host status (SCSI_HOST_*): 0 ok, 1 no connect, 3 time out, 4 bad target, 8 bus reset.
    switch (io.host_status) {
    case 0: break;
    case 0x01:
    case 0x04: result.transport = mmc::TransportStatus::SelectionTimeout; break;
    case 0x03: result.transport = mmc::TransportStatus::Timeout; break;
    case 0x08: result.transport = mmc::TransportStatus::BusReset; break;
    default: result.transport = mmc::TransportStatus::Error; break;
    }
    if (io.sb_len_wr > 0) result.sense = mmc::SenseData::fromBytes(std::span(sense).first(io.sb_len_wr));
    if (io.status == 0 && io.sb_len_wr > 0 && result.sense.valid()) result.status = mmc::ScsiStatus::CheckCondition;
    return result;
}
#else
SgIoTarget::SgIoTarget(std::string path) : path_(std::move(path))
{
    throw DeviceError(path_ + ": the sgio backend needs Linux");
}
SgIoTarget::~SgIoTarget() = default;
mmc::CommandResult SgIoTarget::execute(std::span<const std::uint8_t>, std::span<std::uint8_t>, mmc::DataDirection, Nanoseconds)
{
    return mmc::CommandResult{mmc::TransportStatus::NoDevice, mmc::ScsiStatus::Good, {}, 0};
}
#endif

}  // namespace cdcts::backends
