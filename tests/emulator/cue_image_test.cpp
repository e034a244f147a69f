// A BIN/CUE image in the emulated drive: the layout of the sheet seen through READ TOC, the data through
// READ(10) and READ CD. The sheet and BIN are written here; expected addresses are worked out by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "drive_fixture.hpp"
#include "harness/emulator/cue_image.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;
using testing_support::DriveFixture;
using Bytes = std::vector<std::uint8_t>;

// disc.bin: 1200 sectors of 2352 bytes. Track 1 (MODE1/2352) is file sectors 0-749; track 2 (AUDIO) has its
// pregap (INDEX 00) at file sector 750 and INDEX 01 at 900, and runs to the end of the file.
// On the disc: track 1 INDEX 01 at LBA 0, track 2 pregap at 750 and INDEX 01 at 900, lead-out at 1200.
class CueImage : public DriveFixture {
protected:
    fs::path dir = fs::temp_directory_path() / ("cdcts-cue-image-" + std::to_string(::getpid()));

    void SetUp() override
    {
        fs::create_directories(dir);
        std::ofstream bin(dir / "disc.bin", std::ios::binary);
        for (int s = 0; s < 1200; ++s) {
            Bytes sector(2352, static_cast<std::uint8_t>(0xA0 + s % 16));
            sector[16] = static_cast<std::uint8_t>(s);  // first user-data byte of a raw mode-1 sector
            bin.write(reinterpret_cast<const char*>(sector.data()), static_cast<std::streamsize>(sector.size()));
        }
        std::ofstream(dir / "disc.cue") << "FILE \"disc.bin\" BINARY\n"
                                           "  TRACK 01 MODE1/2352\n"
                                           "    INDEX 01 00:00:00\n"
                                           "  TRACK 02 AUDIO\n"
                                           "    FLAGS DCP\n"
                                           "    INDEX 00 00:10:00\n"
                                           "    INDEX 01 00:12:00\n";
    }
    void TearDown() override { fs::remove_all(dir); }
};

TEST_F(CueImage, ReadTocShowsTheSheetsLayout)
{
    drive.loadMedium(loadCueImage(dir / "disc.cue"));
    settle();
    Bytes data(804);
    const auto r = send({0x43, 0x02, 0, 0, 0, 0, 0, 0x03, 0x24, 0}, data);
    ASSERT_TRUE(r.good());
    data.resize(r.transferred);
    EXPECT_EQ(data, (Bytes{0x00, 0x1A, 1, 2,
                           0, 0x14, 1, 0, 0, 0x00, 0x02, 0x00,       // LBA 0 = 00:02:00, data
                           0, 0x12, 2, 0, 0, 0x00, 0x0E, 0x00,       // LBA 900 = 1050 frames = 00:14:00 (binary, not BCD), DCP
                           0, 0x12, 0xAA, 0, 0, 0x00, 0x12, 0x00}))  // LBA 1200 = 1350 frames = 00:18:00
        ;
}

TEST_F(CueImage, SectorsComeFromTheBinFile)
{
    drive.loadMedium(loadCueImage(dir / "disc.cue"));
    settle();
    Bytes cooked(2048);
    ASSERT_TRUE(send({0x28, 0, 0, 0, 0, 5, 0, 0, 1, 0}, cooked).good());
    EXPECT_EQ(cooked[0], 5) << "user data of a MODE1/2352 sector starts 16 bytes in";
    Bytes audio(2352);
    ASSERT_TRUE(send({0xBE, 0, 0, 0, 0x03, 0x84, 0, 0, 1, 0x10, 0, 0}, audio).good());  // LBA 900
    EXPECT_EQ(audio[0], 0xA0 + 900 % 16) << "file sector 900";
    EXPECT_EQ(audio[16], static_cast<std::uint8_t>(900));
}

TEST_F(CueImage, MultisessionSheetsHaveTheirSessionsInTheToc)
{
    // Two sessions of one 300-sector mode-1 track each. Session 1: track 1 at LBA 0, lead-out at 300.
    // Session 2 starts after 6750 sectors of lead-out and 4500 of lead-in, then a 150-sector pregap:
    // track 2 at 300 + 11400 = 11700, lead-out at 12000.
    {
        std::ofstream a(dir / "a.bin", std::ios::binary), b(dir / "b.bin", std::ios::binary);
        const Bytes sector(2352, 0);
        for (int s = 0; s < 300; ++s) {
            a.write(reinterpret_cast<const char*>(sector.data()), 2352);
            b.write(reinterpret_cast<const char*>(sector.data()), 2352);
        }
    }
    std::ofstream(dir / "multi.cue") << "REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"
                                        "REM SESSION 02\nFILE \"b.bin\" BINARY\n  TRACK 02 MODE1/2352\n    INDEX 01 00:00:00\n";
    drive.loadMedium(loadCueImage(dir / "multi.cue"));
    settle();
    Bytes session(12);
    ASSERT_TRUE(send({0x43, 0x00, 0x01, 0, 0, 0, 0, 0x00, 0x0C, 0}, session).good());
    EXPECT_EQ(session, (Bytes{0x00, 0x0A, 1, 2, 0, 0x14, 2, 0, 0x00, 0x00, 0x2D, 0xB4})) << "track 2 at LBA 11700 = 2DB4h";
    Bytes full(804);
    const auto r = send({0x43, 0x02, 0x02, 0, 0, 0, 2, 0x03, 0x24, 0}, full);  // from session 2
    ASSERT_TRUE(r.good());
    full.resize(r.transferred);
    EXPECT_EQ(full, (Bytes{0x00, 0x2E, 1, 2,                                  // 2 + 4 * 11 bytes, sessions 1..2
                           2, 0x14, 0, 0xA0, 0, 0, 0, 0, 2, 0x00, 0,
                           2, 0x14, 0, 0xA1, 0, 0, 0, 0, 2, 0, 0,
                           2, 0x14, 0, 0xA2, 0, 0, 0, 0, 2, 42, 0,            // 12000 + 150 = 02:42:00
                           2, 0x14, 0, 0x02, 0, 0, 0, 0, 2, 38, 0}));         // 11700 + 150 = 02:38:00
    Bytes capacity(8);
    ASSERT_TRUE(send({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, capacity).good());
    EXPECT_EQ(capacity, (Bytes{0, 0, 0x2E, 0xDF, 0, 0, 0x08, 0})) << "last LBA 11999";
}

TEST_F(CueImage, AMissingBinIsRefusedNamingTheSheet)
{
    fs::remove(dir / "disc.bin");
    try {
        (void)loadCueImage(dir / "disc.cue");
        FAIL() << "loaded a sheet whose BIN is gone";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "disc.cue").string() + ":1:"), std::string::npos) << e.what();
    }
}

TEST_F(CueImage, Mode2TracksLoadAsCdRomXa)
{
    // A cue sheet's MODE2 does not say XA or formless; the emulator takes XA (mode2_test.cpp reads the sectors).
    std::ofstream(dir / "disc.cue") << "FILE \"disc.bin\" BINARY\n  TRACK 01 MODE2/2352\n    INDEX 01 00:00:00\n";
    const auto disc = loadCueImage(dir / "disc.cue");
    ASSERT_EQ(disc->tracks().size(), 1u);
    EXPECT_EQ(disc->tracks()[0].type, TrackType::Mode2Xa);
    EXPECT_EQ(disc->tracks()[0].control, control::DataTrack);
}

}  // namespace
}  // namespace cdcts::emulator
