// §0.2's device-dependent values: every non-RAW_READ transfer goes through the scratch buffer (its size derived
// from the adapter), and every command carries the timeout §0.2 gives it. Seen in the drive's trace.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "harness/classdriver/class_driver.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class DeviceLimits : public testing_support::ModelFixture {};

// srb.DataTransferLength = min(scratch size, requested): with 2 pages of 4 KiB and an 8 KiB transfer limit the
// scratch buffer is 8 KiB, whatever the CDB's allocation length says.
TEST_F(DeviceLimits, S0_2_TransfersGoThroughTheScratchBuffer)
{
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{1, 8192, 2};
    build("audio", settings);
    ASSERT_EQ(settings.adapter.scratchBufferBytes(), 8192u);

    Bytes configurationInput(24, 0);
    Bytes out(65534);
    ASSERT_EQ(control(codes::CdromGetConfiguration, out, configurationInput).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(traffic()[0].opcode(), 0x46);
    EXPECT_EQ(loadBe16(traffic()[0].cdb().data() + 7), 65534u) << "the CDB asks for min(OutLen, 65534)";
    EXPECT_EQ(traffic()[0].bufferLength, 8192u) << "the transfer is the scratch buffer's";

    device->drive().trace().clear();
    const Bytes tocEx{0, 0, 0, 0};
    Bytes big(16384);
    ASSERT_EQ(control(codes::CdromReadTocEx, big, tocEx).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(traffic()[0].bufferLength, 8192u);

    // With the default adapter (64 KiB scratch) the same request transfers what it asked for.
    build("audio");
    ASSERT_EQ(control(codes::CdromReadTocEx, big, tocEx).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(traffic()[0].bufferLength, 16384u);
}

// A command that hangs is abandoned after its timeout and retried: the gap between the two sends is the timeout
// plus the retry delay, so it tells which timeout the command carried.
TEST_F(DeviceLimits, S0_2_CommandTimeouts)
{
    struct Row {
        const char* what;
        ioctl::ControlCode code;
        Bytes input;
        std::size_t outLength;
        std::uint8_t opcode;
        std::chrono::seconds timeout;  // §0.2
    };
    const Row kRows[] = {
        {"TEST UNIT READY (CHECK_VERIFY)", codes::CdromCheckVerify, {}, 4, 0x00, 20s},
        {"READ CAPACITY (GET_DRIVE_GEOMETRY)", codes::CdromGetDriveGeometry, {}, 24, 0x25, 20s},
        {"GET PERFORMANCE (GET_PERFORMANCE)", codes::CdromGetPerformance,
         {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, 2048, 0xAC, 20s},
        {"READ TOC (READ_TOC): the default TimeOutValue", codes::CdromReadToc, {}, 804, 0x43, 10s},
        {"MODE SENSE (GET_VOLUME): the default TimeOutValue", codes::CdromGetVolume, {}, 4, 0x5A, 10s},
    };
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.what);
        build("audio");
        device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = row.opcode, .count = 1});
        Bytes out(row.outLength);
        EXPECT_EQ(handle->control(row.code, row.input, out).status, st::Success) << "the retry succeeds";
        const auto& entries = traffic();
        const auto hung = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.opcode() == row.opcode; });
        ASSERT_NE(hung, entries.end());
        const auto retry = std::find_if(std::next(hung), entries.end(), [&](const auto& e) { return e.opcode() == row.opcode; });
        ASSERT_NE(retry, entries.end());
        const Nanoseconds gap = retry->at - hung->at;
        EXPECT_GE(gap, Nanoseconds(row.timeout));
        EXPECT_LT(gap, Nanoseconds(row.timeout + 3s)) << "timeout plus a short retry delay, not a longer timeout";
    }
    // The driver's own GET CONFIGURATION at start-up: 4 s. The next command follows the abandoned one at once.
    VirtualClock clock;
    emulator::VirtualDrive hanging(*emulator::findDriveProfile("dvd_rom"), clock);
    hanging.faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0x46, .count = 1});
    ClassDriver driver(hanging, DeviceIdentity{}, ClassDriverSettings{});
    const auto& entries = hanging.trace().entries();
    const auto hung = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.opcode() == 0x46; });
    ASSERT_NE(hung, entries.end());
    ASSERT_NE(std::next(hung), entries.end());
    EXPECT_GE(std::next(hung)->at - hung->at, Nanoseconds(4s));
    EXPECT_LT(std::next(hung)->at - hung->at, Nanoseconds(7s)) << "not the 10 s default";
}

// All codes but RAW_READ are METHOD_BUFFERED, so §0.2's copy-back rules apply to all of them; RAW_READ writes
// straight into the caller's buffer.
TEST_F(DeviceLimits, S0_2_RawReadIsTheOnlyDirectCdromCode)
{
    for (const ioctl::CodeInfo& info : ioctl::allCodes()) {
        if (!info.value || info.deviceType != 0x0002) continue;
        const bool direct = info.value->method() != ioctl::Method::Buffered;
        EXPECT_EQ(direct, info.name == "IOCTL_CDROM_RAW_READ") << info.name;
    }
    EXPECT_EQ(codes::CdromRawRead.method(), ioctl::Method::OutDirect);
    // RAW_READ's sector lands in the caller's own buffer (no system buffer in between).
    build("audio");
    Bytes in(16, 0);
    storeLe32(in.data() + 8, 1);   // one sector
    storeLe32(in.data() + 12, 2);  // CDDA
    Bytes out(2352, 0xCD);
    const ControlResult r = control(codes::CdromRawRead, out, in);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 2352u);
    EXPECT_NE(out, Bytes(2352, 0xCD));
}

}  // namespace
}  // namespace cdcts::classdriver
