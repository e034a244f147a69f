// The sense tables of ioctl-contracts.md §8, row by row: sense (or transport status) in, NTSTATUS, retry decision,
// delay and side effects out. Each expectation is typed from the contracts' tables, not from the model's output.
// §8.1 and §8.2 rows run without the MMC error handler so that each table is seen alone; §8.4 adds it.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "harness/classdriver/sense_interpretation.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
using mmc::SenseKey;
using std::chrono::seconds;

mmc::CommandResult failed(mmc::SenseCode code, bool ili = false)
{
    mmc::CommandResult r;
    r.status = mmc::ScsiStatus::CheckCondition;
    r.sense = mmc::SenseData::fixed(code);
    if (ili) r.sense.bytes[2] |= 0x20;  // fixed format: byte 2 bit 5 is the incorrect length indicator
    return r;
}

struct Row {
    const char* name;
    mmc::SenseCode sense;
    ioctl::NtStatus status;
    bool retry;
    seconds delay{0};                 // checked only when the row retries: it is the wait before the retry
    std::uint32_t increments = 0;     // MediaChangeCount growth
    bool mounted = false;             // a file system volume is mounted (§7.3)
    std::uint8_t opcode = 0x00;       // the command that drew the sense (TEST UNIT READY unless a row says)
    bool ili = false;
    MediaStateChange media = MediaStateChange::None;
    bool verifyVolume = false;        // DO_VERIFY_VOLUME set
    bool startUnit = false;           // the driver sends START UNIT
    bool refresh = false;             // the MMC capability refresh becomes due (§8.4)
    bool mmc = false;                 // the MMC error handler is installed (§8.4)
};

std::string rowName(const testing::TestParamInfo<Row>& info)
{
    std::string name = info.param.name;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

void expectRow(const Row& row)
{
    const Interpretation i = interpretFailure(failed(row.sense, row.ili), {row.opcode, row.mounted, row.mmc});
    EXPECT_EQ(i.status, row.status);
    EXPECT_EQ(i.retry, row.retry);
    if (row.retry) {
        EXPECT_EQ(i.delay, row.delay);
    }
    EXPECT_EQ(i.mediaChangeIncrements, row.increments);
    EXPECT_EQ(i.mediaState, row.media);
    EXPECT_EQ(i.setVerifyVolume, row.verifyVolume);
    EXPECT_EQ(i.sendStartUnit, row.startUnit);
    EXPECT_EQ(i.mmcRefreshRequired, row.refresh);
}

constexpr SenseKey kNotReady = SenseKey::NotReady;
constexpr SenseKey kIllegal = SenseKey::IllegalRequest;
constexpr SenseKey kUnitAttention = SenseKey::UnitAttention;

// ---------------------------------------------------------------------------------------------------------
// §8.1, the ASC/ASCQ table, checked before the sense key.

class AscTable : public testing::TestWithParam<Row> {};
TEST_P(AscTable, S8_1_RowMapsAsTheContractsSay) { expectRow(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Rows, AscTable,
    testing::Values(
        Row{"04_01_becoming_ready", {kNotReady, 0x04, 0x01}, st::DeviceNotReady, true, seconds(10)},
        Row{"04_07_operation_in_progress", {kNotReady, 0x04, 0x07}, st::DeviceNotReady, true, seconds(10)},
        Row{"04_08_long_write", {kNotReady, 0x04, 0x08}, st::DeviceNotReady, true, seconds(0)},
        Row{"04_03_manual_intervention", {kNotReady, 0x04, 0x03}, st::NoMediaInDevice, false},
        Row{"04_04_format_in_progress", {kNotReady, 0x04, 0x04}, st::DeviceNotReady, false},
        Row{.name = "04_00_cause_not_reportable", .sense = {kNotReady, 0x04, 0x00}, .status = st::DeviceNotReady, .retry = true,
            .startUnit = true},
        Row{.name = "04_02_init_command_required", .sense = {kNotReady, 0x04, 0x02}, .status = st::DeviceNotReady, .retry = true,
            .startUnit = true},
        Row{.name = "04_09_other", .sense = {kNotReady, 0x04, 0x09}, .status = st::DeviceNotReady, .retry = true, .startUnit = true},
        Row{.name = "3A_00_no_medium", .sense = {kNotReady, 0x3A, 0x00}, .status = st::NoMediaInDevice, .retry = false,
            .media = MediaStateChange::NotPresent},
        Row{.name = "3A_02_tray_open", .sense = {kNotReady, 0x3A, 0x02}, .status = st::NoMediaInDevice, .retry = false,
            .media = MediaStateChange::NotPresent},
        Row{.name = "3A_CC_unavailable", .sense = {kNotReady, 0x3A, 0xCC}, .status = st::NoMediaInDevice, .retry = false,
            .media = MediaStateChange::Unavailable},
        Row{"30_01_unknown_format", {SenseKey::MediumError, 0x30, 0x01}, st::UnrecognizedMedia, false},
        Row{"30_02_incompatible_format", {SenseKey::MediumError, 0x30, 0x02}, st::UnrecognizedMedia, false},
        Row{"30_03_cleaning_cartridge", {kNotReady, 0x30, 0x03}, st::CleanerCartridgeInstalled, false},
        Row{"30_00_other_goes_to_key_2", {kNotReady, 0x30, 0x00}, st::DeviceNotReady, true, seconds(0)},
        Row{"02_00_no_seek_complete", {SenseKey::MediumError, 0x02, 0x00}, st::DeviceDataError, true, seconds(0)},
        Row{"02_01_other_goes_to_key_3", {SenseKey::MediumError, 0x02, 0x01}, st::DeviceDataError, false},
        Row{"08_03_lun_crc_error", {SenseKey::HardwareError, 0x08, 0x03}, st::IoDeviceError, true, seconds(1)},
        Row{"08_00_other_goes_to_key_4", {SenseKey::HardwareError, 0x08, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"21_00_lba_out_of_range", {kIllegal, 0x21, 0x00}, st::NonexistentSector, false},
        Row{"21_01_invalid_element", {kIllegal, 0x21, 0x01}, st::NonexistentSector, false},
        Row{"21_00_whatever_the_key", {SenseKey::MediumError, 0x21, 0x00}, st::NonexistentSector, false},
        Row{"24_00_invalid_field_in_cdb", {kIllegal, 0x24, 0x00}, st::InvalidDeviceRequest, false},
        Row{"25_00_lun_not_supported", {kIllegal, 0x25, 0x00}, st::NoSuchDevice, false},
        Row{"6F_00_css_authentication", {kIllegal, 0x6F, 0x00}, st::CssAuthenticationFailure, false},
        Row{"6F_01_key_not_present", {kIllegal, 0x6F, 0x01}, st::CssKeyNotPresent, false},
        Row{"6F_02_key_not_established", {kIllegal, 0x6F, 0x02}, st::CssKeyNotEstablished, false},
        Row{"6F_03_scrambled_sector", {kIllegal, 0x6F, 0x03}, st::CssScrambledSector, false},
        Row{"6F_04_region_mismatch", {kIllegal, 0x6F, 0x04}, st::CssRegionMismatch, false},
        Row{"6F_05_resets_exhausted", {kIllegal, 0x6F, 0x05}, st::CssResetsExhausted, false},
        Row{"6F_06_other", {kIllegal, 0x6F, 0x06}, st::CopyProtectionFailure, false},
        Row{.name = "28_00_unmounted", .sense = {kUnitAttention, 0x28, 0x00}, .status = st::IoDeviceError, .retry = true,
            .increments = 1, .media = MediaStateChange::Present},
        Row{.name = "28_00_mounted", .sense = {kUnitAttention, 0x28, 0x00}, .status = st::VerifyRequired, .retry = false,
            .increments = 1, .mounted = true, .media = MediaStateChange::Present, .verifyVolume = true},
        Row{.name = "5A_01_unmounted", .sense = {kUnitAttention, 0x5A, 0x01}, .status = st::IoDeviceError, .retry = true,
            .increments = 2},
        Row{.name = "5A_01_mounted", .sense = {kUnitAttention, 0x5A, 0x01}, .status = st::VerifyRequired, .retry = false,
            .increments = 2, .mounted = true, .verifyVolume = true},
        Row{.name = "3F_01_unmounted", .sense = {kUnitAttention, 0x3F, 0x01}, .status = st::IoDeviceError, .retry = true,
            .delay = seconds(5), .increments = 2},
        Row{.name = "3F_03_mounted", .sense = {kUnitAttention, 0x3F, 0x03}, .status = st::VerifyRequired, .retry = false,
            .increments = 2, .mounted = true, .verifyVolume = true},
        Row{"17_01_recovered_no_ecc", {SenseKey::RecoveredError, 0x17, 0x01}, st::Success, false},
        Row{"18_00_recovered_ecc", {SenseKey::RecoveredError, 0x18, 0x00}, st::Success, false},
        Row{.name = "18_00_ili", .sense = {SenseKey::RecoveredError, 0x18, 0x00}, .status = st::InvalidBlockLength, .retry = false,
            .ili = true},
        Row{"5D_00_failure_prediction", {SenseKey::RecoveredError, 0x5D, 0x00}, st::Success, false},
        Row{"5D_00_whatever_the_key", {SenseKey::HardwareError, 0x5D, 0x00}, st::Success, false},
        Row{.name = "5D_01_ili", .sense = {SenseKey::RecoveredError, 0x5D, 0x01}, .status = st::InvalidBlockLength, .retry = false,
            .ili = true},
        Row{"57_00_unable_to_recover_toc", {SenseKey::MediumError, 0x57, 0x00}, st::UnrecognizedMedia, false},
        Row{"57_01_other_goes_to_key_3", {SenseKey::MediumError, 0x57, 0x01}, st::DeviceDataError, false},
        // "anything else" goes to the sense-key table (§8.2).
        Row{"20_00_invalid_opcode", {kIllegal, 0x20, 0x00}, st::InvalidDeviceRequest, false},
        Row{"26_00_invalid_parameter_field", {kIllegal, 0x26, 0x00}, st::InvalidDeviceRequest, false},
        Row{"2C_00_command_sequence_error", {kIllegal, 0x2C, 0x00}, st::InvalidDeviceRequest, false},
        Row{"53_02_removal_prevented", {kIllegal, 0x53, 0x02}, st::InvalidDeviceRequest, false},
        Row{"63_00_end_of_user_area", {kIllegal, 0x63, 0x00}, st::InvalidDeviceRequest, false},
        Row{"64_00_illegal_mode_for_track", {kIllegal, 0x64, 0x00}, st::InvalidDeviceRequest, false},
        Row{"11_00_unrecovered_read_error", {SenseKey::MediumError, 0x11, 0x00}, st::DeviceDataError, false},
        Row{.name = "29_00_goes_to_key_6", .sense = {kUnitAttention, 0x29, 0x00}, .status = st::IoDeviceError, .retry = true,
            .increments = 2},
        Row{.name = "2A_01_goes_to_key_6", .sense = {kUnitAttention, 0x2A, 0x01}, .status = st::IoDeviceError, .retry = true,
            .increments = 2},
        Row{.name = "5A_02_goes_to_key_6", .sense = {kUnitAttention, 0x5A, 0x02}, .status = st::IoDeviceError, .retry = true,
            .increments = 2}),
    rowName);

// ---------------------------------------------------------------------------------------------------------
// §8.2, the sense-key table, for ASCs §8.1 does not handle (ASC 00h, or one of its "anything else" examples).

class SenseKeyTable : public testing::TestWithParam<Row> {};
TEST_P(SenseKeyTable, S8_2_RowMapsAsTheContractsSay) { expectRow(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Rows, SenseKeyTable,
    testing::Values(
        Row{"key0_no_sense", {SenseKey::NoSense, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{.name = "key0_ili", .sense = {SenseKey::NoSense, 0x00, 0x00}, .status = st::InvalidBlockLength, .retry = false, .ili = true},
        Row{"key1_recovered", {SenseKey::RecoveredError, 0x00, 0x00}, st::Success, false},
        Row{.name = "key1_ili", .sense = {SenseKey::RecoveredError, 0x00, 0x00}, .status = st::InvalidBlockLength, .retry = false,
            .ili = true},
        Row{"key2_not_ready", {kNotReady, 0x00, 0x00}, st::DeviceNotReady, true, seconds(0)},
        Row{"key3_medium_error", {SenseKey::MediumError, 0x11, 0x05}, st::DeviceDataError, false},
        Row{"key4_hardware_error", {SenseKey::HardwareError, 0x44, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"key5_illegal_request", {kIllegal, 0x20, 0x00}, st::InvalidDeviceRequest, false},
        Row{.name = "key6_unmounted", .sense = {kUnitAttention, 0x29, 0x00}, .status = st::IoDeviceError, .retry = true,
            .increments = 2},
        Row{.name = "key6_mounted", .sense = {kUnitAttention, 0x2E, 0x00}, .status = st::VerifyRequired, .retry = false,
            .increments = 2, .mounted = true, .verifyVolume = true},
        Row{"key7_data_protect", {SenseKey::DataProtect, 0x27, 0x00}, st::MediaWriteProtected, false},
        Row{"key8_blank_check", {SenseKey::BlankCheck, 0x00, 0x00}, st::NoDataDetected, false},
        Row{"keyB_aborted_command", {SenseKey::AbortedCommand, 0x00, 0x00}, st::IoDeviceError, true, seconds(1)},
        Row{"key9_vendor", {SenseKey::VendorSpecific, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"keyA_copy_aborted", {SenseKey::CopyAborted, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"keyC", {static_cast<SenseKey>(0xC), 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"keyD_volume_overflow", {SenseKey::VolumeOverflow, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"keyE_miscompare", {SenseKey::Miscompare, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)},
        Row{"keyF", {SenseKey::Completed, 0x00, 0x00}, st::IoDeviceError, true, seconds(0)}),
    rowName);

// ---------------------------------------------------------------------------------------------------------
// §8 evaluation order.

TEST(SenseOrder, S8_Step2_ReservationConflictIsDeviceBusyWithoutRetry)
{
    mmc::CommandResult r = failed({kUnitAttention, 0x28, 0x00});
    r.status = mmc::ScsiStatus::ReservationConflict;  // wins over whatever sense came with it
    const Interpretation i = interpretFailure(r, {0x00, true, true});
    EXPECT_EQ(i.status, st::DeviceBusy);
    EXPECT_FALSE(i.retry);
    EXPECT_EQ(i.mediaChangeIncrements, 0u);
}

TEST(SenseOrder, S8_Step3_AscBeyondTheAdditionalSenseLengthReadsAsZero)
{
    // 2/3A/00 whose additional sense length (byte 7) stops before the ASC: the ASC reads 0, which §8.1 does not
    // handle, so NOT READY decides (retry), not "no media".
    mmc::CommandResult r = failed({kNotReady, 0x3A, 0x00});
    r.sense.bytes[7] = 4;
    const Interpretation i = interpretFailure(r, {0x00, false, false});
    EXPECT_EQ(i.status, st::DeviceNotReady);
    EXPECT_TRUE(i.retry);
    EXPECT_EQ(i.mediaState, MediaStateChange::None);
}

TEST(SenseOrder, S8_Step3_SenseShorterThan8BytesIsNoValidSense)
{
    mmc::CommandResult r = failed({kNotReady, 0x3A, 0x00});
    r.sense.length = 7;  // the sense key is in byte 2, but the driver wants 8 bytes
    const Interpretation i = interpretFailure(r, {0x00, false, false});
    EXPECT_EQ(i.status, st::IoDeviceError) << "§8.3: CHECK CONDITION without usable sense";
    EXPECT_TRUE(i.retry);
    EXPECT_EQ(i.mediaState, MediaStateChange::None);
}

TEST(SenseOrder, S8_Step3_EveryUnitAttentionCountsOnceMore)
{
    // 28/xx counts once (the key), 5A/01 and 3F/xx twice (the key and their row), a key-table UA twice.
    EXPECT_EQ(interpretFailure(failed({kUnitAttention, 0x28, 0x00}), {}).mediaChangeIncrements, 1u);
    EXPECT_EQ(interpretFailure(failed({kUnitAttention, 0x3F, 0x0E}), {}).mediaChangeIncrements, 2u);
    EXPECT_EQ(interpretFailure(failed({kUnitAttention, 0x2F, 0x00}), {}).mediaChangeIncrements, 2u);
    EXPECT_EQ(interpretFailure(failed({kNotReady, 0x28, 0x00}), {}).mediaChangeIncrements, 0u) << "28/00 without key 6";
}

// ---------------------------------------------------------------------------------------------------------
// §8.3, no valid sense: the transport (SRB) status decides.

struct TransportRow {
    const char* name;
    mmc::TransportStatus transport;
    mmc::ScsiStatus scsi;
    ioctl::NtStatus status;
    bool retry;
    seconds delay;
};

class TransportTable : public testing::TestWithParam<TransportRow> {};

TEST_P(TransportTable, S8_3_RowMapsAsTheContractsSay)
{
    const TransportRow& row = GetParam();
    mmc::CommandResult r;
    r.transport = row.transport;
    r.status = row.scsi;
    const Interpretation i = interpretFailure(r, {0x00, true, true});
    EXPECT_EQ(i.status, row.status);
    EXPECT_EQ(i.retry, row.retry);
    if (row.retry) {
        EXPECT_EQ(i.delay, row.delay);
    }
    EXPECT_EQ(i.mediaChangeIncrements, 0u);
    EXPECT_FALSE(i.setVerifyVolume);
}

using mmc::ScsiStatus;
using mmc::TransportStatus;
INSTANTIATE_TEST_SUITE_P(
    Rows, TransportTable,
    testing::Values(TransportRow{"no_device", TransportStatus::NoDevice, ScsiStatus::Good, st::NoSuchDevice, false, seconds(0)},
                    TransportRow{"timeout", TransportStatus::Timeout, ScsiStatus::Good, st::IoTimeout, true, seconds(1)},
                    TransportRow{"selection_timeout", TransportStatus::SelectionTimeout, ScsiStatus::Good, st::DeviceNotConnected,
                                 false, seconds(0)},
                    TransportRow{"data_overrun", TransportStatus::DataOverrun, ScsiStatus::Good, st::DataOverrun, false, seconds(0)},
                    TransportRow{"bus_reset", TransportStatus::BusReset, ScsiStatus::Good, st::IoDeviceError, true, seconds(0)},
                    TransportRow{"other", TransportStatus::Error, ScsiStatus::Good, st::IoDeviceError, true, seconds(0)},
                    TransportRow{"check_condition_without_sense", TransportStatus::Ok, ScsiStatus::CheckCondition, st::IoDeviceError,
                                 true, seconds(0)},
                    TransportRow{"busy", TransportStatus::Ok, ScsiStatus::Busy, st::DeviceNotReady, true, seconds(0)},
                    TransportRow{"task_set_full", TransportStatus::Ok, ScsiStatus::TaskSetFull, st::IoDeviceError, true, seconds(0)},
                    TransportRow{"invalid_target", TransportStatus::InvalidTarget, ScsiStatus::Good, st::NoSuchDevice, false, seconds(0)},
                    TransportRow{"aborted", TransportStatus::Aborted, ScsiStatus::Good, st::IoTimeout, true, seconds(1)},
                    TransportRow{"invalid_request", TransportStatus::InvalidRequest, ScsiStatus::Good, st::InvalidDeviceRequest, false,
                                 seconds(0)},
                    TransportRow{"parity_error", TransportStatus::ParityError, ScsiStatus::Good, st::IoDeviceError, true, seconds(1)},
                    TransportRow{"phase_sequence_first_attempt", TransportStatus::PhaseSequenceFailure, ScsiStatus::Good,
                                 st::IoDeviceError, true, seconds(1)},
                    TransportRow{"request_flushed_no_verify_pending", TransportStatus::RequestFlushed, ScsiStatus::Good,
                                 st::IoDeviceError, true, seconds(0)}),
    [](const testing::TestParamInfo<TransportRow>& rowInfo) { return std::string(rowInfo.param.name); });

TEST(TransportState, S8_3_PhaseSequenceFailureIsRetriedTwiceAtMost)
{
    mmc::CommandResult r;
    r.transport = mmc::TransportStatus::PhaseSequenceFailure;
    InterpretationContext ctx;
    ctx.retriedCount = 1;
    EXPECT_TRUE(interpretFailure(r, ctx).retry) << "one retry made: one more";
    ctx.retriedCount = 2;
    EXPECT_FALSE(interpretFailure(r, ctx).retry);
}

TEST(TransportState, S8_3_RequestFlushedIsVerifyRequiredWhileDoVerifyVolumeIsSet)
{
    mmc::CommandResult r;
    r.transport = mmc::TransportStatus::RequestFlushed;
    InterpretationContext ctx;
    ctx.verifyVolumeSet = true;
    const Interpretation i = interpretFailure(r, ctx);
    EXPECT_EQ(i.status, st::VerifyRequired);
    EXPECT_FALSE(i.retry);
}

// ---------------------------------------------------------------------------------------------------------
// §8.4, the MMC error handler's overrides (MMC drives only).

class MmcOverrides : public testing::TestWithParam<Row> {};
TEST_P(MmcOverrides, S8_4_RowMapsAsTheContractsSay) { expectRow(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Rows, MmcOverrides,
    testing::Values(
        // 2/04/07 and 2/04/08 on the listed read-class opcodes: DEVICE_BUSY, retried (the delay stays §8.1's).
        Row{.name = "04_07_read10", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true, .delay = seconds(10),
            .opcode = 0x28, .mmc = true},
        Row{.name = "04_08_read10", .sense = {kNotReady, 0x04, 0x08}, .status = st::DeviceBusy, .retry = true, .opcode = 0x28, .mmc = true},
        Row{.name = "04_07_read6", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true, .delay = seconds(10),
            .opcode = 0x08, .mmc = true},
        Row{.name = "04_07_read_capacity", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true,
            .delay = seconds(10), .opcode = 0x25, .mmc = true},
        Row{.name = "04_07_read_cd", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true, .delay = seconds(10),
            .opcode = 0xBE, .mmc = true},
        Row{.name = "04_07_read_cd_msf", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true,
            .delay = seconds(10), .opcode = 0xB9, .mmc = true},
        Row{.name = "04_07_read_toc", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true, .delay = seconds(10),
            .opcode = 0x43, .mmc = true},
        Row{.name = "04_08_write10", .sense = {kNotReady, 0x04, 0x08}, .status = st::DeviceBusy, .retry = true, .opcode = 0x2A, .mmc = true},
        Row{.name = "04_08_write6", .sense = {kNotReady, 0x04, 0x08}, .status = st::DeviceBusy, .retry = true, .opcode = 0x0A, .mmc = true},
        Row{.name = "04_07_read_track_information", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true,
            .delay = seconds(10), .opcode = 0x52, .mmc = true},
        Row{.name = "04_07_read_disc_information", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceBusy, .retry = true,
            .delay = seconds(10), .opcode = 0x51, .mmc = true},
        // Not on the list, or not an MMC drive: §8.1 stands.
        Row{.name = "04_07_mode_sense_not_listed", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceNotReady, .retry = true,
            .delay = seconds(10), .opcode = 0x5A, .mmc = true},
        Row{.name = "04_07_read12_not_listed", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceNotReady, .retry = true,
            .delay = seconds(10), .opcode = 0xA8, .mmc = true},
        Row{.name = "04_07_read_toc_non_mmc", .sense = {kNotReady, 0x04, 0x07}, .status = st::DeviceNotReady, .retry = true,
            .delay = seconds(10), .opcode = 0x43, .mmc = false},
        Row{.name = "04_01_read_toc_not_listed_ascq", .sense = {kNotReady, 0x04, 0x01}, .status = st::DeviceNotReady, .retry = true,
            .delay = seconds(10), .opcode = 0x43, .mmc = true},
        // Operator requests: DEVICE_BUSY and retried, mounted or not; 02/03 also make the refresh due.
        Row{.name = "5A_01_eject_request", .sense = {kUnitAttention, 0x5A, 0x01}, .status = st::DeviceBusy, .retry = true,
            .increments = 2, .mmc = true},
        Row{.name = "5A_01_eject_request_mounted", .sense = {kUnitAttention, 0x5A, 0x01}, .status = st::DeviceBusy, .retry = true,
            .increments = 2, .mounted = true, .verifyVolume = true, .mmc = true},
        Row{.name = "5A_02_write_protect_enable", .sense = {kUnitAttention, 0x5A, 0x02}, .status = st::DeviceBusy, .retry = true,
            .increments = 2, .refresh = true, .mmc = true},
        Row{.name = "5A_03_write_protect_disable", .sense = {kUnitAttention, 0x5A, 0x03}, .status = st::DeviceBusy, .retry = true,
            .increments = 2, .refresh = true, .mmc = true},
        // 6/28 and 6/29 make the refresh due and keep §8.1/§8.2's status; other unit attentions do not.
        Row{.name = "28_00_refresh", .sense = {kUnitAttention, 0x28, 0x00}, .status = st::IoDeviceError, .retry = true, .increments = 1,
            .media = MediaStateChange::Present, .refresh = true, .mmc = true},
        Row{.name = "29_00_refresh", .sense = {kUnitAttention, 0x29, 0x00}, .status = st::IoDeviceError, .retry = true, .increments = 2,
            .refresh = true, .mmc = true},
        Row{.name = "29_02_refresh", .sense = {kUnitAttention, 0x29, 0x02}, .status = st::VerifyRequired, .retry = false,
            .increments = 2, .mounted = true, .verifyVolume = true, .refresh = true, .mmc = true},
        Row{.name = "2A_01_no_refresh", .sense = {kUnitAttention, 0x2A, 0x01}, .status = st::IoDeviceError, .retry = true,
            .increments = 2, .mmc = true},
        Row{.name = "28_00_non_mmc_no_refresh", .sense = {kUnitAttention, 0x28, 0x00}, .status = st::IoDeviceError, .retry = true,
            .increments = 1, .media = MediaStateChange::Present, .mmc = false}),
    rowName);

// ---------------------------------------------------------------------------------------------------------
// §8.5, the rules each operation code brings (the executor applies them; scsi_executor_test.cpp end to end).

struct OpcodeRow {
    const char* name;
    std::uint8_t opcode;
    int maxRetries;  // -1: the opcode sets no cap of its own (the request decides)
    bool retryVerifyRequired;
    seconds notReadyMinDelay;
    bool dataOverrunIsSuccess;
};

class OpcodeTable : public testing::TestWithParam<OpcodeRow> {};

TEST_P(OpcodeTable, S8_5_RowMapsAsTheContractsSay)
{
    const OpcodeRow& row = GetParam();
    const OpcodeRules rules = opcodeRules(row.opcode);
    if (row.maxRetries >= 0) {
        EXPECT_EQ(rules.maxRetries, row.maxRetries);
    } else {
        EXPECT_GT(rules.maxRetries, 1000) << "no cap of the opcode's own";
    }
    EXPECT_EQ(rules.retryVerifyRequired, row.retryVerifyRequired);
    EXPECT_EQ(rules.notReadyMinDelay, row.notReadyMinDelay);
    EXPECT_EQ(rules.dataOverrunIsSuccess, row.dataOverrunIsSuccess);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, OpcodeTable,
    testing::Values(OpcodeRow{"prevent_allow_1E", 0x1E, -1, false, seconds(2), false},
                    OpcodeRow{"mode_sense6_1A", 0x1A, 2, true, seconds(2), true},
                    OpcodeRow{"mode_sense10_5A", 0x5A, 2, true, seconds(2), true},
                    OpcodeRow{"read_capacity_25", 0x25, 2, true, seconds(0), false},
                    OpcodeRow{"reserve6_16", 0x16, -1, false, seconds(0), false},
                    OpcodeRow{"release6_17", 0x17, -1, false, seconds(0), false},
                    OpcodeRow{"get_performance_AC", 0xAC, 5, false, seconds(0), true},
                    OpcodeRow{"read10_28", 0x28, 5, false, seconds(0), false},
                    OpcodeRow{"read12_A8", 0xA8, 5, false, seconds(0), false},
                    OpcodeRow{"test_unit_ready_00", 0x00, 5, false, seconds(0), false},
                    OpcodeRow{"inquiry_12", 0x12, 5, false, seconds(0), false},
                    OpcodeRow{"start_stop_1B", 0x1B, 5, false, seconds(0), false},
                    OpcodeRow{"seek_2B", 0x2B, 5, false, seconds(0), false},
                    OpcodeRow{"read_subchannel_42", 0x42, 5, false, seconds(0), false},
                    OpcodeRow{"read_toc_43", 0x43, 5, false, seconds(0), false},
                    OpcodeRow{"get_configuration_46", 0x46, 5, false, seconds(0), false},
                    OpcodeRow{"play_audio_msf_47", 0x47, 5, false, seconds(0), false},
                    OpcodeRow{"pause_resume_4B", 0x4B, 5, false, seconds(0), false},
                    OpcodeRow{"send_opc_54", 0x54, 5, false, seconds(0), false},
                    OpcodeRow{"mode_select10_55", 0x55, 5, false, seconds(0), false},
                    OpcodeRow{"set_streaming_B6", 0xB6, 5, false, seconds(0), false},
                    OpcodeRow{"set_cd_speed_BB", 0xBB, 5, false, seconds(0), false},
                    OpcodeRow{"read_cd_BE", 0xBE, 5, false, seconds(0), false}),
    [](const testing::TestParamInfo<OpcodeRow>& rowInfo) { return std::string(rowInfo.param.name); });

}  // namespace
}  // namespace cdcts::classdriver
