// Replies the emulated drive never gives, for §3.12-§3.22 (ioctl-contracts.md §8.3, §8.5, §8.6, Q7): a port that
// reports a short transfer as SRB_STATUS_DATA_OVERRUN, a reply longer than the caller's buffer, and a
// reservation conflict. The recording target rewrites the drive's answer before the model sees it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "recording_model.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace c = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

class OverrunModel : public testing_support::RecordingModel {
protected:
    // The port reports the command as DATA_OVERRUN after moving at most `limit` bytes.
    void overrun(std::uint8_t opcode, std::uint32_t limit = 0xFFFFFFFF)
    {
        target->rewrite = [opcode, limit](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>, mmc::CommandResult& result) {
            if (cdb[0] != opcode) return;
            result.transport = mmc::TransportStatus::DataOverrun;
            result.transferred = std::min(result.transferred, limit);
        };
    }
    std::size_t attempts(std::uint8_t opcode)
    {
        return static_cast<std::size_t>(std::count_if(traffic().begin(), traffic().end(), [&](const auto& e) { return e.opcode() == opcode; }));
    }
};

Bytes performanceRequest(std::int32_t exceptions)
{
    const ioctl::CDROM_PERFORMANCE_REQUEST request{ioctl::CdromPerformanceRequest, ioctl::CdromReadPerformance,
                                                   static_cast<ioctl::CDROM_PERFORMANCE_EXCEPTION_TYPE>(exceptions),
                                                   ioctl::Cdrom10Nominal20Exceptions, 0};
    Bytes b(sizeof request);
    std::memcpy(b.data(), &request, sizeof request);
    return b;
}

// ---- §3.12 GET_PERFORMANCE

TEST_F(OverrunModel, S3_12_DataOverrunIsASuccessWithTheBytesThatCame)
{
    build("dvd_rom", "data");
    overrun(0xAC, 24);
    Bytes out(72, 0xCD);
    const ControlResult r = control(c::CdromGetPerformance, out, performanceRequest(1));
    EXPECT_EQ(r.status, st::Success) << "§8.5: DATA_OVERRUN on ACh is a success";
    EXPECT_EQ(r.information, 24u);
    EXPECT_EQ(attempts(0xAC), 1u);
    EXPECT_TRUE(std::equal(out.begin(), out.begin() + 24, target->phases.at(0).begin()));
}

TEST_F(OverrunModel, S3_12_TheRoundedTransferIsCutBackToOutLen)
{
    // Alignment mask 3: OutLen 26 becomes a 28-byte transfer. A drive that fills all 28 bytes still gives the caller
    // min(OutLen, transferred) = 26 ("extra bytes discarded").
    ClassDriverSettings settings;
    settings.adapter = mmc::AdapterProperties{3, 64 * 1024, 17};
    build("dvd_rom", "data", HandleAccess::Read, settings);
    target->rewrite = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t> data, mmc::CommandResult& result) {
        if (cdb[0] != 0xAC) return;
        for (std::size_t i = result.transferred; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(0xA0 + i);
        result.transferred = static_cast<std::uint32_t>(data.size());
    };
    Bytes out(26, 0xCD);
    const ControlResult r = control(c::CdromGetPerformance, out, performanceRequest(1));
    ASSERT_EQ(r.status, st::Success);
    EXPECT_EQ(traffic().at(0).bufferLength, 28u) << "26 rounded up to mask 3";
    EXPECT_EQ(r.information, 26u);
    EXPECT_TRUE(std::equal(out.begin(), out.end(), target->phases.at(0).begin()));
}

// ---- §3.15-§3.17 the TOC codes: §8.6 forgives DATA_OVERRUN

TEST_F(OverrunModel, S3_15_DataOverrunIsASuccessWithInformationTransferred)
{
    build("dvd_rom", "mixed");
    overrun(0x43, 20);
    Bytes out(804, 0xCD);
    const ControlResult r = control(c::CdromReadToc, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 20u);
    EXPECT_EQ(attempts(0x43), 1u);
    EXPECT_EQ(out[20], 0xCD) << "nothing beyond the bytes transferred";
}

TEST_F(OverrunModel, S3_16_DataOverrunIsASuccessWithInformationTransferred)
{
    build("dvd_rom", "data");
    overrun(0x43, 10);
    Bytes out(12, 0xCD);
    const ControlResult r = control(c::CdromGetLastSession, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 10u);
}

TEST_F(OverrunModel, S3_17_DataOverrunIsASuccessUnlessShorterThan2)
{
    build("dvd_rom", "data");
    overrun(0x43, 6);
    Bytes out(100, 0xCD);
    const Bytes toc{0x00, 0x00, 0x00, 0x00};
    ControlResult r = control(c::CdromReadTocEx, out, toc);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 6u);
    overrun(0x43, 1);
    r = control(c::CdromReadTocEx, out, toc);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest) << "the forgiven reply is still checked for its Length field";
    EXPECT_EQ(r.information, 0u);
}

// ---- §3.18 RAW_READ and §3.19 READ_Q_CHANNEL are not in §8.6's list (Q7)

TEST_F(OverrunModel, S3_18_Q7_DataOverrunFailsWithInformation0)
{
    build("dvd_rom", "audio");
    overrun(0xBE, 2352);
    ioctl::RAW_READ_INFO info{};
    info.SectorCount = 2;
    info.TrackMode = ioctl::CDDA;
    Bytes in(sizeof info);
    std::memcpy(in.data(), &info, sizeof info);
    Bytes out(2 * 2352);
    const ControlResult r = control(c::CdromRawRead, out, in);
    EXPECT_EQ(r.status, st::DataOverrun);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(attempts(0xBE), 1u) << "§8.3: DATA_OVERRUN is not retried";
}

TEST_F(OverrunModel, S3_19_Q7_DataOverrunFailsAndClearsPlayActive)
{
    build("dvd_rom", "audio");
    Bytes none;
    ASSERT_EQ(control(c::CdromPlayAudioMsf, none, Bytes{0, 2, 0, 0, 40, 0}).status, st::Success);
    ASSERT_TRUE(driver->state().playActive);
    overrun(0x42, 8);
    Bytes out(16, 0xCD);
    const ControlResult r = control(c::CdromReadQChannel, out, Bytes{1, 0});
    EXPECT_EQ(r.status, st::DataOverrun);
    EXPECT_EQ(r.information, 0u);
    EXPECT_FALSE(driver->state().playActive) << "§8.6: any READ_Q_CHANNEL failure clears the flag";
}

// ---- §3.21 GET_VOLUME: MODE SENSE's DATA_OVERRUN is a success (§8.5, §8.6)

TEST_F(OverrunModel, S3_21_ModeSenseDataOverrunIsASuccess)
{
    build("dvd_rom", "audio");
    overrun(0x5A);
    Bytes out(4);
    const ControlResult r = control(c::CdromGetVolume, out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 4u);
    EXPECT_EQ(attempts(0x5A), 1u);
    Bytes none;
    EXPECT_EQ(control(c::CdromSetVolume, none, Bytes{9, 9, 9, 9}).status, st::Success) << "SET_VOLUME goes on to MODE SELECT";
    EXPECT_EQ(attempts(0x55), 1u);
}

// ---- §3.22 reservation conflict

TEST_F(OverrunModel, S3_22_ReservationConflictIsDeviceBusyWithoutRetry)
{
    build("legacy_cdrom", "data");
    target->rewrite = [](std::span<const std::uint8_t> cdb, std::span<std::uint8_t>, mmc::CommandResult& result) {
        if (cdb[0] == 0x16) result.status = mmc::ScsiStatus::ReservationConflict;
    };
    Bytes none;
    const ControlResult r = control(c::CdromReserve, none);
    EXPECT_EQ(r.status, st::DeviceBusy);
    EXPECT_EQ(r.information, 0u);
    EXPECT_EQ(traffic().size(), 1u) << "no retry and no switch to RESERVE(10)";
    EXPECT_FALSE(driver->state().noReserve6);
}

}  // namespace
}  // namespace cdcts::classdriver
