// MODE SENSE / MODE SELECT (SPC-4 §6.11-6.14, MMC-6 §7): headers, page control, the class driver's
// GET/SET_VOLUME round trip on page 0Eh (ioctl-contracts.md §3.21), validation against the changeable masks.
#include <gtest/gtest.h>

#include "model_drive.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::hasSense;
using testing_support::ModelDriveFixture;
using testing_support::pointsAt;

constexpr mmc::SenseCode kSavingNotSupported{mmc::SenseKey::IllegalRequest, 0x39, 0x00};
constexpr mmc::SenseCode kInvalidFieldInParameterList{mmc::SenseKey::IllegalRequest, 0x26, 0x00};
constexpr mmc::SenseCode kParameterListLengthError{mmc::SenseKey::IllegalRequest, 0x1A, 0x00};

class ModePages : public ModelDriveFixture {
protected:
    void SetUp() override { settle(); }
    std::vector<std::uint8_t> sense10(std::uint8_t pcAndPage, std::uint16_t allocation = 0x200)
    {
        return dataOf({0x5A, 0, pcAndPage, 0, 0, 0, 0, static_cast<std::uint8_t>(allocation >> 8), static_cast<std::uint8_t>(allocation), 0});
    }
    std::vector<std::uint8_t> sense6(std::uint8_t pcAndPage) { return dataOf({0x1A, 0x08, pcAndPage, 0, 0xFF, 0}); }
    // What IOCTL_CDROM_GET_VOLUME reads: MODE SENSE(10) page 0Eh, allocation 64.
    std::vector<std::uint8_t> volumePage() { return sense10(0x0E, 64); }
    mmc::CommandResult select10(const std::vector<std::uint8_t>& list, std::uint8_t byte1 = 0x10)
    {
        return sendOut({0x55, byte1, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(list.size() >> 8), static_cast<std::uint8_t>(list.size()), 0},
                       list);
    }
};

TEST_F(ModePages, AudioControlPageHasNoBlockDescriptorAndTheMmcLayout)
{
    const auto r = volumePage();
    ASSERT_EQ(r.size(), 8u + 16u);
    EXPECT_EQ(loadBe16(&r[0]), r.size() - 2) << "mode data length counts the bytes after itself";
    EXPECT_EQ(loadBe16(&r[6]), 0) << "no block descriptor";
    EXPECT_EQ(r[8], 0x0E);
    EXPECT_EQ(r[9], 0x0E) << "page length 14";
    // Port 0 plays channel 0 (left), port 1 channel 1 (right), at full volume.
    EXPECT_EQ(r[16], 0x01);
    EXPECT_EQ(r[17], 0xFF);
    EXPECT_EQ(r[18], 0x02);
    EXPECT_EQ(r[19], 0xFF);
}

TEST_F(ModePages, SetVolumeAsTheClassDriverSendsItChangesWhatModeSenseReturns)
{
    const auto read = volumePage();
    // MODE SELECT(10) PF=1, 24 bytes: the header exactly as read (mode data length not zeroed), then the page
    // with byte 2 = 04h (IMMED) and the new port volumes.
    std::vector<std::uint8_t> list(read.begin(), read.begin() + 24);
    list[8] = 0x0E;
    list[9] = 0x0E;
    list[10] = 0x04;
    list[17] = 0x80;
    list[19] = 0x40;
    list[21] = 0x00;
    list[23] = 0x00;
    const auto r = sendOut({0x55, 0x10, 0, 0, 0, 0, 0, 0, 0x18, 0}, list);
    ASSERT_TRUE(r.good()) << mmc::describe(r.sense.code());
    const auto after = volumePage();
    EXPECT_EQ(after[17], 0x80);
    EXPECT_EQ(after[19], 0x40);
    EXPECT_EQ(after[16], 0x01) << "channel selection unchanged";
    // The default values stay what they were.
    const auto defaults = sense10(0x80 | 0x0E);
    EXPECT_EQ(defaults[17], 0xFF);
}

TEST_F(ModePages, ChangeableValuesAreTheMask)
{
    const auto mask = sense10(0x40 | 0x0E);
    ASSERT_EQ(mask.size(), 24u);
    EXPECT_EQ(mask[17], 0xFF) << "port 0 volume is changeable";
    EXPECT_EQ(mask[13], 0x00) << "the obsolete LBA format is not";
}

TEST_F(ModePages, ChangingAFieldTheMaskForbidsIsRefusedWithThePointer)
{
    auto list = volumePage();
    list[13] = 0x01;  // page byte 5 (obsolete, not changeable)
    const auto r = select10(list);
    EXPECT_TRUE(hasSense(r, kInvalidFieldInParameterList));
    EXPECT_TRUE(pointsAt(r, false, 13, 0)) << "byte 13 of the parameter list, bit 0, C/D = 0";
    EXPECT_EQ(volumePage()[13], 0x00);
}

TEST_F(ModePages, ARefusedListChangesNothing)
{
    auto list = volumePage();
    list[17] = 0x10;  // a valid volume change...
    std::vector<std::uint8_t> bad{0x0D, 0x06, 0, 0, 0, 0x3C, 0, 0x4B};
    bad[5] = 0x3D;  // ...followed by page 0Dh with S units per M changed (not changeable)
    list.insert(list.end(), bad.begin(), bad.end());
    EXPECT_TRUE(hasSense(select10(list), kInvalidFieldInParameterList));
    EXPECT_EQ(volumePage()[17], 0xFF);
}

TEST_F(ModePages, SavedValuesAndSavePagesAreNotSupported)
{
    std::vector<std::uint8_t> data(64);
    EXPECT_TRUE(hasSense(send({0x5A, 0, 0xC0 | 0x0E, 0, 0, 0, 0, 0, 64, 0}, data), kSavingNotSupported));
    const auto sp = select10(volumePage(), 0x11);
    EXPECT_TRUE(hasSense(sp, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(sp, true, 1, 0));
    const auto pf = select10(volumePage(), 0x00);
    EXPECT_TRUE(hasSense(pf, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(pf, true, 1, 4));
}

TEST_F(ModePages, UnknownPageAndSubpageAreRefused)
{
    std::vector<std::uint8_t> data(64);
    const auto page = send({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 64, 0}, data);  // write parameters: not on a reader
    EXPECT_TRUE(hasSense(page, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(page, true, 2, 5));
    const auto sub = send({0x5A, 0, 0x0E, 0x01, 0, 0, 0, 0, 64, 0}, data);
    EXPECT_TRUE(hasSense(sub, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(sub, true, 3, 7));
}

TEST_F(ModePages, ShortParameterListsAreLengthErrors)
{
    EXPECT_TRUE(hasSense(select10({0, 0, 0, 0}), kParameterListLengthError)) << "shorter than the header";
    auto list = volumePage();
    list.resize(20);  // the page is cut short
    EXPECT_TRUE(hasSense(select10(list), kParameterListLengthError));
}

TEST_F(ModePages, AllPagesComeInAscendingOrderWithConsistentLengths)
{
    const auto r = sense10(0x3F, 0xFFFF);
    EXPECT_EQ(loadBe16(&r[0]), r.size() - 2);
    std::vector<std::uint8_t> codes;
    std::size_t at = 8;
    while (at + 2 <= r.size()) {
        codes.push_back(r[at] & 0x3F);
        at += 2u + r[at + 1];
    }
    EXPECT_EQ(at, r.size());
    EXPECT_EQ(codes, (std::vector<std::uint8_t>{0x01, 0x0D, 0x0E, 0x1A, 0x2A}));
}

TEST_F(ModePages, ModeSenseSixHasAFourByteHeader)
{
    const auto r = sense6(0x0D);
    ASSERT_EQ(r.size(), 4u + 8u);
    EXPECT_EQ(r[0], r.size() - 1);
    EXPECT_EQ(r[3], 0) << "block descriptor length";
    EXPECT_EQ(r[4], 0x0D);
    EXPECT_EQ(loadBe16(&r[8]), 60) << "S units per M unit";
    EXPECT_EQ(loadBe16(&r[10]), 75) << "F units per S unit";
}

TEST_F(ModePages, ModeSenseIsHeldUpByAUnitAttention)
{
    useModel("dvd_rom");
    std::vector<std::uint8_t> data(64);
    EXPECT_TRUE(hasSense(send({0x5A, 0, 0x0E, 0, 0, 0, 0, 0, 64, 0}, data), mmc::sense::PowerOnResetOccurred));
}

TEST_F(ModePages, CapabilitiesPageOfAReader)
{
    const auto r = sense10(0x2A);
    const std::uint8_t* p = &r[8];
    ASSERT_EQ(p[0], 0x2A);
    ASSERT_EQ(p[1] + 2u, r.size() - 8);
    EXPECT_NE(p[2] & 0x08, 0) << "DVD-ROM read";
    EXPECT_NE(p[2] & 0x03, 0) << "CD-R and CD-RW read (Multi-Read)";
    EXPECT_EQ(p[3], 0) << "writes nothing";
    EXPECT_NE(p[5] & 0x10, 0) << "C2 pointers";
    EXPECT_EQ(p[6] >> 5, 1) << "tray";
    EXPECT_EQ(p[6] & 0x02, 0) << "not locked";
    EXPECT_EQ(loadBe16(&p[8]), 8467) << "maximum read speed, kB/s";
    EXPECT_EQ(loadBe16(&p[14]), 8467) << "nothing selected: the fastest speed";
    EXPECT_EQ(loadBe16(&p[12]), 2048) << "buffer size";
    EXPECT_EQ(loadBe16(&p[30]), 0) << "no write speed descriptors";
}

TEST_F(ModePages, CapabilitiesPageShowsTheLock)
{
    ASSERT_TRUE(send({0x1E, 0, 0, 0, 0x01, 0}).good());
    EXPECT_NE(sense10(0x2A)[8 + 6] & 0x02, 0) << "lock state";
}

TEST_F(ModePages, CapabilitiesPageOfAWriterListsItsWriteSpeeds)
{
    useModel("dvdrw_writer");
    settle();
    const auto r = sense10(0x2A);
    const std::uint8_t* p = &r[8];
    EXPECT_EQ(p[3] & 0x17, 0x17) << "CD-R, CD-RW, test and DVD-R write";
    EXPECT_NE(p[4] & 0x80, 0) << "BUF";
    EXPECT_EQ(loadBe16(&p[18]), 8467) << "maximum write speed";
    ASSERT_EQ(loadBe16(&p[30]), 5);
    EXPECT_EQ(p[1], 30 + 4 * 5);
    const std::uint16_t expected[] = {8467, 7056, 4234, 2822, 1411};
    for (int i = 0; i < 5; ++i) EXPECT_EQ(loadBe16(&p[32 + 4 * i + 2]), expected[i]);
}

TEST_F(ModePages, LegacyCapabilitiesPageIsTheShortMmc2Page)
{
    useModel("legacy_cdrom");
    settle();
    const auto r = sense10(0x2A);
    EXPECT_EQ(r[9], 0x14);
    EXPECT_EQ(r.size(), 8u + 22u);
}

// Page 2Ah's current read speed (bytes 14-15) and current write speeds (bytes 20-21, and 28-29 with rotation
// control) report what SET CD SPEED selected (MMC-3 §6.3.11: the speed the drive now uses); the default
// values (PC 10b) stay the maxima; a medium change reverts a SET CD SPEED choice (Microsoft's
// IOCTL_CDROM_SET_SPEED: "the device automatically returns to its default speed when the media is changed").
TEST_F(ModePages, CapabilitiesPageReportsTheSelectedSpeedsUntilAMediumChange)
{
    useModel("dvdrw_writer");  // reads 8467 ... 176, writes 8467, 7056, 4234, 2822, 1411
    loadSynthetic("data");
    // 8x read as Linux computes it (8 x 177), 24x write as a Windows caller does (24 x 176).
    ASSERT_TRUE(send({0xBB, 0, 0x05, 0x88, 0x10, 0x80, 0, 0, 0, 0, 0, 0}).good());  // read 1416, write 4224
    auto r = sense10(0x2A);
    const std::uint8_t* p = &r[8];
    EXPECT_EQ(loadBe16(&p[8]), 8467) << "maximum read speed unchanged";
    EXPECT_EQ(loadBe16(&p[14]), 1411) << "current read speed: 8x";
    EXPECT_EQ(loadBe16(&p[18]), 8467) << "maximum write speed unchanged";
    EXPECT_EQ(loadBe16(&p[20]), 4234) << "current write speed: 24x";
    EXPECT_EQ(loadBe16(&p[28]), 4234) << "current write speed selected";
    r = sense10(0x80 | 0x2A);  // default values
    EXPECT_EQ(loadBe16(&r[8 + 14]), 8467) << "the default is the fastest";
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x02, 0}).good());  // eject
    ASSERT_TRUE(send({0x1B, 0, 0, 0, 0x03, 0}).good());  // load
    settle();
    r = sense10(0x2A);
    EXPECT_EQ(loadBe16(&r[8 + 14]), 8467) << "a new medium: back to the maximum read speed";
    EXPECT_EQ(loadBe16(&r[8 + 20]), 8467) << "and the maximum write speed";
    ASSERT_TRUE(send({0xBB, 0, 0x02, 0xC4, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0}).good());  // read 708 (4 x 177)
    EXPECT_EQ(loadBe16(&sense10(0x2A)[8 + 14]), 706) << "4x";
    ASSERT_TRUE(send({0xBB, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0}).good());
    EXPECT_EQ(loadBe16(&sense10(0x2A)[8 + 14]), 8467) << "FFFFh: the maximum again";
}

}  // namespace
}  // namespace cdcts::emulator
