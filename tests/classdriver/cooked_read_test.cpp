// IRP_MJ_READ (ReadFile) through the model: the verify and play-active gates of ioctl-contracts.md §7.3/§7.4, the
// alignment and bounds checks of RequestValidateReadWrite (S/ioctl.c:6116) against the cached capacity (§3.9), and
// READ (10) packets no larger than the adapter's transfer limit (§0.2).
#include <gtest/gtest.h>

#include <array>

#include "harness/device/device.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"
#include "model_fixture.hpp"
#include "page_buffer.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFaultKind;
using emulator::SectorFault;

using testing_support::PageBuffer;

class CookedReadModel : public testing_support::ModelFixture {
protected:
    // Through the Device seam, as a suite reads: DeviceHandle::read is ReadFile.
    ControlResult read(std::int64_t offset, std::span<std::uint8_t> buffer)
    {
        DeviceHandle& h = *handle;
        return h.read(offset, buffer);
    }
};

TEST_F(CookedReadModel, ReadWrite_SendsRead10AndReturnsTheSectors)
{
    build("data");
    PageBuffer out(4 * 2048, 0);
    const ControlResult r = read(16 * 2048, out.span());
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 8192u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "28 00 00 00 00 10 00 00 04 00");
    Bytes expected(8192);
    const auto cdb = mmc::cdb::read10(16, 4);
    ASSERT_TRUE(device->drive().execute(cdb, expected, mmc::DataDirection::In, 10s).good());
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), out.span().begin()));
}

TEST_F(CookedReadModel, ReadWrite_ZeroLengthSucceedsWithoutTheDrive)
{
    build("data");
    PageBuffer out(0, 0);
    const ControlResult r = read(12345, out.span());
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(CookedReadModel, ReadWrite_OffsetAndLengthMustBeWholeSectors)
{
    build("data");
    PageBuffer out(4096, 0);
    EXPECT_EQ(read(512, out.span()).status, st::InvalidDeviceRequest);
    PageBuffer odd(2047, 0);
    EXPECT_EQ(read(0, odd.span()).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(CookedReadModel, ReadWrite_ReadsStayWithinTheCachedCapacity)
{
    build("data");
    const auto length = static_cast<std::int64_t>(partitionLength());
    PageBuffer one(2048, 0);
    EXPECT_EQ(read(length - 2048, one.span()).status, st::Success) << "the last sector";
    EXPECT_EQ(read(length, one.span()).status, st::InvalidDeviceRequest) << "offset at PartitionLength";
    EXPECT_EQ(read(-2048, one.span()).status, st::InvalidDeviceRequest) << "negative offset";
    PageBuffer two(4096, 0);
    EXPECT_EQ(read(length - 2048, two.span()).status, st::InvalidDeviceRequest) << "runs past the end";
    EXPECT_EQ(traffic().size(), 1u) << "only the valid read reaches the drive";
}

TEST_F(CookedReadModel, ReadWrite_AWriterLeavesTheBoundsToTheDrive)
{
    // RequestValidateReadWrite checks PartitionLength only on drives that cannot write (§7.6 IsWriter): an
    // out-of-bounds request cannot harm a writer, so the drive answers it.
    build("data", {}, HandleAccess::Read, "dvdrw_writer");
    ASSERT_TRUE(device->driver().stateForTesting().isWriter);
    const auto length = static_cast<std::int64_t>(partitionLength());
    PageBuffer one(2048, 0);
    const ControlResult r = read(length, one.span());
    EXPECT_TRUE(r.status.isError()) << "the drive refuses an LBA past the end";
    ASSERT_FALSE(traffic().empty());
    EXPECT_EQ(traffic().front().opcode(), 0x28) << "READ (10) reached the drive";
}

TEST_F(CookedReadModel, S0_2_LongReadsAreSplitAtTheAdapterLimit)
{
    build("data");  // 64 KiB, 17 pages: 65536 bytes per packet either way
    PageBuffer out(40 * 2048, 0);
    const ControlResult r = read(0, out.span());
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 40u * 2048u);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "28 00 00 00 00 00 00 00 20 00") << "32 sectors";
    EXPECT_EQ(formatHex(traffic()[1].cdb()), "28 00 00 00 00 20 00 00 08 00") << "the remaining 8";
}

TEST_F(CookedReadModel, S0_2_UnalignedBuffersGetTheSmallerPacket)
{
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{1, 1024 * 1024, 17};  // 69632 page-aligned, 65536 otherwise
    build("data", settings);
    PageBuffer aligned(34 * 2048, 0);
    ASSERT_EQ(read(0, aligned.span()).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u) << "34 sectors fit 69632 bytes";
    device->drive().trace().clear();
    PageBuffer unaligned(34 * 2048, 2);
    ASSERT_EQ(read(0, unaligned.span()).status, st::Success);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "28 00 00 00 00 00 00 00 20 00") << "65536 bytes: 32 sectors";
    EXPECT_EQ(formatHex(traffic()[1].cdb()), "28 00 00 00 00 20 00 00 02 00");
}

TEST_F(CookedReadModel, S8_2_AMediumErrorReportsTheBytesOfTheGoodPackets)
{
    build("data");
    device->drive().faults().setSector(35, SectorFault::Unreadable);  // in the second packet (sectors 32-39)
    PageBuffer out(40 * 2048, 0);
    const ControlResult r = read(0, out.span());
    EXPECT_EQ(r.status, st::DeviceDataError);
    EXPECT_EQ(r.information, 32u * 2048u) << "the first packet completed";
    EXPECT_EQ(traffic().size(), 2u) << "MEDIUM ERROR is not retried";
}

TEST_F(CookedReadModel, S7_3_PendingVerifyFailsReadsWithoutTheDrive)
{
    buildWithVerifyPending();
    PageBuffer out(2048, 0);
    const ControlResult r = read(0, out.span());
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty()) << "the class driver never clears DO_VERIFY_VOLUME itself";
}

TEST_F(CookedReadModel, S7_4_ReadsFailDeviceBusyWhileTheFlagIsSetEvenAfterThePlayEnded)
{
    build("audio");
    const std::array<std::uint8_t, 10> play{0x47, 0, 0, 0, 2, 0, 0, 30, 0, 0};  // PLAY AUDIO MSF 00:02:00-00:30:00
    ASSERT_TRUE(device->drive().execute(play, {}, mmc::DataDirection::None, 10s).good());
    Bytes sub(16);
    const std::array<std::uint8_t, 2> position{1, 0};
    ASSERT_EQ(control(ioctl::codes::CdromReadQChannel, sub, position).status, st::Success);
    const std::array<std::uint8_t, 6> stop{0x1B, 0x01, 0, 0, 0, 0};
    ASSERT_TRUE(device->drive().execute(stop, {}, mmc::DataDirection::None, 10s).good());
    device->drive().trace().clear();
    PageBuffer out(2048, 0);
    const ControlResult r = read(0, out.span());
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty()) << "without asking the drive";
}

TEST_F(CookedReadModel, S1_Step1_ReadFileNeedsReadAccess)
{
    build("data", {}, HandleAccess::None);
    PageBuffer out(2048, 0);
    EXPECT_EQ(read(0, out.span()).status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
}

}  // namespace
}  // namespace cdcts::classdriver
