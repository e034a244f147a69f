// IOCTL_CDROM_READ_Q_CHANNEL through the model (ioctl-contracts.md §3.19, §6, §7.4, §8.6): validation order,
// the READ SUB-CHANNEL CDB per format, Information, the raw reply, and the play-active flag it keeps.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
namespace st = ioctl::status;
using ioctl::codes::CdromReadQChannel;
using Bytes = std::vector<std::uint8_t>;
using emulator::CommandFaultKind;

class QChannelModel : public testing_support::ModelFixture {
protected:
    ControlResult q(std::uint8_t format, std::uint8_t track, Bytes& out)
    {
        const std::array<std::uint8_t, 2> in{format, track};
        return control(CdromReadQChannel, out, in);
    }
    Bytes direct(std::span<const std::uint8_t> cdb, std::size_t length)
    {
        Bytes reply(length);
        const mmc::CommandResult r = device->drive().execute(cdb, reply, mmc::DataDirection::In, 10s);
        EXPECT_TRUE(r.good());
        reply.resize(r.transferred);
        return reply;
    }
    void play()
    {
        const std::array<std::uint8_t, 10> cdb{0x47, 0, 0, 0, 2, 0, 0, 30, 0, 0};  // PLAY AUDIO MSF 00:02:00-00:30:00
        ASSERT_TRUE(device->drive().execute(cdb, {}, mmc::DataDirection::None, 10s).good());
        device->drive().trace().clear();
    }
};

TEST_F(QChannelModel, S3_19_Row1_InputShorterThan2IsInfoLengthMismatch)
{
    build("audio");
    Bytes out(24);
    for (std::size_t length : {0u, 1u}) {
        const Bytes in(length, 1);
        const ControlResult r = control(CdromReadQChannel, out, in);
        EXPECT_EQ(r.status, st::InfoLengthMismatch) << length;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(QChannelModel, S3_19_Row2_OnlyFormats1To3)
{
    build("audio");
    Bytes out(24);
    for (const std::uint8_t format : {std::uint8_t{0}, std::uint8_t{4}, std::uint8_t{0xFF}}) EXPECT_EQ(q(format, 0, out).status, st::InvalidParameter) << int{format};
    Bytes none(0);
    EXPECT_EQ(q(0, 0, none).status, st::InvalidParameter) << "the format is checked before the output length";
    EXPECT_TRUE(traffic().empty());
}

TEST_F(QChannelModel, S3_19_Row3_OutputMinimumIs16ForPositionAnd24Otherwise)
{
    build("audio");
    Bytes fifteen(15, 0xCD);
    ControlResult r = q(1, 0, fifteen);
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 16u);
    for (const std::uint8_t format : {std::uint8_t{2}, std::uint8_t{3}}) {
        Bytes twentyThree(23);
        r = q(format, 1, twentyThree);
        EXPECT_EQ(r.status, st::BufferTooSmall) << int{format};
        EXPECT_EQ(r.information, 24u) << int{format};
    }
    EXPECT_TRUE(traffic().empty());
    Bytes sixteen(16);
    EXPECT_EQ(q(1, 0, sixteen).status, st::Success) << "the sample needs only 16 for the current position (Q19)";
}

TEST_F(QChannelModel, S3_19_CurrentPositionIsMsfWith16Bytes)
{
    build("audio");
    Bytes out(24, 0xCD);
    const ControlResult r = q(1, 5, out);
    ASSERT_EQ(r.status, st::Success);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 02 40 01 00 00 00 00 10 00") << "Track is sent for ISRC only";
    EXPECT_EQ(r.information, 16u);
    const Bytes expected = direct(traffic()[0].cdb(), 16);
    EXPECT_EQ(formatHex(std::span(out).first(16)), formatHex(expected));
    EXPECT_EQ(out[16], 0xCD) << "nothing past Information";
    EXPECT_EQ(out[4], 1) << "FormatCode";
}

TEST_F(QChannelModel, S3_19_MediaCatalogIsLbaWith24Bytes)
{
    build("reference");
    Bytes out(24);
    const ControlResult r = q(2, 7, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 00 40 02 00 00 00 00 18 00");
    EXPECT_EQ(r.information, 24u);
    EXPECT_EQ(out[8] >> 7, 1) << "Mcval";
    EXPECT_EQ(std::string(out.begin() + 9, out.begin() + 22), "2012345678903");
}

TEST_F(QChannelModel, S3_19_TrackIsrcSendsTheTrack)
{
    build("reference");
    Bytes out(24);
    const ControlResult r = q(3, 2, out);
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "42 00 40 03 00 00 02 00 18 00");
    EXPECT_EQ(r.information, 24u);
    EXPECT_EQ(out[8] >> 7, 1) << "Tcval";
    EXPECT_EQ(std::string(out.begin() + 9, out.begin() + 21), "ZZCDT2600002");
}

TEST_F(QChannelModel, S7_4_AudioStatus11hSetsPlayActiveAndAnotherStatusClearsIt)
{
    build("audio");
    play();
    Bytes out(16);
    ASSERT_EQ(q(1, 0, out).status, st::Success);
    EXPECT_EQ(out[1], 0x11);
    EXPECT_TRUE(device->driver().state().playActive);
    const std::array<std::uint8_t, 6> stop{0x1B, 0x01, 0, 0, 0, 0};
    ASSERT_TRUE(device->drive().execute(stop, {}, mmc::DataDirection::None, 10s).good());
    ASSERT_EQ(q(1, 0, out).status, st::Success);
    EXPECT_NE(out[1], 0x11);
    EXPECT_FALSE(device->driver().state().playActive);
}

TEST_F(QChannelModel, S3_19_EveryFormatsAudioStatusDecidesPlayActive)
{
    // The sample reads the header's AudioStatus (reply byte 1) whatever the format: an ISRC or media catalog reply
    // during play sets the flag as a current-position reply does, and one after a stop clears it.
    build("audio");
    const std::array<std::uint8_t, 10> play{0x47, 0, 0, 0, 2, 0, 0, 30, 0, 0};  // PLAY AUDIO MSF 00:02:00-00:30:00
    ASSERT_TRUE(device->drive().execute(play, {}, mmc::DataDirection::None, 10s).good());
    Bytes out(24);
    ASSERT_EQ(q(2, 0, out).status, st::Success);
    ASSERT_EQ(out[1], 0x11);
    EXPECT_TRUE(device->driver().state().playActive) << "media catalog reply";
    const std::array<std::uint8_t, 6> stop{0x1B, 0x01, 0, 0, 0, 0};
    ASSERT_TRUE(device->drive().execute(stop, {}, mmc::DataDirection::None, 10s).good());
    ASSERT_EQ(q(3, 1, out).status, st::Success);
    ASSERT_NE(out[1], 0x11);
    EXPECT_FALSE(device->driver().state().playActive) << "ISRC reply";
}

TEST_F(QChannelModel, S8_6_AnyFailureClearsPlayActive)
{
    build("audio");
    play();
    Bytes out(24);
    ASSERT_EQ(q(1, 0, out).status, st::Success);
    ASSERT_TRUE(device->driver().state().playActive);
    const ControlResult r = q(3, 42, out);  // no track 42: 05/24/00
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
    EXPECT_FALSE(device->driver().state().playActive) << "even though the audio still plays";
}

TEST_F(QChannelModel, S3_19_AShortReplyGivesInformationTransferred)
{
    build("audio");
    device->drive().faults().addCommandFault({.kind = CommandFaultKind::ShortTransfer, .opcode = 0x42, .transferLimit = 10});
    Bytes out(24);
    const ControlResult r = q(1, 0, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 10u) << "min(OutLen, transferred)";
}

TEST_F(QChannelModel, S8_1_EmptyDriveIsNoMedia)
{
    build("");
    Bytes out(16);
    EXPECT_EQ(q(1, 0, out).status, st::NoMediaInDevice);
}

}  // namespace
}  // namespace cdcts::classdriver
