// SET CD SPEED, SET STREAMING and GET PERFORMANCE (MMC-6 §6.37, §6.39, §6.6), and SEND OPC INFORMATION
// (§6.34): field layouts and sense per MMC, reported curves against the CD geometry computed here.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "drive_fixture.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::hasSense;
using Bytes = std::vector<std::uint8_t>;
using namespace std::chrono_literals;

constexpr mmc::SenseCode kInvalidFieldInParameterList{mmc::SenseKey::IllegalRequest, 0x26, 0x00};
constexpr mmc::SenseCode kParameterListLengthError{mmc::SenseKey::IllegalRequest, 0x1A, 0x00};

class ZeroSource final : public SectorSource {
public:
    void read(const Track&, std::int32_t, std::span<std::uint8_t> out) const override { std::fill(out.begin(), out.end(), std::uint8_t{0}); }
};

// A drive of the named model with a whole-spiral data disc (400,000 sectors, outer edge at 58 mm), settled.
class Rig {
public:
    explicit Rig(const char* model) : drive(*findDriveProfile(model), clock)
    {
        drive.loadMedium(std::make_unique<Disc>("full disc", std::vector<Track>{Track{1, 1, TrackType::Mode1, control::DataTrack, 0, 400000, {}}},
                                                400000, std::make_unique<ZeroSource>()));
        clock.advance(drive.profile().timings.spinUp);
        for (int i = 0; i < 3; ++i) (void)send({0x00, 0, 0, 0, 0, 0});
    }
    mmc::CommandResult send(std::vector<std::uint8_t> cdb, std::span<std::uint8_t> data = {},
                            mmc::DataDirection dir = mmc::DataDirection::None)
    {
        return drive.execute(cdb, data, dir, 10s);
    }
    mmc::CommandResult setCdSpeed(std::uint16_t read, std::uint16_t write = 0xFFFF, std::uint8_t rotation = 0)
    {
        return send({0xBB, rotation, std::uint8_t(read >> 8), std::uint8_t(read), std::uint8_t(write >> 8), std::uint8_t(write), 0, 0, 0, 0, 0, 0});
    }
    // A type 0 performance descriptor (28 bytes) sent with SET STREAMING.
    mmc::CommandResult setStreaming(std::uint8_t flags, std::uint32_t start, std::uint32_t end, std::uint32_t readSize, std::uint32_t readTime,
                                    std::uint32_t writeSize = 0, std::uint32_t writeTime = 0, std::uint16_t listLength = 28)
    {
        Bytes d(28);
        d[0] = flags;
        storeBe32(&d[4], start), storeBe32(&d[8], end), storeBe32(&d[12], readSize), storeBe32(&d[16], readTime);
        storeBe32(&d[20], writeSize), storeBe32(&d[24], writeTime);
        return send({0xB6, 0, 0, 0, 0, 0, 0, 0, 0, std::uint8_t(listLength >> 8), std::uint8_t(listLength), 0}, d, mmc::DataDirection::Out);
    }
    // GET PERFORMANCE; `data` receives the reply.
    mmc::CommandResult getPerformance(Bytes& data, std::uint8_t byte1, std::uint8_t type, std::uint16_t maxDescriptors = 16)
    {
        data.assign(8 + 16 * std::size_t{maxDescriptors}, 0);
        return send({0xAC, byte1, 0, 0, 0, 0, 0, 0, std::uint8_t(maxDescriptors >> 8), std::uint8_t(maxDescriptors), type, 0}, data,
                    mmc::DataDirection::In);
    }
    // Nominal read performance (tolerance 10b, read, nominal): the descriptors as (start LBA, start, end LBA, end).
    std::vector<std::array<std::uint32_t, 4>> readCurve()
    {
        Bytes data;
        const auto r = getPerformance(data, 0x10, 0x00);
        EXPECT_TRUE(r.good());
        std::vector<std::array<std::uint32_t, 4>> out;
        const std::uint32_t length = loadBe32(&data[0]);
        EXPECT_EQ((length - 4) % 16, 0u);
        for (std::uint32_t at = 8; at + 16 <= length + 4 && at + 16 <= r.transferred; at += 16)
            out.push_back({loadBe32(&data[at]), loadBe32(&data[at + 4]), loadBe32(&data[at + 8]), loadBe32(&data[at + 12])});
        return out;
    }

    VirtualClock clock;
    VirtualDrive drive;
};

// CAV rate at LBA `lba` for a drive rated `max` at 58 mm, from the spiral's geometry (1.6 µm, 1.2 m/s, 25 mm).
std::uint32_t cavRate(double max, std::int32_t lba)
{
    const double r = std::min(58.0, std::sqrt(625.0 + 1.92 * ((lba + 150) / 75.0) / std::numbers::pi));
    return static_cast<std::uint32_t>(std::lround(max * r / 58.0));
}

TEST(SetCdSpeed, PicksTheFastestSupportedSpeedAtOrBelowTheRequest)
{
    Rig rig("dvd_rom");  // 8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176
    ASSERT_TRUE(rig.setCdSpeed(5000).good());
    auto curve = rig.readCurve();
    ASSERT_FALSE(curve.empty());
    EXPECT_EQ(curve.back()[3], 4234u) << "5000 is between 24x and 32x: 24x";
    ASSERT_TRUE(rig.setCdSpeed(1411).good());
    EXPECT_EQ(rig.readCurve().back()[3], 1411u) << "an exact match";
    ASSERT_TRUE(rig.setCdSpeed(100).good());
    EXPECT_EQ(rig.readCurve().back()[3], 176u) << "below the slowest: the slowest";
    ASSERT_TRUE(rig.setCdSpeed(0xFFFF).good());
    EXPECT_EQ(rig.readCurve().back()[3], 8467u) << "FFFFh: the maximum";
}

// perf-anchors.md §1.1: 4x is 704 kB/s to a Windows caller (x 176), 706 in MMC tables and libburn (x 176.4
// rounded up) and 708 to Linux sr (x 177); the drive lists 706. All three must land on 4x, not 2x.
TEST(SetCdSpeed, RequestsALittleOffAListedSpeedSelectIt)
{
    Rig rig("dvd_rom");  // 8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176
    for (const std::uint16_t fourX : {std::uint16_t{704}, std::uint16_t{706}, std::uint16_t{708}}) {
        ASSERT_TRUE(rig.setCdSpeed(fourX).good());
        EXPECT_EQ(rig.readCurve().back()[3], 706u) << fourX << " kB/s is 4x";
    }
    for (const std::uint16_t fortyX : {std::uint16_t{7040}, std::uint16_t{7056}, std::uint16_t{7080}}) {  // 40 x 176, 40 x 176.4, 40 x 177
        ASSERT_TRUE(rig.setCdSpeed(fortyX).good());
        EXPECT_EQ(rig.readCurve().back()[3], 7056u) << fortyX << " kB/s is 40x";
    }
    // Halfway between 2x (353) and 4x (706) is 3x: not "a little off" 4x, so the lower one.
    ASSERT_TRUE(rig.setCdSpeed(3 * 176).good());
    EXPECT_EQ(rig.readCurve().back()[3], 353u);
    ASSERT_TRUE(rig.setCdSpeed(1).good());
    EXPECT_EQ(rig.readCurve().back()[3], 176u) << "below the slowest listed speed: the slowest";
}

TEST(SetCdSpeed, AReservedRotationControlIsAnInvalidField)
{
    Rig rig("dvd_rom");
    EXPECT_TRUE(rig.setCdSpeed(1411, 0xFFFF, 0x01).good()) << "pure CAV is a valid request";
    const auto r = rig.setCdSpeed(1411, 0xFFFF, 0x02);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[15], 0x80 | 0x40 | 0x08 | 0);
    EXPECT_EQ(r.sense.bytes[17], 1);
}

TEST(SetCdSpeed, TheSpeedRevertsWhenTheMediumChanges)
{
    Rig rig("dvd_rom");
    ASSERT_TRUE(rig.setCdSpeed(1411).good());
    ASSERT_TRUE(rig.send({0x1B, 0, 0, 0, 0x02, 0}).good());
    ASSERT_TRUE(rig.send({0x1B, 0, 0, 0, 0x03, 0}).good());
    (void)rig.send({0x00, 0, 0, 0, 0, 0});  // medium may have changed
    EXPECT_EQ(rig.readCurve().back()[3], 8467u) << "Microsoft: the drive returns to its default speed on a media change";
}

TEST(SetCdSpeed, TheMaximumIsTheDefaultAndLeavesNothingToRevert)
{
    // ioctl-contracts.md §3.13 (DOCS:cd-rom-set-speed): a SET CD SPEED selection reverts at a medium change. FFFFh
    // selects the default itself, so the drive is left as at power-on, and a later selection is undone by it.
    for (const char* model : {"dvd_rom", "legacy_cdrom"}) {
        SCOPED_TRACE(model);
        Rig rig(model);
        const auto initial = rig.drive.stateSnapshot();
        ASSERT_TRUE(rig.setCdSpeed(1411, 1411).good());
        EXPECT_NE(rig.drive.stateSnapshot(), initial);
        ASSERT_TRUE(rig.setCdSpeed(0xFFFF, 0xFFFF).good());
        EXPECT_EQ(rig.drive.stateSnapshot(), initial) << "back at the maximum, nothing is left to revert";
    }
}

TEST(SetStreaming, ARateOfReadSizePerReadTimeSelectsTheSpeed)
{
    Rig rig("dvd_rom");
    ASSERT_TRUE(rig.setStreaming(0, 0, 399999, 2822, 1000).good());  // 2822 kB per 1000 ms
    EXPECT_EQ(rig.readCurve().back()[3], 2822u);
    ASSERT_TRUE(rig.setStreaming(0, 0, 399999, 3000, 500).good());  // 6000 kB/s → 5645
    EXPECT_EQ(rig.readCurve().back()[3], 5645u);
    // A streaming choice persists across a medium change (Microsoft docs: unless Persistent is FALSE, which the
    // class driver then undoes itself with RDD).
    ASSERT_TRUE(rig.send({0x1B, 0, 0, 0, 0x02, 0}).good());
    ASSERT_TRUE(rig.send({0x1B, 0, 0, 0, 0x03, 0}).good());
    (void)rig.send({0x00, 0, 0, 0, 0, 0});
    EXPECT_EQ(rig.readCurve().back()[3], 5645u);
    ASSERT_TRUE(rig.setStreaming(0x04, 0, 0, 0, 0).good());  // RDD alone, as the class driver sends it
    EXPECT_EQ(rig.readCurve().back()[3], 8467u);
}

TEST(SetStreaming, ParameterErrorsPointIntoTheDescriptor)
{
    Rig rig("dvd_rom");
    auto r = rig.setStreaming(0, 1000, 999, 1411, 1000);
    ASSERT_TRUE(hasSense(r, kInvalidFieldInParameterList)) << "start after end";
    EXPECT_EQ(r.sense.bytes[15], 0x80) << "SKSV, C/D = 0: a parameter-list byte";
    EXPECT_EQ(r.sense.bytes[17], 4);
    r = rig.setStreaming(0, 0, 400000, 1411, 1000);
    ASSERT_TRUE(hasSense(r, kInvalidFieldInParameterList)) << "end LBA past the medium";
    EXPECT_EQ(r.sense.bytes[17], 8);
    r = rig.setStreaming(0, 0, 1000, 1411, 0);
    ASSERT_TRUE(hasSense(r, kInvalidFieldInParameterList)) << "a read size with no read time";
    EXPECT_EQ(r.sense.bytes[17], 16);
    r = rig.setStreaming(0x02, 0, 1000, 1000, 1000);
    ASSERT_TRUE(hasSense(r, kInvalidFieldInParameterList)) << "Exact with a rate the drive cannot run";
    EXPECT_EQ(r.sense.bytes[17], 12);
    EXPECT_TRUE(rig.setStreaming(0x02, 0, 1000, 1411, 1000).good()) << "Exact with a rate it can";
    r = rig.setStreaming(0x10, 0, 1000, 1411, 1000);
    ASSERT_TRUE(hasSense(r, kInvalidFieldInParameterList)) << "WRC 10b is reserved";
    EXPECT_EQ(r.sense.bytes[15], 0x80 | 0x08 | 3);
    EXPECT_EQ(r.sense.bytes[17], 0);
}

// sg3_utils' sg_decode_sense, written by others, reads the parameter-list field pointers as SPC-4 defines them.
TEST(SetStreaming, Sg3UtilsReadsTheParameterFieldPointers)
{
    namespace fs = std::filesystem;
    if (!fs::exists("/usr/bin/sg_decode_sense")) FAIL() << "sg_decode_sense not found: run .ci/install-deps (Debian package sg3-utils)";
    Rig rig("dvd_rom");
    const auto decode = [](const mmc::CommandResult& r) {
        const fs::path file = fs::temp_directory_path() / ("cdcts-mech-sense-" + std::to_string(::getpid()) + ".hex");
        std::ofstream(file) << formatHex(r.sense.view()) << "\n";
        const auto out = cdcts::testing_support::run({"/usr/bin/sg_decode_sense", "--file=" + file.string()});
        fs::remove(file);
        return out.out;
    };
    std::string out = decode(rig.setStreaming(0, 1000, 999, 1411, 1000));
    EXPECT_NE(out.find("Invalid field in parameter list"), std::string::npos) << out;
    EXPECT_NE(out.find("Error in Data parameters: byte 4"), std::string::npos) << out;
    out = decode(rig.setStreaming(0x18, 0, 1000, 1411, 1000));
    EXPECT_NE(out.find("Error in Data parameters: byte 0 bit 3"), std::string::npos) << out;
}

TEST(SetStreaming, ShortListsAndOtherTypes)
{
    Rig rig("dvd_rom");
    const auto r = rig.setStreaming(0, 0, 1000, 1411, 1000, 0, 0, 10);
    ASSERT_TRUE(hasSense(r, kParameterListLengthError));
    EXPECT_TRUE(rig.setStreaming(0, 0, 1000, 1411, 1000, 0, 0, 0).good()) << "no descriptor: nothing to do";
    Bytes d(28);
    const auto t = rig.send({0xB6, 0, 0, 0, 0, 0, 0, 0, 0x05, 0, 28, 0}, d, mmc::DataDirection::Out);
    ASSERT_TRUE(hasSense(t, mmc::sense::InvalidFieldInCdb)) << "type 05h (DBI cache zone) is not for CD";
    EXPECT_EQ(t.sense.bytes[17], 8);
}

TEST(SetStreaming, ADriveWithoutRealTimeStreamingHasNoSuchCommand)
{
    Rig rig("legacy_cdrom");
    ASSERT_FALSE(rig.drive.profile().behaviours.streaming);
    EXPECT_TRUE(hasSense(rig.setStreaming(0, 0, 1000, 1411, 1000), mmc::sense::InvalidCommandOperationCode));
}

TEST(GetPerformance, TheNominalCurveOfACavDriveRunsWithTheRadius)
{
    Rig rig("dvd_rom");
    const auto curve = rig.readCurve();
    ASSERT_EQ(curve.size(), 1u);
    EXPECT_EQ(curve[0][0], 0u);
    EXPECT_EQ(curve[0][1], cavRate(8467, 0));
    EXPECT_EQ(curve[0][2], 399999u) << "the last LBA of the medium";
    EXPECT_EQ(curve[0][3], 8467u) << "the rated maximum at 58 mm";
}

TEST(GetPerformance, PcavRisesThenRunsFlatAtTheCap)
{
    Rig rig("dvdrw_writer");  // P-CAV, 8467 rated, capped at 5645
    const auto curve = rig.readCurve();
    ASSERT_EQ(curve.size(), 2u);
    EXPECT_EQ(curve[0][1], cavRate(8467, 0));
    EXPECT_EQ(curve[0][2] + 1, curve[1][0]) << "contiguous";
    EXPECT_EQ(curve[1][1], 5645u);
    EXPECT_EQ(curve[1][3], 5645u);
    // The CAV part reaches the cap where 8467 × r / 58 = 5645: r = 38.67 mm.
    const double r = 58.0 * 5645.0 / 8467.0;
    const double lba = (r * r - 625.0) * std::numbers::pi / 1.92 * 75.0 - 150.0;
    EXPECT_NEAR(double(curve[1][0]), lba, 2.0);
}

TEST(GetPerformance, ACavCurveUnderTheHostsCapFlattensWhereItReachesIt)
{
    Rig rig("dvd_rom");
    ASSERT_TRUE(rig.setCdSpeed(4234).good());
    const auto curve = rig.readCurve();
    ASSERT_EQ(curve.size(), 2u);
    EXPECT_EQ(curve[0][1], cavRate(8467, 0));
    EXPECT_EQ(curve[1][1], 4234u);
    EXPECT_EQ(curve[1][3], 4234u);
    const double r = 58.0 * 4234.0 / 8467.0;  // 29.0 mm
    EXPECT_NEAR(double(curve[1][0]), (r * r - 625.0) * std::numbers::pi / 1.92 * 75.0 - 150.0, 2.0);
}

TEST(GetPerformance, ASmallDiscNeverReachesThePcavCap)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("dvdrw_writer"), clock);
    drive.loadMedium(makeSyntheticDisc("data"));  // 20,000 sectors: about 29 mm
    clock.advance(drive.profile().timings.spinUp);
    const std::vector<std::uint8_t> tur{0x00, 0, 0, 0, 0, 0};
    for (int i = 0; i < 3; ++i) (void)drive.execute(tur, {}, mmc::DataDirection::None, 10s);
    Bytes data(8 + 64);
    const std::vector<std::uint8_t> cdb{0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0};
    ASSERT_TRUE(drive.execute(cdb, data, mmc::DataDirection::In, 10s).good());
    EXPECT_EQ(loadBe32(&data[0]), 4u + 16u) << "one rising descriptor";
    EXPECT_EQ(loadBe32(&data[8 + 12]), cavRate(8467, 19999));
}

TEST(GetPerformance, ACurrentSpeedOnlyDriveReportsOneFlatDescriptor)
{
    Rig rig("slim_slot");
    // slim_slot reports the current speed only: one descriptor, start and end at the current speed.
    ASSERT_TRUE(rig.drive.profile().behaviours.performanceCurrentSpeedOnly);
    auto curve = rig.readCurve();
    ASSERT_EQ(curve.size(), 1u);
    EXPECT_EQ(curve[0][1], 4234u);
    EXPECT_EQ(curve[0][3], 4234u);
    ASSERT_TRUE(rig.setCdSpeed(2000).good());
    curve = rig.readCurve();
    ASSERT_EQ(curve.size(), 1u);
    EXPECT_EQ(curve[0][1], 1411u);
}

TEST(GetPerformance, ZclvReportsOneFlatDescriptorPerZone)
{
    DriveProfile zoned = *findDriveProfile("slim_slot");  // zones at 0, 100000, 200000: 2822, 3528, 4234
    zoned.behaviours.performanceCurrentSpeedOnly = false;
    VirtualClock clock;
    VirtualDrive drive(zoned, clock);
    drive.loadMedium(std::make_unique<Disc>("full disc", std::vector<Track>{Track{1, 1, TrackType::Mode1, control::DataTrack, 0, 300000, {}}},
                                            300000, std::make_unique<ZeroSource>()));
    clock.advance(zoned.timings.spinUp);
    const std::vector<std::uint8_t> tur{0x00, 0, 0, 0, 0, 0};
    for (int i = 0; i < 3; ++i) (void)drive.execute(tur, {}, mmc::DataDirection::None, 10s);
    Bytes data(8 + 64);
    const std::vector<std::uint8_t> cdb{0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0};
    ASSERT_TRUE(drive.execute(cdb, data, mmc::DataDirection::In, 10s).good());
    ASSERT_EQ(loadBe32(&data[0]), 4u + 3 * 16u);
    const std::uint32_t expected[3][4] = {{0, 2822, 99999, 2822}, {100000, 3528, 199999, 3528}, {200000, 4234, 299999, 4234}};
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t f = 0; f < 4; ++f) EXPECT_EQ(loadBe32(&data[8 + 16 * i + 4 * f]), expected[i][f]) << "zone " << i << " field " << f;
}

TEST(GetPerformance, MaximumDescriptorsAndStartingLbaLimitTheList)
{
    Rig rig("dvdrw_writer");
    Bytes data;
    auto r = rig.getPerformance(data, 0x10, 0x00, 1);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(loadBe32(&data[0]), 4u + 16u) << "one descriptor";
    EXPECT_EQ(r.transferred, 24u);
    data.assign(8 + 32, 0);
    r = rig.send({0xAC, 0x10, 0, 0x05, 0, 0, 0, 0, 0, 2, 0, 0}, data, mmc::DataDirection::In);  // from LBA 327680
    ASSERT_TRUE(r.good());
    EXPECT_EQ(loadBe32(&data[0]), 4u + 16u) << "the CAV part ends before LBA 327680";
    EXPECT_EQ(loadBe32(&data[12]), 5645u);
}

TEST(GetPerformance, WithoutFaultsTheExceptionListIsEmpty)
{
    Rig rig("dvd_rom");
    Bytes data;
    const auto r = rig.getPerformance(data, 0x11, 0x00);  // tolerance 10b, entire list of exceptions
    ASSERT_TRUE(r.good());
    EXPECT_EQ(loadBe32(&data[0]), 4u);
    EXPECT_EQ(data[4], 0x01) << "Except";
}

// Exception descriptors (MMC-6 Performance Descriptor - Exceptions; Microsoft's
// CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR): 4-byte LBA, 2-byte Time = extra delay before that LBA in 0.1 ms.
TEST(GetPerformance, ExceptionsListTheFaultedSectorsFromTheStartingLba)
{
    Rig rig("dvd_rom");
    const ProfileTimings& t = rig.drive.profile().timings;
    rig.drive.faults().setSectors(100, 2, SectorFault::Slow);
    rig.drive.faults().setSector(5000, SectorFault::Marginal);
    rig.drive.faults().setSector(7000, SectorFault::Unreadable);
    const auto tenths = [](Nanoseconds d) { return static_cast<std::uint16_t>((d.count() + 99'999) / 100'000); };
    const auto descriptors = [](const Bytes& d) {
        std::vector<std::pair<std::uint32_t, std::uint16_t>> out;
        for (std::uint32_t at = 8; at + 6 <= loadBe32(&d[0]) + 4; at += 6) out.emplace_back(loadBe32(&d[at]), loadBe16(&d[at + 4]));
        return out;
    };
    for (const std::uint8_t except : {std::uint8_t{0x01}, std::uint8_t{0x02}}) {
        Bytes data;
        ASSERT_TRUE(rig.getPerformance(data, std::uint8_t(0x10 | except), 0x00).good());
        EXPECT_EQ(data[4], 0x01) << "Except";
        EXPECT_EQ((loadBe32(&data[0]) - 4) % 6, 0u) << "6-byte descriptors";
        const std::vector<std::pair<std::uint32_t, std::uint16_t>> expected{
            {100, tenths(t.slowSectorDelay)}, {101, tenths(t.slowSectorDelay)},
            {5000, tenths(t.marginalRetry * t.marginalRetries)}, {7000, tenths(t.marginalRetry * t.marginalRetries)}};
        EXPECT_EQ(descriptors(data), expected) << "Except " << int(except);
    }
    // Starting LBA 101 (bytes 2-5) skips the first; Maximum Number of Descriptors 2 stops after two.
    Bytes data(8 + 6 * 2);
    ASSERT_TRUE(rig.send({0xAC, 0x11, 0, 0, 0, 101, 0, 0, 0, 2, 0, 0}, data, mmc::DataDirection::In).good());
    const auto two = descriptors(data);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].first, 101u);
    EXPECT_EQ(two[1].first, 5000u);
    // The plan's faults are read faults: a write exception list (Write = 1) on a writer is empty.
    Rig writer("dvdrw_writer");
    writer.drive.faults().setSector(100, SectorFault::Slow);
    ASSERT_TRUE(writer.getPerformance(data, 0x15, 0x00).good());
    EXPECT_EQ(loadBe32(&data[0]), 4u);
    EXPECT_EQ(data[4], 0x03) << "Write and Except";
}

TEST(GetPerformance, WriteSpeedDescriptorsOfAWriter)
{
    Rig rig("dvdrw_writer");  // writes 8467, 7056, 4234, 2822, 1411
    Bytes data;
    ASSERT_TRUE(rig.getPerformance(data, 0x00, 0x03).good());
    ASSERT_EQ(loadBe32(&data[0]), 4u + 5 * 16u);
    const std::uint32_t expected[] = {8467, 7056, 4234, 2822, 1411};
    for (std::size_t i = 0; i < 5; ++i) {
        const std::uint8_t* d = &data[8 + 16 * i];
        EXPECT_EQ(loadBe32(d + 4), 399999u) << "end LBA: the medium's capacity";
        EXPECT_EQ(loadBe32(d + 12), expected[i]);
    }
    ASSERT_TRUE(rig.getPerformance(data, 0x00, 0x03, 2).good());
    EXPECT_EQ(loadBe32(&data[0]), 4u + 2 * 16u);
}

TEST(GetPerformance, AWritersNominalWritePerformanceIsItsCurrentWriteSpeed)
{
    Rig rig("dvdrw_writer");
    Bytes data;
    ASSERT_TRUE(rig.setCdSpeed(0xFFFF, 3000).good());  // write: 2822, the fastest at or below 3000
    ASSERT_TRUE(rig.getPerformance(data, 0x14, 0x00).good());
    ASSERT_EQ(loadBe32(&data[0]), 4u + 16u);
    EXPECT_EQ(data[4], 0x02) << "Write";
    EXPECT_EQ(loadBe32(&data[12]), 2822u);
    EXPECT_EQ(loadBe32(&data[20]), 2822u);
}

TEST(GetPerformance, AReaderHasNoWriteSpeedsAndNoWritePerformance)
{
    Rig rig("dvd_rom");
    Bytes data;
    ASSERT_TRUE(rig.getPerformance(data, 0x00, 0x03).good());
    EXPECT_EQ(loadBe32(&data[0]), 4u);
    const auto r = rig.getPerformance(data, 0x14, 0x00);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[15], 0x80 | 0x40 | 0x08 | 2);
}

TEST(GetPerformance, FieldErrors)
{
    Rig rig("dvd_rom");
    Bytes data;
    auto r = rig.getPerformance(data, 0x00, 0x00);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "tolerance 00b";
    EXPECT_EQ(r.sense.bytes[15], 0x80 | 0x40 | 0x08 | 3);
    r = rig.getPerformance(data, 0x13, 0x00);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "Except 11b";
    EXPECT_EQ(r.sense.bytes[17], 1);
    r = rig.getPerformance(data, 0x00, 0x02);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb)) << "type 02h (defect status) is not implemented";
    EXPECT_EQ(r.sense.bytes[17], 10);
}

TEST(GetPerformance, ADriveWithoutItAnswersInvalidOpcode)
{
    Rig rig("legacy_cdrom");
    Bytes data;
    EXPECT_TRUE(hasSense(rig.getPerformance(data, 0x10, 0x00), mmc::sense::InvalidCommandOperationCode));
}

TEST(SendOpcInformation, AWriterCalibratesAndItTakesTime)
{
    Rig rig("dvdrw_writer");
    const Nanoseconds before = rig.clock.now();
    ASSERT_TRUE(rig.send({0x54, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    EXPECT_GT(rig.clock.now() - before, 100ms);
    EXPECT_TRUE(rig.send({0x54, 0x00, 0, 0, 0, 0, 0, 0, 0, 0}).good()) << "DoOpc 0 with no table: nothing to do";
}

TEST(SendOpcInformation, AReaderHasNoSuchCommand)
{
    Rig rig("dvd_rom");
    EXPECT_TRUE(hasSense(rig.send({0x54, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
}

TEST(SendOpcInformation, ATableInTheParameterListIsRefusedAndADiscIsNeeded)
{
    Rig rig("dvdrw_writer");
    const auto r = rig.send({0x54, 0x00, 0, 0, 0, 0, 0, 0, 8, 0});
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[17], 7);
    ASSERT_TRUE(rig.send({0x1B, 0, 0, 0, 0x02, 0}).good());  // eject
    EXPECT_TRUE(hasSense(rig.send({0x54, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}), mmc::sense::MediumNotPresentTrayOpen));
}

TEST(GetPerformance, NeedsAReadyDisc)
{
    VirtualClock clock;
    VirtualDrive drive(*findDriveProfile("dvd_rom"), clock);
    const std::vector<std::uint8_t> tur{0x00, 0, 0, 0, 0, 0};
    (void)drive.execute(tur, {}, mmc::DataDirection::None, 10s);  // power-on reset
    Bytes data(8 + 16);
    const std::vector<std::uint8_t> cdb{0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    EXPECT_TRUE(hasSense(drive.execute(cdb, data, mmc::DataDirection::In, 10s), mmc::sense::MediumNotPresentTrayClosed));
    drive.loadMedium(makeSyntheticDisc("data"));
    (void)drive.execute(tur, {}, mmc::DataDirection::None, 10s);  // medium may have changed
    EXPECT_TRUE(hasSense(drive.execute(cdb, data, mmc::DataDirection::In, 10s), mmc::sense::NotReadyBecomingReady));
    clock.advance(drive.profile().timings.spinUp);
    EXPECT_TRUE(drive.execute(cdb, data, mmc::DataDirection::In, 10s).good());
}

TEST(SetCdSpeed, AReaderIgnoresTheWriteSpeed)
{
    Rig rig("dvd_rom");
    EXPECT_TRUE(rig.setCdSpeed(1411, 0x0001).good()) << "no write speed to set: no error";
    EXPECT_EQ(rig.readCurve().back()[3], 1411u);
}

}  // namespace
}  // namespace cdcts::emulator
