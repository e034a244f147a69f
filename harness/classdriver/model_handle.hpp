#pragma once
// A handle on the modelled device, doing the I/O manager's part of DeviceIoControl: the access check
// (§1 step 1) and the buffer handling of the code's transfer method (§0.2).
#include <memory>

#include "harness/classdriver/driver_state.hpp"
#include "harness/device/device.hpp"

namespace cdcts::classdriver {

class ClassDriver;

class ModelHandle final : public DeviceHandle {
public:
    // A handle that outlives its device answers STATUS_DEVICE_DOES_NOT_EXIST, as after a surprise removal.
    ModelHandle(std::weak_ptr<ClassDriver*> driver, HandleAccess access, std::uint64_t fileId);
    ~ModelHandle() override;
    ModelHandle(const ModelHandle&) = delete;
    ModelHandle& operator=(const ModelHandle&) = delete;

    ControlResult control(ioctl::ControlCode code, std::span<const std::uint8_t> input, std::span<std::uint8_t> output) override;
    // ReadFile at a byte offset: the I/O manager's access check, then the driver's IRP_MJ_READ.
    ControlResult read(std::int64_t byteOffset, std::span<std::uint8_t> buffer) override;
    [[nodiscard]] HandleAccess access() const override { return access_; }
    [[nodiscard]] const FileObject& fileObject() const { return file_; }

private:
    std::weak_ptr<ClassDriver*> driver_;
    HandleAccess access_;
    FileObject file_;
};

}  // namespace cdcts::classdriver
