// `cdcts disc make` and `cdcts disc info` as a user runs them. The image `make` writes is checked against the
// synthetic disc it describes (loaded back with the emulator's cue loader, read with READ CD), its size against
// Red Book arithmetic, and `info`'s CRC-32s against a bitwise CRC-32 computed here over the BIN's bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "disc_dir.hpp"
#include "harness/emulator/cue_image.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/virtual_drive.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
namespace fs = std::filesystem;
using testing_support::DiscDir;
using testing_support::run;
using Bytes = std::vector<std::uint8_t>;

const std::string kCdcts = CDCTS_BINARY;

// CRC-32 (IEEE 802.3; reflected 0x04C11DB7, preset and final inversion) one bit at a time.
std::uint32_t crc32Bitwise(const char* data, std::size_t size)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= static_cast<std::uint8_t>(data[i]);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1u) != 0 ? 0xEDB88320u : 0u);
    }
    return ~crc;
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(DiscMake, ReferenceDiscIsWrittenWholeAndBurnable)
{
    DiscDir dir;
    const auto r = run({kCdcts, "disc", "make", (dir / "ref.cue").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"ref.bin", "ref.cue", "ref.disc.yaml"})) << "no temporary files left";
    // 3000 data sectors, four 2-second pauses and 30 + 45 + 20 + 60 s of audio, 2352 bytes each.
    const std::uint64_t sectors = 3000 + 4 * 150 + (30 + 45 + 20 + 60) * 75;
    EXPECT_EQ(fs::file_size(dir / "ref.bin"), sectors * 2352);
    EXPECT_LT(fs::file_size(dir / "ref.bin"), 50'000'000u);
    const std::string cue = readText(dir / "ref.cue");
    EXPECT_NE(cue.find("CATALOG 2012345678903\n"), std::string::npos) << cue;
    EXPECT_NE(cue.find("    ISRC ZZCDT2600002\n"), std::string::npos) << cue;
    EXPECT_NE(cue.find("TITLE \"cdcts reference disc\"\n"), std::string::npos) << cue;
}

// The written image, loaded back, is the synthetic disc: same layout, MCN, ISRCs, CD-TEXT packs and sectors.
TEST(DiscMake, TheImageIsTheSyntheticDisc)
{
    DiscDir dir;
    for (const char* kind : {"reference", "multisession", "xa"}) {
        SCOPED_TRACE(kind);
        const fs::path cue = dir / (std::string(kind) + ".cue");
        ASSERT_EQ(run({kCdcts, "disc", "make", cue.string(), "--kind", kind}).exitCode, 0);
        const auto image = emulator::loadCueImage(cue);
        const auto synthetic = emulator::makeSyntheticDisc(kind);
        ASSERT_EQ(image->tracks().size(), synthetic->tracks().size());
        for (std::size_t i = 0; i < image->tracks().size(); ++i) {
            const auto& a = image->tracks()[i];
            const auto& b = synthetic->tracks()[i];
            EXPECT_EQ(a.startLba, b.startLba) << "track " << i + 1;
            EXPECT_EQ(a.length, b.length);
            EXPECT_EQ(a.type, b.type);
            EXPECT_EQ(a.control, b.control);
            EXPECT_EQ(a.session, b.session);
            EXPECT_EQ(a.isrc, b.isrc);
        }
        EXPECT_EQ(image->leadOutLba(), synthetic->leadOutLba());
        EXPECT_EQ(image->sessionCount(), synthetic->sessionCount());
        EXPECT_EQ(image->mediaCatalogNumber(), synthetic->mediaCatalogNumber());
        EXPECT_EQ(image->cdTextPacks(), synthetic->cdTextPacks());

        // Whole sectors with sub-channel, at the start and end of every track, through two emulated drives.
        VirtualClock clock;
        emulator::VirtualDrive fromImage{*emulator::findDriveProfile("dvd_rom"), clock};
        emulator::VirtualDrive fromCode{*emulator::findDriveProfile("dvd_rom"), clock};
        fromImage.loadMedium(emulator::loadCueImage(cue));
        fromCode.loadMedium(emulator::makeSyntheticDisc(kind));
        clock.advance(fromImage.profile().timings.spinUp);  // both spindles come up to speed
        const auto readCd = [](emulator::VirtualDrive& d, std::int32_t lba) {
            const std::vector<std::uint8_t> cdb{0xBE, 0, static_cast<std::uint8_t>(lba >> 24), static_cast<std::uint8_t>(lba >> 16),
                                                static_cast<std::uint8_t>(lba >> 8), static_cast<std::uint8_t>(lba), 0, 0, 1, 0xF8, 0x02, 0};
            Bytes data(2352 + 16);
            for (int attempt = 0; attempt < 4; ++attempt)  // past the power-on and medium-change unit attentions
                if (d.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10)).good()) return data;
            return Bytes{};
        };
        for (const auto& t : synthetic->tracks())
            for (std::int32_t lba : {t.startLba, t.startLba + static_cast<std::int32_t>(t.length) - 1}) {
                const Bytes a = readCd(fromImage, lba);
                EXPECT_FALSE(a.empty());
                EXPECT_EQ(a, readCd(fromCode, lba)) << "LBA " << lba;
            }
    }
}

TEST(DiscInfo, ShowsTheLayoutAndCrcsOfTheBin)
{
    DiscDir dir;
    ASSERT_EQ(run({kCdcts, "disc", "make", (dir / "ref.cue").string()}).exitCode, 0);
    const std::string bin = readText(dir / "ref.bin");
    // Track 2 of the reference disc: INDEX 01 at LBA 3150 = BIN sector 3150 (the BIN starts at LBA 0), 2250 sectors.
    const std::uint32_t crc2 = crc32Bitwise(bin.data() + 3150 * 2352, 2250 * 2352);
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08X", crc2);

    auto r = run({kCdcts, "disc", "info", (dir / "ref.cue").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string(R"(\n2 +1 +audio +2 +3150 +00:44:00 +2250 +ZZCDT2600002 )") + hex + "\n")))
        << r.out;
    EXPECT_NE(r.out.find("lead-out at LBA 15225 (03:25:00)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("MCN: 2012345678903"), std::string::npos);
    EXPECT_NE(r.out.find("title \"Tone C\", performer \"Conformance Ensemble\""), std::string::npos) << r.out;

    r = run({kCdcts, "disc", "info", "--json", (dir / "ref.cue").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("\"crc32\": \"" + std::string(hex) + "\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"mcn\": \"2012345678903\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"leadOutLba\": 15225"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"startMsf\": \"00:44:00\""), std::string::npos) << r.out;
}

TEST(DiscInfo, ReadsIsoImages)
{
    DiscDir dir;
    {
        std::ofstream iso(dir / "a.iso", std::ios::binary);
        const std::string sector(2048, 'x');
        for (int i = 0; i < 100; ++i) iso << sector;
    }
    const auto r = run({kCdcts, "disc", "info", (dir / "a.iso").string()});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n1 +1 +mode1 +4 +0 +00:02:00 +100 +- )"))) << r.out;
}

TEST(DiscInfo, ErrorsNameTheFileAndLine)
{
    DiscDir dir;
    std::ofstream(dir / "bad.cue") << "FILE \"none.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n";
    auto r = run({kCdcts, "disc", "info", (dir / "bad.cue").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find((dir / "bad.cue").string() + ":1: "), std::string::npos) << r.out;
    r = run({kCdcts, "disc", "info", (dir / "missing.cue").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find((dir / "missing.cue").string()), std::string::npos) << r.out;
    r = run({kCdcts, "disc", "info", (dir / "a.txt").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find("not a .cue or .iso image"), std::string::npos) << r.out;
    EXPECT_EQ(run({kCdcts, "disc", "info"}).exitCode, 2) << "IMAGE is required";
}

TEST(DiscMake, UsageErrorsAndFailuresLeaveNothingBehind)
{
    DiscDir dir;
    auto r = run({kCdcts, "disc", "make", (dir / "x.cue").string(), "--kind", "vinyl"});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    r = run({kCdcts, "disc", "make", (dir / "x.img").string()});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    r = run({kCdcts, "disc", "make", (dir / "no" / "such" / "x.cue").string()});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find((dir / "no" / "such").string()), std::string::npos) << r.out;
    EXPECT_TRUE(fs::is_empty(dir.path())) << "nothing half-written";
}

}  // namespace
}  // namespace cdcts
