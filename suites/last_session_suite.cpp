// IOCTL_CDROM_GET_LAST_SESSION (ioctl-contracts.md §3.16): the session data's invariants, its agreement with
// READ_TOC, and every V-stage row as a negative case.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "suites/toc_support.hpp"

namespace cdcts::suites {
namespace {

using namespace toc;  // the vocabulary the TOC suites share (suites/toc_support.hpp)
using fixtures::Requirement;

// --- GET_LAST_SESSION (§3.16) ------------------------------------------------------------------------------------

class GetLastSession : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(GetLastSession, ReturnsWellFormedSessionData)
{
    const Reply r = getLastSession(alignedUp(device(), 64));
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    expectWellFormedSessionData(r.bytes(), false);
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information)) << "METHOD_BUFFERED copies exactly Information bytes back";
}

TEST_P(GetLastSession, TrackStartAgreesWithReadToc)
{
    const Reply session = getLastSession(alignedUp(device(), kSessionDataSize));
    const Reply toc = call(codes::CdromReadToc, {}, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
    ASSERT_THAT_STATUS(session.result.status, status::Success);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    const ioctl::TRACK_DATA first = descriptorAt(session.bytes(), 0);
    for (std::size_t i = 0; i + 1 < tocDescriptors(toc.bytes()); ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(toc.bytes(), i);
        if (t.TrackNumber != first.TrackNumber) continue;
        EXPECT_EQ(msfFrames(t), lbaOf(first, false) + mmc::kMsfLbaOffset) << "READ_TOC's MSF address is the session data's LBA + 150";
        return;
    }
    ADD_FAILURE() << "the last session's first track " << int{first.TrackNumber} << " is not in READ_TOC's reply";
}

TEST_P(GetLastSession, AnswersTheSameTwice)
{
    const Reply a = getLastSession(alignedUp(device(), kSessionDataSize)), b = getLastSession(alignedUp(device(), kSessionDataSize));
    ASSERT_THAT_STATUS(a.result.status, status::Success);
    ASSERT_THAT_STATUS(b.result.status, status::Success);
    EXPECT_EQ(a.buffer, b.buffer);
}

struct LengthParam {
    std::string id;
    std::uint32_t length;
};
void PrintTo(const LengthParam& p, std::ostream* os) { *os << p.id << " length=" << p.length; }

class GetLastSessionShortBuffer : public TocTestOf<LengthParam> {};

TEST_P(GetLastSessionShortBuffer, FailsWithBufferTooSmallAndWritesNothing)
{
    const Reply r = getLastSession(GetParam().length);
    EXPECT_THAT_STATUS(r.result.status, status::BufferTooSmall);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionAlignment : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(GetLastSessionAlignment, RejectsALengthTheAdapterCannotAlign)
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    const Reply r = getLastSession(alignedUp(device(), kSessionDataSize) + 1);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter) << "alignment mask " << mask;
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionAccess : public TocTestOf<fixtures::DeviceParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetLastSessionAccess, NeedsReadAccess)
{
    const Reply r = getLastSession(alignedUp(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(r.result.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionNoMedium : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(GetLastSessionNoMedium, FailsWithNoMediaInDevice)
{
    const Reply r = getLastSession(alignedUp(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(r.result.status, status::NoMediaInDevice);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

std::vector<LengthParam> sessionShortLengths()
{
    std::vector<LengthParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::uint32_t length : {0u, 1u, 2u, 4u, 8u, 11u}) out.push_back({d.id, length});
    return out;
}

std::string lengthName(const testing::TestParamInfo<LengthParam>& info) { return info.param.id + "_length_" + std::to_string(info.param.length); }

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, GetLastSession, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionShortBuffer, testing::ValuesIn(sessionShortLengths()), lengthName);
INSTANTIATE_TEST_SUITE_P(, GetLastSessionAlignment, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionNoMedium, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSession);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionAlignment);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionNoMedium);

}  // namespace
}  // namespace cdcts::suites
