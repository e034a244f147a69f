// The codes the class driver does not implement (ioctl-contracts.md §3.23, §5): UNLOAD_DRIVER and GET_CONTROL are
// forwarded unchanged to the port driver, which rejects them; the exclusive-lock gate still applies to them (their
// device type is CD_ROM). SIMBAD has PAUSE_AUDIO's value (function 0x1003 overflows into the access bits) and is
// therefore processed as PAUSE_AUDIO (§3.20).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fixtures/device_test.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/structures/audio.hpp"
#include "harness/ioctl/structures/exclusive.hpp"
#include "harness/ioctl/structures/subchannel.hpp"
#include "harness/ioctl/structures/toc.hpp"
#include "harness/mmc/msf.hpp"
#include "suites/media_support.hpp"
#include "suites/audio_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
using media::allUntouched;
using media::kUntouched;
namespace codes = ioctl::codes;
namespace status = ioctl::status;

// --- UNLOAD_DRIVER and GET_CONTROL: forwarded to the port driver ----------------------------------------------

struct ForwardedParam {
    std::string id;    // the device
    std::string code;  // the code's name, for the test name
    ioctl::ControlCode value;
};
void PrintTo(const ForwardedParam& p, std::ostream* os) { *os << p.id << " " << p.code; }

std::vector<ForwardedParam> forwardedCodes()
{
    std::vector<ForwardedParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        out.push_back({d.id, "UNLOAD_DRIVER", codes::CdromUnloadDriver});
        out.push_back({d.id, "GET_CONTROL", codes::CdromGetControl});
    }
    return out;
}

std::string forwardedName(const testing::TestParamInfo<ForwardedParam>& info) { return info.param.id + "_" + info.param.code; }

bool portDriverRejection(ioctl::NtStatus s) { return s == status::InvalidDeviceRequest || s == status::NotSupported; }

class ForwardedCode : public fixtures::DeviceTestOf<ForwardedParam> {};

TEST_P(ForwardedCode, IsForwardedToThePortDriverWhichRejectsIt)
{
    // No case in the class driver: the request goes to the port driver unchanged, which rejects an unknown CD-ROM
    // code with INVALID_DEVICE_REQUEST or NOT_SUPPORTED (which one depends on the transport, contracts Q6).
    // No output buffer, a small one and a large one: none changes the answer, and nothing is copied back.
    for (const std::size_t length : {std::size_t{0}, std::size_t{4}, std::size_t{256}}) {
        SCOPED_TRACE("output length " + std::to_string(length));
        std::vector<std::uint8_t> out(length, kUntouched);
        const ControlResult r = control(GetParam().value, {}, out);
        EXPECT_TRUE(portDriverRejection(r.status))
            << "status " << ioctl::ntStatusName(r.status) << "; expected STATUS_INVALID_DEVICE_REQUEST or STATUS_NOT_SUPPORTED";
        EXPECT_TRUE(allUntouched(out));
    }
}

TEST_P(ForwardedCode, AnswersTheSameWithAnInput)
{
    std::vector<std::uint8_t> none(16, kUntouched), with(16, kUntouched);
    const std::vector<std::uint8_t> input(16, 0x5A);
    const ControlResult a = control(GetParam().value, {}, none);
    const ControlResult b = control(GetParam().value, input, with);
    EXPECT_THAT_STATUS(b.status, a.status) << "the class driver looks at neither buffer";
    EXPECT_TRUE(allUntouched(with));
}

class ForwardedCodeAccess : public fixtures::DeviceTestOf<ForwardedParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(ForwardedCodeAccess, NeedsReadAccess)
{
    // FILE_READ_ACCESS in the code: the I/O manager refuses a handle without read rights (§1 step 1).
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult r = control(GetParam().value, {}, out);
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
    EXPECT_TRUE(allUntouched(out));
}

// While another handle holds the exclusive lock, the gate refuses these CD_ROM-type codes before forwarding.
class ForwardedCodeWhileLocked : public fixtures::DeviceTestOf<ForwardedParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::NoVolumeMounted}; }
};

std::vector<std::uint8_t> exclusiveInput(std::int32_t type, std::uint32_t flags, const char* name = nullptr)
{
    std::vector<std::uint8_t> in(name ? sizeof(ioctl::CDROM_EXCLUSIVE_LOCK) : sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS), 0);
    storeLe32(in.data(), static_cast<std::uint32_t>(type));
    storeLe32(in.data() + 4, flags);
    if (name) std::memcpy(in.data() + sizeof(ioctl::CDROM_EXCLUSIVE_ACCESS), name, std::strlen(name) + 1);
    return in;
}

TEST_P(ForwardedCodeWhileLocked, IsDeniedToANonOwnerAndForwardedForTheOwner)
{
    std::unique_ptr<DeviceHandle> owner;
    try {
        owner = device().open(HandleAccess::ReadWrite);
    } catch (const DeviceError& e) {
        GTEST_SKIP() << "NotSupported: cannot open a READ|WRITE handle: " << e.what();
    }
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult unlocked = owner->control(GetParam().value, {}, out);
    const ControlResult lock = owner->control(codes::CdromExclusiveAccess, exclusiveInput(ioctl::ExclusiveAccessLockDevice, 0, "cdcts forwarded"), {});
    ASSERT_THAT_STATUS(lock.status, status::Success);
    // Gives the lock back whatever happens below.
    struct Unlock {
        DeviceHandle& h;
        ~Unlock()
        {
            (void)h.control(codes::CdromExclusiveAccess,
                            exclusiveInput(ioctl::ExclusiveAccessUnlockDevice, ioctl::CDROM_NO_MEDIA_NOTIFICATIONS), {});
        }
    } unlock{*owner};
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(control(GetParam().value, {}, out).status, status::AccessDenied) << "a non-owner is refused at the gate";
    EXPECT_TRUE(allUntouched(out));
    std::fill(out.begin(), out.end(), kUntouched);
    EXPECT_THAT_STATUS(owner->control(GetParam().value, {}, out).status, unlocked.status) << "the owner's request is forwarded as before";
}

// --- SIMBAD: PAUSE_AUDIO's value ------------------------------------------------------------------------------

class Simbad : public fixtures::DeviceTest {};

TEST_P(Simbad, HasTheValueOfPauseAudio)
{
    // CTL_CODE(IOCTL_CDROM_BASE, 0x1003, METHOD_BUFFERED, FILE_READ_ACCESS): function 0x1003 spills into bit 14.
    EXPECT_EQ(codes::CdromSimbad.value, 0x0002400Cu);
    EXPECT_EQ(codes::CdromSimbad.value, codes::CdromPauseAudio.value);
}

TEST_P(Simbad, IsAnsweredLikePauseAudio)
{
    // With nothing playing, SIMBAD and PAUSE_AUDIO get the same answer, whatever the drive says to a pause then.
    const ControlResult pause = control(codes::CdromPauseAudio, {}, {});
    const ControlResult simbad = control(codes::CdromSimbad, {}, {});
    EXPECT_THAT_STATUS(simbad.status, pause.status);
    if (simbad.status.isSuccess()) {
        EXPECT_EQ(simbad.information, 0u) << "PAUSE_AUDIO has no output (§3.20)";
    }
}

// The AudioStatus of a READ_Q_CHANNEL current-position reply; nullopt when the request fails.
std::optional<std::uint8_t> audioStatus(DeviceHandle& handle)
{
    const std::array<std::uint8_t, sizeof(ioctl::CDROM_SUB_Q_DATA_FORMAT)> in{ioctl::IOCTL_CDROM_CURRENT_POSITION, 0};
    std::vector<std::uint8_t> out(sizeof(ioctl::SUB_Q_CURRENT_POSITION), kUntouched);
    const ControlResult r = handle.control(codes::CdromReadQChannel, in, out);
    if (!r.status.isSuccess() || r.information < sizeof(ioctl::SUB_Q_HEADER)) return std::nullopt;
    return out[offsetof(ioctl::SUB_Q_HEADER, AudioStatus)];
}

class SimbadWhileAudioPlays : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumPresent}; }
};

TEST_P(SimbadWhileAudioPlays, PausesThePlay)
{
    const std::optional<Track> track = firstAudioTrack(handle(), device());
    if (!track) GTEST_SKIP() << "NotSupported: the disc has no audio track to play";
    // Ten seconds (or the whole track if shorter): long enough to still play when SIMBAD comes.
    PlayGuard stopAudio(handle());
    const ControlResult played = stopAudio.play(tenSecondsOf(*track));
    if (played.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses PLAY AUDIO MSF";
    ASSERT_THAT_STATUS(played.status, status::Success);
    ASSERT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_IN_PROGRESS)) << "the audio plays";

    const ControlResult simbad = control(codes::CdromSimbad, {}, {});
    ASSERT_THAT_STATUS(simbad.status, status::Success);
    EXPECT_EQ(simbad.information, 0u);
    EXPECT_EQ(audioStatus(handle()), std::optional<std::uint8_t>(ioctl::AUDIO_STATUS_PAUSED)) << "SIMBAD paused the play";
    // A pause clears the driver's play-active flag (§7.4): the TOC is readable again, not STATUS_DEVICE_BUSY.
    std::vector<std::uint8_t> again(1024, 0);
    EXPECT_THAT_STATUS(control(codes::CdromReadToc, {}, again).status, status::Success);
}

const auto devices = [] { return testing::ValuesIn(fixtures::DeviceRegistry::instance().params()); };

INSTANTIATE_TEST_SUITE_P(, ForwardedCode, testing::ValuesIn(forwardedCodes()), forwardedName);
INSTANTIATE_TEST_SUITE_P(, ForwardedCodeAccess, testing::ValuesIn(forwardedCodes()), forwardedName);
INSTANTIATE_TEST_SUITE_P(, ForwardedCodeWhileLocked, testing::ValuesIn(forwardedCodes()), forwardedName);
INSTANTIATE_TEST_SUITE_P(, Simbad, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, SimbadWhileAudioPlays, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ForwardedCode);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ForwardedCodeAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ForwardedCodeWhileLocked);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Simbad);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SimbadWhileAudioPlays);

}  // namespace
}  // namespace cdcts::suites
