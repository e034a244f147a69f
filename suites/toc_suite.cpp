// IOCTL_CDROM_READ_TOC_EX (ioctl-contracts.md §3.17) in every format and address form. Replies are checked for
// their invariants and against each other (the MSF and LBA forms of one TOC, READ_TOC vs FORMAT_TOC, the session
// data vs the full TOC), never against what one particular disc holds. Formats a medium cannot give (PMA and ATIP
// exist only on recordable discs, CD-TEXT only where the drive reads it) are skipped NotSupported with the reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "suites/audio_support.hpp"
#include "suites/toc_support.hpp"

namespace cdcts::suites {
namespace {

using namespace toc;  // the vocabulary the TOC suites share (suites/toc_support.hpp)
using fixtures::Requirement;

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
    const Reply legacy = call(codes::CdromReadToc, {}, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
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
    for (const std::size_t length : {alignedUp(device(), ioctl::MINIMUM_CDROM_READ_TOC_EX_SIZE), alignedUp(device(), std::size_t{4})}) {
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
    const Reply last = getLastSession(alignedUp(device(), kSessionDataSize));
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
    const Reply session = getLastSession(alignedUp(device(), kSessionDataSize));
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
        GTEST_SKIP() << "NotSupported: the drive refuses READ TOC format 5 (it reads no CD-TEXT, or none from this disc)";
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

// --- While audio plays (§7.4): the three TOC codes probe the play state first ------------------------------

class TocWhileAudioPlays : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(TocWhileAudioPlays, ReadTocExGetLastSessionAndReadTocAnswerDeviceBusy)
{
    // The TOC before the play, to compare with after it; the first audio track (a data-only disc cannot play).
    const Reply toc = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(toc.result.status, status::Success);
    const std::optional<Track> track = firstAudioTrack(handle(), device());
    if (!track) GTEST_SKIP() << "NotSupported: the disc has no audio track to play";
    // Ten seconds (or the whole track if shorter): long enough to still play when the probes ask.
    PlayGuard stopAudio(handle());
    const ControlResult played = stopAudio.play(tenSecondsOf(*track));
    if (played.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(played.status, status::Success);

    // STATUS_DEVICE_BUSY is a warning the sample completes with Information 0: nothing is copied back (§0.3).
    const Reply ex = readTocExAll(kFormatToc, false);
    EXPECT_THAT_STATUS(ex.result.status, status::DeviceBusy) << "READ_TOC_EX";
    EXPECT_TRUE(untouchedFrom(ex.buffer, 0));
    const Reply session = getLastSession(alignedUp(device(), kSessionDataSize));
    EXPECT_THAT_STATUS(session.result.status, status::DeviceBusy) << "GET_LAST_SESSION";
    EXPECT_TRUE(untouchedFrom(session.buffer, 0));
    const Reply legacy = call(codes::CdromReadToc, {}, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(legacy.result.status, status::DeviceBusy) << "READ_TOC";
    EXPECT_TRUE(untouchedFrom(legacy.buffer, 0));
    // The V-stage runs before the probe (§1): a malformed request is refused as such even while audio plays.
    const Reply malformed = readTocEx(9, false, 0, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(malformed.result.status, status::InvalidParameter);

    // Once the audio stops, the TOC is readable again and unchanged.
    ASSERT_THAT_STATUS(control(codes::CdromStopAudio, {}, {}).status, status::Success);
    const Reply after = readTocExAll(kFormatToc, true);
    ASSERT_THAT_STATUS(after.result.status, status::Success);
    EXPECT_EQ(after.buffer, toc.buffer);
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, ReadTocEx, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, TocWhileAudioPlays, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocEx);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TocWhileAudioPlays);

}  // namespace
}  // namespace cdcts::suites
