// Drive profiles as data: the four models keep the figures the C++ tables had (adapter values are pinned by
// the class-driver tests too), and a broken profile file is refused with its file, line, column and key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "harness/emulator/embedded_profiles.hpp"
#include "harness/emulator/feature_catalog.hpp"
#include "harness/emulator/profile.hpp"

namespace cdcts::emulator {
namespace {
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(DriveProfiles, TheFourModelsLoadFromTheEmbeddedFiles)
{
    ASSERT_EQ(driveProfiles().size(), 4u);
    for (const char* name : {"dvd_rom", "dvdrw_writer", "legacy_cdrom", "slim_slot"}) EXPECT_NE(findDriveProfile(name), nullptr) << name;
    EXPECT_EQ(findDriveProfile("nonesuch"), nullptr);
}

TEST(DriveProfiles, DvdRomKeepsItsFigures)
{
    const DriveProfile& p = *findDriveProfile("dvd_rom");
    EXPECT_EQ(p.vendor, "CDCTS");
    EXPECT_EQ(p.product, "VIRTUAL DVD-ROM");
    EXPECT_EQ(p.revision, "1.00");
    EXPECT_EQ(p.serialNumber, "CDCTS-R-0001");
    EXPECT_EQ(p.adapter, (mmc::AdapterProperties{1, 128 * 1024, 33}));
    EXPECT_FALSE(p.writer);
    EXPECT_TRUE(p.dvdRead);
    EXPECT_EQ(p.loading, LoadingMechanism::Tray);
    EXPECT_EQ(p.speeds.rotation, RotationControl::Cav);
    EXPECT_EQ(p.speeds.maxReadKbps, 8467u);
    EXPECT_EQ(p.speeds.readSpeedsKbps, (std::vector<std::uint32_t>{8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176}));
    EXPECT_TRUE(p.speeds.writeSpeedsKbps.empty());
    EXPECT_EQ(p.timings.spinUp, seconds(2));
    EXPECT_EQ(p.timings.idleSpinDown, seconds(60));
    EXPECT_EQ(p.timings.fullStrokeSeek, milliseconds(140));
    EXPECT_EQ(p.timings.minimumSeek, milliseconds(8));
    EXPECT_EQ(p.timings.commandOverhead, std::chrono::microseconds(50));
    EXPECT_EQ(p.timings.trayTravel, milliseconds(800));
    EXPECT_EQ(p.timings.marginalRetry, milliseconds(120));
    EXPECT_EQ(p.timings.marginalRetries, 4);
    EXPECT_TRUE(p.behaviours.streaming);
    EXPECT_TRUE(p.behaviours.getPerformance);
    EXPECT_FALSE(p.behaviours.reserveRelease);
    EXPECT_TRUE(p.behaviours.getConfiguration);
    EXPECT_EQ(p.mediaProfiles, (std::vector<std::uint16_t>{0x0010, 0x0008}));
}

TEST(DriveProfiles, WriterKeepsItsFigures)
{
    const DriveProfile& p = *findDriveProfile("dvdrw_writer");
    EXPECT_EQ(p.product, "VIRTUAL DVD-RW");
    EXPECT_EQ(p.revision, "2.10");
    EXPECT_EQ(p.adapter, (mmc::AdapterProperties{0, 64 * 1024, 17}));
    EXPECT_TRUE(p.writer);
    EXPECT_TRUE(p.dvdRead);
    EXPECT_EQ(p.speeds.rotation, RotationControl::Pcav);
    EXPECT_EQ(p.speeds.writeSpeedsKbps, (std::vector<std::uint32_t>{8467, 7056, 4234, 2822, 1411}));
    EXPECT_EQ(p.speeds.pcavCapKbps, 5645u);
    EXPECT_EQ(p.timings.spinUp, milliseconds(2500));
    EXPECT_EQ(p.timings.commandOverhead, std::chrono::microseconds(60));
    EXPECT_TRUE(p.behaviours.reserveRelease);
    // Every write feature a DVD±RW/CD-RW writer has (MMC-6 §5.3).
    for (int code : {0x0021, 0x002A, 0x002B, 0x002D, 0x002E, 0x002F, 0x0107}) EXPECT_NE(p.feature(static_cast<std::uint16_t>(code)), nullptr) << code;
}

TEST(DriveProfiles, LegacyKeepsItsFigures)
{
    const DriveProfile& p = *findDriveProfile("legacy_cdrom");
    EXPECT_EQ(p.product, "VIRTUAL CDROM 24");
    EXPECT_EQ(p.revision, "0.9A");
    EXPECT_EQ(p.adapter, (mmc::AdapterProperties{1, 64 * 1024, 17}));
    EXPECT_FALSE(p.writer);
    EXPECT_FALSE(p.dvdRead);
    EXPECT_EQ(p.speeds.readSpeedsKbps, (std::vector<std::uint32_t>{4234, 2822, 1411, 706, 353, 176}));
    EXPECT_EQ(p.timings.idleSpinDown, seconds(30));
    EXPECT_EQ(p.timings.marginalRetries, 8);
    EXPECT_EQ(p.behaviours.c2, C2Support::Pointers);
    EXPECT_FALSE(p.behaviours.cdText);
    EXPECT_FALSE(p.behaviours.streaming);
    EXPECT_FALSE(p.behaviours.getPerformance);
    EXPECT_FALSE(p.behaviours.getConfiguration);
    EXPECT_EQ(p.mediaProfiles, (std::vector<std::uint16_t>{0x0008}));
}

TEST(DriveProfiles, SlimSlotKeepsItsFigures)
{
    const DriveProfile& p = *findDriveProfile("slim_slot");
    EXPECT_EQ(p.product, "VIRTUAL SLIM DVD");
    EXPECT_EQ(p.adapter, (mmc::AdapterProperties{1, 128 * 1024, 33}));
    EXPECT_TRUE(p.writer);
    EXPECT_EQ(p.loading, LoadingMechanism::CaddySlot);
    EXPECT_EQ(p.speeds.rotation, RotationControl::Zclv);
    EXPECT_EQ(p.speeds.zoneStartLbas, (std::vector<std::int32_t>{0, 100000, 200000}));
    EXPECT_EQ(p.speeds.zoneRatesKbps, (std::vector<std::uint32_t>{2822, 3528, 4234}));
    EXPECT_EQ(p.timings.trayTravel, milliseconds(0));
    EXPECT_EQ(p.behaviours.readOffsetSamples, 6);
    EXPECT_TRUE(p.behaviours.audioCache);
    EXPECT_TRUE(p.behaviours.performanceCurrentSpeedOnly);
    // Removable Medium byte 4: loading mechanism 000b (caddy/slot) in bits 7-5, Load (bit 4) clear: no tray to pull in.
    const FeatureDescriptor* removable = p.feature(feature::RemovableMedium);
    ASSERT_NE(removable, nullptr);
    EXPECT_EQ(removable->data.at(0) & 0xE0, 0x00);
    EXPECT_EQ(removable->data.at(0) & 0x10, 0x00);
}

// A valid profile to break one line at a time.
std::string validProfile()
{
    for (const auto& file : embeddedProfiles())
        if (file.file == "profiles/dvd_rom.yaml") return std::string(file.text);
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

int lineOf(const std::string& text, const std::string& needle)
{
    const auto at = text.find(needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string errorFor(const std::string& text)
{
    try {
        (void)parseDriveProfile(text, "profiles/broken.yaml");
    } catch (const ProfileError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(ProfileErrors, TheEmbeddedTextParsesAsIs) { EXPECT_EQ(parseDriveProfile(validProfile(), "x").name, "dvd_rom"); }

TEST(ProfileErrors, UnknownKeyNamesFileLineAndKey)
{
    const std::string text = replaced(validProfile(), "  max_read_kbps: 8467", "  max_read_kbps: 8467\n  top_speed: 9000");
    const int line = lineOf(text, "top_speed");
    EXPECT_EQ(errorFor(text).rfind("profiles/broken.yaml:" + std::to_string(line) + ":3: speeds.top_speed: unknown key", 0), 0u)
        << errorFor(text);
}

TEST(ProfileErrors, WrongTypeNamesTheKey)
{
    const std::string text = replaced(validProfile(), "  streaming: true", "  streaming: [true]");
    const int line = lineOf(text, "streaming: [true]");
    const std::string error = errorFor(text);
    EXPECT_EQ(error.rfind("profiles/broken.yaml:" + std::to_string(line) + ":14: behaviours.streaming: expected true or false", 0), 0u)
        << error;
}

TEST(ProfileErrors, MissingRequiredKeyNamesTheBlock)
{
    const std::string text = replaced(validProfile(), "  product: VIRTUAL DVD-ROM\n", "");
    const std::string error = errorFor(text);
    const int line = lineOf(text, "identity:");
    EXPECT_EQ(error.rfind("profiles/broken.yaml:" + std::to_string(line) + ":1: identity.product: missing required key", 0), 0u)
        << error;
}

TEST(ProfileErrors, BadValuesAreRefusedWithTheirPlace)
{
    struct Case {
        std::string from, to, key, detail;
    };
    const Case cases[] = {
        {"  max_read_kbps: 8467", "  max_read_kbps: 70000", "speeds.max_read_kbps", "out of range"},
        {"  full_stroke_seek: 140 ms", "  full_stroke_seek: 140 parsecs", "timings.full_stroke_seek", "expected a duration"},
        {"loading: tray", "loading: drawer", "loading", "unknown value 'drawer'"},
        {"media_profiles: [dvd_rom, cd_rom]", "media_profiles: [dvd_rom, cd_rom, hd_dvd]", "media_profiles[2]", "unknown media profile"},
        {"  vendor: CDCTS", "  vendor: CDCTS-EMULATED", "identity.vendor", "1 to 8 printable ASCII"},
        {"  read_kbps: [8467, 7056,", "  read_kbps: [7056, 8467,", "speeds.read_kbps", "fastest first"},
        {"    changeable: \"06 00", "    changeable: \"06 00 00", "mode_pages.cd_audio_control.changeable", "expected 14 bytes"},
        {"firmware_information: {version: 0, date: \"20230412093000\"}", "firmware_information: {version: 0, date: \"2023\"}",
         "features.firmware_information.date", "14 digits"},
        {"  cd_read: {version: 2, dap: true}", "  cd_read: {version: 2, dap: true, c2: true}", "features.cd_read.c2", "unknown key"},
    };
    for (const auto& c : cases) {
        const std::string text = replaced(validProfile(), c.from, c.to);
        const std::string error = errorFor(text);
        const std::regex shape("profiles/broken\\.yaml:([0-9]+):([0-9]+): ([^ ]+): (.*)");
        std::smatch m;
        ASSERT_TRUE(std::regex_match(error, m, shape)) << error;
        EXPECT_EQ(std::stoi(m[1]), lineOf(text, c.to)) << error;
        EXPECT_EQ(m[3].str(), c.key) << error;
        EXPECT_NE(m[4].str().find(c.detail), std::string::npos) << error;
    }
}

TEST(ProfileErrors, MalformedYamlAndMissingFileAreReported)
{
    EXPECT_NE(errorFor("name: [unclosed\n").find("profiles/broken.yaml:"), std::string::npos);
    EXPECT_NE(errorFor("name: [unclosed\n").find("malformed YAML"), std::string::npos);
    EXPECT_THROW((void)loadDriveProfile("/nonexistent/profile.yaml"), ProfileError);
}

TEST(ProfileErrors, LoadDriveProfileReadsAFileByPath)
{
    const auto path = std::filesystem::temp_directory_path() / ("cdcts-profile-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path) << replaced(validProfile(), "name: dvd_rom", "name: my_drive");
    EXPECT_EQ(loadDriveProfile(path.string()).name, "my_drive");
    std::ofstream(path) << replaced(validProfile(), "  spin_up: 2 s", "  spin_up: soon");
    try {
        (void)loadDriveProfile(path.string());
        ADD_FAILURE() << "accepted";
    } catch (const ProfileError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path.string() + ":", 0), 0u) << e.what();
    }
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace cdcts::emulator
