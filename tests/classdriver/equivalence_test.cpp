// The replaced-IOCTL pairs of ioctl-contracts.md §9.1 on the model: each pair is sent in both forms, on two devices
// built and prepared alike, over the input matrix and device states of §9.2 E2, and everything the caller and the
// drive can see is compared (E2-E5, E7, E8). The cross-form sequences of E6 and the access rows of E1 follow.
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>

#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

struct Pair {
    const char* name;
    ioctl::ControlCode cdrom;
    ioctl::ControlCode storage;
};

// §9.1, typed from the table (CLOSE_DOOR has no value: §3.2, checked in the catalog test). IOCTL_DISK_CHECK_VERIFY
// is the third form of the first pair.
const Pair kPairs[] = {
    {"CHECK_VERIFY", ioctl::ControlCode{0x00024800}, ioctl::ControlCode{0x002D4800}},
    {"DISK_CHECK_VERIFY", ioctl::ControlCode{0x00074800}, ioctl::ControlCode{0x002D4800}},
    {"MEDIA_REMOVAL", ioctl::ControlCode{0x00024804}, ioctl::ControlCode{0x002D4804}},
    {"EJECT_MEDIA", ioctl::ControlCode{0x00024808}, ioctl::ControlCode{0x002D4808}},
    {"LOAD_MEDIA", ioctl::ControlCode{0x0002480C}, ioctl::ControlCode{0x002D480C}},
    {"RESERVE", ioctl::ControlCode{0x00024810}, ioctl::ControlCode{0x002D4810}},
    {"RELEASE", ioctl::ControlCode{0x00024814}, ioctl::ControlCode{0x002D4814}},
    {"FIND_NEW_DEVICES", ioctl::ControlCode{0x00024818}, ioctl::ControlCode{0x002D4818}},
};

// E2's input matrix: input length 0, 1 (exact for MEDIA_REMOVAL, with both values), larger; output length 0,
// 1-3, 4, larger.
const Bytes kInputs[] = {{}, {0x00}, {0x01}, {0x01, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x11}};
const std::size_t kOutputLengths[] = {0, 1, 3, 4, 9};

ControlResult sendTo(DeviceHandle& h, ioctl::ControlCode code, const Bytes& in, std::size_t outLength = 0)
{
    Bytes out(outLength, 0xCD);
    return h.control(code, in, out);
}
ControlResult lockExclusive(DeviceHandle& h)
{
    Bytes in(72, 0);
    storeLe32(in.data(), 1);  // ExclusiveAccessLockDevice
    std::memcpy(in.data() + 8, "owner", 5);
    return sendTo(h, codes::CdromExclusiveAccess, in);
}

class EquivalenceModel : public testing_support::ModelFixture {
protected:
    std::unique_ptr<DeviceHandle> other;  // another process's handle
    void TearDown() override { other.reset(); }
    ControlResult send(DeviceHandle& h, ioctl::ControlCode code, const Bytes& in, std::size_t outLength = 0)
    {
        return sendTo(h, code, in, outLength);
    }
};

// E2's device states, each set up through the drive or through other requests before the trace is cleared.
struct DeviceState {
    const char* name;
    const char* medium;
    bool volumeMounted;
    void (*prepare)(emulator::VirtualDrive& drive, DeviceHandle& self, DeviceHandle& other);
};

const DeviceState kStates[] = {
    {"no media", "", false, nullptr},
    {"media present", "data", false, nullptr},
    {"tray open", "", false,
     [](emulator::VirtualDrive& drive, DeviceHandle& self, DeviceHandle&) {
         ASSERT_EQ(sendTo(self, codes::StorageEjectMedia, {}).status, st::Success);
         ASSERT_EQ(drive.tray(), emulator::TrayState::Open);
     }},
    {"becoming ready 2/04/01", "data", false,
     [](emulator::VirtualDrive& drive, DeviceHandle&, DeviceHandle&) {
         drive.faults().addCommandFault({.kind = emulator::CommandFaultKind::CheckCondition, .count = 2,
                                         .sense = mmc::sense::NotReadyBecomingReady});
     }},
    {"pending 6/28, no volume", "data", false,
     [](emulator::VirtualDrive& drive, DeviceHandle&, DeviceHandle&) {
         drive.queueUnitAttention(mmc::sense::MediumMayHaveChanged);
     }},
    {"pending 6/28, volume mounted", "data", true,
     [](emulator::VirtualDrive& drive, DeviceHandle&, DeviceHandle&) {
         drive.queueUnitAttention(mmc::sense::MediumMayHaveChanged);
     }},
    {"exclusive lock held by self", "data", false,
     [](emulator::VirtualDrive&, DeviceHandle& self, DeviceHandle&) {
         ASSERT_EQ(lockExclusive(self).status, st::Success);
     }},
    {"exclusive lock held by another handle", "data", false,
     [](emulator::VirtualDrive&, DeviceHandle&, DeviceHandle& other) {
         ASSERT_EQ(lockExclusive(other).status, st::Success);
     }},
    {"secure lock held", "data", false,
     [](emulator::VirtualDrive&, DeviceHandle& self, DeviceHandle&) {
         ASSERT_EQ(sendTo(self, codes::StorageEjectionControl, {1}).status, st::Success);
     }},
    {"simple lock count > 0", "data", false,
     [](emulator::VirtualDrive&, DeviceHandle&, DeviceHandle& other) {
         ASSERT_EQ(sendTo(other, codes::StorageMediaRemoval, {1}).status, st::Success);
     }},
};

// What DeviceIoControl reports for a completion (§0.2, §0.3): success returns TRUE with Information; a warning
// returns FALSE with Information in lpBytesReturned; an error returns FALSE with 0 bytes.
struct Win32View {
    bool returned = false;
    std::uint32_t bytesReturned = 0;
    std::uint32_t lastError = 0;
    friend bool operator==(const Win32View&, const Win32View&) = default;
};
Win32View deviceIoControlView(const ControlResult& r)
{
    const auto row = ioctl::findNtStatus(r.status);
    const std::uint32_t error = row ? row->win32Error : 0xFFFFFFFFu;
    if (r.status.isSuccess()) return {true, r.information, 0};
    if (r.status.isWarning()) return {false, r.information, error};
    return {false, 0, error};
}

// Everything a caller and the drive can see of one request, and the state it leaves.
struct Observation {
    ControlResult result;
    Win32View view;
    Bytes output;                        // the whole caller buffer, pre-filled with 0xCD (E4: beyond Info untouched)
    std::vector<std::string> traffic;    // E5: CDB bytes, direction, transfer length, status, time since the request
    std::string state;                   // E6: the shared state the request leaves
};

std::string describeState(const DriverState& s, emulator::VirtualDrive& drive)
{
    std::ostringstream o;
    o << "changes " << s.mediaChangeCount << " media " << int(s.mediaState) << " verify " << s.verifyVolume << " locks "
      << s.lockCount << '/' << s.protectedLockCount << " noReserve6 " << s.noReserve6 << " rescans " << s.busRescans
      << " exclusive " << (s.exclusiveOwner != nullptr) << " tray " << int(drive.tray()) << " prevented "
      << drive.removalPrevented() << " disc " << (drive.medium() != nullptr);
    return o.str();
}

class PairEquivalence : public EquivalenceModel {
protected:
    Observation observe(const DeviceState& ds, ioctl::ControlCode code, const Bytes& in, std::size_t outLength,
                        const char* profile = "dvd_rom")
    {
        other.reset();
        ClassDriverSettings settings;
        settings.volumeMounted = ds.volumeMounted;
        build(ds.medium, settings, HandleAccess::ReadWrite, profile);
        other = device->open(HandleAccess::ReadWrite);
        if (ds.prepare != nullptr) ds.prepare(device->drive(), *handle, *other);
        device->drive().trace().clear();

        Observation o;
        const Nanoseconds start = device->clock().now();
        o.output.assign(outLength, 0xCD);
        o.result = handle->control(code, in, o.output);
        o.view = deviceIoControlView(o.result);
        for (const auto& e : traffic()) {
            std::ostringstream t;
            t << formatHex(e.cdb()) << " dir " << int(e.direction) << " len " << e.bufferLength << " got " << e.transferred
              << " status " << int(e.status) << " sense " << formatHex(std::vector<std::uint8_t>{std::uint8_t(e.sense.key), e.sense.asc, e.sense.ascq})
              << " at +" << (e.at - start).count() << "ns";
            o.traffic.push_back(t.str());
        }
        o.state = describeState(device->driver().state(), device->drive());
        return o;
    }
};

// E2-E5, E7, E8: for every pair, device state and point of the input matrix, both forms give the same status,
// Information, DeviceIoControl view, output bytes (including the untouched bytes past Information), drive traffic
// (CDBs, lengths, retries and their delays) and state. Two drives: an MMC DVD-ROM without RESERVE/RELEASE and a
// legacy CD-ROM with them.
TEST_F(PairEquivalence, S9_2_E2_E5_BothFormsAlikeOverTheInputMatrixAndDeviceStates)
{
    int compared = 0;
    for (const char* profile : {"dvd_rom", "legacy_cdrom"}) {
        for (const Pair& pair : kPairs) {
            for (const DeviceState& ds : kStates) {
                for (const Bytes& in : kInputs) {
                    for (std::size_t outLength : kOutputLengths) {
                        SCOPED_TRACE(std::string(profile) + ", " + pair.name + ", " + ds.name + ", in " + std::to_string(in.size()) + " (" +
                                     (in.empty() ? "" : std::to_string(in[0])) + "), out " + std::to_string(outLength));
                        const Observation a = observe(ds, pair.cdrom, in, outLength, profile);
                        const Observation b = observe(ds, pair.storage, in, outLength, profile);
                        EXPECT_EQ(a.result.status, b.result.status) << ioctl::ntStatusName(a.result.status) << " vs "
                                                                     << ioctl::ntStatusName(b.result.status);
                        EXPECT_EQ(a.result.information, b.result.information);
                        EXPECT_EQ(a.view, b.view);
                        EXPECT_EQ(a.output, b.output);
                        EXPECT_EQ(a.traffic, b.traffic);
                        EXPECT_EQ(a.state, b.state);
                        ++compared;
                        if (::testing::Test::HasFailure()) return;  // one mismatch says enough
                    }
                }
            }
        }
    }
    EXPECT_EQ(compared, 2 * 8 * 10 * 4 * 5);
}

// The matrix above must not compare two forms that both did nothing: each state shows its defining outcome for
// the CHECK_VERIFY pair, so a state whose set-up silently failed is caught.
TEST_F(PairEquivalence, S9_2_E2_TheDeviceStatesAreReallyDifferent)
{
    struct Expect {
        const char* state;
        ioctl::NtStatus status;
        std::uint32_t information;
        bool traffic;
    };
    const Expect kExpect[] = {
        {"no media", st::NoMediaInDevice, 0, true},
        {"media present", st::Success, 4, true},
        {"tray open", st::NoMediaInDevice, 0, true},
        {"becoming ready 2/04/01", st::Success, 4, true},
        {"pending 6/28, no volume", st::Success, 4, true},
        {"pending 6/28, volume mounted", st::VerifyRequired, 0, true},
        {"exclusive lock held by self", st::Success, 4, true},
        {"exclusive lock held by another handle", st::AccessDenied, 0, false},  // E7: no traffic
        {"secure lock held", st::Success, 4, true},
        {"simple lock count > 0", st::Success, 4, true},
    };
    for (const Expect& e : kExpect) {
        SCOPED_TRACE(e.state);
        const DeviceState* ds = nullptr;
        for (const DeviceState& s : kStates)
            if (std::string_view(s.name) == e.state) ds = &s;
        ASSERT_NE(ds, nullptr);
        for (ioctl::ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify}) {
            const Observation o = observe(*ds, code, {}, 4);
            EXPECT_EQ(o.result.status, e.status) << ioctl::ntStatusName(o.result.status);
            EXPECT_EQ(o.result.information, e.information);
            EXPECT_EQ(!o.traffic.empty(), e.traffic);
        }
    }
    // 2/04/01 is retried (§8): more than one TEST UNIT READY, with a delay between them.
    const Observation becoming = observe(kStates[3], codes::CdromCheckVerify, {}, 4);
    EXPECT_GT(becoming.traffic.size(), 1u);
}

// E4 for CHECK_VERIFY on one device: A, B, A in a quiesced state give the same MediaChangeCount.
TEST_F(EquivalenceModel, S9_2_E4_CheckVerifyCountIsTheSameInAnABASequence)
{
    build("data");
    std::vector<std::uint32_t> counts;
    for (ioctl::ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::CdromCheckVerify,
                                    codes::DiskCheckVerify}) {
        Bytes out(4);
        ASSERT_EQ(control(code, out).status, st::Success);
        counts.push_back(loadLe32(out.data()));
    }
    EXPECT_EQ(counts, std::vector<std::uint32_t>(4, device->driver().state().mediaChangeCount));
    // A media change between the calls moves the count for whichever form comes next.
    device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
    Bytes out(4);
    ASSERT_EQ(control(codes::StorageCheckVerify, out).status, st::Success);
    EXPECT_GT(loadLe32(out.data()), counts.back());
}

// E6: the two forms act on the same state.
TEST_F(EquivalenceModel, S9_2_E6_ReserveByOneFormIsReleasedByTheOther)
{
    build("data", {}, HandleAccess::Read, "legacy_cdrom");  // a drive with RESERVE(6)/RELEASE(6)
    ASSERT_EQ(send(*handle, codes::CdromReserve, {}).status, st::Success);
    ASSERT_EQ(send(*handle, codes::StorageRelease, {}).status, st::Success);
    ASSERT_EQ(send(*handle, codes::StorageReserve, {}).status, st::Success);
    ASSERT_EQ(send(*handle, codes::CdromRelease, {}).status, st::Success);
    std::vector<std::string> cdbs;
    for (const auto& e : traffic()) cdbs.push_back(formatHex(e.cdb()));
    // RESERVE(6) 16h and RELEASE(6) 17h (§6), alternating: each release ends the other form's reservation.
    EXPECT_EQ(cdbs, (std::vector<std::string>{"16 00 00 00 00 00", "17 00 00 00 00 00", "16 00 00 00 00 00",
                                              "17 00 00 00 00 00"}));
}

TEST_F(EquivalenceModel, S9_2_E6_PreventByOneFormIsCountedWithTheOther)
{
    build("data");
    ASSERT_EQ(send(*handle, codes::StorageMediaRemoval, {1}).status, st::Success);
    ASSERT_EQ(send(*handle, codes::CdromMediaRemoval, {1}).status, st::Success);
    EXPECT_EQ(device->driver().state().lockCount, 2);
    ASSERT_EQ(send(*handle, codes::CdromMediaRemoval, {0}).status, st::Success);
    EXPECT_TRUE(device->drive().removalPrevented()) << "one simple lock is still held";
    ASSERT_EQ(send(*handle, codes::StorageMediaRemoval, {0}).status, st::Success);
    EXPECT_EQ(device->driver().state().lockCount, 0);
    EXPECT_FALSE(device->drive().removalPrevented());
    // A simple lock taken by one form blocks the eject of the other (the drive refuses, §3.3).
    ASSERT_EQ(send(*handle, codes::CdromMediaRemoval, {1}).status, st::Success);
    const ControlResult a = send(*handle, codes::StorageEjectMedia, {});
    const ControlResult b = send(*handle, codes::CdromEjectMedia, {});
    EXPECT_TRUE(a.status.isError()) << ioctl::ntStatusName(a.status);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(device->drive().tray(), emulator::TrayState::Closed);
}

TEST_F(EquivalenceModel, S9_2_E6_BothFindNewDevicesFormsRescanAndAnswerAccessDenied)
{
    build("data");
    EXPECT_EQ(send(*handle, codes::CdromFindNewDevices, {}).status, st::AccessDenied);
    EXPECT_EQ(device->driver().state().busRescans, 1u);
    EXPECT_EQ(send(*handle, codes::StorageFindNewDevices, {}).status, st::AccessDenied);
    EXPECT_EQ(device->driver().state().busRescans, 2u);
    EXPECT_TRUE(traffic().empty());
}

// E1: without FILE_READ_DATA both forms fail in the I/O manager; with it both reach the driver. The related codes
// that are not equivalent (§9.1) differ exactly there: CHECK_VERIFY2 and LOAD_MEDIA2 need no access.
TEST_F(EquivalenceModel, S9_1_S9_2_E1_SameAccessCheckForBothFormsNotForTheAnyAccessRelatives)
{
    build("data");
    auto none = device->open(HandleAccess::None);
    for (const Pair& pair : kPairs) {
        SCOPED_TRACE(pair.name);
        const ControlResult a = send(*none, pair.cdrom, {0}, 4);
        const ControlResult b = send(*none, pair.storage, {0}, 4);
        EXPECT_EQ(a.status, st::AccessDenied);
        EXPECT_EQ(b.status, st::AccessDenied);
        EXPECT_EQ(a.information, 0u);
        EXPECT_EQ(b.information, 0u);
        EXPECT_EQ(deviceIoControlView(a).lastError, 5u) << "ERROR_ACCESS_DENIED";
    }
    EXPECT_TRUE(traffic().empty());
    EXPECT_EQ(device->driver().state().busRescans, 0u) << "FIND_NEW_DEVICES never reached the driver";
    // The non-equivalent ANY-access relatives do reach the driver on the same handle.
    EXPECT_EQ(send(*none, codes::StorageCheckVerify2, {}, 4).status, st::Success);
    EXPECT_EQ(send(*none, codes::StorageLoadMedia2, {}).status, st::Success);
    // With READ access every form reaches the driver (FIND_NEW_DEVICES' own answer is ACCESS_DENIED, from the
    // driver: its bus rescan shows it got there).
    for (const Pair& pair : kPairs) {
        for (const ioctl::ControlCode code : {pair.cdrom, pair.storage}) {
            if (code.function() == 0x206) continue;
            EXPECT_NE(send(*handle, code, {0}, 4).status, st::AccessDenied) << pair.name;
        }
    }
    EXPECT_EQ(send(*handle, codes::CdromFindNewDevices, {}).status, st::AccessDenied);
    EXPECT_EQ(send(*handle, codes::StorageFindNewDevices, {}).status, st::AccessDenied);
    EXPECT_EQ(device->driver().state().busRescans, 2u) << "both forms reached the driver on the read handle";
}

// §9.1's related codes that are not equivalent: the secure EJECTION_CONTROL lock belongs to its handle and goes
// with it, the simple MEDIA_REMOVAL lock is the device's and stays; the DISK geometry codes need no access.
TEST_F(EquivalenceModel, S9_1_RelatedCodesThatAreNotEquivalent)
{
    build("data");
    {
        auto secure = device->open(HandleAccess::Read);
        ASSERT_EQ(send(*secure, codes::StorageEjectionControl, {1}).status, st::Success);
        EXPECT_TRUE(device->drive().removalPrevented());
    }
    EXPECT_FALSE(device->drive().removalPrevented()) << "closing the handle released the secure lock";
    {
        auto simple = device->open(HandleAccess::Read);
        ASSERT_EQ(send(*simple, codes::CdromMediaRemoval, {1}).status, st::Success);
    }
    EXPECT_TRUE(device->drive().removalPrevented()) << "the simple lock outlives its handle";
    EXPECT_EQ(device->driver().state().lockCount, 1);

    auto none = device->open(HandleAccess::None);
    Bytes viaDisk(24, 0xCD);
    Bytes viaCdrom(24, 0xCD);
    EXPECT_EQ(none->control(codes::DiskGetDriveGeometry, {}, viaDisk).status, st::Success) << "ANY access";
    EXPECT_EQ(none->control(codes::CdromGetDriveGeometry, {}, viaCdrom).status, st::AccessDenied) << "READ access";
    EXPECT_EQ(handle->control(codes::CdromGetDriveGeometry, {}, viaCdrom).status, st::Success);
    EXPECT_EQ(viaDisk, viaCdrom) << "the same handler answers both";
}

// E8: with a mounted volume and a pending unit attention both forms return VERIFY_REQUIRED (ERROR_MEDIA_CHANGED)
// with nothing copied back; without a volume both retry and succeed.
TEST_F(EquivalenceModel, S9_2_E8_BothFormsReportVerifyRequiredWithAMountedVolume)
{
    for (const bool mounted : {true, false}) {
        for (ioctl::ControlCode code : {codes::CdromCheckVerify, codes::StorageCheckVerify, codes::DiskCheckVerify}) {
            ClassDriverSettings settings;
            settings.volumeMounted = mounted;
            build("data", settings);
            device->drive().queueUnitAttention(mmc::sense::MediumMayHaveChanged);
            Bytes out(4, 0xCD);
            const ControlResult r = control(code, out);
            if (mounted) {
                EXPECT_EQ(r.status, st::VerifyRequired);
                EXPECT_EQ(r.information, 0u);
                EXPECT_EQ(deviceIoControlView(r).lastError, 1110u) << "ERROR_MEDIA_CHANGED";
                EXPECT_EQ(out, Bytes(4, 0xCD));
            } else {
                EXPECT_EQ(r.status, st::Success);
                EXPECT_EQ(r.information, 4u);
            }
        }
    }
}

// The Device seam's command trace (device.hpp), which the equivalence suite reads for §9.2 E5: the emulated
// device reports what its drive received since the last clear, CDB by CDB.
TEST_F(EquivalenceModel, S9_2_E5_TheDeviceSeamShowsTheDriveTraffic)
{
    build("data");
    Device& seam = *device;
    seam.clearCommandTrace();
    ASSERT_TRUE(seam.commandTrace());
    EXPECT_TRUE(seam.commandTrace()->empty());
    Bytes out(4, 0xCD);
    ASSERT_EQ(control(ioctl::codes::StorageCheckVerify, out).status, st::Success);
    const auto traffic = seam.commandTrace();
    ASSERT_TRUE(traffic);
    ASSERT_EQ(traffic->size(), 1u);
    EXPECT_EQ((*traffic)[0].cdb, (Bytes{0x00, 0, 0, 0, 0, 0})) << "TEST UNIT READY (§3.1)";
    EXPECT_EQ((*traffic)[0].direction, mmc::DataDirection::None);
    EXPECT_EQ((*traffic)[0].bufferLength, 0u);
}

}  // namespace
}  // namespace cdcts::classdriver
