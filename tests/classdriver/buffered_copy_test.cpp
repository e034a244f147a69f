// §0.2, what user mode can observe of a METHOD_BUFFERED code: on success and on warnings exactly Information bytes
// come back into the caller's buffer and the rest is left as the caller had it; on errors nothing comes back. The
// system buffer the driver works in also holds the input, so a wrong copy would show input bytes or zeros.
#include <gtest/gtest.h>

#include <chrono>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class BufferedCopy : public testing_support::ModelFixture {
protected:
    // INQUIRY straight to the drive: what GET_INQUIRY_DATA's cache holds (§3.10).
    Bytes inquiryFromTheDrive(std::uint16_t length)
    {
        Bytes reply(length);
        const auto cdb = mmc::cdb::inquiry(length);
        EXPECT_TRUE(device->drive().execute(cdb, reply, mmc::DataDirection::In, std::chrono::seconds(10)).good());
        device->drive().trace().clear();
        return reply;
    }
};

TEST_F(BufferedCopy, S0_2_SuccessCopiesExactlyInformationBytes)
{
    build("data");
    // GET_DRIVE_GEOMETRY_EX into sizeof(DISK_GEOMETRY_EX) = 40 bytes: the driver fills 32 (§3.9), zero-filling its
    // system buffer, but only Information bytes come back.
    Bytes geometry(40, 0xCD);
    const ControlResult g = control(codes::CdromGetDriveGeometryEx, geometry);
    ASSERT_EQ(g.status, st::Success);
    ASSERT_EQ(g.information, 32u);
    EXPECT_EQ(Bytes(geometry.begin() + 32, geometry.end()), Bytes(8, 0xCD));
    EXPECT_EQ(loadLe32(geometry.data() + 20), 2048u) << "BytesPerSector came back";

    // CHECK_VERIFY into 9 bytes: the 4-byte count, then the caller's own bytes.
    Bytes count(9, 0xCD);
    const ControlResult c = control(codes::CdromCheckVerify, count);
    ASSERT_EQ(c.status, st::Success);
    ASSERT_EQ(c.information, 4u);
    EXPECT_EQ(loadLe32(count.data()), device->driver().state().mediaChangeCount);
    EXPECT_EQ(Bytes(count.begin() + 4, count.end()), Bytes(5, 0xCD));
}

TEST_F(BufferedCopy, S0_2_SuccessWithInformationZeroCopiesNothingNotEvenTheInput)
{
    build("data");
    // MEDIA_REMOVAL's input byte sits in the system buffer the output would come from; Information is 0.
    const Bytes prevent{1};
    Bytes out(4, 0xCD);
    const ControlResult r = control(codes::StorageMediaRemoval, out, prevent);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(out, Bytes(4, 0xCD));
}

TEST_F(BufferedCopy, S0_2_WarningCopiesInformationBytes)
{
    build("data");
    const Bytes full = inquiryFromTheDrive(96);
    Bytes out(20, 0xCD);
    const ControlResult r = control(codes::CdromGetInquiryData, out);
    ASSERT_EQ(r.status, st::BufferOverflow);
    ASSERT_EQ(r.information, 20u);
    EXPECT_EQ(out, Bytes(full.begin(), full.begin() + 20));
}

TEST_F(BufferedCopy, S0_2_ErrorCopiesNothing)
{
    build("data");
    // READ_TOC with 100 bytes: BUFFER_TOO_SMALL. The input bytes fill the start of the system buffer.
    const Bytes junk(16, 0x5A);
    Bytes out(100, 0xCD);
    const ControlResult r = control(codes::CdromReadToc, out, junk);
    ASSERT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 804u) << "the driver's Information, model-internal on an error (Q8)";
    EXPECT_EQ(out, Bytes(100, 0xCD));

    // A device error after the handler ran: the empty drive's NO_MEDIA for CHECK_VERIFY.
    build("");
    Bytes count(4, 0xCD);
    ASSERT_EQ(control(codes::CdromCheckVerify, count).status, st::NoMediaInDevice);
    EXPECT_EQ(count, Bytes(4, 0xCD));
}

// §0.3's note: VERIFY_REQUIRED is a warning, yet the sample sets Information 0 on that path, so nothing comes back
// (DeviceIoControl fails with ERROR_MEDIA_CHANGED, 1110).
TEST_F(BufferedCopy, S0_3_VerifyRequiredIsAWarningWithInformation0)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    build("data", settings);
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes count(4, 0xCD);
    const ControlResult r = control(codes::CdromCheckVerify, count);
    ASSERT_EQ(r.status, st::VerifyRequired);
    EXPECT_TRUE(r.status.isWarning());
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(count, Bytes(4, 0xCD));
    EXPECT_EQ(ioctl::findNtStatus(r.status)->win32Error, 1110u);
}

}  // namespace
}  // namespace cdcts::classdriver
