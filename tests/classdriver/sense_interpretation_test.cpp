// Rows of the sense tables (§8.1-8.4), each against the status, retry and delay the contracts give.
#include <gtest/gtest.h>

#include <cctype>

#include "harness/classdriver/sense_interpretation.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
using mmc::SenseKey;
using std::chrono::seconds;

mmc::CommandResult failed(SenseKey key, std::uint8_t asc, std::uint8_t ascq)
{
    mmc::CommandResult r;
    r.status = mmc::ScsiStatus::CheckCondition;
    r.sense = mmc::SenseData::fixed({key, asc, ascq});
    return r;
}

struct Row {
    const char* section;
    SenseKey key;
    std::uint8_t asc, ascq;
    bool mounted;
    ioctl::NtStatus status;
    bool retry;
    seconds delay;
    std::uint32_t increments;
};

class SenseTable : public testing::TestWithParam<Row> {};

TEST_P(SenseTable, MapsAsTheContractsSay)
{
    const Row& row = GetParam();
    const Interpretation i = interpretFailure(failed(row.key, row.asc, row.ascq), {0x00, row.mounted, true});
    EXPECT_EQ(i.status, row.status);
    EXPECT_EQ(i.retry, row.retry);
    EXPECT_EQ(i.delay, row.delay);
    EXPECT_EQ(i.mediaChangeIncrements, row.increments);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SenseTable,
    testing::Values(Row{"8.1 04/01", SenseKey::NotReady, 0x04, 0x01, false, st::DeviceNotReady, true, seconds(10), 0},
                    Row{"8.1 04/07", SenseKey::NotReady, 0x04, 0x07, false, st::DeviceNotReady, true, seconds(10), 0},
                    Row{"8.1 04/03", SenseKey::NotReady, 0x04, 0x03, false, st::NoMediaInDevice, false, seconds(0), 0},
                    Row{"8.1 04/00", SenseKey::NotReady, 0x04, 0x00, false, st::DeviceNotReady, true, seconds(0), 0},
                    Row{"8.1 3A/02", SenseKey::NotReady, 0x3A, 0x02, false, st::NoMediaInDevice, false, seconds(0), 0},
                    Row{"8.1 21/00", SenseKey::IllegalRequest, 0x21, 0x00, false, st::NonexistentSector, false, seconds(0), 0},
                    Row{"8.1 24/00", SenseKey::IllegalRequest, 0x24, 0x00, false, st::InvalidDeviceRequest, false, seconds(0), 0},
                    Row{"8.1 28 unmounted", SenseKey::UnitAttention, 0x28, 0x00, false, st::IoDeviceError, true, seconds(0), 1},
                    Row{"8.1 28 mounted", SenseKey::UnitAttention, 0x28, 0x00, true, st::VerifyRequired, false, seconds(0), 1},
                    Row{"8.1 3F", SenseKey::UnitAttention, 0x3F, 0x01, false, st::IoDeviceError, true, seconds(5), 2},
                    Row{"8.1 57/00", SenseKey::MediumError, 0x57, 0x00, false, st::UnrecognizedMedia, false, seconds(0), 0},
                    Row{"8.2 key 3 (11/00)", SenseKey::MediumError, 0x11, 0x00, false, st::DeviceDataError, false, seconds(0), 0},
                    Row{"8.2 key 5 (64/00)", SenseKey::IllegalRequest, 0x64, 0x00, false, st::InvalidDeviceRequest, false, seconds(0), 0},
                    Row{"8.2 key 5 (20/00)", SenseKey::IllegalRequest, 0x20, 0x00, false, st::InvalidDeviceRequest, false, seconds(0), 0},
                    Row{"8.2 key 6 (29/00)", SenseKey::UnitAttention, 0x29, 0x00, false, st::IoDeviceError, true, seconds(0), 2},
                    Row{"8.2 key 6 mounted", SenseKey::UnitAttention, 0x29, 0x00, true, st::VerifyRequired, false, seconds(0), 2},
                    Row{"8.2 key 7", SenseKey::DataProtect, 0x27, 0x00, false, st::MediaWriteProtected, false, seconds(0), 0},
                    Row{"8.2 key 8", SenseKey::BlankCheck, 0x00, 0x00, false, st::NoDataDetected, false, seconds(0), 0},
                    Row{"8.2 key B", SenseKey::AbortedCommand, 0x00, 0x00, false, st::IoDeviceError, true, seconds(1), 0},
                    Row{"8.2 key 4", SenseKey::HardwareError, 0x44, 0x00, false, st::IoDeviceError, true, seconds(0), 0}),
    [](const testing::TestParamInfo<Row>& rowInfo) {
        std::string name = rowInfo.param.section;
        for (char& c : name)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return name;
    });

TEST(SenseInterpretation, S8_4_BecomingBusyOnReadTocIsDeviceBusy)
{
    const Interpretation i = interpretFailure(failed(SenseKey::NotReady, 0x04, 0x07), {0x43, false, true});
    EXPECT_EQ(i.status, st::DeviceBusy);
    EXPECT_TRUE(i.retry);
    const Interpretation notMmc = interpretFailure(failed(SenseKey::NotReady, 0x04, 0x07), {0x43, false, false});
    EXPECT_EQ(notMmc.status, st::DeviceNotReady) << "the override is for MMC drives only";
}

TEST(SenseInterpretation, S8_3_NoSenseUsesTheTransportStatus)
{
    mmc::CommandResult r;
    r.transport = mmc::TransportStatus::Timeout;
    Interpretation i = interpretFailure(r, {});
    EXPECT_EQ(i.status, st::IoTimeout);
    EXPECT_EQ(i.delay, seconds(1));
    r.transport = mmc::TransportStatus::SelectionTimeout;
    EXPECT_EQ(interpretFailure(r, {}).status, st::DeviceNotConnected);
    r.transport = mmc::TransportStatus::Ok;
    r.status = mmc::ScsiStatus::ReservationConflict;
    i = interpretFailure(r, {});
    EXPECT_EQ(i.status, st::DeviceBusy);
    EXPECT_FALSE(i.retry);
}

}  // namespace
}  // namespace cdcts::classdriver
