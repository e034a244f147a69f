// The medium and the tray (ioctl-contracts.md §3.2, §3.3, §3.7, §3.11, §3.22): EJECT_MEDIA / LOAD_MEDIA /
// LOAD_MEDIA2 and their STORAGE twins, CLOSE_DOOR (no value; LOAD_MEDIA replaces it), MEDIA_REMOVAL,
// RESERVE / RELEASE and FIND_NEW_DEVICES. Every test that moves the tray or locks the medium undoes it in a
// guard's destructor; eject and load run only where devices.yaml declares expect.allow_destructive.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
using namespace media;

// Junk buffers for the codes whose buffers the driver ignores: the input is not read, the output not written.
const std::vector<std::uint8_t> kJunkInput(16, 0xA5);

// --- EJECT_MEDIA / LOAD_MEDIA with a disc in the drive (§3.3) ------------------------------------------------

class EjectMedia : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AllowDestructive, Requirement::MediumPresent}; }
    void SetUp() override
    {
        fixtures::DeviceTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        if (const auto why = cannotEjectAndReload(handle())) GTEST_SKIP() << "NotSupported: " << *why;
        const Verify v = checkVerifyAfterChange(handle());
        ASSERT_THAT_STATUS(v.result.status, status::Success) << "the declared disc must be ready before the tray moves";
    }

    // Ejects with `eject`, checks the medium is gone, loads with `load`, checks it is back with a new count.
    void ejectThenLoad(ioctl::ControlCode eject, ioctl::ControlCode load)
    {
        const Verify before = checkVerify(handle());
        ASSERT_TRUE(before.count);
        TrayGuard tray(handle());
        std::vector<std::uint8_t> out(16, kUntouched);
        const ControlResult e = tray.eject(eject, {}, out);
        ASSERT_THAT_STATUS(e.status, status::Success);
        EXPECT_EQ(e.information, 0u);
        EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::NoMediaInDevice) << "the tray is out";

        const ControlResult l = tray.load(load, {}, out);
        ASSERT_THAT_STATUS(l.status, status::Success);
        EXPECT_EQ(l.information, 0u);
        EXPECT_TRUE(allUntouched(out)) << "no output on either code";
        const Verify after = checkVerifyAfterChange(handle());
        ASSERT_THAT_STATUS(after.result.status, status::Success) << "the disc came back in with the tray";
        ASSERT_TRUE(after.count);
        // An opaque counter compared by deltas (§3.1): unsigned arithmetic keeps a wrap-around a rise.
        EXPECT_GT(*after.count - *before.count, 0u) << "a medium change raises the media-change count (§3.1): before "
                                                    << *before.count << ", after " << *after.count;
    }
};

TEST_P(EjectMedia, CdromEjectThenCdromLoadMediaChangeTheMediumAndTheCount)
{
    ejectThenLoad(codes::CdromEjectMedia, codes::CdromLoadMedia);
}

TEST_P(EjectMedia, IgnoresItsInputAndOutputBuffers)
{
    // No V-stage checks: any sizes are accepted, the input is not read and nothing is written.
    TrayGuard tray(handle());
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult e = tray.eject(codes::CdromEjectMedia, kJunkInput, out);
    ASSERT_THAT_STATUS(e.status, status::Success);
    EXPECT_EQ(e.information, 0u);
    const ControlResult l = tray.load(codes::CdromLoadMedia, kJunkInput, out);
    ASSERT_THAT_STATUS(l.status, status::Success);
    EXPECT_EQ(l.information, 0u);
    EXPECT_TRUE(allUntouched(out));
    EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
}

TEST_P(EjectMedia, NeedsReadAccess)
{
    // The I/O manager refuses it first (§1 step 1): nothing moves.
    TrayGuard tray(handle());
    const auto none = device().open(HandleAccess::None);
    const ControlResult r = none->control(codes::CdromEjectMedia, {}, {});
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
    if (!r.status.isSuccess()) {
        EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::Success) << "the medium must still be in";
    } else {
        tray.expectOut();
    }
}

class StorageEjectMedia : public EjectMedia {};

TEST_P(StorageEjectMedia, StorageEjectThenStorageLoadMediaChangeTheMediumAndTheCount)
{
    ejectThenLoad(codes::StorageEjectMedia, codes::StorageLoadMedia);
}

class LoadMedia : public EjectMedia {};

TEST_P(LoadMedia, CdromLoadMediaBringsBackWhatStorageEjectMediaTookOut)
{
    ejectThenLoad(codes::StorageEjectMedia, codes::CdromLoadMedia);
}

TEST_P(LoadMedia, OnAClosedTrayKeepsTheMediumAndTheCount)
{
    const Verify before = checkVerify(handle());
    const ControlResult r = control(codes::CdromLoadMedia, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    const Verify after = checkVerify(handle());
    ASSERT_THAT_STATUS(after.result.status, status::Success);
    EXPECT_EQ(before.count, after.count) << "loading a tray that is in changes no medium";
}

class StorageLoadMedia2 : public EjectMedia {};

TEST_P(StorageLoadMedia2, BringsTheMediumBackAfterAnEject)
{
    ejectThenLoad(codes::StorageEjectMedia, codes::StorageLoadMedia2);
}

TEST_P(StorageLoadMedia2, NeedsNoHandleAccess)
{
    // FILE_ANY_ACCESS, unlike LOAD_MEDIA: a handle with no rights may close the tray.
    TrayGuard tray(handle());
    ASSERT_THAT_STATUS(tray.eject(codes::StorageEjectMedia).status, status::Success);
    const auto none = device().open(HandleAccess::None);
    EXPECT_THAT_STATUS(none->control(codes::CdromLoadMedia, {}, {}).status, status::AccessDenied) << "LOAD_MEDIA needs READ access";
    const ControlResult r = none->control(codes::StorageLoadMedia2, {}, {});
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
}

// --- CLOSE_DOOR (§3.2): documented, replaced by LOAD_MEDIA, and without a value in any header -----------------

class CloseDoor : public fixtures::DeviceTest {};

TEST_P(CloseDoor, HasNoCodeValueAndIsReplacedByStorageLoadMedia)
{
    // A suite cannot send it: the test is that its documented replacement is the code the suites use for it.
    const ioctl::CodeInfo* closeDoor = ioctl::findCode("IOCTL_CDROM_CLOSE_DOOR");
    ASSERT_NE(closeDoor, nullptr);
    EXPECT_FALSE(closeDoor->value.has_value()) << "no header defines IOCTL_CDROM_CLOSE_DOOR";
    EXPECT_EQ(closeDoor->replacement, "IOCTL_STORAGE_LOAD_MEDIA");
    const ioctl::CodeInfo* replacement = ioctl::findCode(closeDoor->replacement);
    ASSERT_NE(replacement, nullptr);
    ASSERT_TRUE(replacement->value.has_value());
    EXPECT_EQ(*replacement->value, codes::StorageLoadMedia);
}

class CloseDoorTray : public EjectMedia {};

TEST_P(CloseDoorTray, ItsReplacementLoadMediaClosesTheDoor)
{
    ejectThenLoad(codes::CdromEjectMedia, codes::StorageLoadMedia);
}

// --- EJECT_MEDIA / LOAD_MEDIA on an empty drive -----------------------------------------------------------------

class EjectMediaNoMedium : public fixtures::DeviceTest {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AllowDestructive, Requirement::MediumAbsent}; }
};

TEST_P(EjectMediaNoMedium, EjectAndLoadMediaSucceedAndTheDriveStaysEmpty)
{
    if (const auto why = cannotEjectAndReload(handle())) GTEST_SKIP() << "NotSupported: " << *why;
    TrayGuard tray(handle());
    const ControlResult e = tray.eject(codes::CdromEjectMedia);
    ASSERT_THAT_STATUS(e.status, status::Success);
    EXPECT_EQ(e.information, 0u);
    EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::NoMediaInDevice);
    const ControlResult l = tray.load(codes::CdromLoadMedia);
    ASSERT_THAT_STATUS(l.status, status::Success);
    EXPECT_EQ(l.information, 0u);
    EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::NoMediaInDevice) << "an empty tray brings no disc";
}

// --- MEDIA_REMOVAL (§3.11): the simple, device-wide media lock ------------------------------------------------

class MediaRemoval : public fixtures::DeviceTest {};

TEST_P(MediaRemoval, PreventThenAllowSucceedWithNoOutput)
{
    MediaLockGuard lock(handle());
    std::vector<std::uint8_t> out(4, kUntouched);
    const ControlResult p = control(codes::CdromMediaRemoval, preventInput(1), out);
    if (p.status.isSuccess()) lock.adopt();
    ASSERT_THAT_STATUS(p.status, status::Success);
    EXPECT_EQ(p.information, 0u);
    const ControlResult a = lock.allow();
    ASSERT_THAT_STATUS(a.status, status::Success);
    EXPECT_EQ(a.information, 0u);
    EXPECT_TRUE(allUntouched(out)) << "MEDIA_REMOVAL has no output";
}

TEST_P(MediaRemoval, AllowWithNothingLockedSucceeds)
{
    const ControlResult r = control(codes::CdromMediaRemoval, preventInput(0), {});
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
}

TEST_P(MediaRemoval, ReadsOnlyTheFirstInputByte)
{
    // An input longer than PREVENT_MEDIA_REMOVAL is accepted; the byte after it does not matter.
    MediaLockGuard lock(handle());
    std::vector<std::uint8_t> prevent(4, kUntouched), allow(4, kUntouched);
    prevent[0] = 1;
    allow[0] = 0;
    const ControlResult p = control(codes::CdromMediaRemoval, prevent, {});
    if (p.status.isSuccess()) lock.adopt();
    ASSERT_THAT_STATUS(p.status, status::Success);
    const ControlResult a = control(codes::CdromMediaRemoval, allow, {});
    if (a.status.isSuccess()) lock.forget();
    EXPECT_THAT_STATUS(a.status, status::Success);
}

TEST_P(MediaRemoval, NeedsReadAccess)
{
    MediaLockGuard lock(handle());
    const auto none = device().open(HandleAccess::None);
    const ControlResult r = none->control(codes::CdromMediaRemoval, preventInput(1), {});
    if (r.status.isSuccess()) lock.adopt();
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
}

class StorageMediaRemoval : public MediaRemoval {};

TEST_P(StorageMediaRemoval, LocksTheSameCounterAsCdromMediaRemoval)
{
    // Prevent through one code, allow through the other: "only the base differs".
    MediaLockGuard lock(handle());
    ASSERT_THAT_STATUS(lock.prevent(codes::StorageMediaRemoval).status, status::Success);
    const ControlResult a = lock.allow(codes::CdromMediaRemoval);
    EXPECT_THAT_STATUS(a.status, status::Success);
    EXPECT_EQ(a.information, 0u);
}

// V-stage rule: an input shorter than PREVENT_MEDIA_REMOVAL (1 byte) → STATUS_INFO_LENGTH_MISMATCH.
struct CodeParam {
    std::string id;
    ioctl::ControlCode code;
    std::string codeName;
};
void PrintTo(const CodeParam& p, std::ostream* os) { *os << p.id << ' ' << p.codeName; }

class MediaRemovalShortInput : public fixtures::DeviceTestOf<CodeParam> {};

TEST_P(MediaRemovalShortInput, FailsWithInfoLengthMismatchAndWritesNothing)
{
    MediaLockGuard lock(handle());
    std::vector<std::uint8_t> out(4, kUntouched);
    const ControlResult r = control(GetParam().code, {}, out);
    if (r.status.isSuccess()) lock.adopt();
    EXPECT_THAT_STATUS(r.status, status::InfoLengthMismatch);
    EXPECT_TRUE(allUntouched(out));
}

// The lock as the drive shows it: only where the tray may move.
class MediaRemovalLock : public EjectMedia {
protected:
    void SetUp() override
    {
        EjectMedia::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        const auto feature = removableMedium(handle());
        if (feature && !feature->lock) GTEST_SKIP() << "NotSupported: the drive's Removable Medium feature says it cannot lock the medium (Lock = 0)";
    }
    // With the lock held the drive refuses the eject (05/53/02 → STATUS_INVALID_DEVICE_REQUEST) and the disc stays.
    void expectEjectRefused(TrayGuard& tray)
    {
        const ControlResult e = tray.eject(codes::CdromEjectMedia);
        EXPECT_THAT_STATUS(e.status, status::InvalidDeviceRequest) << "MEDIUM REMOVAL PREVENTED, by the generic mapping (§3.3)";
        EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success) << "the disc must still be in";
    }
    void expectEjectAndLoad(TrayGuard& tray)
    {
        ASSERT_THAT_STATUS(tray.eject(codes::CdromEjectMedia).status, status::Success) << "no lock is left";
        EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::NoMediaInDevice);
        ASSERT_THAT_STATUS(tray.load(codes::CdromLoadMedia).status, status::Success);
        EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
    }
};

TEST_P(MediaRemovalLock, PreventMakesEjectMediaFailUntilAllow)
{
    TrayGuard tray(handle());
    MediaLockGuard lock(handle());
    ASSERT_THAT_STATUS(lock.prevent().status, status::Success);
    expectEjectRefused(tray);
    ASSERT_THAT_STATUS(lock.allow().status, status::Success);
    expectEjectAndLoad(tray);
}

TEST_P(MediaRemovalLock, CountsPreventsSoEveryOneNeedsAnAllow)
{
    TrayGuard tray(handle());
    MediaLockGuard lock(handle());
    ASSERT_THAT_STATUS(lock.prevent().status, status::Success);
    ASSERT_THAT_STATUS(lock.prevent(codes::StorageMediaRemoval).status, status::Success);
    ASSERT_THAT_STATUS(lock.allow().status, status::Success);
    expectEjectRefused(tray);
    ASSERT_THAT_STATUS(lock.allow().status, status::Success);
    expectEjectAndLoad(tray);
}

TEST_P(MediaRemovalLock, LockOutlivesTheHandleThatTookIt)
{
    // A simple lock is device-wide, not the handle's: closing the handle gives nothing back.
    TrayGuard tray(handle());
    MediaLockGuard lock(handle());
    {
        const auto other = device().open(HandleAccess::Read);
        const ControlResult p = other->control(codes::CdromMediaRemoval, preventInput(1), {});
        if (p.status.isSuccess()) lock.adopt();
        ASSERT_THAT_STATUS(p.status, status::Success);
    }
    expectEjectRefused(tray);
    ASSERT_THAT_STATUS(lock.allow().status, status::Success) << "any handle may allow";
    expectEjectAndLoad(tray);
}

TEST_P(MediaRemovalLock, ShortInputTakesNoLock)
{
    TrayGuard tray(handle());
    MediaLockGuard lock(handle());
    const ControlResult r = control(codes::CdromMediaRemoval, {}, {});
    if (r.status.isSuccess()) lock.adopt();
    EXPECT_THAT_STATUS(r.status, status::InfoLengthMismatch);
    expectEjectAndLoad(tray);
}

// --- RESERVE / RELEASE (§3.22) ---------------------------------------------------------------------------------

class Reserve : public fixtures::DeviceTest {
protected:
    // RESERVE is optional for an MMC drive: one that refuses both forms (05/20/00) cannot be reserved.
    bool reserveUnsupported(const ControlResult& r)
    {
        return r.status == status::InvalidDeviceRequest;
    }
    void reserveThenRelease(ioctl::ControlCode reserve, ioctl::ControlCode release)
    {
        ReservationGuard guard(handle());
        std::vector<std::uint8_t> out(16, kUntouched);
        const ControlResult r = guard.reserve(reserve, kJunkInput, out);
        if (reserveUnsupported(r)) GTEST_SKIP() << "NotSupported: the drive refuses RESERVE(6) and RESERVE(10)";
        ASSERT_THAT_STATUS(r.status, status::Success);
        EXPECT_EQ(r.information, 0u);
        const ControlResult l = guard.release(release, kJunkInput, out);
        ASSERT_THAT_STATUS(l.status, status::Success);
        EXPECT_EQ(l.information, 0u);
        EXPECT_TRUE(allUntouched(out)) << "no output, whatever the caller passes";
    }
};

TEST_P(Reserve, CdromReserveThenCdromReleaseSucceedAndIgnoreTheirBuffers)
{
    reserveThenRelease(codes::CdromReserve, codes::CdromRelease);
}

TEST_P(Reserve, ReservationDoesNotShutOutItsOwnHandles)
{
    // The reservation belongs to this initiator: another handle of the same host still reaches the drive.
    const auto other = device().open(HandleAccess::Read);
    const ioctl::NtStatus before = checkVerify(*other).result.status;
    ReservationGuard guard(handle());
    const ControlResult r = guard.reserve(codes::CdromReserve);
    if (reserveUnsupported(r)) GTEST_SKIP() << "NotSupported: the drive refuses RESERVE(6) and RESERVE(10)";
    ASSERT_THAT_STATUS(r.status, status::Success);
    EXPECT_THAT_STATUS(checkVerify(*other).result.status, before);
    EXPECT_THAT_STATUS(guard.release(codes::CdromRelease).status, status::Success);
}

TEST_P(Reserve, NeedsReadAccess)
{
    ReservationGuard guard(handle());
    const auto none = device().open(HandleAccess::None);
    const ControlResult r = none->control(codes::CdromReserve, {}, {});
    if (r.status.isSuccess()) (void)guard.reserve(codes::CdromReserve);  // make the guard release it
    EXPECT_THAT_STATUS(r.status, status::AccessDenied);
}

class StorageReserve : public Reserve {};

TEST_P(StorageReserve, StorageReserveThenStorageReleaseSucceed)
{
    reserveThenRelease(codes::StorageReserve, codes::StorageRelease);
}

class Release : public Reserve {};

TEST_P(Release, CdromReleaseWithoutAReservationSucceeds)
{
    // Releasing a unit nobody reserved is not an error (SPC RELEASE).
    std::vector<std::uint8_t> out(4, kUntouched);
    const ControlResult r = control(codes::CdromRelease, {}, out);
    if (reserveUnsupported(r)) GTEST_SKIP() << "NotSupported: the drive refuses RELEASE(6) and RELEASE(10)";
    EXPECT_THAT_STATUS(r.status, status::Success);
    EXPECT_EQ(r.information, 0u);
    EXPECT_TRUE(allUntouched(out));
}

class StorageRelease : public Release {};

TEST_P(StorageRelease, ReleasesWhatCdromReserveReserved)
{
    reserveThenRelease(codes::CdromReserve, codes::StorageRelease);
}

// --- FIND_NEW_DEVICES (§3.7) ------------------------------------------------------------------------------------

class FindNewDevices : public fixtures::DeviceTest {};

// The sample asks for a bus rescan, then completes through its default branch with STATUS_ACCESS_DENIED; the
// shipped driver may answer STATUS_SUCCESS (Q4). Either way: no output, and the device keeps answering.
void expectDocumentedCompletion(const ControlResult& r, std::span<const std::uint8_t> out)
{
    if (r.status != status::AccessDenied) {
        EXPECT_THAT_STATUS(r.status, status::Success) << "or STATUS_ACCESS_DENIED, the sample's answer (Q4)";
    }
    if (r.status.isSuccess()) {
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(allUntouched(out));
}

TEST_P(FindNewDevices, CdromFindNewDevicesCompletesAsDocumented)
{
    const ioctl::NtStatus before = checkVerify(handle()).result.status;
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult r = control(codes::CdromFindNewDevices, kJunkInput, out);
    expectDocumentedCompletion(r, out);
    EXPECT_THAT_STATUS(checkVerify(handle()).result.status, before) << "a rescan leaves the device as it was";
}

class StorageFindNewDevices : public FindNewDevices {};

TEST_P(StorageFindNewDevices, AnswersLikeCdromFindNewDevices)
{
    std::vector<std::uint8_t> out(16, kUntouched);
    const ControlResult cdrom = control(codes::CdromFindNewDevices, {}, out);
    const ControlResult storage = control(codes::StorageFindNewDevices, {}, out);
    expectDocumentedCompletion(storage, out);
    EXPECT_THAT_STATUS(storage.status, cdrom.status) << "only the base differs";
}

std::vector<CodeParam> mediaRemovalCodes()
{
    std::vector<CodeParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params()) {
        out.push_back({d.id, codes::CdromMediaRemoval, "CdromMediaRemoval"});
        out.push_back({d.id, codes::StorageMediaRemoval, "StorageMediaRemoval"});
    }
    return out;
}

std::string codeName(const testing::TestParamInfo<CodeParam>& info) { return info.param.id + "_" + info.param.codeName; }

using fixtures::devices;

#define CDCTS_MEDIA_SUITE(Suite)                                                    \
    INSTANTIATE_TEST_SUITE_P(, Suite, devices(), fixtures::DeviceParamName{});     \
    GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Suite)

CDCTS_MEDIA_SUITE(EjectMedia);
CDCTS_MEDIA_SUITE(StorageEjectMedia);
CDCTS_MEDIA_SUITE(LoadMedia);
CDCTS_MEDIA_SUITE(StorageLoadMedia2);
CDCTS_MEDIA_SUITE(CloseDoor);
CDCTS_MEDIA_SUITE(CloseDoorTray);
CDCTS_MEDIA_SUITE(EjectMediaNoMedium);
CDCTS_MEDIA_SUITE(MediaRemoval);
CDCTS_MEDIA_SUITE(StorageMediaRemoval);
CDCTS_MEDIA_SUITE(MediaRemovalLock);
CDCTS_MEDIA_SUITE(Reserve);
CDCTS_MEDIA_SUITE(StorageReserve);
CDCTS_MEDIA_SUITE(Release);
CDCTS_MEDIA_SUITE(StorageRelease);
CDCTS_MEDIA_SUITE(FindNewDevices);
CDCTS_MEDIA_SUITE(StorageFindNewDevices);
INSTANTIATE_TEST_SUITE_P(, MediaRemovalShortInput, testing::ValuesIn(mediaRemovalCodes()), codeName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(MediaRemovalShortInput);

}  // namespace
}  // namespace cdcts::suites
