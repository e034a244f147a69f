// The request pipeline (§1): access check, lock gate and original code, normalisation, dispatch classes, the
// pending MMC refresh, the default branch, surprise removal, forwarding, codes not modelled yet, start-up.
#include <gtest/gtest.h>

#include <algorithm>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/classdriver/model_handle.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
namespace st = ioctl::status;
namespace codes = ioctl::codes;
using Bytes = std::vector<std::uint8_t>;

TEST(Normalization, S1_Step3_RewritesFunctions0x200To0x300ToStorage)
{
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00024800}).value, 0x002D4800u);  // CDROM_CHECK_VERIFY
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00074800}).value, 0x002D4800u);  // DISK_CHECK_VERIFY
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00024818}).value, 0x002D4818u);  // FIND_NEW_DEVICES
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00334C00}).value, 0x002D4C00u);  // DVD, function 0x300 (inclusive)
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00024000}).value, 0x00024000u);  // READ_TOC: function 0
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00024C04}).value, 0x00024C04u);  // function 0x301
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00025008}).value, 0x00025008u);  // UNLOAD_DRIVER: 0x402
    EXPECT_EQ(normalizeIoctl(ioctl::ControlCode{0x00094800}).value, 0x00094800u);  // another device type
}

TEST(DispatchTable, S5_EveryImplementedCatalogCodeHasARow)
{
    // Each code the sample implements or normalises must reach a row (handled now or marked not modelled),
    // and each code it forwards must not.
    for (const auto& info : ioctl::allCodes()) {
        if (!info.value) continue;
        const DispatchRow* row = findDispatchRow(normalizeIoctl(*info.value));
        // An alias behaves as the row whose value it shares (SIMBAD as PAUSE_AUDIO).
        const ioctl::CodeInfo& canonical = info.isAlias() ? *ioctl::findCode(*info.value) : info;
        switch (canonical.handling) {
        case ioctl::SampleHandling::Implemented:
        case ioctl::SampleHandling::Normalized: EXPECT_NE(row, nullptr) << info.name; break;
        case ioctl::SampleHandling::Forwarded: EXPECT_EQ(row, nullptr) << info.name; break;
        default: break;
        }
    }
}

class Pipeline : public testing_support::ModelFixture {
protected:
    // A second handle that takes the exclusive lock (§3.5, caller name "o"), so the test's handle is a non-owner.
    // The trace starts empty after it.
    std::unique_ptr<DeviceHandle> lockedByAnotherHandle()
    {
        auto owner = device->open(HandleAccess::ReadWrite);
        Bytes lock(72, 0);
        storeLe32(lock.data(), 1);  // ExclusiveAccessLockDevice
        lock[8] = 'o';
        Bytes none;
        EXPECT_EQ(owner->control(codes::CdromExclusiveAccess, lock, none).status, st::Success);
        device->drive().trace().clear();
        return owner;
    }
};

TEST_F(Pipeline, S3_23_ForwardedCodesGetThePortDriversAnswer)
{
    ClassDriverSettings settings;
    settings.forwardedCodeStatus = st::NotSupported;
    build("data", settings);
    Bytes out(16);
    EXPECT_EQ(control(codes::CdromGetControl, out).status, st::NotSupported);
    EXPECT_EQ(control(codes::CdromDiskType, out).status, st::NotSupported);
    EXPECT_EQ(control(codes::CdromUnloadDriver, out).status, st::NotSupported);
    EXPECT_TRUE(traffic().empty()) << "the class driver sends nothing for a forwarded code";
}

// Every code the sample implements has a handler in the model, so STATUS_NOT_IMPLEMENTED (a status the class
// driver never returns) cannot come back for a code of §2.1 / §5.
TEST(DispatchTable, S5_EveryRowHasAHandlerSoNothingAnswersNotImplemented)
{
    for (const DispatchRow& row : dispatchTable()) EXPECT_NE(row.handle, nullptr) << row.section << " " << std::hex << row.code.value;
}

TEST_F(Pipeline, S1_Step1_ReadWriteCodesNeedAReadWriteHandle)
{
    build("data");
    Bytes out(72);
    EXPECT_EQ(control(codes::CdromExclusiveAccess, out).status, st::AccessDenied);
}

// §1 step 1 (and §0.2): the I/O manager compares the code's access bits with the handle before the driver sees
// anything: ACCESS_DENIED, Info 0, no drive traffic and no driver state touched.
TEST_F(Pipeline, S0_2_S1_Step1_AccessBitsAgainstEveryKindOfHandle)
{
    struct Row {
        HandleAccess handle;
        ioctl::ControlCode code;
        std::size_t outLength;
        bool denied;
    };
    // Expected per §0.2: ANY needs nothing, READ needs FILE_READ_DATA, READ|WRITE needs both.
    const Row kRows[] = {
        {HandleAccess::None, codes::StorageCheckVerify2, 0, false},  // ANY
        {HandleAccess::None, codes::CdromCheckVerify, 4, true},      // READ
        {HandleAccess::None, codes::CdromExclusiveAccess, 65, true}, // READ|WRITE
        {HandleAccess::Read, codes::StorageCheckVerify2, 0, false},
        {HandleAccess::Read, codes::CdromCheckVerify, 4, false},
        {HandleAccess::Read, codes::CdromExclusiveAccess, 65, true},
        {HandleAccess::Read, codes::CdromSendOpcInformation, 0, true},
        {HandleAccess::ReadWrite, codes::StorageCheckVerify2, 0, false},
        {HandleAccess::ReadWrite, codes::CdromCheckVerify, 4, false},
        {HandleAccess::ReadWrite, codes::CdromExclusiveAccess, 65, false},
    };
    build("data");
    for (const Row& row : kRows) {
        SCOPED_TRACE(std::string(handleAccessName(row.handle)) + " " + ioctl::formatControlCode(row.code));
        auto h = device->open(row.handle);
        Bytes in(8, 0);  // EXCLUSIVE_ACCESS: ExclusiveAccessQueryState
        Bytes out(row.outLength, 0xCD);
        device->drive().trace().clear();
        const std::uint32_t changes = device->driver().state().mediaChangeCount;
        const ControlResult r = h->control(row.code, in, out);
        if (row.denied) {
            EXPECT_EQ(r.status, st::AccessDenied);
            EXPECT_EQ(r.information, 0u);
            EXPECT_TRUE(traffic().empty());
            EXPECT_EQ(out, Bytes(row.outLength, 0xCD));
        } else {
            EXPECT_EQ(r.status, st::Success) << ioctl::ntStatusName(r.status);
        }
        EXPECT_EQ(device->driver().state().mediaChangeCount, changes);
    }
}

// §1 step 2 uses the code as the caller sent it, step 3 rewrites it afterwards: IOCTL_TAPE_CHECK_VERIFY (device
// type 1Fh, function 200h) is not of a gated device type, so a non-owner passes the gate, and normalisation then
// makes it IOCTL_STORAGE_CHECK_VERIFY.
TEST_F(Pipeline, S1_Step2_Step3_GateSeesTheOriginalCodeNormalisationComesAfter)
{
    build("data", {}, HandleAccess::ReadWrite);
    auto owner = lockedByAnotherHandle();

    const ioctl::ControlCode tapeCheckVerify{0x001F4800};
    Bytes out(4, 0xCD);
    EXPECT_EQ(control(codes::StorageCheckVerify, out).status, st::AccessDenied);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::AccessDenied);
    EXPECT_TRUE(traffic().empty());
    const ControlResult r = control(tapeCheckVerify, out);
    EXPECT_EQ(r.status, st::Success) << "passed the gate as a TAPE code, served as STORAGE_CHECK_VERIFY";
    EXPECT_EQ(r.information, 4u);
    EXPECT_EQ(loadLe32(out.data()), device->driver().state().mediaChangeCount);
    ASSERT_EQ(traffic().size(), 1u);
    EXPECT_EQ(formatHex(traffic()[0].cdb()), "00 00 00 00 00 00");
    owner.reset();
}

// §1 step 2, device type by device type: a non-owner's code of type 04h SCSI, 07h DISK, 02h CD_ROM, 2Dh
// MASS_STORAGE or 33h DVD is refused with ACCESS_DENIED, Info 0, before anything else; other types go on (here to
// the port driver, whose answer is forwardedCodeStatus).
TEST_F(Pipeline, S1_Step2_EachGatedDeviceTypeIsRefusedOthersPass)
{
    ClassDriverSettings settings;
    settings.forwardedCodeStatus = st::NotSupported;
    build("data", settings, HandleAccess::ReadWrite);
    auto owner = lockedByAnotherHandle();
    // Function 0x7FF, READ access, buffered: no row anywhere, so a code that passes is forwarded.
    for (const std::uint16_t type : {std::uint16_t{0x0004}, std::uint16_t{0x0007}, std::uint16_t{0x0002}, std::uint16_t{0x002D}, std::uint16_t{0x0033}}) {
        Bytes out(8, 0xCD);
        const ControlResult r = control(ioctl::ControlCode::make(type, 0x7FF, ioctl::Method::Buffered, ioctl::RequiredAccess::Read), out);
        EXPECT_EQ(r.status, st::AccessDenied) << "device type " << type;
        EXPECT_EQ(r.information, 0u);
    }
    for (const std::uint16_t type : {std::uint16_t{0x0001}, std::uint16_t{0x0009}, std::uint16_t{0x001F}, std::uint16_t{0x0022}, std::uint16_t{0x0056}}) {
        Bytes out(8);
        EXPECT_EQ(control(ioctl::ControlCode::make(type, 0x7FF, ioctl::Method::Buffered, ioctl::RequiredAccess::Read), out).status,
                  st::NotSupported)
            << "device type " << type;
    }
    EXPECT_TRUE(traffic().empty());
    owner.reset();
}

// §1 step 3 on the whole route: every device type of the list with a function in [200h, 300h] reaches the
// STORAGE handler; the same function under another device type, or function 301h, does not.
TEST_F(Pipeline, S1_Step3_NormalisedCodesReachTheStorageHandler)
{
    build("data");
    for (const std::uint32_t value : {0x00024800u, 0x00044800u, 0x00074800u, 0x001F4800u, 0x00334800u, 0x002D4800u}) {
        SCOPED_TRACE(ioctl::formatControlCode(ioctl::ControlCode{value}));
        Bytes out(4);
        const ControlResult r = control(ioctl::ControlCode{value}, out);
        EXPECT_EQ(r.status, st::Success);
        EXPECT_EQ(r.information, 4u);
    }
    EXPECT_EQ(traffic().size(), 6u);
    device->drive().trace().clear();
    ClassDriverSettings forwarded;
    forwarded.forwardedCodeStatus = st::NotSupported;
    build("data", forwarded);
    for (const std::uint32_t value : {0x00094800u /* FILE_DEVICE_FILE_SYSTEM */, 0x00024C04u /* function 301h */}) {
        Bytes out(4);
        EXPECT_EQ(control(ioctl::ControlCode{value}, out).status, st::NotSupported) << std::hex << value;
    }
    EXPECT_TRUE(traffic().empty());
}

// §1 step 4 (a): GET_INQUIRY_DATA is answered from the cache: no device I/O and no MMC refresh, even when one is
// pending. (b): the V-stage fails before the request is queued, so no refresh runs either. (c): EXCLUSIVE_ACCESS
// does not trigger it. (e): an unknown code is forwarded, with no class-driver traffic. Step 5: the first request
// that passes its V-stage and is dequeued runs the pending refresh before its own command.
TEST_F(Pipeline, S1_Step4_Step5_WhichRequestsRunThePendingRefresh)
{
    settleMmcRefresh = false;
    build("data", {}, HandleAccess::ReadWrite);
    ASSERT_TRUE(device->driver().state().mmcUpdateRequired);

    Bytes inquiry(36);
    EXPECT_EQ(control(codes::CdromGetInquiryData, inquiry).status, st::BufferOverflow);  // (a)
    Bytes shortToc(100);
    EXPECT_EQ(control(codes::CdromReadToc, shortToc).status, st::BufferTooSmall);  // (b) V-stage row
    Bytes state(65);
    Bytes query(8, 0);
    EXPECT_EQ(handle->control(codes::CdromExclusiveAccess, query, state).status, st::Success);  // (c)
    Bytes out(4);
    EXPECT_EQ(control(ioctl::ControlCode{0x00024C04}, out).status, st::InvalidDeviceRequest);  // (e) forwarded
    EXPECT_TRUE(traffic().empty());
    EXPECT_TRUE(device->driver().state().mmcUpdateRequired);

    ASSERT_EQ(control(codes::CdromCheckVerify, out).status, st::Success);  // (b), queued: step 5 then step 6
    ASSERT_GE(traffic().size(), 2u);
    EXPECT_EQ(traffic().front().opcode(), 0x46) << "the refresh's GET CONFIGURATION comes first";
    EXPECT_EQ(traffic().back().opcode(), 0x00) << "the request's own TEST UNIT READY comes last";
    EXPECT_FALSE(device->driver().state().mmcUpdateRequired);
}

// §1 step 6: a code that passes the V-stage into the serial handler without a case there completes with
// ACCESS_DENIED (the default branch): FIND_NEW_DEVICES, whose V-stage did its work (the bus rescan).
TEST_F(Pipeline, S1_Step6_NoCaseInTheSerialHandlerIsAccessDenied)
{
    build("data");
    Bytes out(4, 0xCD);
    for (const auto code : {codes::CdromFindNewDevices, codes::StorageFindNewDevices}) {
        const ControlResult r = control(code, out);
        EXPECT_EQ(r.status, st::AccessDenied);
        EXPECT_EQ(r.information, 0u);
    }
    EXPECT_EQ(device->driver().state().busRescans, 2u) << "the V-stage ran, so the request reached the handler";
    EXPECT_TRUE(traffic().empty());
}

// §1 step 7: after a surprise removal every failing status, whatever its stage, becomes DEVICE_DOES_NOT_EXIST
// with Info 0; successes and warnings stay as they are.
TEST_F(Pipeline, S1_Step7_AfterSurpriseRemovalEveryFailureIsDeviceDoesNotExist)
{
    build("data");
    Bytes tooSmall(100);
    EXPECT_EQ(control(codes::CdromReadToc, tooSmall).status, st::BufferTooSmall) << "before the removal";
    device->driver().surpriseRemove();
    EXPECT_TRUE(device->driver().state().surpriseRemoved);

    const ControlResult vStage = control(codes::CdromReadToc, tooSmall);
    EXPECT_EQ(vStage.status, st::DeviceDoesNotExist);
    EXPECT_EQ(vStage.information, 0u) << "not READ_TOC's 804";
    Bytes none;
    EXPECT_EQ(control(codes::CdromGetInquiryData, none).status, st::DeviceDoesNotExist) << "the immediate path too";
    Bytes out(4);
    EXPECT_EQ(control(codes::CdromGetControl, out).status, st::DeviceDoesNotExist) << "a forwarded code's failure";
    EXPECT_EQ(control(codes::CdromFindNewDevices, out).status, st::DeviceDoesNotExist) << "the H-stage default branch";
    // A success is not touched, nor is a warning.
    const ControlResult verify = control(codes::CdromCheckVerify, out);
    EXPECT_EQ(verify.status, st::Success);
    EXPECT_EQ(verify.information, 4u);
    Bytes partial(8);
    EXPECT_EQ(control(codes::CdromGetInquiryData, partial).status, st::BufferOverflow);
    // A device error from the drive, too.
    device->drive().removeMedium(emulator::TrayState::Closed);
    EXPECT_EQ(control(codes::CdromCheckVerify, out).status, st::DeviceDoesNotExist);
    // And the cooked-read path.
    auto& model = dynamic_cast<ModelHandle&>(*handle);
    Bytes sector(2048);
    EXPECT_EQ(model.read(0, sector).status, st::DeviceDoesNotExist);
}

// §5: the codes documented as obsolete since Vista are fully served: each reaches the drive with its §6 command
// (after the §7.4 probe where play is active). SIMBAD has PAUSE_AUDIO's value, so it pauses.
TEST_F(Pipeline, S5_ObsoleteCodesAreServedWithTheirCommands)
{
    struct Row {
        const char* name;
        ioctl::ControlCode code;
        Bytes input;
        std::size_t outLength;
        std::uint8_t opcode;  // §6: the last command the drive sees
    };
    const Row kRows[] = {
        {"READ_TOC", ioctl::ControlCode{0x00024000}, {}, 804, 0x43},
        {"PLAY_AUDIO_MSF", ioctl::ControlCode{0x00024018}, {0, 2, 0, 0, 40, 0}, 0, 0x47},
        {"SIMBAD (= PAUSE_AUDIO)", codes::CdromSimbad, {}, 0, 0x4B},
        {"RESUME_AUDIO", ioctl::ControlCode{0x00024010}, {}, 0, 0x4B},
        {"PAUSE_AUDIO", ioctl::ControlCode{0x0002400C}, {}, 0, 0x4B},
        {"READ_Q_CHANNEL (current position)", ioctl::ControlCode{0x0002402C}, {1, 0}, 16, 0x42},
        {"GET_VOLUME", ioctl::ControlCode{0x00024014}, {}, 4, 0x5A},
        {"SET_VOLUME", ioctl::ControlCode{0x00024028}, {0xFF, 0xFF, 0, 0}, 0, 0x55},
        {"SEEK_AUDIO_MSF", ioctl::ControlCode{0x00024004}, {0, 2, 0}, 0, 0x2B},
        {"STOP_AUDIO", ioctl::ControlCode{0x00024008}, {}, 0, 0x1B},
    };
    build("audio");
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.name);
        device->drive().trace().clear();
        Bytes out(row.outLength);
        const ControlResult r = handle->control(row.code, row.input, out);
        EXPECT_EQ(r.status, st::Success) << ioctl::ntStatusName(r.status);
        ASSERT_FALSE(traffic().empty());
        EXPECT_EQ(traffic().back().opcode(), row.opcode);
    }
}

TEST_F(Pipeline, AHandleThatOutlivesItsDeviceFindsItGone)
{
    build("data");
    std::unique_ptr<DeviceHandle> orphan = device->open(HandleAccess::Read);
    device.reset();
    Bytes out(4);
    EXPECT_EQ(orphan->control(codes::CdromCheckVerify, {}, out).status, st::DeviceDoesNotExist);
    handle.reset();
}

TEST(AdapterProperties, S0_2_DerivedLimits)
{
    const mmc::AdapterProperties sata{1, 128 * 1024, 33};
    EXPECT_EQ(sata.maxPageAlignedTransferBytes(), 128u * 1024u);  // min(33 pages, 128 KiB)
    EXPECT_EQ(sata.maxUnalignedTransferBytes(), 128u * 1024u);    // min(32 pages, 128 KiB)
    EXPECT_EQ(sata.scratchBufferBytes(), 65536u);
    const mmc::AdapterProperties few{0, 1024 * 1024, 5};
    EXPECT_EQ(few.maxPageAlignedTransferBytes(), 5u * 4096u);
    EXPECT_EQ(few.maxUnalignedTransferBytes(), 4u * 4096u) << "one page fewer when the buffer is not page-aligned";
    const mmc::AdapterProperties one{0, 1024 * 1024, 1};
    EXPECT_EQ(one.maxUnalignedTransferBytes(), 4096u) << "the -1 applies only with more than one page";
    const mmc::AdapterProperties tiny{0, 512, 17};
    EXPECT_EQ(tiny.maxPageAlignedTransferBytes(), 4096u) << "never below one page";
    const mmc::AdapterProperties unlimited{0, 2 * 1024 * 1024, 0xFFFFFFFFu};
    EXPECT_EQ(unlimited.maxPageAlignedTransferBytes(), 2u * 1024u * 1024u) << "a huge page count must not wrap";
}

TEST(StartUp, S7_6_ProbesInquiryMmcCapabilitiesThenReadCapacityThroughTheUnitAttentions)
{
    // The drive's own RT=0 reply length (DataLength + 4), asked of a fresh drive: the capability buffer's size.
    std::string fullLength;
    {
        VirtualClock c;
        emulator::VirtualDrive d(*emulator::findDriveProfile("dvd_rom"), c);
        std::vector<std::uint8_t> header(8);
        const auto cdb = mmc::cdb::getConfiguration(0, 0, 8);
        ASSERT_TRUE(d.execute(cdb, header, mmc::DataDirection::In, std::chrono::seconds(4)).good());
        const std::uint32_t n = loadBe32(header.data()) + 4;
        fullLength = formatHex(std::vector<std::uint8_t>{static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    }
    VirtualClock clock;
    emulator::VirtualDrive drive(*emulator::findDriveProfile("dvd_rom"), clock);
    drive.loadMedium(emulator::makeSyntheticDisc("data"));
    clock.advance(drive.profile().timings.spinUp);  // the disc is at speed when the driver starts
    ClassDriver driver(drive, DeviceIdentity{}, ClassDriverSettings{});
    std::vector<std::string> cdbs;
    for (const auto& e : drive.trace().entries()) cdbs.push_back(formatHex(e.cdb()));
    EXPECT_EQ(cdbs, (std::vector<std::string>{
                        "12 00 00 00 24 00",              // INQUIRY, 36 bytes
                        "12 00 00 00 60 00",              // INQUIRY, the full 96 the drive announced
                        "46 00 00 00 00 00 00 00 08 00",  // MMC detection: RT=0 feature 0, header only, 10-byte CDB
                        "46 02 00 00 00 00 00 00 0c 00",  // type-one probe: RT=2, header + one feature header
                        "46 00 00 00 00 00 00 00 08 00",  // capability buffer: its size first
                        "46 00 00 00 00 00 00 " + fullLength + " 00",  // then all of it
                        "5a 08 2a 00 00 00 00 00 28 00",  // MODE SENSE(10) DBD page 2Ah, 24 + 8 + 8 (Q11): 06/29/00
                        "5a 08 2a 00 00 00 00 00 28 00",  // medium may have changed 06/28/00 (§8.5: 2 retries)
                        "5a 08 2a 00 00 00 00 00 28 00",  // the page: C2 / R-W abilities
                        "25 00 00 00 00 00 00 00 00 00",  // READ CAPACITY: success, media present
                    }));
    EXPECT_EQ(driver.state().mediaState, MediaState::Present);
    EXPECT_EQ(driver.state().inquiryData.size(), 96u);
    EXPECT_EQ(driver.identity().vendor, "CDCTS");
    EXPECT_EQ(driver.identity().product, "VIRTUAL DVD-ROM");
    EXPECT_TRUE(driver.state().isMmc);
    EXPECT_FALSE(driver.state().badTypeOneGetConfiguration);
    EXPECT_TRUE(driver.state().mmcUpdateRequired) << "the first queued request refreshes (§7.6)";
    // 29/00 falls through to the sense-key table (+2), 28/00 is handled by ASC (+1) and makes the medium present (+1).
    EXPECT_EQ(driver.state().mediaChangeCount, 4u);
}

}  // namespace
}  // namespace cdcts::classdriver
