// IOCTL_CDROM_GET_LAST_SESSION and IOCTL_CDROM_READ_TOC_EX through the model (ioctl-contracts.md §3.16,
// §3.17, §6, §7.4): validation order, the exact CDB, Information, and the drive's reply reaching the caller
// unconverted (checked against the same READ TOC sent straight to the drive).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <memory>

#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/emulator/virtual_drive.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/mmc/cdb.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using ioctl::codes::CdromGetLastSession;
using ioctl::codes::CdromReadQChannel;
using ioctl::codes::CdromReadTocEx;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFault;
using emulator::CommandFaultKind;

class TocExModel : public testing_support::ModelFixture {
protected:
    // The reply of one command sent straight to the drive (the trace is cleared afterwards).
    Bytes direct(std::span<const std::uint8_t> cdb, std::size_t length)
    {
        Bytes reply(length);
        const mmc::CommandResult r = device->drive().execute(cdb, reply, mmc::DataDirection::In, 10s);
        EXPECT_TRUE(r.good());
        reply.resize(r.transferred);
        device->drive().trace().clear();
        return reply;
    }
    static std::array<std::uint8_t, 4> tocEx(std::uint8_t format, bool msf, std::uint8_t sessionTrack)
    {
        return {static_cast<std::uint8_t>(format | (msf ? 0x80 : 0x00)), sessionTrack, 0, 0};
    }
    bool allCd(const Bytes& b) { return std::all_of(b.begin(), b.end(), [](std::uint8_t x) { return x == 0xCD; }); }
};

// --- §3.16 GET_LAST_SESSION --------------------------------------------------------------------------

TEST_F(TocExModel, S3_16_SendsReadTocFormat1LbaWithAllocationOutLen)
{
    build("data");
    Bytes out(12, 0xCD);
    const ControlResult r = control(CdromGetLastSession, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 12u);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 01 00 00 00 00 00 0c 00");
    // Length 000Ah, sessions 1..1, TRACK_DATA: ADR 1 / control 4 (data), track 1, LBA 0 (BE).
    EXPECT_EQ(formatHex(out), "00 0a 01 01 00 14 01 00 00 00 00 00");
}

TEST_F(TocExModel, S3_16_AllocationIsCappedAt804)
{
    build("data");
    Bytes out(4096);
    ASSERT_EQ(control(CdromGetLastSession, out).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 01 00 00 00 00 03 24 00");
}

TEST_F(TocExModel, S3_16_MultisessionReportsTheLastSessionsFirstTrack)
{
    build("multisession");
    Bytes out(12);
    const ControlResult r = control(CdromGetLastSession, out);
    ASSERT_EQ(r.status, st::Success);
    const auto cdb = mmc::cdb::readToc(false, mmc::cdb::TocFormat::SessionInfo, 0, 12);
    const Bytes expected = direct(cdb, 12);
    EXPECT_EQ(r.information, expected.size());
    EXPECT_EQ(formatHex(out), formatHex(expected)) << "raw copy of the drive's reply";
    EXPECT_EQ(out[3], 2) << "last complete session";
    EXPECT_EQ(out[6], 3) << "its first track";
}

TEST_F(TocExModel, S3_16_Row1_ShortBufferIsBufferTooSmallWith12)
{
    build("data");
    for (std::size_t length : {0u, 1u, 11u}) {
        Bytes out(length, 0xCD);
        const ControlResult r = control(CdromGetLastSession, out);
        EXPECT_EQ(r.status, st::BufferTooSmall) << length;
        EXPECT_EQ(r.information, 12u) << length;
        EXPECT_TRUE(allCd(out));
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_16_Row2_LengthMustSuitTheAlignmentMask)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 7;
    build("data", settings);
    Bytes twelve(12);
    EXPECT_EQ(control(CdromGetLastSession, twelve).status, st::InvalidParameter) << "12 fails mask 7";
    Bytes eleven(11);
    EXPECT_EQ(control(CdromGetLastSession, eleven).status, st::BufferTooSmall) << "the size check comes first";
    EXPECT_TRUE(traffic().empty());
    Bytes sixteen(16);
    EXPECT_EQ(control(CdromGetLastSession, sixteen).status, st::Success);
}

// --- §3.17 READ_TOC_EX: V-stage ----------------------------------------------------------------------

TEST_F(TocExModel, S3_17_Row1_InputShorterThan4IsInfoLengthMismatch)
{
    build("data");
    Bytes out(0);  // row 1 comes before the output checks
    for (std::size_t length : {0u, 1u, 3u}) {
        const Bytes in(length, 0);
        const ControlResult r = control(CdromReadTocEx, out, in);
        EXPECT_EQ(r.status, st::InfoLengthMismatch) << length;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_17_Row2_OutputShorterThan2IsBufferTooSmallWith2)
{
    build("data");
    const auto in = tocEx(0, false, 0);
    for (std::size_t length : {0u, 1u}) {
        Bytes out(length);
        const ControlResult r = control(CdromReadTocEx, out, in);
        EXPECT_EQ(r.status, st::BufferTooSmall) << length;
        EXPECT_EQ(r.information, 2u);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_17_Row3_OutputAbove65535IsInvalidParameter)
{
    ClassDriverSettings settings;
    settings.adapter.alignmentMask = 0;
    build("data", settings);
    const auto in = tocEx(0, false, 0);
    Bytes out(0x10000);
    EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
    Bytes max(0xFFFF);
    ASSERT_EQ(control(CdromReadTocEx, max, in).status, st::Success) << "65535 is allowed with mask 0";
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 00 00 00 00 00 ff ff 00");
}

TEST_F(TocExModel, S3_17_Row4_OddLengthFailsWordAlignment)
{
    build("data");  // default adapter: mask 1
    const auto in = tocEx(0, false, 0);
    Bytes out(13);
    EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_17_Row5_ReservedBitsAndBytesMustBeZero)
{
    build("data");
    Bytes out(64);
    for (const std::array<std::uint8_t, 4>& in : {std::array<std::uint8_t, 4>{0x10, 0, 0, 0}, {0x40, 0, 0, 0},
                                                   {0x70, 0, 0, 0}, {0x00, 0, 1, 0}, {0x00, 0, 0, 0x80}}) {
        EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::InvalidParameter) << formatHex(in);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_17_Row6_SessionTrackMustBeZeroForSessionPmaAtip)
{
    build("data");
    Bytes out(64);
    for (const std::uint8_t format : {std::uint8_t{1}, std::uint8_t{3}, std::uint8_t{4}}) {
        const auto in = tocEx(format, false, 1);
        EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::InvalidParameter) << int{format};
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(TocExModel, S3_17_Row7_FormatAbove5IsInvalidParameter)
{
    build("data");
    Bytes out(64);
    for (int f = 6; f <= 15; ++f) {
        const auto format = static_cast<std::uint8_t>(f);
        const auto in = tocEx(format, false, 0);
        EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::InvalidParameter) << int{format};
    }
    EXPECT_TRUE(traffic().empty());
}

// --- §3.17 READ_TOC_EX: H-stage ----------------------------------------------------------------------

TEST_F(TocExModel, S3_17_EveryFormatSendsItsCdbWithMsfSessionTrackAndExactAllocation)
{
    build("reference");
    struct Case {
        std::array<std::uint8_t, 4> in;
        const char* cdb;
    };
    const Case cases[] = {
        {tocEx(0, true, 2), "43 02 00 00 00 00 02 01 00 00"},   // TOC from track 2, MSF
        {tocEx(0, false, 0xAA), "43 00 00 00 00 00 aa 01 00 00"},  // lead-out only
        {tocEx(1, false, 0), "43 00 01 00 00 00 00 01 00 00"},  // session
        {tocEx(2, true, 1), "43 02 02 00 00 00 01 01 00 00"},   // full TOC from session 1
        {tocEx(5, false, 0), "43 00 05 00 00 00 00 01 00 00"},  // CD-TEXT
    };
    for (const Case& c : cases) {
        device->drive().trace().clear();
        Bytes out(256, 0xCD);
        const ControlResult r = control(CdromReadTocEx, out, c.in);
        ASSERT_EQ(traffic().size(), 1u) << c.cdb;
        EXPECT_EQ(formatHex(traffic()[0].cdb()), c.cdb);
        ASSERT_EQ(r.status, st::Success) << c.cdb;
        const Bytes expected = direct(traffic()[0].cdb(), 256);
        EXPECT_EQ(r.information, expected.size()) << c.cdb << ": Information = bytes transferred";
        EXPECT_EQ(formatHex(std::span(out).first(expected.size())), formatHex(expected)) << c.cdb;
        if (expected.size() < out.size()) {
            EXPECT_EQ(out[expected.size()], 0xCD) << "nothing past Information";
        }
    }
}

TEST_F(TocExModel, S3_17_CdTextSessionTrackIsPassedThroughUnchecked)
{
    build("reference");
    const auto in = tocEx(5, false, 7);
    Bytes out(256);
    const ControlResult r = control(CdromReadTocEx, out, in);
    ASSERT_EQ(traffic().size(), 1u) << "the driver does not refuse it";
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 05 00 00 00 07 01 00 00");
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "the drive's 05/24/00 (§8.1)";
}

TEST_F(TocExModel, S3_17_FullTocHasItsElevenByteDescriptors)
{
    build("mixed");
    const auto in = tocEx(2, false, 1);
    Bytes out(512);
    const ControlResult r = control(CdromReadTocEx, out, in);
    ASSERT_EQ(r.status, st::Success);
    ASSERT_GE(r.information, 4u);
    EXPECT_EQ(loadBe16(out.data()) + 2u, r.information) << "Length counts the bytes after itself";
    EXPECT_EQ((r.information - 4) % 11, 0u) << "CDROM_TOC_FULL_TOC_DATA: 4 + 11 n (§2.3)";
}

TEST_F(TocExModel, S3_17_PmaAndAtipOfAPressedDiscAreTheDrivesIllegalRequest)
{
    build("data");
    for (const std::uint8_t format : {std::uint8_t{3}, std::uint8_t{4}}) {
        device->drive().trace().clear();
        const auto in = tocEx(format, false, 0);
        Bytes out(64);
        const ControlResult r = control(CdromReadTocEx, out, in);
        EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "05/24/00 maps by ASC 24 (§8.1)";
        EXPECT_EQ(r.information, 0u);
        ASSERT_EQ(traffic().size(), 1u) << "24/xx is not retried";
        EXPECT_EQ(traffic()[0].cdb()[2], format);
    }
}

// PMA and ATIP exist on recordable media only: a CD-R in a writer.
class RecordableTocEx : public ::testing::Test {
protected:
    VirtualClock clock;
    std::unique_ptr<emulator::VirtualDrive> drive;
    std::unique_ptr<ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;

    void SetUp() override
    {
        const emulator::DriveProfile& profile = *emulator::findDriveProfile("dvdrw_writer");
        drive = std::make_unique<emulator::VirtualDrive>(profile, clock);
        auto disc = emulator::makeSyntheticDisc("mixed");
        disc->setMediumKind(emulator::MediumKind::CdR);
        drive->loadMedium(std::move(disc));
        clock.advance(profile.timings.spinUp);
        driver = std::make_unique<ClassDriver>(*drive, DeviceIdentity{}, ClassDriverSettings{});
        handle = driver->open(HandleAccess::Read);
        driver->runPendingMmcRefresh();
        drive->trace().clear();
    }
    void TearDown() override { handle.reset(); }
};

TEST_F(RecordableTocEx, S3_17_PmaAndAtipRepliesHaveTheirLayouts)
{
    Bytes out(512, 0xCD);
    const std::array<std::uint8_t, 4> atip{4, 0, 0, 0};
    ControlResult r = handle->control(CdromReadTocEx, atip, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 4u + 24u) << "CDROM_TOC_ATIP_DATA: 4 + 24";
    EXPECT_EQ(loadBe16(out.data()) + 2u, r.information);
    EXPECT_EQ(formatHex(drive->trace().entries().at(0).cdb()), "43 00 04 00 00 00 00 02 00 00");

    const std::array<std::uint8_t, 4> pma{3, 0, 0, 0};
    r = handle->control(CdromReadTocEx, pma, out);
    ASSERT_EQ(r.status, st::Success);
    ASSERT_GE(r.information, 4u);
    EXPECT_EQ(loadBe16(out.data()) + 2u, r.information);
    EXPECT_EQ((r.information - 4) % 11, 0u) << "CDROM_TOC_PMA_DATA: 4 + 11 n";
}

TEST_F(TocExModel, S3_17_ATruncatedReplySucceedsAndLengthTellsTheFullSize)
{
    build("mixed");
    const auto in = tocEx(0, false, 0);
    Bytes out(6, 0xCD);
    const ControlResult r = control(CdromReadTocEx, out, in);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 6u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 00 00 00 00 00 00 06 00");
    EXPECT_EQ(loadBe16(out.data()), 2u + 8u * 4u) << "three tracks and the lead-out";
}

TEST_F(TocExModel, S3_17_AReplyShorterThan2IsInvalidDeviceRequest)
{
    build("data");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0x43, .transferLimit = 1});
    const auto in = tocEx(0, false, 0);
    Bytes out(64);
    const ControlResult r = control(CdromReadTocEx, out, in);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(TocExModel, S3_17_TransfersGoThroughTheScratchBuffer)
{
    // §0.2: 4 physical pages make a 16 KiB scratch buffer; the CDB still asks for OutLen.
    ClassDriverSettings settings;
    settings.adapter.maximumPhysicalPages = 4;
    build("data", settings);
    const auto in = tocEx(0, false, 0);
    Bytes out(0x8000);
    ASSERT_EQ(control(CdromReadTocEx, out, in).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "43 00 00 00 00 00 00 80 00 00");
    EXPECT_EQ(traffic()[0].bufferLength, 16384u);
}

TEST_F(TocExModel, S8_1_EmptyDriveIsNoMedia)
{
    build("");
    const auto in = tocEx(0, false, 0);
    Bytes out(64, 0xCD);
    const ControlResult r = control(CdromReadTocEx, out, in);
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(r.information, 0u);
}

// --- §7.4: the play-active probe -------------------------------------------------------------------

class PlayActiveModel : public TocExModel {
protected:
    // Audio plays (started straight on the drive), and READ_Q_CHANNEL has seen it: the flag is set.
    void playAndNotice()
    {
        build("audio");
        const std::array<std::uint8_t, 10> play{0x47, 0, 0, 0, 2, 0, 0, 30, 0, 0};  // PLAY AUDIO MSF 00:02:00-00:30:00
        ASSERT_TRUE(device->drive().execute(play, {}, mmc::DataDirection::None, 10s).good());
        const std::array<std::uint8_t, 2> position{1, 0};
        Bytes sub(16);
        ASSERT_EQ(control(CdromReadQChannel, sub, position).status, st::Success);
        ASSERT_EQ(sub[1], 0x11);
        ASSERT_TRUE(device->driver().state().playActive) << "§3.19: AudioStatus 11h sets the flag";
        device->drive().trace().clear();
    }
};

TEST_F(PlayActiveModel, S7_4_TocCodesProbeAndAnswerDeviceBusyWhilePlaying)
{
    playAndNotice();
    Bytes out(12, 0xCD);
    ControlResult r = control(CdromGetLastSession, out);
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    ASSERT_EQ(traffic().size(), 1u) << "only the probe";
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 02 40 01 00 00 00 00 10 00");

    device->drive().trace().clear();
    const auto in = tocEx(0, false, 0);
    Bytes ex(64);
    r = control(CdromReadTocEx, ex, in);
    EXPECT_EQ(r.status, st::DeviceBusy);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 02 40 01 00 00 00 00 10 00");
}

TEST_F(PlayActiveModel, S7_4_AStoppedPlayClearsTheFlagAndTheIoctlProceeds)
{
    playAndNotice();
    const std::array<std::uint8_t, 6> stop{0x1B, 0x01, 0, 0, 0, 0};  // STOP (Immed), straight on the drive
    ASSERT_TRUE(device->drive().execute(stop, {}, mmc::DataDirection::None, 10s).good());
    device->drive().trace().clear();
    Bytes out(12);
    EXPECT_EQ(control(CdromGetLastSession, out).status, st::Success);
    ASSERT_EQ(traffic().size(), 2u) << "the probe, then READ TOC";
    EXPECT_EQ(traffic()[0].opcode(), 0x42);
    EXPECT_EQ(traffic()[1].opcode(), 0x43);
    EXPECT_FALSE(device->driver().state().playActive);
    device->drive().trace().clear();
    EXPECT_EQ(control(CdromGetLastSession, out).status, st::Success);
    EXPECT_EQ(traffic().size(), 1u) << "no probe once the flag is clear";
}

TEST_F(PlayActiveModel, S7_4_AFailedProbeLeavesTheFlagAndTheIoctlProceeds)
{
    playAndNotice();
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x42,
                                              .sense = mmc::sense::InvalidFieldInCdb});
    const auto in = tocEx(0, false, 0);
    Bytes out(64);
    EXPECT_EQ(control(CdromReadTocEx, out, in).status, st::Success);
    EXPECT_TRUE(device->driver().state().playActive);
}

// The H-stage of each TOC code starts with the probe (§3.15-§3.17): AudioStatus 11h ends the IOCTL with
// STATUS_DEVICE_BUSY, Information 0, before any READ TOC; once the drive has stopped, the same call proceeds.
class TocProbe : public PlayActiveModel {
protected:
    void busyThenProceeds(ioctl::ControlCode code, std::span<const std::uint8_t> in, std::size_t outLength)
    {
        playAndNotice();
        Bytes out(outLength, 0xCD);
        const ControlResult busy = handle->control(code, in, out);
        EXPECT_EQ(busy.status, st::DeviceBusy);
        EXPECT_EQ(busy.information, 0u);
        ASSERT_EQ(traffic().size(), 1u) << "the probe and no READ TOC";
        EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 02 40 01 00 00 00 00 10 00");
        EXPECT_TRUE(allCd(out));
        const std::array<std::uint8_t, 6> stop{0x1B, 0x01, 0, 0, 0, 0};  // STOP (Immed), straight on the drive
        ASSERT_TRUE(device->drive().execute(stop, {}, mmc::DataDirection::None, 10s).good());
        device->drive().trace().clear();
        EXPECT_EQ(handle->control(code, in, out).status, st::Success);
        ASSERT_EQ(traffic().size(), 2u);
        EXPECT_EQ(traffic()[0].opcode(), 0x42);
        EXPECT_EQ(traffic()[1].opcode(), 0x43);
    }
};

TEST_F(TocProbe, S3_15_ReadTocWhilePlayingIsDeviceBusy) { busyThenProceeds(ioctl::codes::CdromReadToc, {}, 804); }

TEST_F(TocProbe, S3_16_GetLastSessionWhilePlayingIsDeviceBusy) { busyThenProceeds(CdromGetLastSession, {}, 12); }

TEST_F(TocProbe, S3_16_AProbeReplyShorterThan2BytesClearsTheFlag)
{
    // DeviceIsPlayActive reads AudioStatus from the buffer that held its request (Track 0 at byte 1): a 1-byte
    // reply is "not playing", so the flag is cleared and the IOCTL proceeds, though the audio still plays.
    playAndNotice();
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0x42, .transferLimit = 1});
    Bytes out(12);
    EXPECT_EQ(control(CdromGetLastSession, out).status, st::Success);
    ASSERT_EQ(traffic().size(), 2u);
    EXPECT_EQ(traffic()[1].opcode(), 0x43);
    EXPECT_FALSE(device->driver().state().playActive);
}

TEST_F(TocProbe, S3_17_ReadTocExWhilePlayingIsDeviceBusy)
{
    const auto in = tocEx(2, true, 1);
    busyThenProceeds(CdromReadTocEx, in, 100);
}

}  // namespace
}  // namespace cdcts::classdriver
