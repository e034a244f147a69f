// The identity codes: IOCTL_CDROM_GET_INQUIRY_DATA (ioctl-contracts.md §3.10), IOCTL_CDROM_GET_DRIVE_GEOMETRY and
// _EX (§3.9), and what a non-owner gets while another handle holds the exclusive lock. Replies are checked for what
// SPC and the contracts promise of any drive, never for one drive's identity. GET_CONFIGURATION (§3.8) has its own
// file, configuration_suite.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/inquiry.hpp"
#include "harness/ioctl/structures/misc.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/configuration_support.hpp"
#include "suites/exclusive_lock_guard.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;

// --- GET_INQUIRY_DATA (§3.10) -------------------------------------------------------------------------------

std::string trimmed(std::span<const std::uint8_t> ascii)
{
    std::string s(ascii.begin(), ascii.end());
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

class GetInquiryData : public fixtures::DeviceTest {
protected:
    // The whole cached INQUIRY data (the driver never holds more than 260 bytes).
    std::vector<std::uint8_t> fullInquiry(ControlResult& r)
    {
        std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE + 16, kUntouched);
        r = control(codes::CdromGetInquiryData, {}, out);
        return out;
    }
};

TEST_P(GetInquiryData, ReturnsTheStandardInquiryDataOfACdDevice)
{
    ControlResult r;
    const std::vector<std::uint8_t> out = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_LE(r.information, ioctl::MAXIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_TRUE(allUntouched(pastInformation(out, r.information))) << "METHOD_BUFFERED copies exactly Information bytes";
    ASSERT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    EXPECT_EQ(out[0] & 0x1F, ioctl::READ_ONLY_DIRECT_ACCESS_DEVICE) << "peripheral device type 05h (CD/DVD)";
    EXPECT_EQ(out[0] >> 5, 0) << "peripheral qualifier 0: the logical unit is connected";
    EXPECT_NE(out[1] & 0x80, 0) << "RMB: a CD/DVD logical unit has removable media";
    EXPECT_GE(out[4] + 5u, ioctl::MINIMUM_CDROM_INQUIRY_SIZE) << "AdditionalLength covers the standard 36 bytes";
    for (std::size_t i = offsetof(ioctl::INQUIRYDATA, VendorId); i < offsetof(ioctl::INQUIRYDATA, VendorSpecific); ++i)
        EXPECT_TRUE(out[i] >= 0x20 && out[i] <= 0x7E) << "byte " << i << " (" << int{out[i]} << ") of vendor/product/revision is not printable ASCII";
    // SPC lets each field be all spaces, but then reports cannot tell drives or firmware apart, and waivers
    // and baselines keyed by identity cannot either: within the contract, yet poor.
    const auto blank = [&](std::size_t offset, std::size_t length) { return trimmed(std::span(out).subspan(offset, length)).empty(); };
    if (blank(offsetof(ioctl::INQUIRYDATA, VendorId), 8)) qualityWarning("INQUIRY VendorId is blank");
    if (blank(offsetof(ioctl::INQUIRYDATA, ProductId), 16)) qualityWarning("INQUIRY ProductId is blank");
    if (blank(offsetof(ioctl::INQUIRYDATA, ProductRevisionLevel), 4))
        qualityWarning("INQUIRY ProductRevisionLevel is blank: firmware versions cannot be told apart");
}

TEST_P(GetInquiryData, AgreesWithTheDeviceIdentity)
{
    ControlResult r;
    const std::vector<std::uint8_t> out = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_GE(r.information, ioctl::MINIMUM_CDROM_INQUIRY_SIZE);
    const DeviceIdentity& id = device().identity();
    if (id.vendor.empty() && id.product.empty()) GTEST_SKIP() << "NotSupported: the backend reports no vendor or product";
    EXPECT_EQ(trimmed(std::span(out).subspan(8, 8)), id.vendor);
    EXPECT_EQ(trimmed(std::span(out).subspan(16, 16)), id.product);
    if (!id.revision.empty()) {
        EXPECT_EQ(trimmed(std::span(out).subspan(32, 4)), id.revision);
    }
}

TEST_P(GetInquiryData, AnswersTheSameTwice)
{
    ControlResult a, b;
    const std::vector<std::uint8_t> first = fullInquiry(a), second = fullInquiry(b);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_EQ(first, second) << "the cached INQUIRY data never changes while the device exists";
}

TEST_P(GetInquiryData, AnExactBufferSucceedsAndOneByteLessOverflows)
{
    ControlResult r;
    const std::vector<std::uint8_t> full = fullInquiry(r);
    ASSERT_THAT_STATUS(r.status, status::Success);
    std::vector<std::uint8_t> exact(r.information, kUntouched);
    const ControlResult e = control(codes::CdromGetInquiryData, {}, exact);
    EXPECT_THAT_STATUS(e.status, status::Success);
    EXPECT_EQ(e.information, r.information);
    EXPECT_TRUE(std::equal(exact.begin(), exact.end(), full.begin()));

    std::vector<std::uint8_t> shorter(r.information - 1, kUntouched);
    const ControlResult s = control(codes::CdromGetInquiryData, {}, shorter);
    EXPECT_THAT_STATUS(s.status, status::BufferOverflow);
    EXPECT_EQ(s.information, shorter.size()) << "a warning returns the bytes that fit";
    EXPECT_TRUE(std::equal(shorter.begin(), shorter.end(), full.begin()));
}

struct LengthParam {
    std::string id;
    std::uint32_t length;
};
void PrintTo(const LengthParam& p, std::ostream* os) { *os << p.id << " length=" << p.length; }
std::string lengthName(const testing::TestParamInfo<LengthParam>& info)
{
    return info.param.id + "_length_" + std::to_string(info.param.length);
}

class GetInquiryDataShortBuffer : public fixtures::DeviceTestOf<LengthParam> {};

TEST_P(GetInquiryDataShortBuffer, OverflowsWithThePartialBytes)
{
    std::vector<std::uint8_t> full(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetInquiryData, {}, full).status, status::Success);
    const std::uint32_t length = GetParam().length;
    std::vector<std::uint8_t> out(length + 8u, kUntouched);
    const ControlResult r = control(codes::CdromGetInquiryData, {}, std::span(out).first(length));
    if (length == 0) {
        EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
        EXPECT_TRUE(allUntouched(out));
        return;
    }
    EXPECT_THAT_STATUS(r.status, status::BufferOverflow) << "STATUS_BUFFER_OVERFLOW is a warning: the bytes that fit come back";
    EXPECT_EQ(r.information, length);
    EXPECT_TRUE(std::equal(out.begin(), out.begin() + length, full.begin()));
    EXPECT_TRUE(allUntouched(std::span(out).subspan(length)));
}

class GetInquiryDataAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetInquiryDataAccess, NeedsReadAccess)
{
    std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult r = control(codes::CdromGetInquiryData, {}, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "the I/O manager checks FILE_READ_DATA first (§1 step 1)";
    EXPECT_TRUE(allUntouched(out));
}

// --- GET_DRIVE_GEOMETRY and _EX (§3.9) ---------------------------------------------------------------------

class GetDriveGeometry : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

void expectConsistentGeometry(const ioctl::DISK_GEOMETRY& g)
{
    EXPECT_EQ(g.BytesPerSector, 2048u) << "a CD reports 2048-byte cooked sectors";
    EXPECT_EQ(g.MediaType, ioctl::RemovableMedia);
    EXPECT_EQ(g.TracksPerCylinder, 64u);
    EXPECT_EQ(g.SectorsPerTrack, 32u);
    EXPECT_GE(g.Cylinders.QuadPart, 0);
}

TEST_P(GetDriveGeometry, ReturnsTheGeometryOfACd)
{
    std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY) + 16, kUntouched);
    const ControlResult r = control(codes::CdromGetDriveGeometry, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, sizeof(ioctl::DISK_GEOMETRY));
    EXPECT_TRUE(allUntouched(pastInformation(out, r.information)));
    ioctl::DISK_GEOMETRY g{};
    std::memcpy(&g, out.data(), sizeof g);
    expectConsistentGeometry(g);
}

TEST_P(GetDriveGeometry, ExAgreesWithTheGeometry)
{
    std::vector<std::uint8_t> plain(sizeof(ioctl::DISK_GEOMETRY), kUntouched);
    std::vector<std::uint8_t> ex(sizeof(ioctl::DISK_GEOMETRY_EX) + 16, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, plain).status, status::Success);
    const ControlResult r = control(codes::CdromGetDriveGeometryEx, {}, ex);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, ioctl::DISK_GEOMETRY_EX::kReturnedSize) << "the CD-ROM driver fills no partition or detection data";
    EXPECT_TRUE(allUntouched(pastInformation(ex, r.information)));
    EXPECT_TRUE(std::equal(plain.begin(), plain.end(), ex.begin())) << "DISK_GEOMETRY_EX.Geometry is the GEOMETRY reply";

    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, ex.data(), ioctl::DISK_GEOMETRY_EX::kReturnedSize);
    expectConsistentGeometry(g.Geometry);
    ASSERT_GT(g.DiskSize.QuadPart, 0) << "a disc is present";
    EXPECT_EQ(g.DiskSize.QuadPart % std::max<std::uint32_t>(g.Geometry.BytesPerSector, 1), 0) << "DiskSize is whole sectors";
    // Cylinders = sectors / (TracksPerCylinder * SectorsPerTrack), rounded down.
    const std::int64_t sectors = g.DiskSize.QuadPart / std::max<std::uint32_t>(g.Geometry.BytesPerSector, 1);
    const std::int64_t perCylinder = std::int64_t{g.Geometry.TracksPerCylinder} * g.Geometry.SectorsPerTrack;
    if (perCylinder > 0) {
        EXPECT_EQ(g.Geometry.Cylinders.QuadPart, sectors / perCylinder) << "Cylinders agrees with DiskSize";
    }
}

TEST_P(GetDriveGeometry, DiskCodesGiveTheSameAnswer)
{
    // IOCTL_DISK_GET_DRIVE_GEOMETRY(_EX) share the case labels of the CD-ROM codes (§3.9).
    std::vector<std::uint8_t> cd(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched), disk(cd);
    const ControlResult a = control(codes::CdromGetDriveGeometryEx, {}, cd);
    const ControlResult b = control(codes::DiskGetDriveGeometryEx, {}, disk);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_EQ(cd, disk);
    std::vector<std::uint8_t> cdPlain(sizeof(ioctl::DISK_GEOMETRY), kUntouched), diskPlain(cdPlain);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometry, {}, cdPlain).status, status::Success);
    ASSERT_THAT_STATUS(control(codes::DiskGetDriveGeometry, {}, diskPlain).status, status::Success);
    EXPECT_EQ(cdPlain, diskPlain);
}

TEST_P(GetDriveGeometry, CapacityCoversTheLastTrackOfTheToc)
{
    std::vector<std::uint8_t> ex(ioctl::DISK_GEOMETRY_EX::kReturnedSize, kUntouched);
    ASSERT_THAT_STATUS(control(codes::CdromGetDriveGeometryEx, {}, ex).status, status::Success);
    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, ex.data(), ioctl::DISK_GEOMETRY_EX::kReturnedSize);
    const std::int64_t sectors = g.DiskSize.QuadPart / 2048;

    std::vector<std::uint8_t> tocBytes(alignedDown(device(), 4096), kUntouched);
    const ControlResult t = control(codes::CdromReadToc, {}, tocBytes);
    ASSERT_THAT_STATUS(t.status, status::Success);
    ioctl::CDROM_TOC toc{};
    std::memcpy(&toc, tocBytes.data(), std::min<std::size_t>(t.information, sizeof toc));
    ASSERT_LE(toc.FirstTrack, toc.LastTrack);
    const std::size_t tracks = std::size_t(toc.LastTrack - toc.FirstTrack + 1);
    ASSERT_GE(t.information, 4 + 8 * (tracks + 1));
    const auto lba = [](const ioctl::TRACK_DATA& d) { return mmc::msfToLba(mmc::Msf{d.Address[1], d.Address[2], d.Address[3]}); };
    const std::int64_t lastTrackStart = lba(toc.TrackData[tracks - 1]);
    const std::int64_t leadOut = lba(toc.TrackData[tracks]);
    // READ CAPACITY reports the end of the program area: past the last track's start, never past the lead-out.
    EXPECT_GT(sectors, lastTrackStart) << "the capacity reaches into the last track";
    EXPECT_LE(sectors, leadOut) << "the capacity ends at or before the lead-out";
}

struct GeometryShortParam {
    std::string id;
    bool ex;
    std::uint32_t length;
};
void PrintTo(const GeometryShortParam& p, std::ostream* os) { *os << p.id << (p.ex ? " EX" : "") << " length=" << p.length; }

class GetDriveGeometryShortBuffer : public fixtures::DeviceTestOf<GeometryShortParam> {};

TEST_P(GetDriveGeometryShortBuffer, FailsWithBufferTooSmallAndWritesNothing)
{
    // Checked before the request is queued (V-stage), so the answer is the same with or without a disc.
    std::vector<std::uint8_t> out(GetParam().length, kUntouched);
    const ControlResult r = control(GetParam().ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
    EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
    EXPECT_TRUE(allUntouched(out));
}

class GetDriveGeometryNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(GetDriveGeometryNoMedium, FailsWithNoMediaInDevice)
{
    for (const bool ex : {false, true}) {
        SCOPED_TRACE(ex ? "GET_DRIVE_GEOMETRY_EX" : "GET_DRIVE_GEOMETRY");
        std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched);
        const ControlResult r = control(ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
        EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
        EXPECT_TRUE(allUntouched(out));
    }
}

class GetDriveGeometryAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetDriveGeometryAccess, NeedsReadAccess)
{
    for (const bool ex : {false, true}) {
        SCOPED_TRACE(ex ? "GET_DRIVE_GEOMETRY_EX" : "GET_DRIVE_GEOMETRY");
        std::vector<std::uint8_t> out(sizeof(ioctl::DISK_GEOMETRY_EX), kUntouched);
        const ControlResult r = control(ex ? codes::CdromGetDriveGeometryEx : codes::CdromGetDriveGeometry, {}, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied);
        EXPECT_TRUE(allUntouched(out));
    }
}

// DISK_TYPE (§3.23) has no case in the driver: obsolete_codes_suite.cpp checks it against each device's declaration.

// --- State: another handle holds the exclusive lock (§1 step 2, §3.5) -------------------------------------

class IdentityWhileLocked : public fixtures::DeviceTest {};

TEST_P(IdentityWhileLocked, GetInquiryDataStillAnswersANonOwner)
{
    std::vector<std::uint8_t> before(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult b = control(codes::CdromGetInquiryData, {}, before);
    ASSERT_THAT_STATUS(b.status, status::Success);
    ExclusiveLockGuard lock(device());
    if (const ControlResult r = lock.lock(); !r.status.isSuccess())
        GTEST_SKIP() << "NotSupported: " << ExclusiveLockGuard::refusalReason(r.status);
    std::vector<std::uint8_t> during(ioctl::MAXIMUM_CDROM_INQUIRY_SIZE, kUntouched);
    const ControlResult d = control(codes::CdromGetInquiryData, {}, during);
    EXPECT_THAT_STATUS(d.status, status::Success) << "GET_INQUIRY_DATA passes the exclusive-lock gate";
    EXPECT_EQ(d.information, b.information);
    EXPECT_EQ(during, before);
}

TEST_P(IdentityWhileLocked, GetConfigurationGeometryAndDiskTypeAreDeniedToANonOwner)
{
    ExclusiveLockGuard lock(device());
    if (const ControlResult r = lock.lock(); !r.status.isSuccess())
        GTEST_SKIP() << "NotSupported: " << ExclusiveLockGuard::refusalReason(r.status);
    const std::vector<std::uint8_t> config = configurationInput(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    const struct {
        const char* name;
        ioctl::ControlCode code;
        std::span<const std::uint8_t> input;
        std::size_t outLength;
    } cases[] = {
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, config, alignedDown(device(), 0xFFFF)},
        {"GET_DRIVE_GEOMETRY", codes::CdromGetDriveGeometry, {}, sizeof(ioctl::DISK_GEOMETRY)},
        {"GET_DRIVE_GEOMETRY_EX", codes::CdromGetDriveGeometryEx, {}, sizeof(ioctl::DISK_GEOMETRY_EX)},
        {"DISK_TYPE", codes::CdromDiskType, {}, sizeof(ioctl::CDROM_DISK_DATA)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        std::vector<std::uint8_t> out(c.outLength, kUntouched);
        const ControlResult r = control(c.code, c.input, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "a CD-ROM code from a non-owner is refused at the gate";
        EXPECT_TRUE(allUntouched(out));
    }
    // The owner itself is still answered.
    std::vector<std::uint8_t> out(alignedDown(device(), 0xFFFF), kUntouched);
    const ControlResult owner = lock.owner().control(codes::CdromGetConfiguration, config, out);
    if (owner.status != status::InvalidDeviceRequest) {
        EXPECT_THAT_STATUS(owner.status, status::Success) << "the lock owner passes the gate";
    }
}

// --- Instantiation -----------------------------------------------------------------------------------------

std::vector<LengthParam> inquiryShortLengths()
{
    std::vector<LengthParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::uint32_t length : {0u, 1u, 8u, 35u}) out.push_back({d.id, length});
    return out;
}

std::vector<GeometryShortParam> geometryShortLengths()
{
    std::vector<GeometryShortParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        for (std::uint32_t length : {0u, 1u, 8u, 23u}) out.push_back({d.id, false, length});
        for (std::uint32_t length : {0u, 8u, 24u, 31u}) out.push_back({d.id, true, length});
    }
    return out;
}

std::string geometryShortName(const testing::TestParamInfo<GeometryShortParam>& info)
{
    return info.param.id + (info.param.ex ? "_GetDriveGeometryEx" : "") + "_length_" + std::to_string(info.param.length);
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, GetInquiryData, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetInquiryDataShortBuffer, testing::ValuesIn(inquiryShortLengths()), lengthName);
INSTANTIATE_TEST_SUITE_P(, GetInquiryDataAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometry, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryShortBuffer, testing::ValuesIn(geometryShortLengths()), geometryShortName);
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetDriveGeometryAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, IdentityWhileLocked, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryData);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryDataShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetInquiryDataAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometry);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetDriveGeometryAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(IdentityWhileLocked);

}  // namespace
}  // namespace cdcts::suites

