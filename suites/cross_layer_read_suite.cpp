// Cross-layer oracle, reads: RAW_READ in every TrackMode against READ CD with the expected sector type, field
// selection and sub-channel selection of the contract's table (§3.18), and the cooked read path (ReadFile) against
// READ(10), or READ(12) with the Streaming bit on a handle that enabled streaming reads (§3.4). Both read into the
// caller's buffer unchanged, so every byte must agree; where the drive refuses a sector (the wrong expected type,
// an audio sector in a cooked read) the request must fail with the §8 status.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "harness/ioctl/structures/speed.hpp"
#include "suites/cross_layer.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::crosslayer {
namespace {

using fixtures::Requirement;

constexpr const char* kReadCd = "READ CD";
constexpr std::uint32_t kRawSectors = 2;     // per track: a read that crosses a sector boundary
constexpr std::uint32_t kCookedSectors = 8;  // per read position

// READ CD bytes 1, 9 and 10 for each TrackMode (§3.18 table): expected sector type (before the shift), the field
// selection (sync, header code, user data, EDC/ECC, C2 code) and the sub-channel selection.
struct ReadCdSelection {
    std::int32_t trackMode;
    std::uint8_t expectedSectorType;
    std::uint8_t fields;
    std::uint8_t subChannel;
};
constexpr ReadCdSelection kSelections[] = {
    {ioctl::YellowMode2, 3, 0xB0, 0x00},        {ioctl::XAForm2, 5, 0xF0, 0x00},
    {ioctl::CDDA, 1, 0xF0, 0x00},               {ioctl::RawWithC2AndSubCode, 0, 0xF4, 0x01},
    {ioctl::RawWithC2, 0, 0xF4, 0x00},          {ioctl::RawWithSubCode, 0, 0xF0, 0x01}};

const ReadCdSelection& selectionFor(std::int32_t mode)
{
    return *std::find_if(std::begin(kSelections), std::end(kSelections), [&](const ReadCdSelection& s) { return s.trackMode == mode; });
}

std::vector<Variant> trackModeVariants()
{
    std::vector<Variant> v;
    for (std::int32_t mode : reads::kTrackModes) v.push_back({reads::trackModeName(mode), mode, 0, 0});
    return v;
}

// One RAW_READ of `sectors` at `lba` and the READ CD it becomes; the per-sector parts compared one by one so a
// difference names the sector and whether it is in the main channel, the C2 bits or the sub-channel.
void compareRawRead(CrossLayer& t, std::int32_t mode, std::int32_t lba, std::uint32_t sectors)
{
    const ReadCdSelection& s = selectionFor(mode);
    const std::size_t length = sectors * ioctl::rawSectorSize(mode);
    reads::PageBuffer out(length);
    const ControlResult r = t.control(codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), sectors, mode), out.span());
    const auto cdb = mmc::cdb::readCd(s.expectedSectorType, static_cast<std::uint32_t>(lba), sectors, s.fields, s.subChannel);
    const RawReply raw = ask(t.target(), cdb, length);
    SCOPED_TRACE("IOCTL_CDROM_RAW_READ " + std::string(reads::trackModeName(mode)) + " at LBA " + std::to_string(lba) +
                 " vs READ CD (drive: " + raw.describe() + ")");
    if (!expectSameOutcome("IOCTL_CDROM_RAW_READ", r, kReadCd, raw)) return;
    expectSameValue("Information (bytes returned) vs bytes the drive transferred", r.information, raw.bytes().size(), kReadCd);
    const std::size_t n = std::min<std::size_t>(r.information, raw.bytes().size());
    const std::size_t stride = n / sectors;  // the drive decides how many main-channel bytes a sector type has
    const std::size_t extra = reads::extraBytes(mode);
    for (std::uint32_t i = 0; i < sectors && stride > extra; ++i) {
        const std::size_t at = i * stride;
        const std::size_t main = stride - extra;
        const std::string sector = "sector " + std::to_string(lba + static_cast<std::int32_t>(i)) + " ";
        const auto a = out.span().subspan(at, stride);
        const auto b = raw.bytes().subspan(at, stride);
        expectSameBytes(sector + "main channel", a.first(main), b.first(main), kReadCd);
        std::size_t next = main;
        if (s.fields & 0x06) {
            expectSameBytes(sector + "C2 error bits and block error byte", a.subspan(next, ioctl::CD_RAW_READ_C2_SIZE),
                            b.subspan(next, ioctl::CD_RAW_READ_C2_SIZE), kReadCd);
            next += ioctl::CD_RAW_READ_C2_SIZE;
        }
        if (s.subChannel != 0)
            expectSameBytes(sector + "raw P-W sub-channel", a.subspan(next, ioctl::CD_RAW_READ_SUBCODE_SIZE),
                            b.subspan(next, ioctl::CD_RAW_READ_SUBCODE_SIZE), kReadCd);
    }
}

// Two sectors at the start and two at the end of every track, in the variant's TrackMode: a mode that does not fit the track's
// sectors is refused by the drive, and the IOCTL must then fail the way §8 maps that refusal.
const bool rawRead = registerCheck(
    "RawReadMatchesReadCd", {Requirement::MediumPresent}, trackModeVariants(),
    [](CrossLayer& t, const Variant& v) {
        const auto caps = reads::probeCapabilities(t.device());
        ASSERT_TRUE(caps) << "the pass-through answers neither GET CONFIGURATION nor MODE SENSE";
        if (!reads::supports(*caps, v.a)) GTEST_SKIP() << "NotSupported: " << reads::missingCapability(v.a, *caps);
        const auto layout = reads::readLayout(t.handle());
        ASSERT_TRUE(layout) << "READ_TOC fails on a disc the device declares present";
        for (const reads::Track& track : layout->tracks) {
            if (track.length() < static_cast<std::int32_t>(kRawSectors)) continue;
            compareRawRead(t, v.a, track.start, kRawSectors);
            compareRawRead(t, v.a, track.end - static_cast<std::int32_t>(kRawSectors), kRawSectors);
        }
    },
    __FILE__, __LINE__);

// --- Cooked reads (IRP_MJ_READ) ------------------------------------------------------------------------------------

constexpr std::size_t kCooked = ioctl::COOKED_SECTOR_SIZE;

// Returns false where it compared nothing: a streaming read of sectors the drive refuses is not sent (below).
bool compareCookedRead(CrossLayer& t, std::int32_t lba, bool streaming)
{
    // A refused streaming READ(12) makes the driver latch "no streaming" for the whole device (§7.2, §8.5), a change
    // no test may leave behind; so a streaming read goes only where the drive reads the sectors cooked (asked with a
    // plain READ(10) through the pass-through, which changes nothing).
    if (streaming && !ask(t.target(), mmc::cdb::read10(static_cast<std::uint32_t>(lba), kCookedSectors), kCookedSectors * kCooked).good())
        return false;
    std::vector<std::uint8_t> out(kCookedSectors * kCooked, 0xCD);
    const ControlResult r = t.read(reads::offsetOf(lba), out);
    const char* command = streaming ? "READ(12)" : "READ(10)";
    const RawReply raw = streaming ? ask(t.target(), mmc::cdb::read12(static_cast<std::uint32_t>(lba), kCookedSectors, true), out.size())
                                   : ask(t.target(), mmc::cdb::read10(static_cast<std::uint32_t>(lba), kCookedSectors), out.size());
    SCOPED_TRACE("ReadFile at LBA " + std::to_string(lba) + " vs " + command + " (drive: " + raw.describe() + ")");
    if (!expectSameOutcome("ReadFile", r, command, raw)) return true;
    expectSameValue("Information (bytes read) vs bytes the drive transferred", r.information, raw.bytes().size(), command);
    for (std::uint32_t i = 0; i < kCookedSectors && (i + 1) * kCooked <= std::min<std::size_t>(r.information, raw.bytes().size()); ++i)
        expectSameBytes("sector " + std::to_string(lba + static_cast<std::int32_t>(i)), std::span(out).subspan(i * kCooked, kCooked),
                        raw.bytes().subspan(i * kCooked, kCooked), command);
    return true;
}

// The first and the last sectors of every track. Variant a = 1: the handle enables streaming reads first, so the
// driver reads with READ(12) and the Streaming bit (§3.4); a drive without real-time streaming cannot. Streaming
// reads go only where the drive reads the sectors (see compareCookedRead).
const bool cookedRead = registerCheck(
    "CookedReadMatchesRead", {Requirement::MediumPresent}, {{"Read10", 0, 0, 0}, {"Read12Streaming", 1, 0, 0}},
    [](CrossLayer& t, const Variant& v) {
        const bool streaming = v.a != 0;
        if (streaming) {
            ioctl::CDROM_STREAMING_CONTROL in{ioctl::CdromStreamingEnableForReadOnly};
            std::vector<std::uint8_t> input(sizeof in);
            std::memcpy(input.data(), &in, sizeof in);
            const ControlResult e = t.control(codes::CdromEnableStreaming, input, {});
            if (e.status == status::InvalidDeviceRequest)
                GTEST_SKIP() << "NotSupported: the drive has no current Real-Time Streaming feature (0107h) for streaming reads";
            ASSERT_THAT_STATUS(e.status, status::Success);
        }
        const auto layout = reads::readLayout(t.handle());
        ASSERT_TRUE(layout) << "READ_TOC fails on a disc the device declares present";
        int compared = 0;
        for (const reads::Track& track : layout->tracks) {
            if (track.length() < static_cast<std::int32_t>(kCookedSectors)) continue;
            compared += compareCookedRead(t, track.start, streaming) ? 1 : 0;
            compared += compareCookedRead(t, track.end - static_cast<std::int32_t>(kCookedSectors), streaming) ? 1 : 0;
        }
        if (compared == 0) GTEST_SKIP() << "NotSupported: no track of the disc has sectors the drive reads cooked (2048 bytes)";
    },
    __FILE__, __LINE__);

}  // namespace
}  // namespace cdcts::suites::crosslayer
