// Faults injected into the emulated drive, seen through the class-driver model: the NTSTATUS, retries and
// delays ioctl-contracts.md §8 gives for each. RAW_READ is not modelled yet, so a medium error is injected on
// the TEST UNIT READY that CHECK_VERIFY sends (§3.1).
#include <gtest/gtest.h>

#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFault;
using emulator::CommandFaultKind;
using emulator::FaultEvent;
using emulator::FaultEventKind;

class FaultModel : public testing_support::ModelFixture {};

TEST_F(FaultModel, S8_2_UnrecoveredReadErrorIsDeviceDataErrorWithoutRetry)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x00, .count = 1,
                                              .sense = mmc::sense::UnrecoveredReadError});
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::DeviceDataError) << "03/11/00: ASC 11 is not in §8.1, sense key 3 is DEVICE_DATA_ERROR";
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "MEDIUM ERROR is not retried";
}

TEST_F(FaultModel, S8_3_AHangIsIoTimeoutAfterFiveRetriesOneSecondApart)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::Hang, .opcode = 0x00, .count = 6});
    const Nanoseconds start = device->clock().now();
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::IoTimeout);
    EXPECT_EQ(traffic().size(), 6u) << "the first attempt and 5 retries";
    // CHECK_VERIFY's TEST UNIT READY has a 20 s timeout (§3.1); each of 6 attempts waits it out, 1 s between.
    EXPECT_EQ(device->clock().now() - start, Nanoseconds(6 * 20s + 5 * 1s));
}

TEST_F(FaultModel, S8_3_AHangThatClearsIsRecoveredByARetry)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::Hang, .opcode = 0x00, .count = 1});
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    EXPECT_EQ(traffic().size(), 2u);
}

TEST_F(FaultModel, S8_3_AGoneDeviceIsNoSuchDeviceAtOnce)
{
    build("data");
    device->drive().faults().schedule({.at = device->clock().now(), .kind = FaultEventKind::DeviceGone});
    Bytes out(4);
    const ControlResult r = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(r.status, st::NoSuchDevice);
    EXPECT_EQ(traffic().size(), 1u) << "NO_DEVICE is not retried";
}

TEST_F(FaultModel, S1_Step7_OnceTheDriveHasGoneLaterFailuresAreDeviceDoesNotExist)
{
    // The request that meets the removal fails as the transport says (§8.3); PnP then surprise-removes the
    // device, and every later failure, a cooked read's too, is STATUS_DEVICE_DOES_NOT_EXIST (§1 step 7).
    build("data");
    device->drive().faults().schedule({.at = device->clock().now(), .kind = FaultEventKind::DeviceGone});
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::NoSuchDevice);
    EXPECT_FALSE(device->driver().state().surpriseRemoved) << "not before the request that met it completed";
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::DeviceDoesNotExist);
    EXPECT_TRUE(device->driver().state().surpriseRemoved);
    std::vector<std::uint8_t> sector(2048);
    EXPECT_EQ(handle->read(0, sector).status, st::DeviceDoesNotExist);
}

TEST_F(FaultModel, S8_1_ARemovedMediumIsNoMediaInDevice)
{
    build("data");
    device->drive().faults().schedule({.at = device->clock().now() + 1s, .kind = FaultEventKind::MediumRemoved});
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);
    device->clock().sleepFor(1s);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::NoMediaInDevice);
}

TEST_F(FaultModel, S8_6_AShortTocReplyWithStatusGoodIsPassedOnAsItCame)
{
    build("mixed");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0x43, .transferLimit = 20});
    Bytes out(804, 0xCD);
    const ControlResult r = control(codes::CdromReadToc, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 20u) << "Information = bytes transferred";
    EXPECT_EQ(out[20], 0xCD);
}

}  // namespace
}  // namespace cdcts::classdriver
