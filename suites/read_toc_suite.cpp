// IOCTL_CDROM_READ_TOC (ioctl-contracts.md §3.15): contract checks that hold for any correct driver and
// drive, whatever the disc. The table of contents itself is checked for its invariants, never against
// what one particular disc holds (that is the reference-disc oracle's work).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::Requirement;
using ioctl::MAXIMUM_CDROM_SIZE;
namespace status = ioctl::status;

constexpr std::uint8_t kLeadOut = 0xAA;

// The smallest output length the adapter accepts that holds a CDROM_TOC: 804 rounded up to the alignment.
std::size_t tocLength(const Device& device)
{
    const std::size_t unit = device.adapter() ? device.adapter()->alignmentMask + 1 : 1;
    return (MAXIMUM_CDROM_SIZE + unit - 1) / unit * unit;
}

// Checks every invariant of a CDROM_TOC reply of `information` bytes.
void expectWellFormedToc(std::span<const std::uint8_t> reply)
{
    ASSERT_GE(reply.size(), 4u + 2 * sizeof(ioctl::TRACK_DATA)) << "a TOC holds a header, at least one track and the lead-out";
    ASSERT_EQ((reply.size() - 4) % sizeof(ioctl::TRACK_DATA), 0u) << "Information " << reply.size() << " is not 4 + 8n";
    ioctl::CDROM_TOC toc{};
    std::memcpy(&toc, reply.data(), std::min(reply.size(), sizeof toc));
    EXPECT_EQ(loadBe16(toc.Length) + 2u, reply.size()) << "Length must count the bytes after itself";
    ASSERT_GE(toc.FirstTrack, 1);
    ASSERT_LE(toc.LastTrack, 99);
    ASSERT_LE(toc.FirstTrack, toc.LastTrack);
    const std::size_t descriptors = (reply.size() - 4) / sizeof(ioctl::TRACK_DATA);
    ASSERT_EQ(descriptors, std::size_t(toc.LastTrack - toc.FirstTrack + 2)) << "one descriptor per track plus the lead-out";

    std::int32_t previous = -151;
    for (std::size_t i = 0; i < descriptors; ++i) {
        const ioctl::TRACK_DATA& t = toc.TrackData[i];
        const bool leadOut = i + 1 == descriptors;
        SCOPED_TRACE("descriptor " + std::to_string(i) + " (track " + std::to_string(t.TrackNumber) + ")");
        EXPECT_EQ(t.TrackNumber, leadOut ? kLeadOut : toc.FirstTrack + i);
        // READ_TOC asks for MSF addresses: 00 MM SS FF.
        EXPECT_EQ(t.Address[0], 0);
        const mmc::Msf msf{t.Address[1], t.Address[2], t.Address[3]};
        EXPECT_TRUE(mmc::isValidMsf(msf)) << "address " << mmc::formatMsf(msf) << " is not a valid MSF";
        const std::int32_t lba = mmc::msfToLba(msf);
        EXPECT_GE(lba, 0) << "a track starts at or after 00:02:00";
        EXPECT_GT(lba, previous) << "addresses must ascend";
        previous = lba;
    }
}

// --- With a disc in the drive --------------------------------------------------------------------------

class ReadToc : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(ReadToc, ReturnsAWellFormedTableOfContents)
{
    std::vector<std::uint8_t> out(tocLength(device()), kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_LE(r.information, MAXIMUM_CDROM_SIZE);
    expectWellFormedToc(std::span(out).first(r.information));
}

TEST_P(ReadToc, LeavesBytesPastInformationAsTheCallerHadThem)
{
    std::vector<std::uint8_t> out(tocLength(device()), kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    const auto past = std::span(out).subspan(std::min<std::size_t>(r.information, out.size()));
    EXPECT_TRUE(std::all_of(past.begin(), past.end(), [](std::uint8_t b) { return b == kUntouched; }))
        << "METHOD_BUFFERED copies exactly Information bytes back";
}

TEST_P(ReadToc, AnswersTheSameTwice)
{
    std::vector<std::uint8_t> first(tocLength(device()), kUntouched), second(first);
    const ControlResult a = control(ioctl::codes::CdromReadToc, {}, first);
    const ControlResult b = control(ioctl::codes::CdromReadToc, {}, second);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_EQ(first, second) << "the TOC of an unchanged disc cannot change between two reads";
}

TEST_P(ReadToc, CapsTheTransferAtOneCdromToc)
{
    // A larger buffer changes nothing: the driver asks the drive for at most sizeof(CDROM_TOC).
    std::vector<std::uint8_t> exact(tocLength(device()), kUntouched), large(4096, kUntouched);
    const ControlResult a = control(ioctl::codes::CdromReadToc, {}, exact);
    const ControlResult b = control(ioctl::codes::CdromReadToc, {}, large);
    ASSERT_THAT_STATUS(a.status, status::Success);
    ASSERT_THAT_STATUS(b.status, status::Success);
    EXPECT_EQ(a.information, b.information);
    EXPECT_LE(b.information, MAXIMUM_CDROM_SIZE);
    EXPECT_TRUE(std::equal(exact.begin(), exact.begin() + a.information, large.begin()));
}

// --- Validation, with or without a disc ----------------------------------------------------------------

struct LengthParam {
    std::string id;
    std::uint32_t length;
};
void PrintTo(const LengthParam& p, std::ostream* os) { *os << p.id << " length=" << p.length; }

class ReadTocShortBuffer : public fixtures::DeviceTestOf<LengthParam> {};

TEST_P(ReadTocShortBuffer, FailsWithBufferTooSmallAndWritesNothing)
{
    std::vector<std::uint8_t> out(GetParam().length, kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    EXPECT_THAT_STATUS(r.status, status::BufferTooSmall);
    // Information (804) is not asserted: user mode cannot see it on an error status (contracts Q8).
    EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == kUntouched; }));
}

class ReadTocAlignment : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(ReadTocAlignment, RejectsALengthTheAdapterCannotAlign)
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    std::vector<std::uint8_t> out(tocLength(device()) + 1, kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    EXPECT_THAT_STATUS(r.status, status::InvalidParameter) << "length " << out.size() << " with alignment mask " << mask;
}

class ReadTocAccess : public fixtures::DeviceTest {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(ReadTocAccess, NeedsReadAccess)
{
    // The I/O manager refuses the request before the driver sees it (§1 step 1): READ access is required.
    std::vector<std::uint8_t> out(MAXIMUM_CDROM_SIZE, kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
    EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == kUntouched; }));
}

// --- With no disc ----------------------------------------------------------------------------------------

class ReadTocNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(ReadTocNoMedium, FailsWithNoMediaInDevice)
{
    std::vector<std::uint8_t> out(tocLength(device()), kUntouched);
    const ControlResult r = control(ioctl::codes::CdromReadToc, {}, out);
    EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
    EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == kUntouched; }));
}

std::vector<LengthParam> shortLengths()
{
    std::vector<LengthParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::uint32_t length : {0u, 1u, 2u, 4u, 803u}) out.push_back({d.id, length});
    return out;
}

std::string lengthName(const testing::TestParamInfo<LengthParam>& info)
{
    return info.param.id + "_length_" + std::to_string(info.param.length);
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, ReadToc, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocShortBuffer, testing::ValuesIn(shortLengths()), lengthName);
INSTANTIATE_TEST_SUITE_P(, ReadTocAlignment, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocNoMedium, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadToc);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocAlignment);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocNoMedium);

}  // namespace
}  // namespace cdcts::suites
