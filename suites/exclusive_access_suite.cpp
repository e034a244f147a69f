// IOCTL_CDROM_EXCLUSIVE_ACCESS (ioctl-contracts.md §3.5): query, lock and unlock with their caller-name rules, and
// every V-stage row. What other handles see while the device is locked (the gate, §1 steps 2 and 5) is
// exclusive_access_gate_suite.cpp.
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
#include "suites/exclusive_access_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
namespace codes = ioctl::codes;
namespace status = ioctl::status;
using namespace exclusive;

using fixtures::devices;

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

INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessQuery, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessValidation, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessHandleRights, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessLock, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessCallerName, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessMountedVolume, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessQuery);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessHandleRights);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessLock);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessCallerName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessMountedVolume);

}  // namespace
}  // namespace cdcts::suites
