// IOCTL_CDROM_RAW_READ (ioctl-contracts.md §3.18): every TrackMode with its bytes per sector at several sizes up to
// the adapter's limit, the disc's first and last sectors, every V-stage rule, the H-stage capability rows, and two
// consistency oracles: raw user data equals the cooked read of the same sectors, and the sub-channel's Q says
// where the sector is. Nothing is compared with what one particular disc holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "suites/raw_read_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
using namespace reads;

// The largest RAW_READ a page-aligned buffer may carry (§0.2, §3.18 V-stage row 10).
std::uint32_t pageAlignedLimit(const Device& device) { return device.adapter()->maxPageAlignedTransferBytes(); }

// --- V-stage rules (§3.18 rows 1-10): no disc needed, the rules come before the queue --------------------------

class RawReadValidation : public fixtures::DeviceTest {
protected:
    ControlResult rawRead(std::span<const std::uint8_t> input, PageBuffer& out)
    {
        return control(codes::CdromRawRead, input, out.span());
    }
};

TEST_P(RawReadValidation, RejectsAnEmptyInputWithBufferTooSmall)
{
    PageBuffer out(ioctl::RAW_SECTOR_SIZE);
    EXPECT_THAT_STATUS(rawRead({}, out).status, status::BufferTooSmall);  // row 1
    EXPECT_TRUE(allUntouched(out.span()));
}

TEST_P(RawReadValidation, RejectsAnInputShorterThanRawReadInfoWithBufferTooSmall)
{
    const std::vector<std::uint8_t> full = rawReadInfo(0, 1, ioctl::CDDA);
    for (std::size_t length : {1u, 8u, 12u, 15u}) {
        SCOPED_TRACE("input length " + std::to_string(length));
        PageBuffer out(ioctl::RAW_SECTOR_SIZE);
        EXPECT_THAT_STATUS(rawRead(std::span(full).first(length), out).status, status::BufferTooSmall);  // row 2
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadValidation, RejectsSectorCountZero)
{
    for (std::int32_t mode : kTrackModes) {
        SCOPED_TRACE(trackModeName(mode));
        PageBuffer out(ioctl::RAW_SECTOR_SIZE);
        EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, 0, mode), out).status, status::InvalidParameter);  // row 3
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadValidation, RejectsAnUnknownTrackMode)
{
    for (std::int32_t mode : {6, 7, 0x7FFFFFFF, -1}) {
        SCOPED_TRACE("TrackMode " + std::to_string(mode));
        PageBuffer out(ioctl::CD_RAW_SECTOR_WITH_C2_AND_SUBCODE_SIZE);
        EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, 1, mode), out).status, status::InvalidParameter);  // row 4
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadValidation, RejectsADiskOffsetWhoseEndOverflows)
{
    // E = N x 2048 + DiskOffset wraps for offsets just below 2^64 (negative ones) and for the largest positive ones.
    for (std::int64_t offset : {std::int64_t{-2048}, std::int64_t{-1}, std::int64_t{-0x7FFFFFFFFFFFFFFF} - 1}) {
        SCOPED_TRACE("DiskOffset " + std::to_string(offset));
        PageBuffer out(ioctl::RAW_SECTOR_SIZE);
        EXPECT_THAT_STATUS(rawRead(rawReadInfo(offset, 1, ioctl::CDDA), out).status, status::InvalidParameter);  // row 5
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadValidation, RejectsAnOutputSmallerThanTheSectors)
{
    for (std::int32_t mode : kTrackModes) {
        SCOPED_TRACE(trackModeName(mode));
        const std::size_t t = 2 * ioctl::rawSectorSize(mode);
        for (std::size_t length : {std::size_t{0}, t / 2, t - 1}) {
            SCOPED_TRACE("output length " + std::to_string(length));
            PageBuffer out(length);
            EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, 2, mode), out).status, status::InvalidParameter);  // rows 6, 8
            EXPECT_TRUE(allUntouched(out.span()));
        }
    }
}

class RawReadAdapterLimits : public RawReadValidation {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(RawReadAdapterLimits, RejectsAMisalignedBuffer)
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    PageBuffer out(ioctl::RAW_SECTOR_SIZE, 1);  // one byte past a page boundary
    EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, 1, ioctl::CDDA), out).status, status::InvalidParameter);  // row 9
    EXPECT_TRUE(allUntouched(out.span()));
}

TEST_P(RawReadAdapterLimits, RejectsOneSectorPastTheTransferLimit)
{
    // The driver never splits a RAW_READ: floor(limit / bytes per sector) + 1 sectors is refused (row 10).
    const std::uint32_t limit = pageAlignedLimit(device());
    for (std::int32_t mode : kTrackModes) {
        const std::size_t bps = ioctl::rawSectorSize(mode);
        const auto n = static_cast<std::uint32_t>(limit / bps + 1);
        SCOPED_TRACE(std::string(trackModeName(mode)) + ", " + std::to_string(n) + " sectors, limit " + std::to_string(limit));
        PageBuffer out(n * bps);
        EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, n, mode), out).status, status::InvalidParameter);
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadAdapterLimits, RejectsAnUnalignedBufferOverTheUnalignedLimit)
{
    const mmc::AdapterProperties adapter = *device().adapter();
    const std::uint32_t unaligned = adapter.maxUnalignedTransferBytes();
    const std::size_t skew = std::size_t{adapter.alignmentMask} + 1;
    const auto n = static_cast<std::uint32_t>(unaligned / ioctl::RAW_SECTOR_SIZE + 1);
    if (n * ioctl::RAW_SECTOR_SIZE > adapter.maxPageAlignedTransferBytes() || skew >= kPage)
        GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " allows an unaligned buffer as much as an aligned one ("
                     << unaligned << " bytes)";
    PageBuffer out(n * ioctl::RAW_SECTOR_SIZE, skew);  // aligned as the adapter asks, but not to a page
    EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, n, ioctl::CDDA), out).status, status::InvalidParameter);  // row 10
    EXPECT_TRUE(allUntouched(out.span()));
}

class RawReadAccess : public RawReadValidation {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(RawReadAccess, NeedsReadAccess)
{
    PageBuffer out(ioctl::RAW_SECTOR_SIZE);
    EXPECT_THAT_STATUS(rawRead(rawReadInfo(0, 1, ioctl::CDDA), out).status, status::AccessDenied);  // §1 step 1
    EXPECT_TRUE(allUntouched(out.span()));
}

// --- With a disc ---------------------------------------------------------------------------------------------

class RawReadDisc : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent, Requirement::AdapterKnown}; }

    // Sets layout_ and caps_; false (with a failure) when the TOC cannot be read.
    bool learnDisc()
    {
        layout_ = readLayout(handle());
        if (!layout_ || layout_->tracks.empty()) {
            ADD_FAILURE() << "READ_TOC failed with a disc in the drive";
            return false;
        }
        caps_ = probeCapabilities(device());
        return true;
    }
    // The first track holding `kind`, or nullptr.
    const Track* trackOf(SectorKind kind)
    {
        for (const Track& t : layout_->tracks)
            if ((kind == SectorKind::Audio) == t.audio() && probeKind(handle(), t, caps_) == kind) return &t;
        return nullptr;
    }
    ControlResult rawRead(std::int32_t lba, std::uint32_t n, std::int32_t mode, PageBuffer& out)
    {
        return control(codes::CdromRawRead, rawReadInfo(offsetOf(lba), n, mode), out.span());
    }

    std::optional<Layout> layout_;
    std::optional<RawCapabilities> caps_;
};

// -- Every TrackMode, several sizes --

struct SectorsParam {
    std::string id;
    std::int32_t mode;
    std::uint32_t count;  // 0: the most the adapter allows
};
void PrintTo(const SectorsParam& p, std::ostream* os) { *os << p.id << " " << trackModeName(p.mode) << " count=" << p.count; }

class RawReadSectors : public fixtures::DeviceTestOf<SectorsParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent, Requirement::AdapterKnown}; }
};

TEST_P(RawReadSectors, ReturnsTheTrackModesBytesPerSector)
{
    const std::int32_t mode = GetParam().mode;
    const std::size_t bps = ioctl::rawSectorSize(mode);
    const std::uint32_t limit = pageAlignedLimit(device());
    const std::uint32_t n = GetParam().count != 0 ? GetParam().count : static_cast<std::uint32_t>(limit / bps);
    if (n * bps > limit) GTEST_SKIP() << "NotSupported: " << n << " sectors of " << bps << " bytes exceed the adapter's " << limit;

    const std::optional<Layout> layout = readLayout(handle());
    ASSERT_TRUE(layout && !layout->tracks.empty()) << "READ_TOC failed with a disc in the drive";
    const std::optional<RawCapabilities> caps = probeCapabilities(device());
    if (mode >= ioctl::RawWithC2AndSubCode) {
        if (!caps) GTEST_SKIP() << "NotSupported: the drive's C2 / R-W capabilities are unknown (no pass-through)";
        if (!supports(*caps, mode)) GTEST_SKIP() << "NotSupported: the drive lacks " << missingCapability(mode, *caps);
    }
    // The sectors this mode can read: CDDA audio, YellowMode2 formless, XAForm2 form 2, the "any type" modes any.
    const Track* track = nullptr;
    SectorKind kind = SectorKind::Unknown;
    for (const Track& t : layout->tracks) {
        const SectorKind k = probeKind(handle(), t, caps);
        const bool fits = mode == ioctl::CDDA          ? k == SectorKind::Audio
                          : mode == ioctl::YellowMode2 ? k == SectorKind::Mode2Formless
                          : mode == ioctl::XAForm2     ? k == SectorKind::Mode2Form2
                                                       : k != SectorKind::Unknown;
        if (fits && t.length() >= std::int32_t(n)) {
            track = &t;
            kind = k;
            break;
        }
    }
    if (track == nullptr) {
        const char* wanted = mode == ioctl::CDDA          ? "audio track"
                             : mode == ioctl::YellowMode2 ? "mode 2 formless track"
                             : mode == ioctl::XAForm2     ? "mode 2 form 2 track (known only through a C2 or R-W read)"
                                                          : "track whose sector type is known";
        GTEST_SKIP() << "NotSupported: the disc has no " << wanted << " of " << n << (n == 1 ? " sector" : " sectors") << " or more";
    }
    SCOPED_TRACE("track " + std::to_string(track->number) + " (" + sectorKindName(kind) + ") from LBA " + std::to_string(track->start));

    PageBuffer out(n * bps + kPage);  // a page more than T: the read must stop at T
    const ControlResult r = control(codes::CdromRawRead, rawReadInfo(offsetOf(track->start), n, mode), out.span());
    ASSERT_THAT_STATUS(r.status, status::Success);
    // READ CD returns, per sector, the main-channel bytes the selection gives for this sector type, then C2, then P-W.
    EXPECT_LE(r.information, n * bps) << "the transfer is T = N x bytes per sector at most";
    const bool xa = kind == SectorKind::Mode2Form1 || kind == SectorKind::Mode2Form2;
    if (xa && mode >= ioctl::RawWithC2AndSubCode) {
        // An XA track may mix forms sector by sector: each gives the form 1 or the form 2 length.
        EXPECT_GE(r.information, n * (mainChannelBytes(SectorKind::Mode2Form1, mode) + extraBytes(mode)));
        EXPECT_LE(r.information, n * (mainChannelBytes(SectorKind::Mode2Form2, mode) + extraBytes(mode)));
    } else {
        const std::size_t perSector = mainChannelBytes(kind, mode) + extraBytes(mode);
        EXPECT_EQ(r.information, n * perSector) << sectorKindName(kind) << " sectors give " << perSector << " bytes each";
    }
    EXPECT_TRUE(allUntouched(out.span().subspan(std::min<std::size_t>(r.information, out.size()))))
        << "nothing is written past Information";
    if (kind != SectorKind::Audio && r.information >= 16) {
        static constexpr std::uint8_t kSync[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};
        EXPECT_EQ(std::memcmp(out.span().data(), kSync, sizeof kSync), 0) << "a data sector starts with the sync pattern";
    }
}

std::vector<SectorsParam> sectorsParams()
{
    std::vector<SectorsParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::int32_t mode : kTrackModes)
            for (std::uint32_t count : {1u, 8u, 16u, 27u, 0u}) out.push_back({d.id, mode, count});
    return out;
}

std::string sectorsName(const testing::TestParamInfo<SectorsParam>& info)
{
    return info.param.id + "_" + trackModeName(info.param.mode) + "_" +
           (info.param.count == 0 ? std::string("max") : std::to_string(info.param.count));
}

// -- Boundaries and the cached capacity --

TEST_P(RawReadDisc, ReadsTheFirstAndLastSectorsOfTheDisc)
{
    if (!learnDisc()) return;
    const Track& first = layout_->tracks.front();
    const Track& last = layout_->tracks.back();
    for (const auto& [track, lba, what] : {std::tuple{&first, first.start, "first"}, std::tuple{&last, layout_->leadOut - 1, "last"}}) {
        SCOPED_TRACE(std::string(what) + " sector, LBA " + std::to_string(lba));
        const SectorKind kind = probeKindAt(handle(), *track, lba, caps_);
        const std::optional<std::int32_t> mode = modeFor(kind, caps_);
        if (!mode) {
            GTEST_SKIP() << "NotSupported: the " << what << " track holds " << sectorKindName(kind)
                         << " sectors, which RAW_READ reads only with C2 or R-W support the drive lacks";
        }
        PageBuffer out(ioctl::rawSectorSize(*mode));
        const ControlResult r = rawRead(lba, 1, *mode, out);
        ASSERT_THAT_STATUS(r.status, status::Success) << trackModeName(*mode);
        EXPECT_EQ(r.information, mainChannelBytes(kind, *mode) + extraBytes(*mode));
    }
}

TEST_P(RawReadDisc, RefusesReadsPastTheLeadOut)
{
    if (!learnDisc()) return;
    const std::int32_t leadOut = layout_->leadOut;
    for (const auto& [lba, n] : {std::pair{leadOut, 1u}, std::pair{leadOut - 1, 2u}, std::pair{leadOut + 100, 1u}}) {
        SCOPED_TRACE("LBA " + std::to_string(lba) + ", " + std::to_string(n) + " sectors, lead-out at " + std::to_string(leadOut));
        PageBuffer out(n * ioctl::RAW_SECTOR_SIZE);
        const ControlResult r = rawRead(lba, n, ioctl::CDDA, out);
        EXPECT_TRUE(r.status.isError()) << "got " << r.status;
    }
}

TEST_P(RawReadDisc, RejectsAnEndPastTheCachedCapacity)
{
    // Row 7: E > PartitionLength, the value GET_DRIVE_GEOMETRY_EX reports as DiskSize (§3.9).
    const std::optional<std::int64_t> size = diskSize(handle());
    ASSERT_TRUE(size.has_value()) << "GET_DRIVE_GEOMETRY_EX failed with a disc in the drive";
    for (const auto& [offset, n] : {std::pair{*size, 1u}, std::pair{*size - std::int64_t{kCooked}, 2u}, std::pair{*size - 1, 1u}}) {
        SCOPED_TRACE("DiskOffset " + std::to_string(offset) + ", " + std::to_string(n) + " sectors, DiskSize " + std::to_string(*size));
        PageBuffer out(n * ioctl::RAW_SECTOR_SIZE);
        EXPECT_THAT_STATUS(control(codes::CdromRawRead, rawReadInfo(offset, n, ioctl::CDDA), out.span()).status, status::InvalidParameter);
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(RawReadDisc, TruncatesADiskOffsetInsideASector)
{
    // DiskOffset need not be a multiple of 2048: the driver shifts it right, so any offset inside a sector reads
    // that sector (§3.18).
    if (!learnDisc()) return;
    const Track* track = nullptr;
    std::optional<std::int32_t> mode;
    for (const Track& t : layout_->tracks) {
        if (t.length() < 2) continue;
        mode = modeFor(probeKind(handle(), t, caps_), caps_);
        if (mode) {
            track = &t;
            break;
        }
    }
    if (track == nullptr) GTEST_SKIP() << "NotSupported: no track whose sectors RAW_READ can read on this drive (audio, or data with C2 / R-W)";
    const std::int32_t lba = track->start + 1;
    PageBuffer aligned(ioctl::rawSectorSize(*mode));
    const ControlResult a = rawRead(lba, 1, *mode, aligned);
    ASSERT_THAT_STATUS(a.status, status::Success) << trackModeName(*mode) << " at LBA " << lba;
    for (const std::int64_t skew : {1, 1000, 2047}) {
        SCOPED_TRACE("DiskOffset " + std::to_string(offsetOf(lba) + skew));
        PageBuffer out(ioctl::rawSectorSize(*mode));
        const ControlResult r = control(codes::CdromRawRead, rawReadInfo(offsetOf(lba) + skew, 1, *mode), out.span());
        ASSERT_THAT_STATUS(r.status, status::Success);
        ASSERT_EQ(r.information, a.information);
        // The main channel must match; C2 bits and sub-channel may differ between two reads of a real disc.
        const std::size_t main = a.information - extraBytes(*mode);
        EXPECT_TRUE(std::equal(out.span().begin(), out.span().begin() + static_cast<std::ptrdiff_t>(main), aligned.span().begin()))
            << "the sector read differs from LBA " << lba;
    }
}

TEST_P(RawReadDisc, RefusesATrackModeWhoseSectorTypeDoesNotMatch)
{
    // The driver names an expected sector type for CDDA, YellowMode2 and XAForm2 (§3.18 READ CD byte 1); a drive
    // meeting another type ends the command with 05/64/00 (MMC: ILLEGAL MODE FOR THIS TRACK), which the driver maps
    // to STATUS_INVALID_DEVICE_REQUEST (§8.2).
    if (!learnDisc()) return;
    const auto audio = std::find_if(layout_->tracks.begin(), layout_->tracks.end(), [](const Track& t) { return t.audio(); });
    const auto data = std::find_if(layout_->tracks.begin(), layout_->tracks.end(), [](const Track& t) { return !t.audio(); });
    int checked = 0;
    if (data != layout_->tracks.end()) {
        SCOPED_TRACE("CDDA on data track " + std::to_string(data->number) + ", LBA " + std::to_string(data->start));
        PageBuffer out(ioctl::RAW_SECTOR_SIZE);
        EXPECT_THAT_STATUS(rawRead(data->start, 1, ioctl::CDDA, out).status, status::InvalidDeviceRequest);
        ++checked;
    }
    if (audio != layout_->tracks.end()) {
        for (const std::int32_t mode : {ioctl::YellowMode2, ioctl::XAForm2}) {
            SCOPED_TRACE(std::string(trackModeName(mode)) + " on audio track " + std::to_string(audio->number) + ", LBA " +
                         std::to_string(audio->start));
            PageBuffer out(ioctl::RAW_SECTOR_SIZE);
            EXPECT_THAT_STATUS(rawRead(audio->start, 1, mode, out).status, status::InvalidDeviceRequest);
            ++checked;
        }
    }
    EXPECT_GT(checked, 0);
}

// -- H-stage capability rows --

struct CapabilityParam {
    std::string id;
    std::int32_t mode;
};
void PrintTo(const CapabilityParam& p, std::ostream* os) { *os << p.id << " " << trackModeName(p.mode); }

class RawReadCapability : public fixtures::DeviceTestOf<CapabilityParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(RawReadCapability, RefusesTheModeWithInvalidDeviceRequestWithoutTheCapability)
{
    const std::int32_t mode = GetParam().mode;
    const std::optional<RawCapabilities> caps = probeCapabilities(device());
    if (!caps) GTEST_SKIP() << "NotSupported: the drive's C2 / R-W capabilities are unknown (no pass-through)";
    if (supports(*caps, mode))
        GTEST_SKIP() << "NotSupported: the drive has " << missingCapability(mode, *caps) << ", so the refusal cannot be seen";
    PageBuffer out(ioctl::rawSectorSize(mode));
    EXPECT_THAT_STATUS(control(codes::CdromRawRead, rawReadInfo(0, 1, mode), out.span()).status, status::InvalidDeviceRequest)
        << "§3.18 H-stage rows 3-5";
    EXPECT_TRUE(allUntouched(out.span()));
}

std::vector<CapabilityParam> capabilityParams()
{
    std::vector<CapabilityParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::int32_t mode : {ioctl::RawWithC2AndSubCode, ioctl::RawWithC2, ioctl::RawWithSubCode}) out.push_back({d.id, mode});
    return out;
}

std::string capabilityName(const testing::TestParamInfo<CapabilityParam>& info)
{
    return info.param.id + "_" + trackModeName(info.param.mode);
}

// -- Consistency with cooked reads, sector headers, sub-channel Q --

TEST_P(RawReadDisc, UserDataEqualsTheCookedReadOfTheSameSectors)
{
    if (!learnDisc()) return;
    if (!caps_ || (!caps_->c2 && !caps_->rw))
        GTEST_SKIP() << "NotSupported: a mode 1 sector is read raw only with C2 or R-W support, which the drive lacks or does not report";
    const std::int32_t mode = caps_->c2 ? ioctl::RawWithC2 : ioctl::RawWithSubCode;
    const Track* track = nullptr;
    SectorKind kind = SectorKind::Unknown;
    for (const SectorKind k : {SectorKind::Mode1, SectorKind::Mode2Form1})
        if (track == nullptr && (track = trackOf(k)) != nullptr) kind = k;
    if (track == nullptr) GTEST_SKIP() << "NotSupported: the disc has no mode 1 or mode 2 form 1 track";
    constexpr std::int32_t n = 16;
    ASSERT_GE(track->length(), n);
    // The track's first and last sectors, one at a time: an XA track may mix forms, and form 2 has no cooked read.
    int compared = 0;
    for (const std::int32_t from : {track->start, track->end - n}) {
        for (std::int32_t lba = from; lba < from + n; ++lba) {
            const SectorKind k = probeKindAt(handle(), *track, lba, caps_);
            if (k != SectorKind::Mode1 && k != SectorKind::Mode2Form1) continue;
            SCOPED_TRACE(std::string(sectorKindName(k)) + " sector, track " + std::to_string(track->number) + ", LBA " + std::to_string(lba));
            PageBuffer raw(ioctl::rawSectorSize(mode));
            const ControlResult r = rawRead(lba, 1, mode, raw);
            ASSERT_THAT_STATUS(r.status, status::Success) << trackModeName(mode);
            ASSERT_EQ(r.information, mainChannelBytes(k, mode) + extraBytes(mode));
            PageBuffer cooked(kCooked);
            const ControlResult c = read(offsetOf(lba), cooked.span());
            ASSERT_THAT_STATUS(c.status, status::Success) << "ReadFile of the same sector";
            ASSERT_EQ(c.information, kCooked);
            const std::size_t userData = k == SectorKind::Mode1 ? 16 : 24;
            EXPECT_EQ(std::memcmp(raw.span().data() + userData, cooked.span().data(), kCooked), 0)
                << "raw bytes " << userData << ".." << userData + kCooked - 1 << " differ from the cooked 2048";
            ++compared;
        }
    }
    EXPECT_GT(compared, 0);
    (void)kind;
}

TEST_P(RawReadDisc, DataSectorsCarrySyncAndTheirOwnAddress)
{
    if (!learnDisc()) return;
    if (!caps_ || (!caps_->c2 && !caps_->rw))
        GTEST_SKIP() << "NotSupported: a data sector is read raw only with C2 or R-W support, which the drive lacks or does not report";
    const std::int32_t mode = caps_->c2 ? ioctl::RawWithC2 : ioctl::RawWithSubCode;
    const auto data = std::find_if(layout_->tracks.begin(), layout_->tracks.end(), [](const Track& t) { return !t.audio(); });
    if (data == layout_->tracks.end()) GTEST_SKIP() << "NotSupported: the disc has no data track";
    static constexpr std::uint8_t kSync[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};
    for (std::int32_t lba = data->start; lba < std::min(data->start + 8, data->end); ++lba) {
        SCOPED_TRACE("LBA " + std::to_string(lba));
        PageBuffer raw(ioctl::rawSectorSize(mode));
        const ControlResult r = rawRead(lba, 1, mode, raw);
        ASSERT_THAT_STATUS(r.status, status::Success) << trackModeName(mode);
        ASSERT_GE(r.information, 16u);
        const std::uint8_t* s = raw.span().data();
        EXPECT_EQ(std::memcmp(s, kSync, sizeof kSync), 0) << "sync pattern 00 FF x10 00";
        const mmc::Msf msf = mmc::lbaToMsf(lba);  // the header holds LBA + 150 in BCD
        EXPECT_EQ(s[12], bcd(msf.minute));
        EXPECT_EQ(s[13], bcd(msf.second));
        EXPECT_EQ(s[14], bcd(msf.frame));
        EXPECT_TRUE(s[15] == 1 || s[15] == 2) << "mode byte " << int(s[15]) << " on a data track";
    }
}

// Q from raw P-W: bit 6 of each of the 96 bytes, most significant first (MMC, "raw" sub-channel).
std::array<std::uint8_t, 12> deinterleaveQ(const std::uint8_t* pw)
{
    std::array<std::uint8_t, 12> q{};
    for (std::size_t i = 0; i < 96; ++i)
        if ((pw[i] & 0x40) != 0) q[i / 8] = static_cast<std::uint8_t>(q[i / 8] | (0x80 >> (i % 8)));
    return q;
}

// CRC-16/CCITT (x^16 + x^12 + x^5 + 1) over the 10 data bytes, stored inverted (ECMA-130 §22.3.6).
std::uint16_t qCrc(const std::array<std::uint8_t, 12>& q)
{
    std::uint16_t crc = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        crc = static_cast<std::uint16_t>(crc ^ (q[i] << 8));
        for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return static_cast<std::uint16_t>(~crc);
}

TEST_P(RawReadDisc, SubChannelQNamesTheSectorRead)
{
    if (!learnDisc()) return;
    if (!caps_) GTEST_SKIP() << "NotSupported: the drive's R-W capability is unknown (no pass-through)";
    if (!caps_->rw) GTEST_SKIP() << "NotSupported: the drive lacks " << missingCapability(ioctl::RawWithSubCode, *caps_);
    for (const Track& track : layout_->tracks) {
        const SectorKind kind = probeKind(handle(), track, caps_);
        if (kind == SectorKind::Unknown) continue;
        constexpr std::uint32_t n = 16;
        if (track.length() < std::int32_t(n)) continue;
        SCOPED_TRACE("track " + std::to_string(track.number) + " (" + sectorKindName(kind) + ") from LBA " + std::to_string(track.start));
        int positions = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::int32_t lba = track.start + std::int32_t(i);
            PageBuffer raw(ioctl::CD_RAW_SECTOR_WITH_SUBCODE_SIZE);
            const ControlResult r = rawRead(lba, 1, ioctl::RawWithSubCode, raw);
            ASSERT_THAT_STATUS(r.status, status::Success) << "LBA " << lba;
            ASSERT_GE(r.information, ioctl::CD_RAW_READ_SUBCODE_SIZE);
            // P-W is the last 96 bytes of what the drive returned for the sector.
            const auto q = deinterleaveQ(raw.span().data() + r.information - ioctl::CD_RAW_READ_SUBCODE_SIZE);
            EXPECT_EQ(qCrc(q), loadBe16(&q[10])) << "Q CRC of LBA " << lba;
            if ((q[0] & 0x0F) != 1) continue;  // ADR 2 (MCN) and 3 (ISRC) frames carry no position
            ++positions;
            EXPECT_EQ(q[0] >> 4 & 0x04, track.control & 0x04) << "Q's data bit matches the TOC's control at LBA " << lba;
            EXPECT_EQ(q[1], bcd(track.number)) << "track number at LBA " << lba;
            const mmc::Msf msf = mmc::lbaToMsf(lba);
            EXPECT_EQ(q[7], bcd(msf.minute)) << "absolute minute at LBA " << lba;
            EXPECT_EQ(q[8], bcd(msf.second)) << "absolute second at LBA " << lba;
            EXPECT_EQ(q[9], bcd(msf.frame)) << "absolute frame at LBA " << lba;
        }
        EXPECT_GT(positions, 0) << "at least one of " << n << " frames carries a position (ADR 1)";
    }
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, RawReadValidation, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, RawReadAdapterLimits, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, RawReadAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, RawReadDisc, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, RawReadSectors, testing::ValuesIn(sectorsParams()), sectorsName);
INSTANTIATE_TEST_SUITE_P(, RawReadCapability, testing::ValuesIn(capabilityParams()), capabilityName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadAdapterLimits);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadDisc);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadSectors);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RawReadCapability);

}  // namespace
}  // namespace cdcts::suites
