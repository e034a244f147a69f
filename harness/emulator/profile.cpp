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

    DriveProfile reader;
    reader.name = "generic_reader";
    reader.description = "CD-ROM reader on a SATA/AHCI port";
    reader.vendor = "CDCTS";
    reader.product = "VIRTUAL CD-ROM";
    reader.revision = "1.00";
    reader.serialNumber = "CDCTS-R-0001";
    reader.adapter = mmc::AdapterProperties{1, 128 * 1024, 33};
    reader.speeds = {RotationControl::Cav, 8467, {8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176}, {}, 0, {}, {}};
    reader.timings = {seconds(2), seconds(60), milliseconds(140), milliseconds(8), std::chrono::microseconds(50),
                      milliseconds(800), milliseconds(120), 4};
    reader.behaviours.streaming = true;
    reader.behaviours.getPerformance = true;
    profiles.push_back(reader);

    DriveProfile writer;
    writer.name = "generic_writer";
    writer.description = "CD-RW writer on a USB bridge";
    writer.vendor = "CDCTS";
    writer.product = "VIRTUAL CD-RW";
    writer.revision = "2.10";
    writer.serialNumber = "CDCTS-W-0001";
    writer.writer = true;
    writer.adapter = mmc::AdapterProperties{0, 64 * 1024, 17};
    writer.speeds = {RotationControl::Pcav, 8467, {8467, 7056, 5645, 4234, 2822, 1411, 706, 353, 176},
                     {8467, 7056, 4234, 2822, 1411}, 5645, {}, {}};
    writer.timings = {milliseconds(2500), seconds(60), milliseconds(160), milliseconds(10), std::chrono::microseconds(60),
                      milliseconds(900), milliseconds(150), 4};
    writer.behaviours.streaming = true;
    writer.behaviours.getPerformance = true;
    writer.behaviours.reserveRelease = true;
    profiles.push_back(writer);
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
