// `cdcts ioctl` works for every code of the catalog: each one is sent to an emulated drive of the repository's
// devices.yaml with the input and output size a caller would give, and the status must be the contract's
// (never STATUS_INVALID_PARAMETER or a length status caused by a wrong argument, never a crash); exit code 0
// for success and 1 for any other status, never 2; a successful reply with a structure is decoded.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "harness/ioctl/catalog.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

std::string flat(const std::string& text)
{
    return std::regex_replace(text, std::regex(R"(\s+)"), "");
}

// GET_CONFIGURATION_IOCTL_INPUT from a 64-bit caller: Feature 0, RequestType 0 (all), Reserved zero (§3.8).
const std::string kConfigurationAll = "00000000 00000000 00000000 00000000 00000000 00000000";
// CDROM_PERFORMANCE_REQUEST: request 1, read 1, nominal 1, tolerance 1 (10/20), StaringLba 0 (§3.12).
const std::string kPerformanceNominal = "01000000 01000000 01000000 01000000 00000000";
// RAW_READ_INFO: DiskOffset 11400 * 2048 (track 2 of the mixed disc), 1 sector, TrackMode 2 CDDA (§3.18).
const std::string kRawReadAudio = "0040640100000000 01000000 02000000";
// MSF bytes are binary values: 02:34:00 is the start of audio track 2 on the writer's mixed disc (§3.20).
const std::string kPlayTrack2 = "02 22 00 02 28 00";

struct Case {
    std::string code;     // SDK name as the user types it
    std::string device;   // emu_reader (DVD-ROM drive, data disc) or emu_writer (mixed-mode CD)
    std::string input;    // --in hex, empty for none
    std::string outSize;  // --out-size
    std::string access;   // --access
    std::string status;   // the contract's status for this drive and medium
    std::string decoded;  // root of the decoded reply; empty when the code returns nothing
    std::string why;      // the contract section and the reason for the status
};

// clang-format off
const std::vector<Case> kCases = {
    {"IOCTL_CDROM_READ_TOC", "emu_reader", "", "804", "read", "STATUS_SUCCESS", "CDROM_TOC", "§3.15"},
    {"IOCTL_CDROM_SEEK_AUDIO_MSF", "emu_writer", "02 22 00", "0", "read", "STATUS_SUCCESS", "", "§3.20 SEEK(10)"},
    {"IOCTL_CDROM_STOP_AUDIO", "emu_writer", "", "0", "read", "STATUS_SUCCESS", "", "§3.20 START STOP UNIT"},
    {"IOCTL_CDROM_PAUSE_AUDIO", "emu_writer", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.20/§8: nothing plays in a fresh process, PAUSE answers ILLEGAL REQUEST"},
    {"IOCTL_CDROM_RESUME_AUDIO", "emu_writer", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.20/§8: nothing paused, RESUME answers ILLEGAL REQUEST"},
    {"IOCTL_CDROM_SIMBAD", "emu_writer", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.23: SIMBAD is PAUSE_AUDIO's value"},
    {"IOCTL_CDROM_GET_VOLUME", "emu_reader", "", "4", "read", "STATUS_SUCCESS", "VOLUME_CONTROL", "§3.21"},
    {"IOCTL_CDROM_PLAY_AUDIO_MSF", "emu_writer", kPlayTrack2, "0", "read", "STATUS_SUCCESS", "", "§3.20"},
    {"IOCTL_CDROM_SET_VOLUME", "emu_reader", "ff ff ff ff", "0", "read", "STATUS_SUCCESS", "", "§3.21"},
    {"IOCTL_CDROM_READ_Q_CHANNEL", "emu_reader", "01 00", "16", "read", "STATUS_SUCCESS", "SUB_Q_CURRENT_POSITION", "§3.19"},
    {"IOCTL_CDROM_GET_CONTROL", "emu_reader", "", "4", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.23 forwarded, Q6 forwardedCodeStatus"},
    {"OBSOLETE_IOCTL_CDROM_GET_CONTROL", "emu_reader", "", "4", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.23 forwarded, Q6"},
    {"IOCTL_CDROM_GET_LAST_SESSION", "emu_reader", "", "12", "read", "STATUS_SUCCESS", "CDROM_TOC_SESSION_DATA", "§3.16"},
    {"IOCTL_CDROM_RAW_READ", "emu_writer", kRawReadAudio, "2352", "read", "STATUS_SUCCESS", "RAW_READ", "§3.18"},
    {"IOCTL_CDROM_DISK_TYPE", "emu_reader", "", "4", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.23 forwarded, Q6"},
    {"IOCTL_CDROM_GET_DRIVE_GEOMETRY", "emu_reader", "", "24", "read", "STATUS_SUCCESS", "DISK_GEOMETRY", "§3.9"},
    {"IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", "emu_reader", "", "32", "read", "STATUS_SUCCESS", "DISK_GEOMETRY_EX", "§3.9"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "00 00 00 00", "804", "read", "STATUS_SUCCESS", "CDROM_TOC", "§3.17 format 0"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "80 00 00 00", "804", "read", "STATUS_SUCCESS", "CDROM_TOC", "§3.17 format 0, Msf"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "01 00 00 00", "12", "read", "STATUS_SUCCESS", "CDROM_TOC_SESSION_DATA", "§3.17 format 1"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "02 01 00 00", "2048", "read", "STATUS_SUCCESS", "CDROM_TOC_FULL_TOC_DATA", "§3.17 format 2"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "03 00 00 00", "2048", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.17 format 3/§8: a pressed disc has no PMA, READ TOC answers ILLEGAL REQUEST"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "04 00 00 00", "2048", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.17 format 4/§8: a pressed disc has no ATIP"},
    {"IOCTL_CDROM_READ_TOC_EX", "emu_writer", "05 00 00 00", "2048", "read", "STATUS_SUCCESS", "CDROM_TOC_CD_TEXT_DATA", "§3.17 format 5"},
    {"IOCTL_CDROM_GET_CONFIGURATION", "emu_reader", kConfigurationAll, "4096", "read", "STATUS_SUCCESS", "GET_CONFIGURATION_HEADER", "§3.8"},
    {"IOCTL_CDROM_GET_CONFIGURATION", "emu_writer", kConfigurationAll, "4096", "read", "STATUS_SUCCESS", "GET_CONFIGURATION_HEADER", "§3.8"},
    {"IOCTL_CDROM_EXCLUSIVE_ACCESS", "emu_reader", "00000000 00000000", "65", "readwrite", "STATUS_SUCCESS",
     "CDROM_EXCLUSIVE_LOCK_STATE", "§3.5 query"},
    {"IOCTL_CDROM_SET_SPEED", "emu_reader", "00000000 ffff ffff 00000000", "0", "read", "STATUS_SUCCESS", "", "§3.13"},
    {"IOCTL_CDROM_GET_INQUIRY_DATA", "emu_reader", "", "260", "read", "STATUS_SUCCESS", "INQUIRYDATA", "§3.10"},
    {"IOCTL_CDROM_ENABLE_STREAMING", "emu_reader", "01000000", "0", "read", "STATUS_SUCCESS", "", "§3.4"},
    {"IOCTL_CDROM_SEND_OPC_INFORMATION", "emu_writer", "01000000 00000000", "0", "readwrite", "STATUS_SUCCESS", "", "§3.14"},
    {"IOCTL_CDROM_GET_PERFORMANCE", "emu_reader", kPerformanceNominal, "2048", "read", "STATUS_SUCCESS",
     "CDROM_PERFORMANCE_HEADER", "§3.12 nominal"},
    {"IOCTL_CDROM_GET_PERFORMANCE", "emu_writer", "02000000", "2048", "read", "STATUS_SUCCESS",
     "CDROM_PERFORMANCE_HEADER", "§3.12 write speed"},
    {"IOCTL_CDROM_CHECK_VERIFY", "emu_reader", "", "4", "read", "STATUS_SUCCESS", "MediaChangeCount", "§3.1"},
    {"IOCTL_CDROM_MEDIA_REMOVAL", "emu_reader", "01", "0", "read", "STATUS_SUCCESS", "", "§3.11"},
    {"IOCTL_CDROM_EJECT_MEDIA", "emu_reader", "", "0", "read", "STATUS_SUCCESS", "", "§3.3"},
    {"IOCTL_CDROM_LOAD_MEDIA", "emu_reader", "", "0", "read", "STATUS_SUCCESS", "", "§3.3"},
    {"IOCTL_CDROM_RESERVE", "emu_reader", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "",
     "§3.22: the emulated drives reject RESERVE(6) and (10) as ILLEGAL REQUEST"},
    {"IOCTL_CDROM_RELEASE", "emu_reader", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "§3.22, as RESERVE"},
    {"IOCTL_CDROM_FIND_NEW_DEVICES", "emu_reader", "", "0", "read", "STATUS_ACCESS_DENIED", "", "§3.7"},
    {"IOCTL_CDROM_UNLOAD_DRIVER", "emu_reader", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "§3.23 forwarded, Q6"},

    {"IOCTL_STORAGE_CHECK_VERIFY", "emu_reader", "", "4", "read", "STATUS_SUCCESS", "MediaChangeCount", "§3.1"},
    {"IOCTL_STORAGE_CHECK_VERIFY2", "emu_reader", "", "0", "none", "STATUS_SUCCESS", "", "§3.1: ANY access, no count"},
    {"IOCTL_STORAGE_MEDIA_REMOVAL", "emu_reader", "01", "0", "read", "STATUS_SUCCESS", "", "§3.11"},
    {"IOCTL_STORAGE_EJECT_MEDIA", "emu_reader", "", "0", "read", "STATUS_SUCCESS", "", "§3.3"},
    {"IOCTL_STORAGE_LOAD_MEDIA", "emu_reader", "", "0", "read", "STATUS_SUCCESS", "", "§3.3"},
    {"IOCTL_STORAGE_LOAD_MEDIA2", "emu_reader", "", "0", "none", "STATUS_SUCCESS", "", "§3.3: ANY access"},
    {"IOCTL_STORAGE_RESERVE", "emu_reader", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "§3.22, as CDROM_RESERVE"},
    {"IOCTL_STORAGE_RELEASE", "emu_reader", "", "0", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "§3.22, as CDROM_RELEASE"},
    {"IOCTL_STORAGE_FIND_NEW_DEVICES", "emu_reader", "", "0", "read", "STATUS_ACCESS_DENIED", "", "§3.7"},
    {"IOCTL_STORAGE_EJECTION_CONTROL", "emu_reader", "01", "0", "read", "STATUS_SUCCESS", "", "§3.11 secure lock"},
    {"IOCTL_STORAGE_MCN_CONTROL", "emu_reader", "01", "0", "read", "STATUS_SUCCESS", "", "§2.1: disable notification"},
    // Codes the contracts leave unspecified: the model forwards them like §3.23's and answers forwardedCodeStatus.
    {"IOCTL_STORAGE_GET_MEDIA_TYPES_EX", "emu_reader", "", "2048", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_STORAGE_GET_HOTPLUG_INFO", "emu_reader", "", "8", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_STORAGE_GET_DEVICE_NUMBER", "emu_reader", "", "12", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_STORAGE_READ_CAPACITY", "emu_reader", "", "32", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_STORAGE_QUERY_PROPERTY", "emu_reader", "00000000 00000000 00000000", "1024", "read",
     "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_DISK_GET_DRIVE_GEOMETRY", "emu_reader", "", "24", "none", "STATUS_SUCCESS", "DISK_GEOMETRY", "§3.9: ANY access"},
    {"IOCTL_DISK_GET_LENGTH_INFO", "emu_reader", "", "8", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", "emu_reader", "", "32", "none", "STATUS_SUCCESS", "DISK_GEOMETRY_EX", "§3.9: ANY access"},
    {"IOCTL_DISK_CHECK_VERIFY", "emu_reader", "", "4", "read", "STATUS_SUCCESS", "MediaChangeCount", "§3.1"},
    {"IOCTL_SCSI_PASS_THROUGH", "emu_reader", "", "0", "readwrite", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_SCSI_PASS_THROUGH_DIRECT", "emu_reader", "", "0", "readwrite", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
    {"IOCTL_SCSI_GET_ADDRESS", "emu_reader", "", "8", "read", "STATUS_INVALID_DEVICE_REQUEST", "", "not modelled: forwarded"},
};
// clang-format on

TEST(CdctsIoctlEveryCode, S2_1_TheTableCoversEveryCatalogCode)
{
    std::set<std::string> covered;
    for (const Case& c : kCases) covered.insert(c.code);
    for (const ioctl::CodeInfo& info : ioctl::allCodes()) {
        if (!info.value) continue;  // CLOSE_DOOR: see NoValueIsAUsageError
        EXPECT_TRUE(covered.contains(std::string(info.name))) << info.name << " has no row in kCases";
    }
}

TEST(CdctsIoctlEveryCode, S2_1_EveryCodeGivesTheContractStatusAndDecodesItsReply)
{
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.code + " " + c.input + " on " + c.device + " (" + c.why + ")");
        std::vector<std::string> args{kCdcts, "ioctl", "--devices", kDevices, "--device", c.device, c.code,
                                      "--out-size", c.outSize, "--access", c.access, "--json"};
        if (!c.input.empty()) args.insert(args.end(), {"--in", c.input});
        const auto r = run(args);
        const std::string json = flat(r.out);
        EXPECT_EQ(r.exitCode, c.status == "STATUS_SUCCESS" ? 0 : 1) << r.out;
        EXPECT_NE(json.find(R"("status":{"name":")" + c.status + "\""), std::string::npos) << r.out;
        if (c.decoded.empty()) {
            EXPECT_NE(json.find(R"("decoded":null)"), std::string::npos) << r.out;
        } else {
            EXPECT_NE(json.find(R"("decoded":{"name":")" + c.decoded + "\""), std::string::npos) << r.out;
            // The emulated drives' replies are whole and every feature they report has a layout.
            EXPECT_EQ(json.find(R"("name":"note")"), std::string::npos) << r.out;
        }
    }
}

TEST(CdctsIoctlEveryCode, S3_2_NoValueIsAUsageError)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_CLOSE_DOOR"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find("IOCTL_STORAGE_LOAD_MEDIA"), std::string::npos) << r.out;
}

// Inputs made easier: --explain describes a code without a device, the output size defaults to the reply's
// structure (§2.3), and a status about the buffers is followed by what the code expects.
TEST(CdctsIoctlUsage, S3_17_ExplainNamesTheInputStructureAndItsSize)
{
    const auto r = run({kCdcts, "ioctl", "IOCTL_CDROM_READ_TOC_EX", "--explain"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("§3.17"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CDROM_READ_TOC_EX (4 bytes"), std::string::npos) << r.out;
}

TEST(CdctsIoctlUsage, S2_3_DefaultOutputSizeIsTheReplyStructure)
{
    const auto toc = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_READ_TOC", "--json"});
    EXPECT_EQ(toc.exitCode, 0) << toc.out;
    EXPECT_NE(flat(toc.out).find(R"("output_size":804)"), std::string::npos) << toc.out;  // sizeof(CDROM_TOC)
    const auto geometry = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", "--json"});
    EXPECT_NE(flat(geometry.out).find(R"("information":32)"), std::string::npos) << geometry.out;  // §3.9 Info 32
    const auto eject = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_STORAGE_EJECT_MEDIA", "--json"});
    EXPECT_NE(flat(eject.out).find(R"("output_size":0)"), std::string::npos) << eject.out;
    EXPECT_NE(flat(eject.out).find(R"("expects":{"input":"none","output":"none","default_out_size":0})"), std::string::npos)
        << eject.out;
    EXPECT_NE(flat(toc.out).find(R"("output":"CDROM_TOC","default_out_size":804)"), std::string::npos) << toc.out;
}

TEST(CdctsIoctlUsage, S3_17_LengthStatusShowsWhatTheCodeExpects)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_READ_TOC_EX"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_INFO_LENGTH_MISMATCH"), std::string::npos) << r.out;  // §3.17 row 1
    EXPECT_NE(r.out.find("expects:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CDROM_READ_TOC_EX (4 bytes"), std::string::npos) << r.out;
}

TEST(CdctsIoctlUsage, S3_3_ACodeWithoutOutputSaysSo)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_STORAGE_LOAD_MEDIA"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("decoded:     none (this code returns no data)"), std::string::npos) << r.out;
}

TEST(CdctsIoctlUsage, DeviceIsRequiredToSend)
{
    const auto r = run({kCdcts, "ioctl", "IOCTL_CDROM_READ_TOC"});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("--device"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cdcts
