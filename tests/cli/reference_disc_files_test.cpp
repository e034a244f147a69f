// The reference disc shipped in reference-disc/ (the cue sheet and its description) is exactly what
// `cdcts disc make` writes today, so the two never drift apart; and the description tells the truth about the
// BIN it comes with: its size, each track's CRC-32 (recomputed here one bit at a time over the BIN's bytes),
// the offset probes (the BIN's own samples, found exactly once within the read-offset search range, so the
// disc's audio does not repeat), silence at the end of the last track, and a description that loads back.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "disc_dir.hpp"
#include "fixtures/read_offset.hpp"
#include "fixtures/reference_disc.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
namespace fs = std::filesystem;
using testing_support::DiscDir;
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const fs::path kShipped = fs::path(CDCTS_SOURCE_DIR) / "reference-disc";

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t crc32Bitwise(const char* data, std::size_t size)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= static_cast<std::uint8_t>(data[i]);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1u) != 0 ? 0xEDB88320u : 0u);
    }
    return ~crc;
}

class ReferenceDiscFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new DiscDir;
        const auto r = run({kCdcts, "disc", "make", (*dir_ / "cdcts-reference.cue").string(), "--kind", "reference"});
        ASSERT_EQ(r.exitCode, 0) << r.out;
    }
    static void TearDownTestSuite()
    {
        delete dir_;
        dir_ = nullptr;
    }
    static DiscDir* dir_;
};
DiscDir* ReferenceDiscFiles::dir_ = nullptr;

TEST_F(ReferenceDiscFiles, TheShippedCopiesAreWhatDiscMakeWrites)
{
    for (const char* name : {"cdcts-reference.cue", "cdcts-reference.disc.yaml"}) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(fs::exists(kShipped / name)) << (kShipped / name);
        EXPECT_EQ(readText(kShipped / name), readText(*dir_ / name))
            << "reference-disc/" << name << " is out of date: run `cdcts disc make reference-disc/cdcts-reference.cue` and commit it";
    }
}

TEST_F(ReferenceDiscFiles, TheDescriptionDescribesTheBin)
{
    const fixtures::ReferenceDisc d = fixtures::loadReferenceDisc(*dir_ / "cdcts-reference.disc.yaml");
    const std::string bin = readText(*dir_ / d.binFile);
    ASSERT_EQ(bin.size(), d.binBytes);
    EXPECT_EQ(d.name, "cdcts-reference");
    EXPECT_EQ(d.mcn, "2012345678903");
    EXPECT_EQ(static_cast<std::uint64_t>(d.leadOutLba) * 2352u, bin.size()) << "the BIN starts at LBA 0 and ends at the lead-out";
    for (const fixtures::ReferenceTrack& t : d.tracks) {
        SCOPED_TRACE(unsigned{t.number});
        const std::size_t at = static_cast<std::size_t>(t.startLba) * 2352;
        EXPECT_EQ(crc32Bitwise(bin.data() + at, std::size_t{t.length} * 2352), t.crc32);
        if (t.mode == "mode1") {
            std::string user;
            for (std::uint32_t s = 0; s < t.length; ++s) user.append(bin, at + s * 2352 + 16, 2048);
            ASSERT_TRUE(t.crc32UserData.has_value());
            EXPECT_EQ(crc32Bitwise(user.data(), user.size()), *t.crc32UserData);
        }
        if (!t.isAudio()) continue;
        ASSERT_TRUE(t.offsetProbe.has_value());
        // The probe is the BIN's samples, and within +-5880 samples of its place it occurs only there.
        const std::int64_t probeSample = std::int64_t{t.startLba} * 588 + t.offsetProbe->sample;
        const fixtures::SectorSpan span = fixtures::probeSearchSectors(probeSample, static_cast<std::int64_t>(t.offsetProbe->pcm.size() / 4));
        const auto* pcm = reinterpret_cast<const std::uint8_t*>(bin.data()) + span.first * 2352;
        EXPECT_EQ(fixtures::findReadOffsetCandidates(std::span(pcm, static_cast<std::size_t>(span.count) * 2352), span.first * 588,
                                                     t.offsetProbe->pcm, probeSample),
                  std::vector<std::int32_t>{0});
    }
    // The last track ends in silence, so a drive that cannot read into the lead-out loses nothing after offset
    // compensation (docs/reference-disc.md): at least the search range's worth of zero samples.
    const std::string tail = bin.substr(bin.size() - fixtures::kReadOffsetSearchRange * 4);
    EXPECT_EQ(tail.find_first_not_of('\0'), std::string::npos);
}

TEST_F(ReferenceDiscFiles, TheWrittenDescriptionRoundTrips)
{
    const std::string text = readText(*dir_ / "cdcts-reference.disc.yaml");
    EXPECT_EQ(fixtures::writeReferenceDisc(fixtures::parseReferenceDisc(text, "cdcts-reference.disc.yaml")), text);
}

// The suite end to end on emulated drives: the BIN/CUE image in a drive with no read offset passes every test and
// reports offset 0; a different disc declared as the reference disc fails every test once, saying so.
TEST_F(ReferenceDiscFiles, TheSuitePassesOnTheImageAndRejectsAnotherDisc)
{
    const std::string devices = "devices:\n"
                                "  - id: image_reference\n"
                                "    backend: emulated\n"
                                "    emulated: {profile: dvdrw_writer, medium: cdcts-reference.cue}\n"
                                "    expect: {reference_disc: cdcts-reference.disc.yaml, allow_destructive: true}\n"
                                "  - id: wrong_disc\n"
                                "    backend: emulated\n"
                                "    emulated: {profile: dvdrw_writer, medium: synthetic:mixed}\n"
                                "    expect: {reference_disc: cdcts-reference.disc.yaml, allow_destructive: true}\n";
    {
        std::ofstream out(*dir_ / "devices.yaml");
        out << devices;
    }
    const auto good = run({kCdcts, "run", "--devices", (*dir_ / "devices.yaml").string(), "--device", "image_reference", "--filter",
                           "ReferenceDisc*", "--junit", (*dir_ / "good.xml").string()});
    EXPECT_EQ(good.exitCode, 0) << good.out;
    EXPECT_NE(good.out.find("12 passed, 0 failed, 0 skipped"), std::string::npos) << good.out;
    EXPECT_NE(readText(*dir_ / "good.xml").find("read_offset_samples=0"), std::string::npos) << "the offset is in the JUnit report";
    const auto wrong = run({kCdcts, "run", "--devices", (*dir_ / "devices.yaml").string(), "--device", "wrong_disc", "--filter", "ReferenceDisc*"});
    EXPECT_EQ(wrong.exitCode, 1) << wrong.out;
    EXPECT_NE(wrong.out.find("0 passed, 12 failed"), std::string::npos) << wrong.out;
    std::size_t messages = 0;
    for (std::size_t at = wrong.out.find("WrongDisc: the loaded disc is not the reference disc cdcts-reference version 1");
         at != std::string::npos; at = wrong.out.find("WrongDisc: the loaded disc", at + 1))
        ++messages;
    EXPECT_GE(messages, 12u) << wrong.out;
    EXPECT_EQ(wrong.out.find("Expected equality"), std::string::npos) << "one message per test, not a failure per field";
}

TEST_F(ReferenceDiscFiles, TheAudioDoesNotRepeatAtAnyShift)
{
    // A stronger form of the probe check: no shift within the search range makes even 8 samples of a track's
    // middle equal, so a read offset is unique wherever it is measured.
    const fixtures::ReferenceDisc d = fixtures::loadReferenceDisc(*dir_ / "cdcts-reference.disc.yaml");
    const std::string bin = readText(*dir_ / d.binFile);
    for (const fixtures::ReferenceTrack& t : d.tracks) {
        if (!t.isAudio()) continue;
        SCOPED_TRACE(unsigned{t.number});
        for (std::int64_t sector = 100; sector < 200; sector += 10) {
            const std::size_t at = (static_cast<std::size_t>(t.startLba + sector)) * 2352;
            int equal = 0;
            for (std::int64_t shift = -fixtures::kReadOffsetSearchRange; shift <= fixtures::kReadOffsetSearchRange; ++shift)
                if (shift != 0 && bin.compare(at + static_cast<std::size_t>(shift * 4), 32, bin, at, 32) == 0) ++equal;
            EXPECT_EQ(equal, 0) << "sector " << sector << " of the track";
        }
    }
}

}  // namespace
}  // namespace cdcts
