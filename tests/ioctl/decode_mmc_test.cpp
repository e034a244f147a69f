// GET_CONFIGURATION and GET_PERFORMANCE replies, decoded from hand-built MMC byte buffers.
#include <gtest/gtest.h>

#include <vector>

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decode.hpp"
#include "tests/ioctl/decoded_lookup.hpp"
#include "harness/ioctl/feature_names.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;

using test::at;
using test::numberAt;

// Header (CD-ROM current), Profile List (CD-RW, CD-ROM current), Core (version 2, 8 data bytes).
const Buffer kConfiguration = {
    0x00, 0x00, 0x00, 0x1C, 0x00, 0x00, 0x00, 0x08,  // DataLength 28, CurrentProfile 0008h
    0x00, 0x00, 0x03, 0x08,                          // feature 0000h, current, persistent, 8 bytes
    0x00, 0x0A, 0x00, 0x00, 0x00, 0x08, 0x01, 0x00,  // CD-RW; CD-ROM (current)
    0x00, 0x01, 0x0B, 0x08,                          // feature 0001h, current, persistent, version 2
    0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x00,
};

TEST(DecodeConfiguration, HeaderAndFeatures)
{
    const Decoded d = *decodeOutput(codes::CdromGetConfiguration, Buffer(24, 0), kConfiguration);
    EXPECT_EQ(d.name, "GET_CONFIGURATION_HEADER");
    EXPECT_EQ(numberAt(d, "DataLength"), 28);
    EXPECT_EQ(numberAt(d, "CurrentProfile"), 8);
    EXPECT_EQ(at(d, "CurrentProfile").value, "0x0008 CD-ROM");

    const Decoded& profiles = at(d, "Feature[0]");
    EXPECT_EQ(profiles.value, "0x0000 ProfileList");
    EXPECT_EQ(numberAt(profiles, "Current"), 1);
    EXPECT_EQ(numberAt(profiles, "Persistent"), 1);
    EXPECT_EQ(numberAt(profiles, "AdditionalLength"), 8);
    EXPECT_EQ(at(profiles, "Profile[0]").value, "0x000A CD-RW");
    EXPECT_EQ(at(profiles, "Profile[1]").value, "0x0008 CD-ROM (current)");

    const Decoded& core = at(d, "Feature[1]");
    EXPECT_EQ(core.value, "0x0001 Core");
    EXPECT_EQ(numberAt(core, "Version"), 2);
    // MMC-6 Core: bytes 4-7 Physical Interface Standard 2 (ATAPI), byte 8 bit 0 DBE.
    EXPECT_EQ(numberAt(core, "PhysicalInterface"), 2);
    EXPECT_EQ(at(core, "PhysicalInterface").value, "2 (ATAPI)");
    EXPECT_EQ(numberAt(core, "DeviceBusyEvent"), 1);
    EXPECT_EQ(numberAt(core, "INQUIRY2"), 0);
    EXPECT_EQ(core.child("Data"), nullptr);
    EXPECT_EQ(d.child("Feature[2]"), nullptr);
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

TEST(DecodeConfiguration, CutShortByTheAllocationLength)
{
    const Buffer cut(kConfiguration.begin(), kConfiguration.begin() + 26);
    const Decoded d = *decodeOutput(codes::CdromGetConfiguration, {}, cut);
    EXPECT_NE(d.child("Feature[0]"), nullptr);
    const Decoded& core = at(d, "Feature[1]");
    EXPECT_EQ(core.value, "0x0001 Core");
    EXPECT_TRUE(core.hasNote());
    const std::string text = d.toText();
    EXPECT_NE(text.find("cut short: 2 of 8 data bytes"), std::string::npos) << text;
    EXPECT_NE(text.find("DataLength announces 32 bytes, 26 returned"), std::string::npos) << text;

    const Decoded header = *decodeOutput(codes::CdromGetConfiguration, {}, Buffer{0x00, 0x00, 0x00, 0x1C, 0x00});
    EXPECT_EQ(numberAt(header, "DataLength"), 28);
    EXPECT_EQ(header.child("CurrentProfile"), nullptr);
    EXPECT_TRUE(header.hasNote());
}

TEST(DecodeConfiguration, FeatureAndProfileNames)
{
    EXPECT_EQ(featureName(0x001E), "CdRead");
    EXPECT_EQ(featureName(0x0107), "RealTimeStreaming");
    EXPECT_EQ(featureName(0x0110), "VCPS");
    EXPECT_EQ(featureName(0x0099), "");
    EXPECT_EQ(profileName(0x0009), "CD-R");
    EXPECT_EQ(profileName(0x001A), "DVD+RW");
    EXPECT_EQ(profileName(0x0043), "BD-RE");
    EXPECT_EQ(profileName(0x7777), "");
}

Buffer le32(std::initializer_list<std::uint32_t> values)
{
    Buffer b;
    for (std::uint32_t v : values)
        for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return b;
}

TEST(DecodePerformance, NominalDescriptors)
{
    const Buffer input = le32({1, 1, 1, 1, 0});  // CdromPerformanceRequest, read, nominal, 10/20, LBA 0
    const Buffer reply = {
        0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00,  // DataLength 20, Except 0, Write 0
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1B, 0x90,  // StartLba 0, 7056 kB/s
        0x00, 0x05, 0x7D, 0xA9, 0x00, 0x00, 0x1B, 0x90,  // EndLba 359849, 7056 kB/s
    };
    const Decoded d = *decodeOutput(codes::CdromGetPerformance, input, reply);
    EXPECT_EQ(d.name, "CDROM_PERFORMANCE_HEADER");
    EXPECT_EQ(numberAt(d, "DataLength"), 20);
    EXPECT_EQ(numberAt(d, "Except"), 0);
    const Decoded& n = at(d, "NominalPerformance[0]");
    EXPECT_EQ(numberAt(n, "StartLba"), 0);
    EXPECT_EQ(numberAt(n, "StartPerformance"), 7056);
    EXPECT_EQ(at(n, "StartPerformance").value, "7056 kB/s (40.0x CD)");
    EXPECT_EQ(numberAt(n, "EndLba"), 359849);
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

TEST(DecodePerformance, ExceptionDescriptors)
{
    const Buffer input = le32({1, 1, 3, 1, 0});  // exceptions only
    const Buffer reply = {
        0x00, 0x00, 0x00, 0x10, 0x01, 0x00, 0x00, 0x00,  // DataLength 16, Except 1
        0x00, 0x00, 0x10, 0x00, 0x00, 0x64,              // LBA 4096, 100
        0x00, 0x00, 0x20, 0x00, 0x01, 0x2C,              // LBA 8192, 300
    };
    const Decoded d = *decodeOutput(codes::CdromGetPerformance, input, reply);
    EXPECT_EQ(numberAt(d, "Except"), 1);
    EXPECT_EQ(numberAt(at(d, "ExceptionPerformance[0]"), "Lba"), 4096);
    EXPECT_EQ(numberAt(at(d, "ExceptionPerformance[0]"), "Time"), 100);
    EXPECT_EQ(numberAt(at(d, "ExceptionPerformance[1]"), "Lba"), 8192);
    EXPECT_EQ(numberAt(at(d, "ExceptionPerformance[1]"), "Time"), 300);
    EXPECT_FALSE(d.hasNote()) << d.toText();
}

// §3.12: Exceptions 2 (entire list) sends CDB Except 01b; the reply header's Except bit (MMC-6 GET PERFORMANCE)
// tells nominal from exception descriptors.
TEST(DecodePerformance, S3_12_EntireListFollowsTheHeaderExceptBit)
{
    const Buffer input = le32({1, 1, 2, 1, 0});  // entire performance list
    const Buffer exceptions = {
        0x00, 0x00, 0x00, 0x0A, 0x01, 0x00, 0x00, 0x00,  // DataLength 10, Except 1
        0x00, 0x00, 0x10, 0x00, 0x00, 0x64,              // LBA 4096, 100
    };
    const Decoded e = *decodeOutput(codes::CdromGetPerformance, input, exceptions);
    EXPECT_EQ(numberAt(at(e, "ExceptionPerformance[0]"), "Lba"), 4096);
    EXPECT_FALSE(e.hasNote()) << e.toText();

    const Buffer nominal = {
        0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00,  // DataLength 20, Except 0
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1B, 0x90,  // StartLba 0, 7056 kB/s
        0x00, 0x05, 0x7D, 0xA9, 0x00, 0x00, 0x1B, 0x90,  // EndLba 359849, 7056 kB/s
    };
    const Decoded n = *decodeOutput(codes::CdromGetPerformance, input, nominal);
    EXPECT_EQ(numberAt(at(n, "NominalPerformance[0]"), "EndLba"), 359849);
    EXPECT_FALSE(n.hasNote()) << n.toText();

    // A nominal request answered with Except 1 is decoded as asked, with a note.
    const Decoded odd = *decodeOutput(codes::CdromGetPerformance, le32({1, 1, 1, 1, 0}), exceptions);
    EXPECT_NE(odd.toText().find("does not match"), std::string::npos) << odd.toText();
}

TEST(DecodePerformance, WriteSpeedDescriptors)
{
    const Buffer input = le32({2});  // CdromWriteSpeedRequest
    const Buffer reply = {
        0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00,  //
        0x0A, 0x00, 0x00, 0x00, 0x00, 0x05, 0x7D, 0xA9,  // Exact, CAV, EndLba 359849
        0x00, 0x00, 0x1B, 0x90, 0x00, 0x00, 0x0D, 0xC8,  // read 7056, write 3528 kB/s
    };
    const Decoded d = *decodeOutput(codes::CdromGetPerformance, input, reply);
    const Decoded& w = at(d, "WriteSpeed[0]");
    EXPECT_EQ(numberAt(w, "Exact"), 1);
    EXPECT_EQ(numberAt(w, "MixedReadWrite"), 0);
    EXPECT_EQ(at(w, "WriteRotationControl").value, "1 (CAV)");
    EXPECT_EQ(numberAt(w, "EndLba"), 359849);
    EXPECT_EQ(numberAt(w, "ReadSpeed"), 7056);
    EXPECT_EQ(at(w, "WriteSpeed").value, "3528 kB/s (20.0x CD)");
}

TEST(DecodePerformance, CutShortAndWithoutInput)
{
    const Buffer reply = {0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x00,
                          0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1B, 0x90, 0x00, 0x05};
    const Decoded d = *decodeOutput(codes::CdromGetPerformance, {}, reply);
    EXPECT_EQ(d.child("NominalPerformance[0]"), nullptr);  // only 10 of 16 bytes
    const std::string text = d.toText();
    EXPECT_NE(text.find("no usable CDROM_PERFORMANCE_REQUEST input"), std::string::npos) << text;
    EXPECT_NE(text.find("DataLength announces 40 bytes, 18 returned"), std::string::npos) << text;

    const Decoded tiny = *decodeOutput(codes::CdromGetPerformance, {}, Buffer(8, 0x00));
    EXPECT_TRUE(tiny.hasNote());  // DataLength 0 does not even cover the header's last 4 bytes
}

}  // namespace
}  // namespace cdcts::ioctl
