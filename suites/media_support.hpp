#pragma once
// Shared by the media suites (check_verify_suite.cpp, media_suite.cpp): buffer helpers, the media-change
// count, the drive's Removable Medium feature, and the guards that leave a drive as the test found it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/misc.hpp"
#include "suites/caller_buffer.hpp"

namespace cdcts::suites::media {

namespace status = ioctl::status;
namespace codes = ioctl::codes;

// A PREVENT_MEDIA_REMOVAL input (ntddstor.h).
inline std::vector<std::uint8_t> preventInput(std::uint8_t prevent)
{
    ioctl::PREVENT_MEDIA_REMOVAL in{prevent};
    std::vector<std::uint8_t> bytes(sizeof in);
    std::memcpy(bytes.data(), &in, sizeof in);
    return bytes;
}

// CHECK_VERIFY with a 4-byte output; on success the media-change count (§3.1), compared by deltas only.
struct Verify {
    ControlResult result;
    std::optional<std::uint32_t> count;
};

inline Verify checkVerify(DeviceHandle& handle, ioctl::ControlCode code = codes::CdromCheckVerify)
{
    std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
    Verify v{handle.control(code, {}, out), std::nullopt};
    if (v.result.status.isSuccess() && v.result.information == sizeof(std::uint32_t)) v.count = loadLe32(out.data());
    return v;
}

// CHECK_VERIFY after a medium change: a mounted volume sees the change once as STATUS_VERIFY_REQUIRED (§7.3),
// which is the change being reported, not a failure; ask again (a few times at most).
inline Verify checkVerifyAfterChange(DeviceHandle& handle)
{
    Verify v = checkVerify(handle);
    for (int i = 0; i < 3 && v.result.status == status::VerifyRequired; ++i) v = checkVerify(handle);
    return v;
}

// The drive's Removable Medium feature (MMC feature 0003h), read with GET_CONFIGURATION type ONE: how it loads
// and whether it can lock and eject. nullopt when the drive does not report it (not MMC, or no such feature).
struct RemovableMedium {
    std::uint8_t loadingMechanism = 0;  // 0 caddy/slot, 1 tray, 2 pop-up, 4/5 changer
    bool lock = false;                  // PREVENT ALLOW MEDIUM REMOVAL can lock the medium in
    bool eject = false;                 // START STOP UNIT can eject the medium
};

inline std::optional<RemovableMedium> removableMedium(DeviceHandle& handle)
{
    ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
    in.Feature = ioctl::FeatureRemovableMedium;
    in.RequestType = ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE;
    std::vector<std::uint8_t> input(sizeof in);
    std::memcpy(input.data(), &in, sizeof in);
    std::vector<std::uint8_t> out(64, 0);  // a multiple of any alignment up to 64
    const ControlResult r = handle.control(codes::CdromGetConfiguration, input, out);
    constexpr std::size_t kFeature = ioctl::GET_CONFIGURATION_HEADER::kDataOffset;
    if (!r.status.isSuccess() || r.information < kFeature + 5) return std::nullopt;
    if (loadBe16(&out[kFeature]) != ioctl::FeatureRemovableMedium || out[kFeature + 3] < 1) return std::nullopt;
    const std::uint8_t flags = out[kFeature + 4];
    return RemovableMedium{static_cast<std::uint8_t>(flags >> 5), (flags & 0x01) != 0, (flags & 0x08) != 0};
}

// Why the test cannot move this drive's medium and bring it back; nullopt when it can (or the drive does not say).
inline std::optional<std::string> cannotEjectAndReload(DeviceHandle& handle)
{
    const auto feature = removableMedium(handle);
    if (!feature) return std::nullopt;
    if (!feature->eject) return "the drive's Removable Medium feature says it cannot eject (Eject = 0)";
    if (feature->loadingMechanism == 0) return "a caddy/slot loader cannot take an ejected disc back without a hand";
    return std::nullopt;
}

// Gives back every simple media lock the test took (one ALLOW per PREVENT), even when the test fails: simple
// locks outlive the handle (§3.11), so a lock left behind would keep the drive locked for every later test.
class MediaLockGuard {
public:
    explicit MediaLockGuard(DeviceHandle& handle) : handle_(handle) {}
    MediaLockGuard(const MediaLockGuard&) = delete;
    MediaLockGuard& operator=(const MediaLockGuard&) = delete;
    ~MediaLockGuard()
    {
        for (; held_ > 0; --held_) (void)handle_.control(codes::StorageMediaRemoval, preventInput(0), {});
    }
    ControlResult prevent(ioctl::ControlCode code = codes::CdromMediaRemoval)
    {
        const ControlResult r = handle_.control(code, preventInput(1), {});
        if (r.status.isSuccess()) ++held_;
        return r;
    }
    ControlResult allow(ioctl::ControlCode code = codes::CdromMediaRemoval)
    {
        const ControlResult r = handle_.control(code, preventInput(0), {});
        if (r.status.isSuccess() && held_ > 0) --held_;
        return r;
    }
    // A lock taken by another route (a second handle) that this guard must give back too.
    void adopt() { ++held_; }
    // A lock given back by another route.
    void forget()
    {
        if (held_ > 0) --held_;
    }

private:
    DeviceHandle& handle_;
    int held_ = 0;
};

// Loads the medium again if the test ejected it, even when the test fails.
class TrayGuard {
public:
    explicit TrayGuard(DeviceHandle& handle) : handle_(handle) {}
    TrayGuard(const TrayGuard&) = delete;
    TrayGuard& operator=(const TrayGuard&) = delete;
    ~TrayGuard()
    {
        if (out_) (void)load();
    }
    ControlResult eject(ioctl::ControlCode code = codes::CdromEjectMedia, std::span<const std::uint8_t> in = {},
                        std::span<std::uint8_t> out = {})
    {
        out_ = true;  // assume the tray moved whatever the answer: loading a closed tray is harmless
        return handle_.control(code, in, out);
    }
    ControlResult load(ioctl::ControlCode code = codes::CdromLoadMedia, std::span<const std::uint8_t> in = {},
                       std::span<std::uint8_t> out = {})
    {
        const ControlResult r = handle_.control(code, in, out);
        if (r.status.isSuccess()) out_ = false;
        return r;
    }
    void expectOut() { out_ = true; }

private:
    DeviceHandle& handle_;
    bool out_ = false;
};

// Releases the unit if the test reserved it, even when the test fails.
class ReservationGuard {
public:
    explicit ReservationGuard(DeviceHandle& handle) : handle_(handle) {}
    ReservationGuard(const ReservationGuard&) = delete;
    ReservationGuard& operator=(const ReservationGuard&) = delete;
    ~ReservationGuard()
    {
        if (held_) (void)handle_.control(codes::StorageRelease, {}, {});
    }
    ControlResult reserve(ioctl::ControlCode code, std::span<const std::uint8_t> in = {}, std::span<std::uint8_t> out = {})
    {
        held_ = true;
        return handle_.control(code, in, out);
    }
    ControlResult release(ioctl::ControlCode code, std::span<const std::uint8_t> in = {}, std::span<std::uint8_t> out = {})
    {
        const ControlResult r = handle_.control(code, in, out);
        if (r.status.isSuccess()) held_ = false;
        return r;
    }
    // For a test that sends RESERVE / RELEASE itself: what it did.
    void held() { held_ = true; }
    void released() { held_ = false; }

private:
    DeviceHandle& handle_;
    bool held_ = false;
};

}  // namespace cdcts::suites::media
