// §1: every request that touches the device runs one at a time, in arrival order, except GET_INQUIRY_DATA
// (step 4a), which is answered in the caller's thread even while another request is inside the drive. Real
// threads against a drive that can be held in the middle of a command.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "harness/classdriver/class_driver.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/virtual_drive.hpp"
#include "harness/ioctl/codes.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

// Forwards to the drive; a command with the held opcode waits until the test releases it. Records the opcodes in
// the order the drive received them.
class HoldingTarget final : public mmc::MmcTarget {
public:
    explicit HoldingTarget(emulator::VirtualDrive& drive) : drive_(drive) {}
    mmc::CommandResult execute(std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::DataDirection direction,
                               Nanoseconds timeout) override
    {
        {
            std::unique_lock lock(mutex_);
            opcodes_.push_back(cdb[0]);
            if (hold_ && cdb[0] == heldOpcode_) {
                held_ = true;
                changed_.notify_all();
                changed_.wait(lock, [&] { return !hold_; });
            }
        }
        return drive_.execute(cdb, data, direction, timeout);
    }
    Clock& clock() override { return drive_.clock(); }

    void holdNext(std::uint8_t opcode)
    {
        std::lock_guard lock(mutex_);
        heldOpcode_ = opcode;
        hold_ = true;
        held_ = false;
    }
    bool waitUntilHeld()
    {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 10s, [&] { return held_; });
    }
    void release()
    {
        {
            std::lock_guard lock(mutex_);
            hold_ = false;
        }
        changed_.notify_all();
    }
    std::vector<std::uint8_t> opcodes()
    {
        std::lock_guard lock(mutex_);
        return opcodes_;
    }
    void clearOpcodes()
    {
        std::lock_guard lock(mutex_);
        opcodes_.clear();
    }

private:
    emulator::VirtualDrive& drive_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::uint8_t> opcodes_;
    std::uint8_t heldOpcode_ = 0;
    bool hold_ = false;
    bool held_ = false;
};

class Serialisation : public ::testing::Test {
protected:
    VirtualClock clock;
    std::unique_ptr<emulator::VirtualDrive> drive;
    std::unique_ptr<HoldingTarget> target;
    std::unique_ptr<ClassDriver> driver;

    void SetUp() override
    {
        drive = std::make_unique<emulator::VirtualDrive>(*emulator::findDriveProfile("dvd_rom"), clock);
        drive->loadMedium(emulator::makeSyntheticDisc("data"));
        clock.advance(drive->profile().timings.spinUp);
        target = std::make_unique<HoldingTarget>(*drive);
        driver = std::make_unique<ClassDriver>(*target, DeviceIdentity{}, ClassDriverSettings{});
        driver->runPendingMmcRefresh();
        target->clearOpcodes();
    }
    void TearDown() override
    {
        target->release();  // never leave a thread parked in the drive
        driver.reset();
    }
    // Polls until `n` requests have arrived at the queue (the one running and those waiting).
    bool waitForQueued(std::uint64_t n)
    {
        for (int i = 0; i < 10000; ++i) {
            if (driver->queuedRequests() == n) return true;
            std::this_thread::sleep_for(1ms);
        }
        return false;
    }
};

// Lets a parked command go when a test ends early, before the futures' destructors wait for their threads.
struct ReleaseOnExit {
    HoldingTarget& target;
    ~ReleaseOnExit() { target.release(); }
};

ControlResult send(DeviceHandle& h, ioctl::ControlCode code, std::size_t outLength)
{
    Bytes out(outLength);
    return h.control(code, {}, out);
}

TEST_F(Serialisation, S1_RequestsRunOneAtATimeInArrivalOrder)
{
    auto a = driver->open(HandleAccess::Read);
    auto b = driver->open(HandleAccess::Read);
    auto c = driver->open(HandleAccess::Read);
    std::future<ControlResult> first, second, third;
    const ReleaseOnExit guard{*target};
    target->holdNext(0x00);  // A's TEST UNIT READY stays in the drive
    first = std::async(std::launch::async, [&] { return send(*a, codes::CdromCheckVerify, 4); });
    ASSERT_TRUE(target->waitUntilHeld());
    second = std::async(std::launch::async, [&] { return send(*b, codes::CdromReadToc, 804); });
    ASSERT_TRUE(waitForQueued(2));
    third = std::async(std::launch::async, [&] { return send(*c, codes::CdromGetDriveGeometry, 24); });
    ASSERT_TRUE(waitForQueued(3));
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(target->opcodes(), std::vector<std::uint8_t>{0x00}) << "nothing else reaches the drive meanwhile";

    target->release();
    EXPECT_EQ(first.get().status, st::Success);
    EXPECT_EQ(second.get().status, st::Success);
    EXPECT_EQ(third.get().status, st::Success);
    // READ TOC (43h) of the second request before READ CAPACITY (25h) of the third: arrival order.
    EXPECT_EQ(target->opcodes(), (std::vector<std::uint8_t>{0x00, 0x43, 0x25}));
    EXPECT_EQ(driver->queuedRequests(), 0u);
}

TEST_F(Serialisation, S1_Step4a_InquiryDataIsNotDelayedByARunningRequest)
{
    auto a = driver->open(HandleAccess::Read);
    auto b = driver->open(HandleAccess::Read);
    std::future<ControlResult> running, inquiry;
    const ReleaseOnExit guard{*target};
    target->holdNext(0x00);
    running = std::async(std::launch::async, [&] { return send(*a, codes::CdromCheckVerify, 4); });
    ASSERT_TRUE(target->waitUntilHeld());

    inquiry = std::async(std::launch::async, [&] { return send(*b, codes::CdromGetInquiryData, 96); });
    const bool answered = inquiry.wait_for(5s) == std::future_status::ready;
    EXPECT_TRUE(answered) << "GET_INQUIRY_DATA waited behind the request in the drive";
    EXPECT_EQ(driver->queuedRequests(), 1u) << "it never joined the queue";
    target->release();
    EXPECT_EQ(running.get().status, st::Success);
    const ControlResult r = inquiry.get();
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 96u);
    EXPECT_EQ(target->opcodes(), std::vector<std::uint8_t>{0x00}) << "no device I/O for the inquiry data";
}

}  // namespace
}  // namespace cdcts::classdriver
