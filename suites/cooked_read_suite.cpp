// Cooked reads: ReadFile on the CD-ROM device (IRP_MJ_READ, `read(offset, buffer)`), the path RAW_READ's user data
// is compared with. Whole 2048-byte sectors only (RequestValidateReadWrite), nothing past the end of the disc, and a
// read larger than the adapter's transfer limit split by the driver into packets the caller never sees
// (docs/classdriver-model.md "Cooked reads"; ioctl-contracts.md §0.2 for the limits).
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

using fixtures::Requirement;
using namespace reads;

// --- Validation: with a disc, so that only the rule under test can refuse ------------------------------------

class CookedRead : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent, Requirement::AdapterKnown}; }

    // The first data track whose sectors have a cooked form (mode 1; or of unknown mode when the drive cannot say),
    // at least `sectors` long. nullptr, with the reason in why_, when there is none.
    const Track* cookedTrack(std::int32_t sectors)
    {
        layout_ = readLayout(handle());
        if (!layout_) {
            ADD_FAILURE() << "READ_TOC failed with a disc in the drive";
            return nullptr;
        }
        const std::optional<RawCapabilities> caps = probeCapabilities(device());
        bool unclassified = false;
        for (const Track& t : layout_->tracks) {
            if (t.audio() || t.length() < sectors) continue;
            const SectorKind kind = probeKind(handle(), t, caps);
            if (kind == SectorKind::Mode1 || kind == SectorKind::Unknown) return &t;
            unclassified = unclassified || kind == SectorKind::Mode2Unclassified;
        }
        why_ = unclassified ? "the disc is CD-ROM XA and the drive cannot report its sectors' forms (no C2 / R-W support); a form 2 "
                              "sector has no cooked form"
                            : "the disc has no mode 1 data track of " + std::to_string(sectors) + (sectors == 1 ? " sector" : " sectors") + " or more";
        return nullptr;
    }

    std::optional<Layout> layout_;
    std::string why_;
};

TEST_P(CookedRead, ReadsWholeSectorsOfADataTrack)
{
    const Track* track = cookedTrack(16);
    if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
    for (const std::size_t sectors : {std::size_t{1}, std::size_t{2}, std::size_t{16}}) {
        SCOPED_TRACE(std::to_string(sectors) + " sectors at LBA " + std::to_string(track->start));
        PageBuffer out(sectors * kCooked + kPage);
        const ControlResult r = read(offsetOf(track->start), out.span().first(sectors * kCooked));
        ASSERT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, sectors * kCooked);
        EXPECT_TRUE(allUntouched(out.span().subspan(sectors * kCooked))) << "nothing is written past the caller's length";
    }
}

TEST_P(CookedRead, AnswersTheSameTwice)
{
    const Track* track = cookedTrack(16);
    if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
    PageBuffer a(16 * kCooked), b(16 * kCooked);
    ASSERT_THAT_STATUS(read(offsetOf(track->start), a.span()).status, status::Success);
    ASSERT_THAT_STATUS(read(offsetOf(track->start), b.span()).status, status::Success);
    EXPECT_TRUE(std::equal(a.span().begin(), a.span().end(), b.span().begin())) << "a disc's sectors cannot change between two reads";
}

TEST_P(CookedRead, SucceedsWithNothingForLengthZero)
{
    const Track* track = cookedTrack(1);
    if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
    PageBuffer out(0);
    const ControlResult r = read(offsetOf(track->start), out.span());
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_P(CookedRead, RejectsAnOffsetThatIsNotAWholeSector)
{
    const Track* track = cookedTrack(2);
    if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
    for (const std::int64_t skew : {1, 512, 1024, 2047}) {
        const std::int64_t offset = offsetOf(track->start) + skew;
        SCOPED_TRACE("offset " + std::to_string(offset));
        PageBuffer out(kCooked);
        EXPECT_THAT_STATUS(read(offset, out.span()).status, status::InvalidDeviceRequest);
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(CookedRead, RejectsALengthThatIsNotAWholeSector)
{
    const Track* track = cookedTrack(2);
    if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
    for (const std::size_t length : {std::size_t{1}, std::size_t{512}, kCooked - 1, kCooked + 1, 2 * kCooked - 2}) {
        SCOPED_TRACE("length " + std::to_string(length));
        PageBuffer out(length);
        EXPECT_THAT_STATUS(read(offsetOf(track->start), out.span()).status, status::InvalidDeviceRequest);
        EXPECT_TRUE(allUntouched(out.span()));
    }
}

TEST_P(CookedRead, RefusesAReadPastTheEnd)
{
    // The end is the cached capacity, GET_DRIVE_GEOMETRY_EX's DiskSize (§3.9). A reader's driver refuses the read
    // itself; a writer's leaves the bounds to the drive. Either way the read fails and the buffer stays as it was.
    const std::optional<std::int64_t> size = diskSize(handle());
    ASSERT_TRUE(size.has_value()) << "GET_DRIVE_GEOMETRY_EX failed with a disc in the drive";
    ASSERT_EQ(*size % std::int64_t{kCooked}, 0) << "DiskSize is whole sectors";
    for (const auto& [offset, sectors] : {std::pair{*size, std::size_t{1}}, std::pair{*size + 16 * std::int64_t{kCooked}, std::size_t{1}},
                                          std::pair{*size - std::int64_t{kCooked}, std::size_t{2}}}) {
        SCOPED_TRACE("offset " + std::to_string(offset) + ", " + std::to_string(sectors) + " sectors, DiskSize " + std::to_string(*size));
        PageBuffer out(sectors * kCooked);
        const ControlResult r = read(offset, out.span());
        EXPECT_TRUE(r.status.isError()) << "got " << r.status;
        if (offset >= *size) {
            EXPECT_TRUE(allUntouched(out.span())) << "no sector past the end exists to be read";
        }
    }
}

TEST_P(CookedRead, ReadsTheLastSectorOfTheDisc)
{
    const std::optional<std::int64_t> size = diskSize(handle());
    ASSERT_TRUE(size.has_value()) << "GET_DRIVE_GEOMETRY_EX failed with a disc in the drive";
    layout_ = readLayout(handle());
    ASSERT_TRUE(layout_ && !layout_->tracks.empty()) << "READ_TOC failed with a disc in the drive";
    const Track& last = layout_->tracks.back();
    const auto lba = static_cast<std::int32_t>(*size / std::int64_t{kCooked}) - 1;
    if (last.audio() || lba < last.start) GTEST_SKIP() << "NotSupported: the disc's last sector is not on a data track";
    const SectorKind kind = probeKindAt(handle(), last, lba, probeCapabilities(device()));
    if (kind != SectorKind::Mode1 && kind != SectorKind::Unknown && kind != SectorKind::Mode2Form1)
        GTEST_SKIP() << "NotSupported: the disc's last sector is " << sectorKindName(kind) << ", which "
                     << (kind == SectorKind::Mode2Unclassified ? "may have" : "has") << " no cooked form";
    PageBuffer out(kCooked);
    const ControlResult r = read(offsetOf(lba), out.span());
    ASSERT_THAT_STATUS(r.status, status::Success) << "LBA " << lba << " (DiskSize " << *size << ")";
    EXPECT_EQ(r.information, kCooked);
}

// A read larger than the adapter's limit returns the same bytes as the same sectors read in pieces below it.
TEST_P(CookedRead, SplitsAReadLargerThanTheTransferLimit)
{
    const mmc::AdapterProperties adapter = *device().adapter();
    for (const bool pageAligned : {true, false}) {
        const std::size_t skew = pageAligned ? 0 : std::size_t{adapter.alignmentMask} + 1;
        if (!pageAligned && skew >= kPage) continue;
        const std::uint32_t limit = pageAligned ? adapter.maxPageAlignedTransferBytes() : adapter.maxUnalignedTransferBytes();
        const std::size_t length = (std::size_t{limit} * 2 / kCooked + 3) * kCooked;  // two packets and a part of one
        const auto sectors = static_cast<std::int32_t>(length / kCooked);
        const Track* track = cookedTrack(sectors);
        if (track == nullptr) GTEST_SKIP() << "NotSupported: " << why_;
        SCOPED_TRACE(std::string(pageAligned ? "page-aligned" : "unaligned") + " buffer, " + std::to_string(length) + " bytes, limit " +
                     std::to_string(limit));
        PageBuffer whole(length + kPage, skew);
        const ControlResult r = read(offsetOf(track->start), whole.span().first(length));
        ASSERT_THAT_STATUS(r.status, status::Success);
        ASSERT_EQ(r.information, length);
        EXPECT_TRUE(allUntouched(whole.span().subspan(length)));
        constexpr std::size_t kPiece = 8 * kCooked;
        for (std::size_t at = 0; at < length; at += kPiece) {
            const std::size_t n = std::min(kPiece, length - at);
            PageBuffer piece(n);
            const ControlResult p = read(offsetOf(track->start) + static_cast<std::int64_t>(at), piece.span());
            ASSERT_THAT_STATUS(p.status, status::Success) << "piece at byte " << at;
            ASSERT_EQ(p.information, n);
            ASSERT_TRUE(std::equal(piece.span().begin(), piece.span().end(), whole.span().begin() + static_cast<std::ptrdiff_t>(at)))
                << "bytes " << at << ".." << at + n - 1 << " differ between the large read and the piece";
        }
    }
}

class CookedReadAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(CookedReadAccess, NeedsReadAccess)
{
    PageBuffer out(kCooked);
    EXPECT_THAT_STATUS(read(0, out.span()).status, status::AccessDenied);  // FILE_READ_DATA, checked by the I/O manager
    EXPECT_TRUE(allUntouched(out.span()));
}

class CookedReadNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(CookedReadNoMedium, FailsWithNoMediaInDevice)
{
    PageBuffer out(kCooked);
    EXPECT_THAT_STATUS(read(0, out.span()).status, status::NoMediaInDevice);
    EXPECT_TRUE(allUntouched(out.span()));
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, CookedRead, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CookedReadAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, CookedReadNoMedium, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CookedRead);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CookedReadAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CookedReadNoMedium);

}  // namespace
}  // namespace cdcts::suites
