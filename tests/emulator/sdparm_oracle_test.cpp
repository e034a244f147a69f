// sdparm (Debian package sdparm), written by others, decodes the emulated drive's MODE SENSE(10) replies: an
// oracle for the header, the page lengths and the field positions of pages 01h, 1Ah and 2Ah.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "harness/core/hex.hpp"
#include "model_drive.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;
using testing_support::ModelDriveFixture;

class SdparmOracle : public ModelDriveFixture {
protected:
    void SetUp() override
    {
        if (!fs::exists("/usr/bin/sdparm")) FAIL() << "sdparm not found: install the Debian package sdparm";
    }
    // sdparm --inhex decodes a MODE SENSE(10) response; --pdt=5 picks the MMC pages, --all every page in it.
    std::string decode(std::uint8_t page)
    {
        settle();
        const auto reply = dataOf({0x5A, 0x08, page, 0, 0, 0, 0, 0x02, 0x00, 0});
        const fs::path file = fs::temp_directory_path() / ("cdcts-sdparm-" + std::to_string(::getpid()) + ".hex");
        std::ofstream(file) << formatHex(reply) << "\n";
        const auto r = cdcts::testing_support::run({"/usr/bin/sdparm", "--inhex=" + file.string(), "--pdt=5", "--all"});
        fs::remove(file);
        EXPECT_EQ(r.exitCode, 0) << r.out;
        return r.out;
    }
};

// "  NAME   value" as sdparm lists a field.
::testing::AssertionResult field(const std::string& out, const std::string& name, const std::string& value)
{
    if (std::regex_search(out, std::regex("\\n  " + name + " +" + value + "\\b"))) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << name << " is not " << value << " in:\n" << out;
}

TEST_F(SdparmOracle, WriterCapabilitiesPage)
{
    useModel("dvdrw_writer");
    const std::string out = decode(0x2A);
    EXPECT_NE(out.find("capabilities and mechanical status"), std::string::npos) << out;
    EXPECT_TRUE(field(out, "CD_R_W", "1"));
    EXPECT_TRUE(field(out, "CD_RW_W", "1"));
    EXPECT_TRUE(field(out, "D_R_W", "1"));
    EXPECT_TRUE(field(out, "D_ROM_R", "1"));
    EXPECT_TRUE(field(out, "BUF", "1"));
    EXPECT_TRUE(field(out, "LMT", "1")) << "tray";
    EXPECT_TRUE(field(out, "C2PS", "1"));
    EXPECT_TRUE(field(out, "MRSS", "8467"));
    EXPECT_TRUE(field(out, "BSS", "2048"));
    EXPECT_TRUE(field(out, "CWSS", "8467"));
}

TEST_F(SdparmOracle, ReaderCapabilitiesPage)
{
    const std::string out = decode(0x2A);  // dvd_rom
    EXPECT_TRUE(field(out, "D_ROM_R", "1"));
    EXPECT_TRUE(field(out, "CD_R_W", "0"));
    EXPECT_TRUE(field(out, "D_R_W", "0"));
    EXPECT_TRUE(field(out, "LOCK", "1"));
    EXPECT_TRUE(field(out, "LS", "0"));
}

TEST_F(SdparmOracle, SlotLoaderAndItsSpeeds)
{
    useModel("slim_slot");
    const std::string out = decode(0x2A);
    EXPECT_TRUE(field(out, "LMT", "0")) << "caddy/slot";
    EXPECT_TRUE(field(out, "MRSS", "4234"));
    EXPECT_TRUE(field(out, "BSS", "1024"));
}

TEST_F(SdparmOracle, AllPagesDecodeWithTheirFields)
{
    useModel("dvdrw_writer");
    const std::string out = decode(0x3F);
    EXPECT_NE(out.find("Read write error recovery mode page"), std::string::npos) << out;
    EXPECT_TRUE(field(out, "RRC", "4")) << "read retry count";
    EXPECT_TRUE(field(out, "WRC", "8")) << "write retry count";
    EXPECT_NE(out.find("Power condition mode page"), std::string::npos) << out;
    EXPECT_TRUE(field(out, "STANDBY_Z", "1"));
    EXPECT_TRUE(field(out, "SZCT", "600")) << "standby after 60 s, in 100 ms units";
    EXPECT_TRUE(field(out, "CWSS", "8467")) << "the last page is reached: every page length adds up";
}

}  // namespace
}  // namespace cdcts::emulator
