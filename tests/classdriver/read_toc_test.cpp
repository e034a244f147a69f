// IOCTL_CDROM_READ_TOC through the model (ioctl-contracts.md §3.15, §6): validation order, the exact CDB,
// Information, and what reaches the caller's buffer.
#include <gtest/gtest.h>

#include <algorithm>

#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
using ioctl::codes::CdromReadToc;
using Bytes = std::vector<std::uint8_t>;

class ReadTocModel : public testing_support::ModelFixture {};

TEST_F(ReadTocModel, S3_15_SendsReadTocMsfFormat0WithAllocation804)
{
    build("mixed");
    Bytes out(804, 0xCD);
    const ControlResult r = control(CdromReadToc, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 36u) << "4 + 8 * (3 tracks + lead-out)";
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 02 00 00 00 00 00 03 24 00");
    // The payload is the drive's reply, unconverted (MSF addresses 00 MM SS FF).
    EXPECT_EQ(formatHex(std::span(out).first(12)), "00 22 01 03 00 14 01 00 00 00 02 00");
    EXPECT_EQ(out[36], 0xCD) << "bytes past Information stay as the caller had them";
}

TEST_F(ReadTocModel, S3_15_LargerBuffersStillAskFor804)
{
    build("data");
    Bytes out(8192);
    ASSERT_EQ(control(CdromReadToc, out).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 02 00 00 00 00 00 03 24 00");
}

TEST_F(ReadTocModel, S3_15_Row1_ShortBufferIsBufferTooSmallWith804AndNoTraffic)
{
    build("data");
    for (std::size_t length : {0u, 1u, 2u, 803u}) {
        Bytes out(length, 0xCD);
        const ControlResult r = control(CdromReadToc, out);
        EXPECT_EQ(r.status, st::BufferTooSmall) << length;
        EXPECT_EQ(r.information, 804u) << length;
        EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0xCD; })) << "nothing is copied on an error";
    }
    EXPECT_TRUE(traffic().empty()) << "V-stage failures never reach the drive";
}

TEST_F(ReadTocModel, S3_15_Row2_LengthMustSuitTheAlignmentMask)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 7;
    build("data", settings);
    Bytes out(804);
    EXPECT_EQ(control(CdromReadToc, out).status, st::InvalidParameter) << "804 fails mask 7";
    Bytes aligned(808);
    EXPECT_EQ(control(CdromReadToc, aligned).status, st::Success);
    settings.adapter.alignmentMask = 3;
    build("data", settings);
    EXPECT_EQ(control(CdromReadToc, out).status, st::Success) << "804 passes mask 3";
    Bytes odd(805);
    EXPECT_EQ(control(CdromReadToc, odd).status, st::InvalidParameter);
}

TEST_F(ReadTocModel, S3_15_Row1BeforeRow2)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 7;
    build("data", settings);
    Bytes out(803);
    EXPECT_EQ(control(CdromReadToc, out).status, st::BufferTooSmall) << "the size check comes first";
}

TEST_F(ReadTocModel, S1_Step1_NeedsReadAccess)
{
    build("data", {}, HandleAccess::None);
    Bytes out(804);
    const ControlResult r = control(CdromReadToc, out);
    EXPECT_EQ(r.status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(ReadTocModel, S8_1_EmptyDriveIsNoMediaWithoutRetry)
{
    build("");
    Bytes out(804, 0xCD);
    const ControlResult r = control(CdromReadToc, out);
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "3A/xx is not retried";
    EXPECT_EQ(device->driver().state().mediaState, MediaState::NotPresent);
}

}  // namespace
}  // namespace cdcts::classdriver
