// Obsolete codes (issue #5 item 3, ioctl-contracts.md §5): each device declares in devices.yaml what it expects of
// each obsolete code (expect.obsolete_codes: supported, or rejected with a given status); a code it leaves out
// takes the class driver's behaviour from the contracts (harness/ioctl/obsolete_codes.cpp). ObsoleteCode asserts
// the declaration per device × code:
//   supported  the code's positive case answers as its contract says (skipped where the drive's state cannot give
//              one: no disc, no audio track, tray moves not allowed);
//   rejected   the same well-formed request gets exactly the declared status, Information 0, the buffer untouched.
// ObsoleteForwardedCode adds what the contracts pin for the three codes the sample forwards (§3.23), whatever the
// port driver answers: the header values, no drive command, the access bits and the exclusive-lock gate.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/ioctl/code_token.hpp"
#include "harness/ioctl/obsolete_codes.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "suites/audio_support.hpp"
#include "suites/exclusive_lock_guard.hpp"
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
using namespace media;

// --- Parameters: device × §5 code ----------------------------------------------------------------------------------

struct ObsoleteParam {
    std::string id;
    const ioctl::ObsoleteCodeInfo* code = nullptr;
};
void PrintTo(const ObsoleteParam& p, std::ostream* os) { *os << p.id << ' ' << p.code->name; }

std::vector<ObsoleteParam> obsoleteParams(bool onlyForwarded)
{
    std::vector<ObsoleteParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const ioctl::ObsoleteCodeInfo& c : ioctl::obsoleteCodes()) {
            if (onlyForwarded && c.byDefault != ioctl::ObsoleteCodeInfo::Default::RejectedByThePortDriver) continue;
            out.push_back({d.id, &c});
        }
    return out;
}
std::string obsoleteName(const testing::TestParamInfo<ObsoleteParam>& info)
{
    return info.param.id + "_" + ioctl::codeToken(info.param.code->name);
}

std::string describeStatuses(const std::vector<ioctl::NtStatus>& statuses)
{
    std::string s;
    for (const ioctl::NtStatus st : statuses) s += (s.empty() ? "" : " or ") + ioctl::ntStatusName(st);
    return s;
}

// --- ObsoleteCode: the declaration, or the default ------------------------------------------------------------------

class ObsoleteCode : public fixtures::DeviceTestOf<ObsoleteParam> {
protected:
    const ioctl::ObsoleteCodeInfo& info() const { return *GetParam().code; }
    ioctl::ControlCode code() const { return info().value; }

    // devices.yaml's declaration for this code, else the contracts' default; "where" says which, for messages.
    ioctl::ObsoleteExpectation expectation(std::string* where) const
    {
        for (const auto& d : spec().expect.obsoleteCodes) {
            if (d.code != info().name) continue;
            *where = "devices.yaml declares " + std::string(info().name) + (d.supported() ? ": supported" : ": " + d.rejectedWith);
            if (d.supported()) return {true, {}};
            const auto status = ioctl::findNtStatus(d.rejectedWith);
            return {false, {status ? status->status : ioctl::NtStatus{}}};
        }
        *where = "the contracts' default for " + std::string(info().name) + " (" + std::string(info().section) + ")";
        return info().defaultExpectation();
    }
    bool discDeclared() const
    {
        const auto* registered = fixtures::DeviceRegistry::instance().find(GetParam().id);
        return registered && !fixtures::unmetBecause(Requirement::MediumPresent, *registered);
    }
    std::optional<std::string> destructiveRefused() const
    {
        const auto* registered = fixtures::DeviceRegistry::instance().find(GetParam().id);
        return registered ? fixtures::unmetBecause(Requirement::AllowDestructive, *registered) : std::nullopt;
    }

    // A rejection: exactly the expected status, Information 0, nothing copied back (§0.2).
    void expectRejected(const ControlResult& r, std::span<const std::uint8_t> out, const ioctl::ObsoleteExpectation& e,
                        const std::string& where)
    {
        const bool expected = std::find(e.rejectedWith.begin(), e.rejectedWith.end(), r.status) != e.rejectedWith.end();
        EXPECT_TRUE(expected) << "status " << ioctl::ntStatusName(r.status) << "; expected "
                              << describeStatuses(e.rejectedWith) << " (" << where << ")";
        EXPECT_EQ(r.information, 0u) << where;
        EXPECT_TRUE(allUntouched(out)) << "nothing is copied back on a rejection (§0.2)";
    }
};

TEST_P(ObsoleteCode, AnswersAsDeclared)
{
    std::string where;
    const ioctl::ObsoleteExpectation e = expectation(&where);
    SCOPED_TRACE(where);
    namespace c = codes;
    const ioctl::ControlCode v = code();
    // Every request below is the code's well-formed one; a guard undoes whatever it changes, also when a code
    // declared rejected turns out to act.
    if (v == c::CdromReadToc || v == c::CdromCheckVerify || v == c::CdromReadQChannel) {
        std::vector<std::uint8_t> in;
        std::size_t outLength = alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE);
        if (v == c::CdromCheckVerify) outLength = sizeof(std::uint32_t);
        if (v == c::CdromReadQChannel) {
            in = {ioctl::IOCTL_CDROM_CURRENT_POSITION, 0};
            outLength = sizeof(ioctl::SUB_Q_CURRENT_POSITION);
        }
        if (v == c::CdromCheckVerify) (void)checkVerifyAfterChange(handle());  // a pending medium change is not the subject
        std::vector<std::uint8_t> out(outLength, kUntouched);
        const ControlResult r = control(v, in, out);
        if (!e.supported) return expectRejected(r, out, e, where);
        if (!discDeclared()) {
            // Without a disc the handler's answer is the no-medium status, not the port driver's rejection.
            EXPECT_THAT_STATUS(r.status, status::NoMediaInDevice);
            return;
        }
        ASSERT_THAT_STATUS(r.status, status::Success);
        if (v == c::CdromReadToc) {
            // §3.15: 4 + 8 per track and the lead-out, the header's length counting what follows it.
            ASSERT_GE(r.information, 4u + 2 * sizeof(ioctl::TRACK_DATA));
            EXPECT_EQ((r.information - 4) % sizeof(ioctl::TRACK_DATA), 0u);
            EXPECT_EQ(loadBe16(out.data()) + 2u, r.information);
            EXPECT_LE(out[2], out[3]) << "first track <= last track";
        } else if (v == c::CdromCheckVerify) {
            EXPECT_EQ(r.information, sizeof(std::uint32_t)) << "the media change count (§3.1)";
        } else {
            EXPECT_EQ(r.information, sizeof(ioctl::SUB_Q_CURRENT_POSITION));
            const std::uint8_t audio = out[offsetof(ioctl::SUB_Q_HEADER, AudioStatus)];
            EXPECT_TRUE(audio == 0x00 || (audio >= 0x11 && audio <= 0x15)) << "AudioStatus " << int(audio);
        }
        return;
    }
    if (v == c::CdromGetVolume || v == c::CdromSetVolume) {
        std::vector<std::uint8_t> volume(sizeof(ioctl::VOLUME_CONTROL), kUntouched);
        const ControlResult got = control(c::CdromGetVolume, {}, volume);
        if (v == c::CdromGetVolume) {
            if (!e.supported) return expectRejected(got, volume, e, where);
            ASSERT_THAT_STATUS(got.status, status::Success);
            EXPECT_EQ(got.information, sizeof(ioctl::VOLUME_CONTROL));
            return;
        }
        if (!got.status.isSuccess()) GTEST_SKIP() << "NotSupported: GET_VOLUME fails (" << got.status << "), so there is no volume to set back";
        const ControlResult set = control(c::CdromSetVolume, volume, {});  // the same levels: nothing changes
        if (!e.supported) return expectRejected(set, {}, e, where);
        ASSERT_THAT_STATUS(set.status, status::Success);
        EXPECT_EQ(set.information, 0u);
        std::vector<std::uint8_t> again(sizeof(ioctl::VOLUME_CONTROL), kUntouched);
        ASSERT_THAT_STATUS(control(c::CdromGetVolume, {}, again).status, status::Success);
        EXPECT_EQ(again, volume) << "SET_VOLUME with the current levels keeps them";
        return;
    }
    if (v == c::CdromPlayAudioMsf || v == c::CdromPauseAudio || v == c::CdromResumeAudio) {
        PlayGuard stop(handle());
        const std::optional<Track> track = discDeclared() ? firstAudioTrack(handle(), device()) : std::nullopt;
        if (!e.supported) {
            // With nothing playing (or playing, for PAUSE/RESUME) the request must still be refused as declared.
            if (track && v != c::CdromPlayAudioMsf) (void)stop.play(tenSecondsOf(*track));
            const std::vector<std::uint8_t> in = track ? tenSecondsOf(*track) : playInput(0, 75);
            const ControlResult r = v == c::CdromPlayAudioMsf ? stop.play(in) : control(v, {}, {});
            return expectRejected(r, {}, e, where);
        }
        if (!track) GTEST_SKIP() << "NotSupported: no audio track on the disc to play";
        const ControlResult played = stop.play(tenSecondsOf(*track));
        ASSERT_THAT_STATUS(played.status, status::Success) << "PLAY_AUDIO_MSF";
        EXPECT_EQ(played.information, 0u);
        if (v == c::CdromPlayAudioMsf) {
            EXPECT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_IN_PROGRESS));
            return;
        }
        const ControlResult paused = control(c::CdromPauseAudio, {}, {});
        ASSERT_THAT_STATUS(paused.status, status::Success) << "PAUSE_AUDIO";
        EXPECT_EQ(paused.information, 0u);
        EXPECT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_PAUSED));
        if (v == c::CdromResumeAudio) {
            const ControlResult resumed = control(c::CdromResumeAudio, {}, {});
            ASSERT_THAT_STATUS(resumed.status, status::Success) << "RESUME_AUDIO";
            EXPECT_EQ(resumed.information, 0u);
            EXPECT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_IN_PROGRESS));
        }
        return;
    }
    if (v == c::CdromSeekAudioMsf || v == c::CdromStopAudio) {
        PlayGuard stop(handle());  // a drive may start playing from a seek target
        // SEEK to 00:02:00 (LBA 0, §3.20), a sector every disc has; STOP with nothing playing (START STOP UNIT).
        const std::vector<std::uint8_t> seek{0, 2, 0};
        const ControlResult r = control(v, v == c::CdromSeekAudioMsf ? std::span<const std::uint8_t>(seek) : std::span<const std::uint8_t>(), {});
        if (!e.supported) return expectRejected(r, {}, e, where);
        if (!discDeclared()) GTEST_SKIP() << "NotSupported: no disc in the drive to seek on or spin down";
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        return;
    }
    if (v == c::CdromMediaRemoval) {
        MediaLockGuard locks(handle());
        const ControlResult prevented = locks.prevent(c::CdromMediaRemoval);
        if (!e.supported) return expectRejected(prevented, {}, e, where);
        ASSERT_THAT_STATUS(prevented.status, status::Success) << "PREVENT";
        EXPECT_EQ(prevented.information, 0u);
        const ControlResult allowed = locks.allow(c::CdromMediaRemoval);
        EXPECT_THAT_STATUS(allowed.status, status::Success) << "ALLOW";
        return;
    }
    if (v == c::CdromEjectMedia) {
        if (const auto why = destructiveRefused()) GTEST_SKIP() << "NotSupported: " << *why;
        if (const auto why = cannotEjectAndReload(handle())) GTEST_SKIP() << "NotSupported: " << *why;
        TrayGuard tray(handle());
        const ControlResult r = tray.eject(c::CdromEjectMedia);
        if (!e.supported) return expectRejected(r, {}, e, where);
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        EXPECT_THAT_STATUS(tray.load(c::StorageLoadMedia).status, status::Success) << "the tray comes back in";
        (void)checkVerifyAfterChange(handle());
        return;
    }
    if (v == c::CdromLoadMedia) {
        // The tray is in: LOAD closes a closed tray, which changes nothing (START STOP UNIT LoEj = 1, Start = 1).
        TrayGuard tray(handle());
        const ControlResult r = tray.load(c::CdromLoadMedia);
        if (!e.supported) return expectRejected(r, {}, e, where);
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        return;
    }
    if (v == c::CdromReserve || v == c::CdromRelease) {
        ReservationGuard reservation(handle());
        device().clearCommandTrace();
        const ControlResult r = v == c::CdromReserve ? reservation.reserve(c::CdromReserve) : control(c::CdromRelease, {}, {});
        if (!e.supported) return expectRejected(r, {}, e, where);
        if (r.status == status::InvalidDeviceRequest) {
            // The driver handled it but the drive refused RESERVE/RELEASE (6) and (10), which SPC-3 leaves optional;
            // where the drive traffic is seen, it must show those commands (a forwarded code sends none).
            if (const auto traffic = device().commandTrace()) {
                const std::uint8_t six = v == c::CdromReserve ? 0x16 : 0x17, ten = v == c::CdromReserve ? 0x56 : 0x57;
                EXPECT_TRUE(std::any_of(traffic->begin(), traffic->end(), [&](const DriveCommand& cmd) {
                    return !cmd.cdb.empty() && (cmd.cdb[0] == six || cmd.cdb[0] == ten);
                })) << "the class driver sent no " << (v == c::CdromReserve ? "RESERVE" : "RELEASE") << "(6) or (10)";
            }
            GTEST_SKIP() << "NotSupported: the drive refuses RESERVE/RELEASE(6) and (10)";
        }
        EXPECT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        if (v == c::CdromReserve) {
            EXPECT_THAT_STATUS(reservation.release(c::CdromRelease).status, status::Success);
        }
        return;
    }
    // FIND_NEW_DEVICES, GET_CONTROL, DISK_TYPE, UNLOAD_DRIVER: no input; GET_CONTROL and DISK_TYPE return 4 bytes
    // where a driver implements them (CDROM_AUDIO_CONTROL, CDROM_DISK_DATA; §3.23 LEG).
    const bool fourBytes = v == c::CdromGetControl || v == c::CdromDiskType;
    std::vector<std::uint8_t> out(fourBytes ? 4 : 0, kUntouched);
    const ControlResult r = control(v, {}, out);
    if (!e.supported) return expectRejected(r, out, e, where);
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, out.size());
}

// --- ObsoleteForwardedCode: what §3.23 pins for GET_CONTROL, DISK_TYPE and UNLOAD_DRIVER ---------------------------

class ObsoleteForwardedCode : public fixtures::DeviceTestOf<ObsoleteParam> {
protected:
    ioctl::ControlCode code() const { return GetParam().code->value; }
};

TEST_P(ObsoleteForwardedCode, ValuesAreTheHeaderValues)
{
    // Typed from §2.1 / §3.23, not read from codes.hpp, so a wrong constant there shows.
    const std::string_view name = GetParam().code->name;
    const std::uint32_t typed = name == "IOCTL_CDROM_GET_CONTROL" ? 0x00024034u : name == "IOCTL_CDROM_DISK_TYPE" ? 0x00020040u : 0x00025008u;
    EXPECT_EQ(code().value, typed) << "codes.hpp disagrees with §2.1";
    EXPECT_EQ(code().deviceType(), 0x0002u) << "FILE_DEVICE_CD_ROM";
    EXPECT_EQ(code().method(), ioctl::Method::Buffered);
    EXPECT_EQ(code().access(), name == "IOCTL_CDROM_DISK_TYPE" ? ioctl::RequiredAccess::Any : ioctl::RequiredAccess::Read);
}

TEST_P(ObsoleteForwardedCode, SendsNoDriveCommandAndChangesNothing)
{
    const Verify before = checkVerifyAfterChange(handle());
    std::vector<std::uint8_t> out(64, kUntouched);
    device().clearCommandTrace();
    const ControlResult r = control(code(), std::vector<std::uint8_t>(16, 0xA5), out);
    if (const auto traffic = device().commandTrace()) {
        EXPECT_TRUE(traffic->empty()) << "the class driver sends no SCSI command for a forwarded code (§3.23)";
    }
    if (r.status.isError()) {
        EXPECT_TRUE(allUntouched(out)) << "nothing is copied back on an error (§0.2)";
    } else {
        EXPECT_LE(r.information, out.size());
    }
    const Verify after = checkVerify(handle());
    EXPECT_THAT_STATUS(after.result.status, before.result.status) << "the device answers as before";
    EXPECT_EQ(after.count, before.count) << "the media-change count did not move";
}

TEST_P(ObsoleteForwardedCode, AnswersTheSameWithAnInput)
{
    std::vector<std::uint8_t> none(16, kUntouched), with(16, kUntouched);
    const ControlResult a = control(code(), {}, none);
    const ControlResult b = control(code(), std::vector<std::uint8_t>(16, 0x5A), with);
    EXPECT_THAT_STATUS(b.status, a.status) << "the class driver looks at neither buffer";
    EXPECT_EQ(b.information, a.information);
}

TEST_P(ObsoleteForwardedCode, AccessCheckFollowsTheCodesAccessBits)
{
    const auto none = device().open(HandleAccess::None);
    std::vector<std::uint8_t> out(64, kUntouched);
    const ControlResult r = none->control(code(), {}, out);
    if (code().access() == ioctl::RequiredAccess::Read) {
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "READ access bits: refused before the driver sees it (§1 step 1)";
        EXPECT_TRUE(allUntouched(out));
    } else {
        // FILE_ANY_ACCESS: the I/O manager lets it through; the answer is the one a read handle gets.
        std::vector<std::uint8_t> readOut(64, kUntouched);
        const ControlResult withRead = control(code(), {}, readOut);
        EXPECT_THAT_STATUS(r.status, withRead.status);
        EXPECT_EQ(out, readOut);
    }
}

class ObsoleteForwardedCodeWhileLocked : public ObsoleteForwardedCode {};

TEST_P(ObsoleteForwardedCodeWhileLocked, IsDeniedToANonOwnerAndForwardedForTheOwner)
{
    std::unique_ptr<ExclusiveLockGuard> exclusive;
    try {
        exclusive = std::make_unique<ExclusiveLockGuard>(device());
    } catch (const DeviceError& e) {
        GTEST_SKIP() << "NotSupported: no read/write handle for the exclusive lock: " << e.what();
    }
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult unlocked = exclusive->owner().control(code(), {}, out);
    ASSERT_THAT_STATUS(exclusive->lock().status, status::Success);
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(control(code(), {}, out).status, status::AccessDenied) << "a CD_ROM-type code from a non-owner (§1 step 2)";
    EXPECT_TRUE(allUntouched(out));
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(exclusive->owner().control(code(), {}, out).status, unlocked.status) << "the owner's request is forwarded as before";
}

INSTANTIATE_TEST_SUITE_P(, ObsoleteCode, testing::ValuesIn(obsoleteParams(false)), obsoleteName);
INSTANTIATE_TEST_SUITE_P(, ObsoleteForwardedCode, testing::ValuesIn(obsoleteParams(true)), obsoleteName);
INSTANTIATE_TEST_SUITE_P(, ObsoleteForwardedCodeWhileLocked, testing::ValuesIn(obsoleteParams(true)), obsoleteName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ObsoleteCode);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ObsoleteForwardedCode);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ObsoleteForwardedCodeWhileLocked);

}  // namespace
}  // namespace cdcts::suites
