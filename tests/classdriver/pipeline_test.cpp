// The request pipeline (§1): access check, normalisation, forwarding, codes not modelled yet, start-up.
#include <gtest/gtest.h>

#include <algorithm>

#include "harness/classdriver/dispatch_table.hpp"
#include "harness/core/bytes.hpp"
#include "harness/core/hex.hpp"
#include "harness/mmc/cdb.hpp"
#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/codes.hpp"
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

TEST(DispatchTable, EveryImplementedCatalogCodeHasARow)
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

class Pipeline : public testing_support::ModelFixture {};

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

TEST_F(Pipeline, CodesNotModelledYetSayNotImplemented)
{
    build("data");
    Bytes out(64);
    // Any row still without a handler (which ones shrinks as codes are modelled).
    const auto rows = dispatchTable();
    const auto unmodelled = std::find_if(rows.begin(), rows.end(), [](const DispatchRow& row) { return row.handle == nullptr && grants(HandleAccess::Read, row.code.access()); });
    if (unmodelled == rows.end()) GTEST_SKIP() << "every code is modelled";
    EXPECT_EQ(control(unmodelled->code, out).status, st::NotImplemented);
    EXPECT_TRUE(traffic().empty());
}

TEST_F(Pipeline, S1_Step1_ReadWriteCodesNeedAReadWriteHandle)
{
    build("data");
    Bytes out(72);
    EXPECT_EQ(control(codes::CdromExclusiveAccess, out).status, st::AccessDenied);
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
