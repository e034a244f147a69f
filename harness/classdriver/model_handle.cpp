#include "harness/classdriver/model_handle.hpp"

#include <algorithm>
#include <vector>

#include "harness/classdriver/class_driver.hpp"

namespace cdcts::classdriver {

ModelHandle::ModelHandle(std::weak_ptr<ClassDriver*> driver, HandleAccess access, std::uint64_t fileId)
    : driver_(std::move(driver)), access_(access)
{
    file_.id = fileId;
}

ModelHandle::~ModelHandle()
{
    if (const auto driver = driver_.lock()) (*driver)->close(file_);
}

ControlResult ModelHandle::control(ioctl::ControlCode code, std::span<const std::uint8_t> input, std::span<std::uint8_t> output)
{
    if (!grants(access_, code.access())) return {ioctl::status::AccessDenied, 0};
    const auto alive = driver_.lock();
    if (!alive) return {ioctl::status::DeviceDoesNotExist, 0};
    ClassDriver& driver = **alive;

    if (code.method() == ioctl::Method::Buffered) {
        // One system buffer of max(in, out) bytes holds the input; the driver writes its output over it, and
        // exactly Information bytes go back to the caller on success or warning, nothing on error.
        std::vector<std::uint8_t> system(std::max(input.size(), output.size()));
        std::copy(input.begin(), input.end(), system.begin());
        const Completion c = driver.dispatch(file_, code, std::span(system).first(input.size()), std::span(system).first(output.size()));
        // The I/O manager makes one exception among the warnings: nothing comes back with STATUS_VERIFY_REQUIRED
        // (§0.3 note; the sample sets Information 0 there anyway).
        if (!c.status.isError() && c.status != ioctl::status::VerifyRequired) {
            const std::size_t n = std::min<std::size_t>(c.information, output.size());
            std::copy_n(system.begin(), n, output.begin());
        }
        return {c.status, c.information};
    }
    // METHOD_IN/OUT_DIRECT: the input is buffered, the output is the caller's own pages. METHOD_NEITHER
    // hands both over as they are; the class driver has no such codes.
    std::vector<std::uint8_t> system(input.begin(), input.end());
    const Completion c = driver.dispatch(file_, code, system, output);
    return {c.status, c.information};
}

ControlResult ModelHandle::read(std::int64_t byteOffset, std::span<std::uint8_t> buffer)
{
    if (!grants(access_, ioctl::RequiredAccess::Read)) return {ioctl::status::AccessDenied, 0};  // needs FILE_READ_DATA
    const auto alive = driver_.lock();
    if (!alive) return {ioctl::status::DeviceDoesNotExist, 0};
    const Completion c = (*alive)->read(file_, byteOffset, buffer);
    return {c.status, c.information};
}

}  // namespace cdcts::classdriver
