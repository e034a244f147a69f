// libdiscid as an independent oracle for READ TOC format 0: a disc laid out like the audio CD on MusicBrainz's
// "Disc ID Calculation" page (https://musicbrainz.org/doc/Disc_ID_Calculation: six audio tracks at LBA 0,
// 15213, 32164, 46442, 63264, 80339, lead-out at 95312, disc ID 49HHV7Eb8UKF3aQiNmu1GR8vKTY-) is loaded into
// the drive; the test turns the drive's reply bytes into the frame offsets discid_put() wants and compares
// libdiscid's ID with the one the page publishes.
#include <discid/discid.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "drive_fixture.hpp"
#include "test_disc_builder.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::buildDisc;
using testing_support::DriveFixture;
using Bytes = std::vector<std::uint8_t>;

struct DiscIdDeleter {
    void operator()(DiscId* d) const { discid_free(d); }
};

std::unique_ptr<Disc> musicBrainzExampleDisc()
{
    return buildDisc({{0}, {15213}, {32164}, {46442}, {63264}, {80339}}, {95312});
}

// discid_put's offsets: [0] the lead-out, [1..] the tracks, in frames from 00:00:00 (LBA + 150).
std::string discIdOf(int first, int last, std::vector<int> offsets)
{
    std::unique_ptr<DiscId, DiscIdDeleter> id(discid_new());
    if (discid_put(id.get(), first, last, offsets.data()) == 0) return std::string("discid_put failed: ") + discid_get_error_msg(id.get());
    return discid_get_id(id.get());
}

class DiscIdOracle : public DriveFixture {
protected:
    void SetUp() override
    {
        drive.loadMedium(musicBrainzExampleDisc());
        settle();
    }
    // READ TOC format 0 in the form `msf` asks for, turned into libdiscid's ID. Only a descriptor's address decoding
    // differs between the forms: `frames` gives its start in frames from 00:00:00.
    template <typename Frames>
    std::string discIdFromToc(bool msf, Frames frames)
    {
        Bytes data(804);
        const auto r = send({0x43, static_cast<std::uint8_t>(msf ? 0x02 : 0x00), 0, 0, 0, 0, 0, 0x03, 0x24, 0}, data);
        if (!r.good() || r.transferred < 4) return "READ TOC failed";
        data.resize(r.transferred);
        const int first = data[2];
        const int last = data[3];
        std::vector<int> offsets(static_cast<std::size_t>(last + 1), 0);
        for (std::size_t at = 4; at + 8 <= data.size(); at += 8) {
            const int track = data[at + 2];
            const int start = frames(&data[at + 4]);
            if (track == 0xAA)
                offsets[0] = start;
            else if (track >= first && track <= last)
                offsets[static_cast<std::size_t>(track)] = start;
        }
        return discIdOf(first, last, offsets);
    }
};

TEST_F(DiscIdOracle, LbaFormTocGivesThePublishedDiscId)
{
    const auto fromLba = [](const std::uint8_t* a) {
        return static_cast<int>((std::uint32_t{a[0]} << 24) | (std::uint32_t{a[1]} << 16) | (std::uint32_t{a[2]} << 8) | a[3]) + 150;
    };
    EXPECT_EQ(discIdFromToc(false, fromLba), "49HHV7Eb8UKF3aQiNmu1GR8vKTY-");
}

TEST_F(DiscIdOracle, MsfFormTocGivesThePublishedDiscId)
{
    const auto fromMsf = [](const std::uint8_t* a) { return (a[1] * 60 + a[2]) * 75 + a[3]; };  // MSF counts from 00:00:00
    EXPECT_EQ(discIdFromToc(true, fromMsf), "49HHV7Eb8UKF3aQiNmu1GR8vKTY-");
}

}  // namespace
}  // namespace cdcts::emulator
