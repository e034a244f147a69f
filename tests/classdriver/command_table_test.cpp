// The §6 rows of ioctl-contracts.md for §3.13-§3.22, one test per row: every CDB byte, the data phase
// (direction and transfer length), the timeout and the retry cap. The cap and the timeout are measured by hanging
// the row's command on the emulated drive: each attempt then waits out its timeout and fails with SRB TIMEOUT,
// which §8.3 retries after 1 s, so the drive sees cap + 1 attempts `timeout + 1 s` apart and the IOCTL ends with
// STATUS_IO_TIMEOUT, Information 0. (GET_PERFORMANCE's row: speed_test.cpp, S6_GetPerformance...)
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "bytes_of.hpp"
#include "model_fixture.hpp"
#include "page_buffer.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
namespace c = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

using testing_support::bytesOf;

// One §6 row: the IOCTL and how to call it, then what the drive must receive.
struct Row {
    const char* profile;
    const char* medium;
    HandleAccess access;
    ioctl::ControlCode code;
    Bytes input;
    std::size_t outLength;
    const char* cdb;  // the row's command, every byte
    mmc::DataDirection direction;
    std::uint32_t transfer;  // the data phase's length (0 without data)
    std::chrono::seconds timeout;
    int retries;
};

class CommandTable : public testing_support::ModelFixture {
protected:
    void check(const Row& row, ClassDriverSettings settings = {})
    {
        build(row.medium, settings, row.access, row.profile);
        const std::uint8_t opcode = static_cast<std::uint8_t>(std::stoul(std::string(row.cdb).substr(0, 2), nullptr, 16));
        testing_support::PageBuffer out(row.outLength, 0);

        // The command as it is sent.
        (void)handle->control(row.code, row.input, out.span());
        const emulator::TraceEntry* sent = nullptr;
        for (const auto& e : traffic())
            if (e.opcode() == opcode) sent = &e;
        ASSERT_NE(sent, nullptr) << row.cdb << " was not sent";
        EXPECT_EQ(formatHex(sent->cdb()), row.cdb);
        EXPECT_EQ(sent->direction, row.direction) << row.cdb;
        EXPECT_EQ(sent->bufferLength, row.transfer) << row.cdb;

        // Its timeout and retry cap: the drive stops answering it.
        device->drive().trace().clear();
        device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = opcode, .count = 10000});
        const ControlResult r = handle->control(row.code, row.input, out.span());
        EXPECT_EQ(r.status, st::IoTimeout) << row.cdb;
        EXPECT_EQ(r.information, 0u) << row.cdb;
        std::vector<Nanoseconds> attempts;
        for (const auto& e : traffic())
            if (e.opcode() == opcode) attempts.push_back(e.at);
        ASSERT_EQ(attempts.size(), static_cast<std::size_t>(row.retries) + 1) << row.cdb << ": the first attempt and the retries";
        for (std::size_t i = 1; i < attempts.size(); ++i)
            EXPECT_EQ(attempts[i] - attempts[i - 1], Nanoseconds(row.timeout + 1s)) << row.cdb << ": timeout, then the 1 s retry delay";
        EXPECT_EQ(device->clock().now() - attempts.back(), Nanoseconds(row.timeout)) << row.cdb << ": the last attempt times out";
    }
};

constexpr auto kNone = mmc::DataDirection::None;
constexpr auto kIn = mmc::DataDirection::In;
constexpr auto kOut = mmc::DataDirection::Out;

TEST_F(CommandTable, S6_SetSpeedSetCdSpeed)
{
    // ReadSpeed 706 = 02C2h, WriteSpeed FFFFh (the maximum), RotationControl 1 (CAV).
    const ioctl::CDROM_SET_SPEED s{ioctl::CdromSetSpeed, 706, 0xFFFF, ioctl::CdromCAVRotation};
    check({"dvd_rom", "data", HandleAccess::Read, c::CdromSetSpeed, bytesOf(s), 0, "bb 01 02 c2 ff ff 00 00 00 00 00 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_SetSpeedStreaming)
{
    ioctl::CDROM_SET_STREAMING s{};
    s.RequestType = ioctl::CdromSetStreaming;
    s.EndLba = 1000;
    s.ReadSize = 7056;
    s.ReadTime = 1000;
    s.Persistent = 1;
    check({"dvd_rom", "data", HandleAccess::Read, c::CdromSetSpeed, bytesOf(s), 0, "b6 00 00 00 00 00 00 00 00 00 1c 00", kOut, 28, 10s, 5});
}

TEST_F(CommandTable, S6_SendOpcInformation)
{
    // "default" on a writer is TimeOutValue raised to 260 s at start-up (§0.2, §3.14).
    const ioctl::CDROM_SIMPLE_OPC_INFO opc{ioctl::SimpleOpcInfo, 1, 1};
    check({"dvdrw_writer", "data", HandleAccess::ReadWrite, c::CdromSendOpcInformation, bytesOf(opc), 0, "54 01 03 00 00 00 00 00 00 00",
           kNone, 0, 260s, 5});
}

TEST_F(CommandTable, S6_ReadToc)
{
    check({"dvd_rom", "mixed", HandleAccess::Read, c::CdromReadToc, {}, 1024, "43 02 00 00 00 00 00 03 24 00", kIn, 804, 10s, 5});
}

TEST_F(CommandTable, S6_GetLastSession)
{
    check({"dvd_rom", "data", HandleAccess::Read, c::CdromGetLastSession, {}, 12, "43 00 01 00 00 00 00 00 0c 00", kIn, 12, 10s, 5});
}

TEST_F(CommandTable, S6_ReadTocEx)
{
    // Format 2 (full TOC) with Msf = 1, SessionTrack 1, 100 output bytes.
    check({"dvd_rom", "data", HandleAccess::Read, c::CdromReadTocEx, Bytes{0x82, 0x01, 0x00, 0x00}, 100, "43 02 02 00 00 00 01 00 64 00", kIn,
           100, 10s, 5});
}

TEST_F(CommandTable, S6_RawRead)
{
    ioctl::RAW_READ_INFO info{};
    info.DiskOffset.QuadPart = 0x123 * 2048;
    info.SectorCount = 2;
    info.TrackMode = ioctl::CDDA;
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromRawRead, bytesOf(info), 2 * 2352, "be 04 00 00 01 23 00 00 02 f0 00 00", kIn,
           2 * 2352, 10s, 5});
}

TEST_F(CommandTable, S6_PlayActiveProbe)
{
    build("audio");
    Bytes none;
    ASSERT_EQ(control(c::CdromPlayAudioMsf, none, Bytes{0, 2, 0, 0, 40, 0}).status, st::Success);
    device->drive().trace().clear();
    Bytes toc(804);
    EXPECT_EQ(control(c::CdromReadToc, toc).status, st::DeviceBusy);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 02 40 01 00 00 00 00 10 00");
    EXPECT_EQ(traffic()[0].direction, kIn);
    EXPECT_EQ(traffic()[0].bufferLength, 16u);

    // A probe that never answers is retried 5 times, 10 s each; then the flag stays and READ TOC goes on (§7.4).
    device->drive().trace().clear();
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0x42, .count = 100});
    EXPECT_EQ(control(c::CdromReadToc, toc).status, st::Success);
    ASSERT_EQ(traffic().size(), 7u) << "six probes, then READ TOC";
    for (std::size_t i = 1; i < 6; ++i) EXPECT_EQ(traffic()[i].at - traffic()[i - 1].at, Nanoseconds(11s));
    EXPECT_EQ(traffic()[6].opcode(), 0x43);
    EXPECT_EQ(traffic()[6].at - traffic()[5].at, Nanoseconds(10s));
    EXPECT_TRUE(device->driver().state().playActive);
}

TEST_F(CommandTable, S6_ReadQChannel)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromReadQChannel, Bytes{1, 0}, 16, "42 02 40 01 00 00 00 00 10 00", kIn, 16, 10s, 5});
}

TEST_F(CommandTable, S6_ReadQChannelTrackIsrc)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromReadQChannel, Bytes{3, 2}, 24, "42 00 40 03 00 00 02 00 18 00", kIn, 24, 10s, 5});
}

TEST_F(CommandTable, S6_PlayAudioMsf)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromPlayAudioMsf, Bytes{0, 2, 0, 0, 30, 5}, 0, "47 00 00 00 02 00 00 1e 05 00", kNone, 0,
           10s, 5});
}

TEST_F(CommandTable, S6_SeekAudioMsf)
{
    // 00:04:10 -> 4 x 75 + 10 - 150 = 160 = A0h.
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromSeekAudioMsf, Bytes{0, 4, 10}, 0, "2b 00 00 00 00 a0 00 00 00 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_PauseAudio)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromPauseAudio, {}, 0, "4b 00 00 00 00 00 00 00 00 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_ResumeAudio)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromResumeAudio, {}, 0, "4b 00 00 00 00 00 00 00 01 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_StopAudio)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromStopAudio, {}, 0, "1b 01 00 00 00 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_GetVolume)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromGetVolume, {}, 4, "5a 00 0e 00 00 00 00 00 40 00", kIn, 64, 10s, 2});
}

TEST_F(CommandTable, S6_SetVolumeModeSense)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromSetVolume, Bytes{1, 2, 3, 4}, 0, "5a 00 0e 00 00 00 00 00 40 00", kIn, 64, 10s, 2});
}

TEST_F(CommandTable, S6_SetVolumeModeSelect)
{
    check({"dvd_rom", "audio", HandleAccess::Read, c::CdromSetVolume, Bytes{1, 2, 3, 4}, 0, "55 10 00 00 00 00 00 00 18 00", kOut, 24, 10s, 5});
}

TEST_F(CommandTable, S6_Q15_ReserveAndReleaseRetryAsLongAsTheSenseSays)
{
    // RESERVE(6) / RELEASE(6) have no cap of their own (§8.5); the model stops at openEndedRetryLimit (Q15).
    ClassDriverSettings settings;
    settings.openEndedRetryLimit = 7;
    check({"legacy_cdrom", "data", HandleAccess::Read, c::CdromReserve, {}, 0, "16 00 00 00 00 00", kNone, 0, 10s, 7}, settings);
    check({"legacy_cdrom", "data", HandleAccess::Read, c::StorageRelease, {}, 0, "17 00 00 00 00 00", kNone, 0, 10s, 7}, settings);
}

TEST_F(CommandTable, S6_ReserveAndRelease10AfterTheSwitch)
{
    // dvd_rom refuses RESERVE(6) with 05/20/00, so the first call latched the 10-byte form (§8.5); from then on
    // RESERVE(10) is sent at once, under the default cap of 5.
    check({"dvd_rom", "data", HandleAccess::Read, c::CdromReserve, {}, 0, "56 00 00 00 00 00 00 00 00 00", kNone, 0, 10s, 5});
}

TEST_F(CommandTable, S6_ForwardedCodesSendNothing)
{
    build("data");
    for (const ioctl::ControlCode code : {c::CdromGetControl, c::CdromDiskType, c::CdromUnloadDriver}) {
        Bytes out(16);
        (void)control(code, out);
    }
    EXPECT_TRUE(traffic().empty()) << "the class driver generates no SCSI command for a forwarded code";
}

// §3.23: the forwarded codes still pass the exclusive-lock gate first (device type CD_ROM), so a non-owner gets
// ACCESS_DENIED, Information 0, while the owner gets the port driver's answer.
TEST_F(CommandTable, S3_23_ForwardedCodesAreGatedForNonOwners)
{
    build("data", {}, HandleAccess::ReadWrite);
    std::unique_ptr<DeviceHandle> other = device->open(HandleAccess::ReadWrite);
    Bytes lock(72, 0);
    lock[0] = 1;  // CDROM_EXCLUSIVE_LOCK_REQUEST, ExclusiveAccessLockDevice
    std::memcpy(lock.data() + 8, "owner", 5);
    Bytes none;
    ASSERT_EQ(handle->control(c::CdromExclusiveAccess, lock, none).status, st::Success);
    device->drive().trace().clear();
    for (const ioctl::ControlCode code : {c::CdromGetControl, c::CdromDiskType, c::CdromUnloadDriver}) {
        Bytes out(16);
        const ControlResult denied = other->control(code, {}, out);
        EXPECT_EQ(denied.status, st::AccessDenied) << std::hex << code.value;
        EXPECT_EQ(denied.information, 0u);
        EXPECT_EQ(handle->control(code, {}, out).status, st::InvalidDeviceRequest) << "the owner reaches the port driver";
    }
    EXPECT_TRUE(traffic().empty());
    other.reset();
}

}  // namespace
}  // namespace cdcts::classdriver
