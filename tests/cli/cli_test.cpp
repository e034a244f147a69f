// The `cdcts` command end to end, against the emulated drives of the repository's devices.yaml.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
namespace fs = std::filesystem;
using testing_support::run;

const std::string kCdcts = CDCTS_BINARY;
const std::string kDevices = std::string(CDCTS_SOURCE_DIR) + "/devices.yaml";

class TempDir {
public:
    TempDir() : path_(fs::temp_directory_path() / ("cdcts-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++)))
    {
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

const pugi::xml_node findSuite(const pugi::xml_document& doc, const std::string& name)
{
    return doc.child("testsuites").find_child_by_attribute("testsuite", "name", name.c_str());
}

TEST(CdctsRun, PassesOverTheDefaultDevicesAndWritesJunit)
{
    TempDir dir;
    const auto junit = dir / "junit.xml";
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--junit", junit.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"((^|\n)[1-9][0-9]* passed, 0 failed, [0-9]+ skipped\n)"))) << r.out;

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str())) << "the JUnit file must parse";
    const auto root = doc.child("testsuites");
    ASSERT_TRUE(root);
    EXPECT_EQ(root.attribute("failures").as_int(-1), 0);
    std::set<std::string> classnames;
    for (const auto* id : {"emu_reader", "emu_writer", "emu_empty"}) {
        const auto suite = findSuite(doc, std::string("ReadToc.") + id);
        ASSERT_TRUE(suite) << "no testsuite for " << id;
        EXPECT_STRNE(suite.attribute("hostname").as_string(), "");
        const auto vendor = suite.child("properties").find_child_by_attribute("property", "name", "device.vendor");
        EXPECT_STREQ(vendor.attribute("value").as_string(), "CDCTS") << id;
        for (const auto tc : suite.children("testcase")) classnames.insert(tc.attribute("classname").as_string());
    }
    EXPECT_EQ(classnames.size(), 3u) << "each device's tests carry their own classname";
    // The empty drive cannot run the with-disc checks: NotSupported, never a pass.
    const auto empty = findSuite(doc, "ReadToc.emu_empty");
    for (const auto tc : empty.children("testcase")) {
        const auto skipped = tc.child("skipped");
        ASSERT_TRUE(skipped) << tc.attribute("name").as_string();
        EXPECT_EQ(std::string(skipped.attribute("message").as_string()).rfind("NotSupported: ", 0), 0u);
    }
    const auto noMedium = findSuite(doc, "ReadTocNoMedium.emu_empty");
    ASSERT_TRUE(noMedium);
    EXPECT_FALSE(noMedium.child("testcase").child("skipped"));
}

TEST(CdctsRun, SelectsDevicesAndFilters)
{
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--device", "emu_writer", "--filter", "ReadTocShortBuffer.*"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("ReadTocShortBuffer.FailsWithBufferTooSmallAndWritesNothing/emu_writer_length_803"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("emu_reader_length"), std::string::npos) << "only the selected device runs";
    EXPECT_NE(r.out.find("5 passed, 0 failed, 0 skipped"), std::string::npos) << r.out;
}

TEST(CdctsRun, ListsWithoutRunning)
{
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--list"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("ReturnsAWellFormedTableOfContents/emu_reader"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("[ RUN"), std::string::npos) << "nothing runs";
}

TEST(CdctsRun, BadInventoryIsExitCodeTwoNamingFileAndLine)
{
    TempDir dir;
    const auto bad = dir / "bad.yaml";
    std::ofstream(bad) << "devices:\n  - id: emu\n    backend: floppy\n";
    const auto r = run({kCdcts, "run", "--devices", bad.string()});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("bad.yaml:3:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("backend"), std::string::npos) << r.out;
}

TEST(CdctsRun, UnknownDeviceIsExitCodeTwo)
{
    const auto r = run({kCdcts, "run", "--devices", kDevices, "--device", "nope"});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("emu_reader"), std::string::npos) << "the message lists the known ids: " << r.out;
}

TEST(CdctsRun, UnknownOptionIsExitCodeTwo)
{
    EXPECT_EQ(run({kCdcts, "run", "--colour"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts}).exitCode, 2);
}

TEST(CdctsRun, JunitStaysValidWhenKilledMidRun)
{
    TempDir dir;
    const auto junit = dir / "junit.xml";
    testing_support::Process p({kCdcts, "run", "--devices", kDevices, "--junit", junit.string(), "--", "--gtest_repeat=-1"},
                               dir / "out.txt");
    // Wait until some tests have been recorded, then kill without warning.
    for (int i = 0; i < 500; ++i) {
        std::ifstream in(junit);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.find("<testcase") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    p.kill(SIGKILL);
    const auto r = p.wait();
    EXPECT_EQ(r.signal, SIGKILL);
    pugi::xml_document doc;
    const auto parsed = doc.load_file(junit.c_str());
    ASSERT_TRUE(parsed) << parsed.description();
    EXPECT_TRUE(doc.child("testsuites").child("testsuite").child("testcase"));
    // The counts agree with the cases at every moment, and at most the one test in flight is a Crash.
    int testcases = 0;
    int crashes = 0;
    for (const auto suite : doc.child("testsuites").children("testsuite"))
        for (const auto tc : suite.children("testcase")) {
            ++testcases;
            if (std::string(tc.child("error").attribute("type").as_string()) == "Crash") ++crashes;
        }
    EXPECT_EQ(doc.child("testsuites").attribute("tests").as_int(), testcases);
    EXPECT_LE(crashes, 1);
}

TEST(CdctsIoctl, ReadTocAsJson)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_READ_TOC", "--out-size", "804", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    const std::string flat = std::regex_replace(r.out, std::regex(R"(\s+)"), "");
    EXPECT_NE(flat.find(R"("status":{"name":"STATUS_SUCCESS","value":"0x00000000")"), std::string::npos) << r.out;
    // One data track and the lead-out: 4 + 2 * 8 bytes.
    EXPECT_NE(flat.find(R"("information":20)"), std::string::npos) << r.out;
    EXPECT_NE(flat.find("CDROM_TOC"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, GetConfigurationTakesItsInputAndDecodesTheHeader)
{
    // GET_CONFIGURATION_IOCTL_INPUT (24 bytes): Feature 0, RequestType 1 (current), Reserved zero (§3.8).
    const std::string input = "00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_CONFIGURATION",
                        "--in", input, "--out-size", "8", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    const std::string flat = std::regex_replace(r.out, std::regex(R"(\s+)"), "");
    EXPECT_NE(flat.find(R"("status":{"name":"STATUS_SUCCESS")"), std::string::npos) << r.out;
    EXPECT_NE(flat.find(R"("information":8)"), std::string::npos) << "truncated to the header, still success" << r.out;
    EXPECT_NE(flat.find("GET_CONFIGURATION_HEADER"), std::string::npos) << r.out;
    EXPECT_NE(flat.find("CurrentProfile"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, GetConfigurationWithoutInputIsInfoLengthMismatch)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_CONFIGURATION", "--out-size", "8"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_INFO_LENGTH_MISMATCH 0xC0000004"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, GetInquiryDataShortBufferIsBufferOverflowWithTheBytes)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_INQUIRY_DATA", "--out-size", "36"});
    EXPECT_EQ(r.exitCode, 1) << "a warning is not success" << r.out;
    EXPECT_NE(r.out.find("STATUS_BUFFER_OVERFLOW 0x80000005"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("INQUIRYDATA"), std::string::npos) << "the partial copy is decoded" << r.out;
    EXPECT_NE(r.out.find("CDCTS"), std::string::npos) << r.out;
}

// The TOC, raw-read and Q-channel codes through the model and their decoders (ioctl-contracts.md §3.16-§3.19).
TEST(CdctsIoctl, S3_16_GetLastSessionDecodesTheSessionData)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_GET_LAST_SESSION", "--out-size", "12", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    const std::string flat = std::regex_replace(r.out, std::regex(R"(\s+)"), "");
    EXPECT_NE(flat.find(R"("information":12)"), std::string::npos) << r.out;
    EXPECT_NE(flat.find("CDROM_TOC_SESSION_DATA"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, S3_17_ReadTocExFullTocDecodesItsDescriptors)
{
    // CDROM_READ_TOC_EX: Format 2 (full TOC), SessionTrack 1.
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_writer", "IOCTL_CDROM_READ_TOC_EX", "--in", "02010000", "--out-size", "512"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("STATUS_SUCCESS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CDROM_TOC_FULL_TOC_DATA"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0xA0 (first track, disc type)"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, S3_17_ReadTocExRefusesSessionTrackForTheSessionFormat)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_READ_TOC_EX", "--in", "01010000", "--out-size", "12"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_INVALID_PARAMETER"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, S3_18_RawReadOfOneAudioSector)
{
    // RAW_READ_INFO: DiskOffset 11400 x 2048 (track 2 of the mixed disc), 1 sector, TrackMode 2 (CDDA); little-endian.
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_writer", "IOCTL_CDROM_RAW_READ", "--in",
                        "0040640100000000" "01000000" "02000000", "--out-size", "2352", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    const std::string flat = std::regex_replace(r.out, std::regex(R"(\s+)"), "");
    EXPECT_NE(flat.find(R"("information":2352)"), std::string::npos) << r.out;
    EXPECT_NE(flat.find("RAW_READ"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, S3_19_ReadQChannelDecodesTheCurrentPosition)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_READ_Q_CHANNEL", "--in", "0100", "--out-size", "16"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("SUB_Q_CURRENT_POSITION"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, ShortBufferGivesTheContractStatus)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "0x00024000", "--out-size", "2"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_BUFFER_TOO_SMALL 0xC0000023"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, ExclusiveAccessQueryIsDecodedOnAReadWriteHandle)
{
    // §3.5: query = RequestType 0 in an 8-byte CDROM_EXCLUSIVE_ACCESS; 65 bytes back, not locked.
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_EXCLUSIVE_ACCESS", "--access",
                        "readwrite", "--in", "00000000 00000000", "--out-size", "65"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("information: 65"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CDROM_EXCLUSIVE_LOCK_STATE"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("LockState: 0 (not locked)"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, ExclusiveAccessNeedsAReadWriteHandle)
{
    const auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_EXCLUSIVE_ACCESS", "--in",
                        "00000000 00000000", "--out-size", "65"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_ACCESS_DENIED"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, MediaRemovalAndEjectReachTheModel)
{
    // §3.11: PREVENT_MEDIA_REMOVAL is one byte; without it the V-stage answers INFO_LENGTH_MISMATCH.
    auto r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_STORAGE_MEDIA_REMOVAL", "--in", "01"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("STATUS_SUCCESS"), std::string::npos) << r.out;
    r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_MEDIA_REMOVAL"});
    EXPECT_NE(r.out.find("STATUS_INFO_LENGTH_MISMATCH"), std::string::npos) << r.out;
    // §3.3: the eject answers STATUS_SUCCESS with Information 0.
    r = run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_STORAGE_EJECT_MEDIA"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("information: 0"), std::string::npos) << r.out;
}

TEST(CdctsIoctl, BadArgumentsAreExitCodeTwo)
{
    EXPECT_EQ(run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_NO_SUCH"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "IOCTL_CDROM_CLOSE_DOOR"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts, "ioctl", "--devices", kDevices, "--device", "emu_reader", "READ_TOC", "--in", "0g"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts, "ioctl", "--devices", kDevices, "--device", "nope", "READ_TOC"}).exitCode, 2);
}

TEST(CdctsMmc, SendsACdbAndShowsTheData)
{
    // READ TOC, MSF, 12 bytes: the header and track 1 of the synthetic data disc (00:02:00, data track).
    const auto r = run({kCdcts, "mmc", "--devices", kDevices, "--device", "emu_reader", "--cdb", "43 02 00 00 00 00 00 00 0c 00",
                        "--data-in", "12"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("transferred: 12, residual 0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("00 12 01 01 00 14 01 00 00 00 02 00"), std::string::npos) << r.out;
}

TEST(CdctsMmc, DecodesSenseAsJson)
{
    const auto r = run({kCdcts, "mmc", "--devices", kDevices, "--device", "emu_empty", "--cdb", "00 00 00 00 00 00", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    const std::string flat = std::regex_replace(r.out, std::regex(R"(\s+)"), "");
    EXPECT_NE(flat.find(R"("status":"CHECKCONDITION")"), std::string::npos) << r.out;
    EXPECT_NE(flat.find(R"("key":2,"asc":58,"ascq":1)"), std::string::npos) << r.out;
}

TEST(CdctsMmc, RejectsBadCdbs)
{
    EXPECT_EQ(run({kCdcts, "mmc", "--devices", kDevices, "--device", "emu_reader", "--cdb", "00 00 00"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts, "mmc", "--devices", kDevices, "--device", "emu_reader", "--cdb", "zz"}).exitCode, 2);
    EXPECT_EQ(run({kCdcts, "mmc", "--devices", kDevices, "--device", "emu_reader", "--cdb", "00 00 00 00 00 00", "--data-in", "4",
                   "--data-out", "00"}).exitCode, 2);
}

TEST(CdctsDevices, ListsTheInventory)
{
    const auto r = run({kCdcts, "devices", "list", "--devices", kDevices, "--probe"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("emu_reader"), std::string::npos);
    EXPECT_NE(r.out.find("inquiry: CDCTS | VIRTUAL DVD-ROM | 1.00"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cdcts
