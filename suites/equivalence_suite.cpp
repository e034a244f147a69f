// Replaced-IOCTL equivalence (ioctl-contracts.md §9): every IOCTL_CDROM_* code that IOCTL_STORAGE_* replaced
// must behave exactly like its replacement, because "only the base differs" and the driver rewrites the CD-ROM
// form before dispatch (§1 step 3). The pairs are typed here from the table of §9.1, not taken from the
// model's normalisation table, so a wrong rewrite in the model cannot hide itself.
//
// One suite, Equivalence, over (device × pair × input case) for the per-call rules and (device × pair) for the
// state rules of §9.2:
//   E1 SameAccessCheck             both forms refused on a handle without read access
//   E2–E4 SameStatusInformationAndPayload   same status, Information, payload, untouched tail, same observed state
//   E5 SameDriveTraffic            needs a command trace; no Device exposes one to the suites yet (skipped)
//   E6 SameSideEffectsAcrossForms  what one form does, the other form undoes or sees
//   E7 SameLockGating              both refused while another handle holds the exclusive lock
//   E8 SameVerifyBehaviourAfterAMediumChange   the first CHECK_VERIFY after a medium change answers alike
// Every case puts back what it changed (locks, reservations, the tray, the exclusive lock) in a guard.
// §5's obsolete codes the sample forwards (GET_CONTROL, DISK_TYPE, UNLOAD_DRIVER): obsolete_codes_suite.cpp.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/ioctl/structures/exclusive.hpp"
#include "suites/exclusive_lock_guard.hpp"
#include "suites/media_support.hpp"
#include "suites/status_matchers.hpp"

namespace cdcts::suites {
namespace {

using fixtures::Requirement;
using namespace media;

// --- §9.1, typed from the document -------------------------------------------------------------------------------

enum class PairKind { CheckVerify, MediaRemoval, EjectMedia, LoadMedia, CloseDoor, Reserve, Release, FindNewDevices };

struct Pair {
    PairKind kind;
    const char* name;
    std::optional<std::uint32_t> cdrom;  // IOCTL_CDROM_* value; CLOSE_DOOR has none (§3.2)
    std::uint32_t storage;               // IOCTL_STORAGE_* value
    std::optional<std::uint32_t> sharedLow16;
    const char* contract;
};

const Pair kPairs[] = {
    {PairKind::CheckVerify, "CheckVerify", 0x00024800, 0x002D4800, 0x4800, "§3.1"},
    {PairKind::MediaRemoval, "MediaRemoval", 0x00024804, 0x002D4804, 0x4804, "§3.11"},
    {PairKind::EjectMedia, "EjectMedia", 0x00024808, 0x002D4808, 0x4808, "§3.3"},
    {PairKind::LoadMedia, "LoadMedia", 0x0002480C, 0x002D480C, 0x480C, "§3.3"},
    {PairKind::CloseDoor, "CloseDoor", std::nullopt, 0x002D480C, std::nullopt, "§3.2 / §3.3"},
    {PairKind::Reserve, "Reserve", 0x00024810, 0x002D4810, 0x4810, "§3.22"},
    {PairKind::Release, "Release", 0x00024814, 0x002D4814, 0x4814, "§3.22"},
    {PairKind::FindNewDevices, "FindNewDevices", 0x00024818, 0x002D4818, 0x4818, "§3.7"},
};

// The harness's own constants for the same codes: the values typed above must agree with them.
struct HarnessCodes {
    ioctl::ControlCode cdrom;
    ioctl::ControlCode storage;
};
HarnessCodes harnessCodes(PairKind kind)
{
    switch (kind) {
    case PairKind::CheckVerify: return {codes::CdromCheckVerify, codes::StorageCheckVerify};
    case PairKind::MediaRemoval: return {codes::CdromMediaRemoval, codes::StorageMediaRemoval};
    case PairKind::EjectMedia: return {codes::CdromEjectMedia, codes::StorageEjectMedia};
    case PairKind::LoadMedia:
    case PairKind::CloseDoor: return {codes::CdromLoadMedia, codes::StorageLoadMedia};
    case PairKind::Reserve: return {codes::CdromReserve, codes::StorageReserve};
    case PairKind::Release: return {codes::CdromRelease, codes::StorageRelease};
    case PairKind::FindNewDevices: return {codes::CdromFindNewDevices, codes::StorageFindNewDevices};
    }
    return {};
}

// Eject and load move the tray: only where devices.yaml allows it.
bool movesTheTray(PairKind kind) { return kind == PairKind::EjectMedia || kind == PairKind::LoadMedia; }

// --- The input matrix (§9.2 E2: input length, output length, buffer contents) ------------------------------------

struct InputCase {
    std::string name;
    std::vector<std::uint8_t> input;
    std::size_t outputLength = 0;
};

const std::vector<std::uint8_t> kJunk(16, 0xA5);

std::vector<InputCase> inputCases(PairKind kind)
{
    switch (kind) {
    case PairKind::CheckVerify:
        // V-stage rule 1 (1–3 bytes too small), the accepted 0, the exact 4, a larger buffer, an ignored input.
        return {{"Out0", {}, 0}, {"Out1", {}, 1}, {"Out3", {}, 3}, {"Out4", {}, 4}, {"Out16", {}, 16}, {"In16Out4", kJunk, 4}};
    case PairKind::MediaRemoval: {
        std::vector<std::uint8_t> longPrevent(16, 0xA5);
        longPrevent[0] = 1;
        // V-stage InLen < 1; allow with nothing locked; prevent; the "non-zero counts, bit 0 goes to the CDB" quirk;
        // only the first input byte is read; an output buffer is ignored.
        return {{"In0", {}, 0},          {"Allow", preventInput(0), 0}, {"Prevent", preventInput(1), 0},
                {"Prevent2", preventInput(2), 0}, {"PreventIn16", longPrevent, 0}, {"PreventOut16", preventInput(1), 16}};
    }
    case PairKind::EjectMedia:
    case PairKind::LoadMedia:
    case PairKind::Reserve:
    case PairKind::Release:
    case PairKind::FindNewDevices:
        // No buffers, or buffers the driver ignores.
        return {{"NoBuffers", {}, 0}, {"In16Out16", kJunk, 16}};
    case PairKind::CloseDoor: return {};  // no CD-ROM value: nothing to send (CodeValues covers it)
    }
    return {};
}

// --- Parameters and names ------------------------------------------------------------------------------------------

struct PairParam {
    std::string id;
    const Pair* pair = nullptr;
};
void PrintTo(const PairParam& p, std::ostream* os) { *os << p.id << ' ' << p.pair->name; }

struct CaseParam {
    std::string id;
    const Pair* pair = nullptr;
    InputCase input;
};
void PrintTo(const CaseParam& p, std::ostream* os) { *os << p.id << ' ' << p.pair->name << ' ' << p.input.name; }

// Every pair of §9.1 with a CD-ROM value, or also CLOSE_DOOR when `withCloseDoor`.
std::vector<PairParam> pairParams(bool withCloseDoor, bool onlyCheckVerify = false)
{
    std::vector<PairParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const Pair& p : kPairs) {
            if (!p.cdrom && !withCloseDoor) continue;
            if (onlyCheckVerify && p.kind != PairKind::CheckVerify) continue;
            out.push_back({d.id, &p});
        }
    return out;
}

std::vector<CaseParam> caseParams()
{
    std::vector<CaseParam> out;
    for (const auto& d : fixtures::DeviceRegistry::instance().params())
        for (const Pair& p : kPairs)
            for (InputCase& c : inputCases(p.kind)) out.push_back({d.id, &p, std::move(c)});
    return out;
}

std::string pairName(const testing::TestParamInfo<PairParam>& info) { return info.param.id + "_" + info.param.pair->name; }
std::string caseName(const testing::TestParamInfo<CaseParam>& info)
{
    return info.param.id + "_" + info.param.pair->name + "_" + info.param.input.name;
}

// --- One call of one form, and what a third code sees afterwards ---------------------------------------------------

struct Observed {
    ControlResult result;
    std::vector<std::uint8_t> output;   // the caller's buffer after the call (filled with 0xCD before)
    ioctl::NtStatus checkAfter;         // CHECK_VERIFY right after the call (a third code: medium there or not)
    bool countMoved = false;            // the media-change count moved across the call
    std::optional<std::vector<DriveCommand>> traffic;  // what the drive received for the call, where traced
};

std::string describe(const std::vector<DriveCommand>& commands)
{
    static const char* const kDirection[] = {"none", "in", "out"};
    std::string s;
    char hex[4];
    for (const DriveCommand& c : commands) {
        s += "\n  CDB";
        for (std::uint8_t b : c.cdb) {
            std::snprintf(hex, sizeof hex, " %02X", b);
            s += hex;
        }
        s += std::string(" data ") + kDirection[static_cast<unsigned>(c.direction) % 3] + " " + std::to_string(c.bufferLength);
    }
    return commands.empty() ? "(no commands)" : s;
}

bool sameTraffic(const std::vector<DriveCommand>& a, const std::vector<DriveCommand>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].cdb != b[i].cdb || a[i].direction != b[i].direction || a[i].bufferLength != b[i].bufferLength) return false;
    return true;
}

// Sends `code` with the case's buffers, looks at the drive through CHECK_VERIFY, then undoes what the call
// changed so the other form starts from the same state.
Observed sendAndUndo(Device& device, DeviceHandle& handle, PairKind kind, ioctl::ControlCode code, const InputCase& c, MediaLockGuard& locks,
                     TrayGuard& tray, ReservationGuard& reservation, const std::function<void()>& enterState = {})
{
    if (enterState) enterState();
    const Verify before = checkVerifyAfterChange(handle);
    Observed o{{}, std::vector<std::uint8_t>(c.outputLength, kUntouched), {}, false, std::nullopt};
    if (movesTheTray(kind)) tray.expectOut();
    device.clearCommandTrace();
    o.result = handle.control(code, c.input, o.output);
    o.traffic = device.commandTrace();
    const bool succeeded = o.result.status.isSuccess();
    if (kind == PairKind::MediaRemoval && succeeded && !c.input.empty() && c.input[0] != 0) locks.adopt();
    if (kind == PairKind::MediaRemoval && succeeded && !c.input.empty() && c.input[0] == 0) locks.forget();  // gave one back
    if (kind == PairKind::Reserve && succeeded) reservation.held();

    const Verify after = checkVerify(handle);
    o.checkAfter = after.result.status;
    o.countMoved = before.count && after.count && *before.count != *after.count;

    // Undo: one ALLOW per counted PREVENT, RELEASE after RESERVE, the tray back in.
    if (kind == PairKind::MediaRemoval && succeeded && !c.input.empty() && c.input[0] != 0)
        (void)locks.allow(codes::StorageMediaRemoval);
    if (kind == PairKind::Reserve && succeeded && handle.control(codes::StorageRelease, {}, {}).status.isSuccess())
        reservation.released();
    if (movesTheTray(kind)) {
        (void)tray.load(codes::StorageLoadMedia);
        (void)checkVerifyAfterChange(handle);  // let a mounted volume see the change now, not in the next form's call
    }
    return o;
}

std::string describe(const Observed& o)
{
    std::string s = ioctl::ntStatusName(o.result.status) + " Information " + std::to_string(o.result.information);
    return s;
}

// --- Fixtures ------------------------------------------------------------------------------------------------------

template <class Param>
class EquivalenceBase : public fixtures::DeviceTestOf<Param> {
protected:
    std::vector<Requirement> requirements() const override
    {
        if (movesTheTray(this->GetParam().pair->kind)) return {Requirement::AllowDestructive};
        return {};
    }
    void SetUp() override
    {
        fixtures::DeviceTestOf<Param>::SetUp();
        if (this->IsSkipped() || this->HasFatalFailure()) return;
        if (movesTheTray(this->GetParam().pair->kind))
            if (const auto why = cannotEjectAndReload(this->handle())) GTEST_SKIP() << "NotSupported: " << *why;
    }
    const Pair& pair() const { return *this->GetParam().pair; }
    // devices.yaml declares a disc in the drive (for emulated drives it follows from `medium`).
    bool discDeclared() const
    {
        const auto* registered = fixtures::DeviceRegistry::instance().find(this->GetParam().id);
        return registered && !fixtures::unmetBecause(Requirement::MediumPresent, *registered);
    }
    ioctl::ControlCode cdrom() const { return ioctl::ControlCode{*pair().cdrom}; }
    ioctl::ControlCode storage() const { return ioctl::ControlCode{pair().storage}; }
};

class Equivalence : public EquivalenceBase<CaseParam> {};
class EquivalencePair : public EquivalenceBase<PairParam> {};
class EquivalenceAccess : public EquivalencePair {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};
class EquivalenceCodes : public fixtures::DeviceTestOf<PairParam> {};

// --- §9.1: the values -----------------------------------------------------------------------------------------------

TEST_P(EquivalenceCodes, DifferOnlyInTheDeviceType)
{
    const Pair& p = *GetParam().pair;
    const ioctl::ControlCode storage{p.storage};
    EXPECT_EQ(storage.deviceType(), 0x002Du) << "FILE_DEVICE_MASS_STORAGE";
    EXPECT_EQ(storage.access(), ioctl::RequiredAccess::Read);
    EXPECT_EQ(storage.method(), ioctl::Method::Buffered);
    EXPECT_EQ(storage, harnessCodes(p.kind).storage) << "codes.hpp disagrees with §9.1";
    if (!p.cdrom) {
        // CLOSE_DOOR: no header defines a value; the replacement is LOAD_MEDIA, whose CD-ROM form stands for it.
        EXPECT_EQ(storage, codes::StorageLoadMedia);
        return;
    }
    const ioctl::ControlCode cdrom{*p.cdrom};
    EXPECT_EQ(cdrom.deviceType(), 0x0002u) << "FILE_DEVICE_CD_ROM";
    EXPECT_EQ(cdrom.value & 0xFFFFu, *p.sharedLow16);
    EXPECT_EQ(storage.value & 0xFFFFu, *p.sharedLow16);
    EXPECT_EQ(cdrom.function(), storage.function());
    EXPECT_EQ(cdrom.access(), storage.access());
    EXPECT_EQ(cdrom.method(), storage.method());
    EXPECT_EQ(cdrom.function() & 0xF00u, 0x200u) << "in the normalised range [0x200, 0x300] (§1 step 3)";
    EXPECT_EQ(cdrom, harnessCodes(p.kind).cdrom) << "codes.hpp disagrees with §9.1";
}

// --- E2, E3, E4: one call of each form in the same state ---------------------------------------------------------------

TEST_P(Equivalence, SameStatusInformationAndPayload)
{
    const InputCase& c = GetParam().input;
    TrayGuard tray(handle());
    MediaLockGuard locks(handle());
    ReservationGuard reservation(handle());
    // A, B, A: the second CD-ROM call shows the state was quiet, so a difference is the code's, not the drive's (§9.2 E4).
    const Observed a = sendAndUndo(device(), handle(), pair().kind, cdrom(), c, locks, tray, reservation);
    const Observed b = sendAndUndo(device(), handle(), pair().kind, storage(), c, locks, tray, reservation);
    const Observed a2 = sendAndUndo(device(), handle(), pair().kind, cdrom(), c, locks, tray, reservation);
    ASSERT_EQ(a.result.status, a2.result.status) << "the CD-ROM form answered differently twice in a row ("
                                                 << describe(a) << ", then " << describe(a2) << "): the state was not quiet";
    ASSERT_EQ(a.output, a2.output) << "the CD-ROM form returned different bytes twice in a row: the state was not quiet";

    EXPECT_THAT_STATUS(b.result.status, a.result.status) << "E2: IOCTL_STORAGE_" << pair().name << " vs IOCTL_CDROM_" << pair().name;
    if (!a.result.status.isError() && !b.result.status.isError()) {
        // On an error status user mode sees Information 0 whatever the driver set (§0.2).
        EXPECT_EQ(b.result.information, a.result.information) << "E3";
    }
    EXPECT_EQ(b.output, a.output) << "E4: the payload and the untouched bytes past Information";
    if (a.result.status.isError()) {
        EXPECT_TRUE(allUntouched(a.output)) << "nothing is copied back on an error (§0.2)";
    }
    if (!a.result.status.isError()) {
        EXPECT_TRUE(allUntouched(std::span(a.output).subspan(std::min<std::size_t>(a.result.information, a.output.size()))))
            << "bytes past Information stay as the caller left them";
    }
    EXPECT_THAT_STATUS(b.checkAfter, a.checkAfter) << "E6: CHECK_VERIFY right after each form sees the same drive";
    EXPECT_EQ(b.countMoved, a.countMoved) << "E6: the media-change count moved after one form and not after the other";
}

// --- E2 over device states: the same case with the medium locked, under this handle's own exclusive lock, with the
// tray out. Each form enters the state afresh and leaves it before the other form runs.

enum class DeviceState { SimpleLockHeld, OwnExclusiveLock, TrayOpen };

TEST_P(Equivalence, SameAnswerInOtherDeviceStates)
{
    const InputCase& c = GetParam().input;
    for (const DeviceState state : {DeviceState::SimpleLockHeld, DeviceState::OwnExclusiveLock, DeviceState::TrayOpen}) {
        const char* const names[] = {"simple media lock held (count > 0)", "exclusive lock held by this handle", "tray open"};
        SCOPED_TRACE(names[static_cast<int>(state)]);
        if (state == DeviceState::TrayOpen && (!spec().expect.allowDestructive || cannotEjectAndReload(handle()))) continue;
        std::unique_ptr<ExclusiveLockGuard> exclusive;  // declared first: unlocked after the guards below undo
        DeviceHandle* h = &handle();
        if (state == DeviceState::OwnExclusiveLock) {
            try {
                exclusive = std::make_unique<ExclusiveLockGuard>(device());
            } catch (const DeviceError&) {
                continue;  // no read/write handle here: SameLockGating reports it
            }
            ASSERT_THAT_STATUS(exclusive->lock().status, status::Success);
            h = &exclusive->owner();
        }
        TrayGuard tray(*h);
        MediaLockGuard locks(*h);
        ReservationGuard reservation(*h);
        TrayGuard stateTray(*h);
        MediaLockGuard stateLock(*h);
        const std::function<void()> enter = [&] {
            if (state == DeviceState::SimpleLockHeld) (void)stateLock.prevent(codes::StorageMediaRemoval);
            if (state == DeviceState::TrayOpen) (void)stateTray.eject(codes::StorageEjectMedia);
        };
        const auto leave = [&] {
            if (state == DeviceState::SimpleLockHeld) (void)stateLock.allow(codes::StorageMediaRemoval);
            if (state == DeviceState::TrayOpen) {
                (void)stateTray.load(codes::StorageLoadMedia);
                (void)checkVerifyAfterChange(*h);
            }
        };
        const Observed a = sendAndUndo(device(), *h, pair().kind, cdrom(), c, locks, tray, reservation, enter);
        leave();
        const Observed b = sendAndUndo(device(), *h, pair().kind, storage(), c, locks, tray, reservation, enter);
        leave();
        EXPECT_THAT_STATUS(b.result.status, a.result.status) << "E2";
        if (!a.result.status.isError() && !b.result.status.isError()) {
            EXPECT_EQ(b.result.information, a.result.information) << "E3";
        }
        EXPECT_EQ(b.output, a.output) << "E4";
        EXPECT_THAT_STATUS(b.checkAfter, a.checkAfter) << "E6: CHECK_VERIFY right after each form";
        if (a.traffic && b.traffic) {
            EXPECT_TRUE(sameTraffic(*a.traffic, *b.traffic)) << "E5:" << describe(*a.traffic) << "\nvs" << describe(*b.traffic);
        }
    }
}

// --- E5: drive traffic --------------------------------------------------------------------------------------------------

TEST_P(Equivalence, SameDriveTraffic)
{
    // The SCSI pass-through reaches the drive but records nothing; only a device with a command trace shows which
    // CDBs each form produced.
    if (!device().commandTrace()) GTEST_SKIP() << "NotSupported: the device keeps no command trace (a pass-through is not one)";
    const InputCase& c = GetParam().input;
    TrayGuard tray(handle());
    MediaLockGuard locks(handle());
    ReservationGuard reservation(handle());
    const Observed a = sendAndUndo(device(), handle(), pair().kind, cdrom(), c, locks, tray, reservation);
    const Observed b = sendAndUndo(device(), handle(), pair().kind, storage(), c, locks, tray, reservation);
    const Observed a2 = sendAndUndo(device(), handle(), pair().kind, cdrom(), c, locks, tray, reservation);
    ASSERT_TRUE(a.traffic && b.traffic && a2.traffic);
    ASSERT_TRUE(sameTraffic(*a.traffic, *a2.traffic)) << "the CD-ROM form produced different traffic twice in a row (the state was not quiet):"
                                                      << describe(*a.traffic) << "\nthen" << describe(*a2.traffic);
    EXPECT_TRUE(sameTraffic(*a.traffic, *b.traffic)) << "E5: same CDBs, data direction, transfer length and retries; IOCTL_CDROM_"
                                                     << pair().name << ":" << describe(*a.traffic) << "\nIOCTL_STORAGE_" << pair().name << ":"
                                                     << describe(*b.traffic);
}

// --- E1: the I/O manager's access check ----------------------------------------------------------------------------------

TEST_P(EquivalenceAccess, SameAccessCheck)
{
    // Both forms need FILE_READ_DATA; a handle without it is refused before the driver sees either.
    const auto reader = device().open(HandleAccess::Read);
    TrayGuard tray(*reader);
    MediaLockGuard locks(*reader);
    ReservationGuard reservation(*reader);
    for (const ioctl::ControlCode code : {cdrom(), storage()}) {
        SCOPED_TRACE(ioctl::formatControlCode(code));
        std::vector<std::uint8_t> out(16, kUntouched);
        const std::vector<std::uint8_t> in = pair().kind == PairKind::MediaRemoval ? preventInput(1) : std::vector<std::uint8_t>{};
        const ControlResult r = control(code, in, out);
        if (r.status.isSuccess()) {  // it reached the driver: put back what it did
            if (pair().kind == PairKind::MediaRemoval) locks.adopt();
            if (pair().kind == PairKind::Reserve) reservation.held();
            if (movesTheTray(pair().kind)) tray.expectOut();
        }
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "E1";
        EXPECT_TRUE(allUntouched(out));
    }
}

// --- E6: one form's state seen and undone by the other ----------------------------------------------------------------

TEST_P(EquivalencePair, SameSideEffectsAcrossForms)
{
    const ioctl::ControlCode forms[2] = {cdrom(), storage()};
    switch (pair().kind) {
    case PairKind::CheckVerify: {
        // Neither form changes the count; both read the one device-wide counter.
        const Verify a = checkVerify(handle(), cdrom());
        const Verify b = checkVerify(handle(), storage());
        const Verify a2 = checkVerify(handle(), cdrom());
        EXPECT_THAT_STATUS(b.result.status, a.result.status);
        EXPECT_EQ(a.count, a2.count) << "CHECK_VERIFY itself moved the count";
        EXPECT_EQ(b.count, a.count);
        return;
    }
    case PairKind::MediaRemoval: {
        // A lock taken with one form is given back by the other: seen through EJECT_MEDIA, so only where the tray may move.
        if (!spec().expect.allowDestructive)
            GTEST_SKIP() << "NotSupported: the lock shows only through an eject; devices.yaml does not declare expect.allow_destructive: true";
        if (!discDeclared()) GTEST_SKIP() << "NotSupported: the lock shows through an eject of a disc; no disc declared";
        if (const auto why = cannotEjectAndReload(handle())) GTEST_SKIP() << "NotSupported: " << *why;
        if (const auto f = removableMedium(handle()); f && !f->lock)
            GTEST_SKIP() << "NotSupported: the drive's Removable Medium feature says it cannot lock the medium (Lock = 0)";
        ASSERT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
        for (int i = 0; i < 2; ++i) {
            SCOPED_TRACE(i == 0 ? "prevent IOCTL_CDROM, allow IOCTL_STORAGE" : "prevent IOCTL_STORAGE, allow IOCTL_CDROM");
            TrayGuard tray(handle());
            MediaLockGuard locks(handle());
            ASSERT_THAT_STATUS(locks.prevent(forms[i]).status, status::Success);
            EXPECT_THAT_STATUS(tray.eject(codes::StorageEjectMedia).status, status::InvalidDeviceRequest)
                << "the lock taken with one form holds for the eject";
            ASSERT_THAT_STATUS(locks.allow(forms[1 - i]).status, status::Success);
            EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success) << "the disc stayed in";
            ASSERT_THAT_STATUS(tray.eject(codes::StorageEjectMedia).status, status::Success) << "the other form gave the lock back";
            EXPECT_THAT_STATUS(checkVerify(handle()).result.status, status::NoMediaInDevice);
            ASSERT_THAT_STATUS(tray.load(codes::StorageLoadMedia).status, status::Success);
            EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
        }
        return;
    }
    case PairKind::EjectMedia:
    case PairKind::LoadMedia: {
        // Eject with one form, load with the other: the medium goes and comes back either way.
        const bool disc = discDeclared();
        const ioctl::ControlCode eject[2] = {codes::CdromEjectMedia, codes::StorageEjectMedia};
        const ioctl::ControlCode load[2] = {codes::CdromLoadMedia, codes::StorageLoadMedia};
        ioctl::NtStatus seenOut[2]{}, seenBack[2]{};
        for (int i = 0; i < 2; ++i) {
            TrayGuard tray(handle());
            const ioctl::ControlCode e = pair().kind == PairKind::EjectMedia ? forms[i] : eject[i];
            const ioctl::ControlCode l = pair().kind == PairKind::LoadMedia ? forms[1 - i] : load[1 - i];
            ASSERT_THAT_STATUS(tray.eject(e).status, status::Success);
            seenOut[i] = checkVerify(handle()).result.status;
            ASSERT_THAT_STATUS(tray.load(l).status, status::Success);
            seenBack[i] = checkVerifyAfterChange(handle()).result.status;
        }
        EXPECT_THAT_STATUS(seenOut[0], status::NoMediaInDevice) << "the tray is out";
        EXPECT_THAT_STATUS(seenOut[1], seenOut[0]);
        EXPECT_THAT_STATUS(seenBack[0], disc ? status::Success : status::NoMediaInDevice);
        EXPECT_THAT_STATUS(seenBack[1], seenBack[0]);
        return;
    }
    case PairKind::Reserve:
    case PairKind::Release: {
        // RESERVE with one form is released by RELEASE with the other (§9.2 E6).
        for (int i = 0; i < 2; ++i) {
            SCOPED_TRACE(i == 0 ? "reserve IOCTL_CDROM, release IOCTL_STORAGE" : "reserve IOCTL_STORAGE, release IOCTL_CDROM");
            const ioctl::ControlCode reserve[2] = {codes::CdromReserve, codes::StorageReserve};
            const ioctl::ControlCode release[2] = {codes::CdromRelease, codes::StorageRelease};
            ReservationGuard guard(handle());
            const ControlResult r = control(reserve[i], {}, {});
            if (r.status.isSuccess()) guard.held();
            if (r.status == status::InvalidDeviceRequest) GTEST_SKIP() << "NotSupported: the drive refuses RESERVE(6) and RESERVE(10)";
            ASSERT_THAT_STATUS(r.status, status::Success);
            const ControlResult l = control(release[1 - i], {}, {});
            if (l.status.isSuccess()) guard.released();
            EXPECT_THAT_STATUS(l.status, status::Success);
        }
        return;
    }
    case PairKind::FindNewDevices: {
        // Both forms ask for the rescan and leave the device answering as before.
        const ioctl::NtStatus before = checkVerify(handle()).result.status;
        const ControlResult a = control(cdrom(), {}, {});
        EXPECT_THAT_STATUS(checkVerify(handle()).result.status, before);
        const ControlResult b = control(storage(), {}, {});
        EXPECT_THAT_STATUS(checkVerify(handle()).result.status, before);
        EXPECT_THAT_STATUS(b.status, a.status);
        return;
    }
    case PairKind::CloseDoor: return;
    }
}

// --- E7: the exclusive-lock gate ----------------------------------------------------------------------------------------

TEST_P(EquivalencePair, SameLockGating)
{
    std::unique_ptr<ExclusiveLockGuard> exclusive;
    try {
        exclusive = std::make_unique<ExclusiveLockGuard>(device());
    } catch (const DeviceError& e) {
        GTEST_SKIP() << "NotSupported: no read/write handle for the exclusive lock: " << e.what();
    }
    TrayGuard tray(handle());
    MediaLockGuard locks(handle());
    ReservationGuard reservation(handle());
    const Verify before = checkVerifyAfterChange(handle());
    const ControlResult l = exclusive->lock();
    ASSERT_THAT_STATUS(l.status, status::Success) << "the second handle must get the exclusive lock";
    for (const ioctl::ControlCode code : {cdrom(), storage()}) {
        SCOPED_TRACE(ioctl::formatControlCode(code));
        std::vector<std::uint8_t> out(16, kUntouched);
        const std::vector<std::uint8_t> in = pair().kind == PairKind::MediaRemoval ? preventInput(1) : std::vector<std::uint8_t>{};
        device().clearCommandTrace();
        const ControlResult r = control(code, in, out);
        if (const auto traffic = device().commandTrace()) {
            EXPECT_TRUE(traffic->empty()) << "E7: a gated request reaches no drive:" << describe(*traffic);
        }
        if (r.status.isSuccess()) {  // the gate let it through: put back what it did
            if (pair().kind == PairKind::MediaRemoval) locks.adopt();
            if (pair().kind == PairKind::Reserve) reservation.held();
            if (movesTheTray(pair().kind)) tray.expectOut();
        }
        EXPECT_THAT_STATUS(r.status, status::AccessDenied) << "E7: another handle holds the exclusive lock (§1 step 2)";
        EXPECT_TRUE(allUntouched(out));
    }
    exclusive.reset();  // unlock before the guards undo anything
    EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, before.result.status) << "the gated calls changed nothing";
}

// --- E8: verify behaviour after a medium change ---------------------------------------------------------------------------

class EquivalenceVerify : public EquivalencePair {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AllowDestructive, Requirement::MediumPresent}; }
    void SetUp() override
    {
        EquivalencePair::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        if (const auto why = cannotEjectAndReload(handle())) GTEST_SKIP() << "NotSupported: " << *why;
    }
};

TEST_P(EquivalenceVerify, SameVerifyBehaviourAfterAMediumChange)
{
    // The first request after a medium change meets the pending change (STATUS_VERIFY_REQUIRED with a mounted
    // volume, §7.3); each form gets its own change and must answer it the same way.
    ASSERT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
    ioctl::NtStatus first[2]{};
    const ioctl::ControlCode forms[2] = {cdrom(), storage()};
    for (int i = 0; i < 2; ++i) {
        TrayGuard tray(handle());
        ASSERT_THAT_STATUS(tray.eject(codes::StorageEjectMedia).status, status::Success);
        ASSERT_THAT_STATUS(tray.load(codes::StorageLoadMedia).status, status::Success);
        std::vector<std::uint8_t> out(4, kUntouched);
        first[i] = control(forms[i], {}, out).status;
        EXPECT_THAT_STATUS(checkVerifyAfterChange(handle()).result.status, status::Success);
    }
    if (first[0] != status::VerifyRequired) {
        EXPECT_THAT_STATUS(first[0], status::Success) << "or STATUS_VERIFY_REQUIRED";
    }
    EXPECT_THAT_STATUS(first[1], first[0]) << "E8";
}

const auto equivalenceCases = [] { return testing::ValuesIn(caseParams()); };

INSTANTIATE_TEST_SUITE_P(, EquivalenceCodes, testing::ValuesIn(pairParams(true)), pairName);
INSTANTIATE_TEST_SUITE_P(, Equivalence, equivalenceCases(), caseName);
INSTANTIATE_TEST_SUITE_P(, EquivalenceAccess, testing::ValuesIn(pairParams(false)), pairName);
INSTANTIATE_TEST_SUITE_P(, EquivalencePair, testing::ValuesIn(pairParams(false)), pairName);
INSTANTIATE_TEST_SUITE_P(, EquivalenceVerify, testing::ValuesIn(pairParams(false, true)), pairName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EquivalenceCodes);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Equivalence);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EquivalenceAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EquivalencePair);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(EquivalenceVerify);

}  // namespace
}  // namespace cdcts::suites
