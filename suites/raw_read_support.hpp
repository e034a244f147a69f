#pragma once
// Shared by the read suites (raw_read_suite.cpp, cooked_read_suite.cpp): page-aligned buffers, RAW_READ_INFO
// inputs, the disc's track layout from READ_TOC, what kind of sectors a track holds, and the drive's C2 / R-W
// capabilities (ioctl-contracts.md §3.18).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/device/device.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"

namespace cdcts::suites::reads {

namespace status = ioctl::status;
namespace codes = ioctl::codes;

constexpr std::size_t kPage = 4096;
constexpr std::size_t kCooked = ioctl::COOKED_SECTOR_SIZE;

// A caller's buffer that starts on a page boundary (plus `skew` bytes), filled with kUntouched.
class PageBuffer {
public:
    explicit PageBuffer(std::size_t size, std::size_t skew = 0) : size_(size), skew_(skew)
    {
        const std::size_t total = (size + skew + kPage - 1) / kPage * kPage + kPage;
        memory_.reset(static_cast<std::uint8_t*>(std::aligned_alloc(kPage, total)));
        std::memset(memory_.get(), kUntouched, total);
    }
    [[nodiscard]] std::span<std::uint8_t> span() { return {memory_.get() + skew_, size_}; }
    [[nodiscard]] std::span<const std::uint8_t> span() const { return {memory_.get() + skew_, size_}; }
    [[nodiscard]] std::size_t size() const { return size_; }

private:
    struct Free {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };
    std::unique_ptr<std::uint8_t, Free> memory_;
    std::size_t size_;
    std::size_t skew_;
};

inline std::vector<std::uint8_t> rawReadInfo(std::int64_t diskOffset, std::uint32_t sectors, std::int32_t trackMode)
{
    ioctl::RAW_READ_INFO info{};
    info.DiskOffset.QuadPart = diskOffset;
    info.SectorCount = sectors;
    info.TrackMode = static_cast<ioctl::TRACK_MODE_TYPE>(trackMode);
    std::vector<std::uint8_t> bytes(sizeof info);
    std::memcpy(bytes.data(), &info, sizeof info);
    return bytes;
}

inline std::int64_t offsetOf(std::int32_t lba) { return std::int64_t{lba} * std::int64_t{kCooked}; }

inline const char* trackModeName(std::int32_t mode)
{
    switch (mode) {
    case ioctl::YellowMode2: return "YellowMode2";
    case ioctl::XAForm2: return "XAForm2";
    case ioctl::CDDA: return "CDDA";
    case ioctl::RawWithC2AndSubCode: return "RawWithC2AndSubCode";
    case ioctl::RawWithC2: return "RawWithC2";
    case ioctl::RawWithSubCode: return "RawWithSubCode";
    default: return "Unknown";
    }
}
constexpr std::int32_t kTrackModes[] = {ioctl::YellowMode2, ioctl::XAForm2, ioctl::CDDA,
                                        ioctl::RawWithC2AndSubCode, ioctl::RawWithC2, ioctl::RawWithSubCode};

// --- The disc ------------------------------------------------------------------------------------------

struct Track {
    std::uint8_t number = 0;
    std::uint8_t control = 0;
    std::int32_t start = 0;  // INDEX 01, LBA
    std::int32_t end = 0;    // first LBA not safely of this track's type (next track's pregap or the lead-out)
    [[nodiscard]] bool audio() const { return (control & 0x04) == 0; }
    [[nodiscard]] std::int32_t length() const { return end - start; }
};

struct Layout {
    std::vector<Track> tracks;
    std::int32_t leadOut = 0;
};

// READ_TOC (MSF addresses) as tracks. Where the next track changes type, its 2-second pregap (Red Book) is
// left out of this track's readable span.
inline std::optional<Layout> readLayout(DeviceHandle& handle)
{
    std::vector<std::uint8_t> out(ioctl::MAXIMUM_CDROM_SIZE + 4, 0);
    const ControlResult r = handle.control(codes::CdromReadToc, {}, out);
    if (!r.status.isSuccess() || r.information < 4 + 2 * sizeof(ioctl::TRACK_DATA)) return std::nullopt;
    ioctl::CDROM_TOC toc{};
    std::memcpy(&toc, out.data(), std::min<std::size_t>(r.information, sizeof toc));
    const std::size_t descriptors = (r.information - 4) / sizeof(ioctl::TRACK_DATA);
    Layout layout;
    for (std::size_t i = 0; i < descriptors; ++i) {
        const ioctl::TRACK_DATA& t = toc.TrackData[i];
        const std::int32_t lba = mmc::msfToLba(mmc::Msf{t.Address[1], t.Address[2], t.Address[3]});
        if (i + 1 == descriptors) {
            layout.leadOut = lba;
            break;
        }
        layout.tracks.push_back(Track{t.TrackNumber, static_cast<std::uint8_t>(t.Control & 0x0F), lba, 0});
    }
    for (std::size_t i = 0; i < layout.tracks.size(); ++i) {
        Track& t = layout.tracks[i];
        if (i + 1 == layout.tracks.size()) {
            t.end = layout.leadOut;
        } else {
            const Track& next = layout.tracks[i + 1];
            t.end = next.audio() != t.audio() ? next.start - 150 : next.start;
        }
    }
    return layout;
}

// --- Capabilities (§3.18 H-stage) ----------------------------------------------------------------------

struct RawCapabilities {
    bool c2 = false;  // feature 001Eh byte 4 bit 1, or page 2Ah byte 5 bit 4 (C2 Pointers)
    bool rw = false;  // page 2Ah byte 5 bit 2 (R-W Supported)
    bool mmc = true;  // the drive answers GET CONFIGURATION; the driver probes C2 / R-W only then (S/init.c)
};

// Asks the drive itself through the pass-through (GET CONFIGURATION feature 001Eh, MODE SENSE(10) page 2Ah): the
// facts the driver probes at start. A drive that refuses GET CONFIGURATION is not MMC to the driver, which then
// never looks at page 2Ah ("only valid for MMC devices"), so it has neither capability as far as RAW_READ goes.
// nullopt when the device has no pass-through or the drive answers neither command.
inline std::optional<RawCapabilities> probeCapabilities(Device& device)
{
    mmc::MmcTarget* target = device.passThrough();
    if (target == nullptr) return std::nullopt;
    RawCapabilities caps;
    std::vector<std::uint8_t> config(8 + 4 + 8, 0);
    const auto get = mmc::cdb::getConfiguration(2, 0x001E, static_cast<std::uint16_t>(config.size()));
    const mmc::CommandResult g = target->execute(get, config, mmc::DataDirection::In, std::chrono::seconds(10));
    if (!g.good() || g.transferred < 8) {
        caps.mmc = false;
        return caps;
    }
    if (g.transferred >= 8 + 5 && loadBe16(&config[8]) == 0x001E && config[8 + 3] >= 4 && (config[8 + 4] & 0x02) != 0) caps.c2 = true;
    std::vector<std::uint8_t> page(8 + 32, 0);
    const auto sense = mmc::cdb::modeSense10(true, 0x2A, static_cast<std::uint16_t>(page.size()));
    const mmc::CommandResult m = target->execute(sense, page, mmc::DataDirection::In, std::chrono::seconds(10));
    if (m.good() && m.transferred >= 8 + 6) {
        const std::size_t at = 8 + loadBe16(&page[6]);
        if (at + 6 <= m.transferred && (page[at] & 0x3F) == 0x2A) {
            if ((page[at + 5] & 0x10) != 0) caps.c2 = true;
            caps.rw = (page[at + 5] & 0x04) != 0;
        }
    }
    return caps;
}

inline bool supports(const RawCapabilities& caps, std::int32_t mode)
{
    switch (mode) {
    case ioctl::RawWithC2AndSubCode: return caps.c2 && caps.rw;
    case ioctl::RawWithC2: return caps.c2;
    case ioctl::RawWithSubCode: return caps.rw;
    default: return true;
    }
}

inline std::string missingCapability(std::int32_t mode, const RawCapabilities& caps)
{
    if (!caps.mmc) return "MMC support (the drive refuses GET CONFIGURATION, so the driver never probes C2 / R-W)";
    switch (mode) {
    case ioctl::RawWithC2AndSubCode: return "C2 pointers and R-W sub-channel";
    case ioctl::RawWithC2: return "C2 pointers (page 2Ah byte 5 bit 4 / feature 001Eh C2 flag)";
    default: return "R-W sub-channel (page 2Ah byte 5 bit 2)";
    }
}

// --- Sector kinds --------------------------------------------------------------------------------------

enum class SectorKind { Audio, Mode1, Mode2Formless, Mode2Form1, Mode2Form2, Unknown };

inline const char* sectorKindName(SectorKind kind)
{
    switch (kind) {
    case SectorKind::Audio: return "audio";
    case SectorKind::Mode1: return "mode 1";
    case SectorKind::Mode2Formless: return "mode 2 formless";
    case SectorKind::Mode2Form1: return "mode 2 form 1";
    case SectorKind::Mode2Form2: return "mode 2 form 2";
    default: return "unknown";
    }
}

// Main-channel bytes READ CD returns for "sync, all headers, user data" (byte 9 = F0h, no EDC/ECC): MMC's table of
// returned bytes per data selection. YellowMode2 asks B0h (header only, no subheader): 2352 on a formless sector.
inline std::size_t mainChannelBytes(SectorKind kind, std::int32_t mode)
{
    switch (kind) {
    case SectorKind::Audio: return ioctl::RAW_SECTOR_SIZE;
    case SectorKind::Mode1: return 12 + 4 + 2048;
    case SectorKind::Mode2Formless: return 12 + 4 + 2336;
    case SectorKind::Mode2Form1: return mode == ioctl::YellowMode2 ? 12 + 4 + 2056 : 12 + 4 + 8 + 2048;
    case SectorKind::Mode2Form2: return mode == ioctl::YellowMode2 ? 12 + 4 + 2332 : 12 + 4 + 8 + 2324;
    default: return 0;
    }
}

inline std::size_t extraBytes(std::int32_t mode)
{
    switch (mode) {
    case ioctl::RawWithC2AndSubCode: return ioctl::CD_RAW_READ_C2_SIZE + ioctl::CD_RAW_READ_SUBCODE_SIZE;
    case ioctl::RawWithC2: return ioctl::CD_RAW_READ_C2_SIZE;
    case ioctl::RawWithSubCode: return ioctl::CD_RAW_READ_SUBCODE_SIZE;
    default: return 0;
    }
}

// The TrackMode that reads `kind` as the driver asks for it: CDDA for audio, YellowMode2 for formless, XAForm2 for
// form 2; mode 1 and form 1 only through an "any type" mode the drive supports.
inline std::optional<std::int32_t> modeFor(SectorKind kind, const std::optional<RawCapabilities>& caps)
{
    switch (kind) {
    case SectorKind::Audio: return ioctl::CDDA;
    case SectorKind::Mode2Formless: return ioctl::YellowMode2;
    case SectorKind::Mode2Form2: return ioctl::XAForm2;
    default: break;
    }
    if (!caps) return std::nullopt;
    if (caps->c2) return ioctl::RawWithC2;
    if (caps->rw) return ioctl::RawWithSubCode;
    return std::nullopt;
}

// What a data track's sector at `lba` is: one RAW_READ with an "any type" mode, the header's mode byte and, for
// mode 2, the main-channel length (a formless sector has no subheader) and the subheader's form bit.
inline SectorKind probeKindAt(DeviceHandle& handle, const Track& track, std::int32_t lba, const std::optional<RawCapabilities>& caps)
{
    if (track.audio()) return SectorKind::Audio;
    if (!caps || (!caps->c2 && !caps->rw)) return SectorKind::Unknown;
    const std::int32_t mode = caps->c2 ? ioctl::RawWithC2 : ioctl::RawWithSubCode;
    PageBuffer out(ioctl::rawSectorSize(mode));
    const ControlResult r = handle.control(codes::CdromRawRead, rawReadInfo(offsetOf(lba), 1, mode), out.span());
    if (!r.status.isSuccess() || r.information < extraBytes(mode) + 24) return SectorKind::Unknown;
    const std::span<const std::uint8_t> s = out.span();
    const std::size_t main = r.information - extraBytes(mode);
    if (s[15] == 1) return SectorKind::Mode1;
    if (s[15] != 2) return SectorKind::Unknown;
    if (main == 12 + 4 + 2336) return SectorKind::Mode2Formless;
    return (s[18] & 0x20) != 0 ? SectorKind::Mode2Form2 : SectorKind::Mode2Form1;
}

inline SectorKind probeKind(DeviceHandle& handle, const Track& track, const std::optional<RawCapabilities>& caps)
{
    return probeKindAt(handle, track, track.start, caps);
}

inline std::uint8_t bcd(std::uint8_t v) { return static_cast<std::uint8_t>((v / 10) << 4 | (v % 10)); }

// The cached PartitionLength as the driver reports it (GET_DRIVE_GEOMETRY_EX DiskSize, §3.9).
inline std::optional<std::int64_t> diskSize(DeviceHandle& handle)
{
    std::vector<std::uint8_t> out(64, 0);
    const ControlResult r = handle.control(codes::CdromGetDriveGeometryEx, {}, out);
    if (!r.status.isSuccess() || r.information < 32) return std::nullopt;
    ioctl::DISK_GEOMETRY_EX g{};
    std::memcpy(&g, out.data(), 32);
    return g.DiskSize.QuadPart;
}

}  // namespace cdcts::suites::reads
