// §4, the status conventions at a glance, one table-driven test per row of that table: every code the row names,
// with the status and Information §4 gives, across the families. Information on an error is the driver's value,
// which the model can see (Q8). The per-code details are in the §3 tests.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

struct Case {
    const char* what;
    ioctl::ControlCode code;
    Bytes input;
    std::size_t outLength;
    ioctl::NtStatus status;
    std::uint32_t information;
};

Bytes le32s(std::initializer_list<std::uint32_t> values, std::size_t size)
{
    Bytes b(size, 0);
    std::size_t at = 0;
    for (std::uint32_t v : values) {
        storeLe32(b.data() + at, v);
        at += 4;
    }
    return b;
}
const Bytes kConfigurationInput = Bytes(24, 0);                 // feature 0, RT=0, Reserved null (x64, Q3)
const Bytes kTocExInput = {0, 0, 0, 0};                         // format 0, LBA
const Bytes kPerformanceInput = le32s({1, 1, 1, 1, 0}, 20);     // nominal read performance, tolerance 1
const Bytes kExclusiveQuery = Bytes(8, 0);                      // ExclusiveAccessQueryState
const Bytes kRawReadInput = [] {
    Bytes b(16, 0);
    storeLe32(b.data() + 8, 1);  // one sector
    storeLe32(b.data() + 12, 2); // CDDA
    return b;
}();

class StatusConventions : public testing_support::ModelFixture {
protected:
    void run(const Case& c)
    {
        SCOPED_TRACE(std::string(c.what) + ": " + ioctl::formatControlCode(c.code));
        Bytes out(c.outLength, 0xCD);
        device->drive().trace().clear();
        const ControlResult r = handle->control(c.code, c.input, out);
        EXPECT_EQ(r.status, c.status) << ioctl::ntStatusName(r.status);
        EXPECT_EQ(r.information, c.information);
    }
};

TEST_F(StatusConventions, S4_Row1_ShortInputIsInfoLengthMismatchButRawReadIsBufferTooSmall16)
{
    build("audio", {}, HandleAccess::ReadWrite);
    const Case kCases[] = {
        {"READ_TOC_EX", codes::CdromReadTocEx, {0, 0, 0}, 804, st::InfoLengthMismatch, 0},
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, Bytes(16, 0), 8, st::InfoLengthMismatch, 0},
        {"GET_PERFORMANCE", codes::CdromGetPerformance, {1, 0, 0}, 8, st::InfoLengthMismatch, 0},
        {"EXCLUSIVE_ACCESS", codes::CdromExclusiveAccess, Bytes(7, 0), 65, st::InfoLengthMismatch, 0},
        {"READ_Q_CHANNEL", codes::CdromReadQChannel, {1}, 16, st::InfoLengthMismatch, 0},
        {"PLAY_AUDIO_MSF", codes::CdromPlayAudioMsf, Bytes(5, 0), 0, st::InfoLengthMismatch, 0},
        {"SET_VOLUME", codes::CdromSetVolume, Bytes(3, 0), 0, st::InfoLengthMismatch, 0},
        {"RAW_READ", codes::CdromRawRead, Bytes(15, 0), 2352, st::BufferTooSmall, 16},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(StatusConventions, S4_Row2_ShortOutputIsBufferTooSmallWithTheMinimum)
{
    build("audio", {}, HandleAccess::ReadWrite);
    const Case kCases[] = {
        {"READ_TOC", codes::CdromReadToc, {}, 803, st::BufferTooSmall, 804},
        {"GET_LAST_SESSION", codes::CdromGetLastSession, {}, 11, st::BufferTooSmall, 12},
        {"READ_TOC_EX", codes::CdromReadTocEx, kTocExInput, 1, st::BufferTooSmall, 2},
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, kConfigurationInput, 7, st::BufferTooSmall, 8},
        {"GET_PERFORMANCE", codes::CdromGetPerformance, kPerformanceInput, 7, st::BufferTooSmall, 8},
        {"EXCLUSIVE_ACCESS query", codes::CdromExclusiveAccess, kExclusiveQuery, 64, st::BufferTooSmall, 65},
        {"GET_DRIVE_GEOMETRY", codes::CdromGetDriveGeometry, {}, 23, st::BufferTooSmall, 24},
        {"GET_DRIVE_GEOMETRY_EX", codes::CdromGetDriveGeometryEx, {}, 31, st::BufferTooSmall, 32},
        {"GET_VOLUME", codes::CdromGetVolume, {}, 3, st::BufferTooSmall, 4},
        {"READ_Q_CHANNEL current position", codes::CdromReadQChannel, {1, 0}, 15, st::BufferTooSmall, 16},
        {"READ_Q_CHANNEL media catalog", codes::CdromReadQChannel, {2, 0}, 23, st::BufferTooSmall, 24},
        {"READ_Q_CHANNEL track ISRC", codes::CdromReadQChannel, {3, 1}, 23, st::BufferTooSmall, 24},
        {"CHECK_VERIFY 1 byte", codes::CdromCheckVerify, {}, 1, st::BufferTooSmall, 4},
        {"CHECK_VERIFY 3 bytes", codes::CdromCheckVerify, {}, 3, st::BufferTooSmall, 4},
        {"GET_INQUIRY_DATA 0 bytes", codes::CdromGetInquiryData, {}, 0, st::BufferTooSmall, 0},
        {"RAW_READ", codes::CdromRawRead, kRawReadInput, 2351, st::InvalidParameter, 0},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty()) << "every one is a V-stage refusal";
    // The exceptions of the row: CHECK_VERIFY with 0 bytes is not too small (no count asked for).
    run({"CHECK_VERIFY 0 bytes", codes::CdromCheckVerify, {}, 0, st::Success, 0});
}

TEST_F(StatusConventions, S4_Row3_OutputsPast65535)
{
    build("audio");
    const Case kCases[] = {
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, kConfigurationInput, 65536, st::InvalidBufferSize, 0},
        {"READ_TOC_EX", codes::CdromReadTocEx, kTocExInput, 65536, st::InvalidParameter, 0},
        {"GET_PERFORMANCE", codes::CdromGetPerformance, kPerformanceInput, 65536, st::InvalidParameter, 0},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
    // READ_TOC and GET_LAST_SESSION cap their allocation at 804 instead; GET_INQUIRY_DATA has no limit.
    for (const auto code : {codes::CdromReadToc, codes::CdromGetLastSession}) {
        device->drive().trace().clear();
        Bytes out(65536);
        EXPECT_EQ(control(code, out).status, st::Success);
        ASSERT_FALSE(traffic().empty());
        EXPECT_EQ(loadBe16(traffic().back().cdb().data() + 7), 804u);
    }
    Bytes big(65536);
    const ControlResult inquiry = control(codes::CdromGetInquiryData, big);
    EXPECT_EQ(inquiry.status, st::Success);
    EXPECT_EQ(inquiry.information, 96u);
}

TEST_F(StatusConventions, S4_Row4_OutputNotAMultipleOfTheAlignmentIsInvalidParameter)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 3;  // the adapter wants 4-byte multiples
    build("audio", settings);
    const Case kCases[] = {
        {"READ_TOC", codes::CdromReadToc, {}, 806, st::InvalidParameter, 0},
        {"GET_LAST_SESSION", codes::CdromGetLastSession, {}, 14, st::InvalidParameter, 0},
        {"READ_TOC_EX", codes::CdromReadTocEx, kTocExInput, 6, st::InvalidParameter, 0},
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, kConfigurationInput, 10, st::InvalidParameter, 0},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
    // GET_PERFORMANCE rounds its transfer up instead of refusing.
    Bytes out(10);
    EXPECT_EQ(control(codes::CdromGetPerformance, out, kPerformanceInput).status, st::Success);
    ASSERT_FALSE(traffic().empty());
    EXPECT_EQ(traffic().back().bufferLength, 12u);
}

TEST_F(StatusConventions, S4_Row5_PartialData)
{
    build("audio");
    // Only GET_INQUIRY_DATA warns, with the data copied.
    run({"GET_INQUIRY_DATA short", codes::CdromGetInquiryData, {}, 40, st::BufferOverflow, 40});
    // A device-backed read the drive cuts short succeeds with Information = bytes transferred.
    device->drive().faults().addCommandFault(
        {.kind = emulator::CommandFaultKind::ShortTransfer, .opcode = 0x43, .transferLimit = 12});
    run({"READ_TOC_EX cut short by the drive", codes::CdromReadTocEx, kTocExInput, 804, st::Success, 12});
}

TEST_F(StatusConventions, S4_Row6_BadEnumOrNonZeroReservedIsInvalidParameter)
{
    build("audio", {}, HandleAccess::ReadWrite);
    Bytes reservedSet = kConfigurationInput;
    reservedSet[8] = 1;
    const Case kCases[] = {
        {"READ_TOC_EX format 6", codes::CdromReadTocEx, {6, 0, 0, 0}, 804, st::InvalidParameter, 0},
        {"READ_TOC_EX Reserved1 set", codes::CdromReadTocEx, {0x10, 0, 0, 0}, 804, st::InvalidParameter, 0},
        {"READ_TOC_EX Reserved2 set", codes::CdromReadTocEx, {0, 0, 1, 0}, 804, st::InvalidParameter, 0},
        {"GET_CONFIGURATION RequestType 3", codes::CdromGetConfiguration, le32s({0, 3}, 24), 8, st::InvalidParameter, 0},
        {"GET_CONFIGURATION Reserved set", codes::CdromGetConfiguration, reservedSet, 8, st::InvalidParameter, 0},
        {"GET_PERFORMANCE RequestType 3", codes::CdromGetPerformance, le32s({3}, 20), 8, st::InvalidParameter, 0},
        {"EXCLUSIVE_ACCESS RequestType 3", codes::CdromExclusiveAccess, le32s({3}, 8), 65, st::InvalidParameter, 0},
        {"READ_Q_CHANNEL format 0", codes::CdromReadQChannel, {0, 0}, 24, st::InvalidParameter, 0},
        {"READ_Q_CHANNEL format 4", codes::CdromReadQChannel, {4, 0}, 24, st::InvalidParameter, 0},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(StatusConventions, S4_Row7_MissingCapabilityIsInvalidDeviceRequest)
{
    // legacy_cdrom answers GET CONFIGURATION with 05/20/00, so the model holds it for non-MMC (§7.6), and it has no
    // Real Time Streaming feature.
    build("data", {}, HandleAccess::Read, "legacy_cdrom");
    ASSERT_FALSE(device->driver().state().isMmc);
    const Case kCases[] = {
        {"GET_CONFIGURATION on non-MMC", codes::CdromGetConfiguration, kConfigurationInput, 8, st::InvalidDeviceRequest, 0},
        {"SET_SPEED streaming on non-MMC", codes::CdromSetSpeed, le32s({1}, 36), 0, st::InvalidDeviceRequest, 0},
        {"ENABLE_STREAMING unsupported", codes::CdromEnableStreaming, le32s({2}, 4), 0, st::InvalidDeviceRequest, 0},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
    // RAW_READ asking for C2 or sub-code that page 2Ah does not offer (§3.18).
    build("audio", {}, HandleAccess::Read, "legacy_cdrom");
    const bool c2 = device->driver().state().readCdC2Pointers;
    const bool subCode = device->driver().state().readCdSubCode;
    ASSERT_FALSE(c2 && subCode) << "the profile offers both; this row needs one missing";
    Bytes rawRead(16, 0);
    storeLe32(rawRead.data() + 8, 1);
    storeLe32(rawRead.data() + 12, c2 ? 5 : 4);  // RawWithSubCode when C2 is there, else RawWithC2
    run({"RAW_READ without the drive's C2 / sub-code", codes::CdromRawRead, rawRead, 2744, st::InvalidDeviceRequest, 0});
}

TEST_F(StatusConventions, S4_Row8_DeviceReplyShorterThanAHeaderIsInvalidDeviceRequest)
{
    struct Short {
        Case c;
        std::uint8_t opcode;
        std::uint32_t transferLimit;
    };
    const Short kCases[] = {
        {{"READ_TOC_EX, 1 byte", codes::CdromReadTocEx, kTocExInput, 804, st::InvalidDeviceRequest, 0}, 0x43, 1},
        {{"GET_PERFORMANCE, 7 bytes", codes::CdromGetPerformance, kPerformanceInput, 2048, st::InvalidDeviceRequest, 0}, 0xAC, 7},
        {{"GET_VOLUME, page 0Eh cut off", codes::CdromGetVolume, {}, 4, st::InvalidDeviceRequest, 0}, 0x5A, 8},
        {{"SET_VOLUME, page 0Eh cut off", codes::CdromSetVolume, {0xFF, 0xFF, 0, 0}, 0, st::InvalidDeviceRequest, 0}, 0x5A, 8},
    };
    for (const Short& s : kCases) {
        build("audio");
        device->drive().faults().addCommandFault(
            {.kind = emulator::CommandFaultKind::ShortTransfer, .opcode = s.opcode, .transferLimit = s.transferLimit});
        run(s.c);
    }
    // GET_CONFIGURATION type one emulated with RT=0 (the flag the §7.6 probe latches): a reply under 8 bytes.
    build("audio");
    device->driver().stateForTesting().badTypeOneGetConfiguration = true;
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::ShortTransfer, .opcode = 0x46, .transferLimit = 4});
    run({"GET_CONFIGURATION type one, emulated, 4 bytes", codes::CdromGetConfiguration, le32s({0x1E, 2}, 24), 64,
         st::InvalidDeviceRequest, 0});
}

TEST_F(StatusConventions, S4_Row9_NonOwnerWhileLockedIsAccessDeniedInfo0)
{
    build("audio", {}, HandleAccess::ReadWrite);
    auto owner = device->open(HandleAccess::ReadWrite);
    Bytes lock = le32s({1}, 72);
    lock[8] = 'o';
    Bytes none;
    ASSERT_EQ(owner->control(codes::CdromExclusiveAccess, lock, none).status, st::Success);
    const Case kCases[] = {
        {"READ_TOC", codes::CdromReadToc, {}, 804, st::AccessDenied, 0},
        {"READ_TOC too small", codes::CdromReadToc, {}, 8, st::AccessDenied, 0},
        {"CHECK_VERIFY", codes::CdromCheckVerify, {}, 4, st::AccessDenied, 0},
        {"GET_CONFIGURATION", codes::CdromGetConfiguration, kConfigurationInput, 8, st::AccessDenied, 0},
        {"GET_CONTROL (forwarded)", codes::CdromGetControl, {}, 4, st::AccessDenied, 0},
        {"GET_INQUIRY_DATA (allowed)", codes::CdromGetInquiryData, {}, 96, st::Success, 96},
    };
    for (const Case& c : kCases) run(c);
    EXPECT_TRUE(traffic().empty());
    owner.reset();
}

TEST_F(StatusConventions, S4_Row10_SurpriseRemovedDeviceFailsWithDeviceDoesNotExist)
{
    build("audio");
    device->driver().surpriseRemove();
    const Case kCases[] = {
        {"READ_TOC too small", codes::CdromReadToc, {}, 8, st::DeviceDoesNotExist, 0},
        {"READ_TOC_EX short input", codes::CdromReadTocEx, {0}, 804, st::DeviceDoesNotExist, 0},
        {"GET_CONTROL (forwarded)", codes::CdromGetControl, {}, 4, st::DeviceDoesNotExist, 0},
        {"CHECK_VERIFY (succeeds)", codes::CdromCheckVerify, {}, 4, st::Success, 4},
    };
    for (const Case& c : kCases) run(c);
}

}  // namespace
}  // namespace cdcts::classdriver
