// The exclusive-lock gate (ioctl-contracts.md §1 steps 2 and 5, §3.5): what another handle sees while the device is
// locked (ACCESS_DENIED for the gated device types, the allowed list passes) and what the owner keeps. The lock
// itself (query, lock, unlock, caller names, V-stage) is exclusive_access_suite.cpp.
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

INSTANTIATE_TEST_SUITE_P(, ExclusiveAccessGate, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExclusiveAccessGate);

}  // namespace
}  // namespace cdcts::suites
