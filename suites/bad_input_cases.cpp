// The bad-input generator: one row per catalog code naming the function that writes its cases. This file holds
// the codes whose only inputs are buffer lengths (no structure to garble) and the table; the codes with input
// structures are in bad_input_structured_cases.cpp.
#include "suites/bad_input_cases.hpp"

#include <array>
#include <cctype>
#include <stdexcept>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/geometry.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "suites/bad_input_builder.hpp"

namespace cdcts::suites::bad_input {
namespace detail {
namespace {

// Input garbage for codes that take no input: the class driver must not look at it.
std::vector<std::uint8_t> garbage() { return filled(64, 0xFF); }
constexpr std::size_t kAlignedOutput = 1024;  // a multiple of every alignment mask a port reports

// --- §3.1 CHECK_VERIFY: only lengths 1-3 are refused; 0 and anything >= 4 reach TEST UNIT READY ----------------

void checkVerifyCases(CaseList& c, bool returnsCount)
{
    for (const std::size_t length : {1u, 2u, 3u})
        c.refuse("OutputOf" + std::to_string(length) + "Bytes", {}, length, always({st::BufferTooSmall}), "§3.1 V-stage row 1");
    BadInputCase& huge = c.add("OutputHuge", garbage(), kHugeLength, byMedium({st::Success}, {st::NoMediaInDevice}),
                               "§3.1 V-stage row 3, H-stage: TEST UNIT READY");
    // Only the 0x...4800 codes return the media-change count (4 bytes); CHECK_VERIFY2 returns nothing.
    huge.minInformation = huge.maxInformation = returnsCount ? 4u : 0u;
    c.add("OutputZeroInputGarbage", garbage(), 0, byMedium({st::Success}, {st::NoMediaInDevice}),
          "§3.1 V-stage row 1: OutLen 0 is accepted")
        .maxInformation = 0;
}
void checkVerifyWithCount(CaseList& c) { checkVerifyCases(c, true); }
void checkVerify2(CaseList& c) { checkVerifyCases(c, false); }

// --- §3.3, §3.7, §3.22: buffers ignored; the documented answer is to act ---------------------------------------

void ejectMediaCases(CaseList& c)
{
    // No V-stage (§3.3): garbage in, a huge output, and the tray still opens; the test loads it again.
    BadInputCase& e = c.add("BuffersIgnored", garbage(), kHugeLength, always({st::Success}), "§3.3: buffers ignored, no V-stage");
    e.precondition = Precondition::AllowDestructive;
    e.maxInformation = 0;
    e.undo = Undo::LoadMedia;
}

void loadMediaCases(CaseList& c)
{
    // The tray is closed already: START STOP UNIT LoEj Start succeeds; an empty drive may say no medium (§8.1 3Ah).
    c.add("BuffersIgnored", garbage(), kHugeLength, byMedium({st::Success}, {st::Success, st::NoMediaInDevice}),
          "§3.3: buffers ignored, no V-stage")
        .maxInformation = 0;
}

void reserveCases(CaseList& c)
{
    // RESERVE(6), then RESERVE(10) if refused; a drive without either answers ILLEGAL REQUEST (§3.22, §8.2).
    BadInputCase& r = c.add("BuffersIgnored", garbage(), kHugeLength, always({st::Success, st::InvalidDeviceRequest}),
                            "§3.22: buffers ignored, no V-stage");
    r.undo = Undo::Release;
    r.maxInformation = 0;
}

void releaseCases(CaseList& c)
{
    c.add("BuffersIgnored", garbage(), kHugeLength, always({st::Success, st::InvalidDeviceRequest}),
          "§3.22: buffers ignored, no V-stage")
        .maxInformation = 0;
}

void findNewDevicesCases(CaseList& c)
{
    // The sample completes it through the H-stage default branch with ACCESS_DENIED; the shipped driver may
    // succeed (Q4). Either way the buffers are not looked at.
    c.add("BuffersIgnored", garbage(), kHugeLength, always({st::AccessDenied, st::Success}), "§3.7, Q4").maxInformation = 0;
}

// --- §3.11 MEDIA_REMOVAL family: the input is a PREVENT_MEDIA_REMOVAL byte ------------------------------------

void mediaRemovalCases(CaseList& c)
{
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.11 V-stage: InLen < 1");
    c.refuse("InputZeroOutputHuge", {}, kHugeLength, always({st::InfoLengthMismatch}), "§3.11 V-stage: InLen < 1");
    // Allow (0) with no lock held and trailing garbage: no counter moves, no command, success.
    std::vector<std::uint8_t> allow = garbage();
    allow[0] = 0;
    c.add("AllowWithoutLockTrailingGarbage", allow, kHugeLength, always({st::Success}),
          "§3.11 H-stage: PreventMediaRemoval = 0 and LockCount = 0")
        .maxInformation = 0;
}

void lockInputOnly(CaseList& c)
{
    // EJECTION_CONTROL and MCN_CONTROL share MEDIA_REMOVAL's input check (§2.1: handled by the same paths).
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.11 V-stage: InLen < 1");
    c.refuse("InputZeroOutputHuge", {}, kHugeLength, always({st::InfoLengthMismatch}), "§3.11 V-stage: InLen < 1");
}

// --- §3.9 geometry ------------------------------------------------------------------------------------------

void geometryCases(CaseList& c, std::uint32_t size, std::string_view rule)
{
    c.refuse("OutputZero", {}, 0, always({st::BufferTooSmall}), rule);
    c.refuse("OutputOneShort", {}, size - 1, always({st::BufferTooSmall}), rule);
    c.refuse("OutputOneByte", {}, 1, always({st::BufferTooSmall}), rule);
    for (const auto& [what, length] : {std::pair<const char*, std::size_t>{"OutputOdd", size + 1}, {"OutputHuge", kHugeLength}}) {
        BadInputCase& ok = c.add(what, garbage(), length, byMedium({st::Success}, {st::NoMediaInDevice}),
                                 "§3.9 H-stage: READ CAPACITY; Info 24 / 32");
        ok.minInformation = ok.maxInformation = size;
    }
}
void geometry(CaseList& c) { geometryCases(c, sizeof(ioctl::DISK_GEOMETRY), "§3.9 V-stage: OutLen < 24"); }
// The driver fills only the 32-byte header of DISK_GEOMETRY_EX (§3.9, Q18).
void geometryEx(CaseList& c) { geometryCases(c, 32, "§3.9 V-stage: OutLen < 32"); }

// --- §3.10 GET_INQUIRY_DATA ------------------------------------------------------------------------------------

void inquiryDataCases(CaseList& c)
{
    c.refuse("OutputZero", garbage(), 0, always({st::BufferTooSmall}), "§3.10 row 1");
    // A partial copy with a warning: the caller gets exactly the one byte.
    BadInputCase& one = c.add("OutputOneByte", garbage(), 1, always({st::BufferOverflow}), "§3.10 row 2");
    one.minInformation = one.maxInformation = 1;
    one.sendsNoCommand = true;  // answered from the start-up cache (§3.10)
    BadInputCase& huge = c.add("OutputHuge", garbage(), kHugeLength, always({st::Success}), "§3.10 row 3: CachedLen 36..260");
    huge.minInformation = 36;
    huge.maxInformation = 260;
    huge.sendsNoCommand = true;
}

// --- §3.15, §3.16: READ_TOC and GET_LAST_SESSION take no input -----------------------------------------------

void readTocCases(CaseList& c)
{
    const std::uint32_t size = ioctl::MAXIMUM_CDROM_SIZE;
    c.refuse("OutputZero", {}, 0, always({st::BufferTooSmall}), "§3.15 V-stage row 1");
    c.refuse("OutputOneByte", {}, 1, always({st::BufferTooSmall}), "§3.15 V-stage row 1");
    c.refuse("OutputOneShort", {}, size - 1, always({st::BufferTooSmall}), "§3.15 V-stage row 1");
    c.refuse("OutputOdd", {}, size + 1, always({st::InvalidParameter}), "§3.15 V-stage row 2").precondition = Precondition::AlignmentMask;
    BadInputCase& odd = c.add("OutputOddNoAlignment", {}, size + 1, byMedium({st::Success}, {st::NoMediaInDevice}), "§3.15 V-stage row 2 passed");
    odd.precondition = Precondition::NoAlignmentMask;
    odd.maxInformation = size;
    BadInputCase& huge = c.add("OutputHuge", garbage(), kHugeLength, byMedium({st::Success}, {st::NoMediaInDevice}),
                               "§3.15 H-stage: allocation capped at 804");
    huge.maxInformation = size;
    c.add("InputGarbage", garbage(), kAlignedOutput, byMedium({st::Success}, {st::NoMediaInDevice}), "§3.15: input none (ignored)")
        .maxInformation = size;
}

void lastSessionCases(CaseList& c)
{
    const std::uint32_t size = sizeof(ioctl::CDROM_TOC_SESSION_DATA);
    c.refuse("OutputZero", {}, 0, always({st::BufferTooSmall}), "§3.16 V-stage: OutLen < 12");
    c.refuse("OutputOneShort", {}, size - 1, always({st::BufferTooSmall}), "§3.16 V-stage: OutLen < 12");
    c.refuse("OutputOdd", {}, size + 1, always({st::InvalidParameter}), "§3.16 V-stage: alignment").precondition =
        Precondition::AlignmentMask;
    BadInputCase& odd = c.add("OutputOddNoAlignment", {}, size + 1, byMedium({st::Success}, {st::NoMediaInDevice}),
                              "§3.16 V-stage passed, H-stage: allocation min(OutLen, 804)");
    odd.precondition = Precondition::NoAlignmentMask;
    odd.minInformation = odd.maxInformation = size;  // the session reply is 12 bytes (§3.16 success)
    BadInputCase& huge = c.add("OutputHuge", garbage(), kHugeLength, byMedium({st::Success}, {st::NoMediaInDevice}),
                               "§3.16 H-stage: allocation min(OutLen, 804)");
    huge.maxInformation = ioctl::MAXIMUM_CDROM_SIZE;
}

// --- §3.20, §3.21: audio transport without input, volume ---------------------------------------------------------

void pauseAudioCases(CaseList& c)
{
    // Nothing plays at the start of a test: MMC PAUSE with Resume = 0 and no play is COMMAND SEQUENCE ERROR
    // (5/2Ch -> INVALID_DEVICE_REQUEST, §8.2). No V-stage, so the buffers change nothing.
    c.add("NothingPlayingBuffersIgnored", garbage(), kHugeLength, byMedium(illegalRequest(), illegalRequestOrNoMedium()),
          "§3.20: no V-stage; MMC PAUSE/RESUME with no play");
}

void resumeAudioCases(CaseList& c)
{
    c.add("NothingPausedBuffersIgnored", garbage(), kHugeLength, byMedium(illegalRequest(), illegalRequestOrNoMedium()),
          "§3.20: no V-stage; MMC PAUSE/RESUME with nothing paused");
}

void stopAudioCases(CaseList& c)
{
    // START STOP UNIT (Immed, Start = 0) with nothing playing: the disc stops; an empty drive may say no medium.
    c.add("BuffersIgnored", garbage(), kHugeLength, byMedium({st::Success}, {st::Success, st::NoMediaInDevice}),
          "§3.20: no V-stage")
        .maxInformation = 0;
}

void getVolumeCases(CaseList& c)
{
    c.refuse("OutputZero", {}, 0, always({st::BufferTooSmall}), "§3.21 V-stage: OutLen < 4");
    c.refuse("OutputThreeBytes", {}, 3, always({st::BufferTooSmall}), "§3.21 V-stage: OutLen < 4");
    // Page 0Eh missing is INVALID_DEVICE_REQUEST (§3.21); otherwise 4 bytes, however big the buffer.
    BadInputCase& huge = c.add("OutputHuge", garbage(), kHugeLength, always({st::Success, st::InvalidDeviceRequest}),
                               "§3.21 H-stage: Info 4");
    huge.minInformation = huge.maxInformation = 4;
}

void setVolumeCases(CaseList& c)
{
    c.refuse("InputZero", {}, 0, always({st::InfoLengthMismatch}), "§3.21 V-stage: InLen < 4");
    c.refuse("InputThreeBytes", filled(3, 0xFF), 0, always({st::InfoLengthMismatch}), "§3.21 V-stage: InLen < 4");
}

// --- §3.23: forwarded unchanged to the port driver ------------------------------------------------------------

void forwardedCases(CaseList& c)
{
    c.refuse("BuffersZero", {}, 0, always(portDriverRejection()), "§3.23, Q6");
    c.refuse("OutputOdd", {}, 3, always(portDriverRejection()), "§3.23, Q6");
    c.refuse("OutputHuge", garbage(), kHugeLength, always(portDriverRejection()), "§3.23, Q6");
}

// --- STORAGE, DISK and SCSI codes the contracts list only for the gate or pass-through (§1) -------------------------

void unspecifiedCases(CaseList& c)
{
    // Every one of them needs an input, an output or both; with neither, any conforming stack refuses the request
    // with a length or parameter status (the contracts pin none down, so the set is the §4 length conventions plus
    // the port driver's rejection). Nothing may be copied back.
    c.add("BuffersZero", {}, 0,
          always({st::InvalidParameter, st::InfoLengthMismatch, st::BufferTooSmall, st::InvalidDeviceRequest, st::NotSupported}),
          "§1, §4 length conventions");
}

struct Generator {
    std::string_view code;
    void (*make)(CaseList&);
};

// clang-format off
constexpr std::array kGenerators{
    Generator{"IOCTL_CDROM_READ_TOC", &readTocCases},
    Generator{"IOCTL_CDROM_SEEK_AUDIO_MSF", &seekAudioMsfCases},
    Generator{"IOCTL_CDROM_STOP_AUDIO", &stopAudioCases},
    Generator{"IOCTL_CDROM_PAUSE_AUDIO", &pauseAudioCases},
    Generator{"IOCTL_CDROM_RESUME_AUDIO", &resumeAudioCases},
    Generator{"IOCTL_CDROM_GET_VOLUME", &getVolumeCases},
    Generator{"IOCTL_CDROM_PLAY_AUDIO_MSF", &playAudioMsfCases},
    Generator{"IOCTL_CDROM_SET_VOLUME", &setVolumeCases},
    Generator{"IOCTL_CDROM_READ_Q_CHANNEL", &readQChannelCases},
    Generator{"IOCTL_CDROM_GET_CONTROL", &forwardedCases},
    Generator{"OBSOLETE_IOCTL_CDROM_GET_CONTROL", &forwardedCases},
    Generator{"IOCTL_CDROM_GET_LAST_SESSION", &lastSessionCases},
    Generator{"IOCTL_CDROM_RAW_READ", &rawReadCases},
    Generator{"IOCTL_CDROM_DISK_TYPE", &forwardedCases},
    Generator{"IOCTL_CDROM_GET_DRIVE_GEOMETRY", &geometry},
    Generator{"IOCTL_CDROM_GET_DRIVE_GEOMETRY_EX", &geometryEx},
    Generator{"IOCTL_CDROM_READ_TOC_EX", &readTocExCases},
    Generator{"IOCTL_CDROM_GET_CONFIGURATION", &getConfigurationCases},
    Generator{"IOCTL_CDROM_EXCLUSIVE_ACCESS", &exclusiveAccessCases},
    Generator{"IOCTL_CDROM_SET_SPEED", &setSpeedCases},
    Generator{"IOCTL_CDROM_GET_INQUIRY_DATA", &inquiryDataCases},
    Generator{"IOCTL_CDROM_ENABLE_STREAMING", &enableStreamingCases},
    Generator{"IOCTL_CDROM_SEND_OPC_INFORMATION", &sendOpcInformationCases},
    Generator{"IOCTL_CDROM_GET_PERFORMANCE", &getPerformanceCases},
    Generator{"IOCTL_CDROM_CHECK_VERIFY", &checkVerifyWithCount},
    Generator{"IOCTL_CDROM_MEDIA_REMOVAL", &mediaRemovalCases},
    Generator{"IOCTL_CDROM_EJECT_MEDIA", &ejectMediaCases},
    Generator{"IOCTL_CDROM_LOAD_MEDIA", &loadMediaCases},
    Generator{"IOCTL_CDROM_RESERVE", &reserveCases},
    Generator{"IOCTL_CDROM_RELEASE", &releaseCases},
    Generator{"IOCTL_CDROM_FIND_NEW_DEVICES", &findNewDevicesCases},
    Generator{"IOCTL_CDROM_UNLOAD_DRIVER", &forwardedCases},
    Generator{"IOCTL_CDROM_SIMBAD", &pauseAudioCases},       // PAUSE_AUDIO's value (§2.1 SIMBAD collision)
    Generator{"IOCTL_CDROM_CLOSE_DOOR", &loadMediaCases},    // sent as IOCTL_STORAGE_LOAD_MEDIA (§3.2)
    Generator{"IOCTL_STORAGE_CHECK_VERIFY", &checkVerifyWithCount},
    Generator{"IOCTL_STORAGE_CHECK_VERIFY2", &checkVerify2},
    Generator{"IOCTL_STORAGE_MEDIA_REMOVAL", &mediaRemovalCases},
    Generator{"IOCTL_STORAGE_EJECT_MEDIA", &ejectMediaCases},
    Generator{"IOCTL_STORAGE_LOAD_MEDIA", &loadMediaCases},
    Generator{"IOCTL_STORAGE_LOAD_MEDIA2", &loadMediaCases},
    Generator{"IOCTL_STORAGE_RESERVE", &reserveCases},
    Generator{"IOCTL_STORAGE_RELEASE", &releaseCases},
    Generator{"IOCTL_STORAGE_FIND_NEW_DEVICES", &findNewDevicesCases},
    Generator{"IOCTL_STORAGE_EJECTION_CONTROL", &lockInputOnly},
    Generator{"IOCTL_STORAGE_MCN_CONTROL", &lockInputOnly},
    Generator{"IOCTL_STORAGE_GET_MEDIA_TYPES_EX", &unspecifiedCases},
    Generator{"IOCTL_STORAGE_GET_HOTPLUG_INFO", &unspecifiedCases},
    Generator{"IOCTL_STORAGE_GET_DEVICE_NUMBER", &unspecifiedCases},
    Generator{"IOCTL_STORAGE_READ_CAPACITY", &unspecifiedCases},
    Generator{"IOCTL_STORAGE_QUERY_PROPERTY", &unspecifiedCases},
    Generator{"IOCTL_DISK_GET_DRIVE_GEOMETRY", &geometry},
    Generator{"IOCTL_DISK_GET_LENGTH_INFO", &unspecifiedCases},
    Generator{"IOCTL_DISK_GET_DRIVE_GEOMETRY_EX", &geometryEx},
    Generator{"IOCTL_DISK_CHECK_VERIFY", &checkVerifyWithCount},
    Generator{"IOCTL_SCSI_PASS_THROUGH", &unspecifiedCases},
    Generator{"IOCTL_SCSI_PASS_THROUGH_DIRECT", &unspecifiedCases},
    Generator{"IOCTL_SCSI_GET_ADDRESS", &unspecifiedCases},
};
// clang-format on

std::vector<BadInputCase> generate()
{
    std::vector<BadInputCase> out;
    for (const ioctl::CodeInfo& info : ioctl::allCodes()) {
        const auto* generator = std::find_if(kGenerators.begin(), kGenerators.end(), [&](const Generator& g) { return g.code == info.name; });
        // A catalog row without a generator is a gap the generator's unit test reports; no case is invented here.
        if (generator == kGenerators.end()) continue;
        const ioctl::ControlCode value = info.value ? *info.value : ioctl::codes::StorageLoadMedia;  // §3.2 CLOSE_DOOR
        CaseList list(out, info, value);
        generator->make(list);
    }
    return out;
}

}  // namespace
}  // namespace detail

const std::vector<BadInputCase>& badInputCases()
{
    static const std::vector<BadInputCase> cases = detail::generate();
    return cases;
}

std::string camelCaseCodeName(std::string_view sdkName)
{
    std::string bare;
    constexpr std::string_view kPrefix = "IOCTL_";
    if (const auto at = sdkName.find(kPrefix); at != std::string_view::npos) {
        bare = std::string(sdkName.substr(0, at)) + std::string(sdkName.substr(at + kPrefix.size()));
    } else {
        bare = std::string(sdkName);
    }
    std::string out;
    bool startOfWord = true;
    for (const char ch : bare) {
        if (ch == '_') {
            startOfWord = true;
            continue;
        }
        const auto u = static_cast<unsigned char>(ch);
        out.push_back(static_cast<char>(startOfWord ? std::toupper(u) : std::tolower(u)));
        startOfWord = false;
    }
    return out;
}

}  // namespace cdcts::suites::bad_input
