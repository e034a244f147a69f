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
#include <map>
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
#include "harness/ioctl/structures/toc_ex.hpp"
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

// The descriptors of the full TOC (READ_TOC_EX format 2, MSF), empty when the drive or driver does not give it.
inline std::vector<ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK> fullTocDescriptors(DeviceHandle& handle)
{
    ioctl::CDROM_READ_TOC_EX in{};
    in.Format = ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC & 0xF;
    in.Msf = 1;
    in.SessionTrack = 1;
    std::vector<std::uint8_t> input(sizeof in);
    std::memcpy(input.data(), &in, sizeof in);
    std::vector<std::uint8_t> out(4096, 0);
    const ControlResult r = handle.control(codes::CdromReadTocEx, input, out);
    std::vector<ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK> blocks;
    if (!r.status.isSuccess()) return blocks;
    constexpr std::size_t kBlock = sizeof(ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK);
    for (std::size_t at = ioctl::CDROM_TOC_FULL_TOC_DATA::kDescriptorsOffset; at + kBlock <= r.information; at += kBlock) {
        ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK d{};
        std::memcpy(&d, out.data() + at, kBlock);
        blocks.push_back(d);
    }
    return blocks;
}

// READ_TOC's tracks run on to the next track, which on a multi-session disc lies beyond its session's lead-out and
// the next lead-in (some 11 400 sectors a drive refuses to read). The full TOC (READ_TOC_EX format 2) names each
// track's session and each session's lead-out (point A2h); a track that ends its session ends there.
inline void endAtSessionLeadOuts(DeviceHandle& handle, Layout& layout)
{
    std::map<std::uint8_t, std::uint8_t> sessionOfTrack;
    std::map<std::uint8_t, std::int32_t> leadOutOfSession;
    for (const ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK& d : fullTocDescriptors(handle)) {  // none: keep READ_TOC's spans
        if (d.Adr != 1) continue;
        if (d.Point >= 1 && d.Point <= 99) sessionOfTrack[d.Point] = d.SessionNumber;
        if (d.Point == 0xA2) leadOutOfSession[d.SessionNumber] = mmc::msfToLba(mmc::Msf{d.Msf[0], d.Msf[1], d.Msf[2]});
    }
    for (std::size_t i = 0; i + 1 < layout.tracks.size(); ++i) {
        Track& t = layout.tracks[i];
        const auto session = sessionOfTrack.find(t.number);
        const auto next = sessionOfTrack.find(layout.tracks[i + 1].number);
        if (session == sessionOfTrack.end() || next == sessionOfTrack.end() || session->second == next->second) continue;
        if (const auto leadOut = leadOutOfSession.find(session->second); leadOut != leadOutOfSession.end()) t.end = std::min(t.end, leadOut->second);
    }
}

// READ_TOC (MSF addresses) as tracks. Where the next track changes type, its 2-second pregap (Red Book) is
// left out of this track's readable span; the last track of a session ends at that session's lead-out.
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
    endAtSessionLeadOuts(handle, layout);
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

// Mode2Mixed: an XA track whose sectors alternate between form 1 and form 2 (CD-i, game discs with interleaved
// XA audio): neither ReadFile (form 1 only) nor RAW_READ XAForm2 (form 2 only) reads a run of them.
// Mode2Unclassified: a data sector of a CD-ROM XA or CD-i disc (full TOC disc type 20h / 10h) on a drive that
// cannot report a sector's form (no C2 / R-W support): form 1 reads cooked, form 2 does not, and nothing tells which.
enum class SectorKind { Audio, Mode1, Mode2Formless, Mode2Form1, Mode2Form2, Mode2Mixed, Mode2Unclassified, Unknown };

inline const char* sectorKindName(SectorKind kind)
{
    switch (kind) {
    case SectorKind::Audio: return "audio";
    case SectorKind::Mode1: return "mode 1";
    case SectorKind::Mode2Formless: return "mode 2 formless";
    case SectorKind::Mode2Form1: return "mode 2 form 1";
    case SectorKind::Mode2Form2: return "mode 2 form 2";
    case SectorKind::Mode2Mixed: return "mode 2, forms 1 and 2 interleaved";
    case SectorKind::Mode2Unclassified: return "mode 2 of a CD-ROM XA disc, its form not reported by the drive";
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

// Whether the disc's first session is CD-ROM XA or CD-i (full TOC, point A0h: the disc type in PSEC, 20h / 10h), so
// its data tracks are mode 2. False when the full TOC is not available.
inline bool modeTwoDisc(DeviceHandle& handle)
{
    for (const ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK& d : fullTocDescriptors(handle))
        if (d.Adr == 1 && d.Point == 0xA0) return d.Msf[1] == 0x10 || d.Msf[1] == 0x20;
    return false;
}

// What a data track's sector at `lba` is: one RAW_READ with an "any type" mode, the header's mode byte and, for
// mode 2, the main-channel length (a formless sector has no subheader) and the subheader's form bit.
inline SectorKind probeKindAt(DeviceHandle& handle, const Track& track, std::int32_t lba, const std::optional<RawCapabilities>& caps)
{
    if (track.audio()) return SectorKind::Audio;
    if (!caps || (!caps->c2 && !caps->rw)) return modeTwoDisc(handle) ? SectorKind::Mode2Unclassified : SectorKind::Unknown;
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

// What a whole track holds, for code that reads runs of its sectors (the benchmarks): probeKind's answer, except
// that an XA track is checked over its first sectors in one RAW_READ, and is Mode2Mixed when their forms differ.
// Interleaves repeat within a few sectors (XA audio every 4th to 32nd sector), so 16 sectors see them.
inline SectorKind probeTrackKind(DeviceHandle& handle, const Track& track, const std::optional<RawCapabilities>& caps)
{
    const SectorKind first = probeKind(handle, track, caps);
    if ((first != SectorKind::Mode2Form1 && first != SectorKind::Mode2Form2) || track.length() < 2) return first;
    const std::int32_t mode = caps->c2 ? ioctl::RawWithC2 : ioctl::RawWithSubCode;  // probeKind needed one of them
    const auto count = static_cast<std::uint32_t>(std::min<std::int32_t>(16, track.length()));
    PageBuffer out(count * ioctl::rawSectorSize(mode));
    const ControlResult r = handle.control(codes::CdromRawRead, rawReadInfo(offsetOf(track.start), count, mode), out.span());
    if (!r.status.isSuccess()) return first;
    // The reply packs each sector's sync, header, subheader and user data (its length set by its form), then C2 / R-W.
    const std::span<const std::uint8_t> s = out.span().first(r.information);
    for (std::size_t at = 0; at + 24 <= s.size();) {
        if (s[at + 15] != 2) return first;  // not the XA layout this parse assumes
        const bool form2 = (s[at + 18] & 0x20) != 0;
        if (form2 != (first == SectorKind::Mode2Form2)) return SectorKind::Mode2Mixed;
        at += mainChannelBytes(form2 ? SectorKind::Mode2Form2 : SectorKind::Mode2Form1, mode) + extraBytes(mode);
    }
    return first;
}

// Whether ReadFile (2048-byte user data per sector) reads a run of a track of this kind: mode 1, form 1, or data
// the probe could not classify (without C2 / R-W support the driver's own choice is all there is).
inline bool cookedReadable(SectorKind kind)
{
    return kind == SectorKind::Mode1 || kind == SectorKind::Mode2Form1 || kind == SectorKind::Unknown;
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
