// What a whole track holds, for the benchmarks that read runs of its sectors (suites/raw_read_support.hpp
// probeTrackKind, cookedReadable): an XA track whose forms alternate is neither ReadFile's nor XAForm2's, and the
// kinds of the other synthetic discs are as their layouts say (docs/emulator.md "Synthetic discs").
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "harness/inventory/loader.hpp"
#include "harness/inventory/open_device.hpp"
#include "suites/raw_read_support.hpp"

namespace cdcts {
namespace {
namespace reads = suites::reads;

reads::SectorKind firstTrackKind(const std::string& profile, const std::string& medium)
{
    const std::string yaml = "devices:\n  - id: probe\n    backend: emulated\n    emulated: {profile: " + profile +
                             ", medium: '" + medium + "'}\n";
    const inventory::Inventory inv = inventory::parseInventory(yaml, "devices.yaml", inventory::emulatorVocabulary());
    const std::unique_ptr<Device> device = inventory::openDevice(inv.devices.at(0));
    const std::unique_ptr<DeviceHandle> handle = device->open(HandleAccess::Read);
    const std::optional<reads::Layout> layout = reads::readLayout(*handle);
    if (!layout || layout->tracks.empty()) return reads::SectorKind::Unknown;
    return reads::probeTrackKind(*handle, layout->tracks.front(), reads::probeCapabilities(*device));
}

TEST(TrackKind, AnXaTrackOfAlternatingFormsIsMixedAndNotReadCooked)
{
    // synthetic:xa: form 1 at even LBAs, form 2 at odd ones. Its first sector alone says form 1.
    const reads::SectorKind kind = firstTrackKind("dvd_rom", "synthetic:xa");
    EXPECT_EQ(kind, reads::SectorKind::Mode2Mixed) << reads::sectorKindName(kind);
    EXPECT_FALSE(reads::cookedReadable(kind));
    EXPECT_EQ(reads::modeFor(kind, reads::RawCapabilities{true, false, true}), ioctl::RawWithC2)
        << "only an any-type TrackMode reads both forms";
}

TEST(TrackKind, AnXaDiscOnADriveThatCannotReportFormsIsUnclassifiedNotCooked)
{
    // legacy_cdrom answers no GET CONFIGURATION, so the driver never probes C2 / R-W and no RAW_READ tells a sector's
    // form; the full TOC's disc type (A0h PSEC 20h) still says the data is mode 2.
    const reads::SectorKind kind = firstTrackKind("legacy_cdrom", "synthetic:xa");
    EXPECT_EQ(kind, reads::SectorKind::Mode2Unclassified) << reads::sectorKindName(kind);
    EXPECT_FALSE(reads::cookedReadable(kind));
    EXPECT_EQ(firstTrackKind("legacy_cdrom", "synthetic:data"), reads::SectorKind::Unknown) << "a CD-ROM disc (type 00h) stays unknown";
}

TEST(TrackKind, OtherTracksKeepTheirFirstSectorsKind)
{
    EXPECT_EQ(firstTrackKind("dvd_rom", "synthetic:data"), reads::SectorKind::Mode1);
    EXPECT_EQ(firstTrackKind("dvd_rom", "synthetic:audio"), reads::SectorKind::Audio);
    EXPECT_TRUE(reads::cookedReadable(reads::SectorKind::Mode1));
    EXPECT_TRUE(reads::cookedReadable(reads::SectorKind::Mode2Form1));
    EXPECT_TRUE(reads::cookedReadable(reads::SectorKind::Unknown)) << "without C2 / R-W the driver's choice is all there is";
    EXPECT_FALSE(reads::cookedReadable(reads::SectorKind::Mode2Form2));
    EXPECT_FALSE(reads::cookedReadable(reads::SectorKind::Mode2Formless));
}

TEST(TrackKind, TheLastTrackOfASessionEndsAtItsLeadOut)
{
    // synthetic:multisession: two audio tracks in session 1, a mode-1 track in session 2. READ_TOC alone would run
    // track 2 on to track 3's start, across session 1's lead-out and session 2's lead-in.
    const std::string yaml = "devices:\n  - id: probe\n    backend: emulated\n    emulated: {profile: dvdrw_writer, medium: "
                             "'synthetic:multisession'}\n";
    const inventory::Inventory inv = inventory::parseInventory(yaml, "devices.yaml", inventory::emulatorVocabulary());
    const std::unique_ptr<Device> device = inventory::openDevice(inv.devices.at(0));
    const std::unique_ptr<DeviceHandle> handle = device->open(HandleAccess::Read);
    const std::optional<reads::Layout> layout = reads::readLayout(*handle);
    ASSERT_TRUE(layout);
    ASSERT_EQ(layout->tracks.size(), 3u);
    // Session 2 starts after session 1's lead-out (6750 sectors) and its own lead-in (4500) and pregap (150).
    EXPECT_EQ(layout->tracks[2].start - layout->tracks[1].end, 6750 + 4500 + 150);
    // Every sector of track 2's span reads.
    const reads::Track& t = layout->tracks[1];
    std::vector<std::uint8_t> out(ioctl::RAW_SECTOR_SIZE);
    const ControlResult r = handle->control(ioctl::codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(t.end - 1), 1, ioctl::CDDA), out);
    EXPECT_TRUE(r.status.isSuccess()) << ioctl::ntStatusName(r.status);
}

}  // namespace
}  // namespace cdcts
