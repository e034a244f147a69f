// IOCTL_CDROM_RAW_READ through the model (ioctl-contracts.md §3.18, §6, §7.3, §8): sector sizes per TrackMode,
// the READ CD CDB of each, the V-stage rows in order (bounds against the cached capacity, buffer alignment and
// the adapter's transfer limits), the H-stage capability and verify checks, and medium errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "harness/mmc/cdb.hpp"
#include "model_fixture.hpp"
#include "page_buffer.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using ioctl::codes::CdromRawRead;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFault;
using emulator::CommandFaultKind;
using emulator::SectorFault;

std::array<std::uint8_t, 16> rawReadInfo(std::int64_t diskOffset, std::uint32_t sectors, std::int32_t trackMode)
{
    ioctl::RAW_READ_INFO info{};
    info.DiskOffset.QuadPart = diskOffset;
    info.SectorCount = sectors;
    info.TrackMode = static_cast<ioctl::TRACK_MODE_TYPE>(trackMode);
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), &info, sizeof info);
    return bytes;
}

using testing_support::PageBuffer;

class RawReadModel : public testing_support::ModelFixture {
protected:
    ControlResult raw(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) { return handle->control(CdromRawRead, in, out); }
};

// --- sizes and CDBs ------------------------------------------------------------------------------

TEST_F(RawReadModel, S3_18_EachTrackModeSendsItsReadCdAndAsksForItsSectorSize)
{
    // On audio sectors every field selection gives the whole 2352 bytes, so Information = T exactly.
    struct Case {
        std::int32_t mode;
        std::uint32_t bytesPerSector;
        const char* cdb;  // 3 sectors from LBA 16
    };
    const Case cases[] = {
        {ioctl::CDDA, 2352, "be 04 00 00 00 10 00 00 03 f0 00 00"},
        {ioctl::RawWithC2AndSubCode, 2744, "be 00 00 00 00 10 00 00 03 f4 01 00"},
        {ioctl::RawWithC2, 2648, "be 00 00 00 00 10 00 00 03 f4 00 00"},
        {ioctl::RawWithSubCode, 2448, "be 00 00 00 00 10 00 00 03 f0 01 00"},
    };
    build("audio");
    for (const Case& c : cases) {
        device->drive().trace().clear();
        const auto in = rawReadInfo(16 * 2048, 3, c.mode);
        PageBuffer out(3 * c.bytesPerSector + 100, 0);
        const ControlResult r = raw(in, out.span());
        ASSERT_EQ(traffic().size(), 1u) << c.cdb;
        EXPECT_EQ(formatHex(traffic()[0].cdb()), c.cdb);
        EXPECT_EQ(traffic()[0].bufferLength, 3 * c.bytesPerSector) << c.cdb << ": the transfer is T, not OutLen";
        ASSERT_EQ(r.status, st::Success) << c.cdb;
        EXPECT_EQ(r.information, 3 * c.bytesPerSector) << c.cdb;
        EXPECT_EQ(out.span()[3 * c.bytesPerSector], 0xCD) << "nothing past T";
    }
}

TEST_F(RawReadModel, S3_18_InformationIsWhatTheDriveTransferred)
{
    // XAForm2 asks for sync, all headers and user data without the EDC bit (0xF0): a form-2 sector is then
    // 12 + 4 + 8 + 2324 bytes by MMC, fewer than T = 2352, and Information says so ("normally T").
    build("xa");
    const auto in = rawReadInfo(17 * 2048, 1, ioctl::XAForm2);  // odd LBAs are form 2
    PageBuffer out(2352, 0);
    const ControlResult r = raw(in, out.span());
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "be 14 00 00 00 11 00 00 01 f0 00 00");
    EXPECT_EQ(traffic()[0].bufferLength, 2352u);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, traffic()[0].transferred);
    EXPECT_EQ(r.information, 12u + 4u + 8u + 2324u);
}

TEST_F(RawReadModel, S3_18_YellowMode2AsksForMode2SectorsWithHeaderCode1)
{
    build("data");
    const auto in = rawReadInfo(0, 1, ioctl::YellowMode2);
    PageBuffer out(2352, 0);
    const ControlResult r = raw(in, out.span());
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "be 0c 00 00 00 00 00 00 01 b0 00 00");
    // A mode-1 sector is not of the expected type: 05/64/00 is ILLEGAL REQUEST by sense key (§8.2), not retried.
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(RawReadModel, S3_18_RawSectorsAreTheDrivesBytes)
{
    build("data");
    const auto in = rawReadInfo(100 * 2048, 2, ioctl::RawWithC2AndSubCode);
    PageBuffer out(2 * 2744, 0);
    const ControlResult r = raw(in, out.span());
    ASSERT_EQ(r.status, st::Success);
    // What the same READ CD answers straight from the drive.
    Bytes expected(2 * 2744);
    const auto cdb = mmc::cdb::readCd(0, 100, 2, 0xF4, 0x01);
    const mmc::CommandResult direct = device->drive().execute(cdb, expected, mmc::DataDirection::In, 10s);
    ASSERT_TRUE(direct.good());
    EXPECT_EQ(r.information, direct.transferred);
    EXPECT_TRUE(std::equal(expected.begin(), expected.begin() + direct.transferred, out.span().begin()));
    EXPECT_EQ(formatHex(out.span().first(12)), "00 ff ff ff ff ff ff ff ff ff ff 00") << "sync pattern";
}

TEST_F(RawReadModel, S3_18_DiskOffsetIsCookedBytesShiftedAndTruncated)
{
    build("data");
    const auto in = rawReadInfo(10 * 2048 + 2047, 1, ioctl::RawWithC2);
    PageBuffer out(2648, 0);
    ASSERT_EQ(raw(in, out.span()).status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "be 00 00 00 00 0a 00 00 01 f4 00 00") << "LBA 10";
}

// --- V-stage, in order ---------------------------------------------------------------------------

TEST_F(RawReadModel, S3_18_Row1_EmptyInputIsBufferTooSmallWithInformation0)
{
    build("data");
    PageBuffer out(2352, 0);
    const ControlResult r = raw({}, out.span());
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row2_ShortInputIsBufferTooSmallWith16)
{
    build("data");
    const auto full = rawReadInfo(0, 1, ioctl::CDDA);
    PageBuffer out(2352, 0);
    for (std::size_t length : {1u, 8u, 15u}) {
        const ControlResult r = raw(std::span(full).first(length), out.span());
        EXPECT_EQ(r.status, st::BufferTooSmall) << length;
        EXPECT_EQ(r.information, 16u) << length;
    }
    Bytes longer(full.begin(), full.end());
    longer.resize(24, 0);
    EXPECT_NE(raw(longer, out.span()).status, st::BufferTooSmall) << "more than 16 bytes is accepted";
}

TEST_F(RawReadModel, S3_18_Row3_ZeroSectorsIsInvalidParameter)
{
    build("data");
    const auto in = rawReadInfo(0, 0, ioctl::RawWithC2);
    PageBuffer out(0, 0);
    EXPECT_EQ(raw(in, out.span()).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row4_UnknownTrackModeIsInvalidParameter)
{
    build("data");
    PageBuffer out(4 * 2744, 0);
    for (std::int32_t mode : {6, 7, -1, 0x7FFFFFFF}) {
        const auto in = rawReadInfo(0, 1, mode);
        EXPECT_EQ(raw(in, out.span()).status, st::InvalidParameter) << mode;
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row5_NegativeOffsetsWrapAndAreInvalidParameter)
{
    build("data");
    PageBuffer out(2352, 0);
    for (std::int64_t offset : {std::int64_t{-2048}, std::int64_t{-1}, INT64_MIN + 1}) {
        const auto in = rawReadInfo(offset, 1, ioctl::RawWithSubCode);
        const ControlResult r = raw(in, out.span());
        EXPECT_EQ(r.status, st::InvalidParameter) << offset;
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row6_OutputShorterThanTIsInvalidParameterNotBufferTooSmall)
{
    build("data");
    const auto in = rawReadInfo(0, 2, ioctl::RawWithC2);
    PageBuffer out(2 * 2648 - 1, 0);
    const ControlResult r = raw(in, out.span());
    EXPECT_EQ(r.status, st::InvalidParameter);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row7_EndBeyondTheCachedCapacityIsInvalidParameter)
{
    build("data");
    const std::uint64_t length = partitionLength();
    PageBuffer out(2352, 0);
    // The last sector: E = PartitionLength, allowed.
    auto in = rawReadInfo(static_cast<std::int64_t>(length - 2048), 1, ioctl::CDDA);
    (void)raw(in, out.span());
    EXPECT_EQ(traffic().size(), 1u) << "E == PartitionLength reaches the drive";
    device->drive().trace().clear();
    // One byte further: E = PartitionLength + 1, though it names the same LBA after the shift.
    in = rawReadInfo(static_cast<std::int64_t>(length - 2047), 1, ioctl::CDDA);
    EXPECT_EQ(raw(in, out.span()).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row7_WithoutACapacityTheBoundIs7FFFFFFF)
{
    build("");  // the start-up READ CAPACITY failed: PartitionLength is 0x7FFFFFFF (§3.9)
    PageBuffer out(2352, 0);
    EXPECT_EQ(raw(rawReadInfo(0x7FFFF7FF, 1, ioctl::CDDA), out.span()).status, st::NoMediaInDevice) << "E = 0x7FFFFFFF passes";
    EXPECT_EQ(traffic().size(), 1u);
    device->drive().trace().clear();
    const ControlResult r = raw(rawReadInfo(0x7FFFF800, 1, ioctl::CDDA), out.span());
    EXPECT_EQ(r.status, st::InvalidParameter) << "E = 0x80000000";
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row6BeforeRow7)
{
    build("data");
    const auto in = rawReadInfo(static_cast<std::int64_t>(partitionLength()), 1, ioctl::CDDA);
    PageBuffer out(100, 0);
    EXPECT_EQ(raw(in, out.span()).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(RawReadModel, S3_18_Row9_BufferAddressMustSuitTheAlignmentMask)
{
    build("data");  // mask 1
    const auto in = rawReadInfo(0, 1, ioctl::RawWithC2);
    PageBuffer odd(2648, 1);
    EXPECT_EQ(raw(in, odd.span()).status, st::InvalidParameter);
    EXPECT_TRUE(traffic().empty());
    PageBuffer even(2648, 2);
    EXPECT_EQ(raw(in, even.span()).status, st::Success) << "a word-aligned address is enough with mask 1";
}

TEST_F(RawReadModel, S3_18_Row10_PageAlignedAndUnalignedTransferLimits)
{
    // 17 pages, 1 MiB: page-aligned limit max(4096, min(17 x 4096, 1 MiB)) = 69632 bytes (29 sectors of 2352);
    // otherwise min(16 x 4096, 1 MiB) = 65536 (27 sectors) (§0.2).
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{1, 1024 * 1024, 17};
    build("audio", settings);
    PageBuffer aligned(30 * 2352, 0);
    EXPECT_EQ(raw(rawReadInfo(0, 29, ioctl::CDDA), aligned.span()).status, st::Success);
    EXPECT_EQ(raw(rawReadInfo(0, 30, ioctl::CDDA), aligned.span()).status, st::InvalidParameter);
    PageBuffer unaligned(30 * 2352, 2);
    EXPECT_EQ(raw(rawReadInfo(0, 27, ioctl::CDDA), unaligned.span()).status, st::Success);
    EXPECT_EQ(raw(rawReadInfo(0, 28, ioctl::CDDA), unaligned.span()).status, st::InvalidParameter);
    EXPECT_EQ(traffic().size(), 2u) << "only the two allowed reads reach the drive; nothing is split";
}

TEST_F(RawReadModel, S3_18_Row10_DefaultAdapterAllows27SectorsOf2352)
{
    build("audio");  // 64 KiB, 17 pages
    PageBuffer out(28 * 2352, 0);
    EXPECT_EQ(raw(rawReadInfo(0, 27, ioctl::CDDA), out.span()).status, st::Success);
    EXPECT_EQ(raw(rawReadInfo(0, 28, ioctl::CDDA), out.span()).status, st::InvalidParameter);
    EXPECT_EQ(raw(rawReadInfo(0, 24, ioctl::RawWithC2), out.span()).status, st::Success) << "24 x 2648 = 63552";
    EXPECT_EQ(raw(rawReadInfo(0, 25, ioctl::RawWithC2), out.span()).status, st::InvalidParameter) << "25 x 2648 = 66200";
}

TEST_F(RawReadModel, S3_18_Row10_A128KiBLimitAllows55And49And47Sectors)
{
    // §3.18: with a 128 KiB limit, 55 sectors of 2352, 49 of 2648, 47 of 2744 (page-aligned buffer, 33 pages).
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{1, 128 * 1024, 33};
    build("audio", settings);
    PageBuffer out(56 * 2744, 0);
    const struct {
        std::int32_t mode;
        std::uint32_t most;
    } cases[] = {{ioctl::CDDA, 55}, {ioctl::RawWithC2, 49}, {ioctl::RawWithC2AndSubCode, 47}};
    for (const auto& c : cases) {
        EXPECT_EQ(raw(rawReadInfo(0, c.most, c.mode), out.span()).status, st::Success) << c.mode;
        EXPECT_EQ(raw(rawReadInfo(0, c.most + 1, c.mode), out.span()).status, st::InvalidParameter) << c.mode;
    }
    EXPECT_EQ(traffic().size(), 3u);
}

// --- H-stage -----------------------------------------------------------------------------------

TEST_F(RawReadModel, S3_18_H1_PendingVerifyRereadsCapacityThenVerifyRequired)
{
    buildWithVerifyPending();

    PageBuffer out(2648, 0);
    const ControlResult r = raw(rawReadInfo(0, 1, ioctl::RawWithC2), out.span());
    EXPECT_EQ(r.status, st::VerifyRequired);
    EXPECT_EQ(r.information, 0u);
    // The 06/28/00 also flagged the MMC capability refresh (§8.4), whose burst (§7.6) runs first when the request
    // is dequeued; after it, the handler sends READ CAPACITY and no READ CD.
    ASSERT_FALSE(traffic().empty());
    EXPECT_EQ(formatHex(traffic().back().cdb()), "25 00 00 00 00 00 00 00 00 00");
    for (const auto& e : traffic()) EXPECT_NE(e.opcode(), 0xBE) << "no READ CD";
    EXPECT_EQ(out.span()[0], 0xCD);
}

TEST_F(RawReadModel, S3_18_PlayActiveIsNotChecked)
{
    build("audio");
    const std::array<std::uint8_t, 10> play{0x47, 0, 0, 0, 2, 0, 0, 30, 0, 0};  // PLAY AUDIO MSF 00:02:00-00:30:00
    ASSERT_TRUE(device->drive().execute(play, {}, mmc::DataDirection::None, 10s).good());
    Bytes sub(16);
    const std::array<std::uint8_t, 2> position{1, 0};
    ASSERT_EQ(control(ioctl::codes::CdromReadQChannel, sub, position).status, st::Success);
    ASSERT_TRUE(device->driver().state().playActive);
    device->drive().trace().clear();
    PageBuffer out(2352, 0);
    EXPECT_EQ(raw(rawReadInfo(0, 1, ioctl::CDDA), out.span()).status, st::Success);
    ASSERT_EQ(traffic().size(), 1u) << "no probe";
    EXPECT_EQ(traffic()[0].opcode(), 0xBE);
}

// A drive built here so the start-up MODE SENSE page 2Ah can be made to fail or to deny C2.
class RawReadCapabilities : public ::testing::Test {
protected:
    VirtualClock clock;
    std::unique_ptr<emulator::VirtualDrive> drive;
    std::unique_ptr<ClassDriver> driver;
    std::unique_ptr<DeviceHandle> handle;

    void start(const emulator::DriveProfile& profile, int failedModeSenses)
    {
        drive = std::make_unique<emulator::VirtualDrive>(profile, clock);
        drive->loadMedium(emulator::makeSyntheticDisc("data"));
        clock.advance(profile.timings.spinUp);
        if (failedModeSenses > 0) {
            drive->faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x5A,
                                             .count = static_cast<std::uint32_t>(failedModeSenses), .sense = mmc::sense::InvalidFieldInCdb});
            drive->faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x1A,
                                             .count = static_cast<std::uint32_t>(failedModeSenses), .sense = mmc::sense::InvalidFieldInCdb});
        }
        driver = std::make_unique<ClassDriver>(*drive, DeviceIdentity{}, ClassDriverSettings{});
        handle = driver->open(HandleAccess::Read);
    }
    ControlResult raw(std::int32_t mode)
    {
        driver->runPendingMmcRefresh();  // the §7.6 refresh the first request would run, kept out of its trace
        drive->trace().clear();
        PageBuffer out(2744, 0);
        return handle->control(CdromRawRead, rawReadInfo(0, 1, mode), out.span());
    }
    ~RawReadCapabilities() override { handle.reset(); }
};

TEST_F(RawReadCapabilities, S3_18_StartUpProbesModePage2AhWithModeSense10)
{
    start(*emulator::findDriveProfile("dvd_rom"), 0);
    bool sawModeSense = false;
    for (const auto& e : drive->trace().entries())
        if (e.opcode() == 0x5A) {
            EXPECT_EQ(formatHex(e.cdb()), "5a 08 2a 00 00 00 00 00 28 00") << "DBD, page 2Ah, allocation 40 (Q11)";
            sawModeSense = true;
        }
    EXPECT_TRUE(sawModeSense);
    EXPECT_TRUE(driver->state().readCdC2Pointers);
    EXPECT_TRUE(driver->state().readCdSubCode);
}

TEST_F(RawReadCapabilities, S3_18_H3to5_NoModePageMeansNoC2AndNoSubCode)
{
    start(*emulator::findDriveProfile("dvd_rom"), 3);
    std::vector<std::string> probes;
    for (const auto& e : drive->trace().entries())
        if (e.opcode() == 0x5A || e.opcode() == 0x1A) probes.push_back(formatHex(e.cdb()));
    EXPECT_EQ(probes, (std::vector<std::string>{"5a 08 2a 00 00 00 00 00 28 00", "5a 08 2a 00 00 00 00 00 28 00",
                                                "5a 08 2a 00 00 00 00 00 28 00", "1a 08 2a 00 24 00", "1a 08 2a 00 24 00",
                                                "1a 08 2a 00 24 00"}))
        << "MODE SENSE(10) three times, then MODE SENSE(6) three times";
    // Without the page there is no R-W support; C2 still comes from GET CONFIGURATION's CD Read feature (001Eh
    // C2 Flags), which this drive reports (DeviceSetRawReadInfo reads both).
    EXPECT_TRUE(driver->state().readCdC2Pointers);
    EXPECT_FALSE(driver->state().readCdSubCode);
    for (std::int32_t mode : {ioctl::RawWithC2AndSubCode, ioctl::RawWithSubCode}) {
        const ControlResult r = raw(mode);
        EXPECT_EQ(r.status, st::InvalidDeviceRequest) << mode;
        EXPECT_TRUE(drive->trace().entries().empty()) << mode << ": refused before any READ CD";
    }
    EXPECT_EQ(raw(ioctl::CDDA).status, st::InvalidDeviceRequest) << "CDDA is allowed, but a mode-1 sector is not CD-DA (64/00)";
    EXPECT_EQ(drive->trace().entries().size(), 1u) << "CDDA does reach the drive";
}

TEST_F(RawReadCapabilities, S3_18_H4_NoC2PointersRefusesTheC2ModesOnly)
{
    emulator::DriveProfile profile = *emulator::findDriveProfile("dvd_rom");
    profile.behaviours.c2 = emulator::C2Support::None;
    // The loaded profile built its CD Read feature (001Eh) from the C2 behaviour; clear its C2 Flags bit too
    // (descriptor byte 4 bit 1 = data byte 0), so GET CONFIGURATION and page 2Ah agree that there is no C2.
    for (auto& f : profile.features)
        if (f.code == 0x001E && !f.data.empty()) f.data[0] = static_cast<std::uint8_t>(f.data[0] & ~0x02u);
    start(profile, 0);
    EXPECT_FALSE(driver->state().readCdC2Pointers);
    EXPECT_EQ(raw(ioctl::RawWithC2).status, st::InvalidDeviceRequest);
    EXPECT_EQ(raw(ioctl::RawWithC2AndSubCode).status, st::InvalidDeviceRequest);
    EXPECT_EQ(raw(ioctl::RawWithSubCode).status, st::Success) << "R-W is still supported";
}

// --- medium errors and partial transfers (§8) -----------------------------------------------------

TEST_F(RawReadModel, S8_2_UnreadableSectorIsDeviceDataErrorWithInformation0)
{
    build("data");
    device->drive().faults().setSector(202, SectorFault::Unreadable);
    PageBuffer out(4 * 2352, 0);
    const ControlResult r = raw(rawReadInfo(200 * 2048, 4, ioctl::RawWithC2AndSubCode), out.span());
    // 4 x 2744 does not fit 4 x 2352: use a buffer for the mode actually asked.
    ASSERT_EQ(r.status, st::InvalidParameter) << "row 6 first";
    PageBuffer big(4 * 2744, 0);
    const ControlResult bad = raw(rawReadInfo(200 * 2048, 4, ioctl::RawWithC2AndSubCode), big.span());
    EXPECT_EQ(bad.status, st::DeviceDataError) << "03/11/00: ASC 11 is not in §8.1, key 3 is DEVICE_DATA_ERROR";
    EXPECT_EQ(bad.information, 0u) << "a failed RAW_READ reports nothing";
    ASSERT_EQ(traffic().size(), 1u) << "MEDIUM ERROR is not retried";
    // METHOD_OUT_DIRECT: the drive wrote the two sectors before the bad one straight into the caller's pages.
    const std::uint32_t moved = traffic()[0].transferred;
    EXPECT_GT(moved, 0u);
    Bytes good(2 * 2744);
    const auto cdb = mmc::cdb::readCd(0, 200, 2, 0xF4, 0x01);
    const mmc::CommandResult clean = device->drive().execute(cdb, good, mmc::DataDirection::In, 10s);
    ASSERT_TRUE(clean.good());
    EXPECT_EQ(moved, clean.transferred) << "exactly the good sectors moved";
    EXPECT_TRUE(std::equal(good.begin(), good.begin() + moved, big.span().begin()));
    EXPECT_EQ(formatHex(big.span().first(12)), "00 ff ff ff ff ff ff ff ff ff ff 00") << "a raw sector starts with sync";
    EXPECT_EQ(big.span()[moved], 0xCD) << "nothing from the bad sector on";
}

TEST_F(RawReadModel, S3_18_AShortTransferSucceedsWithTheBytesThatCame)
{
    build("audio");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0xBE, .transferLimit = 3000});
    PageBuffer out(4 * 2352, 0);
    const ControlResult r = raw(rawReadInfo(0, 4, ioctl::CDDA), out.span());
    EXPECT_EQ(r.status, st::Success) << "GOOD with a residual";
    EXPECT_EQ(r.information, 3000u) << "Information = bytes actually transferred";
}

TEST_F(RawReadModel, S3_18_MarginalSectorReadsWithC2Flags)
{
    build("audio");
    device->drive().faults().setSector(300, SectorFault::Marginal);
    PageBuffer out(2648, 0);
    const ControlResult r = raw(rawReadInfo(300 * 2048, 1, ioctl::RawWithC2), out.span());
    ASSERT_EQ(r.status, st::Success) << "status GOOD: C2 errors are data, not a failure";
    EXPECT_EQ(r.information, 2648u);
    // C2 code 10b: 294 pointer bytes, then the block error byte (MMC-6 Table 450).
    EXPECT_NE(out.span()[2352 + 294], 0) << "the block error byte of a sector with C2 errors";
}

TEST_F(RawReadModel, S8_1_EmptyDriveIsNoMediaOnceTheBoundsPass)
{
    build("");
    // No READ CAPACITY succeeded at start: PartitionLength is 0x7FFFFFFF, so small offsets pass the V-stage.
    PageBuffer out(2352, 0);
    const ControlResult r = raw(rawReadInfo(0, 1, ioctl::CDDA), out.span());
    EXPECT_EQ(r.status, st::NoMediaInDevice);
    EXPECT_EQ(traffic().size(), 1u);
}

}  // namespace
}  // namespace cdcts::classdriver
