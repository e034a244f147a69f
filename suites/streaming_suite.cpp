// Streaming and power calibration (ioctl-contracts.md §3.4, §7.2, §3.14): IOCTL_CDROM_ENABLE_STREAMING, a
// per-handle switch that only changes how that handle's ReadFile/WriteFile reach the drive, and
// IOCTL_CDROM_SEND_OPC_INFORMATION, which makes a writer calibrate its laser on the loaded recordable medium.
// Streaming ends with its handle (the flags start FALSE at every create), so nothing is left to restore; OPC
// runs only on writable media where devices.yaml allows destructive commands.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "suites/speed_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using namespace speed;

constexpr std::size_t kSector = 2048;
constexpr std::size_t kReadSectors = 16;

// --- ENABLE_STREAMING (§3.4) -----------------------------------------------------------------------------------

class EnableStreaming : public fixtures::DeviceTest {
protected:
    void SetUp() override
    {
        fixtures::DeviceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        caps_ = capabilities(handle());
    }

    static ControlResult enable(DeviceHandle& h, std::int32_t type, std::span<std::uint8_t> out = {})
    {
        return h.control(codes::CdromEnableStreaming, streamingInput(type), out);
    }

    // A call the V-stage must refuse: the status, nothing copied, no state change.
    void expectRefused(std::span<const std::uint8_t> input, ioctl::NtStatus expected)
    {
        const StateSnapshot before = device().stateSnapshot();
        std::vector<std::uint8_t> out(16, kUntouched);
        const ControlResult r = control(codes::CdromEnableStreaming, input, out);
        EXPECT_THAT_STATUS(r.status, expected);
        EXPECT_TRUE(untouchedFrom(out, 0)) << "an error copies nothing back (§0.2)";
        EXPECT_EQ(device().stateSnapshot(), before);
    }

    // One cooked read of kReadSectors sectors from LBA 0 that must succeed.
    static std::vector<std::uint8_t> readStart(DeviceHandle& h)
    {
        std::vector<std::uint8_t> data(kSector * kReadSectors, kUntouched);
        const ControlResult r = h.read(0, data);
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, data.size());
        return data;
    }

    // The reads below need cooked data at LBA 0 (a data first track); an audio disc has none.
    void requireCookedData()
    {
        if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: reads need a medium";
        if (!caps_.streamingReads()) GTEST_SKIP() << "NotSupported: no current Real-Time Streaming feature (0107h)";
        std::vector<std::uint8_t> data(kSector * kReadSectors);
        const ControlResult r = handle().read(0, data);
        if (!r.status.isSuccess())
            GTEST_SKIP() << "NotSupported: no cooked data at LBA 0 (ReadFile answers " << r.status << ")";
    }

    Capabilities caps_;
};

TEST_P(EnableStreaming, DisableAlwaysSucceeds)
{
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult r = enable(handle(), ioctl::CdromStreamingDisable, out);
    ASSERT_THAT_STATUS(r.status, status::Success) << "type 1 needs no drive support (§3.4 H-stage)";
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(untouchedFrom(out, 0)) << "ENABLE_STREAMING has no output";
}

TEST_P(EnableStreaming, EnableForReadOnlySucceedsWhereTheDriveStreams)
{
    if (!caps_.streamingReads()) GTEST_SKIP() << "NotSupported: no current Real-Time Streaming feature (0107h)";
    const ControlResult r = enable(handle(), ioctl::CdromStreamingEnableForReadOnly);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_THAT_STATUS(enable(handle(), ioctl::CdromStreamingDisable).status, status::Success);
}

TEST_P(EnableStreaming, EnableForReadIsRefusedWhereTheDriveDoesNotStream)
{
    if (caps_.streamingReads()) GTEST_SKIP() << "NotSupported: the drive streams reads (feature 0107h is current)";
    for (const std::int32_t type : {ioctl::CdromStreamingEnableForReadOnly, ioctl::CdromStreamingEnableForReadWrite}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        EXPECT_THAT_STATUS(enable(handle(), type).status, status::InvalidDeviceRequest) << "§3.4 H-stage row 2";
    }
}

TEST_P(EnableStreaming, EnableForWriteSucceedsWhereTheDriveStreamsWrites)
{
    if (!caps_.streamingWrites()) GTEST_SKIP() << "NotSupported: no Stream Writing (feature 0107h SW = 0, or not current)";
    for (const std::int32_t type : {ioctl::CdromStreamingEnableForWriteOnly, ioctl::CdromStreamingEnableForReadWrite}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        const ControlResult r = enable(handle(), type);
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_THAT_STATUS(enable(handle(), ioctl::CdromStreamingDisable).status, status::Success);
}

TEST_P(EnableStreaming, EnableForWriteIsRefusedWhereTheDriveDoesNotStreamWrites)
{
    if (caps_.streamingWrites()) GTEST_SKIP() << "NotSupported: the drive streams writes (feature 0107h SW = 1, current)";
    EXPECT_THAT_STATUS(enable(handle(), ioctl::CdromStreamingEnableForWriteOnly).status, status::InvalidDeviceRequest)
        << "§3.4 H-stage row 3";
}

TEST_P(EnableStreaming, CookedReadsWithStreamingSucceedAndReadTheSameData)
{
    requireCookedData();
    if (IsSkipped()) return;
    const std::vector<std::uint8_t> plain = readStart(handle());
    ASSERT_THAT_STATUS(enable(handle(), ioctl::CdromStreamingEnableForReadOnly).status, status::Success);
    const std::vector<std::uint8_t> streamed = readStart(handle());
    EXPECT_EQ(streamed, plain) << "READ(12) with the Streaming bit reads the same sectors as READ(10)";
}

TEST_P(EnableStreaming, IsPerHandle)
{
    // Another handle's flags start FALSE and change with its own requests only (§3.4, §7.2). What user mode can
    // see: each handle's reads keep succeeding with the same data, and one handle's switch is no other's.
    requireCookedData();
    if (IsSkipped()) return;
    ASSERT_THAT_STATUS(enable(handle(), ioctl::CdromStreamingEnableForReadOnly).status, status::Success);
    const std::vector<std::uint8_t> streamed = readStart(handle());
    {
        const auto other = device().open(HandleAccess::Read);
        EXPECT_EQ(readStart(*other), streamed) << "a second handle reads without streaming, and the same data";
        ASSERT_THAT_STATUS(enable(*other, ioctl::CdromStreamingDisable).status, status::Success);
        EXPECT_EQ(readStart(handle()), streamed) << "the first handle is not affected by the second's disable";
    }  // the second handle closes: its streaming, had it any, ends with it
    const auto third = device().open(HandleAccess::Read);
    EXPECT_EQ(readStart(*third), streamed);
    EXPECT_EQ(readStart(handle()), streamed);
}

TEST_P(EnableStreaming, RejectsAnInputShorterThanFourBytes)
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{3}}) {
        SCOPED_TRACE("InputBufferLength " + std::to_string(size));
        expectRefused(resized(streamingInput(ioctl::CdromStreamingDisable), size), status::InfoLengthMismatch);
    }
}

TEST_P(EnableStreaming, RejectsAnUnknownRequestType)
{
    for (const std::int32_t type : {0, 5, -1}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        expectRefused(streamingInput(type), status::InvalidParameter);
    }
}

TEST_P(EnableStreaming, NeedsReadAccess)
{
    const auto none = device().open(HandleAccess::None);
    EXPECT_THAT_STATUS(enable(*none, ioctl::CdromStreamingDisable).status, status::AccessDenied);
}

// --- SEND_OPC_INFORMATION (§3.14) ------------------------------------------------------------------------------

class SendOpcInformation : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::ReadWrite; }

    void expectRefused(std::span<const std::uint8_t> input, ioctl::NtStatus expected)
    {
        const StateSnapshot before = device().stateSnapshot();
        std::vector<std::uint8_t> out(16, kUntouched);
        const ControlResult r = control(codes::CdromSendOpcInformation, input, out);
        EXPECT_THAT_STATUS(r.status, expected);
        EXPECT_TRUE(untouchedFrom(out, 0)) << "an error copies nothing back (§0.2)";
        EXPECT_EQ(device().stateSnapshot(), before);
    }
};

TEST_P(SendOpcInformation, CalibratesOnAWritableMedium)
{
    if (!spec().expect.allowDestructive)
        GTEST_SKIP() << "NotSupported: OPC writes to the disc's power calibration area; devices.yaml does not declare "
                        "expect.allow_destructive: true for " << spec().id;
    if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: OPC needs a medium";
    const Capabilities caps = capabilities(handle());
    if (!writableProfile(caps.currentProfile))
        GTEST_SKIP() << "NotSupported: the current profile " << caps.currentProfile << " is not a recordable medium";
    for (const auto& [exclude0, exclude1] : {std::pair<std::uint8_t, std::uint8_t>{0, 0}, {1, 1}}) {
        SCOPED_TRACE("Exclude0 " + std::to_string(exclude0) + ", Exclude1 " + std::to_string(exclude1));
        std::vector<std::uint8_t> out(16, kUntouched);
        const ControlResult r = control(codes::CdromSendOpcInformation, opcInput(ioctl::SimpleOpcInfo, exclude0, exclude1), out);
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        EXPECT_TRUE(untouchedFrom(out, 0)) << "SEND_OPC_INFORMATION has no output";
    }
}

TEST_P(SendOpcInformation, RejectsAnInputShorterThanEightBytes)
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{4}, sizeof(ioctl::CDROM_SIMPLE_OPC_INFO) - 1}) {
        SCOPED_TRACE("InputBufferLength " + std::to_string(size));
        expectRefused(resized(opcInput(ioctl::SimpleOpcInfo), size), status::InfoLengthMismatch);
    }
}

TEST_P(SendOpcInformation, RejectsARequestTypeOtherThanSimpleOpcInfo)
{
    for (const std::int32_t type : {0, 2, -1}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        expectRefused(opcInput(type), status::InvalidParameter);
    }
}

TEST_P(SendOpcInformation, NeedsReadAndWriteAccess)
{
    // FILE_READ_ACCESS | FILE_WRITE_ACCESS: a read handle is refused by the I/O manager (§1 step 1).
    for (const HandleAccess access : {HandleAccess::Read, HandleAccess::None}) {
        SCOPED_TRACE(access == HandleAccess::Read ? "read handle" : "handle without rights");
        const auto h = device().open(access);
        const StateSnapshot before = device().stateSnapshot();
        EXPECT_THAT_STATUS(h->control(codes::CdromSendOpcInformation, opcInput(ioctl::SimpleOpcInfo), {}).status, status::AccessDenied);
        EXPECT_EQ(device().stateSnapshot(), before);
    }
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, EnableStreaming, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, SendOpcInformation, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EnableStreaming);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SendOpcInformation);

}  // namespace
}  // namespace cdcts::suites
