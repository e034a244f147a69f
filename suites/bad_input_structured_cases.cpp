// The bad-input cases of the codes with an input structure: each V-stage row of the contracts gets a request that
// fails exactly that row (short inputs, short/odd/huge outputs, garbage enum values, reserved bits), and the values
// the driver passes to the drive unchecked get out-of-range LBAs, MSFs, tracks and sessions the drive must refuse.
#include <algorithm>
#include <cstring>
#include <utility>

#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/performance.hpp"
#include "harness/ioctl/structures/raw_read.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "suites/bad_input_builder.hpp"

namespace cdcts::suites::bad_input::detail {
namespace {
constexpr std::size_t kAlignedOutput = 1024;  // a multiple of every alignment mask a port reports
constexpr std::size_t k64K = 0x10000;         // one past the 0xFFFF output limit of §3.8, §3.12, §3.17
}  // namespace

// --- §3.17 READ_TOC_EX: CDROM_READ_TOC_EX {Format:4 Reserved1:3 Msf:1, SessionTrack, Reserved2, Reserved3} ---------

void readTocExCases(CaseList& c)
{
    const auto request = [](std::uint8_t format, std::uint8_t sessionTrack) {
        return std::vector<std::uint8_t>{format, sessionTrack, 0, 0};
    };
    const std::vector<std::uint8_t> toc = request(ioctl::CDROM_READ_TOC_EX_FORMAT_TOC, 0);
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { return &c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("InputZero", {}, kAlignedOutput, st::InfoLengthMismatch, "§3.17 V-stage row 1");
    refused("InputOneShort", resized(toc, 3), kAlignedOutput, st::InfoLengthMismatch, "§3.17 V-stage row 1");
    refused("InputZeroOutputZero", {}, 0, st::InfoLengthMismatch, "§3.17 V-stage row 1 before row 2");
    refused("OutputZero", toc, 0, st::BufferTooSmall, "§3.17 V-stage row 2");
    refused("OutputOneByte", toc, 1, st::BufferTooSmall, "§3.17 V-stage row 2");
    refused("Output64K", toc, k64K, st::InvalidParameter, "§3.17 V-stage row 3");
    refused("OutputHuge", toc, kHugeLength, st::InvalidParameter, "§3.17 V-stage row 3");
    refused("OutputOdd", toc, 3, st::InvalidParameter, "§3.17 V-stage row 4")->precondition = Precondition::AlignmentMask;
    refused("OutputMaximumOdd", toc, 0xFFFF, st::InvalidParameter, "§3.17 V-stage row 4")->precondition = Precondition::AlignmentMask;
    // Without an alignment rule the drive gets an allocation of 3 and the caller 3 bytes at most (the TOC header's
    // Length and the first track number), never fewer than 2.
    BadInputCase& odd = c.add("OutputOddNoAlignment", toc, 3, byMedium({st::Success}, {st::NoMediaInDevice}),
                              "§3.17 V-stage row 4 passed, H-stage: allocation = OutLen, transferred >= 2");
    odd.precondition = Precondition::NoAlignmentMask;
    odd.minInformation = 2;
    odd.maxInformation = 3;
    refused("Reserved1Set", request(0x70, 0), kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 5");
    refused("Reserved2Set", {0, 0, 0xFF, 0}, kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 5");
    refused("Reserved3Set", {0, 0, 0, 0x01}, kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 5");
    refused("SessionFormatWithTrack", request(ioctl::CDROM_READ_TOC_EX_FORMAT_SESSION, 1), kAlignedOutput, st::InvalidParameter,
            "§3.17 V-stage row 6");
    refused("PmaFormatWithTrack", request(ioctl::CDROM_READ_TOC_EX_FORMAT_PMA, 0xFF), kAlignedOutput, st::InvalidParameter,
            "§3.17 V-stage row 6");
    refused("AtipFormatWithTrack", request(ioctl::CDROM_READ_TOC_EX_FORMAT_ATIP, 0x80), kAlignedOutput, st::InvalidParameter,
            "§3.17 V-stage row 6");
    refused("FormatGarbage", request(6, 0), kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 7");
    refused("FormatMaximum", request(0x0F, 0), kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 7");
    refused("FormatGarbageWithMsf", request(0x80 | 0x0F, 0), kAlignedOutput, st::InvalidParameter, "§3.17 V-stage row 7");
    // The largest buffer the V-stage lets through: the drive replies with what it has, nothing lands past it. A disc
    // without CD-TEXT may answer with an empty list or refuse the format (MMC leaves it to the drive).
    for (const auto& [what, format] : {std::pair<const char*, std::uint8_t>{"FullTocOutputMaximum", ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC},
                                       {"CdTextOutputMaximum", ioctl::CDROM_READ_TOC_EX_FORMAT_CDTEXT}}) {
        const bool fullToc = format == ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC;
        c.add(what, request(static_cast<std::uint8_t>(0x80 | format), fullToc ? 1 : 0xFF), 0xFFFE,
              byMedium(fullToc ? Statuses{st::Success} : Statuses{st::Success, st::InvalidDeviceRequest}, {st::NoMediaInDevice}),
              "§3.17 V-stage rows 3-7 passed, H-stage: allocation = OutLen")
            .maxInformation = 0xFFFE;
    }
    // Passed through to READ TOC unchecked (formats 0 and 2 use SessionTrack): MMC refuses a track or session the
    // disc does not have with INVALID FIELD IN CDB. 99 is past the last track of any disc the suites use.
    c.add("TrackPastTheLast", request(ioctl::CDROM_READ_TOC_EX_FORMAT_TOC, 99), kAlignedOutput,
          byMedium(illegalRequest(), illegalRequestOrNoMedium()), "§3.17 H-stage, MMC READ TOC format 0");
    c.add("SessionPastTheLast", request(ioctl::CDROM_READ_TOC_EX_FORMAT_FULL_TOC, 99), kAlignedOutput,
          byMedium(illegalRequest(), illegalRequestOrNoMedium()), "§3.17 H-stage, MMC READ TOC format 2");
}

// --- §3.8 GET_CONFIGURATION: GET_CONFIGURATION_IOCTL_INPUT {Feature, RequestType, Reserved[2]} ---------------------

void getConfigurationCases(CaseList& c)
{
    constexpr std::size_t size = sizeof(ioctl::GET_CONFIGURATION_IOCTL_INPUT);
    const auto request = [&](std::uint32_t feature, std::uint32_t requestType) { return le32s({feature, requestType}, size); };
    const std::vector<std::uint8_t> all = request(0, ioctl::SCSI_GET_CONFIGURATION_REQUEST_TYPE_ALL);
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { return &c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("OutputZero", all, 0, st::BufferTooSmall, "§3.8 V-stage row 1");
    refused("OutputSevenBytes", all, 7, st::BufferTooSmall, "§3.8 V-stage row 1");
    refused("OutputZeroInputZero", {}, 0, st::BufferTooSmall, "§3.8 V-stage row 1 before row 4");
    refused("Output64K", all, k64K, st::InvalidBufferSize, "§3.8 V-stage row 2");
    refused("OutputHuge", all, kHugeLength, st::InvalidBufferSize, "§3.8 V-stage row 2");
    refused("OutputOdd", all, 9, st::InvalidParameter, "§3.8 V-stage row 3")->precondition = Precondition::AlignmentMask;
    BadInputCase& odd = c.add("OutputOddNoAlignment", all, 9, always({st::Success, st::InvalidDeviceRequest}),
                              "§3.8 V-stage row 3 passed, H-stage: Info = bytes transferred");
    odd.precondition = Precondition::NoAlignmentMask;
    odd.maxInformation = 9;
    refused("OutputMaximumOdd", all, 0xFFFF, st::InvalidParameter, "§3.8 V-stage row 3")->precondition = Precondition::AlignmentMask;
    // The largest even buffer: the allocation is min(OutLen, 65534) and nothing lands past the reply.
    c.add("OutputMaximumEven", all, 0xFFFE, always({st::Success, st::InvalidDeviceRequest}), "§3.8 V-stage passed, H-stage rows 1/3")
        .maxInformation = 0xFFFE;
    refused("InputZero", {}, kAlignedOutput, st::InfoLengthMismatch, "§3.8 V-stage row 4");
    refused("InputOneShort", resized(all, size - 1), kAlignedOutput, st::InfoLengthMismatch, "§3.8 V-stage row 4");
    refused("FeatureGarbage", request(0x10000, 0), kAlignedOutput, st::InvalidParameter, "§3.8 V-stage row 5");
    // FEATURE_NUMBER is a signed enum (§2.2) and the sample compares it with 0xFFFF as such, so -1 may pass the check
    // and ask for feature FFFFh (a header, no feature), which a non-MMC device refuses in the H-stage: any of the
    // three answers is within the contract.
    c.add("FeatureAllOnes", request(0xFFFFFFFF, 0), kAlignedOutput, always({st::InvalidParameter, st::Success, st::InvalidDeviceRequest}),
          "§3.8 V-stage row 5, §2.2 signed enums, H-stage row 1");
    refused("RequestTypeGarbage", request(0, 3), kAlignedOutput, st::InvalidParameter, "§3.8 V-stage row 6");
    refused("RequestTypeAllOnes", request(0, 0xFFFFFFFF), kAlignedOutput, st::InvalidParameter, "§3.8 V-stage row 6");
    std::vector<std::uint8_t> reserved0 = all, reserved1 = all;
    reserved0[8] = 1;
    reserved1[size - 1] = 0x80;
    refused("Reserved0Set", reserved0, kAlignedOutput, st::InvalidParameter, "§3.8 V-stage row 7");
    refused("Reserved1Set", reserved1, kAlignedOutput, st::InvalidParameter, "§3.8 V-stage row 7");
}

// --- §3.18 RAW_READ: RAW_READ_INFO {DiskOffset (LARGE_INTEGER), SectorCount, TrackMode} ------------------------------

void rawReadCases(CaseList& c)
{
    const auto request = [](std::uint64_t diskOffset, std::uint32_t sectorCount, std::uint32_t trackMode) {
        std::vector<std::uint8_t> in(sizeof(ioctl::RAW_READ_INFO), 0);
        storeLe64(in.data(), diskOffset);
        storeLe32(in.data() + 8, sectorCount);
        storeLe32(in.data() + 12, trackMode);
        return in;
    };
    constexpr std::size_t sector = ioctl::RAW_SECTOR_SIZE;
    const std::vector<std::uint8_t> one = request(0, 1, ioctl::CDDA);
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { return &c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("InputZero", {}, sector, st::BufferTooSmall, "§3.18 V-stage row 1");
    refused("InputOneShort", resized(one, 15), sector, st::BufferTooSmall, "§3.18 V-stage row 2");
    refused("SectorCountZero", request(0, 0, ioctl::CDDA), sector, st::InvalidParameter, "§3.18 V-stage row 3");
    refused("SectorCountZeroOutputHuge", request(0, 0, ioctl::CDDA), kHugeLength, st::InvalidParameter, "§3.18 V-stage row 3");
    refused("TrackModeGarbage", request(0, 1, 6), sector, st::InvalidParameter, "§3.18 V-stage row 4");
    refused("TrackModeNegative", request(0, 1, negative(-1)), sector, st::InvalidParameter, "§3.18 V-stage row 4");
    // SectorCount x 2352 computed as a ULONG wraps to 1088, less than the count itself.
    refused("SectorCountWraps32Bits", request(0, 1826092, ioctl::CDDA), 4096, st::InvalidParameter, "§3.18 V-stage row 4");
    refused("SectorCountAllOnes", request(0, 0xFFFFFFFF, ioctl::RawWithC2AndSubCode), 4096, st::InvalidParameter,
            "§3.18 V-stage rows 4-6");
    refused("DiskOffsetNegative", request(static_cast<std::uint64_t>(-2048), 1, ioctl::CDDA), sector, st::InvalidParameter,
            "§3.18 V-stage row 5");
    refused("DiskOffsetMinusOne", request(~std::uint64_t{0}, 1, ioctl::CDDA), sector, st::InvalidParameter, "§3.18 V-stage row 5");
    refused("OutputZero", one, 0, st::InvalidParameter, "§3.18 V-stage row 6");
    refused("OutputOneShort", one, sector - 1, st::InvalidParameter, "§3.18 V-stage row 6");
    refused("OutputOneShortWithC2", request(0, 1, ioctl::RawWithC2), ioctl::CD_RAW_SECTOR_WITH_C2_SIZE - 1, st::InvalidParameter,
            "§3.18 V-stage row 6");
    // LBA 0xFFFFFFFF and the largest positive offset: far past the lead-out and the cached partition length.
    refused("LbaAllOnes", request(std::uint64_t{0xFFFFFFFF} * 2048, 1, ioctl::CDDA), sector, st::InvalidParameter,
            "§3.18 V-stage row 7");
    refused("DiskOffsetMaximum", request(0x7FFFFFFFFFFFFFFF, 1, ioctl::CDDA), sector, st::InvalidParameter, "§3.18 V-stage rows 5/7");
    // 1000 sectors: past any transfer limit (row 10), or past a small disc first (row 7).
    refused("SectorCountPastTransferLimit", request(0, 1000, ioctl::CDDA), 1000 * sector, st::InvalidParameter,
            "§3.18 V-stage rows 7/10");
    BadInputCase* misaligned = refused("OutputMisaligned", one, sector, st::InvalidParameter, "§3.18 V-stage row 9");
    misaligned->outputOffset = 1;
    misaligned->precondition = Precondition::AlignmentMask;
}

// --- §3.19 READ_Q_CHANNEL: CDROM_SUB_Q_DATA_FORMAT {Format, Track} ----------------------------------------------------

void readQChannelCases(CaseList& c)
{
    const auto request = [](std::uint8_t format, std::uint8_t track) { return std::vector<std::uint8_t>{format, track}; };
    constexpr std::size_t position = sizeof(ioctl::SUB_Q_CURRENT_POSITION);
    constexpr std::size_t full = sizeof(ioctl::SUB_Q_MEDIA_CATALOG_NUMBER);
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { return &c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("InputZero", {}, full, st::InfoLengthMismatch, "§3.19 V-stage row 1");
    refused("InputOneByte", {ioctl::IOCTL_CDROM_CURRENT_POSITION}, full, st::InfoLengthMismatch, "§3.19 V-stage row 1");
    refused("FormatSubQChannel", request(ioctl::IOCTL_CDROM_SUB_Q_CHANNEL, 0), full, st::InvalidParameter, "§3.19 V-stage row 2");
    refused("FormatGarbage", request(4, 0), full, st::InvalidParameter, "§3.19 V-stage row 2");
    refused("FormatAllOnes", request(0xFF, 0), kHugeLength, st::InvalidParameter, "§3.19 V-stage row 2");
    refused("CurrentPositionOutputOneShort", request(ioctl::IOCTL_CDROM_CURRENT_POSITION, 0), position - 1, st::BufferTooSmall,
            "§3.19 V-stage row 3");
    refused("MediaCatalogOutputOneShort", request(ioctl::IOCTL_CDROM_MEDIA_CATALOG, 0), full - 1, st::BufferTooSmall,
            "§3.19 V-stage row 3");
    refused("MediaCatalogOutputOfCurrentPosition", request(ioctl::IOCTL_CDROM_MEDIA_CATALOG, 0), position, st::BufferTooSmall,
            "§3.19 V-stage row 3");
    refused("TrackIsrcOutputZero", request(ioctl::IOCTL_CDROM_TRACK_ISRC, 1), 0, st::BufferTooSmall, "§3.19 V-stage row 3");
    // A valid request with a buffer far bigger than the reply: at most 24 bytes come back (§3.19 success).
    c.add("MediaCatalogOutputHuge", request(ioctl::IOCTL_CDROM_MEDIA_CATALOG, 0), kHugeLength,
          byMedium({st::Success}, {st::NoMediaInDevice}), "§3.19 success: Info = min(OutLen, transferred)")
        .maxInformation = static_cast<std::uint32_t>(full);
    // Track is read for Format 3 only (§3.19 command): garbage there is ignored for the current position.
    c.add("CurrentPositionTrackIgnored", request(ioctl::IOCTL_CDROM_CURRENT_POSITION, 0xFF), position,
          byMedium({st::Success}, {st::NoMediaInDevice}), "§3.19 command: byte 6 = Track for Format 3 only")
        .maxInformation = static_cast<std::uint32_t>(position);
    // Odd lengths are no rule of §3.19: the 16-byte reply fits.
    c.add("CurrentPositionOutputOdd", request(ioctl::IOCTL_CDROM_CURRENT_POSITION, 0), position + 1,
          byMedium({st::Success}, {st::NoMediaInDevice}), "§3.19 V-stage row 3 passed")
        .maxInformation = static_cast<std::uint32_t>(position);
    // The track goes into the CDB unchecked (§3.19); MMC READ SUB-CHANNEL refuses a track the disc lacks.
    c.add("TrackIsrcTrackZero", request(ioctl::IOCTL_CDROM_TRACK_ISRC, 0), full, byMedium(illegalRequest(), illegalRequestOrNoMedium()),
          "§3.19 command: Track for Format 3, MMC READ SUB-CHANNEL (tracks 1-99)");
    c.add("TrackIsrcTrackGarbage", request(ioctl::IOCTL_CDROM_TRACK_ISRC, 0xFF), full, byMedium(illegalRequest(), illegalRequestOrNoMedium()),
          "§3.19 command: Track for Format 3, MMC READ SUB-CHANNEL");
}

// --- §3.20 PLAY_AUDIO_MSF {StartingM, S, F, EndingM, S, F} and SEEK_AUDIO_MSF {M, S, F} -----------------------------

void playAudioMsfCases(CaseList& c)
{
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in) {
        c.refuse(what, std::move(in), 0, always({st::InfoLengthMismatch}), "§3.20 V-stage: InLen < 6");
    };
    refused("InputZero", {});
    refused("InputFiveBytes", {0, 2, 0, 0, 3});
    // Copied into PLAY AUDIO MSF verbatim (§3.20); the drive refuses what MMC calls an invalid field or an address
    // out of range. Nothing may start playing (the drive-state guard and the audio status check that).
    const Answer drive = byMedium(illegalRequest(), illegalRequestOrNoMedium());
    constexpr std::string_view rule = "§3.20 command: values not validated; MMC PLAY AUDIO MSF";
    c.add("FrameGarbage", {0, 2, 75, 0, 3, 0}, 0, drive, rule);
    c.add("SecondGarbage", {0, 60, 0, 0, 61, 0}, 0, drive, rule);
    c.add("AllOnes", {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, 0, drive, rule);
    c.add("PastTheDisc", {99, 0, 0, 99, 59, 74}, 0, drive, rule);
    c.add("EndBeforeStart", {0, 3, 0, 0, 2, 10}, 0, drive, rule);
}

void seekAudioMsfCases(CaseList& c)
{
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.20 V-stage: InLen < 3");
    c.refuse("InputTwoBytes", {0, 2}, 0, always({st::InfoLengthMismatch}), "§3.20 V-stage: InLen < 3");
    // SEEK(10) LBA = M*4500 + S*75 + F - 150 (§3.20): 99:59:74 and FF:FF:FF are past every disc. (00:00:00 is not
    // bad input: it wraps to FFFFFF6Ah, which MMC reads as LBA -150, the start of track 1's pregap.)
    const Answer drive = byMedium(illegalRequest(), illegalRequestOrNoMedium());
    c.add("PastTheDisc", {99, 59, 74}, 0, drive, "§3.20 command: SEEK(10), MMC LBA out of range");
    c.add("AllOnes", {0xFF, 0xFF, 0xFF}, 0, drive, "§3.20 command: SEEK(10), MMC LBA out of range");
}

// --- §3.13 SET_SPEED: CDROM_SET_SPEED {RequestType, ReadSpeed, WriteSpeed, RotationControl} --------------------------

void setSpeedCases(CaseList& c)
{
    const auto request = [](std::uint32_t requestType) {
        std::vector<std::uint8_t> in = le32s({requestType, 0xFFFFFFFF, 0}, sizeof(ioctl::CDROM_SET_SPEED));
        return in;
    };
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.13 V-stage row 1");
    c.refuse("InputOneShort", resized(request(ioctl::CdromSetSpeed), 11), 0, always({st::InfoLengthMismatch}), "§3.13 V-stage row 1");
    c.refuse("RequestTypeGarbage", request(2), 0, always({st::InvalidParameter}), "§3.13 V-stage row 2");
    c.refuse("RequestTypeMaximum", request(0x7FFFFFFF), 0, always({st::InvalidParameter}), "§3.13 V-stage row 2");
    // The streaming form needs 36 bytes, or an MMC drive; a negative RequestType counts as streaming (Q17).
    c.refuse("StreamingInputShort", request(ioctl::CdromSetStreaming), 0, always({st::InfoLengthMismatch, st::InvalidDeviceRequest}),
          "§3.13 V-stage rows 4-5");
    c.refuse("RequestTypeNegativeInputShort", request(negative(-1)), 0, always({st::InfoLengthMismatch, st::InvalidDeviceRequest}),
          "§3.13 V-stage rows 2, 4-5 (signed comparison, Q17)");
}

// --- §3.12 GET_PERFORMANCE: CDROM_PERFORMANCE_REQUEST {RequestType, PerformanceType, Exceptions, Tolerance, StaringLba}

void getPerformanceCases(CaseList& c)
{
    const auto request = [](std::uint32_t type, std::uint32_t performance, std::uint32_t exceptions, std::uint32_t tolerance) {
        return le32s({type, performance, exceptions, tolerance, 0});
    };
    const std::vector<std::uint8_t> nominal = request(ioctl::CdromPerformanceRequest, ioctl::CdromReadPerformance,
                                                      ioctl::CdromNominalPerformance, ioctl::Cdrom10Nominal20Exceptions);
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("InputZero", {}, kAlignedOutput, st::InfoLengthMismatch, "§3.12 V-stage row 1");
    refused("InputThreeBytes", resized(nominal, 3), kAlignedOutput, st::InfoLengthMismatch, "§3.12 V-stage row 1");
    refused("PerformanceRequestOneShort", resized(nominal, 19), kAlignedOutput, st::InfoLengthMismatch, "§3.12 V-stage row 2");
    refused("PerformanceTypeZero", request(1, 0, 1, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 3");
    refused("PerformanceTypeGarbage", request(1, 3, 1, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 3");
    refused("ExceptionsZero", request(1, 1, 0, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 4");
    refused("ExceptionsGarbage", request(1, 1, 4, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 4");
    refused("ToleranceZero", request(1, 1, 1, 0), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 5");
    refused("ToleranceGarbage", request(1, 1, 1, 2), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 5");
    refused("RequestTypeZero", request(0, 1, 1, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 7");
    refused("RequestTypeGarbage", request(3, 1, 1, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 7");
    refused("RequestTypeNegative", request(negative(-1), 1, 1, 1), kAlignedOutput, st::InvalidParameter, "§3.12 V-stage row 7");
    refused("OutputZero", nominal, 0, st::BufferTooSmall, "§3.12 V-stage row 8");
    refused("OutputSevenBytes", nominal, 7, st::BufferTooSmall, "§3.12 V-stage row 8");
    refused("WriteSpeedOutputZero", le32s({ioctl::CdromWriteSpeedRequest}), 0, st::BufferTooSmall, "§3.12 V-stage rows 6, 8");
    // Odd lengths pass: the driver rounds the transfer up to the alignment and drops the extra bytes (§3.12, §4), so
    // no byte may land past OutLen. A drive without GET PERFORMANCE (or, with no disc, one that wants a medium)
    // refuses it; fewer than 8 bytes back is INVALID_DEVICE_REQUEST.
    for (const auto& [what, length] : {std::pair<const char*, std::uint32_t>{"OutputOdd", 9}, {"OutputMaximumOdd", 0xFFFF}}) {
        c.add(what, nominal, length, byMedium({st::Success, st::InvalidDeviceRequest}, {st::Success, st::InvalidDeviceRequest, st::NoMediaInDevice}),
              "§3.12 command: transfer rounded up to the alignment, extra bytes discarded")
            .maxInformation = length;
    }
    // A write-speed request looks at nothing past RequestType (row 6): garbage there changes nothing.
    c.add("WriteSpeedTrailingGarbage", le32s({ioctl::CdromWriteSpeedRequest, 99, 99, 99, 0xFFFFFFFF}), kAlignedOutput,
          byMedium({st::Success, st::InvalidDeviceRequest}, {st::Success, st::InvalidDeviceRequest, st::NoMediaInDevice}),
          "§3.12 V-stage row 6")
        .maxInformation = kAlignedOutput;
    refused("Output64K", nominal, k64K, st::InvalidParameter, "§3.12 V-stage row 9");
    refused("OutputHuge", nominal, kHugeLength, st::InvalidParameter, "§3.12 V-stage row 9");
}

// --- §3.14 SEND_OPC_INFORMATION, §3.4 ENABLE_STREAMING: one RequestType each --------------------------------------

void sendOpcInformationCases(CaseList& c)
{
    const auto request = [](std::uint32_t type) { return le32s({type, 0}, sizeof(ioctl::CDROM_SIMPLE_OPC_INFO)); };
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.14 V-stage: InLen < 8");
    c.refuse("InputSevenBytes", resized(request(ioctl::SimpleOpcInfo), 7), 0, always({st::InfoLengthMismatch}), "§3.14 V-stage: InLen < 8");
    c.refuse("RequestTypeZero", request(0), 0, always({st::InvalidParameter}), "§3.14 V-stage: RequestType != 1");
    c.refuse("RequestTypeGarbage", request(2), kHugeLength, always({st::InvalidParameter}), "§3.14 V-stage: RequestType != 1");
    c.refuse("RequestTypeNegative", request(negative(-1)), 0, always({st::InvalidParameter}), "§3.14 V-stage: RequestType != 1");
}

void enableStreamingCases(CaseList& c)
{
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.4 V-stage: InLen < 4");
    c.refuse("InputThreeBytes", {1, 0, 0}, 0, always({st::InfoLengthMismatch}), "§3.4 V-stage: InLen < 4");
    c.refuse("RequestTypeZero", le32s({0}), 0, always({st::InvalidParameter}), "§3.4 V-stage: RequestType not in 1..4");
    c.refuse("RequestTypeGarbage", le32s({5}), kHugeLength, always({st::InvalidParameter}), "§3.4 V-stage: RequestType not in 1..4");
    c.refuse("RequestTypeNegative", le32s({negative(-1)}), 0, always({st::InvalidParameter}), "§3.4 V-stage: RequestType not in 1..4");
    // Disable always succeeds (§3.4 H-stage row 4) and only this handle's flags change, which end with the handle.
    std::vector<std::uint8_t> disable = le32s({ioctl::CdromStreamingDisable}, 64);
    std::fill(disable.begin() + 4, disable.end(), std::uint8_t{0xFF});
    BadInputCase& disableCase = c.add("DisableTrailingGarbage", disable, kHugeLength, always({st::Success}), "§3.4: input 4 bytes, H-stage row 4");
    disableCase.maxInformation = 0;
    disableCase.sendsNoCommand = true;  // ENABLE_STREAMING sends none (§3.4, §6)
}

// --- §3.5 EXCLUSIVE_ACCESS: CDROM_EXCLUSIVE_ACCESS {RequestType, Flags}, CDROM_EXCLUSIVE_LOCK {Access, CallerName[64]}

void exclusiveAccessCases(CaseList& c)
{
    constexpr std::size_t state = sizeof(ioctl::CDROM_EXCLUSIVE_LOCK_STATE);
    const auto lock = [](std::string_view name, bool terminated = true) {
        std::vector<std::uint8_t> in = le32s({ioctl::ExclusiveAccessLockDevice, 0}, sizeof(ioctl::CDROM_EXCLUSIVE_LOCK));
        std::memcpy(in.data() + 8, name.data(), std::min(name.size(), ioctl::CDROM_EXCLUSIVE_CALLER_LENGTH));
        if (!terminated) std::fill(in.begin() + 8, in.end(), std::uint8_t{'A'});
        return in;
    };
    const auto refused = [&](std::string_view what, std::vector<std::uint8_t> in, std::size_t out, ioctl::NtStatus s,
                             std::string_view rule) { c.refuse(what, std::move(in), out, always({s}), rule); };

    refused("InputZero", {}, state, st::InfoLengthMismatch, "§3.5 V-stage row 2");
    refused("InputSevenBytes", resized(le32s({ioctl::ExclusiveAccessQueryState}), 7), state, st::InfoLengthMismatch, "§3.5 V-stage row 2");
    refused("QueryOutputZero", le32s({ioctl::ExclusiveAccessQueryState, 0}), 0, st::BufferTooSmall, "§3.5 V-stage row 3a");
    refused("QueryOutputOneShort", le32s({ioctl::ExclusiveAccessQueryState, 0}), state - 1, st::BufferTooSmall, "§3.5 V-stage row 3a");
    BadInputCase& query = c.add("QueryOutputHuge", le32s({ioctl::ExclusiveAccessQueryState, 0xFFFFFFFF}), kHugeLength,
                                always({st::Success}), "§3.5 query: Info 65, flags ignored");
    query.minInformation = query.maxInformation = static_cast<std::uint32_t>(state);
    query.sendsNoCommand = true;  // EXCLUSIVE_ACCESS sends none (§6)
    refused("LockInputShort", le32s({ioctl::ExclusiveAccessLockDevice, 0}), 0, st::InfoLengthMismatch, "§3.5 V-stage row 3b");
    refused("RequestTypeGarbage", le32s({3, 0}), state, st::InvalidParameter, "§3.5 V-stage row 3d");
    refused("RequestTypeNegative", le32s({negative(-1), 0}), state, st::InvalidParameter, "§3.5 V-stage row 3d");
    refused("LockCallerNameBadCharacter", lock("bad!name"), 0, st::InvalidParameter, "§3.5 lock row 2");
    refused("LockCallerNameEmpty", lock(""), 0, st::InvalidParameter, "§3.5 lock row 3");
    refused("LockCallerNameUnterminated", lock("", false), 0, st::InvalidParameter, "§3.5 lock row 3");
    refused("UnlockWhenNotLocked", le32s({ioctl::ExclusiveAccessUnlockDevice, 0xFFFFFFFF}), kHugeLength, st::InvalidDeviceRequest,
            "§3.5 unlock: device not locked");
}

}  // namespace cdcts::suites::bad_input::detail
