// IOCTL_CDROM_GET_INQUIRY_DATA and the INQUIRY cache behind it (ioctl-contracts.md §3.10, §1 step 4a): the start-up
// INQUIRY sequence that fills the cache (DeviceCacheDeviceInquiryData), and the three answers from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>
#include <functional>
#include <memory>
#include <string>

#include "harness/classdriver/class_driver.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"
#include "intercepting_target.hpp"
#include "model_fixture.hpp"
#include "tests/support/scripted_target.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

// ---- the answers from the cache ----


class InquiryDataModel : public testing_support::ModelFixture {};

TEST_F(InquiryDataModel, S3_10_ReturnsTheCachedBytesWithoutDeviceIo)
{
    build("data");
    Bytes direct(96);
    const auto cdb = mmc::cdb::inquiry(96);
    ASSERT_TRUE(device->drive().execute(cdb, direct, mmc::DataDirection::In, std::chrono::seconds(10)).good());
    device->drive().trace().clear();
    Bytes out(300, 0xCD);
    const ControlResult r = control(codes::CdromGetInquiryData, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 96u) << "CachedLen: AdditionalLength + 5";
    EXPECT_TRUE(std::equal(direct.begin(), direct.end(), out.begin()));
    EXPECT_EQ(out[96], 0xCD);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(InquiryDataModel, S3_10_Rows1To3_ZeroShortAndExactLengths)
{
    build("data");
    Bytes none;
    const ControlResult zero = control(codes::CdromGetInquiryData, none);
    EXPECT_EQ(zero.status, st::BufferTooSmall);
    EXPECT_EQ(zero.information, 0u);
    Bytes partial(10, 0xCD);
    const ControlResult overflow = control(codes::CdromGetInquiryData, partial);
    EXPECT_EQ(overflow.status, st::BufferOverflow) << "a warning: the bytes are returned";
    EXPECT_EQ(overflow.information, 10u);
    EXPECT_EQ(std::string(partial.begin() + 8, partial.begin() + 10), "CD") << "vendor CDCTS begins at byte 8";
    Bytes exact(96);
    EXPECT_EQ(control(codes::CdromGetInquiryData, exact).status, st::Success);
    Bytes one(95);
    EXPECT_EQ(control(codes::CdromGetInquiryData, one).status, st::BufferOverflow);
}

TEST_F(InquiryDataModel, S3_10_AnsweredEvenAfterTheDriveIsGone)
{
    build("data");
    device->drive().faults().schedule(emulator::FaultEvent{device->drive().clock().now(), emulator::FaultEventKind::DeviceGone});
    Bytes out(36);
    EXPECT_EQ(control(codes::CdromGetInquiryData, out).status, st::BufferOverflow) << "no device I/O: the cache answers";
    EXPECT_TRUE(traffic().empty());
}

TEST(InquiryDataThread, S3_10_AnsweredWhileASlowRequestHoldsTheSerialQueue)
{
    // §1 step 4a: processed in the caller's thread, not queued: a request stuck at the drive does not delay it.
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    drive.loadMedium(emulator::makeSyntheticDisc("data"));
    clock.advance(drive.profile().timings.spinUp);
    testing_support::InterceptingTarget target(drive);
    ClassDriver driver(target, DeviceIdentity{}, ClassDriverSettings{});
    driver.runPendingMmcRefresh();
    auto slowHandle = driver.open(HandleAccess::Read);
    auto quickHandle = driver.open(HandleAccess::Read);

    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> first{true};
    target.override_ = [&](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>) -> std::optional<mmc::CommandResult> {
        if (cdb[0] == 0x00 && first.exchange(false)) {
            entered.set_value();
            released.wait();  // the drive takes its time over this TEST UNIT READY
        }
        return std::nullopt;
    };
    std::thread slow([&] {
        Bytes count(4);
        (void)slowHandle->control(codes::CdromCheckVerify, {}, count);
    });
    entered.get_future().wait();
    auto inquiry = std::async(std::launch::async, [&] {
        Bytes out(96);
        return quickHandle->control(codes::CdromGetInquiryData, {}, out).status;
    });
    const bool answered = inquiry.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    release.set_value();
    slow.join();
    EXPECT_TRUE(answered) << "GET_INQUIRY_DATA waited for the request at the drive";
    EXPECT_EQ(inquiry.get(), st::Success);
}

// ---- the start-up INQUIRY sequence that fills the cache ----

// A drive whose INQUIRY data is `inquiry` (byte 4 = AdditionalLength as the test sets it); `reply` may shorten or
// fail a given attempt. Every other command answers GOOD with no data.
class InquiryCache : public ::testing::Test {
protected:
    testing_support::ScriptedTarget drive;
    Bytes inquiry;
    std::function<testing_support::ScriptedReply(std::uint16_t allocation, testing_support::ScriptedReply)> reply;
    std::unique_ptr<ClassDriver> driver;

    static Bytes inquiryData(std::size_t length, std::uint8_t additionalLength)
    {
        Bytes d(length, 0x20);
        d[0] = 0x05;  // CD/DVD device
        d[4] = additionalLength;
        for (std::size_t i = 36; i < length; ++i) d[i] = static_cast<std::uint8_t>(i);
        return d;
    }
    void start()
    {
        drive.script = [this](std::span<const std::uint8_t> cdb) {
            if (cdb[0] != 0x12) return testing_support::goodReply();
            const auto allocation = static_cast<std::uint16_t>(cdb[3] << 8 | cdb[4]);
            const auto n = static_cast<std::ptrdiff_t>(std::min<std::size_t>(allocation, inquiry.size()));
            testing_support::ScriptedReply r = testing_support::goodReply(Bytes(inquiry.begin(), inquiry.begin() + n));
            return reply ? reply(allocation, r) : r;
        };
        driver = std::make_unique<ClassDriver>(drive, DeviceIdentity{}, ClassDriverSettings{});
    }
    std::vector<std::string> inquiries() const
    {
        std::vector<std::string> out;
        for (const auto& c : drive.cdbs)
            if (c[0] == 0x12) out.push_back(formatHex(c));
        return out;
    }
};

TEST_F(InquiryCache, S3_10_ExactlyThirtySixBytesAreAskedForOnce)
{
    inquiry = inquiryData(36, 31);
    start();
    EXPECT_EQ(inquiries(), std::vector<std::string>{"12 00 00 00 24 00"});
    EXPECT_EQ(driver->state().inquiryData, inquiry);
}

TEST_F(InquiryCache, S3_10_LongerDataIsAskedForAgainWithAdditionalLengthPlus5)
{
    inquiry = inquiryData(96, 91);
    start();
    EXPECT_EQ(inquiries(), (std::vector<std::string>{"12 00 00 00 24 00", "12 00 00 00 60 00"}));
    EXPECT_EQ(driver->state().inquiryData, inquiry);
}

TEST_F(InquiryCache, S3_10_TheLongestIs260Bytes)
{
    inquiry = inquiryData(260, 255);
    start();
    EXPECT_EQ(inquiries(), (std::vector<std::string>{"12 00 00 00 24 00", "12 00 00 01 04 00"}));
    auto handle = driver->open(HandleAccess::Read);
    Bytes out(300);
    const ControlResult r = handle->control(codes::CdromGetInquiryData, {}, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 260u) << "CachedLen";
}

TEST_F(InquiryCache, S3_10_AdditionalLengthZeroIsTakenAs31AndAskedAgain)
{
    // The ATAPI workaround: AdditionalLength 0 is read as 31, so the second INQUIRY asks for 36.
    inquiry = inquiryData(36, 0);
    start();
    EXPECT_EQ(inquiries(), (std::vector<std::string>{"12 00 00 00 24 00", "12 00 00 00 24 00"}));
    EXPECT_EQ(driver->state().inquiryData.size(), 36u);
}

TEST_F(InquiryCache, S3_10_AShortFirstReplyIsAskedAgain)
{
    inquiry = inquiryData(36, 31);
    int calls = 0;
    reply = [&calls](std::uint16_t, testing_support::ScriptedReply r) {
        if (calls++ == 0) r.data.resize(30);  // 30 of the 36 bytes the first time
        return r;
    };
    start();
    EXPECT_EQ(inquiries(), (std::vector<std::string>{"12 00 00 00 24 00", "12 00 00 00 24 00"}));
    EXPECT_EQ(driver->state().inquiryData, inquiry);
}

TEST_F(InquiryCache, S3_10_AShortSecondReplyIsKeptAtItsRealLength)
{
    inquiry = inquiryData(96, 91);
    reply = [](std::uint16_t allocation, testing_support::ScriptedReply r) {
        if (allocation == 96) r.data.resize(50);
        return r;
    };
    start();
    EXPECT_EQ(driver->state().inquiryData, Bytes(inquiry.begin(), inquiry.begin() + 50));
}

TEST_F(InquiryCache, S3_10_DataOverrunWithAtLeast36BytesIsAskedAgainForWhatCame)
{
    inquiry = inquiryData(96, 91);
    reply = [](std::uint16_t allocation, testing_support::ScriptedReply r) {
        if (allocation == 96) {
            r.data.resize(40);
            r.result.transport = mmc::TransportStatus::DataOverrun;
            r.result.transferred = 40;
        }
        return r;
    };
    start();
    EXPECT_EQ(inquiries(), (std::vector<std::string>{"12 00 00 00 24 00", "12 00 00 00 60 00", "12 00 00 00 28 00"}));
    EXPECT_EQ(driver->state().inquiryData, Bytes(inquiry.begin(), inquiry.begin() + 40));
}

}  // namespace
}  // namespace cdcts::classdriver
