#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <vector>

#include "harness/emulator/iso_image.hpp"
#include "harness/emulator/synthetic_disc.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;

class TempFile {
public:
    explicit TempFile(std::size_t bytes)
        : path_(fs::temp_directory_path() / ("cdcts-disc-test-" + std::to_string(::getpid()) + "-" + std::to_string(bytes) + ".iso"))
    {
        std::ofstream out(path_, std::ios::binary);
        for (std::size_t i = 0; i < bytes; ++i) out.put(static_cast<char>(i / 2048));
    }
    ~TempFile() { fs::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

TEST(IsoImage, IsOneDataTrackOfTheFilesSectors)
{
    TempFile file(3 * 2048);
    const auto disc = loadIsoImage(file.path());
    ASSERT_EQ(disc->tracks().size(), 1u);
    EXPECT_EQ(disc->leadOutLba(), 3);
    std::vector<std::uint8_t> sector(2048);
    disc->readUserData(disc->tracks()[0], 2, sector);
    EXPECT_EQ(sector[0], 2);
    EXPECT_EQ(sector[2047], 2);
}

TEST(IsoImage, RejectsAPartialSectorNamingTheFile)
{
    TempFile file(2048 + 100);
    try {
        (void)loadIsoImage(file.path());
        FAIL() << "accepted a 2148-byte image";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(file.path().string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("2048-byte sectors"), std::string::npos) << e.what();
    }
}

TEST(IsoImage, RejectsAMissingFile)
{
    EXPECT_THROW((void)loadIsoImage("/nonexistent/cdcts.iso"), std::runtime_error);
}

TEST(SyntheticDisc, EveryKindIsBuildable)
{
    for (const auto& kind : syntheticDiscKinds()) {
        const auto disc = makeSyntheticDisc(kind.name);
        ASSERT_TRUE(disc) << kind.name;
        EXPECT_GE(disc->tracks().size(), 1u);
    }
    EXPECT_EQ(makeSyntheticDisc("blu-ray"), nullptr);
}

TEST(SyntheticDisc, SectorsAreStableAndDistinct)
{
    const auto disc = makeSyntheticDisc("data");
    const Track& t = disc->tracks()[0];
    std::vector<std::uint8_t> a(2048), b(2048), c(2048);
    disc->readUserData(t, 100, a);
    disc->readUserData(t, 100, b);
    disc->readUserData(t, 101, c);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
}

// The synthetic audio as docs/sector-synthesis.md defines it, sample by sample: sample k = LBA x 588 + n has phase
// k mod P, P = 200 / track + 20, level min(phase, P - phase) x 6000 / P - 1500 in both channels, little-endian.
std::vector<std::uint8_t> documentedTone(std::uint8_t track, std::int32_t lba)
{
    const std::int64_t period = 200 / track + 20;
    std::vector<std::uint8_t> pcm;
    for (std::int64_t n = 0; n < 588; ++n) {
        const std::int64_t phase = (std::int64_t{lba} * 588 + n) % period;
        const std::int64_t level = phase < period / 2 ? phase : period - phase;
        const auto sample = static_cast<std::uint16_t>(static_cast<std::int16_t>(level * 6000 / period - 1500));
        for (int channel = 0; channel < 2; ++channel) {
            pcm.push_back(static_cast<std::uint8_t>(sample & 0xFF));
            pcm.push_back(static_cast<std::uint8_t>(sample >> 8));
        }
    }
    return pcm;
}

TEST(SyntheticDisc, AudioIsTheDocumentedTriangleToneAndTheSourceHoldsItPrepared)
{
    const auto disc = makeSyntheticDisc("audio");  // tracks of periods 220, 120 and 86 samples
    for (const Track& t : disc->tracks()) {
        for (const std::int32_t lba : {t.startLba, t.startLba + 1, t.startLba + 7, t.startLba + static_cast<std::int32_t>(t.length) - 1}) {
            const std::vector<std::uint8_t> expected = documentedTone(t.number, lba);
            std::vector<std::uint8_t> read(2352);
            disc->readUserData(t, lba, read);
            EXPECT_EQ(read, expected) << "track " << int{t.number} << " LBA " << lba;
            const std::span<const std::uint8_t> view = disc->userDataView(t, lba);
            ASSERT_EQ(view.size(), 2352u) << "audio is prepared PCM, handed out in place";
            EXPECT_TRUE(std::equal(view.begin(), view.end(), expected.begin())) << "track " << int{t.number} << " LBA " << lba;
        }
    }
    // Hand values, track 2 (P = 120) at LBA 4500: 4500 x 588 = 2 646 000 = 22 050 x 120, so phase 0: level 0 ->
    // -1500 = FA24h; sample 1 -> -1450 = FA56h; sample 60 (the peak) -> +1500 = 05DCh.
    const auto pcm = disc->userDataView(*disc->track(2), 4500);
    ASSERT_EQ(pcm.size(), 2352u);
    EXPECT_EQ(std::vector<std::uint8_t>(pcm.begin(), pcm.begin() + 8), (std::vector<std::uint8_t>{0x24, 0xFA, 0x24, 0xFA, 0x56, 0xFA, 0x56, 0xFA}));
    EXPECT_EQ(std::vector<std::uint8_t>(pcm.begin() + 240, pcm.begin() + 244), (std::vector<std::uint8_t>{0xDC, 0x05, 0xDC, 0x05}));
    std::vector<std::uint8_t> next(2352);
    disc->readUserData(*disc->track(2), 4501, next);
    EXPECT_FALSE(std::equal(pcm.begin(), pcm.end(), next.begin())) << "neighbouring sectors differ (phase 108 of 120)";
}

TEST(SyntheticDisc, DataSectorsAreMadeOnEachReadNotHeldPrepared)
{
    const auto disc = makeSyntheticDisc("mixed");
    EXPECT_TRUE(disc->userDataView(disc->tracks()[0], 100).empty()) << "callers fall back to readUserData";
}

class ZeroSource final : public SectorSource {
public:
    void read(const Track&, std::int32_t, std::span<std::uint8_t> out) const override { std::fill(out.begin(), out.end(), 0); }
};

std::string layoutError(std::vector<Track> tracks, std::int32_t leadOut)
{
    try {
        Disc disc("test", std::move(tracks), leadOut, std::make_unique<ZeroSource>());
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST(Disc, RejectsContradictoryLayouts)
{
    const Track data{1, 1, TrackType::Mode1, control::DataTrack, 0, 100, {}};
    const Track audio2{2, 1, TrackType::Audio, 0, 100, 100, {}};
    EXPECT_EQ(layoutError({data, audio2}, 200), "");
    EXPECT_EQ(layoutError({}, 200), "disc has no tracks");
    EXPECT_EQ(layoutError({data, audio2}, 150), "track 2: runs past the lead-out");
    Track overlapping = audio2;
    overlapping.startLba = 50;
    EXPECT_EQ(layoutError({data, overlapping}, 200), "track 2: overlaps the previous track");
    Track skipped = audio2;
    skipped.number = 3;
    EXPECT_EQ(layoutError({data, skipped}, 200), "track 3: track numbers are not consecutive");
    Track audioMarkedData = audio2;
    audioMarkedData.control = control::DataTrack;
    EXPECT_EQ(layoutError({data, audioMarkedData}, 200), "track 2: control nibble contradicts the track type");
}

}  // namespace
}  // namespace cdcts::emulator
