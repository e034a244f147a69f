// IOCTL_CDROM_CHECK_VERIFY, its twin IOCTL_STORAGE_CHECK_VERIFY and IOCTL_STORAGE_CHECK_VERIFY2
// (ioctl-contracts.md §3.1): the V-stage rules, the media-change count in the 4-byte output, and the answers
// with and without a disc. The count is compared by deltas only; its absolute value is the driver's business.
// How a medium change moves the count is checked in media_suite.cpp (it needs an eject and a load).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
using namespace media;

// --- With a disc in the drive ---------------------------------------------------------------------------

class CheckVerify : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(CheckVerify, SucceedsAndReturnsTheMediaChangeCount)
{
    std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
    const ControlResult r = control(codes::CdromCheckVerify, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, sizeof(std::uint32_t)) << "a 4-byte output receives the media-change count";
}

TEST_P(CheckVerify, AcceptsAZeroLengthOutput)
{
    // "Legacy classpnp behaviour": no output at all is not a short buffer.
    const ControlResult r = control(codes::CdromCheckVerify, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_P(CheckVerify, ReturnsFourBytesFromALargerOutputAndLeavesTheRest)
{
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult r = control(codes::CdromCheckVerify, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, sizeof(std::uint32_t));
    EXPECT_TRUE(allUntouched(std::span(out).subspan(sizeof(std::uint32_t)))) << "METHOD_BUFFERED copies exactly Information bytes back";
}

TEST_P(CheckVerify, IgnoresItsInput)
{
    const std::vector<std::uint8_t> in(16, 0xA5);
    std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
    const ControlResult r = control(codes::CdromCheckVerify, in, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, sizeof(std::uint32_t));
}

TEST_P(CheckVerify, KeepsTheCountWhileTheMediumStays)
{
    const Verify a = checkVerify(handle());
    const Verify b = checkVerify(handle());
    ASSERT_THAT_STATUS(a.result.status, status::Success);
    ASSERT_THAT_STATUS(b.result.status, status::Success);
    ASSERT_TRUE(a.count && b.count);
    EXPECT_EQ(*a.count, *b.count) << "nothing changed the medium between two checks";
}

TEST_P(CheckVerify, CountIsDeviceWideNotPerHandle)
{
    const auto second = device().open(HandleAccess::Read);
    const Verify a = checkVerify(handle());
    const Verify b = checkVerify(*second);
    ASSERT_THAT_STATUS(a.result.status, status::Success);
    ASSERT_THAT_STATUS(b.result.status, status::Success);
    ASSERT_TRUE(a.count && b.count);
    EXPECT_EQ(*a.count, *b.count) << "two handles on one device see one counter";
}

// The replacement code answers like the CD-ROM one ("only the base differs", §9).
class StorageCheckVerify : public CheckVerify {};

TEST_P(StorageCheckVerify, ReturnsTheSameCountAsCdromCheckVerify)
{
    const Verify cdrom = checkVerify(handle(), codes::CdromCheckVerify);
    const Verify storage = checkVerify(handle(), codes::StorageCheckVerify);
    ASSERT_THAT_STATUS(cdrom.result.status, status::Success);
    ASSERT_THAT_STATUS(storage.result.status, status::Success);
    EXPECT_EQ(storage.result.information, sizeof(std::uint32_t));
    ASSERT_TRUE(cdrom.count && storage.count);
    EXPECT_EQ(*cdrom.count, *storage.count);
}

TEST_P(StorageCheckVerify, AcceptsAZeroLengthOutput)
{
    const ControlResult r = control(codes::StorageCheckVerify, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

// CHECK_VERIFY2 checks the medium but never returns the count.
class CheckVerify2 : public CheckVerify {};

TEST_P(CheckVerify2, SucceedsWithoutReturningTheCount)
{
    std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
    const ControlResult r = control(codes::StorageCheckVerify2, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u) << "only the 0x…4800 codes return the count";
    EXPECT_TRUE(allUntouched(out));
}

TEST_P(CheckVerify2, AcceptsAZeroLengthOutput)
{
    const ControlResult r = control(codes::StorageCheckVerify2, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

// --- Handle access (§1 step 1: the I/O manager checks the code's access bits first) ------------------------

class CheckVerifyAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(CheckVerifyAccess, CdromAndStorageCheckVerifyNeedReadAccess)
{
    for (const ioctl::ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify}) {
        SCOPED_TRACE(code == codes::CdromCheckVerify ? "IOCTL_CDROM_CHECK_VERIFY" : "IOCTL_STORAGE_CHECK_VERIFY");
        std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
        const ControlResult r = control(code, {}, out);
        EXPECT_THAT_STATUS(r.status, status::AccessDenied);
        EXPECT_TRUE(allUntouched(out));
    }
}

class CheckVerify2Access : public CheckVerifyAccess {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(CheckVerify2Access, NeedsNoHandleAccess)
{
    // FILE_ANY_ACCESS: a handle opened with no rights may ask whether the medium is there.
    const ControlResult r = control(codes::StorageCheckVerify2, {}, {});
    EXPECT_THAT_STATUS(r.status, status::Success);
}

// --- With no disc ----------------------------------------------------------------------------------------

class CheckVerifyNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(CheckVerifyNoMedium, AllThreeCodesFailWithNoMediaInDevice)
{
    for (const ioctl::ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::StorageCheckVerify2}) {
        SCOPED_TRACE(ioctl::formatControlCode(code));
        std::vector<std::uint8_t> out(sizeof(std::uint32_t), kUntouched);
        const ControlResult r = control(code, {}, out);
        EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
        EXPECT_TRUE(allUntouched(out)) << "nothing is copied back on an error status";
    }
}

// --- V-stage rule 1: an output of 1 to 3 bytes cannot hold the count, whatever the medium ------------------

struct ShortOutputParam {
    std::string id;
    ioctl::ControlCode code;
    std::string codeName;
    std::uint32_t length;
};
void PrintTo(const ShortOutputParam& p, std::ostream* os) { *os << p.id << ' ' << p.codeName << " length=" << p.length; }

class CheckVerifyShortOutput : public fixtures::DeviceTestOf<ShortOutputParam> {};

TEST_P(CheckVerifyShortOutput, FailsWithBufferTooSmallAndWritesNothing)
{
    std::vector<std::uint8_t> out(GetParam().length, kUntouched);
    const Verify before = checkVerify(handle());
    const ControlResult r = control(GetParam().code, {}, out);
    EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
    // Information (4) is not asserted: user mode cannot see it on an error status (contracts Q8).
    EXPECT_TRUE(allUntouched(out));
    // No state change: the count is what it was.
    const Verify after = checkVerify(handle());
    EXPECT_EQ(before.result.status, after.result.status);
    EXPECT_EQ(before.count, after.count);
}

std::vector<ShortOutputParam> shortOutputs()
{
    const std::pair<ioctl::ControlCode, const char*> codeNames[] = {
        {codes::CdromCheckVerify, "CdromCheckVerify"},
        {codes::StorageCheckVerify, "StorageCheckVerify"},
        {codes::StorageCheckVerify2, "StorageCheckVerify2"},
    };
    std::vector<ShortOutputParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const auto& [code, name] : codeNames)
            for (std::uint32_t length : {1u, 2u, 3u}) out.push_back({d.id, code, name, length});
    return out;
}

std::string shortOutputName(const testing::TestParamInfo<ShortOutputParam>& info)
{
    return info.param.id + "_" + info.param.codeName + "_length_" + std::to_string(info.param.length);
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, CheckVerify, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, StorageCheckVerify, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CheckVerify2, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CheckVerifyAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CheckVerify2Access, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CheckVerifyNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CheckVerifyShortOutput, testing::ValuesIn(shortOutputs()), shortOutputName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerify);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StorageCheckVerify);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerify2);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerifyAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerify2Access);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerifyNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckVerifyShortOutput);

}  // namespace
}  // namespace cdcts::suites
