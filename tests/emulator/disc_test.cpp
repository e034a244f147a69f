#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

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
