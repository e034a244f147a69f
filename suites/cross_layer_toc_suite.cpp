// Cross-layer oracle, table of contents: READ_TOC, READ_TOC_EX (every format and address form) and
// GET_LAST_SESSION against READ TOC/PMA/ATIP sent with the CDB the contract gives for each (§3.15-§3.17, §6). The
// driver copies the drive's reply unchanged (no zero-fill, no conversion) and Information is the bytes transferred,
// so every field must agree; a drive that refuses the format makes the IOCTL fail with the §8 status.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/ioctl/structures/toc_ex.hpp"
#include "harness/mmc/cdb.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/cross_layer.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::crosslayer {
namespace {

using mmc::cdb::TocFormat;

constexpr const char* kReadToc = "READ TOC/PMA/ATIP";
// READ_TOC_EX output: the largest length under the 0FFFFh limit that any alignment up to 16 accepts.
constexpr std::uint32_t kTocExLength = 0xFFF0;

// Header and 8-byte descriptors of the TOC and session formats (TRACK_DATA, §2.3).
constexpr Field kTocHeader[] = {{"Length", 0, 2}, {"FirstTrack", 2}, {"LastTrack", 3}};
constexpr Field kSessionHeader[] = {{"Length", 0, 2}, {"FirstCompleteSession", 2}, {"LastCompleteSession", 3}};
constexpr Field kTrackData[] = {{"Reserved", 0}, {"Adr", 1, 1, 0xF0}, {"Control", 1, 1, 0x0F}, {"TrackNumber", 2},
                                {"Reserved1", 3}, {"Address", 4, 4}};
// FULL_TOC and PMA: 11-byte raw TOC entries (CDROM_TOC_FULL_TOC_DATA_BLOCK).
constexpr Field kFullTocHeader[] = {{"Length", 0, 2}, {"FirstCompleteSession", 2}, {"LastCompleteSession", 3}};
constexpr Field kPmaHeader[] = {{"Length", 0, 2}, {"Reserved1", 2}, {"Reserved2", 3}};
constexpr Field kFullTocBlock[] = {{"SessionNumber", 0}, {"Adr", 1, 1, 0xF0}, {"Control", 1, 1, 0x0F}, {"Reserved1", 2},
                                   {"Point", 3}, {"MsfExtra", 4, 3}, {"Zero", 7}, {"Msf", 8, 3}};
// ATIP: one 24-byte descriptor (CDROM_TOC_ATIP_DATA_BLOCK).
constexpr Field kAtipHeader[] = {{"Length", 0, 2}, {"Reserved1", 2}, {"Reserved2", 3}};
constexpr Field kAtipBlock[] = {{"CdrwReferenceSpeed", 0, 1, 0x07}, {"WritePower", 0, 1, 0x70}, {"True1", 0, 1, 0x80},
                                {"UnrestrictedUse", 1, 1, 0x40}, {"A3Valid", 2, 1, 0x01}, {"A2Valid", 2, 1, 0x02},
                                {"A1Valid", 2, 1, 0x04}, {"DiscSubType", 2, 1, 0x38}, {"IsCdrw", 2, 1, 0x40},
                                {"True2", 2, 1, 0x80}, {"LeadInMsf", 4, 3}, {"LeadOutMsf", 8, 3}, {"A1Values", 12, 3},
                                {"A2Values", 16, 3}, {"A3Values", 20, 3}};
// CD-TEXT: 18-byte packs (CDROM_TOC_CD_TEXT_DATA_BLOCK).
constexpr Field kCdTextHeader[] = {{"Length", 0, 2}, {"Reserved1", 2}, {"Reserved2", 3}};
constexpr Field kCdTextPack[] = {{"PackType", 0}, {"TrackNumber", 1, 1, 0x7F}, {"ExtensionFlag", 1, 1, 0x80},
                                 {"SequenceNumber", 2}, {"CharacterPosition", 3, 1, 0x0F}, {"BlockNumber", 3, 1, 0x70},
                                 {"Unicode", 3, 1, 0x80}, {"Text", 4, 12}, {"CRC", 16, 2}};

const Layout kTocLayout{kTocHeader, 4, "track descriptor", sizeof(ioctl::TRACK_DATA), kTrackData};
const Layout kSessionLayout{kSessionHeader, 4, "track descriptor", sizeof(ioctl::TRACK_DATA), kTrackData};
const Layout kFullTocLayout{kFullTocHeader, 4, "TOC entry", sizeof(ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK), kFullTocBlock};
const Layout kPmaLayout{kPmaHeader, 4, "PMA entry", sizeof(ioctl::CDROM_TOC_FULL_TOC_DATA_BLOCK), kFullTocBlock};
const Layout kAtipLayout{kAtipHeader, 4, "ATIP descriptor", sizeof(ioctl::CDROM_TOC_ATIP_DATA_BLOCK), kAtipBlock};
const Layout kCdTextLayout{kCdTextHeader, 4, "CD-TEXT pack", sizeof(ioctl::CDROM_TOC_CD_TEXT_DATA_BLOCK), kCdTextPack};

const Layout& layoutOf(TocFormat format)
{
    switch (format) {
    case TocFormat::Toc: return kTocLayout;
    case TocFormat::SessionInfo: return kSessionLayout;
    case TocFormat::FullToc: return kFullTocLayout;
    case TocFormat::Pma: return kPmaLayout;
    case TocFormat::Atip: return kAtipLayout;
    default: return kCdTextLayout;
    }
}

// Sends the IOCTL, then the READ TOC/PMA/ATIP the contract says it becomes, and compares. `minimum` is the reply the
// driver needs to call it a success (READ_TOC_EX: 2 bytes, §3.17).
void compare(CrossLayer& t, const char* ioctlName, ioctl::ControlCode code, std::span<const std::uint8_t> input,
             std::uint32_t outputLength, const mmc::cdb::Cdb10& cdb, const Layout& layout, std::size_t minimum = 0)
{
    std::vector<std::uint8_t> out(outputLength, kUntouched);
    const ControlResult r = t.control(code, input, out);
    const RawReply raw = ask(t.target(), cdb, loadBe16(&cdb[7]));
    SCOPED_TRACE(std::string(ioctlName) + " vs " + kReadToc + " (drive: " + raw.describe() + ")");
    if (raw.good() && raw.bytes().size() < minimum) {
        EXPECT_THAT_STATUS(r.status, status::InvalidDeviceRequest) << "the drive's reply is shorter than " << minimum << " bytes";
        return;
    }
    if (!expectSameOutcome(ioctlName, r, kReadToc, raw)) return;
    ASSERT_LE(r.information, out.size());
    expectSameFields(layout, std::span(out).first(r.information), raw.bytes(), kReadToc);
}

// READ_TOC: MSF = 1, format 0, track 0, allocation min(OutLen, 804) (§3.15).
const bool readToc = registerCheck(
    "ReadTocMatchesReadTocPmaAtip", {}, {},
    [](CrossLayer& t, const Variant&) {
        const std::uint32_t length = t.aligned(ioctl::MAXIMUM_CDROM_SIZE);
        compare(t, "IOCTL_CDROM_READ_TOC", codes::CdromReadToc, {}, length,
                mmc::cdb::readToc(true, TocFormat::Toc, 0, static_cast<std::uint16_t>(ioctl::MAXIMUM_CDROM_SIZE)), kTocLayout);
    },
    __FILE__, __LINE__);

// GET_LAST_SESSION: MSF = 0, format 1, allocation min(OutLen, 804) (§3.16).
const bool getLastSession = registerCheck(
    "GetLastSessionMatchesReadTocPmaAtip", {}, {},
    [](CrossLayer& t, const Variant&) {
        const std::uint32_t length = t.aligned(sizeof(ioctl::CDROM_TOC_SESSION_DATA));
        compare(t, "IOCTL_CDROM_GET_LAST_SESSION", codes::CdromGetLastSession, {}, length,
                mmc::cdb::readToc(false, TocFormat::SessionInfo, 0,
                                  static_cast<std::uint16_t>(std::min<std::uint32_t>(length, ioctl::MAXIMUM_CDROM_SIZE))),
                kSessionLayout);
    },
    __FILE__, __LINE__);

// READ_TOC_EX: byte 1 = Msf << 1, byte 2 = Format, byte 6 = SessionTrack, allocation = OutLen exactly (§3.17).
// Every format in both address forms: the driver passes the Msf bit through unchecked for each (the raw formats'
// addresses are MSF whatever it says, so their plain names ask in MSF, as callers do).
std::vector<Variant> tocExVariants()
{
    // The TOC format also from the lead-out (SessionTrack AAh: the lead-out descriptor alone) and from track 99,
    // past the last track of any disc short of 99 tracks, which a drive refuses (invalid field in CDB).
    return {{"Toc_Lba", 0, 0, 0},          {"Toc_Msf", 0, 1, 0},       {"Toc_Msf_FromLeadOut", 0, 1, 0xAA},
            {"Toc_Lba_FromTrack99", 0, 0, 99}, {"Session_Lba", 1, 0, 0}, {"Session_Msf", 1, 1, 0},
            {"FullToc", 2, 1, 1},          {"Pma", 3, 1, 0},           {"Atip", 4, 1, 0},
            {"CdText", 5, 1, 0},           {"FullToc_Lba", 2, 0, 1},   {"Pma_Lba", 3, 0, 0},
            {"Atip_Lba", 4, 0, 0},         {"CdText_Lba", 5, 0, 0}};
}

const bool readTocEx = registerCheck(
    "ReadTocExMatchesReadTocPmaAtip", {}, tocExVariants(),
    [](CrossLayer& t, const Variant& v) {
        ioctl::CDROM_READ_TOC_EX in{};
        in.Format = static_cast<std::uint8_t>(v.a) & 0x0F;
        in.Msf = static_cast<std::uint8_t>(v.b) & 0x01;
        in.SessionTrack = static_cast<std::uint8_t>(v.c);
        std::vector<std::uint8_t> input(sizeof in);
        std::memcpy(input.data(), &in, sizeof in);
        const auto format = static_cast<TocFormat>(v.a);
        compare(t, "IOCTL_CDROM_READ_TOC_EX", codes::CdromReadTocEx, input, kTocExLength,
                mmc::cdb::readToc(v.b != 0, format, static_cast<std::uint8_t>(v.c), static_cast<std::uint16_t>(kTocExLength)),
                layoutOf(format), ioctl::MINIMUM_CDROM_READ_TOC_EX_SIZE);
    },
    __FILE__, __LINE__);

}  // namespace
}  // namespace cdcts::suites::crosslayer
