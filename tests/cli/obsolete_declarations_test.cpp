// expect.obsolete_codes end to end: the ObsoleteCode suite asserts what devices.yaml declares, so a declaration
// that differs from what the device answers fails the run (issue #5 item 3), and one that matches passes.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/cli/temp_dir.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
using testing_support::run;
using testing_support::TempDir;

const std::string kCdcts = CDCTS_BINARY;

// One emulated reader with a data disc and the given obsolete_codes lines (indented under the key).
std::string inventoryDeclaring(const std::string& lines)
{
    return "devices:\n"
           "  - id: emu_declared\n"
           "    backend: emulated\n"
           "    emulated:\n"
           "      profile: dvd_rom\n"
           "      medium: synthetic:data\n"
           "    expect:\n"
           "      obsolete_codes:\n" +
           lines;
}

testing_support::ProcessResult runDeclaring(const std::string& lines, const std::string& filter)
{
    TempDir dir("obsolete");
    const auto file = dir / "devices.yaml";
    std::ofstream(file) << inventoryDeclaring(lines);
    return run({kCdcts, "run", "--devices", file.string(), "--filter", filter});
}

// The model forwards GET_CONTROL and the emulated port answers STATUS_INVALID_DEVICE_REQUEST (contracts Q6).
TEST(ObsoleteDeclarations, ARejectionWithTheStatusTheDeviceGivesPasses)
{
    const auto r = runDeclaring("        IOCTL_CDROM_GET_CONTROL: STATUS_INVALID_DEVICE_REQUEST\n", "ObsoleteCode.*CdromGetControl");
    EXPECT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("1 passed, 0 failed"), std::string::npos) << r.out;
}

TEST(ObsoleteDeclarations, ARejectionWithAnotherStatusFails)
{
    const auto r = runDeclaring("        IOCTL_CDROM_GET_CONTROL: STATUS_NOT_SUPPORTED\n", "ObsoleteCode.*CdromGetControl");
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("ObsoleteCode.AnswersAsDeclared/emu_declared_CdromGetControl"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("devices.yaml declares IOCTL_CDROM_GET_CONTROL: STATUS_NOT_SUPPORTED"), std::string::npos) << r.out;
}

TEST(ObsoleteDeclarations, SupportedForAForwardedCodeFails)
{
    const auto r = runDeclaring("        IOCTL_CDROM_UNLOAD_DRIVER: supported\n", "ObsoleteCode.*CdromUnloadDriver");
    EXPECT_EQ(r.exitCode, 1) << r.out;
}

TEST(ObsoleteDeclarations, ARejectionOfAnImplementedCodeFails)
{
    const auto r = runDeclaring("        IOCTL_CDROM_READ_TOC: STATUS_INVALID_DEVICE_REQUEST\n", "ObsoleteCode.*CdromReadToc");
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("STATUS_SUCCESS"), std::string::npos) << "the status the device gave: " << r.out;
}

TEST(ObsoleteDeclarations, AnUnknownCodeIsExitCodeTwoNamingTheLine)
{
    const auto r = runDeclaring("        IOCTL_CDROM_READ_TOC_EX: supported\n", "ObsoleteCode.*");
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.out.find("devices.yaml:9:9: devices[0].expect.obsolete_codes.IOCTL_CDROM_READ_TOC_EX: not an obsolete code"),
              std::string::npos)
        << r.out;
}

}  // namespace
}  // namespace cdcts
