#include "harness/emulator/profile.hpp"

#include <vector>

namespace cdcts::emulator {
namespace {
using std::chrono::milliseconds;
using std::chrono::seconds;

// Identities are our own invention (vendor "CDCTS"), so no report can mistake an emulated drive for a real one.
// Speeds and timings follow perf-anchors.md (§1.2 CAV rates, §1.4 access times, §1.5 spin-up).
std::vector<DriveProfile> buildProfiles()
{
    std::vector<DriveProfile> profiles;

    DriveProfile rom;
    rom.name = "dvd_rom";
    rom.description = "Read-only DVD-ROM drive on a SATA/AHCI port";
    rom.vendor = "CDCTS";
    rom.product = "VIRTUAL DVD-ROM";
    rom.revision = "1.00";
    rom.serialNumber = "CDCTS-R-0001";
    rom.dvdRead = true;
    rom.adapter = mmc::AdapterProperties{1, 128 * 1024, 33};
    rom.speeds = {RotationControl::Cav, 8467, {8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176}, {}, 0, {}, {}};
    rom.timings = {seconds(2), seconds(60), milliseconds(140), milliseconds(8), std::chrono::microseconds(50),
                   milliseconds(800), milliseconds(120), 4};
    rom.behaviours.streaming = true;
    rom.behaviours.getPerformance = true;
    profiles.push_back(rom);

    DriveProfile writer;
    writer.name = "dvdrw_writer";
    writer.description = "DVD±RW/CD-RW writer on a USB bridge, every feature";
    writer.vendor = "CDCTS";
    writer.product = "VIRTUAL DVD-RW";
    writer.revision = "2.10";
    writer.serialNumber = "CDCTS-W-0001";
    writer.writer = true;
    writer.dvdRead = true;
    writer.adapter = mmc::AdapterProperties{0, 64 * 1024, 17};
    writer.speeds = {RotationControl::Pcav, 8467, {8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176},
                     {8467, 7056, 4234, 2822, 1411}, 5645, {}, {}};
    writer.timings = {milliseconds(2500), seconds(60), milliseconds(160), milliseconds(10), std::chrono::microseconds(60),
                      milliseconds(900), milliseconds(150), 4};
    writer.behaviours.streaming = true;
    writer.behaviours.getPerformance = true;
    writer.behaviours.reserveRelease = true;
    profiles.push_back(writer);

    DriveProfile legacy;
    legacy.name = "legacy_cdrom";
    legacy.description = "24x CD-ROM reader of the MMC-2 era on parallel ATA";
    legacy.vendor = "CDCTS";
    legacy.product = "VIRTUAL CDROM 24";
    legacy.revision = "0.9A";
    legacy.serialNumber = "CDCTS-L-0001";
    legacy.adapter = mmc::AdapterProperties{1, 64 * 1024, 17};
    legacy.speeds = {RotationControl::Cav, 4234, {4234, 2822, 1411, 706, 353, 176}, {}, 0, {}, {}};
    legacy.timings = {milliseconds(3000), seconds(30), milliseconds(180), milliseconds(12), std::chrono::microseconds(120),
                      milliseconds(1000), milliseconds(200), 8};
    legacy.behaviours.c2 = C2Support::Pointers;
    legacy.behaviours.reserveRelease = true;
    legacy.behaviours.cdText = false;
    profiles.push_back(legacy);

    DriveProfile slim;
    slim.name = "slim_slot";
    slim.description = "Slim slot-loading laptop DVD±RW drive";
    slim.vendor = "CDCTS";
    slim.product = "VIRTUAL SLIM DVD";
    slim.revision = "3.02";
    slim.serialNumber = "CDCTS-S-0001";
    slim.writer = true;
    slim.dvdRead = true;
    slim.loading = LoadingMechanism::CaddySlot;
    slim.adapter = mmc::AdapterProperties{1, 128 * 1024, 33};
    slim.speeds = {RotationControl::Zclv, 4234, {4234, 2822, 1411, 706}, {4234, 2822}, 0, {0, 100000, 200000},
                   {2822, 3528, 4234}};
    slim.timings = {milliseconds(1800), seconds(20), milliseconds(200), milliseconds(12), std::chrono::microseconds(80),
                    milliseconds(0), milliseconds(150), 4};
    slim.behaviours.streaming = true;
    slim.behaviours.getPerformance = true;
    slim.behaviours.performanceCurrentSpeedOnly = true;
    slim.behaviours.audioCache = true;
    slim.behaviours.readOffsetSamples = 6;
    profiles.push_back(slim);
    return profiles;
}

const std::vector<DriveProfile>& profiles()
{
    static const std::vector<DriveProfile> all = buildProfiles();
    return all;
}

}  // namespace

std::span<const DriveProfile> driveProfiles() { return profiles(); }

const DriveProfile* findDriveProfile(std::string_view name)
{
    for (const auto& p : profiles())
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace cdcts::emulator
