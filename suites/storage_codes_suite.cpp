// The catalog's STORAGE, DISK and SCSI codes that no CD-ROM family suite names (ioctl-contracts.md §1, §2.1, §3.1,
// §3.3, §3.9, §3.11). For each, what the contracts pin whatever the device:
//   StorageCode.AccessCheckFollowsTheCodesAccessBits   a handle without read rights is refused before the driver
//                                                      for READ (and READ|WRITE) codes, let through for ANY codes;
//   StorageCode.ExclusiveGateAsSectionOneSays          with another handle's exclusive lock, the allow-listed codes
//                                                      answer as for the owner, every other code of a gated device
//                                                      type is STATUS_ACCESS_DENIED with nothing copied back.
// And the positive and negative cases of the codes the class driver itself serves: STORAGE_LOAD_MEDIA,
// EJECTION_CONTROL, MCN_CONTROL, DISK_GET_DRIVE_GEOMETRY(_EX), DISK_CHECK_VERIFY.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "harness/ioctl/code_token.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "suites/exclusive_lock_guard.hpp"
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using namespace media;

// --- The table: each code, its value typed from the documents, and a well-formed request --------------------------

struct StorageCodeCase {
    const char* name;   // SDK name
    std::uint32_t value;  // typed from ntddstor.h / ntdddisk.h / ntddscsi.h values in §2.1 and the catalog
    ioctl::RequiredAccess access;
    bool gateAllows;    // on the exclusive-lock gate's allow list (§1 step 2) for this request
    std::vector<std::uint8_t> input;
    std::size_t outputLength;
};

// STORAGE_PROPERTY_QUERY {PropertyId, QueryType, AdditionalParameters} (ntddstor.h), 12 bytes.
std::vector<std::uint8_t> propertyQuery(std::uint32_t propertyId, std::uint32_t queryType)
{
    std::vector<std::uint8_t> in(12, 0);
    storeLe32(in.data(), propertyId);
    storeLe32(in.data() + 4, queryType);
    return in;
}
constexpr std::uint32_t kStorageDeviceProperty = 0, kStorageDeviceIdProperty = 2;
constexpr std::uint32_t kPropertyStandardQuery = 0, kPropertyExistsQuery = 1;

std::vector<StorageCodeCase> storageCodeCases()
{
    using A = ioctl::RequiredAccess;
    return {
        {"IOCTL_STORAGE_LOAD_MEDIA", 0x002D480C, A::Read, false, {}, 0},
        {"IOCTL_STORAGE_EJECTION_CONTROL", 0x002D0940, A::Any, false, preventInput(0), 0},
        {"IOCTL_STORAGE_MCN_CONTROL", 0x002D0944, A::Any, false, preventInput(0), 0},
        {"IOCTL_STORAGE_GET_MEDIA_TYPES_EX", 0x002D0C04, A::Any, true, {}, 64},
        {"IOCTL_STORAGE_GET_HOTPLUG_INFO", 0x002D0C14, A::Any, true, {}, 8},
        {"IOCTL_STORAGE_GET_DEVICE_NUMBER", 0x002D1080, A::Any, true, {}, 12},
        {"IOCTL_STORAGE_READ_CAPACITY", 0x002D5140, A::Read, false, {}, 32},
        // Standard device-property query: allowed; a device-id query is not (§1 step 2).
        {"IOCTL_STORAGE_QUERY_PROPERTY", 0x002D1400, A::Any, true, propertyQuery(kStorageDeviceProperty, kPropertyStandardQuery), 64},
        {"IOCTL_DISK_GET_DRIVE_GEOMETRY", 0x00070000, A::Any, false, {}, sizeof(ioctl::DISK_GEOMETRY)},
        {"IOCTL_DISK_GET_LENGTH_INFO", 0x0007405C, A::Read, false, {}, 8},
        {"IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", 0x000700A0, A::Any, false, {}, ioctl::DISK_GEOMETRY_EX::kReturnedSize},
        {"IOCTL_DISK_CHECK_VERIFY", 0x00074800, A::Read, false, {}, 4},
        // Pass-through with an empty request: the gate decides before anything reads the structure.
        {"IOCTL_SCSI_PASS_THROUGH", 0x0004D004, A::ReadWrite, false, {}, 0},
        {"IOCTL_SCSI_PASS_THROUGH_DIRECT", 0x0004D014, A::ReadWrite, false, {}, 0},
        {"IOCTL_SCSI_GET_ADDRESS", 0x00041018, A::Any, true, {}, 8},
    };
}

struct StorageCodeParam {
    std::string id;
    StorageCodeCase code;
    std::string variant;  // a second request shape of the same code, in the test name
};
void PrintTo(const StorageCodeParam& p, std::ostream* os) { *os << p.id << ' ' << p.code.name << ' ' << p.variant; }

std::vector<StorageCodeParam> storageCodeParams(bool withVariants)
{
    std::vector<StorageCodeParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const StorageCodeCase& c : storageCodeCases()) {
            out.push_back({d.id, c, {}});
            if (withVariants && std::string(c.name) == "IOCTL_STORAGE_QUERY_PROPERTY") {
                StorageCodeCase exists = c, deviceId = c;
                exists.input = propertyQuery(kStorageDeviceIdProperty, kPropertyExistsQuery);
                deviceId.input = propertyQuery(kStorageDeviceIdProperty, kPropertyStandardQuery);
                deviceId.gateAllows = false;
                out.push_back({d.id, exists, "DeviceIdExists"});
                out.push_back({d.id, deviceId, "DeviceIdStandard"});
            }
        }
    return out;
}
std::string storageCodeName(const testing::TestParamInfo<StorageCodeParam>& info)
{
    return info.param.id + "_" + ioctl::codeToken(info.param.code.name) + (info.param.variant.empty() ? "" : "_" + info.param.variant);
}

class StorageCode : public fixtures::DeviceTestOf<StorageCodeParam> {
protected:
    const StorageCodeCase& c() const { return GetParam().code; }
    ioctl::ControlCode code() const { return ioctl::ControlCode{c().value}; }
};

TEST_P(StorageCode, ValueIsTheHeaderValue)
{
    const ioctl::CodeInfo* row = ioctl::findCode(c().name);
    ASSERT_NE(row, nullptr) << c().name << " is not in the catalog";
    ASSERT_TRUE(row->value.has_value());
    EXPECT_EQ(row->value->value, c().value) << "the catalog disagrees with the header value";
    EXPECT_EQ(code().access(), c().access);
}

TEST_P(StorageCode, AccessCheckFollowsTheCodesAccessBits)
{
    // §1 step 1 / §0.2: the I/O manager checks the access bits against the handle before the driver sees the code.
    std::unique_ptr<DeviceHandle> none;
    try {
        none = device().open(HandleAccess::None);
    } catch (const DeviceError& e) {
        GTEST_SKIP() << "NotSupported: cannot open a handle without access rights: " << e.what();
    }
    // EJECTION_CONTROL and MCN_CONTROL carry 0 (allow): with nothing held it changes nothing, whatever it answers.
    std::vector<std::uint8_t> out(c().outputLength, kUntouched), readOut(c().outputLength, kUntouched);
    const ControlResult r = none->control(code(), c().input, out);
    if (c().access != ioctl::RequiredAccess::Any) {
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "access bits need read rights";
        EXPECT_EQ(r.information, 0u);
        EXPECT_TRUE(allUntouched(out));
        return;
    }
    // FILE_ANY_ACCESS: the driver answers as it answers a read handle.
    const ControlResult withRead = control(code(), c().input, readOut);
    EXPECT_THAT_STATUS(r.status, withRead.status);
    EXPECT_EQ(r.information, withRead.information);
    EXPECT_EQ(out, readOut);
}

TEST_P(StorageCode, ExclusiveGateAsSectionOneSays)
{
    std::unique_ptr<ExclusiveLockGuard> exclusive;
    try {
        exclusive = std::make_unique<ExclusiveLockGuard>(device());
    } catch (const DeviceError& e) {
        GTEST_SKIP() << "NotSupported: no read/write handle for the exclusive lock: " << e.what();
    }
    std::vector<std::uint8_t> ownerOut(c().outputLength, kUntouched);
    ASSERT_THAT_STATUS(exclusive->lock().status, status::Success);
    const ControlResult owner = exclusive->owner().control(code(), c().input, ownerOut);
    // A READ|WRITE code from a read/write non-owner, so the I/O manager's access check is not what answers.
    std::unique_ptr<DeviceHandle> readWrite;
    if (c().access == ioctl::RequiredAccess::ReadWrite) readWrite = device().open(HandleAccess::ReadWrite);
    DeviceHandle& nonOwner = readWrite ? *readWrite : handle();
    std::vector<std::uint8_t> out(c().outputLength, kUntouched);
    const ControlResult r = nonOwner.control(code(), c().input, out);
    if (c().gateAllows) {
        EXPECT_THAT_STATUS(r.status, owner.status) << "on the allow list: a non-owner gets the owner's answer";
        EXPECT_EQ(r.information, owner.information);
        if (r.status.isSuccess()) {
            EXPECT_EQ(out, ownerOut);
        }
    } else {
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "device type " << code().deviceType() << " is gated";
        EXPECT_EQ(r.information, 0u);
        EXPECT_TRUE(allUntouched(out));
    }
}

// --- The codes the class driver serves itself ------------------------------------------------------------------------

class StorageLoadMedia : public fixtures::DeviceTest {};

TEST_P(StorageLoadMedia, ClosesAClosedTrayAndNothingChanges)
{
    // §3.3: START STOP UNIT LoEj = 1, Start = 1; with the tray in, the medium stays as it was.
    const Verify before = checkVerifyAfterChange(handle());
    TrayGuard tray(handle());
    const ControlResult r = tray.load(codes::StorageLoadMedia, std::vector<std::uint8_t>(16, 0xA5), {});
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    const Verify after = checkVerify(handle());
    EXPECT_THAT_STATUS(after.result.status, before.result.status);
    EXPECT_EQ(after.count, before.count) << "no medium change";
}

// EJECTION_CONTROL (secure, per handle) and MCN_CONTROL share MEDIA_REMOVAL's V-stage (§3.11).
struct LockCodeParam {
    std::string id;
    const char* token;
    ioctl::ControlCode code;
};
void PrintTo(const LockCodeParam& p, std::ostream* os) { *os << p.id << ' ' << p.token; }
std::vector<LockCodeParam> lockCodeParams()
{
    std::vector<LockCodeParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        out.push_back({d.id, "StorageEjectionControl", codes::StorageEjectionControl});
        out.push_back({d.id, "StorageMcnControl", codes::StorageMcnControl});
    }
    return out;
}
std::string lockCodeName(const testing::TestParamInfo<LockCodeParam>& info) { return info.param.id + "_" + info.param.token; }

class StorageLockCode : public fixtures::DeviceTestOf<LockCodeParam> {};

TEST_P(StorageLockCode, RefusesAnEmptyInput)
{
    const ControlResult r = control(GetParam().code, {}, {});
    EXPECT_THAT_STATUS(r.status, status::InfoLengthMismatch) << "InLen < 1 (§3.11 V-stage)";
    EXPECT_EQ(r.information, 0u);
}

TEST_P(StorageLockCode, PreventThenAllowSucceed)
{
    // The second handle takes the lock and gives it back; closing it releases a secure lock anyway (§3.11).
    const auto other = device().open(HandleAccess::Read);
    const ControlResult prevent = other->control(GetParam().code, preventInput(1), {});
    ASSERT_THAT_STATUS(prevent.status, status::Success);
    EXPECT_EQ(prevent.information, 0u);
    const ControlResult allow = other->control(GetParam().code, preventInput(0), {});
    EXPECT_THAT_STATUS(allow.status, status::Success);
    EXPECT_EQ(allow.information, 0u);
}

// EJECTION_CONTROL's lock is secure: while any handle holds it, load and eject answer STATUS_DEVICE_BUSY (§3.3 row 1),
// and it ends when that handle closes (§3.11). LOAD on a closed tray shows both without moving anything.
class StorageEjectionControl : public fixtures::DeviceTest {};

TEST_P(StorageEjectionControl, BlocksLoadMediaUntilItsHandleCloses)
{
    auto other = device().open(HandleAccess::Read);
    ASSERT_THAT_STATUS(other->control(codes::StorageEjectionControl, preventInput(1), {}).status, status::Success);
    TrayGuard tray(handle());  // should the driver ignore the lock, LOAD still only closes a closed tray
    const ControlResult blocked = tray.load(codes::StorageLoadMedia);
    EXPECT_THAT_STATUS(blocked.status, status::DeviceBusy) << "a secure lock is held (§3.3 row 1)";
    EXPECT_EQ(blocked.information, 0u);
    other.reset();  // closing the handle gives its secure lock back (§3.11)
    const ControlResult after = tray.load(codes::StorageLoadMedia);
    EXPECT_THAT_STATUS(after.status, status::Success) << "the secure lock ended with its handle";
}

// DISK_GET_DRIVE_GEOMETRY(_EX): the CD-ROM codes' case labels, but FILE_ANY_ACCESS (§3.9).
struct DiskGeometryParam {
    std::string id;
    bool ex = false;
};
void PrintTo(const DiskGeometryParam& p, std::ostream* os) { *os << p.id << (p.ex ? " ex" : ""); }
std::vector<DiskGeometryParam> diskGeometryParams()
{
    std::vector<DiskGeometryParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        out.push_back({d.id, false});
        out.push_back({d.id, true});
    }
    return out;
}
std::string diskGeometryName(const testing::TestParamInfo<DiskGeometryParam>& info)
{
    return info.param.id + (info.param.ex ? "_DiskGetDriveGeometryEx" : "_DiskGetDriveGeometry");
}

class DiskGeometry : public fixtures::DeviceTestOf<DiskGeometryParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
    ioctl::ControlCode disk() const { return GetParam().ex ? codes::DiskGetDriveGeometryEx : codes::DiskGetDriveGeometry; }
    ioctl::ControlCode cdrom() const { return GetParam().ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry; }
    std::size_t size() const { return GetParam().ex ? ioctl::DISK_GEOMETRY_EX::kReturnedSize : sizeof(ioctl::DISK_GEOMETRY); }
};

TEST_P(DiskGeometry, AnswersWithoutReadRightsAsTheCdromCodeDoesWithThem)
{
    std::vector<std::uint8_t> out(size(), kUntouched), cdOut(size(), kUntouched);
    const ControlResult r = control(disk(), {}, out);
    const auto reader = device().open(HandleAccess::Read);
    const ControlResult cd = reader->control(cdrom(), {}, cdOut);
    EXPECT_THAT_STATUS(r.status, cd.status);
    EXPECT_EQ(r.information, cd.information);
    EXPECT_EQ(out, cdOut);
}

TEST_P(DiskGeometry, RefusesAShortBufferAsTheCdromCodeDoes)
{
    std::vector<std::uint8_t> out(size() - 1, kUntouched);
    const ControlResult r = control(disk(), {}, out);
    EXPECT_THAT_STATUS(r.status, status::BufferTooSmall) << "§3.9 V-stage";
    EXPECT_TRUE(allUntouched(out));
}

// DISK_CHECK_VERIFY normalises to STORAGE_CHECK_VERIFY (§1 step 3, §3.1).
class DiskCheckVerify : public fixtures::DeviceTest {};

TEST_P(DiskCheckVerify, AnswersLikeStorageCheckVerify)
{
    (void)checkVerifyAfterChange(handle());
    const Verify storage = checkVerify(handle(), codes::StorageCheckVerify);
    const Verify disk = checkVerify(handle(), codes::DiskCheckVerify);
    EXPECT_THAT_STATUS(disk.result.status, storage.result.status);
    EXPECT_EQ(disk.result.information, storage.result.information);
    EXPECT_EQ(disk.count, storage.count) << "the same media change count";
}

TEST_P(DiskCheckVerify, RefusesAnOutputOfOneToThreeBytes)
{
    for (std::size_t length = 1; length <= 3; ++length) {
        std::vector<std::uint8_t> out(length, kUntouched);
        const ControlResult r = control(codes::DiskCheckVerify, {}, out);
        EXPECT_THAT_STATUS(r.status, status::BufferTooSmall) << "OutLen " << length << " (§3.1 V-stage)";
        EXPECT_TRUE(allUntouched(out));
    }
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, StorageCode, testing::ValuesIn(storageCodeParams(true)), storageCodeName);
INSTANTIATE_TEST_SUITE_P(, StorageLoadMedia, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, StorageEjectionControl, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, StorageLockCode, testing::ValuesIn(lockCodeParams()), lockCodeName);
INSTANTIATE_TEST_SUITE_P(, DiskGeometry, testing::ValuesIn(diskGeometryParams()), diskGeometryName);
INSTANTIATE_TEST_SUITE_P(, DiskCheckVerify, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StorageCode);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StorageLoadMedia);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StorageEjectionControl);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StorageLockCode);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiskGeometry);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiskCheckVerify);

}  // namespace
}  // namespace cdcts::suites
