#pragma once
// What the exclusive-access suites share (ioctl-contracts.md §3.5): EXCLUSIVE_ACCESS inputs, the lock state as a
// query reports it, expectations on it, and a guard that gives back a lock the test's own handle took.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::exclusive {

constexpr std::size_t kAccessSize = sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS);     // 8
constexpr std::size_t kLockSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK);         // 72
constexpr std::size_t kStateSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK_STATE);  // 65
constexpr std::size_t kNameSize = ioctl::CDROM_EXCLUSIVE_CALLER_LENGTH;        // 64
constexpr std::string_view kName = "cdcts exclusive-access suite";

// A CDROM_EXCLUSIVE_ACCESS input (query, unlock, or any request type).
inline std::vector<std::uint8_t> accessInput(std::int32_t requestType, std::uint32_t flags = 0)
{
    std::vector<std::uint8_t> in(kAccessSize);
    storeLe32(in.data(), static_cast<std::uint32_t>(requestType));
    storeLe32(in.data() + 4, flags);
    return in;
}

// A CDROM_EXCLUSIVE_LOCK input: `name` copied as given (at most 64 bytes), the rest zero.
inline std::vector<std::uint8_t> lockInput(std::string_view name, std::uint32_t flags = 0)
{
    std::vector<std::uint8_t> in = accessInput(ioctl::ExclusiveAccessLockDevice, flags);
    in.resize(kLockSize, 0);
    std::memcpy(in.data() + kAccessSize, name.data(), std::min(name.size(), kNameSize));
    return in;
}

// A query with a buffer longer than the reply, so that bytes past Information can be checked.
struct LockState {
    ControlResult result;
    std::uint8_t lockState = 0;
    std::array<std::uint8_t, kNameSize> name{};
    bool tailUntouched = false;
    [[nodiscard]] std::string nameString() const
    {
        const auto end = std::find(name.begin(), name.end(), std::uint8_t{0});
        return std::string(name.begin(), end);
    }
    // The stored name is the caller's name, its NUL and zero padding (§3.5 lock row 6).
    [[nodiscard]] bool nameIs(std::string_view expected) const
    {
        std::array<std::uint8_t, kNameSize> want{};
        std::memcpy(want.data(), expected.data(), std::min(expected.size(), kNameSize));
        return name == want;
    }
};

inline LockState query(DeviceHandle& handle, std::uint32_t flags = 0)
{
    std::vector<std::uint8_t> out(kStateSize + 15, kUntouched);
    LockState s;
    s.result = handle.control(ioctl::codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessQueryState, flags), out);
    s.lockState = out[0];
    std::memcpy(s.name.data(), out.data() + 1, kNameSize);
    s.tailUntouched = allUntouched(std::span(out).subspan(kStateSize));
    return s;
}

// Expects the device unlocked, as seen by `handle` (which needs READ|WRITE access).
inline void expectUnlocked(DeviceHandle& handle, const char* when)
{
    const LockState s = query(handle);
    ASSERT_THAT_STATUS(s.result.status, ioctl::status::Success) << when;
    EXPECT_EQ(s.lockState, ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE) << when;
}

// Expects the device locked under `name`, as seen by `handle`.
inline void expectLockedBy(DeviceHandle& handle, std::string_view name, const char* when)
{
    const LockState s = query(handle);
    ASSERT_THAT_STATUS(s.result.status, ioctl::status::Success) << when;
    EXPECT_EQ(s.lockState, ioctl::CDROM_IN_EXCLUSIVE_MODE) << when;
    EXPECT_TRUE(s.nameIs(name)) << when << ": the caller name reads \"" << s.nameString() << "\", expected \"" << name
                                << "\" with NUL and zero padding";
}

// Takes the exclusive lock on `owner` and gives it back in its destructor, even when the test fails. The unlock
// asks for no media notifications, so the media-change count is left as found.
class ExclusiveLock {
public:
    explicit ExclusiveLock(DeviceHandle& owner) : owner_(owner) {}
    ExclusiveLock(const ExclusiveLock&) = delete;
    ExclusiveLock& operator=(const ExclusiveLock&) = delete;
    ~ExclusiveLock()
    {
        if (!held_) return;
        const ControlResult r = unlock();
        EXPECT_THAT_STATUS(r.status, ioctl::status::Success) << "giving the exclusive lock back";
    }
    ControlResult lock(std::string_view name = kName, std::uint32_t flags = 0) { return lockRaw(lockInput(name, flags)); }
    // Any EXCLUSIVE_ACCESS request that might lock: a success is remembered, so the destructor gives it back.
    ControlResult lockRaw(std::span<const std::uint8_t> input, std::span<std::uint8_t> output = {})
    {
        const ControlResult r = owner_.control(ioctl::codes::CdromExclusiveAccess, input, output);
        if (r.status.isSuccess()) held_ = true;
        return r;
    }
    ControlResult unlock(std::uint32_t flags = ioctl::CDROM_NO_MEDIA_NOTIFICATIONS)
    {
        const ControlResult r = owner_.control(ioctl::codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessUnlockDevice, flags), {});
        if (r.status.isSuccess()) held_ = false;
        return r;
    }
    // The owner's handle is about to close, which releases the lock by itself (§3.5).
    void releasedByClose() { held_ = false; }
    [[nodiscard]] bool held() const { return held_; }

private:
    DeviceHandle& owner_;
    bool held_ = false;
};

inline std::unique_ptr<DeviceHandle> openOrNull(Device& device, HandleAccess access, std::string& why)
{
    try {
        return device.open(access);
    } catch (const DeviceError& e) {
        why = std::string("cannot open a second handle: ") + e.what();
        return nullptr;
    }
}

}  // namespace cdcts::suites::exclusive
