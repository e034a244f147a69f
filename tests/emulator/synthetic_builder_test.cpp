// buildSyntheticDisc lays tracks out as a recorder does: expected LBAs follow from the Red Book/Orange Book
// gaps (150-sector pause before a session's first track, 6750 sectors of first lead-out, 2250 of later ones,
// 4500 of lead-in), worked out by hand below.
#include <gtest/gtest.h>

#include <stdexcept>

#include "harness/emulator/synthetic_disc.hpp"

namespace cdcts::emulator {
namespace {

TEST(SyntheticBuilder, MultisessionKindLayout)
{
    const auto disc = makeSyntheticDisc("multisession");
    ASSERT_NE(disc, nullptr);
    ASSERT_EQ(disc->tracks().size(), 3u);
    EXPECT_EQ(disc->sessionCount(), 2);
    // Track 1: 30 s = 2250 sectors at 0; track 2 after a 150-sector pause: 2400, 3000 sectors, to 5400.
    EXPECT_EQ(disc->tracks()[1].startLba, 2400);
    EXPECT_EQ(disc->sessionLeadOutLba(1), 5400);
    // Session 2: 5400 + 6750 lead-out + 4500 lead-in + 150 pause = 16800; 3000 sectors to 19800.
    EXPECT_EQ(disc->tracks()[2].startLba, 16800);
    EXPECT_EQ(disc->tracks()[2].session, 2);
    EXPECT_EQ(disc->leadOutLba(), 19800);
}

TEST(SyntheticBuilder, ThirdSessionUsesTheShorterLeadOut)
{
    SyntheticDiscSpec spec;
    spec.tracks = {SyntheticTrack{TrackType::Mode1, 1000, 0, 1, {}, {}}, SyntheticTrack{TrackType::Mode1, 1000, 0, 2, {}, {}},
                   SyntheticTrack{TrackType::Mode2Xa, 1000, 0, 3, {}, {}}};
    const auto disc = buildSyntheticDisc(spec);
    EXPECT_EQ(disc->tracks()[1].startLba, 1000 + 6750 + 4500 + 150);
    EXPECT_EQ(disc->tracks()[2].startLba, 12400 + 1000 + 2250 + 4500 + 150);
    EXPECT_EQ(disc->sessionCount(), 3);
}

TEST(SyntheticBuilder, RefusesWhatADiscCannotHold)
{
    SyntheticDiscSpec spec;
    spec.tracks = {SyntheticTrack{TrackType::Mode1, 1000, 150, 1, {}, {}}};
    EXPECT_THROW((void)buildSyntheticDisc(spec), std::invalid_argument) << "track 1's pregap is fixed";
    spec.tracks = {SyntheticTrack{}, SyntheticTrack{TrackType::Audio, 1000, 150, 3, {}, {}}};
    EXPECT_THROW((void)buildSyntheticDisc(spec), std::invalid_argument) << "session 3 after session 1";
    spec.tracks = {SyntheticTrack{TrackType::Audio, 1000, 0, 1, "US-AB1-26-00001", {}}};
    EXPECT_THROW((void)buildSyntheticDisc(spec), std::invalid_argument) << "ISRC with dashes";
    spec.tracks = {SyntheticTrack{}};
    spec.mcn = "12345";
    EXPECT_THROW((void)buildSyntheticDisc(spec), std::invalid_argument) << "MCN of 5 digits";
    EXPECT_THROW((void)buildSyntheticDisc(SyntheticDiscSpec{}), std::invalid_argument) << "no tracks";
}

TEST(SyntheticBuilder, TheReferenceDiscIsBurnable)
{
    const auto disc = makeSyntheticDisc("reference");
    // Under 50 MB as 2352-byte sectors, and Red Book's 4-second minimum track length and 2-second pauses.
    EXPECT_LT(std::int64_t{disc->leadOutLba()} * 2352, 50'000'000);
    for (std::size_t i = 0; i < disc->tracks().size(); ++i) {
        const Track& t = disc->tracks()[i];
        EXPECT_GE(t.length, 300u);
        if (i > 0) {
            EXPECT_EQ(t.startLba - (disc->tracks()[i - 1].startLba + static_cast<std::int32_t>(disc->tracks()[i - 1].length)), 150);
        }
        if (t.type == TrackType::Audio) {
            EXPECT_EQ(t.isrc.size(), 12u);
        }
    }
    EXPECT_EQ(disc->mediaCatalogNumber().size(), 13u);
    EXPECT_FALSE(disc->cdTextPacks().empty());
}

}  // namespace
}  // namespace cdcts::emulator
