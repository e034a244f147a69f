// Fault injection (docs/emulator.md, "Fault injection"): per sector, per command and over time. Expected values
// come from the MMC/SPC rules (sense layout, residuals, C2 pointer format) and from the same drive read without
// the fault, never from the fault code itself.
#include <gtest/gtest.h>

#include <algorithm>

#include "drive_fixture.hpp"
#include "harness/core/bytes.hpp"
#include "harness/emulator/sector/raw_sector.hpp"

namespace cdcts::emulator {
namespace {
using namespace std::chrono_literals;
using testing_support::DriveFixture;
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;

std::uint8_t b(std::uint32_t v, int shift) { return static_cast<std::uint8_t>(v >> shift); }

class FaultInjection : public DriveFixture {
protected:
    void SetUp() override { loadSynthetic("mixed"); }  // data track 1 from LBA 0, audio from 11400 (pregap 11250)

    mmc::CommandResult read10(std::uint32_t lba, std::uint16_t blocks, Bytes& data)
    {
        return send({0x28, 0, b(lba, 24), b(lba, 16), b(lba, 8), b(lba, 0), 0, b(blocks, 8), b(blocks, 0), 0}, data);
    }
    mmc::CommandResult read12(std::uint32_t lba, std::uint32_t blocks, Bytes& data)
    {
        return send({0xA8, 0, b(lba, 24), b(lba, 16), b(lba, 8), b(lba, 0), b(blocks, 24), b(blocks, 16), b(blocks, 8), b(blocks, 0), 0, 0},
                    data);
    }
    mmc::CommandResult readCd(std::uint32_t lba, std::uint8_t count, std::uint8_t b9, Bytes& data)
    {
        return send({0xBE, 0, b(lba, 24), b(lba, 16), b(lba, 8), b(lba, 0), 0, 0, count, b9, 0, 0}, data);
    }
    mmc::CommandResult readToc(Bytes& data)
    {
        return send({0x43, 0, 0, 0, 0, 0, 0, b(static_cast<std::uint32_t>(data.size()), 8), b(static_cast<std::uint32_t>(data.size()), 0), 0},
                    data);
    }
    mmc::CommandResult testUnitReady() { return send({0x00, 0, 0, 0, 0, 0}); }

    // What the drive returns for a request with no fault in the way (the oracle for the good part of a reply).
    Bytes pristine(const std::function<mmc::CommandResult(Bytes&)>& read, std::size_t size)
    {
        Bytes data(size);
        const mmc::CommandResult r = read(data);
        EXPECT_TRUE(r.good());
        data.resize(r.transferred);
        return data;
    }
};

// The INFORMATION field of fixed sense (bytes 3-6), valid only with the VALID bit (byte 0 bit 7).
std::optional<std::uint32_t> information(const mmc::CommandResult& r)
{
    if ((r.sense.bytes[0] & 0x80) == 0) return std::nullopt;
    return loadBe32(&r.sense.bytes[3]);
}

// ---- per sector -------------------------------------------------------------------------------------------

TEST_F(FaultInjection, Read10StopsAtTheUnreadableSectorAfterSendingTheOnesBeforeIt)
{
    const Bytes good = pristine([&](Bytes& d) { return read10(16, 4, d); }, 4 * 2048);
    drive.faults().setSectors(20, 3, SectorFault::Unreadable);
    Bytes data(8 * 2048, 0xCD);
    const mmc::CommandResult r = read10(16, 8, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(r), 20u) << "VALID set, INFORMATION = the first LBA in error";
    EXPECT_EQ(r.transferred, 4u * 2048u) << "the four sectors before the bad one were sent";
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 4 * 2048), good);
    EXPECT_TRUE(std::all_of(data.begin() + 4 * 2048, data.end(), [](std::uint8_t v) { return v == 0xCD; }));
}

TEST_F(FaultInjection, Read12StartingInsideARangeSendsNothing)
{
    drive.faults().setSectors(100, 10, SectorFault::Unreadable);
    Bytes data(4 * 2048);
    const mmc::CommandResult r = read12(105, 4, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(r), 105u);
    EXPECT_EQ(r.transferred, 0u);
    EXPECT_TRUE(read12(110, 4, data).good()) << "the sector after the range reads";
    EXPECT_TRUE(read12(96, 4, data).good()) << "so do the ones before it";
}

TEST_F(FaultInjection, ABufferShorterThanTheGoodRunStillEndsWithTheError)
{
    drive.faults().setSector(30, SectorFault::Unreadable);
    Bytes data(2 * 2048);  // the host allows two sectors of a ten-sector read
    const mmc::CommandResult r = read10(25, 10, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(r), 30u);
    EXPECT_EQ(r.transferred, 2u * 2048u);
}

TEST_F(FaultInjection, ReadCdStopsAtTheUnreadableSectorToo)
{
    const Bytes good = pristine([&](Bytes& d) { return readCd(16, 2, 0xF8, d); }, 2 * 2352);
    drive.faults().setSector(18, SectorFault::Unreadable);
    Bytes data(4 * 2352);
    const mmc::CommandResult r = readCd(16, 4, 0xF8, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(r), 18u);
    EXPECT_EQ(r.transferred, 2u * 2352u);
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 2 * 2352), good);
    // READ CD MSF of 00:02:18 (LBA 18) .. 00:02:20 meets the same sector first.
    Bytes msf(2 * 2352);
    const mmc::CommandResult m = send({0xB9, 0, 0, 0, 2, 18, 0, 2, 20, 0xF8, 0, 0}, msf);
    EXPECT_TRUE(hasSense(m, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(m), 18u);
    EXPECT_EQ(m.transferred, 0u);
}

TEST_F(FaultInjection, AnUnreadableAudioSectorFailsReadCd)
{
    drive.faults().setSector(11500, SectorFault::Unreadable);
    Bytes data(3 * 2352);
    const mmc::CommandResult r = readCd(11499, 3, 0x10, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::UnrecoveredReadError));
    EXPECT_EQ(information(r), 11500u);
    EXPECT_EQ(r.transferred, 2352u);
}

TEST_F(FaultInjection, MarginalMode1SectorReportsC2ErrorsButExactData)
{
    const Bytes good = pristine([&](Bytes& d) { return readCd(40, 1, 0xF8, d); }, 2352);
    drive.faults().setSector(40, SectorFault::Marginal);
    Bytes data(2 * (2352 + 296));
    const mmc::CommandResult r = readCd(40, 2, 0xF8 | 0x04, data);  // every field + C2 pointers + block error byte
    ASSERT_TRUE(r.good()) << "a marginal sector is readable";
    ASSERT_EQ(r.transferred, 2u * (2352u + 296u));
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 2352), good) << "the L2 EDC/ECC layer repairs mode-1 data";
    const auto c2 = data.begin() + 2352;
    std::uint8_t orOfPointers = 0;
    for (int i = 0; i < 294; ++i) orOfPointers = static_cast<std::uint8_t>(orOfPointers | c2[i]);
    EXPECT_NE(orOfPointers, 0) << "some bytes are flagged";
    EXPECT_EQ(c2[294], orOfPointers) << "block error byte = OR of the 294 pointer bytes";
    EXPECT_EQ(c2[295], 0) << "pad byte";
    const auto next = data.begin() + 2352 + 296 + 2352;
    EXPECT_TRUE(std::all_of(next, next + 296, [](std::uint8_t v) { return v == 0; })) << "the next sector is clean";

    Bytes again(2352 + 296);
    ASSERT_TRUE(readCd(40, 1, 0xF8 | 0x04, again).good());
    EXPECT_EQ(again, Bytes(data.begin(), data.begin() + 2352 + 296)) << "the same LBA fails the same way";

    Bytes cooked(2048);
    ASSERT_TRUE(read10(40, 1, cooked).good());
    EXPECT_EQ(cooked, Bytes(good.begin() + 16, good.begin() + 2064)) << "READ(10) recovers it";
}

TEST_F(FaultInjection, MarginalAudioSectorIsDamagedExactlyWhereC2Points)
{
    const Bytes good = pristine([&](Bytes& d) { return readCd(12000, 1, 0x10, d); }, 2352);
    drive.faults().setSector(12000, SectorFault::Marginal);
    Bytes data(2352 + 294);
    const mmc::CommandResult r = readCd(12000, 1, 0x10 | 0x02, data);  // audio + C2 pointers
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 2352u + 294u);
    int flagged = 0;
    for (std::size_t i = 0; i < 2352; ++i) {
        // Pointer bit for byte i: byte i/8, most significant bit first (MMC-6 READ CD error field).
        const bool bit = (data[2352 + i / 8] & (0x80 >> (i % 8))) != 0;
        flagged += bit ? 1 : 0;
        EXPECT_EQ(data[i] != good[i], bit) << "byte " << i;
    }
    EXPECT_GT(flagged, 0);
}

TEST_F(FaultInjection, DamagingAMarginalAudioSectorLeavesTheDiscsPcmAlone)
{
    // Track 2 of the mixed disc has a 120-sample tone; 10 sectors are 5880 samples = 49 periods, so LBA 12010
    // holds the same PCM as 12000 (the source hands both out from one prepared table).
    const Bytes good = pristine([&](Bytes& d) { return readCd(12000, 1, 0x10, d); }, 2352);
    ASSERT_EQ(pristine([&](Bytes& d) { return readCd(12010, 1, 0x10, d); }, 2352), good);
    drive.faults().setSector(12000, SectorFault::Marginal);
    Bytes data(11 * 2352);
    ASSERT_TRUE(readCd(12000, 11, 0x10, data).good());
    EXPECT_NE(Bytes(data.begin(), data.begin() + 2352), good) << "the marginal sector arrives damaged";
    EXPECT_EQ(Bytes(data.begin() + 10 * 2352, data.end()), good) << "a sector with the same PCM in the same command does not";
    drive.faults().setSector(12000, SectorFault::None);
    EXPECT_EQ(pristine([&](Bytes& d) { return readCd(12000, 1, 0x10, d); }, 2352), good) << "nor the sector itself once repaired";
}

TEST_F(FaultInjection, SlowSectorsReadNormally)
{
    const Bytes good = pristine([&](Bytes& d) { return read10(50, 4, d); }, 4 * 2048);
    drive.faults().setSectors(51, 2, SectorFault::Slow);
    EXPECT_EQ(drive.faults().sector(52), SectorFault::Slow);
    Bytes data(4 * 2048);
    const mmc::CommandResult r = read10(50, 4, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(data, good);
}

TEST(FaultPlanSectors, RangesOverlapAndClear)
{
    FaultPlan plan;
    plan.setSectors(100, 10, SectorFault::Unreadable);
    plan.setSectors(104, 2, SectorFault::Marginal);
    plan.setSector(108, SectorFault::None);
    EXPECT_EQ(plan.sector(99), SectorFault::None);
    EXPECT_EQ(plan.sector(100), SectorFault::Unreadable);
    EXPECT_EQ(plan.sector(103), SectorFault::Unreadable);
    EXPECT_EQ(plan.sector(104), SectorFault::Marginal);
    EXPECT_EQ(plan.sector(105), SectorFault::Marginal);
    EXPECT_EQ(plan.sector(106), SectorFault::Unreadable);
    EXPECT_EQ(plan.sector(108), SectorFault::None);
    EXPECT_EQ(plan.sector(109), SectorFault::Unreadable);
    EXPECT_EQ(plan.sector(110), SectorFault::None);
    EXPECT_EQ(plan.firstUnreadable(104, 2), std::nullopt);
    EXPECT_EQ(plan.firstUnreadable(104, 3), 106);
    EXPECT_EQ(plan.firstUnreadable(90, 20), 100);
    plan.setSectors(0, 1000, SectorFault::None);
    EXPECT_EQ(plan.sector(100), SectorFault::None);
    EXPECT_EQ(plan.firstUnreadable(0, 1000), std::nullopt);
}

// ---- per command ------------------------------------------------------------------------------------------

TEST_F(FaultInjection, TheNextNCommandsOfAnOpcodeFailWithTheGivenSense)
{
    drive.faults().addCommandFault({.kind = CommandFaultKind::CheckCondition, .opcode = 0x28, .count = 2,
                                    .sense = {mmc::SenseKey::HardwareError, 0x44, 0x00}});
    Bytes data(2048);
    EXPECT_TRUE(testUnitReady().good()) << "other opcodes are not affected";
    EXPECT_TRUE(hasSense(read10(0, 1, data), {mmc::SenseKey::HardwareError, 0x44, 0x00}));
    EXPECT_TRUE(hasSense(read10(0, 1, data), {mmc::SenseKey::HardwareError, 0x44, 0x00}));
    EXPECT_TRUE(read10(0, 1, data).good()) << "only two";
    EXPECT_EQ(drive.faults().pendingCommandFaults(), 0u);
}

TEST_F(FaultInjection, ACommandFaultPreemptsAPendingUnitAttention)
{
    drive.queueUnitAttention(mmc::sense::PowerOnResetOccurred);
    drive.faults().addCommandFault({.sense = mmc::sense::NotReadyBecomingReady});
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::NotReadyBecomingReady));
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::PowerOnResetOccurred)) << "the unit attention is still reported";
}

TEST_F(FaultInjection, AHungCommandTimesOutAfterItsTimeoutOnTheDrivesClock)
{
    drive.faults().addCommandFault({.kind = CommandFaultKind::Hang, .opcode = 0x00});
    const Nanoseconds before = clock.now();
    const std::vector<std::uint8_t> tur{0, 0, 0, 0, 0, 0};
    const mmc::CommandResult r = drive.execute(tur, {}, mmc::DataDirection::None, 7s);
    EXPECT_EQ(r.transport, mmc::TransportStatus::Timeout);
    EXPECT_EQ(r.transferred, 0u);
    EXPECT_EQ(clock.now() - before, Nanoseconds(7s));
    EXPECT_TRUE(testUnitReady().good()) << "the next command is answered";
}

TEST_F(FaultInjection, AShortTransferMovesFewerBytesWithStatusGood)
{
    const Bytes good = pristine([&](Bytes& d) { return read10(16, 4, d); }, 4 * 2048);
    drive.faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0x28, .transferLimit = 3000});
    Bytes data(4 * 2048, 0xCD);
    const mmc::CommandResult r = read10(16, 4, data);
    EXPECT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 3000u) << "residual " << data.size() - r.transferred;
    EXPECT_EQ(Bytes(data.begin(), data.begin() + 3000), Bytes(good.begin(), good.begin() + 3000));
    EXPECT_TRUE(std::all_of(data.begin() + 3000, data.end(), [](std::uint8_t v) { return v == 0xCD; }))
        << "bytes past the transfer never reached the buffer";
}

TEST_F(FaultInjection, AGarbageReplyIsDeterministicNoiseOfTheSameLength)
{
    const Bytes good = pristine([&](Bytes& d) { return readToc(d); }, 804);
    drive.faults().addCommandFault({.kind = CommandFaultKind::GarbageReply, .opcode = 0x43, .count = 2, .seed = 7});
    drive.faults().addCommandFault({.kind = CommandFaultKind::GarbageReply, .opcode = 0x43, .seed = 8});
    Bytes first(804), second(804), third(804);
    const mmc::CommandResult r = readToc(first);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, good.size());
    first.resize(r.transferred);
    EXPECT_NE(first, good);
    ASSERT_TRUE(readToc(second).good());
    second.resize(r.transferred);
    EXPECT_EQ(second, first) << "same seed, same bytes";
    ASSERT_TRUE(readToc(third).good());
    third.resize(r.transferred);
    EXPECT_NE(third, first) << "another seed, other bytes";
}

TEST_F(FaultInjection, AWrongLengthFieldSaysMoreOrLessThanWasSent)
{
    const Bytes good = pristine([&](Bytes& d) { return readToc(d); }, 804);
    const std::uint16_t length = loadBe16(good.data());
    ASSERT_EQ(length + 2u, good.size()) << "the TOC data length counts the bytes after itself";
    // No opcode: waits for a command whose reply has a length field (TEST UNIT READY has none).
    drive.faults().addCommandFault({.kind = CommandFaultKind::WrongLengthField, .lengthDelta = 8});
    drive.faults().addCommandFault({.kind = CommandFaultKind::WrongLengthField, .opcode = 0x43, .lengthDelta = -4});
    EXPECT_TRUE(testUnitReady().good());
    Bytes more(804), less(804);
    mmc::CommandResult r = readToc(more);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, good.size());
    EXPECT_EQ(loadBe16(more.data()), length + 8);
    EXPECT_TRUE(std::equal(good.begin() + 2, good.end(), more.begin() + 2)) << "the rest of the reply is untouched";
    r = readToc(less);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(loadBe16(less.data()), length - 4);
}

TEST(FaultPlanCommands, AWrongLengthFieldNeedsAReplyWithOne)
{
    FaultPlan plan;
    EXPECT_THROW(plan.addCommandFault({.kind = CommandFaultKind::WrongLengthField, .opcode = 0x00, .lengthDelta = 1}),
                 std::invalid_argument);
    EXPECT_NO_THROW(plan.addCommandFault({.kind = CommandFaultKind::WrongLengthField, .opcode = 0x46, .lengthDelta = 1}));
}

// ---- over time --------------------------------------------------------------------------------------------

TEST_F(FaultInjection, MediumRemovedAtATimeTakesEffectWithTheFirstCommandAfterIt)
{
    drive.faults().schedule({.at = clock.now() + 5s, .kind = FaultEventKind::MediumRemoved, .trayOpen = true});
    clock.advance(4s);
    EXPECT_TRUE(testUnitReady().good());
    EXPECT_NE(drive.medium(), nullptr);
    const auto eventsBefore = drive.pendingMediaEvents().size();
    clock.advance(1s);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumNotPresentTrayOpen));
    EXPECT_EQ(drive.medium(), nullptr);
    EXPECT_EQ(drive.tray(), TrayState::Open);
    ASSERT_EQ(drive.pendingMediaEvents().size(), eventsBefore + 1);
    EXPECT_EQ(drive.pendingMediaEvents().back(), MediaEvent::MediaRemoval);
    Bytes data(2048);
    EXPECT_TRUE(hasSense(read10(0, 1, data), mmc::sense::MediumNotPresentTrayOpen));
}

TEST_F(FaultInjection, MediumRemovedWithTheTrayClosedIsMediumNotPresentTrayClosed)
{
    drive.faults().schedule({.at = clock.now() + 1s, .kind = FaultEventKind::MediumRemoved, .trayOpen = false});
    clock.advance(2s);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumNotPresentTrayClosed));
    EXPECT_EQ(drive.tray(), TrayState::Closed);
}

TEST_F(FaultInjection, AGoneDeviceFailsEveryLaterCommandInTheTransport)
{
    drive.faults().schedule({.at = clock.now() + 3s, .kind = FaultEventKind::DeviceGone});
    EXPECT_TRUE(testUnitReady().good());
    clock.advance(3s);
    Bytes inquiry(36);
    for (const mmc::CommandResult& r : {testUnitReady(), send({0x12, 0, 0, 0, 36, 0}, inquiry), send({0x03, 0, 0, 0, 18, 0}, inquiry)}) {
        EXPECT_EQ(r.transport, mmc::TransportStatus::NoDevice);
        EXPECT_EQ(r.transferred, 0u);
        EXPECT_FALSE(r.sense.valid()) << "no device, no sense";
    }
}

TEST_F(FaultInjection, AUnitAttentionStormIsReportedOncePerAttention)
{
    drive.faults().schedule({.at = clock.now() + 2s, .kind = FaultEventKind::UnitAttentionStorm,
                             .sense = mmc::sense::PowerOnResetOccurred, .count = 3});
    clock.advance(2s);
    Bytes inquiry(36);
    EXPECT_TRUE(send({0x12, 0, 0, 0, 36, 0}, inquiry).good()) << "INQUIRY does not report unit attentions";
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::PowerOnResetOccurred)) << i;
    EXPECT_TRUE(testUnitReady().good());
}

TEST_F(FaultInjection, EventsFireInTimeOrderOnlyWhenDue)
{
    drive.faults().schedule({.at = clock.now() + 10s, .kind = FaultEventKind::DeviceGone});
    drive.faults().schedule({.at = clock.now() + 1s, .kind = FaultEventKind::UnitAttentionStorm,
                             .sense = mmc::sense::MediumMayHaveChanged, .count = 1});
    clock.advance(5s);
    EXPECT_TRUE(hasSense(testUnitReady(), mmc::sense::MediumMayHaveChanged));
    EXPECT_TRUE(testUnitReady().good()) << "the device is not gone before its time";
    EXPECT_TRUE(drive.faults().hasPendingEvents());
    clock.advance(5s);
    EXPECT_EQ(testUnitReady().transport, mmc::TransportStatus::NoDevice);
}

}  // namespace
}  // namespace cdcts::emulator
