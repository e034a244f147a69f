// The reference-disc oracle (DESIGN.md, three oracles; docs/reference-disc.md): where devices.yaml declares the
// reference disc loaded (expect.reference_disc), the drive's answers are checked against the disc's description
// exactly: the TOC through READ_TOC and READ_TOC_EX (TOC in both address forms, session, full TOC), the MCN and
// every track's ISRC through READ_Q_CHANNEL, CD-TEXT through READ_TOC_EX, every track's data through RAW_READ
// and ReadFile as CRC-32s, and the drive's audio read offset, found from the description's probes, reported and
// compensated before the audio CRCs are compared. A disc whose TOC is not the reference disc's fails every test
// with one message saying so.
#include <gtest/gtest.h>

#include <array>
#include <iostream>
#include <sstream>

#include "fixtures/crc32.hpp"
#include "fixtures/device_test.hpp"
#include "fixtures/modelled_read_offset.hpp"
#include "fixtures/read_offset.hpp"
#include "fixtures/reference_disc.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "suites/reference_disc_support.hpp"
#include "suites/status_matchers.hpp"
#include "suites/toc_support.hpp"

namespace cdcts::suites {
namespace {

using fixtures::DeviceParam;
using fixtures::ReferenceDisc;
using fixtures::ReferenceTrack;
namespace status = ioctl::status;
namespace codes = ioctl::codes;
using refdisc::Toc;

constexpr std::uint8_t kLeadOut = 0xAA;

class ReferenceDiscTest : public fixtures::DeviceTest {
protected:
    void SetUp() override
    {
        fixtures::DeviceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        if (spec().expect.referenceDisc.empty()) GTEST_SKIP() << "NotSupported: no reference disc declared loaded (expect.reference_disc)";
        try {
            disc_ = fixtures::loadReferenceDisc(spec().expect.referenceDisc);
        } catch (const fixtures::ReferenceDiscError& e) {
            GTEST_FAIL() << "ReferenceDisc: " << e.what();
        }
        if (const std::optional<std::string> difference = identify())
            GTEST_FAIL() << "WrongDisc: the loaded disc is not the reference disc " << disc_.name << " version " << disc_.version << " ("
                         << spec().expect.referenceDisc << "): " << *difference;
    }

    [[nodiscard]] const ReferenceDisc& disc() const { return disc_; }

    // READ_TOC_EX with `input`, into an aligned buffer of at least `size` bytes.
    toc::Reply tocEx(std::uint8_t format, bool msf, std::uint8_t sessionTrack, std::size_t size = 4096)
    {
        toc::Reply reply{{}, std::vector<std::uint8_t>(alignedUp(device(), size), kUntouched)};
        reply.result = control(codes::CdromReadTocEx, toc::tocExInput(format, msf, sessionTrack), reply.buffer);
        return reply;
    }

    // The READ_TOC reply as entries; nullopt when it fails.
    std::optional<Toc> readToc()
    {
        std::vector<std::uint8_t> out(alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE), 0);
        const ControlResult r = control(codes::CdromReadToc, {}, out);
        if (!r.status.isSuccess()) return std::nullopt;
        return refdisc::parseToc(std::span(out).first(std::min<std::size_t>(r.information, out.size())), true);
    }

    // Compares `toc` with the description: first/last track, every track's number, ADR, control and start, and the
    // lead-out; one EXPECT per difference.
    void expectExactToc(const Toc& toc, const char* route)
    {
        SCOPED_TRACE(route);
        const auto& tracks = disc_.tracks;
        EXPECT_EQ(toc.firstTrack, tracks.front().number);
        EXPECT_EQ(toc.lastTrack, tracks.back().number);
        EXPECT_EQ(toc.lengthField, 2 + 8 * (tracks.size() + 1)) << "Length counts the header's last two bytes and every descriptor";
        ASSERT_EQ(toc.entries.size(), tracks.size() + 1) << "one descriptor per track and the lead-out";
        for (std::size_t i = 0; i < tracks.size(); ++i) {
            const ReferenceTrack& t = tracks[i];
            const refdisc::TocEntry& e = toc.entries[i];
            SCOPED_TRACE("track " + std::to_string(t.number));
            EXPECT_EQ(e.track, t.number);
            EXPECT_EQ(e.adr, t.adr);
            EXPECT_EQ(e.control, t.control) << "control nibble (4 data, 2 copy permitted)";
            EXPECT_EQ(e.lba, t.startLba) << "INDEX 01 at " << fixtures::msfText(t.startLba + 150);
        }
        EXPECT_EQ(toc.entries.back().track, kLeadOut);
        EXPECT_EQ(toc.entries.back().lba, disc_.leadOutLba) << "lead-out at " << fixtures::msfText(disc_.leadOutLba + 150);
    }

    // The audio read offset correction found from every audio track's probe; a test failure and nullopt when a
    // probe is not found, is found more than once, or the tracks disagree.
    std::optional<std::int32_t> detectReadOffset()
    {
        std::optional<std::int32_t> found;
        for (const ReferenceTrack& t : disc_.tracks) {
            if (!t.offsetProbe) continue;
            SCOPED_TRACE("track " + std::to_string(t.number));
            const std::int64_t probeSample = std::int64_t{t.startLba} * fixtures::kSamplesPerSector + t.offsetProbe->sample;
            const auto probeSamples = static_cast<std::int64_t>(t.offsetProbe->pcm.size() / fixtures::kBytesPerSample);
            const fixtures::SectorSpan span = fixtures::probeSearchSectors(probeSample, probeSamples);
            const auto pcm = refdisc::readAudio(device(), handle(), span.first, span.count, disc_.leadOutLba);
            if (!pcm) return std::nullopt;
            const std::vector<std::int32_t> candidates =
                fixtures::findReadOffsetCandidates(*pcm, span.first * fixtures::kSamplesPerSector, t.offsetProbe->pcm, probeSample);
            if (candidates.size() != 1) {
                ADD_FAILURE() << "track " << unsigned{t.number} << "'s probe (" << probeSamples << " samples from sample " << t.offsetProbe->sample
                              << ") is found " << candidates.size() << " times within +-" << fixtures::kReadOffsetSearchRange
                              << " samples: " << (candidates.empty() ? "an audio read error, another disc or an offset out of range" : "ambiguous");
                return std::nullopt;
            }
            if (found && *found != candidates.front()) {
                ADD_FAILURE() << "track " << unsigned{t.number} << " gives read offset " << candidates.front() << ", an earlier track " << *found;
                return std::nullopt;
            }
            found = candidates.front();
        }
        return found;
    }

private:
    // The first difference between the drive's READ_TOC and the description, or nullopt when they agree.
    std::optional<std::string> identify()
    {
        const std::optional<Toc> toc = readToc();
        if (!toc) return "READ_TOC fails";
        std::ostringstream why;
        if (toc->entries.size() != disc_.tracks.size() + 1) {
            why << "the drive's TOC has " << (toc->entries.empty() ? 0 : toc->entries.size() - 1) << " tracks, the reference disc "
                << disc_.tracks.size();
            return why.str();
        }
        for (std::size_t i = 0; i < disc_.tracks.size(); ++i) {
            if (toc->entries[i].track != disc_.tracks[i].number || toc->entries[i].lba != disc_.tracks[i].startLba) {
                why << "TOC entry " << i << " is track " << unsigned{toc->entries[i].track} << " at LBA " << toc->entries[i].lba
                    << ", the reference disc's track " << unsigned{disc_.tracks[i].number} << " starts at LBA " << disc_.tracks[i].startLba;
                return why.str();
            }
        }
        if (toc->entries.back().lba != disc_.leadOutLba) {
            why << "the lead-out is at LBA " << toc->entries.back().lba << ", the reference disc's at " << disc_.leadOutLba;
            return why.str();
        }
        return std::nullopt;
    }

    ReferenceDisc disc_;
};

// --- The table of contents --------------------------------------------------------------------------------

class ReferenceDiscToc : public ReferenceDiscTest {};

TEST_P(ReferenceDiscToc, ReadTocIsExact)
{
    const std::optional<Toc> toc = readToc();
    ASSERT_TRUE(toc.has_value()) << "READ_TOC fails";
    expectExactToc(*toc, "READ_TOC (MSF)");
}

TEST_P(ReferenceDiscToc, ReadTocExIsExactInBothAddressForms)
{
    for (const bool msf : {false, true}) {
        const toc::Reply reply = tocEx(toc::kFormatToc, msf, 0);
        ASSERT_THAT_STATUS(reply.result.status, status::Success);
        expectExactToc(refdisc::parseToc(reply.bytes(), msf), msf ? "READ_TOC_EX TOC, MSF" : "READ_TOC_EX TOC, LBA");
    }
}

TEST_P(ReferenceDiscToc, SessionsAreExact)
{
    const toc::Reply reply = tocEx(toc::kFormatSession, false, 0);
    ASSERT_THAT_STATUS(reply.result.status, status::Success);
    ASSERT_GE(reply.bytes().size(), toc::kSessionDataSize);
    const std::span<const std::uint8_t> b = reply.bytes();
    const fixtures::ReferenceSession& last = disc().sessions.back();
    EXPECT_EQ(b[2], disc().sessions.front().number) << "first complete session";
    EXPECT_EQ(b[3], last.number) << "last complete session";
    EXPECT_EQ(b[6], last.firstTrack) << "first track of the last session";
    const ReferenceTrack* first = nullptr;
    for (const ReferenceTrack& t : disc().tracks)
        if (t.number == last.firstTrack) first = &t;
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(static_cast<std::int32_t>(loadBe32(b.data() + 8)), first->startLba) << "its start, as an LBA";
}

TEST_P(ReferenceDiscToc, FullTocIsExact)
{
    const toc::Reply reply = tocEx(toc::kFormatFullToc, true, 1);
    ASSERT_THAT_STATUS(reply.result.status, status::Success);
    const std::span<const std::uint8_t> b = reply.bytes();
    ASSERT_GE(b.size(), 4u);
    EXPECT_EQ(toc::lengthField(b) + 2, b.size()) << "Length counts the bytes after itself";
    EXPECT_EQ(b[2], disc().sessions.front().number) << "first complete session";
    EXPECT_EQ(b[3], disc().sessions.back().number) << "last complete session";
    std::vector<fixtures::FullTocPoint> got;
    for (std::size_t at = 4; at + toc::kFullTocBlock <= b.size(); at += toc::kFullTocBlock)
        got.push_back({b[at], static_cast<std::uint8_t>(b[at + 1] >> 4), static_cast<std::uint8_t>(b[at + 1] & 0x0F), b[at + 3], b[at + 8], b[at + 9],
                       b[at + 10]});
    for (const fixtures::FullTocPoint& want : disc().fullToc) {
        SCOPED_TRACE("session " + std::to_string(want.session) + " point " + std::to_string(want.point));
        const auto it = std::find_if(got.begin(), got.end(), [&](const fixtures::FullTocPoint& g) {
            return g.session == want.session && g.point == want.point && g.adr == want.adr;
        });
        ASSERT_NE(it, got.end()) << "the point is missing";
        EXPECT_EQ(*it, want) << "control " << unsigned{it->control} << " (want " << unsigned{want.control} << "), PMIN/PSEC/PFRAME "
                             << unsigned{it->pmin} << ":" << unsigned{it->psec} << ":" << unsigned{it->pframe} << " (want " << unsigned{want.pmin}
                             << ":" << unsigned{want.psec} << ":" << unsigned{want.pframe} << ")";
    }
    // Points of ADR 1 the description does not list are a different TOC; other points (ADR 5: B0h, C0h, which a
    // recorder may add to a CD-R's lead-in) are not part of the disc's TOC proper and are only noted.
    std::string extra;
    for (const fixtures::FullTocPoint& g : got) {
        const bool listed = std::any_of(disc().fullToc.begin(), disc().fullToc.end(), [&](const fixtures::FullTocPoint& w) {
            return w.session == g.session && w.point == g.point && w.adr == g.adr;
        });
        if (listed) continue;
        EXPECT_NE(g.adr, 1) << "session " << unsigned{g.session} << " point " << unsigned{g.point} << " (ADR 1) is not on the reference disc";
        extra += (extra.empty() ? "" : " ") + std::to_string(g.session) + "/" + std::to_string(g.adr) + "/" + std::to_string(g.point);
    }
    if (!extra.empty()) RecordProperty("full_toc_other_points", extra);
}

// --- Sub-channel Q: MCN and ISRC ------------------------------------------------------------------------------

class ReferenceDiscSubchannel : public ReferenceDiscTest {};

TEST_P(ReferenceDiscSubchannel, MediaCatalogNumberIsExact)
{
    const std::vector<std::uint8_t> input{ioctl::IOCTL_CDROM_MEDIA_CATALOG, 0};
    std::vector<std::uint8_t> out(alignedUp(device(), sizeof(ioctl::SUB_Q_MEDIA_CATALOG_NUMBER)), kUntouched);
    const ControlResult r = control(codes::CdromReadQChannel, input, out);
    ASSERT_THAT_STATUS(r.status, status::Success);
    ASSERT_GE(r.information, sizeof(ioctl::SUB_Q_MEDIA_CATALOG_NUMBER));
    const bool valid = (out[8] & 0x80) != 0;
    if (disc().mcn.empty()) {
        EXPECT_FALSE(valid) << "the reference disc has no MCN";
        return;
    }
    ASSERT_TRUE(valid) << "MCVal: the drive found no MCN, the reference disc has " << disc().mcn;
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(out.data() + 9), 13), disc().mcn);
}

TEST_P(ReferenceDiscSubchannel, IsrcOfEveryTrackIsExact)
{
    for (const ReferenceTrack& t : disc().tracks) {
        SCOPED_TRACE("track " + std::to_string(t.number));
        const std::vector<std::uint8_t> input{ioctl::IOCTL_CDROM_TRACK_ISRC, t.number};
        std::vector<std::uint8_t> out(alignedUp(device(), sizeof(ioctl::SUB_Q_TRACK_ISRC)), kUntouched);
        const ControlResult r = control(codes::CdromReadQChannel, input, out);
        ASSERT_THAT_STATUS(r.status, status::Success);
        ASSERT_GE(r.information, sizeof(ioctl::SUB_Q_TRACK_ISRC));
        const bool valid = (out[8] & 0x80) != 0;
        if (t.isrc.empty()) {
            EXPECT_FALSE(valid) << "the track has no ISRC";
            continue;
        }
        EXPECT_TRUE(valid) << "TCVal: the drive found no ISRC, the track has " << t.isrc;
        if (valid) {
            EXPECT_EQ(std::string(reinterpret_cast<const char*>(out.data() + 9), 12), t.isrc);
        }
    }
}

// Q from raw P-W: bit 6 of each of the 96 bytes, most significant first (MMC, "raw" sub-channel).
std::array<std::uint8_t, 12> deinterleaveQ(std::span<const std::uint8_t> pw)
{
    std::array<std::uint8_t, 12> q{};
    for (std::size_t i = 0; i < 96; ++i)
        if ((pw[i] & 0x40) != 0) q[i / 8] = static_cast<std::uint8_t>(q[i / 8] | (0x80 >> (i % 8)));
    return q;
}

// CRC-16/CCITT (x^16 + x^12 + x^5 + 1) over the 10 data bytes, stored inverted (ECMA-130 §22.3.6).
bool qCrcGood(const std::array<std::uint8_t, 12>& q)
{
    std::uint16_t crc = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        crc = static_cast<std::uint16_t>(crc ^ (q[i] << 8));
        for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return static_cast<std::uint16_t>(~crc) == loadBe16(&q[10]);
}

std::string bcdDigits(const std::uint8_t* bytes, std::size_t digits)
{
    std::string out;
    for (std::size_t i = 0; i < digits; ++i) out += static_cast<char>('0' + ((i % 2 == 0 ? bytes[i / 2] >> 4 : bytes[i / 2]) & 0x0F));
    return out;
}

// An ADR 3 frame's ISRC (ECMA-130 §22.3.4.3): five 6-bit characters (00h-09h digits, 11h-2Ah letters), then seven
// BCD digits.
std::string isrcOf(const std::array<std::uint8_t, 12>& q)
{
    const std::uint32_t bits = std::uint32_t{q[1]} << 24 | std::uint32_t{q[2]} << 16 | std::uint32_t{q[3]} << 8 | q[4];
    std::string out;
    for (int i = 0; i < 5; ++i) {
        const auto c = static_cast<std::uint8_t>((bits >> (26 - 6 * i)) & 0x3F);
        out += c <= 0x09 ? static_cast<char>('0' + c) : c >= 0x11 && c <= 0x2A ? static_cast<char>('A' + c - 0x11) : '?';
    }
    return out + bcdDigits(&q[5], 7);
}

// Every track's pause and first 100 frames read with their raw sub-channel (RAW_READ RawWithSubCode): every Q
// frame's CRC holds; position frames (ADR 1) name the track, the index (0 in the pause, 1 from INDEX 01), the
// relative time (counting down to zero in the pause, up from zero at INDEX 01) and the absolute time; the MCN (ADR 2) and
// the track's ISRC (ADR 3, not in the pause) frames carry the description's numbers, and each appears in every
// 100 frames where the disc has one (ECMA-130 §22.3.4).
TEST_P(ReferenceDiscSubchannel, RawQFramesAreExact)
{
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device());
    if (!caps) GTEST_SKIP() << "NotSupported: the drive's R-W capability is unknown (no pass-through)";
    if (!caps->rw) GTEST_SKIP() << "NotSupported: the drive lacks R-W support (RAW_READ RawWithSubCode)";
    for (const ReferenceTrack& t : disc().tracks) {
        if (!t.isAudio() && t.mode != "mode1") continue;
        SCOPED_TRACE("track " + std::to_string(t.number));
        const reads::SectorKind kind = t.isAudio() ? reads::SectorKind::Audio : reads::SectorKind::Mode1;
        const std::size_t stride = reads::mainChannelBytes(kind, ioctl::RawWithSubCode) + ioctl::CD_RAW_READ_SUBCODE_SIZE;
        const std::int32_t first = t.startLba - t.pregap;
        const std::int32_t end = t.startLba + static_cast<std::int32_t>(std::min<std::uint32_t>(t.length, 100));
        const auto perRead = static_cast<std::int32_t>(refdisc::transferLimit(device()) / ioctl::CD_RAW_SECTOR_WITH_SUBCODE_SIZE);
        int mcnFrames = 0, isrcFrames = 0;
        for (std::int32_t lba = first; lba < end; lba += perRead) {
            const auto n = static_cast<std::uint32_t>(std::min(perRead, end - lba));
            reads::PageBuffer buffer(std::size_t{n} * ioctl::CD_RAW_SECTOR_WITH_SUBCODE_SIZE);
            const ControlResult r = control(codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), n, ioctl::RawWithSubCode), buffer.span());
            ASSERT_THAT_STATUS(r.status, status::Success) << "RawWithSubCode of " << n << " sectors at LBA " << lba;
            ASSERT_EQ(r.information, n * stride);
            for (std::uint32_t i = 0; i < n; ++i) {
                const std::int32_t at = lba + static_cast<std::int32_t>(i);
                const auto q = deinterleaveQ(buffer.span().subspan(i * stride + stride - 96, 96));
                if (!qCrcGood(q)) {
                    ADD_FAILURE() << "Q CRC of LBA " << at;
                    continue;
                }
                EXPECT_EQ(q[0] >> 4, t.control) << "Q control at LBA " << at;
                const std::uint8_t adr = q[0] & 0x0F;
                if (adr == 2) {
                    ++mcnFrames;
                    EXPECT_EQ(bcdDigits(&q[1], 13), disc().mcn) << "MCN frame at LBA " << at;
                } else if (adr == 3) {
                    ++isrcFrames;
                    EXPECT_GE(at, t.startLba) << "an ISRC frame in the pause at LBA " << at;
                    EXPECT_EQ(isrcOf(q), t.isrc) << "ISRC frame at LBA " << at;
                } else {
                    ASSERT_EQ(adr, 1) << "Q mode at LBA " << at;
                    EXPECT_EQ(q[1], reads::bcd(t.number)) << "track number at LBA " << at;
                    EXPECT_EQ(q[2], at < t.startLba ? 0 : 1) << "index at LBA " << at;
                    // In the pause the relative time counts down and is 00:00:00 on its last frame (ECMA-130 §22.3.3.3).
                    const mmc::Msf relative = mmc::lbaToMsf((at >= t.startLba ? at - t.startLba : t.startLba - at - 1) - 150);
                    const mmc::Msf absolute = mmc::lbaToMsf(at);
                    EXPECT_EQ((std::array<std::uint8_t, 3>{q[3], q[4], q[5]}),
                              (std::array<std::uint8_t, 3>{reads::bcd(relative.minute), reads::bcd(relative.second), reads::bcd(relative.frame)}))
                        << "relative time at LBA " << at;
                    EXPECT_EQ((std::array<std::uint8_t, 3>{q[7], q[8], q[9]}),
                              (std::array<std::uint8_t, 3>{reads::bcd(absolute.minute), reads::bcd(absolute.second), reads::bcd(absolute.frame)}))
                        << "absolute time at LBA " << at;
                }
            }
        }
        if (!disc().mcn.empty()) {
            EXPECT_GE(mcnFrames, 1) << "no MCN frame in " << end - first << " frames";
        }
        if (t.isrc.empty()) {
            EXPECT_EQ(isrcFrames, 0) << "ISRC frames on a track without an ISRC";
        } else {
            EXPECT_GE(isrcFrames, 1) << "no ISRC frame in the track's first 100 frames";
        }
    }
}

// --- CD-TEXT ------------------------------------------------------------------------------------------------

class ReferenceDiscCdText : public ReferenceDiscTest {};

TEST_P(ReferenceDiscCdText, EveryStringIsExact)
{
    const toc::Reply reply = tocEx(toc::kFormatCdText, false, 0, 8192);
    if (!reply.result.status.isSuccess())
        GTEST_SKIP() << "NotSupported: the drive does not read CD-TEXT (READ_TOC_EX format CDTEXT answered " << reply.result.status << ")";
    const std::span<const std::uint8_t> b = reply.bytes();
    ASSERT_GE(b.size(), 4u);
    const auto text = refdisc::decodeCdText(b.subspan(4));
    const auto at = [&](std::uint8_t track) { return text.count(track) != 0 ? text.at(track) : fixtures::ReferenceCdText{}; };
    EXPECT_EQ(at(0), disc().text) << "the disc's own title, performer and songwriter";
    for (const ReferenceTrack& t : disc().tracks) EXPECT_EQ(at(t.number), t.text) << "track " << unsigned{t.number};
}

// --- Raw data -----------------------------------------------------------------------------------------------

class ReferenceDiscData : public ReferenceDiscTest {};

// Every mode-1 track's user data, read cooked (ReadFile), has the description's crc32_user_data.
TEST_P(ReferenceDiscData, DataTracksReadCookedMatchTheirCrc)
{
    bool any = false;
    for (const ReferenceTrack& t : disc().tracks) {
        if (!t.crc32UserData) continue;
        any = true;
        SCOPED_TRACE("track " + std::to_string(t.number));
        fixtures::Crc32 crc;
        const std::size_t perRead = std::min<std::size_t>(refdisc::transferLimit(device()), 65536) / reads::kCooked;
        for (std::uint32_t s = 0; s < t.length; s += static_cast<std::uint32_t>(perRead)) {
            const std::size_t n = std::min<std::size_t>(perRead, t.length - s);
            reads::PageBuffer buffer(n * reads::kCooked);
            const ControlResult r = read(reads::offsetOf(t.startLba + static_cast<std::int32_t>(s)), buffer.span());
            ASSERT_THAT_STATUS(r.status, status::Success) << "ReadFile of " << n << " sectors at LBA " << t.startLba + static_cast<std::int32_t>(s);
            ASSERT_EQ(r.information, buffer.size());
            crc.update(buffer.span());
        }
        EXPECT_EQ(crc.value(), *t.crc32UserData) << std::hex << std::uppercase << "CRC-32 of the track's user data (hex " << crc.value() << ", want "
                                                 << *t.crc32UserData << ")";
    }
    if (!any) GTEST_SKIP() << "NotSupported: the reference disc has no mode-1 track";
}

// Every mode-1 track read raw (RawWithC2 or RawWithSubCode: the driver's only modes for mode-1 sectors, which
// return sync, header and user data without EDC/ECC): sync and header address are right, and the user data has
// the description's crc32_user_data.
TEST_P(ReferenceDiscData, DataTracksReadRawMatchTheirCrc)
{
    const std::optional<reads::RawCapabilities> caps = reads::probeCapabilities(device());
    const std::optional<std::int32_t> mode = reads::modeFor(reads::SectorKind::Mode1, caps);
    if (!mode) GTEST_SKIP() << "NotSupported: RAW_READ reads mode-1 sectors only with C2 or R-W support, which the drive "
                            << (caps ? "lacks" : "was not asked about (no pass-through)");
    const std::size_t stride = reads::mainChannelBytes(reads::SectorKind::Mode1, *mode) + reads::extraBytes(*mode);
    const std::size_t perRead = refdisc::transferLimit(device()) / ioctl::rawSectorSize(*mode);
    for (const ReferenceTrack& t : disc().tracks) {
        if (!t.crc32UserData) continue;
        SCOPED_TRACE("track " + std::to_string(t.number));
        fixtures::Crc32 crc;
        for (std::uint32_t s = 0; s < t.length; s += static_cast<std::uint32_t>(perRead)) {
            const auto n = static_cast<std::uint32_t>(std::min<std::size_t>(perRead, t.length - s));
            const std::int32_t lba = t.startLba + static_cast<std::int32_t>(s);
            reads::PageBuffer buffer(std::size_t{n} * ioctl::rawSectorSize(*mode));
            const ControlResult r = control(codes::CdromRawRead, reads::rawReadInfo(reads::offsetOf(lba), n, *mode), buffer.span());
            ASSERT_THAT_STATUS(r.status, status::Success) << reads::trackModeName(*mode) << " of " << n << " sectors at LBA " << lba;
            ASSERT_EQ(r.information, n * stride);
            for (std::uint32_t i = 0; i < n; ++i) {
                const std::span<const std::uint8_t> sector = buffer.span().subspan(i * stride, stride);
                const mmc::Msf msf = mmc::lbaToMsf(lba + static_cast<std::int32_t>(i));
                const std::vector<std::uint8_t> header{reads::bcd(msf.minute), reads::bcd(msf.second), reads::bcd(msf.frame), 1};
                if (!std::equal(header.begin(), header.end(), sector.begin() + 12)) {
                    ADD_FAILURE() << "sector " << lba + static_cast<std::int32_t>(i) << ": header is not " << mmc::formatMsf(msf) << " mode 1";
                    return;
                }
                crc.update(sector.subspan(16, 2048));
            }
        }
        EXPECT_EQ(crc.value(), *t.crc32UserData) << std::hex << std::uppercase << "CRC-32 of the track's user data (hex " << crc.value() << ", want "
                                                 << *t.crc32UserData << ")";
    }
}

// --- Audio: the read offset and the samples ---------------------------------------------------------------

class ReferenceDiscAudio : public ReferenceDiscTest {};

TEST_P(ReferenceDiscAudio, ReadOffsetIsDetectedAndReported)
{
    const bool anyProbe = std::any_of(disc().tracks.begin(), disc().tracks.end(), [](const ReferenceTrack& t) { return t.offsetProbe.has_value(); });
    if (!anyProbe) GTEST_SKIP() << "NotSupported: the reference disc has no audio track with an offset probe";
    const std::optional<std::int32_t> offset = detectReadOffset();
    ASSERT_TRUE(offset.has_value());
    RecordProperty("read_offset_samples", *offset);
    std::cout << "[ NOTE     ] " << GetParam().id << ": audio read offset correction " << (*offset > 0 ? "+" : "") << *offset
              << " samples (AccurateRip/EAC sign; on a CD-R it includes the recorder's write offset)\n";
    if (const std::optional<std::int32_t> modelled = fixtures::modelledReadOffset(spec())) {
        EXPECT_EQ(*offset, *modelled) << "the emulated drive's profile sets read_offset_samples " << *modelled;
    }
}

// Every audio track's samples, read with CDDA and shifted back by the detected offset, have the description's
// CRC-32; samples past the lead-out, which no drive reads, are taken as the silence the disc ends with.
TEST_P(ReferenceDiscAudio, TracksMatchTheirCrcAfterOffsetCompensation)
{
    const bool anyAudio = std::any_of(disc().tracks.begin(), disc().tracks.end(), [](const ReferenceTrack& t) { return t.isAudio(); });
    if (!anyAudio) GTEST_SKIP() << "NotSupported: the reference disc has no audio track";
    const std::optional<std::int32_t> offset = detectReadOffset();
    ASSERT_TRUE(offset.has_value());
    for (const ReferenceTrack& t : disc().tracks) {
        if (!t.isAudio()) continue;
        SCOPED_TRACE("track " + std::to_string(t.number));
        const std::int64_t first = std::int64_t{t.startLba} * fixtures::kSamplesPerSector;
        const std::int64_t samples = std::int64_t{t.length} * fixtures::kSamplesPerSector;
        const fixtures::SectorSpan span = fixtures::compensatedSectors(first, samples, *offset);
        const auto pcm = refdisc::readAudio(device(), handle(), span.first, span.count, disc().leadOutLba);
        ASSERT_TRUE(pcm.has_value());
        // The disc's sample k is the drive's time-line sample k + offset.
        const std::int64_t skip = first + *offset - span.first * fixtures::kSamplesPerSector;
        const auto bytes = std::span(*pcm).subspan(static_cast<std::size_t>(skip) * fixtures::kBytesPerSample,
                                                   static_cast<std::size_t>(samples) * fixtures::kBytesPerSample);
        EXPECT_EQ(fixtures::crc32Of(bytes), t.crc32) << std::hex << std::uppercase << "CRC-32 of the track's samples after compensating offset "
                                                      << std::dec << *offset << " (hex " << std::hex << fixtures::crc32Of(bytes) << ", want " << t.crc32 << ")";
    }
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, ReferenceDiscToc, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReferenceDiscSubchannel, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReferenceDiscCdText, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReferenceDiscData, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReferenceDiscAudio, devices(), fixtures::DeviceParamName{});

}  // namespace
}  // namespace cdcts::suites
