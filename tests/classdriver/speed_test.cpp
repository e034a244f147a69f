// SET_SPEED, GET_PERFORMANCE, SEND_OPC_INFORMATION and ENABLE_STREAMING through the model
// (ioctl-contracts.md §3.13, §3.12, §3.14, §3.4, §6, §7.2): validation order, the exact CDBs and parameter
// lists, Information, and the state they leave.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>

#include "harness/core/hex.hpp"
#include "harness/emulator/fault_plan.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "bytes_of.hpp"
#include "recording_model.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace c = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

using testing_support::bytesOf;

ioctl::CDROM_SET_STREAMING streaming()
{
    ioctl::CDROM_SET_STREAMING s{};
    s.RequestType = ioctl::CdromSetStreaming;
    s.StartLba = 0;
    s.EndLba = 1000;
    s.ReadSize = 7056;  // KB in ReadTime ms: 7056 KB/s
    s.ReadTime = 1000;
    s.RandomAccess = 1;
    return s;
}

class SpeedModel : public testing_support::RecordingModel {
protected:
    ControlResult input(ioctl::ControlCode code, const Bytes& in)
    {
        Bytes none;
        return control(code, none, in);
    }
    DriverState& state() { return driver->stateForTesting(); }
};

// ---- §3.13 SET_SPEED, CdromSetSpeed

TEST_F(SpeedModel, S3_13_SetSpeedSendsSetCdSpeed)
{
    build("dvd_rom", "data");
    const ioctl::CDROM_SET_SPEED s{ioctl::CdromSetSpeed, 706, 0xFFFF, ioctl::CdromDefaultRotation};
    const ControlResult r = input(c::CdromSetSpeed, bytesOf(s));
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "bb 00 02 c2 ff ff 00 00 00 00 00 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::None);
}

TEST_F(SpeedModel, S3_13_RotationControlIsMaskedTo2Bits)
{
    build("dvd_rom", "data");
    const ioctl::CDROM_SET_SPEED s{ioctl::CdromSetSpeed, 0xFFFF, 0xFFFF, static_cast<ioctl::WRITE_ROTATION>(5)};
    EXPECT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "bb 01 ff ff ff ff 00 00 00 00 00 00") << "5 & 3 = 1 (CAV)";
}

TEST_F(SpeedModel, S3_13_Row1_InputShorterThan12IsInfoLengthMismatch)
{
    build("dvd_rom", "data");
    Bytes in = bytesOf(ioctl::CDROM_SET_SPEED{ioctl::CdromSetSpeed, 706, 706, ioctl::CdromDefaultRotation});
    in.resize(11);
    EXPECT_EQ(input(c::CdromSetSpeed, in).status, st::InfoLengthMismatch);
    in.assign(11, 0x05);  // a RequestType of 5 does not get a look before the length
    EXPECT_EQ(input(c::CdromSetSpeed, in).status, st::InfoLengthMismatch);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(SpeedModel, S3_13_Row2_RequestTypeAbove1IsInvalidParameter)
{
    build("dvd_rom", "data");
    Bytes in(36, 0);
    in[0] = 2;
    const ControlResult r = input(c::CdromSetSpeed, in);
    EXPECT_EQ(r.status, st::InvalidParameter);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(SpeedModel, S3_13_Row5_StreamingFormNeeds36Bytes)
{
    build("dvd_rom", "data");
    Bytes in = bytesOf(streaming());
    in.resize(35);
    EXPECT_EQ(input(c::CdromSetSpeed, in).status, st::InfoLengthMismatch);
    in.resize(12);
    EXPECT_EQ(input(c::CdromSetSpeed, in).status, st::InfoLengthMismatch);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(SpeedModel, S3_13_Row4_StreamingFormOnANonMmcDriveIsInvalidDeviceRequestBeforeTheLengthCheck)
{
    build("dvd_rom", "data");
    state().isMmc = false;
    Bytes in = bytesOf(streaming());
    in.resize(12);
    EXPECT_EQ(input(c::CdromSetSpeed, in).status, st::InvalidDeviceRequest);
    const ioctl::CDROM_SET_SPEED s{ioctl::CdromSetSpeed, 706, 706, ioctl::CdromDefaultRotation};
    EXPECT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success) << "SET CD SPEED needs no MMC drive";
}

TEST_F(SpeedModel, S3_13_StreamingFormSendsSetStreamingWithThePerformanceDescriptor)
{
    build("dvd_rom", "data");
    const ControlResult r = input(c::CdromSetSpeed, bytesOf(streaming()));
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "b6 00 00 00 00 00 00 00 00 00 1c 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::Out);
    EXPECT_EQ(traffic()[0].bufferLength, 28u);
    EXPECT_EQ(formatHex(target->phases.at(0)),
              "01 00 00 00 00 00 00 00 00 00 03 e8 00 00 1b 90 00 00 03 e8 00 00 00 00 00 00 00 00");
}

TEST_F(SpeedModel, S3_13_DescriptorBitsAreTruncatedToBit0AndRotationTo2Bits)
{
    build("dvd_rom", "data");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.RandomAccess = 2;      // bit 0 clear: reads as FALSE
    s.SetExact = 3;          // bit 0 set
    s.RestoreDefaults = 1;
    s.RotationControl = static_cast<ioctl::WRITE_ROTATION>(4);  // & 3 = 0
    s.StartLba = 0x01020304;
    s.EndLba = 0x05060708;
    s.ReadSize = 0x090A0B0C;
    s.ReadTime = 0x0D0E0F10;
    s.WriteSize = 0x11121314;
    s.WriteTime = 0x15161718;
    input(c::CdromSetSpeed, bytesOf(s));  // the drive's verdict does not matter here
    ASSERT_EQ(target->phases.size(), 1u);
    EXPECT_EQ(formatHex(target->phases[0]),
              "06 00 00 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18");
}

TEST_F(SpeedModel, S3_13_WriteRotationControlLandsInBits3And4)
{
    build("dvd_rom", "data");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.RandomAccess = 0;
    s.RotationControl = ioctl::CdromCAVRotation;
    input(c::CdromSetSpeed, bytesOf(s));
    ASSERT_EQ(target->phases.size(), 1u);
    EXPECT_EQ(target->phases[0][0], 0x08);
}

TEST_F(SpeedModel, S3_13_Q17_NegativeRequestTypeIsTakenForTheStreamingForm)
{
    build("dvd_rom", "data");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.RequestType = static_cast<ioctl::CDROM_SPEED_REQUEST>(-1);
    EXPECT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success) << "Q17: signed comparison";
    EXPECT_EQ(traffic().at(0).opcode(), 0xB6);
}

TEST_F(SpeedModel, S3_13_NonPersistentStreamingSetsTheRestoreDefaultsFlag)
{
    build("dvd_rom", "data");
    EXPECT_FALSE(driver->state().restoreDefaultSpeed);
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.Persistent = 0;
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    EXPECT_TRUE(driver->state().restoreDefaultSpeed);
    // SET CD SPEED leaves it alone.
    const ioctl::CDROM_SET_SPEED cd{ioctl::CdromSetSpeed, 706, 706, ioctl::CdromDefaultRotation};
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(cd)).status, st::Success);
    EXPECT_TRUE(driver->state().restoreDefaultSpeed);
    s.Persistent = 1;
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    EXPECT_FALSE(driver->state().restoreDefaultSpeed);
}

TEST_F(SpeedModel, S8_6_AFailedSetSpeedClearsTheRestoreDefaultsFlag)
{
    build("dvd_rom", "data");
    ioctl::CDROM_SET_STREAMING s = streaming();
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    ASSERT_TRUE(driver->state().restoreDefaultSpeed);
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0xBB}, 1, mmc::sense::InvalidFieldInCdb});
    const ioctl::CDROM_SET_SPEED cd{ioctl::CdromSetSpeed, 706, 706, ioctl::CdromDefaultRotation};
    EXPECT_EQ(input(c::CdromSetSpeed, bytesOf(cd)).status, st::InvalidDeviceRequest);
    EXPECT_FALSE(driver->state().restoreDefaultSpeed);
    // And a failed streaming request, although Persistent = FALSE set it just before sending.
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0xB6}, 1, mmc::sense::InvalidFieldInCdb});
    EXPECT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::InvalidDeviceRequest);
    EXPECT_FALSE(driver->state().restoreDefaultSpeed);
}

TEST_F(SpeedModel, S3_13_AFailedAttemptClearsTheFlagEvenWhenARetrySucceeds)
{
    // §3.13, §8.6: the IOCTL refinement runs on every failed attempt, after the MMC handler. The first attempt times
    // out (flag cleared), the second draws 6/28 (no restore queued: the flag is already clear), the third succeeds.
    build("dvd_rom", "data");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.Persistent = 0;
    drive->faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0xB6});
    drive->faults().addCommandFault(
        {.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0xB6, .sense = mmc::sense::MediumMayHaveChanged});
    const ControlResult r = input(c::CdromSetSpeed, bytesOf(s));
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 3u) << "three SET STREAMINGs and no restore";
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(target->phases.at(i)[0], 0x01) << "the caller's descriptor (RandomAccess), attempt " << i;
    EXPECT_FALSE(driver->state().restoreDefaultSpeed);
}

TEST_F(SpeedModel, S3_13_MediumChangeAfterNonPersistentStreamingRestoresTheDefaultSpeed)
{
    build("dvd_rom", "audio");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.Persistent = 0;
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x5A}, 1, mmc::sense::MediumMayHaveChanged});
    Bytes out(4);
    EXPECT_EQ(control(c::CdromGetVolume, out).status, st::Success) << "no volume mounted: the UA is retried silently";
    ASSERT_EQ(traffic().size(), 4u);
    EXPECT_EQ(traffic()[1].opcode(), 0x5A);
    EXPECT_EQ(traffic()[2].opcode(), 0x5A);
    EXPECT_EQ(formatHex(traffic()[3].cdb()), "b6 00 00 00 00 00 00 00 00 00 1c 00");
    EXPECT_EQ(formatHex(target->phases.at(3)),
              "04 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00") << "only RDD set";
}

TEST_F(SpeedModel, S3_13_NoRestoreWithoutTheFlag)
{
    build("dvd_rom", "audio");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.Persistent = 1;
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    const ioctl::CDROM_SET_SPEED cd{ioctl::CdromSetSpeed, 706, 706, ioctl::CdromDefaultRotation};
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(cd)).status, st::Success) << "SET CD SPEED does not set the flag";
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x5A}, 1, mmc::sense::MediumMayHaveChanged});
    Bytes out(4);
    EXPECT_EQ(control(c::CdromGetVolume, out).status, st::Success);
    EXPECT_EQ(traffic().size(), 4u) << "two SET_SPEEDs and two MODE SENSEs, no SET STREAMING";
    EXPECT_EQ(traffic().back().opcode(), 0x5A);
}

TEST_F(SpeedModel, S8_4_OtherUnitAttentionsDoNotRestore)
{
    build("dvd_rom", "audio");
    ioctl::CDROM_SET_STREAMING s = streaming();
    s.Persistent = 0;
    ASSERT_EQ(input(c::CdromSetSpeed, bytesOf(s)).status, st::Success);
    drive->faults().addCommandFault({emulator::CommandFaultKind::CheckCondition, std::uint8_t{0x5A}, 1, mmc::sense::PowerOnResetOccurred});
    Bytes out(4);
    EXPECT_EQ(control(c::CdromGetVolume, out).status, st::Success);
    EXPECT_EQ(traffic().back().opcode(), 0x5A) << "6/29 is no medium change";
}

TEST_F(SpeedModel, S3_13_DriveRefusalIsPassedOnWithInformation0)
{
    build("dvd_rom", "data");
    // An MMC drive that refuses SET STREAMING with 05/20/00 (INVALID COMMAND OPERATION CODE).
    drive->faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .opcode = 0xB6,
                                     .sense = mmc::sense::InvalidCommandOperationCode});
    const ControlResult r = input(c::CdromSetSpeed, bytesOf(streaming()));
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/20/00 maps to STATUS_INVALID_DEVICE_REQUEST (§8.1)";
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "illegal request: no retry";
}

TEST_F(SpeedModel, S3_13_Row4_StreamingFormOnANonMmcDriveIsRefusedWithoutTraffic)
{
    build("legacy_cdrom", "data");  // answers GET CONFIGURATION with 05/20/00: not MMC (§7.6)
    const ControlResult r = input(c::CdromSetSpeed, bytesOf(streaming()));
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

// ---- §3.12 GET_PERFORMANCE

ioctl::CDROM_PERFORMANCE_REQUEST performanceRequest(std::int32_t performanceType, std::int32_t exceptions, std::uint32_t lba = 0)
{
    return {ioctl::CdromPerformanceRequest, static_cast<ioctl::CDROM_PERFORMANCE_TYPE>(performanceType),
            static_cast<ioctl::CDROM_PERFORMANCE_EXCEPTION_TYPE>(exceptions), ioctl::Cdrom10Nominal20Exceptions, lba};
}

class PerformanceModel : public SpeedModel {
protected:
    ControlResult get(const Bytes& in, Bytes& out) { return control(c::CdromGetPerformance, out, in); }
    // The drive's own answer to the same CDB, through pass-through: the IOCTL returns it unconverted.
    Bytes driveReply(std::span<const std::uint8_t> cdb, std::size_t length)
    {
        Bytes reply(length);
        const mmc::CommandResult r = drive->execute(cdb, reply, mmc::DataDirection::In, std::chrono::seconds(20));
        reply.resize(r.transferred);
        return reply;
    }
};

TEST_F(PerformanceModel, S3_12_NominalReadPerformance)
{
    build("dvd_rom", "data");
    Bytes out(8 + 16 * 4, 0xCD);
    const ControlResult r = get(bytesOf(performanceRequest(1, 1, 0x1234)), out);
    ASSERT_EQ(r.status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "ac 10 00 00 12 34 00 00 00 04 00 00");
    EXPECT_EQ(traffic()[0].bufferLength, 72u);
    const std::array<std::uint8_t, 12> cdb = [&] {
        std::array<std::uint8_t, 12> a{};
        std::copy_n(traffic()[0].cdb().begin(), 12, a.begin());
        return a;
    }();
    const Bytes reply = driveReply(cdb, 72);
    EXPECT_EQ(r.information, reply.size()) << "Information = min(OutLen, transferred)";
    EXPECT_EQ(formatHex(std::span(out).first(r.information)), formatHex(reply)) << "raw device bytes";
}

TEST_F(PerformanceModel, S3_12_ExceptionsOnlyUses6ByteDescriptorsAndRoundsTheTransferUp)
{
    build("dvd_rom", "data");
    Bytes out(27);
    const ControlResult r = get(bytesOf(performanceRequest(1, 3)), out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "ac 12 00 00 00 00 00 00 00 03 00 00") << "(27 - 8) / 6 = 3";
    EXPECT_EQ(traffic()[0].bufferLength, 28u) << "27 rounded up to the 2-byte alignment";
    EXPECT_LE(r.information, 27u);
}

TEST_F(PerformanceModel, S3_12_EntireListAndWriteBit)
{
    build("dvd_rom", "data");
    Bytes out(8 + 16 * 2);
    get(bytesOf(performanceRequest(1, 2)), out);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "ac 11 00 00 00 00 00 00 00 02 00 00");
    get(bytesOf(performanceRequest(2, 1)), out);
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "ac 14 00 00 00 00 00 00 00 02 00 00");
}

TEST_F(PerformanceModel, S3_12_WriteSpeedRequest)
{
    build("dvdrw_writer", "data");
    Bytes out(8 + 16 * 2 + 5);
    const ControlResult r = get(bytesOf(ioctl::CDROM_WRITE_SPEED_REQUEST{ioctl::CdromWriteSpeedRequest}), out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "ac 00 00 00 00 00 00 00 00 02 03 00") << "(45 - 8) / 16 = 2, type 3";
    EXPECT_EQ(traffic()[0].bufferLength, 46u);
    const std::array<std::uint8_t, 12> cdb{0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 0};
    const Bytes reply = driveReply(cdb, 46);
    EXPECT_EQ(r.information, std::min<std::size_t>(45, reply.size()));
    EXPECT_EQ(formatHex(std::span(out).first(r.information)), formatHex(std::span(reply).first(r.information)));
}

TEST_F(PerformanceModel, S3_12_WriteSpeedRequestLooksAtNoOtherField)
{
    build("dvd_rom", "data");
    Bytes in(20, 0xEE);
    in[0] = 2;
    in[1] = in[2] = in[3] = 0;
    Bytes out(8);
    EXPECT_NE(get(in, out).status, st::InvalidParameter);
    EXPECT_EQ(formatHex(traffic().at(0).cdb()), "ac 00 00 00 00 00 00 00 00 00 03 00");
}

TEST_F(PerformanceModel, S3_12_ValidationRowsInOrder)
{
    build("dvd_rom", "data");
    Bytes out(72);
    Bytes small(7);
    Bytes huge(0x10000);
    const auto check = [&](const Bytes& in, Bytes& o, ioctl::NtStatus expected, std::uint32_t info, const char* row) {
        const ControlResult r = get(in, o);
        EXPECT_EQ(r.status, expected) << row;
        EXPECT_EQ(r.information, info) << row;
    };
    check(Bytes{1, 0, 0}, out, st::InfoLengthMismatch, 0, "row 1: InLen < 4");
    Bytes shortRequest = bytesOf(performanceRequest(1, 1));
    shortRequest.resize(19);
    check(shortRequest, out, st::InfoLengthMismatch, 0, "row 2: type 1 and InLen < 20");
    check(bytesOf(performanceRequest(0, 1)), small, st::InvalidParameter, 0, "row 3 before row 8: PerformanceType 0");
    check(bytesOf(performanceRequest(3, 1)), out, st::InvalidParameter, 0, "row 3: PerformanceType 3");
    check(bytesOf(performanceRequest(1, 0)), out, st::InvalidParameter, 0, "row 4: Exceptions 0");
    check(bytesOf(performanceRequest(1, 4)), out, st::InvalidParameter, 0, "row 4: Exceptions 4");
    ioctl::CDROM_PERFORMANCE_REQUEST tolerance = performanceRequest(1, 1);
    tolerance.Tolerance = static_cast<ioctl::CDROM_PERFORMANCE_TOLERANCE_TYPE>(2);
    check(bytesOf(tolerance), out, st::InvalidParameter, 0, "row 5: Tolerance 2");
    check(Bytes{0, 0, 0, 0}, small, st::InvalidParameter, 0, "row 7 before row 8: RequestType 0");
    check(Bytes{3, 0, 0, 0}, out, st::InvalidParameter, 0, "row 7: RequestType 3");
    check(bytesOf(performanceRequest(1, 1)), small, st::BufferTooSmall, 8, "row 8: OutLen < 8");
    check(Bytes{2, 0, 0, 0}, small, st::BufferTooSmall, 8, "row 8 for write speed");
    check(bytesOf(performanceRequest(1, 1)), huge, st::InvalidParameter, 0, "row 9: OutLen > 65535");
    EXPECT_TRUE(traffic().empty());
}

TEST_F(PerformanceModel, S3_12_ReplyShorterThanTheHeaderIsInvalidDeviceRequest)
{
    build("dvd_rom", "data");
    drive->faults().addCommandFault({emulator::CommandFaultKind::ShortTransfer, std::uint8_t{0xAC}, 1, {}, 7});
    Bytes out(72);
    const ControlResult r = get(bytesOf(performanceRequest(1, 1)), out);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(PerformanceModel, S6_GetPerformanceTimesOutAfter20SecondsAndRetriesFiveTimes)
{
    build("dvd_rom", "data");
    drive->faults().addCommandFault({emulator::CommandFaultKind::Hang, std::uint8_t{0xAC}, 10});
    const auto before = clock.now();
    Bytes out(72);
    EXPECT_EQ(get(bytesOf(performanceRequest(1, 1)), out).status, st::IoTimeout);
    EXPECT_EQ(traffic().size(), 6u);
    // Six attempts waiting out 20 s each, 1 s apart (§8.3 timeout row).
    EXPECT_EQ(clock.now() - before, std::chrono::seconds(6 * 20 + 5 * 1));
}

// ---- §3.14 SEND_OPC_INFORMATION

TEST_F(SpeedModel, S3_14_SendsSendOpcInformationWithDoOpcAndExcludeBits)
{
    build("dvdrw_writer", "data", HandleAccess::ReadWrite);
    const ControlResult r = input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0, 0}));
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "54 01 00 00 00 00 00 00 00 00");
    EXPECT_EQ(traffic()[0].direction, mmc::DataDirection::None);
    input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 1, 0}));
    EXPECT_EQ(formatHex(traffic().at(1).cdb()), "54 01 01 00 00 00 00 00 00 00");
    input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0, 2}));
    EXPECT_EQ(formatHex(traffic().at(2).cdb()), "54 01 02 00 00 00 00 00 00 00") << "Exclude1 = (2 != 0)";
    input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0xFF, 0x10}));
    EXPECT_EQ(formatHex(traffic().at(3).cdb()), "54 01 03 00 00 00 00 00 00 00");
}

TEST_F(SpeedModel, S3_14_NeedsAReadWriteHandle)
{
    build("dvdrw_writer", "data", HandleAccess::Read);
    const ControlResult r = input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0, 0}));
    EXPECT_EQ(r.status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(SpeedModel, S3_14_ValidationRows)
{
    build("dvdrw_writer", "data", HandleAccess::ReadWrite);
    Bytes in = bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0, 0});
    in.resize(7);
    EXPECT_EQ(input(c::CdromSendOpcInformation, in).status, st::InfoLengthMismatch);
    Bytes bad(8, 0);
    bad[0] = 2;
    EXPECT_EQ(input(c::CdromSendOpcInformation, bad).status, st::InvalidParameter);
    bad.assign(7, 0);
    bad[0] = 2;
    EXPECT_EQ(input(c::CdromSendOpcInformation, bad).status, st::InfoLengthMismatch) << "length first";
    EXPECT_TRUE(traffic().empty());
}

TEST_F(SpeedModel, S3_14_AReaderRefusesTheCommand)
{
    build("dvd_rom", "data", HandleAccess::ReadWrite);
    const ControlResult r = input(c::CdromSendOpcInformation, bytesOf(ioctl::CDROM_SIMPLE_OPC_INFO{ioctl::SimpleOpcInfo, 0, 0}));
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/20/00 (§8.2 ILLEGAL REQUEST)";
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u);
}

// ---- §3.4 ENABLE_STREAMING

class StreamingModel : public SpeedModel {
protected:
    ControlResult enable(std::int32_t type, DeviceHandle* h = nullptr)
    {
        Bytes none;
        const Bytes in = bytesOf(ioctl::CDROM_STREAMING_CONTROL{static_cast<ioctl::STREAMING_CONTROL_REQUEST_TYPE>(type)});
        return (h != nullptr ? h : handle.get())->control(c::CdromEnableStreaming, in, none);
    }
    void supports(bool read, bool write)
    {
        state().streamingReadSupported = read;
        state().streamingWriteSupported = write;
    }
};

TEST_F(StreamingModel, S3_4_FlagsPerRequestTypeWithoutDriveTraffic)
{
    build("dvd_rom", "data");
    supports(true, true);
    const FileObject& f = file(*handle);
    EXPECT_FALSE(f.enforceStreamingRead) << "off at create";
    EXPECT_FALSE(f.enforceStreamingWrite);
    struct Row { std::int32_t type; bool read; bool write; };
    for (const Row row : {Row{2, true, false}, Row{3, false, true}, Row{4, true, true}, Row{1, false, false}}) {
        const ControlResult r = enable(row.type);
        EXPECT_EQ(r.status, st::Success) << row.type;
        EXPECT_EQ(r.information, 0u);
        EXPECT_EQ(f.enforceStreamingRead, row.read) << row.type;
        EXPECT_EQ(f.enforceStreamingWrite, row.write) << row.type;
    }
    EXPECT_TRUE(traffic().empty()) << "no SCSI command";
}

TEST_F(StreamingModel, S3_4_ValidationRows)
{
    build("dvd_rom", "data");
    supports(true, true);
    Bytes none;
    EXPECT_EQ(handle->control(c::CdromEnableStreaming, Bytes{2, 0, 0}, none).status, st::InfoLengthMismatch);
    EXPECT_EQ(enable(0).status, st::InvalidParameter);
    EXPECT_EQ(enable(5).status, st::InvalidParameter);
    EXPECT_EQ(enable(-1).status, st::InvalidParameter);
    EXPECT_FALSE(file(*handle).enforceStreamingRead);
}

TEST_F(StreamingModel, S3_4_Row2_ReadStreamingWithoutSupportLeavesTheFlags)
{
    build("dvd_rom", "data");
    supports(true, false);
    ASSERT_EQ(enable(2).status, st::Success);
    supports(false, false);
    EXPECT_EQ(enable(2).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enable(4).status, st::InvalidDeviceRequest);
    EXPECT_TRUE(file(*handle).enforceStreamingRead) << "flags unchanged";
    EXPECT_EQ(enable(1).status, st::Success) << "disable always succeeds";
    EXPECT_FALSE(file(*handle).enforceStreamingRead);
}

TEST_F(StreamingModel, S3_4_Row3_WriteStreamingNeedsStreamWriteSupport)
{
    build("dvd_rom", "data");
    supports(true, false);
    EXPECT_EQ(enable(3).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enable(4).status, st::InvalidDeviceRequest);
    EXPECT_FALSE(file(*handle).enforceStreamingRead);
    EXPECT_FALSE(file(*handle).enforceStreamingWrite);
    supports(false, true);
    EXPECT_EQ(enable(3).status, st::Success);
    EXPECT_TRUE(file(*handle).enforceStreamingWrite);
}

TEST_F(StreamingModel, S3_4_FlagsBelongToTheHandle)
{
    build("dvd_rom", "data");
    supports(true, true);
    auto other = driver->open(HandleAccess::Read);
    ASSERT_EQ(enable(4).status, st::Success);
    EXPECT_EQ(readStreaming(file(*handle), driver->state()), StreamingUse::Streaming);
    EXPECT_EQ(writeStreaming(file(*handle), driver->state()), StreamingUse::Streaming);
    EXPECT_FALSE(file(*other).enforceStreamingRead);
    EXPECT_EQ(readStreaming(file(*other), driver->state()), StreamingUse::Off);
    EXPECT_EQ(writeStreaming(file(*other), driver->state()), StreamingUse::Off);
    auto fresh = driver->open(HandleAccess::Read);
    EXPECT_FALSE(file(*fresh).enforceStreamingRead) << "every create starts FALSE";
}

TEST_F(StreamingModel, S7_2_NoStreamingHackWithdrawsSupportAndEnabledHandlesFallBack)
{
    build("dvd_rom", "data");
    supports(true, true);
    ASSERT_EQ(enable(4).status, st::Success);
    state().noStreamingHack = true;
    EXPECT_EQ(readStreaming(file(*handle), driver->state()), StreamingUse::FallBack) << "READ(10) again, silently";
    EXPECT_EQ(writeStreaming(file(*handle), driver->state()), StreamingUse::FallBack);
    EXPECT_EQ(enable(2).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enable(3).status, st::InvalidDeviceRequest);
    EXPECT_EQ(enable(1).status, st::Success);
    EXPECT_EQ(readStreaming(file(*handle), driver->state()), StreamingUse::Off);
}

TEST_F(StreamingModel, S3_4_EnabledHandleOnADriveThatLostSupportIsRefused)
{
    build("dvd_rom", "data");
    supports(true, true);
    ASSERT_EQ(enable(4).status, st::Success);
    supports(false, true);  // a later capability refresh no longer finds streaming reads
    EXPECT_EQ(readStreaming(file(*handle), driver->state()), StreamingUse::Unsupported)
        << "the read's V-stage answers STATUS_INVALID_DEVICE_REQUEST";
    EXPECT_EQ(writeStreaming(file(*handle), driver->state()), StreamingUse::Streaming);
}

}  // namespace
}  // namespace cdcts::classdriver
