// Speed and performance (ioctl-contracts.md §3.13, §3.12): IOCTL_CDROM_SET_SPEED in both forms (CdromSetSpeed ->
// SET CD SPEED, CdromSetStreaming -> SET STREAMING) and IOCTL_CDROM_GET_PERFORMANCE for every request type
// (nominal performance, exceptions, write speed descriptors). Every V-stage rule is a negative case: the
// documented status, nothing copied back, no state change. Every test that sets a speed arms a SpeedGuard
// first, which puts the drive back to its maximum speed and default performance even when the test fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "suites/speed_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using namespace speed;

// An output buffer the driver must not touch (neither code of §3.13 has an output).
std::vector<std::uint8_t> junkOutput() { return std::vector<std::uint8_t>(16, kUntouched); }

// Inputs for the refused cases that would change the drive if they got through: 4x (706 kB/s), and a streaming
// 4x over LBA 0 that is not persistent (the class driver would also arm its restore-at-media-change flag).
std::vector<std::uint8_t> slowSetSpeedInput() { return setSpeedInput(706, 706); }

std::vector<std::uint8_t> slowSetStreamingInput()
{
    ioctl::CDROM_SET_STREAMING in{};
    in.RequestType = ioctl::CdromSetStreaming;
    in.ReadSize = 706;
    in.ReadTime = 1000;
    in.WriteSize = 706;
    in.WriteTime = 1000;
    in.RotationControl = ioctl::CdromDefaultRotation;
    return bytesOf(in);
}

// --- SET_SPEED (§3.13) ---------------------------------------------------------------------------------------

class SetSpeed : public fixtures::DeviceTest {
protected:
    void SetUp() override
    {
        fixtures::DeviceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        caps_ = capabilities(handle());
    }

    // A call the V-stage must refuse: the status, Info 0, the output untouched and the drive's state unchanged.
    void expectRefused(std::span<const std::uint8_t> input, ioctl::NtStatus expected)
    {
        SpeedGuard guard(handle(), caps_.rtsPresent);  // in case a wrong driver lets it through
        const StateSnapshot before = device().stateSnapshot();
        std::vector<std::uint8_t> out = junkOutput();
        const ControlResult r = control(codes::CdromSetSpeed, input, out);
        EXPECT_THAT_STATUS(r.status, expected);
        EXPECT_TRUE(untouchedFrom(out, 0)) << "an error copies nothing back (§0.2)";
        EXPECT_EQ(device().stateSnapshot(), before) << "a request refused before the queue changes nothing";
    }

    Capabilities caps_;
};

TEST_P(SetSpeed, CdromSetSpeedToTheMaximumSucceeds)
{
    SpeedGuard guard(handle(), caps_.rtsPresent);
    std::vector<std::uint8_t> out = junkOutput();
    const ControlResult r = control(codes::CdromSetSpeed, setSpeedInput(kMaximumSpeed, kMaximumSpeed), out);
    ASSERT_THAT_STATUS(r.status, status::Success) << "FFFFh asks for the drive's maximum, which it always has";
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(untouchedFrom(out, 0)) << "SET_SPEED has no output";
}

// What reaches the drive (§3.13 H-stage): one SET CD SPEED whose CDB carries the caller's speeds and rotation
// control. MMC lets the drive pick the speed it actually uses, so the effect on the spindle is not checkable; the
// command is, wherever the device shows its drive traffic.
TEST_P(SetSpeed, CdromSetSpeedSendsSetCdSpeedWithTheRequestedSpeeds)
{
    if (!device().commandTrace()) GTEST_SKIP() << "NotSupported: the device keeps no command trace of its drive traffic";
    SpeedGuard guard(handle(), caps_.rtsPresent);
    device().clearCommandTrace();
    ASSERT_THAT_STATUS(control(codes::CdromSetSpeed, setSpeedInput(706, 1412, ioctl::CdromCAVRotation), {}).status,
                       status::Success);
    const auto trace = device().commandTrace().value_or(std::vector<DriveCommand>{});
    const auto sent = std::find_if(trace.begin(), trace.end(),
                                   [](const DriveCommand& c) { return !c.cdb.empty() && c.cdb[0] == 0xBB; });
    ASSERT_NE(sent, trace.end()) << "SET_SPEED succeeded, but no SET CD SPEED (BBh) reached the drive ("
                                 << trace.size() << " commands sent)";
    ASSERT_GE(sent->cdb.size(), 6u);
    EXPECT_EQ(sent->cdb[1] & 3, ioctl::CdromCAVRotation) << "byte 1 bits 0-1: RotationControl";
    EXPECT_EQ(loadBe16(&sent->cdb[2]), 706) << "bytes 2-3: ReadSpeed in kB/s";
    EXPECT_EQ(loadBe16(&sent->cdb[4]), 1412) << "bytes 4-5: WriteSpeed in kB/s";
    EXPECT_EQ(sent->direction, mmc::DataDirection::None) << "SET CD SPEED moves no data";
}

TEST_P(SetSpeed, CdromSetSpeedToTheMaximumSucceedsWithEitherRotationControl)
{
    SpeedGuard guard(handle(), caps_.rtsPresent);
    for (const ioctl::WRITE_ROTATION rotation : {ioctl::CdromDefaultRotation, ioctl::CdromCAVRotation}) {
        SCOPED_TRACE("RotationControl " + std::to_string(rotation));
        const ControlResult r = control(codes::CdromSetSpeed, setSpeedInput(kMaximumSpeed, kMaximumSpeed, rotation), {});
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
    }
}

TEST_P(SetSpeed, CdromSetSpeedIgnoresBytesPastTwelve)
{
    // The CdromSetSpeed form needs exactly its 12 bytes (row 3); a longer input is not refused.
    SpeedGuard guard(handle(), caps_.rtsPresent);
    std::vector<std::uint8_t> in = resized(setSpeedInput(kMaximumSpeed, kMaximumSpeed), sizeof(ioctl::CDROM_SET_STREAMING));
    std::fill(in.begin() + sizeof(ioctl::CDROM_SET_SPEED), in.end(), std::uint8_t{0xA5});
    const ControlResult r = control(codes::CdromSetSpeed, in, {});
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_P(SetSpeed, CdromSetSpeedBelowTheMaximumDoesNotRaiseTheReportedReadPerformance)
{
    if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: GET_PERFORMANCE needs a medium";
    if (!caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), GET PERFORMANCE is optional";
    const auto fastest = [&]() -> std::optional<std::uint32_t> {
        std::vector<std::uint8_t> out(8 + 16 * 32, kUntouched);
        const ControlResult r = control(codes::CdromGetPerformance,
                                        performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), out);
        if (!r.status.isSuccess() || r.information < 8 + 16) return std::nullopt;
        std::uint32_t best = 0;
        for (std::size_t at = 8; at + 16 <= r.information; at += 16)
            best = std::max({best, loadBe32(&out[at + 4]), loadBe32(&out[at + 12])});
        return best;
    };
    const auto before = fastest();
    ASSERT_TRUE(before) << "nominal read performance before the change";
    SpeedGuard guard(handle(), caps_.rtsPresent);
    ASSERT_THAT_STATUS(control(codes::CdromSetSpeed, setSpeedInput(706, kMaximumSpeed), {}).status, status::Success)
        << "4x (706 kB/s): a drive picks a speed it supports (MMC SET CD SPEED)";
    const auto lowered = fastest();
    ASSERT_TRUE(lowered);
    EXPECT_LE(*lowered, *before) << "a lower selected speed never makes the drive report a faster one";
    ASSERT_THAT_STATUS(control(codes::CdromSetSpeed, setSpeedInput(kMaximumSpeed, kMaximumSpeed), {}).status, status::Success);
    const auto restored = fastest();
    ASSERT_TRUE(restored);
    EXPECT_GE(*restored, *lowered) << "back at the maximum the drive is no slower than at 4x";
}

TEST_P(SetSpeed, CdromSetStreamingRestoreDefaultsSucceeds)
{
    if (!caps_.mmc) GTEST_SKIP() << "NotSupported: the streaming form needs an MMC drive";
    if (!caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), so no SET STREAMING";
    SpeedGuard guard(handle(), true);
    std::vector<std::uint8_t> out = junkOutput();
    const ControlResult r = control(codes::CdromSetSpeed, restoreDefaultsInput(), out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

TEST_P(SetSpeed, CdromSetStreamingAtTheFastestReadRateSucceeds)
{
    if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: a performance range needs a medium";
    if (!caps_.mmc || !caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), so no SET STREAMING";
    SpeedGuard guard(handle(), true);
    for (const ioctl::WRITE_ROTATION rotation : {ioctl::CdromDefaultRotation, ioctl::CdromCAVRotation}) {
        SCOPED_TRACE("RotationControl " + std::to_string(rotation));
        // A rate far above any drive's (65535 kB/s for one second over LBA 0): the drive picks its fastest.
        ioctl::CDROM_SET_STREAMING in{};
        in.RequestType = ioctl::CdromSetStreaming;
        in.ReadSize = 0xFFFF;
        in.ReadTime = 1000;
        in.StartLba = 0;
        in.EndLba = 0;
        in.RotationControl = rotation;
        in.Persistent = 1;
        const ControlResult r = control(codes::CdromSetSpeed, bytesOf(in), {});
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
    }
}

TEST_P(SetSpeed, NegativeRequestTypeIsTakenForTheStreamingForm)
{
    // Row 2 compares signed: -1 passes and is sent as SET STREAMING (row 4).
    if (!caps_.mmc || !caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), so no SET STREAMING";
    SpeedGuard guard(handle(), true);
    std::vector<std::uint8_t> in = restoreDefaultsInput();
    storeLe32(in.data(), 0xFFFFFFFFu);
    const ControlResult r = control(codes::CdromSetSpeed, in, {});
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_P(SetSpeed, RejectsAnInputShorterThanTwelveBytes)
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{4}, sizeof(ioctl::CDROM_SET_SPEED) - 1}) {
        SCOPED_TRACE("InputBufferLength " + std::to_string(size));
        expectRefused(resized(slowSetSpeedInput(), size), status::InfoLengthMismatch);
    }
}

TEST_P(SetSpeed, RejectsARequestTypeAboveCdromSetStreaming)
{
    for (const std::uint32_t type : {2u, 3u, 0x7FFFFFFFu}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        std::vector<std::uint8_t> in = slowSetStreamingInput();
        storeLe32(in.data(), type);
        expectRefused(in, status::InvalidParameter);
    }
}

TEST_P(SetSpeed, CdromSetStreamingRejectsAnInputShorterThanThirtySixBytes)
{
    // Row 4 before row 5: a drive that is not MMC refuses the form whatever its length.
    const ioctl::NtStatus expected = caps_.mmc ? status::InfoLengthMismatch : status::InvalidDeviceRequest;
    for (const std::uint32_t type : {1u, 0xFFFFFFFFu}) {
        for (const std::size_t size : {sizeof(ioctl::CDROM_SET_SPEED), std::size_t{20}, sizeof(ioctl::CDROM_SET_STREAMING) - 1}) {
            SCOPED_TRACE("RequestType " + std::to_string(static_cast<std::int32_t>(type)) + ", InputBufferLength " + std::to_string(size));
            std::vector<std::uint8_t> in = resized(slowSetStreamingInput(), size);
            storeLe32(in.data(), type);
            expectRefused(in, expected);
        }
    }
}

TEST_P(SetSpeed, NeedsReadAccess)
{
    SpeedGuard guard(handle(), caps_.rtsPresent);
    const auto none = device().open(HandleAccess::None);
    const StateSnapshot before = device().stateSnapshot();
    const ControlResult r = none->control(codes::CdromSetSpeed, slowSetSpeedInput(), {});
    EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "the I/O manager checks the code's READ access first (§1 step 1)";
    EXPECT_EQ(device().stateSnapshot(), before);
}

// --- GET_PERFORMANCE (§3.12) -----------------------------------------------------------------------------------

class GetPerformance : public fixtures::DeviceTest {
protected:
    void SetUp() override
    {
        fixtures::DeviceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        caps_ = capabilities(handle());
    }

    // A call the V-stage must refuse: the status, Info 0 seen by the caller, nothing copied, no state change.
    void expectRefused(std::span<const std::uint8_t> input, std::size_t outLength, ioctl::NtStatus expected)
    {
        const StateSnapshot before = device().stateSnapshot();
        std::vector<std::uint8_t> out(outLength, kUntouched);
        const ControlResult r = control(codes::CdromGetPerformance, input, out);
        EXPECT_THAT_STATUS(r.status, expected);
        EXPECT_TRUE(untouchedFrom(out, 0)) << "an error copies nothing back (§0.2)";
        EXPECT_EQ(device().stateSnapshot(), before);
    }

    void requireReport()
    {
        if (!spec().expect.mediumPresent.value_or(false)) GTEST_SKIP() << "NotSupported: the performance of a medium needs a medium";
        if (!caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), GET PERFORMANCE is optional";
    }

    // Runs a request that must succeed; checks Info and the header; returns the reply (Info bytes).
    std::vector<std::uint8_t> report(std::span<const std::uint8_t> input, bool except, bool write, std::size_t outLength = 8 + 16 * 64)
    {
        std::vector<std::uint8_t> out(outLength, kUntouched);
        const ControlResult r = control(codes::CdromGetPerformance, input, out);
        EXPECT_THAT_STATUS(r.status, status::Success);
        if (!r.status.isSuccess()) return {};
        EXPECT_GE(r.information, ioctl::CDROM_PERFORMANCE_HEADER::kDataOffset) << "fewer than 8 bytes fail (§3.12 result)";
        EXPECT_LE(r.information, outLength);
        EXPECT_TRUE(untouchedFrom(out, r.information)) << "bytes past Information are the caller's";
        out.resize(std::min<std::size_t>(r.information, out.size()));
        if (out.size() < 8) return {};
        const std::uint32_t dataLength = loadBe32(out.data());
        EXPECT_GE(dataLength, 4u) << "DataLength counts the header's last 4 bytes too";
        EXPECT_GE(std::size_t{dataLength} + 4, out.size()) << "DataLength counts every byte available";
        EXPECT_EQ((out[4] & 0x01) != 0, except) << "header Except bit";
        EXPECT_EQ((out[4] & 0x02) != 0, write) << "header Write bit";
        return out;
    }

    // The last LBA of the medium, from GET_DRIVE_GEOMETRY_EX's size (READ CAPACITY); nullopt if it does not answer.
    std::optional<std::uint32_t> lastLba()
    {
        std::vector<std::uint8_t> out(64, 0);
        const ControlResult r = control(codes::CdromGetDriveGeometryEx, {}, out);
        if (!r.status.isSuccess() || r.information < 32) return std::nullopt;
        const std::uint32_t sectorSize = loadLe32(&out[20]);
        std::uint64_t size = 0;
        for (int i = 7; i >= 0; --i) size = size << 8 | out[24 + static_cast<std::size_t>(i)];
        if (sectorSize == 0 || size < sectorSize) return std::nullopt;
        return static_cast<std::uint32_t>(size / sectorSize - 1);
    }

    // Nominal descriptors (16 bytes): start <= end LBA within the medium, both speeds > 0 and physically possible.
    void expectPlausibleNominal(std::span<const std::uint8_t> reply)
    {
        ASSERT_EQ((reply.size() - 8) % 16, 0u) << "whole 16-byte nominal descriptors";
        EXPECT_GT(reply.size(), 8u) << "a medium has at least one nominal descriptor";
        const auto last = lastLba();
        const std::uint32_t limit = physicalLimitKbps(caps_.currentProfile);
        for (std::size_t at = 8; at + 16 <= reply.size(); at += 16) {
            SCOPED_TRACE("descriptor at byte " + std::to_string(at));
            const std::uint32_t startLba = loadBe32(&reply[at]), startKbps = loadBe32(&reply[at + 4]);
            const std::uint32_t endLba = loadBe32(&reply[at + 8]), endKbps = loadBe32(&reply[at + 12]);
            EXPECT_LE(startLba, endLba);
            if (last) {
                EXPECT_LE(endLba, *last) << "within the medium";
            }
            EXPECT_GT(startKbps, 0u);
            EXPECT_GT(endKbps, 0u);
            EXPECT_LE(startKbps, limit) << "kB/s beyond any drive for profile " << caps_.currentProfile;
            EXPECT_LE(endKbps, limit) << "kB/s beyond any drive for profile " << caps_.currentProfile;
        }
    }

    // Exception descriptors (6 bytes): LBAs within the medium.
    void expectPlausibleExceptions(std::span<const std::uint8_t> reply)
    {
        ASSERT_EQ((reply.size() - 8) % 6, 0u) << "whole 6-byte exception descriptors";
        const auto last = lastLba();
        if (!last) return;
        for (std::size_t at = 8; at + 6 <= reply.size(); at += 6)
            EXPECT_LE(loadBe32(&reply[at]), *last) << "exception at byte " << at << " within the medium";
    }

    Capabilities caps_;
};

TEST_P(GetPerformance, NominalReadPerformanceIsWellFormedAndPlausible)
{
    requireReport();
    if (IsSkipped()) return;
    const auto reply = report(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), false, false);
    if (HasFailure() || reply.empty()) return;
    expectPlausibleNominal(reply);
}

TEST_P(GetPerformance, EntirePerformanceListIsWellFormed)
{
    requireReport();
    if (IsSkipped()) return;
    const auto reply = report(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromEntirePerformanceList), true, false);
    if (HasFailure() || reply.empty()) return;
    expectPlausibleExceptions(reply);
}

TEST_P(GetPerformance, PerformanceExceptionsOnlyAreWellFormed)
{
    requireReport();
    if (IsSkipped()) return;
    const auto reply = report(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromPerformanceExceptionsOnly), true, false);
    if (HasFailure() || reply.empty()) return;
    expectPlausibleExceptions(reply);
}

TEST_P(GetPerformance, NominalWritePerformanceIsWellFormedAndPlausible)
{
    requireReport();
    if (IsSkipped()) return;
    if (!caps_.writeSpeedDescriptors()) GTEST_SKIP() << "NotSupported: the drive reports no write speeds (feature 0107h WSPD = 0)";
    const auto reply = report(performanceInput(ioctl::CdromWritePerformance, ioctl::CdromNominalPerformance), false, true);
    if (HasFailure() || reply.empty()) return;
    expectPlausibleNominal(reply);
}

TEST_P(GetPerformance, WriteSpeedDescriptorsAreWellFormedAndPlausible)
{
    requireReport();
    if (IsSkipped()) return;
    if (!caps_.writeSpeedDescriptors()) GTEST_SKIP() << "NotSupported: the drive reports no write speeds (feature 0107h WSPD = 0)";
    const auto reply = report(writeSpeedInput(), false, false);
    if (HasFailure() || reply.empty()) return;
    ASSERT_EQ((reply.size() - 8) % 16, 0u) << "whole 16-byte write speed descriptors";
    EXPECT_GT(reply.size(), 8u) << "a drive with WSPD lists at least one write speed";
    const auto last = lastLba();
    const std::uint32_t limit = physicalLimitKbps(caps_.currentProfile);
    for (std::size_t at = 8; at + 16 <= reply.size(); at += 16) {
        SCOPED_TRACE("descriptor at byte " + std::to_string(at));
        EXPECT_LE((reply[at] >> 3) & 0x03, 1) << "WRC is 00b (default) or 01b (CAV)";
        if (last) {
            EXPECT_LE(loadBe32(&reply[at + 4]), *last) << "End LBA within the medium";
        }
        const std::uint32_t readKbps = loadBe32(&reply[at + 8]), writeKbps = loadBe32(&reply[at + 12]);
        EXPECT_GT(writeKbps, 0u);
        EXPECT_LE(readKbps, limit);
        EXPECT_LE(writeKbps, limit);
    }
}

TEST_P(GetPerformance, WriteSpeedRequestLooksAtNoOtherField)
{
    // Row 6: with RequestType 2 the rest of a 20-byte input is not validated (PerformanceType 0, Tolerance 7, ...).
    requireReport();
    if (IsSkipped()) return;
    if (!caps_.writeSpeedDescriptors()) GTEST_SKIP() << "NotSupported: the drive reports no write speeds (feature 0107h WSPD = 0)";
    std::vector<std::uint8_t> in(sizeof(ioctl::CDROM_PERFORMANCE_REQUEST), 0x07);
    storeLe32(in.data(), ioctl::CdromWriteSpeedRequest);
    (void)report(in, false, false);
}

TEST_P(GetPerformance, AHeaderOnlyBufferGetsTheHeader)
{
    requireReport();
    if (IsSkipped()) return;
    std::vector<std::uint8_t> out(8, kUntouched);
    const ControlResult r = control(codes::CdromGetPerformance,
                                    performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), out);
    ASSERT_THAT_STATUS(r.status, status::Success) << "8 bytes are the minimum output (row 8)";
    EXPECT_EQ(r.information, 8u);
    EXPECT_GE(loadBe32(out.data()), 4u);
}

TEST_P(GetPerformance, AShortBufferTakesWholeBytesAndLeavesTheRest)
{
    requireReport();
    if (IsSkipped()) return;
    // One descriptor and 5 spare bytes: room for one 16-byte descriptor only.
    (void)report(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), false, false, 8 + 16 + 5);
}

TEST_P(GetPerformance, WithoutAMediumReportsNoMedia)
{
    if (spec().expect.mediumPresent.value_or(true)) GTEST_SKIP() << "NotSupported: needs a drive declared empty";
    if (!caps_.rtsPresent) GTEST_SKIP() << "NotSupported: no Real-Time Streaming feature (0107h), GET PERFORMANCE is optional";
    std::vector<std::uint8_t> out(8 + 16 * 4, kUntouched);
    const ControlResult r = control(codes::CdromGetPerformance,
                                    performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), out);
    EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

TEST_P(GetPerformance, RejectsAnInputShorterThanFourBytes)
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{3}}) {
        SCOPED_TRACE("InputBufferLength " + std::to_string(size));
        expectRefused(resized(writeSpeedInput(), size), 64, status::InfoLengthMismatch);
    }
}

TEST_P(GetPerformance, PerformanceRequestRejectsAnInputShorterThanTwentyBytes)
{
    for (const std::size_t size : {std::size_t{4}, std::size_t{12}, sizeof(ioctl::CDROM_PERFORMANCE_REQUEST) - 1}) {
        SCOPED_TRACE("InputBufferLength " + std::to_string(size));
        expectRefused(resized(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), size), 64,
                      status::InfoLengthMismatch);
    }
}

TEST_P(GetPerformance, PerformanceRequestRejectsAnUnknownPerformanceType)
{
    for (const std::int32_t type : {0, 3, -1}) {
        SCOPED_TRACE("PerformanceType " + std::to_string(type));
        expectRefused(performanceInput(static_cast<ioctl::CDROM_PERFORMANCE_TYPE>(type), ioctl::CdromNominalPerformance), 64,
                      status::InvalidParameter);
    }
}

TEST_P(GetPerformance, PerformanceRequestRejectsAnUnknownExceptionsType)
{
    for (const std::int32_t type : {0, 4, -1}) {
        SCOPED_TRACE("Exceptions " + std::to_string(type));
        expectRefused(performanceInput(ioctl::CdromReadPerformance, static_cast<ioctl::CDROM_PERFORMANCE_EXCEPTION_TYPE>(type)), 64,
                      status::InvalidParameter);
    }
}

TEST_P(GetPerformance, PerformanceRequestRejectsAToleranceOtherThanOne)
{
    for (const std::int32_t tolerance : {0, 2, -1}) {
        SCOPED_TRACE("Tolerance " + std::to_string(tolerance));
        std::vector<std::uint8_t> in = performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance);
        storeLe32(&in[offsetof(ioctl::CDROM_PERFORMANCE_REQUEST, Tolerance)], static_cast<std::uint32_t>(tolerance));
        expectRefused(in, 64, status::InvalidParameter);
    }
}

TEST_P(GetPerformance, RejectsAnUnknownRequestType)
{
    for (const std::int32_t type : {0, 3, -1}) {
        SCOPED_TRACE("RequestType " + std::to_string(type));
        std::vector<std::uint8_t> in = performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance);
        storeLe32(in.data(), static_cast<std::uint32_t>(type));
        expectRefused(in, 64, status::InvalidParameter);
    }
}

TEST_P(GetPerformance, RejectsAnOutputShorterThanTheHeader)
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{7}}) {
        SCOPED_TRACE("OutputBufferLength " + std::to_string(size));
        expectRefused(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), size, status::BufferTooSmall);
        expectRefused(writeSpeedInput(), size, status::BufferTooSmall);
    }
}

TEST_P(GetPerformance, RejectsAnOutputLongerThan65535Bytes)
{
    expectRefused(performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), 0x10000, status::InvalidParameter);
    expectRefused(writeSpeedInput(), 0x10000, status::InvalidParameter);
}

TEST_P(GetPerformance, NeedsReadAccess)
{
    const auto none = device().open(HandleAccess::None);
    std::vector<std::uint8_t> out(64, kUntouched);
    const ControlResult r = none->control(codes::CdromGetPerformance,
                                          performanceInput(ioctl::CdromReadPerformance, ioctl::CdromNominalPerformance), out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(out, 0));
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, SetSpeed, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetPerformance, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SetSpeed);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetPerformance);

}  // namespace
}  // namespace cdcts::suites
