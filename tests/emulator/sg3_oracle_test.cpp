// sg3_utils, written by others, decodes the emulated drive's INQUIRY and sense bytes: an oracle that does not
// share our reading of SPC. Needs the Debian package sg3-utils (.ci/install-deps installs it).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "drive_fixture.hpp"
#include "harness/core/hex.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts::emulator {
namespace {
namespace fs = std::filesystem;
using testing_support::DriveFixture;

// sg_inq takes its hex file as --inhex=, sg_decode_sense as --file=.
std::string decodeWith(const std::vector<std::string>& command, std::span<const std::uint8_t> bytes, const char* fileOption = "--inhex=")
{
    const fs::path file = fs::temp_directory_path() / ("cdcts-sg3-" + std::to_string(::getpid()) + ".hex");
    std::ofstream(file) << formatHex(bytes) << "\n";
    std::vector<std::string> args = command;
    args.push_back(fileOption + file.string());
    const auto r = cdcts::testing_support::run(args);
    fs::remove(file);
    EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.out;
    return r.out;
}

class Sg3Oracle : public DriveFixture {
protected:
    void SetUp() override
    {
        if (!fs::exists("/usr/bin/sg_inq"))
            FAIL() << "sg_inq not found: run .ci/install-deps (Debian package sg3-utils)";
    }
    std::vector<std::uint8_t> inquiry(std::uint8_t evpd, std::uint8_t page)
    {
        std::vector<std::uint8_t> data(255);
        const auto r = send({0x12, evpd, page, 0, 255, 0}, data);
        EXPECT_TRUE(r.good());
        data.resize(r.transferred);
        return data;
    }
};

TEST_F(Sg3Oracle, SgInqDecodesStandardInquiry)
{
    const std::string out = decodeWith({"/usr/bin/sg_inq"}, inquiry(0, 0));
    EXPECT_NE(out.find("PDT=5"), std::string::npos) << out;
    EXPECT_NE(out.find("RMB=1"), std::string::npos) << out;
    EXPECT_NE(out.find("Vendor identification: CDCTS"), std::string::npos) << out;
    EXPECT_NE(out.find("Product identification: VIRTUAL DVD-ROM"), std::string::npos) << out;
    EXPECT_NE(out.find("Product revision level: 1.00"), std::string::npos) << out;
}

TEST_F(Sg3Oracle, SgInqDecodesTheVpdPages)
{
    EXPECT_NE(decodeWith({"/usr/bin/sg_inq", "-p", "0x80"}, inquiry(1, 0x80)).find("Unit serial number: CDCTS-R-0001"), std::string::npos);
    const std::string ids = decodeWith({"/usr/bin/sg_inq", "-p", "0x83"}, inquiry(1, 0x83));
    EXPECT_NE(ids.find("T10 vendor identification"), std::string::npos) << ids;
    EXPECT_NE(ids.find("vendor id: CDCTS"), std::string::npos) << ids;
}

TEST_F(Sg3Oracle, SgDecodeSenseReadsOurSense)
{
    std::vector<std::uint8_t> data(804);
    const auto r = send({0x43, 0x00, 0x00, 0, 0, 0, 9, 0x03, 0x24, 0}, data);  // track 9 of an empty drive
    ASSERT_EQ(r.status, mmc::ScsiStatus::CheckCondition);
    const std::string out = decodeWith({"/usr/bin/sg_decode_sense"}, r.sense.view(), "--file=");
    EXPECT_NE(out.find("Unit Attention"), std::string::npos) << "the power-on reset comes first: " << out;
    std::vector<std::uint8_t> vpd(36);
    const auto bad = send({0x12, 0x01, 0xB0, 0, 36, 0}, vpd);
    const std::string invalid = decodeWith({"/usr/bin/sg_decode_sense"}, bad.sense.view(), "--file=");
    EXPECT_NE(invalid.find("Illegal Request"), std::string::npos) << invalid;
    EXPECT_NE(invalid.find("Invalid field in cdb"), std::string::npos) << invalid;
    EXPECT_NE(invalid.find("byte 2"), std::string::npos) << "the field pointer: " << invalid;
}

}  // namespace
}  // namespace cdcts::emulator
