// IOCTL_CDROM_EXCLUSIVE_ACCESS (ioctl-contracts.md §3.5) and the exclusive-lock gate (§1 steps 2 and 5): query,
// lock and unlock with their caller-name rules, every V-stage row, what another handle sees while the device is
// locked (ACCESS_DENIED for the gated device types, the allowed list passes) and what the owner keeps.
// Every lock a test takes is given back by an ExclusiveLock guard, even when the test fails.
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
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
namespace codes = ioctl::codes;
namespace status = ioctl::status;

constexpr std::size_t kAccessSize = sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS);     // 8
constexpr std::size_t kLockSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK);         // 72
constexpr std::size_t kStateSize = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK_STATE);  // 65
constexpr std::size_t kNameSize = ioctl::CDROM_EXCLUSIVE_CALLER_LENGTH;        // 64
constexpr std::string_view kName = "cdcts exclusive-access suite";

// A CDROM_EXCLUSIVE_ACCESS input (query, unlock, or any request type).
std::vector<std::uint8_t> accessInput(std::int32_t requestType, std::uint32_t flags = 0)
{
    std::vector<std::uint8_t> in(kAccessSize);
    storeLe32(in.data(), static_cast<std::uint32_t>(requestType));
    storeLe32(in.data() + 4, flags);
    return in;
}

// A CDROM_EXCLUSIVE_LOCK input: `name` copied as given (at most 64 bytes), the rest zero.
std::vector<std::uint8_t> lockInput(std::string_view name, std::uint32_t flags = 0)
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

LockState query(DeviceHandle& handle, std::uint32_t flags = 0)
{
    std::vector<std::uint8_t> out(kStateSize + 15, kUntouched);
    LockState s;
    s.result = handle.control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessQueryState, flags), out);
    s.lockState = out[0];
    std::memcpy(s.name.data(), out.data() + 1, kNameSize);
    s.tailUntouched = allUntouched(std::span(out).subspan(kStateSize));
    return s;
}

// Expects the device unlocked, as seen by `handle` (which needs READ|WRITE access).
void expectUnlocked(DeviceHandle& handle, const char* when)
{
    const LockState s = query(handle);
    ASSERT_THAT_STATUS(s.result.status, status::Success) << when;
    EXPECT_EQ(s.lockState, ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE) << when;
}

// Expects the device locked under `name`, as seen by `handle`.
void expectLockedBy(DeviceHandle& handle, std::string_view name, const char* when)
{
    const LockState s = query(handle);
    ASSERT_THAT_STATUS(s.result.status, status::Success) << when;
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
        EXPECT_THAT_STATUS(r.status, status::Success) << "giving the exclusive lock back";
    }
    ControlResult lock(std::string_view name = kName, std::uint32_t flags = 0) { return lockRaw(lockInput(name, flags)); }
    // Any EXCLUSIVE_ACCESS request that might lock: a success is remembered, so the destructor gives it back.
    ControlResult lockRaw(std::span<const std::uint8_t> input, std::span<std::uint8_t> output = {})
    {
        const ControlResult r = owner_.control(codes::CdromExclusiveAccess, input, output);
        if (r.status.isSuccess()) held_ = true;
        return r;
    }
    ControlResult unlock(std::uint32_t flags = ioctl::CDROM_NO_MEDIA_NOTIFICATIONS)
    {
        const ControlResult r = owner_.control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessUnlockDevice, flags), {});
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

std::unique_ptr<DeviceHandle> openOrNull(Device& device, HandleAccess access, std::string& why)
{
    try {
        return device.open(access);
    } catch (const DeviceError& e) {
        why = std::string("cannot open a second handle: ") + e.what();
        return nullptr;
    }
}

const auto devices = [] { return testing::ValuesIn(fixtures::DeviceRegistry::instance().params()); };

// --- Query ------------------------------------------------------------------------------------------------

class ExclusiveAccessQuery : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }
};

TEST_P(ExclusiveAccessQuery, ReportsNotLockedWithAZeroCallerName)
{
    const LockState s = query(handle());
    ASSERT_THAT_STATUS(s.result.status, status::Success);
    EXPECT_EQ(s.result.information, kStateSize) << "the reply is one CDROM_EXCLUSIVE_LOCK_STATE";
    EXPECT_EQ(s.lockState, ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE);
    EXPECT_TRUE(s.nameIs("")) << "an unlocked device reports an all-zero caller name, not \"" << s.nameString() << "\"";
    EXPECT_TRUE(s.tailUntouched) << "bytes past the 65-byte reply must be left as the caller had them";
}

TEST_P(ExclusiveAccessQuery, IgnoresTheFlags)
{
    const LockState s = query(handle(), 0xFFFFFFFFu);
    ASSERT_THAT_STATUS(s.result.status, status::Success);
    EXPECT_EQ(s.result.information, kStateSize);
    EXPECT_EQ(s.lockState, ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE);
}

TEST_P(ExclusiveAccessQuery, AcceptsTheLockStructureAsInput)
{
    // A query reads only the first 8 bytes; a longer input is no error.
    std::vector<std::uint8_t> in = lockInput(kName);
    storeLe32(in.data(), static_cast<std::uint32_t>(ioctl::ExclusiveAccessQueryState));
    std::vector<std::uint8_t> out(kStateSize, kUntouched);
    const ControlResult r = control(codes::CdromExclusiveAccess, in, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, kStateSize);
    EXPECT_EQ(out[0], ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE) << "a query never locks";
}

// --- V-stage (RequestValidateExclusiveAccess) ---------------------------------------------------------------

class ExclusiveAccessValidation : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }
};

TEST_P(ExclusiveAccessValidation, RejectsAnInputShorterThanEightBytesWithInfoLengthMismatch)
{
    ExclusiveLock guard(handle());  // gives back a lock a faulty driver might take
    for (const std::int32_t type : {ioctl::ExclusiveAccessQueryState, ioctl::ExclusiveAccessLockDevice, ioctl::ExclusiveAccessUnlockDevice}) {
        for (const std::size_t length : {std::size_t{0}, std::size_t{4}, std::size_t{7}}) {
            SCOPED_TRACE("RequestType " + std::to_string(type) + ", input length " + std::to_string(length));
            std::vector<std::uint8_t> in = type == ioctl::ExclusiveAccessLockDevice ? lockInput(kName) : accessInput(type);
            in.resize(length);
            std::vector<std::uint8_t> out(kStateSize, kUntouched);
            const ControlResult r = guard.lockRaw(in, out);
            EXPECT_THAT_STATUS(r.status, status::InfoLengthMismatch);
            EXPECT_TRUE(allUntouched(out)) << "nothing is copied back on an error status";
        }
    }
    expectUnlocked(handle(), "after the short inputs");
}

TEST_P(ExclusiveAccessValidation, RejectsAQueryWithAnOutputShorterThan65BytesWithBufferTooSmall)
{
    for (const std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{64}}) {
        SCOPED_TRACE("output length " + std::to_string(length));
        std::vector<std::uint8_t> out(length, kUntouched);
        const ControlResult r = control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessQueryState), out);
        EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
        // Information (65) is not asserted: user mode cannot see it on an error status (contracts Q8).
        EXPECT_TRUE(allUntouched(out));
    }
}

TEST_P(ExclusiveAccessValidation, RejectsALockShorterThan72BytesWithInfoLengthMismatch)
{
    ExclusiveLock guard(handle());
    for (const std::size_t length : {kAccessSize, kAccessSize + 1, kLockSize - 1}) {
        SCOPED_TRACE("input length " + std::to_string(length));
        std::vector<std::uint8_t> in = lockInput("x");  // a valid name whose NUL lies within every length tried
        in.resize(length);
        const ControlResult r = guard.lockRaw(in);
        EXPECT_THAT_STATUS(r.status, status::InfoLengthMismatch);
    }
    expectUnlocked(handle(), "after the short lock inputs");
}

TEST_P(ExclusiveAccessValidation, RejectsAnUnknownRequestTypeWithInvalidParameter)
{
    ExclusiveLock guard(handle());
    for (const std::int32_t type : {3, 4, -1, 0x7FFFFFFF}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        std::vector<std::uint8_t> in = lockInput(kName);  // long enough for any request type
        storeLe32(in.data(), static_cast<std::uint32_t>(type));
        std::vector<std::uint8_t> out(kStateSize, kUntouched);
        const ControlResult r = guard.lockRaw(in, out);
        EXPECT_THAT_STATUS(r.status, status::InvalidParameter);
        EXPECT_TRUE(allUntouched(out));
    }
    expectUnlocked(handle(), "after the unknown request types");
}

TEST_P(ExclusiveAccessValidation, UnlockNeedsNoOutputAndFailsWithInvalidDeviceRequestWhenNotLocked)
{
    // Row 3c: an unlock has no size check past the 8-byte header; on an unlocked device it fails in the handler.
    std::vector<std::uint8_t> out(kStateSize, kUntouched);
    const ControlResult r = control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessUnlockDevice), out);
    EXPECT_THAT_STATUS(r.status, status::InvalidDeviceRequest);
    EXPECT_TRUE(allUntouched(out));
}

// --- Handle access ----------------------------------------------------------------------------------------

class ExclusiveAccessHandleRights : public fixtures::DeviceTest {};  // the test's handle has READ access only

TEST_P(ExclusiveAccessHandleRights, RefusesAReadOnlyHandleWithAccessDenied)
{
    // FILE_READ_ACCESS | FILE_WRITE_ACCESS: the I/O manager refuses a read-only handle before the driver (§1 step 1).
    std::vector<std::uint8_t> out(kStateSize, kUntouched);
    const ControlResult q = control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessQueryState), out);
    EXPECT_THAT_STATUS(q.status, status::AccessDenied) << "query";
    EXPECT_TRUE(allUntouched(out));
    std::string why;
    auto rw = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!rw) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(handle());
    EXPECT_THAT_STATUS(guard.lock().status, status::AccessDenied) << "lock";
    expectUnlocked(*rw, "after a lock from a read-only handle");
}

TEST_P(ExclusiveAccessHandleRights, RefusesAHandleWithoutRightsWithAccessDenied)
{
    std::string why;
    auto none = openOrNull(device(), HandleAccess::None, why);
    if (!none) GTEST_SKIP() << "NotSupported: " << why;
    std::vector<std::uint8_t> out(kStateSize, kUntouched);
    const ControlResult q = none->control(codes::CdromExclusiveAccess, accessInput(ioctl::ExclusiveAccessQueryState), out);
    EXPECT_THAT_STATUS(q.status, status::AccessDenied);
    EXPECT_TRUE(allUntouched(out));
}

// --- Lock and unlock: the caller name and the owner ----------------------------------------------------------

class ExclusiveAccessLock : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }
    std::vector<Requirement> requirements() const override { return {Requirement::NoVolumeMounted}; }
};

TEST_P(ExclusiveAccessLock, LocksAndQueryReportsTheCallerName)
{
    ExclusiveLock guard(handle());
    const ControlResult r = guard.lock();
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u) << "a lock returns no data";
    const LockState s = query(handle());
    ASSERT_THAT_STATUS(s.result.status, status::Success);
    EXPECT_EQ(s.result.information, kStateSize);
    EXPECT_EQ(s.lockState, ioctl::CDROM_IN_EXCLUSIVE_MODE);
    EXPECT_TRUE(s.nameIs(kName)) << "caller name \"" << s.nameString() << "\"";
    EXPECT_TRUE(s.tailUntouched);
    const ControlResult u = guard.unlock();
    ASSERT_THAT_STATUS(u.status, status::Success);
    EXPECT_EQ(u.information, 0u);
    const LockState after = query(handle());
    ASSERT_THAT_STATUS(after.result.status, status::Success);
    EXPECT_EQ(after.lockState, ioctl::CDROM_NOT_IN_EXCLUSIVE_MODE);
    EXPECT_TRUE(after.nameIs("")) << "once unlocked the caller name reads all zero, not \"" << after.nameString() << "\"";
}

TEST_P(ExclusiveAccessLock, AnotherHandleQueriesTheOwnersName)
{
    std::string why;
    auto other = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!other) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    expectLockedBy(*other, kName, "queried by another handle");
}

TEST_P(ExclusiveAccessLock, AcceptsNamesOfOneAndSixtyThreeCharacters)
{
    for (const std::string& name : {std::string("a"), std::string(63, 'Z')}) {
        SCOPED_TRACE("name of " + std::to_string(name.size()) + " characters");
        ExclusiveLock guard(handle());
        ASSERT_THAT_STATUS(guard.lock(name).status, status::Success);
        expectLockedBy(handle(), name, "after the lock");
    }
}

TEST_P(ExclusiveAccessLock, AcceptsEveryAllowedCharacter)
{
    // Letters, digits, space and . , : ; _ - (two names: together they are longer than 63 characters).
    for (const std::string name : {"0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;_-", "abcdefghijklmnopqrstuvwxyz .,:;_-"}) {
        SCOPED_TRACE("name \"" + name + "\"");
        ASSERT_LT(name.size(), kNameSize);
        ExclusiveLock guard(handle());
        ASSERT_THAT_STATUS(guard.lock(name).status, status::Success);
        expectLockedBy(handle(), name, "after the lock");
    }
}

TEST_P(ExclusiveAccessLock, IgnoresBytesAfterTheNameTerminator)
{
    // Only the bytes before the first NUL are checked; the stored name is zero-padded past its NUL.
    std::string raw("ok", 2);
    raw.push_back('\0');
    raw += "!!/**\x7F";
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock(raw).status, status::Success);
    expectLockedBy(handle(), "ok", "after the lock");
}

// Lock rows 2 and 3 come before the mounted-volume rule (row 4), so a bad name is refused on every device.
class ExclusiveAccessCallerName : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }
};

TEST_P(ExclusiveAccessCallerName, RejectsACharacterOutsideTheAllowedSetWithInvalidParameter)
{
    for (const char bad : {'!', '/', '\\', '*', '?', '"', '\t', '\x7F', '\x80', '\xE9', '\xFF'}) {
        SCOPED_TRACE("byte 0x" + [&] {
            char hex[3];
            std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned>(static_cast<std::uint8_t>(bad)));
            return std::string(hex);
        }());
        ExclusiveLock guard(handle());
        EXPECT_THAT_STATUS(guard.lock(std::string("cdcts") + bad + "x").status, status::InvalidParameter);
        expectUnlocked(handle(), "after the refused lock");
    }
}

TEST_P(ExclusiveAccessCallerName, RejectsAnEmptyNameWithInvalidParameter)
{
    ExclusiveLock guard(handle());
    EXPECT_THAT_STATUS(guard.lock("").status, status::InvalidParameter);
    expectUnlocked(handle(), "after the refused lock");
}

TEST_P(ExclusiveAccessCallerName, RejectsANameWithoutTerminatorInSixtyFourBytesWithInvalidParameter)
{
    ExclusiveLock guard(handle());
    EXPECT_THAT_STATUS(guard.lock(std::string(kNameSize, 'a')).status, status::InvalidParameter);
    expectUnlocked(handle(), "after the refused lock");
}

TEST_P(ExclusiveAccessLock, AcceptsBothFlags)
{
    // CDROM_LOCK_IGNORE_VOLUME only matters with a mounted volume; CDROM_NO_MEDIA_NOTIFICATIONS changes nothing at lock.
    for (const std::uint32_t flags : {ioctl::CDROM_LOCK_IGNORE_VOLUME, ioctl::CDROM_NO_MEDIA_NOTIFICATIONS,
                                      ioctl::CDROM_LOCK_IGNORE_VOLUME | ioctl::CDROM_NO_MEDIA_NOTIFICATIONS}) {
        SCOPED_TRACE("Flags " + std::to_string(flags));
        ExclusiveLock guard(handle());
        ASSERT_THAT_STATUS(guard.lock(kName, flags).status, status::Success);
        expectLockedBy(handle(), kName, "after the lock");
    }
}

TEST_P(ExclusiveAccessLock, RefusesASecondLockByTheOwnerWithAccessDenied)
{
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    EXPECT_THAT_STATUS(handle().control(codes::CdromExclusiveAccess, lockInput("another name"), {}).status, status::AccessDenied);
    expectLockedBy(handle(), kName, "the first lock stands, under its own name");
}

TEST_P(ExclusiveAccessLock, RefusesALockFromAnotherHandleWithAccessDenied)
{
    std::string why;
    auto other = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!other) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    ExclusiveLock intruder(*other);
    EXPECT_THAT_STATUS(intruder.lock("intruder").status, status::AccessDenied);
    expectLockedBy(*other, kName, "the owner keeps the lock");
}

TEST_P(ExclusiveAccessLock, ChecksTheNameBeforeTheExistingLock)
{
    // Lock rows 2-3 come before row 5: a bad name is INVALID_PARAMETER even while the device is locked.
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    EXPECT_THAT_STATUS(handle().control(codes::CdromExclusiveAccess, lockInput("bad/name"), {}).status, status::InvalidParameter);
    EXPECT_THAT_STATUS(handle().control(codes::CdromExclusiveAccess, lockInput(""), {}).status, status::InvalidParameter);
}

TEST_P(ExclusiveAccessLock, RefusesAnUnlockFromAnotherHandleWithInvalidHandle)
{
    std::string why;
    auto other = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!other) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    const ControlResult r = other->control(codes::CdromExclusiveAccess,
                                           accessInput(ioctl::ExclusiveAccessUnlockDevice, ioctl::CDROM_NO_MEDIA_NOTIFICATIONS), {});
    EXPECT_THAT_STATUS(r.status, status::InvalidHandle);
    expectLockedBy(handle(), kName, "after another handle's unlock");
}

TEST_P(ExclusiveAccessLock, ClosingTheOwnersHandleReleasesTheLock)
{
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    {
        ExclusiveLock guard(*owner);
        ASSERT_THAT_STATUS(guard.lock().status, status::Success);
        expectLockedBy(handle(), kName, "while the owner's handle is open");
        guard.releasedByClose();
        owner.reset();
    }
    expectUnlocked(handle(), "after the owner's handle closed");
    ExclusiveLock mine(handle());
    EXPECT_THAT_STATUS(mine.lock("next owner").status, status::Success) << "the device can be locked again";
}

TEST_P(ExclusiveAccessLock, ClosingAnotherHandleKeepsTheLock)
{
    std::string why;
    auto other = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!other) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(handle());
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    other.reset();
    expectLockedBy(handle(), kName, "after a non-owner's handle closed");
}

TEST_P(ExclusiveAccessLock, ClosingTheOwnersHandleReportsAMediaChange)
{
    if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: needs a disc (expect.medium_present) to see the media change";
    // The close unlocks exactly like an unlock with Flags 0 (§3.5): the medium goes away and back, counted once.
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    const media::Verify before = media::checkVerifyAfterChange(handle());
    ASSERT_THAT_STATUS(before.result.status, status::Success);
    ASSERT_TRUE(before.count.has_value());
    {
        ExclusiveLock guard(*owner);
        ASSERT_THAT_STATUS(guard.lock().status, status::Success);
        guard.releasedByClose();
        owner.reset();
    }
    const media::Verify after = media::checkVerifyAfterChange(handle());
    ASSERT_THAT_STATUS(after.result.status, status::Success);
    ASSERT_TRUE(after.count.has_value());
    EXPECT_EQ(*after.count - *before.count, 1u) << "closing the owner's handle counts one media change";
}

TEST_P(ExclusiveAccessLock, UnlockReportsAMediaChangeUnlessAskedNotTo)
{
    if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: needs a disc (expect.medium_present) to see the media change";
    // Unlock with Flags 0 takes the medium away and back (§3.5, §7.3): the media-change count goes up by one.
    // With CDROM_NO_MEDIA_NOTIFICATIONS it does not.
    const media::Verify before = media::checkVerifyAfterChange(handle());
    ASSERT_THAT_STATUS(before.result.status, status::Success);
    ASSERT_TRUE(before.count.has_value());
    {
        ExclusiveLock guard(handle());
        ASSERT_THAT_STATUS(guard.lock().status, status::Success);
        ASSERT_THAT_STATUS(guard.unlock(ioctl::CDROM_NO_MEDIA_NOTIFICATIONS).status, status::Success);
    }
    const media::Verify quiet = media::checkVerifyAfterChange(handle());
    ASSERT_THAT_STATUS(quiet.result.status, status::Success);
    ASSERT_TRUE(quiet.count.has_value());
    EXPECT_EQ(*quiet.count - *before.count, 0u) << "an unlock with CDROM_NO_MEDIA_NOTIFICATIONS reports no media change";
    {
        ExclusiveLock guard(handle());
        ASSERT_THAT_STATUS(guard.lock().status, status::Success);
        ASSERT_THAT_STATUS(guard.unlock(0).status, status::Success);
    }
    const media::Verify loud = media::checkVerifyAfterChange(handle());
    ASSERT_THAT_STATUS(loud.result.status, status::Success);
    ASSERT_TRUE(loud.count.has_value());
    EXPECT_EQ(*loud.count - *quiet.count, 1u) << "an unlock with Flags 0 counts one media change";
}

// Lock row 4: with a file system volume mounted, a lock without CDROM_LOCK_IGNORE_VOLUME is refused.
class ExclusiveAccessMountedVolume : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }
    std::vector<Requirement> requirements() const override { return {Requirement::VolumeMounted}; }
};

TEST_P(ExclusiveAccessMountedVolume, RefusesALockWithoutIgnoreVolumeWithInvalidDeviceState)
{
    ExclusiveLock guard(handle());
    EXPECT_THAT_STATUS(guard.lock(kName, 0).status, status::InvalidDeviceState);
    EXPECT_THAT_STATUS(guard.lock(kName, ioctl::CDROM_NO_MEDIA_NOTIFICATIONS).status, status::InvalidDeviceState);
    expectUnlocked(handle(), "after the refused locks");
    // The lock with CDROM_LOCK_IGNORE_VOLUME is not tried here: its unlock makes the file system verify the
    // volume (DO_VERIFY_VOLUME), which a drive in use should not be put through.
}

// --- The gate: what other handles get while the device is locked (§1 steps 2 and 5) ---------------------------

// The test's handle (READ access) is the non-owner; a second READ|WRITE handle owns the lock.
struct CodeCase {
    const char* name;
    ioctl::ControlCode code;
    std::vector<std::uint8_t> input;
    std::size_t outLength;
};

class ExclusiveAccessGate : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::NoVolumeMounted}; }

    // Each case's status on the test's handle, its output buffer filled with kUntouched first.
    std::vector<ioctl::NtStatus> statusesOf(const std::vector<CodeCase>& cases)
    {
        std::vector<ioctl::NtStatus> statuses;
        for (const CodeCase& c : cases) {
            std::vector<std::uint8_t> out(c.outLength, kUntouched);
            statuses.push_back(control(c.code, c.input, out).status);
        }
        return statuses;
    }
};

// STORAGE_PROPERTY_QUERY {PropertyId, QueryType, AdditionalParameters[1]} (12 bytes).
std::vector<std::uint8_t> propertyQuery(std::uint32_t propertyId, std::uint32_t queryType)
{
    std::vector<std::uint8_t> in(12, 0);
    storeLe32(in.data(), propertyId);
    storeLe32(in.data() + 4, queryType);
    return in;
}


TEST_P(ExclusiveAccessGate, DeniesANonOwnerTheCodesOfEveryGatedDeviceType)
{
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    const std::vector<CodeCase> cases = {
        {"IOCTL_CDROM_CHECK_VERIFY (CD_ROM)", codes::CdromCheckVerify, {}, 4},
        {"IOCTL_CDROM_READ_TOC (CD_ROM)", codes::CdromReadToc, {}, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE)},
        {"IOCTL_CDROM_GET_DRIVE_GEOMETRY (CD_ROM)", codes::CdromGetDriveGeometry, {}, sizeof(ioctl::DISK_GEOMETRY)},
        {"IOCTL_CDROM_MEDIA_REMOVAL (CD_ROM, normalised to STORAGE)", codes::CdromMediaRemoval, media::preventInput(0), 0},
        {"IOCTL_STORAGE_CHECK_VERIFY (MASS_STORAGE)", codes::StorageCheckVerify, {}, 4},
        {"IOCTL_STORAGE_READ_CAPACITY (MASS_STORAGE)", codes::StorageReadCapacity, {}, 24},
        {"IOCTL_STORAGE_QUERY_PROPERTY StorageDeviceIdProperty (MASS_STORAGE)", codes::StorageQueryProperty, propertyQuery(2, 0), 512},
        {"IOCTL_DISK_GET_DRIVE_GEOMETRY (DISK)", codes::DiskGetDriveGeometry, {}, sizeof(ioctl::DISK_GEOMETRY)},
        {"IOCTL_DISK_CHECK_VERIFY (DISK)", codes::DiskCheckVerify, {}, 4},
        {"IOCTL_SCSI_GET_CAPABILITIES (SCSI)", ioctl::ControlCode::make(ioctl::DeviceType::Controller, 0x0404, ioctl::Method::Buffered, ioctl::RequiredAccess::Any), {}, 64},
        {"IOCTL_DVD_READ_STRUCTURE (DVD)", ioctl::ControlCode::make(ioctl::DeviceType::Dvd, 0x0450, ioctl::Method::Buffered, ioctl::RequiredAccess::Read), std::vector<std::uint8_t>(24, 0), 64},
    };
    for (const CodeCase& c : cases) {
        SCOPED_TRACE(c.name);
        std::vector<std::uint8_t> out(c.outLength, kUntouched);
        const ControlResult r = control(c.code, c.input, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "a non-owner is refused at the gate";
        EXPECT_TRUE(allUntouched(out));
    }
}

TEST_P(ExclusiveAccessGate, DeniesANonOwnerReadFile)
{
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    std::vector<std::uint8_t> buffer(2048, kUntouched);
    const ControlResult r = read(16 * 2048, buffer);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "IRP_MJ_READ from a non-owner";
    EXPECT_TRUE(allUntouched(buffer));
}

TEST_P(ExclusiveAccessGate, LetsTheAllowedCodesThroughToANonOwner)
{
    // Each allowed code is answered as it would be without the lock (compared by status; GET_MEDIA_TYPES_EX may
    // leave MEDIA_CURRENTLY_MOUNTED out while locked, so its data is not compared).
    const std::vector<CodeCase> cases = {
        {"IOCTL_CDROM_GET_INQUIRY_DATA", codes::CdromGetInquiryData, {}, ioctl::MAXIMUM_CDROM_INQUIRY_SIZE},
        {"IOCTL_SCSI_GET_ADDRESS", codes::ScsiGetAddress, {}, 64},
        {"IOCTL_STORAGE_GET_HOTPLUG_INFO", codes::StorageGetHotplugInfo, {}, 64},
        {"IOCTL_STORAGE_GET_DEVICE_NUMBER", codes::StorageGetDeviceNumber, {}, 64},
        {"IOCTL_STORAGE_GET_MEDIA_TYPES_EX", codes::StorageGetMediaTypesEx, {}, 512},
        {"IOCTL_STORAGE_QUERY_PROPERTY StorageDeviceProperty standard", codes::StorageQueryProperty, propertyQuery(0, 0), 512},
        {"IOCTL_STORAGE_QUERY_PROPERTY StorageAdapterProperty standard", codes::StorageQueryProperty, propertyQuery(1, 0), 512},
        {"IOCTL_STORAGE_QUERY_PROPERTY StorageDeviceIdProperty exists", codes::StorageQueryProperty, propertyQuery(2, 1), 512},
    };
    const std::vector<ioctl::NtStatus> unlocked = statusesOf(cases);
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    const std::vector<ioctl::NtStatus> locked = statusesOf(cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(cases[i].name);
        EXPECT_NE(locked[i], status::AccessDenied) << "an allowed code passes the gate";
        EXPECT_THAT_STATUS(locked[i], unlocked[i]) << "answered as without the lock";
    }
    // EXCLUSIVE_ACCESS itself is allowed: another READ|WRITE handle may query.
    auto other = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!other) GTEST_SKIP() << "NotSupported: " << why;
    expectLockedBy(*other, kName, "queried by a non-owner");
}

TEST_P(ExclusiveAccessGate, LetsCodesOfOtherDeviceTypesThrough)
{
    // Device types other than SCSI, DISK, CD_ROM, MASS_STORAGE and DVD pass the gate and are forwarded as usual.
    const std::vector<CodeCase> cases = {
        {"TAPE type, function 0x010", ioctl::ControlCode::make(ioctl::DeviceType::Tape, 0x0010, ioctl::Method::Buffered, ioctl::RequiredAccess::Any), {}, 64},
        {"UNKNOWN (0x22) type, function 0x800", ioctl::ControlCode::make(std::uint16_t{0x0022}, 0x0800, ioctl::Method::Buffered, ioctl::RequiredAccess::Any), {}, 64},
    };
    const std::vector<ioctl::NtStatus> unlocked = statusesOf(cases);
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    const std::vector<ioctl::NtStatus> locked = statusesOf(cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(cases[i].name);
        EXPECT_THAT_STATUS(locked[i], unlocked[i]) << "answered as without the lock";
    }
}

TEST_P(ExclusiveAccessGate, TheOwnerKeepsFullService)
{
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    const bool medium = spec().expect.mediumPresent.value_or(false);
    struct Answer {
        ControlResult result;
        std::vector<std::uint8_t> data;
    };
    const auto ask = [&](DeviceHandle& h) {
        std::vector<Answer> answers;
        std::vector<std::uint8_t> verify(4, kUntouched);
        answers.push_back({h.control(codes::CdromCheckVerify, {}, verify), {}});  // the count itself may move
        std::vector<std::uint8_t> geometry(sizeof(ioctl::DISK_GEOMETRY), kUntouched);
        answers.push_back({h.control(codes::CdromGetDriveGeometry, {}, geometry), geometry});
        std::vector<std::uint8_t> toc(alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE), kUntouched);
        answers.push_back({h.control(codes::CdromReadToc, {}, toc), toc});
        std::vector<std::uint8_t> sector(2048, kUntouched);
        answers.push_back({h.read(16 * 2048, sector), medium ? sector : std::vector<std::uint8_t>{}});
        return answers;
    };
    const char* names[] = {"CHECK_VERIFY", "GET_DRIVE_GEOMETRY", "READ_TOC", "ReadFile"};
    const std::vector<Answer> before = ask(*owner);
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    const std::vector<Answer> during = ask(*owner);
    for (std::size_t i = 0; i < before.size(); ++i) {
        SCOPED_TRACE(names[i]);
        EXPECT_THAT_STATUS(during[i].result.status, before[i].result.status) << "the owner is answered as without the lock";
        if (before[i].result.status.isSuccess() && during[i].result.status.isSuccess()) {
            EXPECT_EQ(during[i].result.information, before[i].result.information);
            EXPECT_EQ(during[i].data, before[i].data);
        }
    }
}

TEST_P(ExclusiveAccessGate, ServesANonOwnerAgainAfterTheUnlock)
{
    std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY), kUntouched);
    const ControlResult before = control(codes::CdromGetDriveGeometry, {}, out);
    std::string why;
    auto owner = openOrNull(device(), HandleAccess::ReadWrite, why);
    if (!owner) GTEST_SKIP() << "NotSupported: " << why;
    ExclusiveLock guard(*owner);
    ASSERT_THAT_STATUS(guard.lock().status, status::Success);
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, out).status, status::AccessDenied) << "while locked";
    ASSERT_THAT_STATUS(guard.unlock().status, status::Success);
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, out).status, before.status) << "after the unlock";
}

INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessQuery, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessValidation, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessHandleRights, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessLock, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessCallerName, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessMountedVolume, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessGate, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessQuery);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessHandleRights);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessLock);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessCallerName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessMountedVolume);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessGate);

}  // namespace
}  // namespace cdcts::suites
