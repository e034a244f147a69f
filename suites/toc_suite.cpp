// IOCTL_CDROM_READ_TOC_EX (ioctl-contracts.md §3.17) in every format and address form, and
// IOCTL_CDROM_GET_LAST_SESSION (§3.16). Replies are checked for their invariants and against each other (the
// MSF and LBA forms of one TOC, READ_TOC vs FORMAT_TOC, the session data vs the full TOC), never against what
// one particular disc holds. Formats a medium cannot give (PMA and ATIP exist only on recordable discs, CD-TEXT
// only where the drive reads it) are skipped NotSupported with the reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
namespace status = ioctl::status;
namespace codes = ioctl::codes;

constexpr std::uint8_t kUntouched = 0xCD;  // what the caller's buffer holds before the call
constexpr std::uint8_t kLeadOut = 0xAA;
constexpr std::uint8_t kFormatToc = ioctl::CDROM_READ_TOC_EX_FORMAT_TOC;
constexpr std::uint8_t kFormatSession = ioctl::CDROM_READ_TOC_EX_FORMAT_SESSION;
constexpr std::uint8_t kFormatFullToc = ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC;
constexpr std::uint8_t kFormatPma = ioctl::CDROM_READ_TOC_EX_FORMAT_PMA;
constexpr std::uint8_t kFormatAtip = ioctl::CDROM_READ_TOC_EX_FORMAT_ATIP;
constexpr std::uint8_t kFormatCdText = ioctl::CDROM_READ_TOC_EX_FORMAT_CDTEXT;
constexpr std::size_t kSessionDataSize = sizeof(ioctl::CDROM_TOC_SESSION_DATA);
constexpr std::size_t kFullTocBlock = sizeof(ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK);
constexpr std::size_t kAtipBlock = sizeof(ioctl::CDROM_TOC_ATIP_DATA_BLOCK);
constexpr std::size_t kCdTextBlock = sizeof(ioctl::CDROM_TOC_CD_TEXT_DATA_BLOCK);
constexpr std::uint16_t kProfileCdR = 0x0009;
constexpr std::uint16_t kProfileCdRw = 0x000A;

// `n` rounded up to the adapter's alignment; 8 when the adapter is unknown, which passes every usual mask (0-7).
std::size_t aligned(const Device& device, std::size_t n)
{
    const std::size_t unit = device.adapter() ? device.adapter()->alignmentMask + 1 : 8;
    return (n + unit - 1) / unit * unit;
}

bool untouchedFrom(std::span<const std::uint8_t> buffer, std::size_t from)
{
    const auto past = buffer.subspan(std::min(from, buffer.size()));
    return std::all_of(past.begin(), past.end(), [](std::uint8_t b) { return b == kUntouched; });
}

std::array<std::uint8_t, 4> tocExInput(std::uint8_t format, bool msf, std::uint8_t sessionTrack)
{
    return {static_cast<std::uint8_t>((format & 0x0F) | (msf ? 0x80 : 0x00)), sessionTrack, 0, 0};
}

struct Reply {
    ControlResult result;
    std::vector<std::uint8_t> buffer;  // the whole caller buffer, untouched bytes included
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return std::span(buffer).first(std::min<std::size_t>(result.information, buffer.size())); }
};

// A TOC descriptor's address as an LBA, from either form.
std::int32_t lbaOf(const ioctl::TRACK_DATA& t, bool msf)
{
    if (msf) return mmc::msfToLba(mmc::Msf{t.Address[1], t.Address[2], t.Address[3]});
    return static_cast<std::int32_t>(loadBe32(t.Address));
}

// The MSF form's address counted in frames from 00:00:00, which is the LBA + 150.
std::int32_t msfFrames(const ioctl::TRACK_DATA& t)
{
    return (t.Address[1] * mmc::kSecondsPerMinute + t.Address[2]) * mmc::kFramesPerSecond + t.Address[3];
}

// The Length field at the head of every TOC reply.
std::size_t lengthField(std::span<const std::uint8_t> reply) { return loadBe16(reply.data()); }

ioctl::TRACK_DATA descriptorAt(std::span<const std::uint8_t> reply, std::size_t i)
{
    ioctl::TRACK_DATA t{};
    std::memcpy(&t, reply.data() + 4 + i * sizeof t, sizeof t);
    return t;
}

std::size_t tocDescriptors(std::span<const std::uint8_t> reply) { return reply.size() < 4 ? 0 : (reply.size() - 4) / sizeof(ioctl::TRACK_DATA); }

// Every invariant of a FORMAT_TOC reply; `firstReported` is the first track the reply lists (0 = only the lead-out).
void expectWellFormedToc(std::span<const std::uint8_t> reply, bool msf)
{
    ASSERT_GE(reply.size(), 4u + sizeof(ioctl::TRACK_DATA)) << "a TOC holds a header and at least the lead-out";
    ASSERT_EQ((reply.size() - 4) % sizeof(ioctl::TRACK_DATA), 0u) << "Information " << reply.size() << " is not 4 + 8n";
    EXPECT_EQ(lengthField(reply) + 2u, reply.size()) << "Length must count the bytes after itself";
    const std::uint8_t first = reply[2], last = reply[3];
    ASSERT_GE(first, 1);
    ASSERT_LE(last, 99);
    ASSERT_LE(first, last);
    const std::size_t n = tocDescriptors(reply);
    std::int32_t previous = -151;
    for (std::size_t i = 0; i < n; ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(reply, i);
        const bool leadOut = i + 1 == n;
        SCOPED_TRACE("descriptor " + std::to_string(i) + " (track " + std::to_string(t.TrackNumber) + ")");
        if (leadOut) {
            EXPECT_EQ(t.TrackNumber, kLeadOut) << "the lead-out comes last";
        } else {
            EXPECT_GE(t.TrackNumber, first);
            EXPECT_LE(t.TrackNumber, last);
            if (i > 0) {
                EXPECT_EQ(t.TrackNumber, descriptorAt(reply, i - 1).TrackNumber + 1) << "tracks ascend one by one";
            }
        }
        if (msf) {
            EXPECT_EQ(t.Address[0], 0) << "MSF addresses are 00 MM SS FF";
            const mmc::Msf m{t.Address[1], t.Address[2], t.Address[3]};
            EXPECT_TRUE(mmc::isValidMsf(m)) << mmc::formatMsf(m) << " is not a valid MSF";
        }
        const std::int32_t lba = lbaOf(t, msf);
        EXPECT_GE(lba, leadOut ? 1 : -150) << "an address before the program area";
        EXPECT_GT(lba, previous) << "addresses must ascend";
        previous = lba;
    }
}

// Every invariant of a CDROM_TOC_SESSION_DATA reply.
void expectWellFormedSessionData(std::span<const std::uint8_t> reply, bool msf)
{
    ASSERT_EQ(reply.size(), kSessionDataSize) << "the session data is one header and one descriptor";
    EXPECT_EQ(lengthField(reply), kSessionDataSize - 2) << "Length must count the bytes after itself";
    EXPECT_GE(reply[2], 1) << "FirstCompleteSession";
    EXPECT_LE(reply[2], reply[3]) << "FirstCompleteSession <= LastCompleteSession";
    EXPECT_LE(reply[3], 99) << "LastCompleteSession";
    const ioctl::TRACK_DATA t = descriptorAt(reply, 0);
    EXPECT_GE(t.TrackNumber, 1);
    EXPECT_LE(t.TrackNumber, 99);
    if (msf) {
        EXPECT_EQ(t.Address[0], 0);
        EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{t.Address[1], t.Address[2], t.Address[3]}));
    }
    EXPECT_GE(lbaOf(t, msf), 0) << "the last session starts in the program area";
}

// --- Shared fixture -------------------------------------------------------------------------------------------

template <class Param>
class TocTestOf : public fixtures::DeviceTestOf<Param> {
protected:
    Reply readTocEx(std::uint8_t format, bool msf, std::uint8_t sessionTrack, std::size_t outLen)
    {
        const auto in = tocExInput(format, msf, sessionTrack);
        return call(codes::CdromReadTocEx, in, outLen);
    }
    // The whole reply of a format: a 64 KiB - alignment buffer holds any TOC reply.
    Reply readTocExAll(std::uint8_t format, bool msf, std::uint8_t sessionTrack = 0)
    {
        return readTocEx(format, msf, sessionTrack, aligned(this->device(), 0xF000));
    }
    Reply getLastSession(std::size_t outLen) { return call(codes::CdromGetLastSession, {}, outLen); }
    Reply call(ioctl::ControlCode code, std::span<const std::uint8_t> in, std::size_t outLen)
    {
        Reply r{{}, std::vector<std::uint8_t>(outLen, kUntouched)};
        r.result = this->control(code, in, r.buffer);
        return r;
    }
    // The current MMC profile from GET_CONFIGURATION's header, nullopt when the drive does not say.
    std::optional<std::uint16_t> currentProfile()
    {
        ioctl::GET_CONFIGURATION_IOCTL_INPUT in{};
        in.Feature = ioctl::FEATURE_NUMBER{};  // the profile list; only the header matters
        in.RequestType = 2;                    // SCSI_GET_CONFIGURATION_REQUEST_TYPE_ONE
        std::vector<std::uint8_t> bytes(sizeof in);
        std::memcpy(bytes.data(), &in, sizeof in);
        const Reply r = call(codes::CdromGetConfiguration, bytes, aligned(this->device(), sizeof(ioctl::GET_CONFIGURATION_HEADER)));
        if (!r.result.status.isSuccess() || r.result.information < sizeof(ioctl::GET_CONFIGURATION_HEADER)) return std::nullopt;
        return loadBe16(r.buffer.data() + offsetof(ioctl::GET_CONFIGURATION_HEADER, CurrentProfile));
    }
    // Why the medium has no PMA or ATIP, or nullopt for CD-R and CD-RW: only a recordable disc has them (MMC-6 §6.26.3).
    std::optional<std::string> notRecordable(const char* what)
    {
        const auto profile = currentProfile();
        if (profile == kProfileCdR || profile == kProfileCdRw) return std::nullopt;
        std::ostringstream reason;
        reason << what << " exists only on CD-R/CD-RW; the current profile is ";
        if (profile) reason << std::hex << std::setw(4) << std::setfill('0') << *profile << "h"; else reason << "unknown (GET_CONFIGURATION failed)";
        return reason.str();
    }
};

// --- READ_TOC_EX with a disc in the drive ---------------------------------------------------------------------

class ReadTocEx : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(ReadTocEx, FormatTocInLbaIsWellFormed)
{
    const Reply r = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    expectWellFormedToc(r.bytes(), false);
    EXPECT_EQ(tocDescriptors(r.bytes()), std::size_t(r.buffer[3] - r.buffer[2] + 2)) << "one descriptor per track plus the lead-out";
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information)) << "METHOD_BUFFERED copies exactly Information bytes back";
}

TEST_P(ReadTocEx, FormatTocInMsfIsWellFormed)
{
    const Reply r = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    expectWellFormedToc(r.bytes(), true);
    EXPECT_EQ(tocDescriptors(r.bytes()), std::size_t(r.buffer[3] - r.buffer[2] + 2)) << "one descriptor per track plus the lead-out";
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
}

TEST_P(ReadTocEx, FormatTocMsfAddressesAreTheLbaPlus150)
{
    const Reply lba = readTocExAll(kFormatToc, false), msf = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(lba.result.status, status::Success);
    ASSERT_THAT_STATUS(msf.result.status, status::Success);
    ASSERT_EQ(lba.result.information, msf.result.information) << "both forms list the same descriptors";
    EXPECT_TRUE(std::equal(lba.buffer.begin(), lba.buffer.begin() + 4, msf.buffer.begin())) << "the same header";
    for (std::size_t i = 0; i < tocDescriptors(lba.bytes()); ++i) {
        const ioctl::TRACK_DATA a = descriptorAt(lba.bytes(), i), b = descriptorAt(msf.bytes(), i);
        SCOPED_TRACE("descriptor " + std::to_string(i));
        EXPECT_EQ(a.TrackNumber, b.TrackNumber);
        EXPECT_EQ(int{a.Control}, int{b.Control});
        EXPECT_EQ(int{a.Adr}, int{b.Adr});
        EXPECT_EQ(msfFrames(b), lbaOf(a, false) + mmc::kMsfLbaOffset) << "MSF = LBA + 150";
    }
}

TEST_P(ReadTocEx, FormatTocInMsfMatchesReadToc)
{
    // READ_TOC is READ TOC format 0 in MSF from the first track (§3.15): the same bytes as FORMAT_TOC with Msf 1.
    const Reply legacy = call(codes::CdromReadToc, {}, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
    const Reply ex = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(legacy.result.status, status::Success);
    ASSERT_THAT_STATUS(ex.result.status, status::Success);
    ASSERT_EQ(legacy.result.information, ex.result.information);
    EXPECT_TRUE(std::ranges::equal(legacy.bytes(), ex.bytes())) << "READ_TOC and READ_TOC_EX FORMAT_TOC disagree";
}

TEST_P(ReadTocEx, FormatTocFromTheFirstTrackEqualsFromTrackZero)
{
    const Reply all = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(all.result.status, status::Success);
    const Reply fromFirst = readTocExAll(kFormatToc, false, all.buffer[2]);
    ASSERT_THAT_STATUS(fromFirst.result.status, status::Success);
    EXPECT_TRUE(std::ranges::equal(all.bytes(), fromFirst.bytes())) << "SessionTrack 0 and the first track number both mean from the start";
}

TEST_P(ReadTocEx, FormatTocFromTheLastTrackListsItAndTheLeadOut)
{
    const Reply all = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(all.result.status, status::Success);
    const std::uint8_t last = all.buffer[3];
    const Reply tail = readTocExAll(kFormatToc, false, last);
    ASSERT_THAT_STATUS(tail.result.status, status::Success);
    expectWellFormedToc(tail.bytes(), false);
    ASSERT_EQ(tocDescriptors(tail.bytes()), 2u) << "track " << int{last} << " and the lead-out";
    EXPECT_TRUE(std::equal(all.buffer.begin() + 2, all.buffer.begin() + 4, tail.buffer.begin() + 2)) << "First/LastTrack describe the disc";
    const std::size_t n = tocDescriptors(all.bytes());
    EXPECT_EQ(std::memcmp(all.bytes().data() + 4 + (n - 2) * 8, tail.bytes().data() + 4, 16), 0) << "the same two descriptors as in the whole TOC";
}

TEST_P(ReadTocEx, FormatTocFromTheLeadOutListsOnlyTheLeadOut)
{
    const Reply all = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(all.result.status, status::Success);
    const Reply leadOut = readTocExAll(kFormatToc, true, kLeadOut);
    ASSERT_THAT_STATUS(leadOut.result.status, status::Success);
    ASSERT_EQ(leadOut.result.information, 4u + 8u) << "SessionTrack AAh asks for the lead-out alone";
    EXPECT_EQ(lengthField(leadOut.buffer), 10u);
    const std::size_t n = tocDescriptors(all.bytes());
    EXPECT_EQ(std::memcmp(all.bytes().data() + 4 + (n - 1) * 8, leadOut.bytes().data() + 4, 8), 0) << "the whole TOC's lead-out descriptor";
}

TEST_P(ReadTocEx, FormatTocPastTheLastTrackIsAnInvalidRequest)
{
    const Reply all = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(all.result.status, status::Success);
    const std::uint8_t last = all.buffer[3];
    if (last >= 99) GTEST_SKIP() << "NotSupported: the disc has 99 tracks, no track number lies past the last";
    // MMC: an invalid track number is INVALID FIELD IN CDB (24h), which the driver maps to INVALID_DEVICE_REQUEST (§8.1).
    const Reply past = readTocExAll(kFormatToc, false, static_cast<std::uint8_t>(last + 1));
    EXPECT_THAT_STATUS(past.result.status, status::InvalidDeviceRequest);
    EXPECT_TRUE(untouchedFrom(past.buffer, 0));
}

TEST_P(ReadTocEx, TruncatesALongReplyAndItsLengthStillCountsTheWhole)
{
    // §3.17: a reply longer than OutLen is cut to OutLen and the call succeeds; Length tells the full size.
    const Reply all = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(all.result.status, status::Success);
    for (const std::size_t length : {aligned(device(), ioctl::MINIMUM_CDROM_READ_TOC_EX_SIZE), aligned(device(), 4)}) {
        SCOPED_TRACE("OutLen " + std::to_string(length));
        const Reply cut = readTocEx(kFormatToc, false, 0, length);
        ASSERT_THAT_STATUS(cut.result.status, status::Success);
        EXPECT_EQ(cut.result.information, std::min<std::size_t>(length, all.result.information));
        EXPECT_TRUE(std::equal(cut.bytes().begin(), cut.bytes().end(), all.buffer.begin())) << "a prefix of the whole reply";
        EXPECT_EQ(lengthField(cut.buffer), lengthField(all.buffer)) << "Length is the full reply's";
        EXPECT_TRUE(untouchedFrom(cut.buffer, cut.result.information));
    }
}

TEST_P(ReadTocEx, AnswersTheSameTwice)
{
    const Reply a = readTocExAll(kFormatFullToc, true), b = readTocExAll(kFormatFullToc, true);
    ASSERT_THAT_STATUS(a.result.status, status::Success);
    ASSERT_THAT_STATUS(b.result.status, status::Success);
    EXPECT_EQ(a.buffer, b.buffer) << "the full TOC of an unchanged disc cannot change between two reads";
}

TEST_P(ReadTocEx, FormatSessionInLbaIsWellFormed)
{
    const Reply r = readTocExAll(kFormatSession, false);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    expectWellFormedSessionData(r.bytes(), false);
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
}

TEST_P(ReadTocEx, FormatSessionInMsfIsTheLbaPlus150)
{
    const Reply lba = readTocExAll(kFormatSession, false), msf = readTocExAll(kFormatSession, true);
    ASSERT_THAT_STATUS(lba.result.status, status::Success);
    ASSERT_THAT_STATUS(msf.result.status, status::Success);
    expectWellFormedSessionData(msf.bytes(), true);
    ASSERT_EQ(lba.result.information, msf.result.information);
    EXPECT_TRUE(std::equal(lba.buffer.begin(), lba.buffer.begin() + 4, msf.buffer.begin())) << "the same header";
    const ioctl::TRACK_DATA a = descriptorAt(lba.bytes(), 0), b = descriptorAt(msf.bytes(), 0);
    EXPECT_EQ(a.TrackNumber, b.TrackNumber);
    EXPECT_EQ(int{a.Control}, int{b.Control});
    EXPECT_EQ(msfFrames(b), lbaOf(a, false) + mmc::kMsfLbaOffset) << "MSF = LBA + 150";
}

TEST_P(ReadTocEx, FormatSessionMatchesGetLastSession)
{
    // GET_LAST_SESSION is READ TOC format 1 in LBA (§3.16): the same bytes as FORMAT_SESSION with Msf 0.
    const Reply ex = readTocExAll(kFormatSession, false);
    const Reply last = getLastSession(aligned(device(), kSessionDataSize));
    ASSERT_THAT_STATUS(ex.result.status, status::Success);
    ASSERT_THAT_STATUS(last.result.status, status::Success);
    EXPECT_TRUE(std::ranges::equal(ex.bytes(), last.bytes())) << "READ_TOC_EX FORMAT_SESSION and GET_LAST_SESSION disagree";
}

TEST_P(ReadTocEx, FormatSessionTrackIsInTheToc)
{
    const Reply session = readTocExAll(kFormatSession, false), toc = readTocExAll(kFormatToc, false);
    ASSERT_THAT_STATUS(session.result.status, status::Success);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    const ioctl::TRACK_DATA first = descriptorAt(session.bytes(), 0);
    for (std::size_t i = 0; i + 1 < tocDescriptors(toc.bytes()); ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(toc.bytes(), i);
        if (t.TrackNumber != first.TrackNumber) continue;
        EXPECT_EQ(loadBe32(t.Address), loadBe32(first.Address)) << "the track starts where the TOC says";
        EXPECT_EQ(int{t.Control}, int{first.Control});
        return;
    }
    ADD_FAILURE() << "the last session's first track " << int{first.TrackNumber} << " is not in the TOC";
}

// --- FULL_TOC (Msf must be 1: LBA is not defined for the raw TOC) ----------------------------------------------

struct FullTocEntry {
    ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK block;
    [[nodiscard]] std::int32_t pointLba() const { return mmc::msfToLba(mmc::Msf{block.Msf[0], block.Msf[1], block.Msf[2]}); }
};

std::vector<FullTocEntry> fullTocEntries(std::span<const std::uint8_t> reply)
{
    std::vector<FullTocEntry> out;
    for (std::size_t at = 4; at + kFullTocBlock <= reply.size(); at += kFullTocBlock) {
        FullTocEntry e{};
        std::memcpy(&e.block, reply.data() + at, kFullTocBlock);
        out.push_back(e);
    }
    return out;
}

TEST_P(ReadTocEx, FormatFullTocIsWellFormed)
{
    const Reply r = readTocExAll(kFormatFullToc, true);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    const auto reply = r.bytes();
    ASSERT_GE(reply.size(), 4u + 3 * kFullTocBlock) << "a session holds at least A0, A1 and A2";
    ASSERT_EQ((reply.size() - 4) % kFullTocBlock, 0u) << "Information " << reply.size() << " is not 4 + 11n";
    EXPECT_EQ(lengthField(reply) + 2u, reply.size()) << "Length must count the bytes after itself";
    const std::uint8_t firstSession = reply[2], lastSession = reply[3];
    ASSERT_GE(firstSession, 1);
    ASSERT_LE(firstSession, lastSession);
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
    for (std::uint8_t s = firstSession; s <= lastSession; ++s) {
        SCOPED_TRACE("session " + std::to_string(s));
        std::optional<FullTocEntry> a0, a1, a2;
        std::vector<FullTocEntry> tracks;
        for (const FullTocEntry& e : fullTocEntries(reply)) {
            if (e.block.SessionNumber != s || e.block.Adr != ioctl::ADR_ENCODES_CURRENT_POSITION) continue;
            if (e.block.Point == 0xA0) a0 = e;
            else if (e.block.Point == 0xA1) a1 = e;
            else if (e.block.Point == 0xA2) a2 = e;
            else if (e.block.Point >= 1 && e.block.Point <= 99) tracks.push_back(e);
        }
        ASSERT_TRUE(a0 && a1 && a2) << "every session has the A0, A1 and A2 points";
        EXPECT_LE(a0->block.Msf[0], a1->block.Msf[0]) << "A0 names the first track, A1 the last";
        EXPECT_EQ(tracks.size(), std::size_t(a1->block.Msf[0] - a0->block.Msf[0] + 1)) << "one point per track from A0 to A1";
        EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{a2->block.Msf[0], a2->block.Msf[1], a2->block.Msf[2]}));
        for (const FullTocEntry& t : tracks) {
            EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{t.block.Msf[0], t.block.Msf[1], t.block.Msf[2]})) << "track " << int{t.block.Point};
            EXPECT_LT(t.pointLba(), a2->pointLba()) << "track " << int{t.block.Point} << " starts before its session's lead-out";
        }
    }
}

TEST_P(ReadTocEx, FormatFullTocAgreesWithTheToc)
{
    const Reply full = readTocExAll(kFormatFullToc, true), toc = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(full.result.status, status::Success);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    const auto entries = fullTocEntries(full.bytes());
    const std::size_t n = tocDescriptors(toc.bytes());
    ASSERT_GE(n, 2u);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(toc.bytes(), i);
        const auto e = std::ranges::find_if(entries, [&](const FullTocEntry& x) {
            return x.block.Adr == ioctl::ADR_ENCODES_CURRENT_POSITION && x.block.Point == t.TrackNumber;
        });
        ASSERT_NE(e, entries.end()) << "track " << int{t.TrackNumber} << " of the TOC has no point in the full TOC";
        EXPECT_EQ(e->pointLba(), lbaOf(t, true)) << "track " << int{t.TrackNumber} << " starts at the same address";
        EXPECT_EQ(int{e->block.Control}, int{t.Control}) << "track " << int{t.TrackNumber};
    }
    // The TOC's lead-out is the last session's (A2 of the highest session number).
    const auto lastA2 = std::ranges::find_if(entries.rbegin(), entries.rend(), [&](const FullTocEntry& x) {
        return x.block.Adr == ioctl::ADR_ENCODES_CURRENT_POSITION && x.block.Point == 0xA2 && x.block.SessionNumber == full.buffer[3];
    });
    ASSERT_NE(lastA2, entries.rend()) << "no A2 point for the last session";
    EXPECT_EQ(lastA2->pointLba(), lbaOf(descriptorAt(toc.bytes(), n - 1), true)) << "the lead-out";
}

TEST_P(ReadTocEx, FormatFullTocAgreesWithTheSessionData)
{
    const Reply full = readTocExAll(kFormatFullToc, true);
    const Reply session = getLastSession(aligned(device(), kSessionDataSize));
    ASSERT_THAT_STATUS(full.result.status, status::Success);
    ASSERT_THAT_STATUS(session.result.status, status::Success);
    ASSERT_EQ(session.result.information, kSessionDataSize);
    EXPECT_EQ(session.buffer[2], full.buffer[2]) << "FirstCompleteSession";
    EXPECT_EQ(session.buffer[3], full.buffer[3]) << "LastCompleteSession: the session count";
    const auto entries = fullTocEntries(full.bytes());
    const auto a0 = std::ranges::find_if(entries, [&](const FullTocEntry& x) {
        return x.block.Adr == ioctl::ADR_ENCODES_CURRENT_POSITION && x.block.Point == 0xA0 && x.block.SessionNumber == session.buffer[3];
    });
    ASSERT_NE(a0, entries.end()) << "no A0 point for the last session";
    const ioctl::TRACK_DATA first = descriptorAt(session.bytes(), 0);
    EXPECT_EQ(first.TrackNumber, a0->block.Msf[0]) << "the last session's first track";
}

TEST_P(ReadTocEx, FormatFullTocFromTheLastSessionListsOnlyIt)
{
    const Reply full = readTocExAll(kFormatFullToc, true);
    ASSERT_THAT_STATUS(full.result.status, status::Success);
    const std::uint8_t last = full.buffer[3];
    const Reply tail = readTocExAll(kFormatFullToc, true, last);
    ASSERT_THAT_STATUS(tail.result.status, status::Success);
    ASSERT_EQ((tail.result.information - 4) % kFullTocBlock, 0u);
    const auto entries = fullTocEntries(tail.bytes());
    EXPECT_FALSE(entries.empty());
    for (const FullTocEntry& e : entries) EXPECT_EQ(e.block.SessionNumber, last) << "point " << std::hex << int{e.block.Point};
}

// --- PMA and ATIP: recordable media only ---------------------------------------------------------------------

TEST_P(ReadTocEx, FormatPmaIsWellFormed)
{
    if (const auto why = notRecordable("a PMA")) GTEST_SKIP() << "NotSupported: " << *why;
    const Reply r = readTocExAll(kFormatPma, true);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    const auto reply = r.bytes();
    ASSERT_GE(reply.size(), 4u);
    EXPECT_EQ((reply.size() - 4) % kFullTocBlock, 0u) << "Information " << reply.size() << " is not 4 + 11n";
    EXPECT_EQ(lengthField(reply) + 2u, reply.size()) << "Length must count the bytes after itself";
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
}

TEST_P(ReadTocEx, FormatAtipIsWellFormed)
{
    if (const auto why = notRecordable("an ATIP")) GTEST_SKIP() << "NotSupported: " << *why;
    const auto profile = currentProfile();
    const Reply r = readTocExAll(kFormatAtip, true);
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    ASSERT_EQ(r.result.information, 4u + kAtipBlock) << "the ATIP is one 24-byte descriptor";
    EXPECT_EQ(lengthField(r.buffer), 2u + kAtipBlock) << "Length must count the bytes after itself";
    ioctl::CDROM_TOC_ATIP_DATA_BLOCK atip{};
    std::memcpy(&atip, r.buffer.data() + 4, sizeof atip);
    EXPECT_EQ(int{atip.True1}, 1);
    EXPECT_EQ(int{atip.True2}, 1);
    EXPECT_EQ(int{atip.IsCdrw}, profile == kProfileCdRw ? 1 : 0) << "the disc type bit agrees with the current profile";
    EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{atip.LeadInMsf[0], atip.LeadInMsf[1], atip.LeadInMsf[2]}));
    EXPECT_TRUE(mmc::isValidMsf(mmc::Msf{atip.LeadOutMsf[0], atip.LeadOutMsf[1], atip.LeadOutMsf[2]}));
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
}

// --- CD-TEXT: a drive that reads it answers a disc without text with the header alone -----------------------

TEST_P(ReadTocEx, FormatCdTextIsWellFormed)
{
    const Reply r = readTocExAll(kFormatCdText, false);
    if (r.result.status == status::InvalidDeviceRequest)
        GTEST_SKIP() << "NotSupported: the drive refuses READ TOC format 5 (it does not read CD-TEXT)";
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    const auto reply = r.bytes();
    ASSERT_GE(reply.size(), 4u) << "at least the header";
    EXPECT_EQ((reply.size() - 4) % kCdTextBlock, 0u) << "Information " << reply.size() << " is not 4 + 18n";
    EXPECT_EQ(lengthField(reply) + 2u, reply.size()) << "Length must count the bytes after itself";
    for (std::size_t at = 4; at + kCdTextBlock <= reply.size(); at += kCdTextBlock) {
        ioctl::CDROM_TOC_CD_TEXT_DATA_BLOCK pack{};
        std::memcpy(&pack, reply.data() + at, sizeof pack);
        SCOPED_TRACE("pack " + std::to_string((at - 4) / kCdTextBlock));
        EXPECT_GE(pack.PackType, 0x80) << "pack types are 80h-8Fh";
        EXPECT_LE(pack.PackType, 0x8F) << "pack types are 80h-8Fh";
        EXPECT_LE(int{pack.TrackNumber}, 99);
    }
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information));
}

// --- READ_TOC_EX V-stage (§3.17 rows 1-7), with or without a disc ----------------------------------------------

class ReadTocExValidation : public TocTestOf<fixtures::DeviceParam> {};

TEST_P(ReadTocExValidation, RejectsAnInputShorterThanFourBytes)  // row 1
{
    const auto full = tocExInput(kFormatToc, false, 0);
    for (std::size_t inLen = 0; inLen < full.size(); ++inLen) {
        SCOPED_TRACE("InLen " + std::to_string(inLen));
        const Reply r = call(codes::CdromReadTocEx, std::span(full).first(inLen), aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InfoLengthMismatch);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsAnOutputShorterThanTwoBytes)  // row 2
{
    for (const std::size_t outLen : {0u, 1u}) {
        SCOPED_TRACE("OutLen " + std::to_string(outLen));
        const Reply r = readTocEx(kFormatToc, false, 0, outLen);
        EXPECT_THAT_STATUS(r.result.status, status::BufferTooSmall);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsAnOutputLongerThan65535Bytes)  // row 3
{
    const Reply r = readTocEx(kFormatToc, false, 0, 0x10000);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

TEST_P(ReadTocExValidation, RejectsReservedBits)  // row 5
{
    struct Case {
        const char* what;
        std::array<std::uint8_t, 4> input;
    };
    const Case cases[] = {{"Reserved1 bit 4", {0x10, 0, 0, 0}}, {"Reserved1 bit 5", {0x20, 0, 0, 0}}, {"Reserved1 bit 6", {0x40, 0, 0, 0}},
                          {"Reserved2", {0x00, 0, 1, 0}},       {"Reserved3", {0x00, 0, 0, 1}},       {"Reserved2 with Msf", {0x80, 0, 0x80, 0}}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        const Reply r = call(codes::CdromReadTocEx, c.input, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsASessionTrackForSessionPmaAndAtip)  // row 6
{
    for (const std::uint8_t format : {kFormatSession, kFormatPma, kFormatAtip})
        for (const bool msf : {false, true}) {
            SCOPED_TRACE("format " + std::to_string(format) + (msf ? " Msf 1" : " Msf 0"));
            const Reply r = readTocEx(format, msf, 1, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
            EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
            EXPECT_TRUE(untouchedFrom(r.buffer, 0));
        }
}

TEST_P(ReadTocExValidation, RejectsAnUnknownFormat)  // row 7
{
    for (std::uint8_t format = 6; format <= 15; ++format) {
        SCOPED_TRACE("format " + std::to_string(format));
        const Reply r = readTocEx(format, false, 0, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, ChecksTheRowsInTheContractsOrder)
{
    // The first failing row decides (§3 legend): each case breaks two rows and expects the earlier one's status.
    const auto bad = std::array<std::uint8_t, 4>{0x17, 1, 1, 1};  // format 7, reserved bits, a SessionTrack
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, std::span(bad).first(3), 0).result.status, status::InfoLengthMismatch) << "row 1 before row 2";
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, bad, 0).result.status, status::BufferTooSmall) << "row 2 before row 5";
    const auto session = tocExInput(kFormatSession, false, 1);
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, session, 0).result.status, status::BufferTooSmall) << "row 2 before row 6";
}

class ReadTocExAlignment : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(ReadTocExAlignment, RejectsALengthTheAdapterCannotAlign)  // row 4
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    const Reply r = readTocEx(kFormatToc, false, 0, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE) + 1);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter) << "alignment mask " << mask;
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class ReadTocExAccess : public TocTestOf<fixtures::DeviceParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(ReadTocExAccess, NeedsReadAccess)
{
    const Reply r = readTocEx(kFormatToc, false, 0, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(r.result.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class ReadTocExNoMedium : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(ReadTocExNoMedium, FailsWithNoMediaInDevice)
{
    for (const std::uint8_t format : {kFormatToc, kFormatSession, kFormatFullToc}) {
        SCOPED_TRACE("format " + std::to_string(format));
        const Reply r = readTocExAll(format, format != kFormatToc);
        EXPECT_THAT_STATUS(r.result.status, status::NoMediaInDevice);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

// --- While audio plays (§7.4): the three TOC codes probe the play state first ------------------------------

// Stops the audio the test started, whatever the test's outcome, so the drive is left as found.
class StopAudioOnExit {
public:
    explicit StopAudioOnExit(DeviceHandle& handle) : handle_(handle) {}
    StopAudioOnExit(const StopAudioOnExit&) = delete;
    StopAudioOnExit& operator=(const StopAudioOnExit&) = delete;
    ~StopAudioOnExit() { (void)handle_.control(codes::CdromStopAudio, {}, {}); }

private:
    DeviceHandle& handle_;
};

class TocWhileAudioPlays : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(TocWhileAudioPlays, ReadTocExGetLastSessionAndReadTocAnswerDeviceBusy)
{
    // The first audio track of the disc, from the MSF TOC; a data-only disc cannot play.
    const Reply toc = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    std::optional<std::int32_t> start, end;
    for (std::size_t i = 0; i + 1 < tocDescriptors(toc.bytes()); ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(toc.bytes(), i);
        if ((t.Control & ioctl::AUDIO_DATA_TRACK) != 0) continue;
        start = msfFrames(t);
        end = msfFrames(descriptorAt(toc.bytes(), i + 1));
        break;
    }
    if (!start) GTEST_SKIP() << "NotSupported: the disc has no audio track to play";

    // Ten seconds (or the whole track if shorter): long enough to still play when the probes ask.
    const std::int32_t stop = std::min(*end, *start + 10 * mmc::kFramesPerSecond) - 1;
    const auto msfOf = [](std::int32_t frames) {
        return std::array<std::uint8_t, 3>{static_cast<std::uint8_t>(frames / (mmc::kSecondsPerMinute * mmc::kFramesPerSecond)),
                                           static_cast<std::uint8_t>(frames / mmc::kFramesPerSecond % mmc::kSecondsPerMinute),
                                           static_cast<std::uint8_t>(frames % mmc::kFramesPerSecond)};
    };
    const auto from = msfOf(*start), to = msfOf(stop);
    const std::array<std::uint8_t, sizeof(ioctl::CDROM_PLAY_AUDIO_MSF)> play{from[0], from[1], from[2], to[0], to[1], to[2]};
    const StopAudioOnExit stopAudio(handle());
    const ControlResult played = control(codes::CdromPlayAudioMsf, play, {});
    if (played.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(played.status, status::Success);

    // STATUS_DEVICE_BUSY is a warning the sample completes with Information 0: nothing is copied back (§0.3).
    const Reply ex = readTocExAll(kFormatToc, false);
    EXPECT_THAT_STATUS(ex.result.status, status::DeviceBusy) << "READ_TOC_EX";
    EXPECT_TRUE(untouchedFrom(ex.buffer, 0));
    const Reply session = getLastSession(aligned(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(session.result.status, status::DeviceBusy) << "GET_LAST_SESSION";
    EXPECT_TRUE(untouchedFrom(session.buffer, 0));
    const Reply legacy = call(codes::CdromReadToc, {}, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(legacy.result.status, status::DeviceBusy) << "READ_TOC";
    EXPECT_TRUE(untouchedFrom(legacy.buffer, 0));
    // The V-stage runs before the probe (§1): a malformed request is refused as such even while audio plays.
    const Reply malformed = readTocEx(9, false, 0, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(malformed.result.status, status::InvalidParameter);

    // Once the audio stops, the TOC is readable again and unchanged.
    ASSERT_THAT_STATUS(control(codes::CdromStopAudio, {}, {}).status, status::Success);
    const Reply after = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(after.result.status, status::Success);
    EXPECT_EQ(after.buffer, toc.buffer);
}

// --- GET_LAST_SESSION (§3.16) ------------------------------------------------------------------------------------

class GetLastSession : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(GetLastSession, ReturnsWellFormedSessionData)
{
    const Reply r = getLastSession(aligned(device(), 64));
    ASSERT_THAT_STATUS(r.result.status, status::Success);
    expectWellFormedSessionData(r.bytes(), false);
    EXPECT_TRUE(untouchedFrom(r.buffer, r.result.information)) << "METHOD_BUFFERED copies exactly Information bytes back";
}

TEST_P(GetLastSession, TrackStartAgreesWithReadToc)
{
    const Reply session = getLastSession(aligned(device(), kSessionDataSize));
    const Reply toc = call(codes::CdromReadToc, {}, aligned(device(), ioctl::MAXIMUM_CDROM_SIZE));
    ASSERT_THAT_STATUS(session.result.status, status::Success);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    const ioctl::TRACK_DATA first = descriptorAt(session.bytes(), 0);
    for (std::size_t i = 0; i + 1 < tocDescriptors(toc.bytes()); ++i) {
        const ioctl::TRACK_DATA t = descriptorAt(toc.bytes(), i);
        if (t.TrackNumber != first.TrackNumber) continue;
        EXPECT_EQ(msfFrames(t), lbaOf(first, false) + mmc::kMsfLbaOffset) << "READ_TOC's MSF address is the session data's LBA + 150";
        return;
    }
    ADD_FAILURE() << "the last session's first track " << int{first.TrackNumber} << " is not in READ_TOC's reply";
}

TEST_P(GetLastSession, AnswersTheSameTwice)
{
    const Reply a = getLastSession(aligned(device(), kSessionDataSize)), b = getLastSession(aligned(device(), kSessionDataSize));
    ASSERT_THAT_STATUS(a.result.status, status::Success);
    ASSERT_THAT_STATUS(b.result.status, status::Success);
    EXPECT_EQ(a.buffer, b.buffer);
}

struct LengthParam {
    std::string id;
    std::uint32_t length;
};
void PrintTo(const LengthParam& p, std::ostream* os) { *os << p.id << " length=" << p.length; }

class GetLastSessionShortBuffer : public TocTestOf<LengthParam> {};

TEST_P(GetLastSessionShortBuffer, FailsWithBufferTooSmallAndWritesNothing)
{
    const Reply r = getLastSession(GetParam().length);
    EXPECT_THAT_STATUS(r.result.status, status::BufferTooSmall);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionAlignment : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(GetLastSessionAlignment, RejectsALengthTheAdapterCannotAlign)
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    const Reply r = getLastSession(aligned(device(), kSessionDataSize) + 1);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter) << "alignment mask " << mask;
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionAccess : public TocTestOf<fixtures::DeviceParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(GetLastSessionAccess, NeedsReadAccess)
{
    const Reply r = getLastSession(aligned(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(r.result.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class GetLastSessionNoMedium : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(GetLastSessionNoMedium, FailsWithNoMediaInDevice)
{
    const Reply r = getLastSession(aligned(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(r.result.status, status::NoMediaInDevice);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

std::vector<LengthParam> sessionShortLengths()
{
    std::vector<LengthParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (std::uint32_t length : {0u, 1u, 2u, 4u, 8u, 11u}) out.push_back({d.id, length});
    return out;
}

std::string lengthName(const testing::TestParamInfo<LengthParam>& info) { return info.param.id + "_length_" + std::to_string(info.param.length); }

const auto devices = [] { return testing::ValuesIn(fixtures::DeviceRegistry::instance().params()); };

INSTANTIATE_TEST_SUITE_P(, ReadTocEx, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExValidation, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExAlignment, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExNoMedium, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, TocWhileAudioPlays, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSession, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionShortBuffer, testing::ValuesIn(sessionShortLengths()), lengthName);
INSTANTIATE_TEST_SUITE_P(, GetLastSessionAlignment, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, GetLastSessionNoMedium, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocEx);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExAlignment);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExNoMedium);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TocWhileAudioPlays);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSession);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionShortBuffer);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionAlignment);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GetLastSessionNoMedium);

}  // namespace
}  // namespace cdcts::suites
