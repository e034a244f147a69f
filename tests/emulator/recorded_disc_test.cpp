// The synthetic kinds "cdr" and "cdrw": a finalized recording on a writer, as READ TOC/PMA/ATIP (MMC-6 §6.26),
// GET CONFIGURATION (§6.6) and READ DISC INFORMATION (§6.22) show it. Expected bytes are worked out by hand from
// the kind's documented layout (docs/emulator.md: data track 1 at LBA 0 for 11250 sectors, 2-second pauses,
// audio track 2 at 11400 for 6000, audio track 3 at 17550 for 9000, lead-out 26550) and the Orange Book PMA and
// ATIP rules; times are absolute (LBA + 150), in binary MSF.
#include <gtest/gtest.h>

#include <string>

#include "drive_fixture.hpp"

namespace cdcts::emulator {
namespace {
using Bytes = std::vector<std::uint8_t>;

class RecordedDisc : public ::testing::Test {
protected:
    VirtualClock clock;
    VirtualDrive drive{*findDriveProfile("dvdrw_writer"), clock};

    void load(const char* kind)
    {
        drive.loadMedium(makeSyntheticDisc(kind));
        for (int i = 0; i < 8; ++i) {
            Bytes none;
            const auto r = drive.execute(Bytes{0x00, 0, 0, 0, 0, 0}, none, mmc::DataDirection::None, std::chrono::seconds(10));
            if (r.good()) return;
            if (r.sense.code() == mmc::sense::NotReadyBecomingReady) clock.advance(drive.profile().timings.spinUp);
        }
    }
    Bytes in(Bytes cdb, std::size_t allocation = 0xFFFF)
    {
        Bytes data(allocation);
        last = drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10));
        data.resize(last.transferred);
        return data;
    }
    Bytes readToc(std::uint8_t format) { return in({0x43, 0x02, format, 0, 0, 0, 0, 0xFF, 0xFF, 0}); }
    mmc::CommandResult last;
};

TEST_F(RecordedDisc, KindsAreListedAndBuilt)
{
    for (const char* kind : {"cdr", "cdrw"}) {
        const auto disc = makeSyntheticDisc(kind);
        ASSERT_NE(disc, nullptr) << kind;
        EXPECT_TRUE(disc->isRecordable()) << kind;
        EXPECT_FALSE(disc->recordable().appendable) << kind << ": the recording is finalized";
        ASSERT_EQ(disc->tracks().size(), 3u);
        EXPECT_EQ(disc->tracks()[0].type, TrackType::Mode1);
        EXPECT_EQ(disc->tracks()[1].startLba, 11400) << "11250 sectors of data, then a 150-sector pause";
        EXPECT_EQ(disc->tracks()[2].startLba, 17550) << "11400 + 6000 + 150";
        EXPECT_EQ(disc->leadOutLba(), 26550) << "17550 + 9000";
    }
    EXPECT_EQ(makeSyntheticDisc("cdr")->mediumKind(), MediumKind::CdR);
    EXPECT_EQ(makeSyntheticDisc("cdrw")->mediumKind(), MediumKind::CdRw);
}

TEST_F(RecordedDisc, PmaListsEveryRecordedTrackWithItsStartAndStopTime)
{
    // Orange Book PMA mode 1 (ADR 1): TNO 0, POINT the track, MIN/SEC/FRAME the stop time (its last sector),
    // PMIN/PSEC/PFRAME the start time (INDEX 01); MMC-6 Table 489 returns each as 11 bytes with byte 0 reserved.
    load("cdr");
    const Bytes reply = readToc(3);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 4u + 3 * 11);
    EXPECT_EQ((reply[0] << 8) | reply[1], 2 + 3 * 11);
    // Track 1 (data, control 4): LBA 0..11249; start 150 frames = 00:02:00; stop 11399 = 2*4500 + 31*75 + 74.
    EXPECT_EQ(Bytes(reply.begin() + 4, reply.begin() + 15), (Bytes{0, 0x14, 0, 1, 2, 31, 74, 0, 0, 2, 0}));
    // Track 2 (audio, control 2): LBA 11400..17399; start 11550 = 2*4500 + 34*75; stop 17549 = 3*4500 + 53*75 + 74.
    EXPECT_EQ(Bytes(reply.begin() + 15, reply.begin() + 26), (Bytes{0, 0x12, 0, 2, 3, 53, 74, 0, 2, 34, 0}));
    // Track 3: LBA 17550..26549; start 17700 = 3*4500 + 56*75; stop 26699 = 5*4500 + 55*75 + 74.
    EXPECT_EQ(Bytes(reply.begin() + 26, reply.end()), (Bytes{0, 0x12, 0, 3, 5, 55, 74, 0, 3, 56, 0}));
}

TEST_F(RecordedDisc, AtipIsAnEightyMinuteBlanksPregroove)
{
    load("cdr");
    const Bytes reply = readToc(4);
    ASSERT_TRUE(last.good());
    ASSERT_EQ(reply.size(), 28u);
    EXPECT_EQ(reply[4], 0x80 | (5 << 4)) << "bit 7 one, indicative writing power 5, reference speed 0 (CD-R)";
    EXPECT_EQ(reply[5], 0x40) << "URU: a general-purpose disc";
    EXPECT_EQ(reply[6], 0x80) << "bit 7 one, disc type 0 (CD-R), sub-type 0, no A1-A3";
    // Lead-in from 97:26:66 (LBA -11634 = 438516 - 450150), last possible lead-out 79:59:74.
    EXPECT_EQ(Bytes(reply.begin() + 8, reply.begin() + 16), (Bytes{97, 26, 66, 0, 79, 59, 74, 0}));

    load("cdrw");
    const Bytes rw = readToc(4);
    ASSERT_TRUE(last.good());
    EXPECT_EQ(rw[6], 0x80 | 0x40) << "disc type 1: CD-RW";
    EXPECT_EQ(rw[4] & 0x07, 2) << "reference speed 010b: 4x";
}

TEST_F(RecordedDisc, FinalizedDiscHasTheAtipCopyButNoNextProgramArea)
{
    load("cdr");
    const Bytes reply = readToc(2);
    ASSERT_TRUE(last.good());
    bool c0 = false, b0 = false;
    for (std::size_t at = 4; at + 11 <= reply.size(); at += 11) {
        c0 = c0 || reply[at + 3] == 0xC0;
        b0 = b0 || reply[at + 3] == 0xB0;
    }
    EXPECT_TRUE(c0) << "the first lead-in of a recordable disc copies the ATIP (C0)";
    EXPECT_FALSE(b0) << "no session may follow a finalized one";
}

TEST_F(RecordedDisc, CurrentProfileIsTheMediums)
{
    for (const auto& [kind, profile] : {std::pair<const char*, int>{"cdr", 0x0009}, {"cdrw", 0x000A}}) {
        load(kind);
        const Bytes reply = in({0x46, 0x02, 0, 0, 0, 0, 0, 0, 8, 0}, 8);
        ASSERT_TRUE(last.good()) << kind;
        EXPECT_EQ((reply[6] << 8) | reply[7], profile) << kind;
    }
}

TEST_F(RecordedDisc, DiscInformationSaysCompleteAndErasableOnlyForCdRw)
{
    for (const auto& [kind, erasable] : {std::pair<const char*, int>{"cdr", 0}, {"cdrw", 0x10}}) {
        load(kind);
        const Bytes reply = in({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}, 34);
        ASSERT_TRUE(last.good()) << kind;
        // Byte 2: erasable (bit 4), last session complete (11b in bits 3-2), disc complete (10b in bits 1-0).
        EXPECT_EQ(reply[2], erasable | 0x0C | 0x02) << kind;
        EXPECT_EQ(reply[6], 3) << kind << ": last track in the last session";
    }
}

}  // namespace
}  // namespace cdcts::emulator
