#pragma once
// A real drive on Linux through the SG_IO ioctl (sg driver v3 interface) on /dev/sgN or /dev/srN.
#include <string>

#include "harness/mmc/mmc_target.hpp"

namespace cdcts::backends {

class SgIoTarget final : public mmc::MmcTarget {
public:
    // Opens the device read-only and non-blocking (so an empty drive still opens); throws DeviceError
    // naming the path and the reason.
    explicit SgIoTarget(std::string path);
    ~SgIoTarget() override;
    SgIoTarget(const SgIoTarget&) = delete;
    SgIoTarget& operator=(const SgIoTarget&) = delete;

    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data,
                               mmc::DataDirection direction, Nanoseconds timeout) override;
    Clock& clock() override { return clock_; }
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
    int fd_ = -1;
    SteadyClock clock_;
};

}  // namespace cdcts::backends
