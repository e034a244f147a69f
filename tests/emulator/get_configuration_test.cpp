// GET CONFIGURATION (MMC-6 §6.6): feature header, the three request types, Current bits that follow the
// medium, allocation length, and the refusals.
#include <gtest/gtest.h>

#include <map>

#include "model_drive.hpp"
#include "test_disc_builder.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::hasSense;
using testing_support::ModelDriveFixture;
using testing_support::pointsAt;

struct Descriptor {
    std::uint8_t version;
    bool persistent;
    bool current;
    std::vector<std::uint8_t> data;
};

// Walks the descriptors after the 8-byte header, checking each one's additional length stays in the reply.
std::map<std::uint16_t, Descriptor> features(const std::vector<std::uint8_t>& reply, std::vector<std::uint16_t>* order = nullptr)
{
    std::map<std::uint16_t, Descriptor> out;
    std::size_t at = 8;
    while (at + 4 <= reply.size()) {
        const std::uint16_t code = loadBe16(&reply[at]);
        const std::size_t length = reply[at + 3];
        EXPECT_LE(at + 4 + length, reply.size()) << "feature " << code;
        EXPECT_EQ(length % 4, 0u) << "MMC-6: additional length is a multiple of 4, feature " << code;
        out[code] = {static_cast<std::uint8_t>(reply[at + 2] >> 2), (reply[at + 2] & 0x02) != 0, (reply[at + 2] & 0x01) != 0,
                     std::vector<std::uint8_t>(reply.begin() + static_cast<std::ptrdiff_t>(at + 4),
                                               reply.begin() + static_cast<std::ptrdiff_t>(std::min(at + 4 + length, reply.size())))};
        if (order) order->push_back(code);
        at += 4 + length;
    }
    EXPECT_EQ(at, reply.size());
    return out;
}

class GetConfiguration : public ModelDriveFixture {
protected:
    std::vector<std::uint8_t> config(std::uint8_t rt, std::uint16_t start = 0, std::uint16_t allocation = 0xFFFF)
    {
        return dataOf({0x46, rt, static_cast<std::uint8_t>(start >> 8), static_cast<std::uint8_t>(start), 0, 0, 0,
                       static_cast<std::uint8_t>(allocation >> 8), static_cast<std::uint8_t>(allocation), 0},
                      65535);
    }
};

TEST_F(GetConfiguration, EmptyDriveReportsNoCurrentProfileAndEveryFeature)
{
    settle();
    const auto reply = config(0);
    ASSERT_GE(reply.size(), 8u);
    EXPECT_EQ(loadBe32(&reply[0]), reply.size() - 4) << "data length counts the bytes after itself";
    EXPECT_EQ(loadBe16(&reply[6]), 0) << "no medium: current profile 0";
    std::vector<std::uint16_t> order;
    const auto f = features(reply, &order);
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << "descriptors in ascending feature code order";
    ASSERT_TRUE(f.contains(0x0000) && f.contains(0x0001) && f.contains(0x0003));
    // Profile List: 4 bytes per profile, DVD-ROM then CD-ROM, none current.
    ASSERT_EQ(f.at(0x0000).data.size(), 8u);
    EXPECT_EQ(loadBe16(&f.at(0x0000).data[0]), 0x0010);
    EXPECT_EQ(loadBe16(&f.at(0x0000).data[4]), 0x0008);
    EXPECT_EQ(f.at(0x0000).data[2] & 1, 0);
    EXPECT_EQ(f.at(0x0000).data[6] & 1, 0);
    EXPECT_TRUE(f.at(0x0000).persistent && f.at(0x0000).current);
    EXPECT_EQ(f.at(0x0001).data.size(), 8u) << "Core: interface standard and DBE/INQ2";
    EXPECT_EQ(loadBe32(&f.at(0x0001).data[0]), 7u) << "Serial ATAPI";
    // Removable Medium: tray (001b), Load, Eject, Lock.
    EXPECT_EQ(f.at(0x0003).data[0], 0x20 | 0x10 | 0x08 | 0x01);
    EXPECT_FALSE(f.at(0x001E).current) << "CD Read is not current without a CD";
    EXPECT_FALSE(f.at(0x0010).current) << "Random Readable is not current without a medium";
    EXPECT_TRUE(f.contains(0x001F)) << "a DVD-ROM drive has DVD Read";
    EXPECT_FALSE(f.contains(0x002D)) << "a reader has no CD Track at Once";
}

TEST_F(GetConfiguration, PressedCdMakesCdRomCurrent)
{
    loadSynthetic("data");
    const auto reply = config(0);
    EXPECT_EQ(loadBe16(&reply[6]), 0x0008);
    const auto f = features(reply);
    EXPECT_EQ(f.at(0x0000).data[6] & 1, 1) << "CurrentP on CD-ROM";
    EXPECT_EQ(f.at(0x0000).data[2] & 1, 0) << "not on DVD-ROM";
    EXPECT_TRUE(f.at(0x001E).current);
    EXPECT_TRUE(f.at(0x0010).current);
    EXPECT_FALSE(f.at(0x001F).current) << "DVD Read is not current with a CD";
    // CD Read byte 4: DAP, C2 Flags and CD-Text, as the dvd_rom model reads C2 and CD-TEXT.
    EXPECT_EQ(f.at(0x001E).data[0], 0x83);
    // Random Readable: 2048-byte logical blocks, read one at a time on a CD (blocking 1), page present.
    EXPECT_EQ(loadBe32(&f.at(0x0010).data[0]), 2048u);
    EXPECT_EQ(loadBe16(&f.at(0x0010).data[4]), 1);
    EXPECT_EQ(f.at(0x0010).data[6] & 1, 1);
}

// MMC-6 §5.3.1: the current profile is the one the drive uses for the medium. A writer that lists CD-R and
// CD-RW reports them for such discs (the TOC suite gates PMA and ATIP on it); a reader reads them as CD-ROM.
TEST_F(GetConfiguration, RecordableCdIsCurrentAsSuchWhereTheDriveListsItsProfile)
{
    struct Case {
        const char* model;
        MediumKind kind;
        std::uint16_t expected;
    };
    for (const Case& c : {Case{"dvdrw_writer", MediumKind::CdR, 0x0009}, Case{"dvdrw_writer", MediumKind::CdRw, 0x000A},
                          Case{"dvdrw_writer", MediumKind::PressedCdRom, 0x0008}, Case{"dvd_rom", MediumKind::CdR, 0x0008},
                          Case{"dvd_rom", MediumKind::CdRw, 0x0008}}) {
        SCOPED_TRACE(std::string(c.model) + " medium kind " + std::to_string(static_cast<int>(c.kind)));
        useModel(c.model);
        auto disc = testing_support::buildDisc({{0}}, {9000});
        disc->setMediumKind(c.kind);
        drive.loadMedium(std::move(disc));
        settle();
        const auto reply = config(0);
        ASSERT_GE(reply.size(), 8u);
        EXPECT_EQ(loadBe16(&reply[6]), c.expected);
        const auto f = features(reply);
        const auto& list = f.at(0x0000).data;
        for (std::size_t at = 0; at + 4 <= list.size(); at += 4)
            EXPECT_EQ((list[at + 2] & 1) != 0, loadBe16(&list[at]) == c.expected) << "CurrentP on profile " << loadBe16(&list[at]);
        EXPECT_TRUE(f.at(0x001E).current) << "CD Read is current with any CD";
    }
}

TEST_F(GetConfiguration, RequestTypeOneReturnsOnlyCurrentFeatures)
{
    loadSynthetic("data");
    const auto f = features(config(1));
    for (const auto& [code, d] : f) EXPECT_TRUE(d.current) << code;
    EXPECT_TRUE(f.contains(0x001E));
    EXPECT_FALSE(f.contains(0x001F));
}

TEST_F(GetConfiguration, StartingFeatureNumberSkipsLowerCodes)
{
    settle();
    const auto f = features(config(0, 0x001E));
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(f.begin()->first, 0x001E);
}

TEST_F(GetConfiguration, RequestTypeTwoReturnsTheOneFeatureOrNone)
{
    settle();
    const auto one = config(2, 0x0003);
    const auto f = features(one);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_TRUE(f.contains(0x0003));
    const auto none = config(2, 0x002D);  // a reader lacks CD Track at Once
    EXPECT_EQ(none.size(), 8u);
    EXPECT_EQ(loadBe32(&none[0]), 4u);
}

TEST_F(GetConfiguration, AllocationLengthCutsTheDataNotTheDataLength)
{
    settle();
    const auto full = config(0);
    const auto head = config(0, 0, 8);  // the class driver's MMC probe
    ASSERT_EQ(head.size(), 8u);
    EXPECT_EQ(loadBe32(&head[0]), full.size() - 4);
    EXPECT_EQ(loadBe32(&head[0]) % 4, 0u) << "the class driver takes an odd length for a non-MMC drive";
}

TEST_F(GetConfiguration, ReservedRequestTypeAndBitsAreRefused)
{
    settle();
    std::vector<std::uint8_t> data(64);
    const auto rt3 = send({0x46, 0x03, 0, 0, 0, 0, 0, 0, 64, 0}, data);
    EXPECT_TRUE(hasSense(rt3, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(rt3, true, 1, 1));
    const auto reserved = send({0x46, 0x80, 0, 0, 0, 0, 0, 0, 64, 0}, data);
    EXPECT_TRUE(hasSense(reserved, mmc::sense::InvalidFieldInCdb));
    EXPECT_TRUE(pointsAt(reserved, true, 1, 7));
}

TEST_F(GetConfiguration, AnswersWhileAUnitAttentionIsPending)
{
    // Fresh drive: the power-on reset is pending; GET CONFIGURATION answers and leaves it for the next command.
    std::vector<std::uint8_t> data(64);
    EXPECT_TRUE(send({0x46, 0, 0, 0, 0, 0, 0, 0, 64, 0}, data).good());
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::PowerOnResetOccurred));
}

TEST_F(GetConfiguration, LegacyDriveDoesNotKnowTheCommand)
{
    useModel("legacy_cdrom");
    settle();
    std::vector<std::uint8_t> data(64);
    const auto r = send({0x46, 0, 0, 0, 0, 0, 0, 0, 64, 0}, data);
    EXPECT_TRUE(hasSense(r, mmc::sense::InvalidCommandOperationCode));
}

TEST_F(GetConfiguration, WriterHasTheWriteFeaturesNotCurrentOnAPressedDisc)
{
    useModel("dvdrw_writer");
    loadSynthetic("data");
    const auto f = features(config(0));
    for (std::uint16_t code : {std::uint16_t{0x0021}, std::uint16_t{0x002A}, std::uint16_t{0x002B}, std::uint16_t{0x002D},
                               std::uint16_t{0x002E}, std::uint16_t{0x002F}}) {
        ASSERT_TRUE(f.contains(code)) << code;
        EXPECT_FALSE(f.at(code).current) << code;
    }
    EXPECT_TRUE(f.at(0x0107).current) << "Real Time Streaming";
    // Profile List includes CD-R and CD-RW and DVD+R, highest first.
    const auto& list = f.at(0x0000).data;
    EXPECT_EQ(loadBe16(&list[0]), 0x001B);
    EXPECT_EQ(loadBe16(&list[list.size() - 4]), 0x0008);
    // Drive Serial Number: the INQUIRY serial, ASCII.
    const auto& serial = f.at(0x0108).data;
    EXPECT_EQ(std::string(serial.begin(), serial.end()), "CDCTS-W-0001");
    // Incremental Streaming Writable: two link sizes (7, 16), padded to 4 bytes.
    const auto& inc = f.at(0x0021).data;
    ASSERT_EQ(inc.size(), 8u);
    EXPECT_EQ(inc[2], 0x05) << "byte 6: BUF (bit 0) and TRIO (bit 2, MMC-6 5.3.13), ARSV (bit 1) clear";
    EXPECT_EQ(inc[3], 2);
    EXPECT_EQ(inc[4], 7);
    EXPECT_EQ(inc[5], 16);
    // Firmware Information: 14 ASCII digits of date and time.
    const auto& fw = f.at(0x010C).data;
    ASSERT_EQ(fw.size(), 16u);
    EXPECT_TRUE(std::all_of(fw.begin(), fw.begin() + 14, [](std::uint8_t c) { return c >= '0' && c <= '9'; }));
}

TEST_F(GetConfiguration, SlotLoaderCannotLoad)
{
    useModel("slim_slot");
    settle();
    const auto f = features(config(2, 0x0003));
    EXPECT_EQ(f.at(0x0003).data[0] & 0xF0, 0x00) << "caddy/slot, no Load";
    EXPECT_NE(f.at(0x0003).data[0] & 0x08, 0) << "Eject";
}

}  // namespace
}  // namespace cdcts::emulator
