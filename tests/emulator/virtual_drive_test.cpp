#include <gtest/gtest.h>

#include <string>

#include "drive_fixture.hpp"

namespace cdcts::emulator {
namespace {
using testing_support::DriveFixture;
using testing_support::hasSense;

class VirtualDrive_ : public DriveFixture {};

TEST_F(VirtualDrive_, ReportsPowerOnResetOnceThenTheEmptyTray)
{
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), {mmc::SenseKey::UnitAttention, 0x29, 0x00}));
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), {mmc::SenseKey::NotReady, 0x3A, 0x01}));
    drive.removeMedium(TrayState::Open);
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), {mmc::SenseKey::NotReady, 0x3A, 0x02}));
}

TEST_F(VirtualDrive_, ReportsMediumChangeOnceAfterLoading)
{
    settle();
    drive.loadMedium(makeSyntheticDisc("data"));
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), {mmc::SenseKey::UnitAttention, 0x28, 0x00}));
    // The disc then spins up (spindle_test.cpp covers the timing); after that the drive is ready.
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), mmc::sense::NotReadyBecomingReady));
    clock.advance(drive.profile().timings.spinUp);
    EXPECT_TRUE(send({0x00, 0, 0, 0, 0, 0}).good());
}

TEST_F(VirtualDrive_, InquiryIsNotHeldUpByUnitAttention)
{
    std::vector<std::uint8_t> data(36);
    const auto r = send({0x12, 0, 0, 0, 36, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 36u);
    EXPECT_EQ(data[0], 0x05) << "peripheral device type CD/DVD";
    EXPECT_EQ(data[1], 0x80) << "removable medium";
    EXPECT_EQ(std::string(data.begin() + 8, data.begin() + 16), "CDCTS   ");
    EXPECT_EQ(std::string(data.begin() + 16, data.begin() + 32), "VIRTUAL DVD-ROM ");
    EXPECT_EQ(std::string(data.begin() + 32, data.begin() + 36), "1.00");
    EXPECT_EQ(data[4] + 5, 96) << "additional length announces the full 96 bytes";
    // The power-on unit attention is still pending for the next ordinary command.
    EXPECT_TRUE(hasSense(send({0x00, 0, 0, 0, 0, 0}), {mmc::SenseKey::UnitAttention, 0x29, 0x00}));
}

TEST_F(VirtualDrive_, InquiryHonoursTheAllocationLength)
{
    std::vector<std::uint8_t> data(96, 0xEE);
    const auto r = send({0x12, 0, 0, 0, 5, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(r.transferred, 5u);
    EXPECT_EQ(data[5], 0xEE);
}

TEST_F(VirtualDrive_, ListsItsVitalProductDataPages)
{
    std::vector<std::uint8_t> data(255);
    const auto r = send({0x12, 0x01, 0x00, 0, 255, 0}, data);
    ASSERT_TRUE(r.good());
    data.resize(r.transferred);
    EXPECT_EQ(data, (std::vector<std::uint8_t>{0x05, 0x00, 0x00, 0x03, 0x00, 0x80, 0x83}));
}

TEST_F(VirtualDrive_, ReportsItsSerialNumber)
{
    std::vector<std::uint8_t> data(255);
    const auto r = send({0x12, 0x01, 0x80, 0, 255, 0}, data);
    ASSERT_TRUE(r.good());
    ASSERT_EQ(r.transferred, 4u + 12u);
    EXPECT_EQ(data[3], 12);
    EXPECT_EQ(std::string(data.begin() + 4, data.begin() + 16), "CDCTS-R-0001");
}

TEST_F(VirtualDrive_, IdentifiesItselfByT10VendorId)
{
    std::vector<std::uint8_t> data(255);
    const auto r = send({0x12, 0x01, 0x83, 0, 255, 0}, data);
    ASSERT_TRUE(r.good());
    const std::string designator = "CDCTS   VIRTUAL DVD-ROM CDCTS-R-0001";
    ASSERT_EQ(r.transferred, 4u + 4u + designator.size());
    EXPECT_EQ(data[4], 0x02) << "code set ASCII";
    EXPECT_EQ(data[5], 0x01) << "association logical unit, designator type T10 vendor ID";
    EXPECT_EQ(data[7], designator.size());
    EXPECT_EQ(std::string(data.begin() + 8, data.begin() + 8 + static_cast<std::ptrdiff_t>(designator.size())), designator);
}

TEST_F(VirtualDrive_, RejectsAMissingPageWithAFieldPointer)
{
    std::vector<std::uint8_t> data(36);
    const auto r = send({0x12, 0x01, 0xB0, 0, 36, 0}, data);
    ASSERT_TRUE(hasSense(r, mmc::sense::InvalidFieldInCdb));
    EXPECT_EQ(r.sense.bytes[15], 0xC0) << "SKSV, C/D = CDB, no bit pointer";
    EXPECT_EQ(r.sense.bytes[17], 2) << "field pointer names CDB byte 2";
    EXPECT_TRUE(hasSense(send({0x12, 0x00, 0x80, 0, 36, 0}, data), mmc::sense::InvalidFieldInCdb)) << "a page code without EVPD";
}

TEST_F(VirtualDrive_, RejectsUnknownOperationCodes)
{
    EXPECT_TRUE(hasSense(send({0xFF, 0, 0, 0, 0, 0}), mmc::sense::InvalidCommandOperationCode));
    EXPECT_TRUE(hasSense(send({0xA4, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0}), mmc::sense::InvalidCommandOperationCode))
        << "REPORT KEY is not implemented; the drive must say so, not pretend";
}

TEST_F(VirtualDrive_, ReadCapacityGivesTheLastLbaAnd2048)
{
    loadSynthetic("data");
    std::vector<std::uint8_t> data(8);
    const auto r = send({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, data);
    ASSERT_TRUE(r.good());
    EXPECT_EQ(data, (std::vector<std::uint8_t>{0x00, 0x00, 0x4E, 0x1F, 0x00, 0x00, 0x08, 0x00}))  // 19999, 2048
        ;
}

TEST_F(VirtualDrive_, ReadCapacityNeedsAMedium)
{
    settle();
    std::vector<std::uint8_t> data(8);
    EXPECT_TRUE(hasSense(send({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, data), mmc::sense::MediumNotPresentTrayClosed));
}

TEST_F(VirtualDrive_, RequestSenseReportsThePresentCondition)
{
    std::vector<std::uint8_t> data(18);
    ASSERT_TRUE(send({0x03, 0, 0, 0, 18, 0}, data).good());
    EXPECT_EQ(data[2] & 0x0F, 0x06) << "a pending unit attention first";
    EXPECT_EQ(data[12], 0x29);
    ASSERT_TRUE(send({0x03, 0, 0, 0, 18, 0}, data).good());
    EXPECT_EQ(data[2] & 0x0F, 0x02) << "then the empty drive";
    EXPECT_EQ(data[12], 0x3A);
    loadSynthetic("data");
    (void)send({0xFF, 0, 0, 0, 0, 0});
    ASSERT_TRUE(send({0x03, 0, 0, 0, 18, 0}, data).good());
    EXPECT_EQ(data[2] & 0x0F, 0x00) << "autosense delivered the error already: NO SENSE";
}

TEST_F(VirtualDrive_, TracesEveryCommand)
{
    drive.trace().clear();
    (void)send({0x00, 0, 0, 0, 0, 0});
    std::vector<std::uint8_t> data(36);
    (void)send({0x12, 0, 0, 0, 36, 0}, data);
    const auto& entries = drive.trace().entries();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].opcode(), 0x00);
    EXPECT_EQ(entries[0].status, mmc::ScsiStatus::CheckCondition);
    EXPECT_EQ(entries[1].opcode(), 0x12);
    EXPECT_EQ(entries[1].transferred, 36u);
    EXPECT_NE(entries[0].describe().find("TEST UNIT READY"), std::string::npos);
}

}  // namespace
}  // namespace cdcts::emulator
