// IOCTL_CDROM_EXCLUSIVE_ACCESS and the exclusive-lock gate through the model, with two handles on one drive
// (ioctl-contracts.md §3.5, §1 steps 2 and 5, §7.1, §9.2 E7).
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

Bytes accessInput(std::uint32_t type, std::uint32_t flags = 0)
{
    Bytes in(8);
    storeLe32(in.data(), type);
    storeLe32(in.data() + 4, flags);
    return in;
}
Bytes lockInput(const std::string& name, std::uint32_t flags = 0)
{
    Bytes in = accessInput(1, flags);
    in.resize(72, 0);
    std::memcpy(in.data() + 8, name.data(), std::min<std::size_t>(name.size(), 64));
    return in;
}

class ExclusiveModel : public testing_support::ModelFixture {
protected:
    std::unique_ptr<DeviceHandle> other;  // a second handle, as another process would hold

    void buildTwo(ClassDriverSettings settings = {})
    {
        other.reset();
        build("data", settings, HandleAccess::ReadWrite);
        other = device->open(HandleAccess::ReadWrite);
    }
    void TearDown() override { other.reset(); }
    ControlResult send(DeviceHandle& h, ioctl::ControlCode code, const Bytes& in, std::size_t outLength, Bytes* outCopy = nullptr)
    {
        Bytes out(outLength, 0xCD);
        const ControlResult r = h.control(code, in, out);
        if (outCopy != nullptr) *outCopy = out;
        return r;
    }
    ControlResult lock(DeviceHandle& h, const std::string& name, std::uint32_t flags = 0)
    {
        return send(h, codes::CdromExclusiveAccess, lockInput(name, flags), 0);
    }
    ControlResult unlock(DeviceHandle& h, std::uint32_t flags = 0) { return send(h, codes::CdromExclusiveAccess, accessInput(2, flags), 0); }
    const DriverState& state() { return device->driver().state(); }
};

// ---- V-stage ----

TEST_F(ExclusiveModel, S3_5_V2_InputShorterThan8IsInfoLengthMismatch)
{
    buildTwo();
    for (std::size_t n : {0u, 1u, 7u}) {
        const ControlResult r = send(*handle, codes::CdromExclusiveAccess, Bytes(n, 0), 65);
        EXPECT_EQ(r.status, st::InfoLengthMismatch) << n;
        EXPECT_EQ(r.information, 0u);
    }
}

TEST_F(ExclusiveModel, S3_5_V3a_QueryNeeds65OutputBytes)
{
    buildTwo();
    const ControlResult r = send(*handle, codes::CdromExclusiveAccess, accessInput(0), 64);
    EXPECT_EQ(r.status, st::BufferTooSmall);
    EXPECT_EQ(r.information, 65u);
}

TEST_F(ExclusiveModel, S3_5_V3b_LockNeeds72InputBytes)
{
    buildTwo();
    Bytes in = lockInput("cdcts");
    in.resize(71);
    EXPECT_EQ(send(*handle, codes::CdromExclusiveAccess, in, 0).status, st::InfoLengthMismatch);
    EXPECT_EQ(state().exclusiveOwner, nullptr);
}

TEST_F(ExclusiveModel, S3_5_V3d_UnknownRequestTypeIsInvalidParameter)
{
    buildTwo();
    for (std::uint32_t type : {3u, 0xFFFFFFFFu}) {
        const ControlResult r = send(*handle, codes::CdromExclusiveAccess, accessInput(type), 65);
        EXPECT_EQ(r.status, st::InvalidParameter) << type;
        EXPECT_EQ(r.information, 0u);
    }
}

TEST_F(ExclusiveModel, S1_Step1_ReadOnlyHandleCannotSendExclusiveAccess)
{
    buildTwo();
    auto reader = device->open(HandleAccess::Read);
    EXPECT_EQ(send(*reader, codes::CdromExclusiveAccess, accessInput(0), 65).status, st::AccessDenied);
}

// ---- query / lock / unlock ----

TEST_F(ExclusiveModel, S3_5_QueryUnlockedIs65ZeroBytes)
{
    buildTwo();
    Bytes out;
    const ControlResult r = send(*handle, codes::CdromExclusiveAccess, accessInput(0, 0xFFFFFFFF), 80, &out);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 65u);
    EXPECT_EQ(Bytes(out.begin(), out.begin() + 65), Bytes(65, 0));
    EXPECT_EQ(out[65], 0xCD) << "nothing past Information";
}

TEST_F(ExclusiveModel, S3_5_LockThenAnyHandleQueriesStateAndName)
{
    buildTwo();
    const ControlResult r = lock(*handle, "Burner 1.0_x-y:z;,");
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u);
    Bytes out;
    ASSERT_EQ(send(*other, codes::CdromExclusiveAccess, accessInput(0), 65, &out).status, st::Success);
    EXPECT_EQ(out[0], 1);
    const std::string name = "Burner 1.0_x-y:z;,";
    EXPECT_EQ(std::string(out.begin() + 1, out.begin() + 1 + static_cast<std::ptrdiff_t>(name.size())), name);
    EXPECT_TRUE(std::all_of(out.begin() + 1 + static_cast<std::ptrdiff_t>(name.size()), out.begin() + 65, [](std::uint8_t b) { return b == 0; }));
}

TEST_F(ExclusiveModel, S3_5_StoredNameIsZeroPaddedEvenIfTheCallerSentBytesAfterTheNul)
{
    buildTwo();
    Bytes in = lockInput("ab");
    std::fill(in.begin() + 11, in.end(), 'Z');  // "ab", NUL, then junk
    ASSERT_EQ(send(*handle, codes::CdromExclusiveAccess, in, 0).status, st::Success);
    Bytes out;
    ASSERT_EQ(send(*handle, codes::CdromExclusiveAccess, accessInput(0), 65, &out).status, st::Success);
    EXPECT_EQ(out[1], 'a');
    EXPECT_EQ(out[2], 'b');
    EXPECT_TRUE(std::all_of(out.begin() + 3, out.begin() + 65, [](std::uint8_t b) { return b == 0; }));
}

TEST_F(ExclusiveModel, S3_5_Lock2_InvalidCharacterIsInvalidParameter)
{
    buildTwo();
    for (const char* name : {"bad/name", "tab\there", "caf\xC3\xA9", "x!"}) {
        EXPECT_EQ(lock(*handle, name).status, st::InvalidParameter) << name;
    }
    EXPECT_EQ(state().exclusiveOwner, nullptr);
}

TEST_F(ExclusiveModel, S3_5_Lock3_NameMustBe1To63Characters)
{
    buildTwo();
    EXPECT_EQ(lock(*handle, "").status, st::InvalidParameter) << "empty";
    EXPECT_EQ(lock(*handle, std::string(64, 'A')).status, st::InvalidParameter) << "no NUL in 64 bytes";
    EXPECT_EQ(state().exclusiveOwner, nullptr);
    EXPECT_EQ(lock(*handle, std::string(63, 'A')).status, st::Success) << "63 characters and the NUL fit";
}

TEST_F(ExclusiveModel, S3_5_Lock2Before3_InvalidCharacterInA64ByteNameIsStillInvalidParameter)
{
    buildTwo();
    std::string name(64, 'A');
    name[10] = '*';
    EXPECT_EQ(lock(*handle, name).status, st::InvalidParameter);
}

TEST_F(ExclusiveModel, S3_5_Lock4_Q2_MountedVolumeRefusesUnlessIgnoreVolume)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    buildTwo(settings);
    EXPECT_EQ(lock(*handle, "cdcts", 0x2).status, st::InvalidDeviceState);
    EXPECT_EQ(state().exclusiveOwner, nullptr);
    EXPECT_EQ(lock(*handle, "cdcts", 0x1).status, st::Success);
}

TEST_F(ExclusiveModel, S3_5_Lock4_NameCheckComesBeforeTheVolumeCheck)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    buildTwo(settings);
    EXPECT_EQ(lock(*handle, "").status, st::InvalidParameter);
}

TEST_F(ExclusiveModel, S3_5_Lock5_SecondLockIsAccessDeniedEvenForTheOwner)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "first").status, st::Success);
    EXPECT_EQ(lock(*handle, "again").status, st::AccessDenied) << "same-handle relock";
    EXPECT_EQ(lock(*other, "second").status, st::AccessDenied);
    Bytes out;
    ASSERT_EQ(send(*other, codes::CdromExclusiveAccess, accessInput(0), 65, &out).status, st::Success);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(out.data() + 1)), "first");
}

TEST_F(ExclusiveModel, S3_5_EveryLockOutcomeHasInformation0)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    buildTwo(settings);
    struct Row { const char* rule; std::string name; std::uint32_t flags; ioctl::NtStatus status; };
    const std::vector<Row> rows{
        {"row 2: invalid character", "a/b", 1, st::InvalidParameter},
        {"row 3: empty name", "", 1, st::InvalidParameter},
        {"row 4: mounted volume", "ok", 0, st::InvalidDeviceState},
        {"row 6: success", "ok", 1, st::Success},
        {"row 5: already locked", "ok", 1, st::AccessDenied},
    };
    for (const Row& row : rows) {
        Bytes out;
        const ControlResult r = send(*handle, codes::CdromExclusiveAccess, lockInput(row.name, row.flags), 72, &out);
        EXPECT_EQ(r.status, row.status) << row.rule;
        EXPECT_EQ(r.information, 0u) << row.rule;
    }
    const ControlResult r = unlock(*handle);
    EXPECT_EQ(r.status, st::Success);
    EXPECT_EQ(r.information, 0u) << "unlock: Info 0 too";
}

TEST_F(ExclusiveModel, S3_5_UnlockNotLockedIsInvalidDeviceRequest)
{
    buildTwo();
    const ControlResult r = unlock(*handle);
    EXPECT_EQ(r.status, st::InvalidDeviceRequest);
    EXPECT_EQ(r.information, 0u);
}

TEST_F(ExclusiveModel, S3_5_UnlockByAnotherHandleIsInvalidHandle)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    EXPECT_EQ(unlock(*other).status, st::InvalidHandle);
    EXPECT_NE(state().exclusiveOwner, nullptr);
    EXPECT_EQ(unlock(*handle).status, st::Success);
    EXPECT_EQ(state().exclusiveOwner, nullptr);
    EXPECT_EQ(lock(*other, "next").status, st::Success) << "the other handle can lock now";
}

TEST_F(ExclusiveModel, S3_5_UnlockCountsAMediaChangeAndSchedulesTheMmcRefresh)
{
    buildTwo();
    ASSERT_EQ(state().mediaState, MediaState::Present);
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const std::uint32_t before = state().mediaChangeCount;
    ASSERT_EQ(unlock(*handle).status, st::Success);
    EXPECT_EQ(state().mediaChangeCount, before + 1) << "the return to 'present' counts";
    EXPECT_EQ(state().mediaState, MediaState::Present);
    EXPECT_TRUE(state().mmcUpdateRequired);
    EXPECT_FALSE(state().verifyVolume) << "no volume mounted";
    EXPECT_TRUE(traffic().empty()) << "EXCLUSIVE_ACCESS sends nothing to the drive";
}

TEST_F(ExclusiveModel, S3_5_UnlockWithNoMediaNotificationsLeavesTheCount)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const std::uint32_t before = state().mediaChangeCount;
    ASSERT_EQ(unlock(*handle, 0x2).status, st::Success);
    EXPECT_EQ(state().mediaChangeCount, before);
}

TEST_F(ExclusiveModel, S3_5_UnlockWithAMountedVolumeSetsVerifyVolume)
{
    ClassDriverSettings settings;
    settings.volumeMounted = true;
    buildTwo(settings);
    ASSERT_EQ(lock(*handle, "owner", 0x1).status, st::Success);
    ASSERT_EQ(unlock(*handle, 0x2).status, st::Success);
    EXPECT_TRUE(state().verifyVolume);
}

TEST_F(ExclusiveModel, S3_5_ClosingTheOwnerUnlocksLikeUnlockWithFlags0)
{
    buildTwo();
    ASSERT_EQ(lock(*other, "owner").status, st::Success);
    const std::uint32_t before = state().mediaChangeCount;
    other.reset();
    EXPECT_EQ(state().exclusiveOwner, nullptr);
    EXPECT_EQ(state().mediaChangeCount, before + 1);
    Bytes out;
    ASSERT_EQ(send(*handle, codes::CdromExclusiveAccess, accessInput(0), 65, &out).status, st::Success);
    EXPECT_EQ(out[0], 0);
    EXPECT_EQ(send(*handle, codes::CdromCheckVerify, {}, 4).status, st::Success) << "the gate is open again";
}

TEST_F(ExclusiveModel, S3_5_ClosingANonOwnerLeavesTheLock)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    other.reset();
    EXPECT_NE(state().exclusiveOwner, nullptr);
}

// ---- §1 steps 2 and 5: the gate, two handles ----

TEST_F(ExclusiveModel, S1_Step2_NonOwnerGetsAccessDeniedWithoutTrafficOwnerPasses)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    for (auto code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::CdromReadToc, codes::CdromGetDriveGeometry,
                      codes::DiskGetDriveGeometry, codes::CdromEjectMedia, codes::StorageLoadMedia2, codes::CdromMediaRemoval,
                      codes::StorageEjectionControl, codes::StorageMcnControl, codes::CdromReserve, codes::StorageRelease,
                      codes::CdromReadTocEx, codes::CdromGetControl}) {
        const ControlResult r = send(*other, code, Bytes(8, 1), 804);
        EXPECT_EQ(r.status, st::AccessDenied) << std::hex << code.value;
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_TRUE(traffic().empty()) << "blocked requests never reach the drive";
    EXPECT_EQ(send(*handle, codes::CdromCheckVerify, {}, 4).status, st::Success) << "the owner is not gated";
    EXPECT_EQ(traffic().size(), 1u);
}

TEST_F(ExclusiveModel, S3_7_NonOwnerFindNewDevicesIsGatedBeforeTheRescan)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    EXPECT_EQ(send(*other, codes::StorageFindNewDevices, {}, 0).status, st::AccessDenied);
    EXPECT_EQ(state().busRescans, 0u);
}

TEST_F(ExclusiveModel, S1_Step2_AllowedListPassesTheGate)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    // EXCLUSIVE_ACCESS itself: query works, relock and unlock get their own answers, not the gate's.
    EXPECT_EQ(send(*other, codes::CdromExclusiveAccess, accessInput(0), 65).status, st::Success);
    EXPECT_EQ(unlock(*other).status, st::InvalidHandle);
    // The others are not modelled rows: passing the gate shows as the forwarded (port driver) answer, not
    // ACCESS_DENIED. GET_INQUIRY_DATA has a row of its own.
    for (auto code : {codes::ScsiGetAddress, codes::StorageGetHotplugInfo, codes::StorageGetDeviceNumber, codes::StorageGetMediaTypesEx}) {
        EXPECT_NE(send(*other, code, {}, 64).status, st::AccessDenied) << std::hex << code.value;
    }
    EXPECT_NE(send(*other, codes::CdromGetInquiryData, {}, 64).status, st::AccessDenied);
}

TEST_F(ExclusiveModel, S1_Step2_GetMediaTypesWithoutExIsBlocked)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const ioctl::ControlCode getMediaTypes{0x002D0C00};  // IOCTL_STORAGE_GET_MEDIA_TYPES
    EXPECT_EQ(send(*other, getMediaTypes, {}, 64).status, st::AccessDenied) << "only the _EX form is allowed";
}

TEST_F(ExclusiveModel, S1_Step2_QueryPropertyAllowsExistsAndStandardDeviceOrAdapterOnly)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const auto query = [](std::uint32_t property, std::uint32_t type) {
        Bytes in(12);
        storeLe32(in.data(), property);
        storeLe32(in.data() + 4, type);
        return in;
    };
    EXPECT_NE(send(*other, codes::StorageQueryProperty, query(0, 0), 64).status, st::AccessDenied) << "standard device";
    EXPECT_NE(send(*other, codes::StorageQueryProperty, query(1, 0), 64).status, st::AccessDenied) << "standard adapter";
    EXPECT_NE(send(*other, codes::StorageQueryProperty, query(7, 1), 64).status, st::AccessDenied) << "exists, any property";
    EXPECT_EQ(send(*other, codes::StorageQueryProperty, query(2, 0), 64).status, st::AccessDenied) << "standard, other property";
    EXPECT_EQ(send(*other, codes::StorageQueryProperty, query(0, 2), 64).status, st::AccessDenied) << "mask query";
    EXPECT_NE(send(*handle, codes::StorageQueryProperty, query(2, 0), 64).status, st::AccessDenied) << "the owner passes";
}

TEST_F(ExclusiveModel, S1_Step2_OtherDeviceTypesPass)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    const ioctl::ControlCode fileSystem{0x00090018};  // FSCTL_LOCK_VOLUME: device type 9
    EXPECT_NE(send(*other, fileSystem, {}, 0).status, st::AccessDenied);
}

TEST_F(ExclusiveModel, S9_2_E7_BothFormsAreGatedAlike)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    for (auto [cdrom, storage] : {std::pair{codes::CdromMediaRemoval, codes::StorageMediaRemoval},
                                  std::pair{codes::CdromEjectMedia, codes::StorageEjectMedia},
                                  std::pair{codes::CdromLoadMedia, codes::StorageLoadMedia},
                                  std::pair{codes::CdromReserve, codes::StorageReserve},
                                  std::pair{codes::CdromRelease, codes::StorageRelease},
                                  std::pair{codes::CdromFindNewDevices, codes::StorageFindNewDevices}}) {
        const ControlResult a = send(*other, cdrom, {1}, 0);
        const ControlResult b = send(*other, storage, {1}, 0);
        EXPECT_EQ(a.status, st::AccessDenied);
        EXPECT_EQ(b.status, a.status);
        EXPECT_EQ(b.information, a.information);
    }
    EXPECT_TRUE(traffic().empty());
}

TEST_F(ExclusiveModel, S3_5_Q5_NewOpensAreNotRefusedWhileLocked)
{
    buildTwo();
    ASSERT_EQ(lock(*handle, "owner").status, st::Success);
    auto third = device->open(HandleAccess::Read);
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(send(*third, codes::CdromCheckVerify, {}, 4).status, st::AccessDenied);
}

TEST_F(ExclusiveModel, S3_11_OwnerClosingWithSecureLockSendsAllowThenUnlocks)
{
    buildTwo();
    ASSERT_EQ(lock(*other, "owner").status, st::Success);
    ASSERT_EQ(send(*other, codes::StorageEjectionControl, {1}, 0).status, st::Success);
    device->drive().trace().clear();
    other.reset();
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(traffic()[0].opcode(), 0x1E);
    EXPECT_EQ(traffic()[0].cdb()[4], 0x00) << "ALLOW";
    EXPECT_EQ(state().protectedLockCount, 0);
    EXPECT_EQ(state().exclusiveOwner, nullptr);
}

}  // namespace
}  // namespace cdcts::classdriver
