// GET_CONFIGURATION feature data decoded field by field (ioctl-contracts.md §3.8: the drive's bytes pass through
// unchanged). Every descriptor below is written byte by byte from the MMC-6 §5.3 feature tables.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decode.hpp"
#include "tests/ioctl/decoded_lookup.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;
using test::at;
using test::numberAt;

// A GET CONFIGURATION reply: 8-byte header (DataLength BE32 counting the bytes after itself, CurrentProfile
// 0008h CD-ROM) followed by the given feature descriptors.
Buffer reply(std::initializer_list<Buffer> features)
{
    Buffer out = {0, 0, 0, 0, 0, 0, 0x00, 0x08};
    for (const Buffer& f : features) out.insert(out.end(), f.begin(), f.end());
    const auto length = static_cast<std::uint32_t>(out.size() - 4);
    out[0] = static_cast<std::uint8_t>(length >> 24);
    out[1] = static_cast<std::uint8_t>(length >> 16);
    out[2] = static_cast<std::uint8_t>(length >> 8);
    out[3] = static_cast<std::uint8_t>(length);
    return out;
}

Buffer ascii(const std::string& text)
{
    return Buffer(text.begin(), text.end());
}

Buffer concat(Buffer head, const Buffer& tail)
{
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

Decoded decodeOne(const Buffer& feature)
{
    const Decoded d = *decodeOutput(codes::CdromGetConfiguration, Buffer(24, 0), reply({feature}));
    const Decoded* f = d.child("Feature[0]");
    if (f == nullptr) {
        ADD_FAILURE() << d.toText();
        return {};
    }
    return *f;
}

TEST(DecodeFeatures, S3_8_CoreMorphingRemovableMedium)
{
    // 0001h Core v2: Physical Interface Standard 7 (Serial ATAPI), DBE and INQ2 set.
    const Decoded core = decodeOne({0x00, 0x01, 0x0B, 0x08, 0x00, 0x00, 0x00, 0x07, 0x03, 0x00, 0x00, 0x00});
    EXPECT_EQ(core.value, "0x0001 Core");
    EXPECT_EQ(at(core, "PhysicalInterface").value, "7 (Serial ATAPI)");
    EXPECT_EQ(numberAt(core, "DeviceBusyEvent"), 1);
    EXPECT_EQ(numberAt(core, "INQUIRY2"), 1);
    EXPECT_FALSE(core.hasNote()) << core.toText();

    // 0002h Morphing: OCEvent only.
    const Decoded morphing = decodeOne({0x00, 0x02, 0x07, 0x04, 0x02, 0x00, 0x00, 0x00});
    EXPECT_EQ(numberAt(morphing, "Asynchronous"), 0);
    EXPECT_EQ(numberAt(morphing, "OCEvent"), 1);

    // 0003h Removable Medium: byte 4 = 0011 1001b: Lock, Eject, Load, Loading Mechanism 001b (tray).
    const Decoded removable = decodeOne({0x00, 0x03, 0x03, 0x04, 0x39, 0x00, 0x00, 0x00});
    EXPECT_EQ(numberAt(removable, "Lockable"), 1);
    EXPECT_EQ(numberAt(removable, "DBML"), 0);
    EXPECT_EQ(numberAt(removable, "DefaultToPrevent"), 0);
    EXPECT_EQ(numberAt(removable, "Eject"), 1);
    EXPECT_EQ(numberAt(removable, "Load"), 1);
    EXPECT_EQ(numberAt(removable, "LoadingMechanism"), 1);
    EXPECT_EQ(at(removable, "LoadingMechanism").value, "1 (tray)");
}

TEST(DecodeFeatures, S3_8_ReadFeatures)
{
    // 0010h Random Readable: Logical Block Size 2048, Blocking 16, PP.
    const Decoded random = decodeOne({0x00, 0x10, 0x01, 0x08, 0x00, 0x00, 0x08, 0x00, 0x00, 0x10, 0x01, 0x00});
    EXPECT_EQ(numberAt(random, "LogicalBlockSize"), 2048);
    EXPECT_EQ(numberAt(random, "Blocking"), 16);
    EXPECT_EQ(numberAt(random, "ErrorRecoveryPagePresent"), 1);

    // 001Dh Multi-Read: no data, nothing to say.
    const Decoded multi = decodeOne({0x00, 0x1D, 0x01, 0x00});
    EXPECT_EQ(multi.value, "0x001D MultiRead");
    EXPECT_FALSE(multi.hasNote()) << multi.toText();

    // 001Eh CD Read v2: CD-Text, C2 Flags, DAP (byte 4 = 1000 0011b).
    const Decoded cd = decodeOne({0x00, 0x1E, 0x09, 0x04, 0x83, 0x00, 0x00, 0x00});
    EXPECT_EQ(numberAt(cd, "CDText"), 1);
    EXPECT_EQ(numberAt(cd, "C2ErrorData"), 1);
    EXPECT_EQ(numberAt(cd, "DigitalAudioPlay"), 1);

    // 001Fh DVD Read v1: MULTI110, DUAL-RW but not DUAL-R.
    const Decoded dvd = decodeOne({0x00, 0x1F, 0x05, 0x04, 0x01, 0x00, 0x02, 0x00});
    EXPECT_EQ(numberAt(dvd, "Multi110"), 1);
    EXPECT_EQ(numberAt(dvd, "DualDashR"), 0);
    EXPECT_EQ(numberAt(dvd, "DualDashRW"), 1);
}

TEST(DecodeFeatures, S3_8_WriteFeatures)
{
    // 0021h Incremental Streaming Writable: data types 000Fh, BUF and TRIO (byte 6 = 101b), two link sizes 7, 16.
    const Decoded inc = decodeOne({0x00, 0x21, 0x04, 0x08, 0x00, 0x0F, 0x05, 0x02, 0x07, 0x10, 0x00, 0x00});
    EXPECT_EQ(at(inc, "DataTypeSupported").value, "0x000F");
    EXPECT_EQ(numberAt(inc, "BufferUnderrunFree"), 1);
    EXPECT_EQ(numberAt(inc, "AddressModeReservation"), 0);
    EXPECT_EQ(numberAt(inc, "TrackRessourceInformation"), 1);
    EXPECT_EQ(numberAt(inc, "NumberOfLinkSizes"), 2);
    EXPECT_EQ(numberAt(inc, "LinkSize[0]"), 7);
    EXPECT_EQ(numberAt(inc, "LinkSize[1]"), 16);
    EXPECT_EQ(inc.child("LinkSize[2]"), nullptr);
    EXPECT_FALSE(inc.hasNote()) << inc.toText();

    // 002Dh CD Track at Once: Test Write, CD-RW, BUF (byte 4 = 0100 0110b), Data Type Supported 0x0FFF.
    const Decoded tao = decodeOne({0x00, 0x2D, 0x09, 0x04, 0x46, 0x00, 0x0F, 0xFF});
    EXPECT_EQ(numberAt(tao, "RWSubchannelsRecordable"), 0);
    EXPECT_EQ(numberAt(tao, "CdRewritable"), 1);
    EXPECT_EQ(numberAt(tao, "TestWriteOk"), 1);
    EXPECT_EQ(numberAt(tao, "BufferUnderrunFree"), 1);
    EXPECT_EQ(numberAt(tao, "DataTypeSupported"), 0x0FFF);

    // 002Eh CD Mastering: SAO, Test Write, BUF (0110 0100b), Maximum Cue Sheet Length 00 10 00 = 4096.
    const Decoded sao = decodeOne({0x00, 0x2E, 0x01, 0x04, 0x64, 0x00, 0x10, 0x00});
    EXPECT_EQ(numberAt(sao, "SessionAtOnceOk"), 1);
    EXPECT_EQ(numberAt(sao, "RawRecordingOk"), 0);
    EXPECT_EQ(numberAt(sao, "TestWriteOk"), 1);
    EXPECT_EQ(numberAt(sao, "BufferUnderrunFree"), 1);
    EXPECT_EQ(numberAt(sao, "MaximumCueSheetLength"), 4096);

    // 002Fh DVD-R/-RW Write: DVD-RW SL and Test Write (0000 0110b).
    const Decoded dvdr = decodeOne({0x00, 0x2F, 0x05, 0x04, 0x06, 0x00, 0x00, 0x00});
    EXPECT_EQ(numberAt(dvdr, "DVD_RW"), 1);
    EXPECT_EQ(numberAt(dvdr, "TestWrite"), 1);
    EXPECT_EQ(numberAt(dvdr, "RDL"), 0);
    EXPECT_EQ(numberAt(dvdr, "BufferUnderrunFree"), 0);
}

TEST(DecodeFeatures, S3_8_DriveFeatures)
{
    // 0100h Power Management: no data.
    EXPECT_FALSE(decodeOne({0x01, 0x00, 0x03, 0x00}).hasNote());

    // 0101h SMART: PP.
    EXPECT_EQ(numberAt(decodeOne({0x01, 0x01, 0x03, 0x04, 0x01, 0, 0, 0}), "FaultFailureReportingPagePresent"), 1);

    // 0102h Embedded Changer: SDP (bit 2) and SCC (bit 4), Highest Slot Number 5.
    const Decoded changer = decodeOne({0x01, 0x02, 0x03, 0x04, 0x14, 0x00, 0x00, 0x05});
    EXPECT_EQ(numberAt(changer, "SupportsDiscPresent"), 1);
    EXPECT_EQ(numberAt(changer, "SideChangeCapable"), 1);
    EXPECT_EQ(numberAt(changer, "HighestSlotNumber"), 5);

    // 0103h CD Audio External Play: SV, SCM, Scan; 256 volume levels.
    const Decoded audio = decodeOne({0x01, 0x03, 0x01, 0x04, 0x07, 0x00, 0x01, 0x00});
    EXPECT_EQ(numberAt(audio, "SeperateVolume"), 1);
    EXPECT_EQ(numberAt(audio, "SeperateChannelMute"), 1);
    EXPECT_EQ(numberAt(audio, "ScanSupported"), 1);
    EXPECT_EQ(numberAt(audio, "NumberOfVolumeLevels"), 256);

    // 0104h Microcode Upgrade: M5.
    EXPECT_EQ(numberAt(decodeOne({0x01, 0x04, 0x07, 0x04, 0x01, 0, 0, 0}), "M5"), 1);

    // 0105h Timeout v1: Group 3, Unit Length 512.
    const Decoded timeout = decodeOne({0x01, 0x05, 0x07, 0x04, 0x01, 0x00, 0x02, 0x00});
    EXPECT_EQ(numberAt(timeout, "Group3"), 1);
    EXPECT_EQ(numberAt(timeout, "UnitLength"), 512);

    // 0106h DVD CSS: CSS version 1 in byte 7.
    EXPECT_EQ(numberAt(decodeOne({0x01, 0x06, 0x01, 0x04, 0, 0, 0, 0x01}), "CssVersion"), 1);

    // 0107h Real Time Streaming v3: SW, WSPD, MP2A, SCS, RBCB all set (0001 1111b).
    const Decoded rt = decodeOne({0x01, 0x07, 0x0D, 0x04, 0x1F, 0x00, 0x00, 0x00});
    for (const char* bit : {"StreamRecording", "WriteSpeedInGetPerf", "WriteSpeedInMP2A", "SetCDSpeed",
                            "ReadBufferCapacityBlock"})
        EXPECT_EQ(numberAt(rt, bit), 1) << bit;

    // 010Bh DVD CPRM: CPRM version 1.
    EXPECT_EQ(numberAt(decodeOne({0x01, 0x0B, 0x01, 0x04, 0, 0, 0, 0x01}), "CPRMVersion"), 1);

    // 010Dh AACS: BNG, block count 16, 4 AGIDs, AACS version 1.
    const Decoded aacs = decodeOne({0x01, 0x0D, 0x05, 0x04, 0x01, 0x10, 0x04, 0x01});
    EXPECT_EQ(numberAt(aacs, "BindingNonceGeneration"), 1);
    EXPECT_EQ(numberAt(aacs, "BindingNonceBlockCount"), 16);
    EXPECT_EQ(numberAt(aacs, "NumberOfAGIDs"), 4);
    EXPECT_EQ(numberAt(aacs, "AACSVersion"), 1);
}

TEST(DecodeFeatures, S3_8_SerialNumberFirmwareAndDcbLists)
{
    // 0108h Logical Unit Serial Number: ASCII, as long as Additional Length says.
    const Decoded serial = decodeOne(concat({0x01, 0x08, 0x03, 0x08}, ascii("SN012345")));
    EXPECT_EQ(serial.value, "0x0108 LogicalUnitSerialNumber");
    EXPECT_EQ(at(serial, "SerialNumber").value, "SN012345");

    // 010Ch Firmware Information: Century..Second as two ASCII digits each, then 2 reserved bytes.
    const Decoded firmware = decodeOne(concat(concat({0x01, 0x0C, 0x03, 0x10}, ascii("20240131235958")), {0, 0}));
    EXPECT_EQ(at(firmware, "Century").value, "20");
    EXPECT_EQ(at(firmware, "Year").value, "24");
    EXPECT_EQ(at(firmware, "Month").value, "01");
    EXPECT_EQ(at(firmware, "Day").value, "31");
    EXPECT_EQ(at(firmware, "Hour").value, "23");
    EXPECT_EQ(at(firmware, "Minute").value, "59");
    EXPECT_EQ(at(firmware, "Seconds").value, "58");
    EXPECT_FALSE(firmware.hasNote()) << firmware.toText();

    // 010Ah Disc Control Blocks: two 4-byte Supported DCB entries.
    const Decoded dcb = decodeOne({0x01, 0x0A, 0x01, 0x08, 0x46, 0x44, 0x43, 0x00, 0x53, 0x44, 0x43, 0x00});
    EXPECT_EQ(numberAt(dcb, "SupportedDCBEntry[0]"), 0x46444300);
    EXPECT_EQ(at(dcb, "SupportedDCBEntry[1]").value, "0x53444300");
}

TEST(DecodeFeatures, S3_8_UnknownFeatureStaysHexWithANote)
{
    const Decoded vendor = decodeOne({0xFF, 0x01, 0x01, 0x04, 0xDE, 0xAD, 0xBE, 0xEF});
    EXPECT_EQ(vendor.value, "0xFF01");
    EXPECT_EQ(at(vendor, "Data").value, "de ad be ef");
    EXPECT_TRUE(vendor.hasNote());
    EXPECT_NE(vendor.toText().find("not known"), std::string::npos) << vendor.toText();
    EXPECT_FALSE(hasFeatureDecoder(0xFF01));
    EXPECT_TRUE(hasFeatureDecoder(0x0107));
}

TEST(DecodeFeatures, S3_8_OlderAndNewerVersionsOfAFeature)
{
    // Core with Additional Length 4 (MMC-3 version 0): byte 8 is not there, so DBE and INQ2 are named as absent.
    const Decoded old = decodeOne({0x00, 0x01, 0x03, 0x04, 0x00, 0x00, 0x00, 0x02});
    EXPECT_EQ(numberAt(old, "PhysicalInterface"), 2);
    EXPECT_EQ(old.child("DeviceBusyEvent"), nullptr);
    EXPECT_NE(old.toText().find("DeviceBusyEvent, INQUIRY2"), std::string::npos) << old.toText();

    // Morphing with Additional Length 8: the four bytes past MMC-6's layout are kept as hex.
    const Decoded later = decodeOne({0x00, 0x02, 0x0B, 0x08, 0x03, 0, 0, 0, 0xAA, 0xBB, 0xCC, 0xDD});
    EXPECT_EQ(numberAt(later, "Asynchronous"), 1);
    EXPECT_EQ(at(later, "Data").value, "aa bb cc dd");
    EXPECT_TRUE(later.hasNote());
}

TEST(DecodeFeatures, S3_8_LinkSizeListCutShort)
{
    // Layer Jump Recording announcing 4 link sizes in a descriptor that holds 2 of them.
    const Decoded jump = decodeOne({0x00, 0x33, 0x01, 0x06, 0, 0, 0, 0x04, 0x01, 0x02});
    EXPECT_EQ(numberAt(jump, "NumberOfLinkSizes"), 4);
    EXPECT_EQ(numberAt(jump, "LinkSize[1]"), 2);
    EXPECT_EQ(jump.child("LinkSize[2]"), nullptr);
    EXPECT_TRUE(jump.hasNote());
}

TEST(DecodeFeatures, S3_8_SeveralFeaturesInOneReply)
{
    const Decoded d = *decodeOutput(codes::CdromGetConfiguration, Buffer(24, 0),
                                    reply({{0x00, 0x1E, 0x09, 0x04, 0x80, 0, 0, 0},
                                           {0x01, 0x07, 0x0D, 0x04, 0x08, 0, 0, 0},
                                           {0x01, 0x00, 0x03, 0x00}}));
    EXPECT_EQ(numberAt(at(d, "Feature[0]"), "DigitalAudioPlay"), 1);
    EXPECT_EQ(numberAt(at(d, "Feature[1]"), "SetCDSpeed"), 1);
    EXPECT_EQ(numberAt(at(d, "Feature[1]"), "StreamRecording"), 0);
    EXPECT_EQ(at(d, "Feature[2]").value, "0x0100 PowerManagement");
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

}  // namespace
}  // namespace cdcts::ioctl
