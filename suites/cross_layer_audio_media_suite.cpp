// Cross-layer oracle, audio and media: READ_Q_CHANNEL (current position, MCN, ISRC; idle and while audio plays)
// against READ SUB-CHANNEL (§3.19), GET_VOLUME against MODE SENSE page 0Eh (§3.21), CHECK_VERIFY against TEST UNIT
// READY (§3.1) and MEDIA_REMOVAL against the Lock State the drive reports in MODE SENSE page 2Ah (§3.11). The raw
// commands only ask; the one state change (a play, a lock) is made through the IOCTLs and undone by the guards.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/mmc/msf.hpp"
#include "harness/mmc/replies.hpp"
#include "suites/caller_buffer.hpp"
#include "suites/audio_support.hpp"
#include "suites/cross_layer.hpp"
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites::crosslayer {
namespace {

using fixtures::Requirement;
using mmc::cdb::SubChannelFormat;


// --- READ_Q_CHANNEL vs READ SUB-CHANNEL (§3.19) -------------------------------------------------------------------

constexpr const char* kReadSubChannel = "READ SUB-CHANNEL";

// The header's AudioStatus is compared on its own (see expectSameAudioStatus); the rest field by field.
constexpr Field kPosition[] = {{"Reserved", 0},         {"AudioStatus", 1},          {"DataLength", 2, 2},
                               {"FormatCode", 4},       {"ADR", 5, 1, 0xF0},         {"Control", 5, 1, 0x0F},
                               {"TrackNumber", 6},      {"IndexNumber", 7},          {"AbsoluteAddress", 8, 4},
                               {"TrackRelativeAddress", 12, 4}};
constexpr Field kCatalog[] = {{"Reserved", 0},       {"AudioStatus", 1},          {"DataLength", 2, 2}, {"FormatCode", 4},
                              {"Reserved[3]", 5, 3}, {"Reserved1", 8, 1, 0x7F}, {"Mcval", 8, 1, 0x80}, {"MediaCatalog", 9, 15}};
constexpr Field kIsrc[] = {{"Reserved", 0},         {"AudioStatus", 1},          {"DataLength", 2, 2}, {"FormatCode", 4},
                           {"ADR/Control", 5},      {"Track", 6},                {"Reserved1", 7},     {"Reserved2", 8, 1, 0x7F},
                           {"Tcval", 8, 1, 0x80},  {"TrackIsrc", 9, 15}};

// MMC reports PLAY COMPLETED (13h) and PLAY STOPPED DUE TO ERROR (14h) once and NO STATUS (15h) after: the raw
// command, asked second, may see 15h where the IOCTL saw 13h or 14h. Returns the drive's reply with that one
// difference taken out, so the field comparison that follows is exact everywhere else.
std::vector<std::uint8_t> withReportedOnceStatus(std::span<const std::uint8_t> fromIoctl, std::span<const std::uint8_t> fromDrive)
{
    std::vector<std::uint8_t> drive(fromDrive.begin(), fromDrive.end());
    if (fromIoctl.size() < 2 || drive.size() < 2) return drive;
    const bool once = fromIoctl[1] == ioctl::AUDIO_STATUS_PLAY_COMPLETE || fromIoctl[1] == ioctl::AUDIO_STATUS_PLAY_ERROR;
    if (once && drive[1] == ioctl::AUDIO_STATUS_NO_STATUS) drive[1] = fromIoctl[1];
    return drive;
}

struct QChannel {
    ControlResult result;
    std::vector<std::uint8_t> out;
    RawReply raw;
};

// The IOCTL, then READ SUB-CHANNEL as §3.19 builds it: MSF for the current position, SubQ, the format, the track for
// ISRC only, allocation 16 (current position) or 24.
QChannel askBoth(CrossLayer& t, std::uint8_t format, std::uint8_t track)
{
    const std::uint16_t length = format == ioctl::IOCTL_CDROM_CURRENT_POSITION ? 16 : 24;
    const ioctl::CDROM_SUB_Q_DATA_FORMAT in{format, track};
    std::vector<std::uint8_t> input(sizeof in);
    std::memcpy(input.data(), &in, sizeof in);
    QChannel q{{}, std::vector<std::uint8_t>(length, kUntouched), {}};
    q.result = t.control(codes::CdromReadQChannel, input, q.out);
    const auto cdb = mmc::cdb::readSubChannel(format == ioctl::IOCTL_CDROM_CURRENT_POSITION, static_cast<SubChannelFormat>(format),
                                              format == ioctl::IOCTL_CDROM_TRACK_ISRC ? track : 0, length);
    q.raw = ask(t.target(), cdb, length);
    return q;
}

std::uint8_t firstAudioTrackNumber(CrossLayer& t)
{
    for (const Track& track : readTracks(t.handle(), t.device()))
        if (track.audio) return track.number;
    return 1;
}

const bool readQChannel = registerCheck(
    "ReadQChannelMatchesReadSubChannel", {},
    {{"CurrentPosition", ioctl::IOCTL_CDROM_CURRENT_POSITION, 0, 0},
     {"MediaCatalog", ioctl::IOCTL_CDROM_MEDIA_CATALOG, 0, 0},
     {"TrackIsrc", ioctl::IOCTL_CDROM_TRACK_ISRC, 0, 0}},
    [](CrossLayer& t, const Variant& v) {
        const auto format = static_cast<std::uint8_t>(v.a);
        // ISRC of the first audio track (the format is only meaningful for one); track 1 on a disc without audio.
        const std::uint8_t track = format == ioctl::IOCTL_CDROM_TRACK_ISRC ? firstAudioTrackNumber(t) : 0;
        const QChannel q = askBoth(t, format, track);
        SCOPED_TRACE("IOCTL_CDROM_READ_Q_CHANNEL format " + std::to_string(format) + " vs READ SUB-CHANNEL (drive: " + q.raw.describe() + ")");
        if (!expectSameOutcome("IOCTL_CDROM_READ_Q_CHANNEL", q.result, kReadSubChannel, q.raw)) return;
        ASSERT_LE(q.result.information, q.out.size());
        const auto fromIoctl = std::span<const std::uint8_t>(q.out).first(q.result.information);
        const std::vector<std::uint8_t> fromDrive = withReportedOnceStatus(fromIoctl, q.raw.bytes());
        const std::span<const Field> fields = format == ioctl::IOCTL_CDROM_CURRENT_POSITION ? std::span<const Field>(kPosition)
                                              : format == ioctl::IOCTL_CDROM_MEDIA_CATALOG ? std::span<const Field>(kCatalog)
                                                                                          : std::span<const Field>(kIsrc);
        expectSameFields(Layout{fields, q.out.size(), "", 0, {}}, fromIoctl, fromDrive, kReadSubChannel);
    },
    __FILE__, __LINE__);

std::int32_t lbaAt(std::span<const std::uint8_t> reply, std::size_t at) { return mmc::msfToLba({reply[at + 1], reply[at + 2], reply[at + 3]}); }

// While audio plays the position moves between the two questions: what must agree is everything but the addresses,
// and the drive's position, asked second, is not behind the driver's.
const bool readQChannelPlaying = registerCheck(
    "ReadQChannelWhilePlayingMatchesReadSubChannel", {Requirement::MediumPresent}, {},
    [](CrossLayer& t, const Variant&) {
        const auto track = firstAudioTrack(t.handle(), t.device(), 10 * mmc::kFramesPerSecond);
        if (!track) GTEST_SKIP() << "NotSupported: the disc has no audio track of 10 s or more to play";
        PlayGuard play(t.handle());
        ASSERT_THAT_STATUS(play.play(tenSecondsOf(*track)).status, status::Success);
        const QChannel q = askBoth(t, ioctl::IOCTL_CDROM_CURRENT_POSITION, 0);
        SCOPED_TRACE("IOCTL_CDROM_READ_Q_CHANNEL current position while playing vs READ SUB-CHANNEL (drive: " + q.raw.describe() + ")");
        if (!expectSameOutcome("IOCTL_CDROM_READ_Q_CHANNEL", q.result, kReadSubChannel, q.raw)) return;
        ASSERT_EQ(q.result.information, 16u);
        ASSERT_EQ(q.raw.bytes().size(), 16u);
        const auto a = std::span<const std::uint8_t>(q.out), b = q.raw.bytes();
        EXPECT_EQ(a[1], ioctl::AUDIO_STATUS_IN_PROGRESS) << "AudioStatus from the IOCTL while the play runs";
        constexpr Field kStable[] = {{"AudioStatus", 1}, {"DataLength", 2, 2}, {"FormatCode", 4}, {"ADR", 5, 1, 0xF0},
                                     {"Control", 5, 1, 0x0F}, {"TrackNumber", 6}, {"IndexNumber", 7}};
        for (const Field& f : kStable) expectSameRecord(std::span(&f, 1), 0, a, b, 0, "", kReadSubChannel);
        EXPECT_GE(lbaAt(b, 8), lbaAt(a, 8)) << "AbsoluteAddress: the drive's position, asked after the IOCTL, is behind it";
        EXPECT_GE(lbaAt(b, 12), lbaAt(a, 12)) << "TrackRelativeAddress: the drive's position, asked after the IOCTL, is behind it";
        EXPECT_LE(lbaAt(b, 8), track->start + 10 * mmc::kFramesPerSecond) << "the drive's position is past the end of the play";
    },
    __FILE__, __LINE__);

// --- GET_VOLUME vs MODE SENSE page 0Eh (§3.21) --------------------------------------------------------------------

constexpr const char* kModeSense = "MODE SENSE(10)";
constexpr std::uint8_t kAudioControlPage = 0x0E;
constexpr std::uint8_t kCapabilitiesPage = 0x2A;

const bool getVolume = registerCheck(
    "GetVolumeMatchesModeSense", {}, {},
    [](CrossLayer& t, const Variant&) {
        std::vector<std::uint8_t> out(sizeof(ioctl::VOLUME_CONTROL), kUntouched);
        const ControlResult r = t.control(codes::CdromGetVolume, {}, out);
        // Page 0Eh, current values, DBD = 0, allocation 64: the driver's own CDB.
        const RawReply raw = ask(t.target(), mmc::cdb::modeSense10(false, kAudioControlPage, 64), 64);
        SCOPED_TRACE("IOCTL_CDROM_GET_VOLUME vs MODE SENSE(10) page 0Eh (drive: " + raw.describe() + ")");
        const auto page = raw.good() ? mmc::findModePage10(raw.bytes(), kAudioControlPage) : std::nullopt;
        if (raw.good() && (!page || page->size() < sizeof(ioctl::AUDIO_OUTPUT))) {
            EXPECT_THAT_STATUS(r.status, status::InvalidDeviceRequest) << "the drive's reply holds no whole page 0Eh";
            return;
        }
        if (!expectSameOutcome("IOCTL_CDROM_GET_VOLUME", r, kModeSense, raw)) return;
        ASSERT_EQ(r.information, sizeof(ioctl::VOLUME_CONTROL));
        for (std::size_t i = 0; i < 4; ++i)
            expectSameValue("PortVolume[" + std::to_string(i) + "] (page 0Eh byte " + std::to_string(9 + 2 * i) + ")", out[i],
                            (*page)[9 + 2 * i], kModeSense);
    },
    __FILE__, __LINE__);

// --- CHECK_VERIFY vs TEST UNIT READY (§3.1) ----------------------------------------------------------------------

void compareCheckVerify(CrossLayer& t, const char* name, ioctl::ControlCode code)
{
    const media::Verify v = media::checkVerify(t.handle(), code);
    const RawReply raw = ask(t.target(), mmc::cdb::testUnitReady(), 0);
    SCOPED_TRACE(std::string(name) + " vs TEST UNIT READY (drive: " + raw.describe() + ")");
    if (!expectSameOutcome(name, v.result, "TEST UNIT READY", raw)) return;
    EXPECT_EQ(v.result.information, sizeof(std::uint32_t)) << "a ready drive's CHECK_VERIFY returns the media-change count";
}

const bool checkVerify = registerCheck(
    "CheckVerifyMatchesTestUnitReady", {}, {},
    [](CrossLayer& t, const Variant&) { compareCheckVerify(t, "IOCTL_CDROM_CHECK_VERIFY", codes::CdromCheckVerify); }, __FILE__, __LINE__);
const bool storageCheckVerify = registerCheck(
    "StorageCheckVerifyMatchesTestUnitReady", {}, {},
    [](CrossLayer& t, const Variant&) { compareCheckVerify(t, "IOCTL_STORAGE_CHECK_VERIFY", codes::StorageCheckVerify); }, __FILE__, __LINE__);

// --- MEDIA_REMOVAL vs the Lock State of MODE SENSE page 2Ah (§3.11) ------------------------------------------------

// Page 2Ah byte 6: bit 0 Lock (the drive can lock), bit 1 Lock State (it is locked now). nullopt without the page.
struct LockBits {
    bool lockable;
    bool locked;
};
std::optional<LockBits> lockBits(CrossLayer& t)
{
    const RawReply raw = ask(t.target(), mmc::cdb::modeSense10(true, kCapabilitiesPage, 256), 256);
    if (!raw.good()) return std::nullopt;
    const auto page = mmc::findModePage10(raw.bytes(), kCapabilitiesPage);
    if (!page || page->size() < 7) return std::nullopt;
    return LockBits{((*page)[6] & 0x01) != 0, ((*page)[6] & 0x02) != 0};
}

const bool mediaRemoval = registerCheck(
    "MediaRemovalMatchesModeSense", {}, {},
    [](CrossLayer& t, const Variant&) {
        const auto before = lockBits(t);
        if (!before) GTEST_SKIP() << "NotSupported: the drive reports no MODE SENSE page 2Ah (capabilities and mechanical status)";
        if (!before->lockable) GTEST_SKIP() << "NotSupported: the drive cannot lock its medium (page 2Ah byte 6 bit 0 Lock = 0)";
        ASSERT_FALSE(before->locked) << "the drive is locked before the test: another lock is held, so PREVENT sends nothing (§3.11)";
        media::MediaLockGuard lock(t.handle());
        ASSERT_THAT_STATUS(lock.prevent().status, status::Success);
        const auto locked = lockBits(t);
        ASSERT_TRUE(locked) << "page 2Ah went away";
        EXPECT_TRUE(locked->locked) << "IOCTL_CDROM_MEDIA_REMOVAL prevent succeeded, but page 2Ah byte 6 bit 1 Lock State says unlocked";
        ASSERT_THAT_STATUS(lock.allow().status, status::Success);
        const auto unlocked = lockBits(t);
        ASSERT_TRUE(unlocked) << "page 2Ah went away";
        EXPECT_FALSE(unlocked->locked) << "IOCTL_CDROM_MEDIA_REMOVAL allow succeeded, but page 2Ah byte 6 bit 1 Lock State says locked";
    },
    __FILE__, __LINE__);

}  // namespace
}  // namespace cdcts::suites::crosslayer
