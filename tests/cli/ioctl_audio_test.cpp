// `cdcts ioctl` for the audio, volume, speed and streaming codes (ioctl-contracts.md §3.20, §3.21, §3.13,
// §3.12, §3.14, §3.4), end to end against the repository's emulated drives, with the replies decoded.
#include <gtest/gtest.h>

#include <regex>

#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

std::string flat(const std::string& text) { return std::regex_replace(text, std::regex(R"(\s+)"), ""); }

TEST(CdctsIoctlAudio, S3_21_GetVolumeDecodesVolumeControl)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_VOLUME", "--out-size", "4", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(flat(r.out).find(R"("information":4)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("VOLUME_CONTROL"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PortVolume[3]"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_21_GetVolumeShortBuffer)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_VOLUME", "--out-size", "3"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_BUFFER_TOO_SMALL 0xC0000023"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_12_GetPerformanceDecodesNominalDescriptors)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_PERFORMANCE", "--in",
                        "01 00 00 00 01 00 00 00 01 00 00 00 01 00 00 00 00 00 00 00", "--out-size", "72"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("CDROM_PERFORMANCE_HEADER"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("NominalPerformance[0]"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_12_GetPerformanceDecodesWriteSpeedDescriptors)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_writer", "IOCTL_CDROM_GET_PERFORMANCE", "--in",
                        "02 00 00 00", "--out-size", "40"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("WriteSpeed[0]"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_13_SetSpeedToTheMaximum)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_SET_SPEED", "--in",
                        "00 00 00 00 ff ff ff ff 00 00 00 00"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("STATUS_SUCCESS"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_14_SendOpcNeedsAReadWriteHandle)
{
    const std::vector<std::string> base{kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_writer",
                                        "IOCTL_CDROM_SEND_OPC_INFORMATION", "--in", "01 00 00 00 00 00 00 00"};
    auto readOnly = base;
    const auto denied = run(readOnly);
    EXPECT_EQ(denied.exitCode, 1) << denied.out;
    EXPECT_NE(denied.out.find("STATUS_ACCESS_DENIED"), std::string::npos) << denied.out;
    auto readWrite = base;
    readWrite.insert(readWrite.end(), {"--access", "readwrite"});
    const auto granted = run(readWrite);
    EXPECT_EQ(granted.exitCode, 0) << granted.out;
}

TEST(CdctsIoctlAudio, S3_20_PlayOnADataDiscIsInvalidDeviceRequest)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_PLAY_AUDIO_MSF", "--in",
                        "00 02 00 00 04 00"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_INVALID_DEVICE_REQUEST"), std::string::npos) << r.out;
}

TEST(CdctsIoctlAudio, S3_4_EnableStreamingValidatesTheRequestType)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_ENABLE_STREAMING", "--in",
                        "05 00 00 00"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_INVALID_PARAMETER"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cdcts
