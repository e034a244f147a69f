// TimeOutValue, the device's default command timeout (ioctl-contracts.md §0.2): 10 s, or the registry's
// Parameters\TimeOutValue, raised to at least 260 s at the end of start-up when the drive can write; and how
// start-up decides that a drive is a writer (§0.2; DeviceUpdateMmcWriteCapability over the §7.6 capability buffer).
// The timeout is measured as the drive sees it: a hung command is retried after its timeout plus §8.3's 1 s.
#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <vector>

#include "harness/classdriver/mmc_capabilities.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/structures/speed.hpp"
#include "bytes_of.hpp"
#include "model_fixture.hpp"

namespace cdcts::classdriver {
namespace {
using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

class DeviceTimeout : public testing_support::ModelFixture {
protected:
    // The timeout the drive sees for `opcode` when `code` sends it: the gap between the first two attempts of
    // the hung command, less the 1 s SRB-timeout retry delay (§8.3).
    Nanoseconds timeoutOf(ioctl::ControlCode code, std::uint8_t opcode)
    {
        device->drive().trace().clear();
        device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = opcode, .count = 2});
        Bytes out(64);
        (void)handle->control(code, {}, out);
        std::vector<Nanoseconds> attempts;
        for (const auto& e : traffic())
            if (e.opcode() == opcode) attempts.push_back(e.at);
        if (attempts.size() < 2) {
            ADD_FAILURE() << "the hung command was not retried";
            return Nanoseconds{0};
        }
        return attempts[1] - attempts[0] - 1s;
    }
};

constexpr std::uint8_t kPauseResume = 0x4B;  // RESUME_AUDIO: a command with the default timeout (§6)
constexpr std::uint8_t kTestUnitReady = 0x00;

TEST_F(DeviceTimeout, S0_2_AReaderUsesTenSeconds)
{
    build("audio", {}, HandleAccess::Read, "dvd_rom");
    EXPECT_FALSE(device->driver().stateForTesting().isWriter);
    EXPECT_EQ(timeoutOf(ioctl::codes::CdromResumeAudio, kPauseResume), 10s);
}

TEST_F(DeviceTimeout, S0_2_AWriterUsesAtLeast260Seconds)
{
    for (const char* profile : {"dvdrw_writer", "slim_slot"}) {
        build("audio", {}, HandleAccess::Read, profile);
        EXPECT_TRUE(device->driver().stateForTesting().isWriter) << profile;
        EXPECT_EQ(timeoutOf(ioctl::codes::CdromResumeAudio, kPauseResume), 260s) << profile;
    }
}

TEST_F(DeviceTimeout, S3_14_SendOpcInformationGets260SecondsOnAWriter)
{
    build("audio", {}, HandleAccess::ReadWrite, "dvdrw_writer");
    device->drive().faults().addCommandFault({.kind = emulator::CommandFaultKind::Hang, .opcode = 0x54, .count = 2});
    const ioctl::CDROM_SIMPLE_OPC_INFO info{ioctl::SimpleOpcInfo, 1, 1};
    (void)handle->control(ioctl::codes::CdromSendOpcInformation, testing_support::bytesOf(info), {});
    std::vector<Nanoseconds> attempts;
    for (const auto& e : traffic())
        if (e.opcode() == 0x54) attempts.push_back(e.at);
    ASSERT_GE(attempts.size(), 2u);
    EXPECT_EQ(attempts[1] - attempts[0], 261s) << "260 s, then the 1 s SRB-timeout retry delay";
}

TEST_F(DeviceTimeout, S0_2_FixedTimeoutsStayFixedOnAWriter)
{
    build("audio", {}, HandleAccess::Read, "dvdrw_writer");
    EXPECT_EQ(timeoutOf(ioctl::codes::CdromCheckVerify, kTestUnitReady), 20s) << "TEST UNIT READY keeps its 20 s";
}

TEST_F(DeviceTimeout, S0_2_TheRegistryValueReplacesTheTenSeconds)
{
    ClassDriverSettings settings;
    settings.registryTimeOutValue = 30s;
    build("audio", settings, HandleAccess::Read, "dvd_rom");
    EXPECT_EQ(timeoutOf(ioctl::codes::CdromResumeAudio, kPauseResume), 30s);
}

TEST_F(DeviceTimeout, S0_2_ARegistryValueAbove260SecondsStaysOnAWriter)
{
    ClassDriverSettings settings;
    settings.registryTimeOutValue = 600s;
    build("audio", settings, HandleAccess::Read, "dvdrw_writer");
    EXPECT_EQ(timeoutOf(ioctl::codes::CdromResumeAudio, kPauseResume), 600s) << "max(TimeOutValue, 260 s)";
}

TEST_F(DeviceTimeout, S0_2_RegistryValuesOutsideOneSecondToThirtyMinutesAreIgnored)
{
    for (const auto value : {0s, 1801s}) {
        ClassDriverSettings settings;
        settings.registryTimeOutValue = value;
        build("audio", settings, HandleAccess::Read, "dvd_rom");
        EXPECT_EQ(timeoutOf(ioctl::codes::CdromResumeAudio, kPauseResume), 10s) << value.count() << " s";
    }
}

// Capability buffers written by hand: an 8-byte header, then feature descriptors (MMC-6 §5.2, §5.3).
Bytes configuration(std::initializer_list<Bytes> features)
{
    Bytes out(8, 0);
    for (const Bytes& f : features) out.insert(out.end(), f.begin(), f.end());
    storeBe32(&out[0], static_cast<std::uint32_t>(out.size() - 4));
    return out;
}

// A feature descriptor with no data after its header (additional length 0), current.
Bytes bare(std::uint16_t code) { return {static_cast<std::uint8_t>(code >> 8), static_cast<std::uint8_t>(code), 0x01, 0x00}; }

// The profile list (feature 0000h, current) with the given profiles, none of them current.
Bytes profileList(std::initializer_list<std::uint16_t> profiles, bool current = true)
{
    Bytes f{0x00, 0x00, static_cast<std::uint8_t>(current ? 0x03 : 0x02), static_cast<std::uint8_t>(profiles.size() * 4)};
    for (const std::uint16_t p : profiles) f.insert(f.end(), {static_cast<std::uint8_t>(p >> 8), static_cast<std::uint8_t>(p), 0, 0});
    return f;
}

TEST(WriterDetection, S0_2_ReadOnlyProfilesAndFeaturesAreNotAWriter)
{
    // DVD-ROM (0010h) and CD-ROM (0008h), Core, Removable Medium, Random Readable, CD Read, DVD Read.
    EXPECT_FALSE(driveCanWrite(configuration({profileList({0x0010, 0x0008}), bare(0x0001), bare(0x0003), bare(0x0010), bare(0x001E), bare(0x001F)})));
    EXPECT_FALSE(driveCanWrite({}));
}

TEST(WriterDetection, S0_2_AnyOfTheFourWriteFeaturesMakesAWriter)
{
    // Random Writable 0020h, Rigid Restricted Overwrite 002Ch, Restricted Overwrite 0026h, Incremental Streaming
    // Writable 0021h; present is enough, current or not (CurrentOnly = FALSE).
    for (const std::uint16_t code : std::initializer_list<std::uint16_t>{0x0020, 0x002C, 0x0026, 0x0021}) {
        Bytes f = bare(code);
        f[2] = 0x00;  // not current
        EXPECT_TRUE(driveCanWrite(configuration({profileList({0x0008}), f}))) << std::hex << code;
    }
    EXPECT_FALSE(driveCanWrite(configuration({profileList({0x0008}), bare(0x0024)}))) << "Defect Management alone";
}

TEST(WriterDetection, S0_2_DvdPlusRCountsOnlyWithItsWriteBit)
{
    for (const std::uint16_t code : std::initializer_list<std::uint16_t>{0x002B, 0x003B}) {  // DVD+R, DVD+R Dual Layer: byte 4 bit 0 Write
        const auto withByte4 = [code](std::uint8_t b4) {
            return Bytes{static_cast<std::uint8_t>(code >> 8), static_cast<std::uint8_t>(code), 0x01, 0x04, b4, 0, 0, 0};
        };
        EXPECT_TRUE(driveCanWrite(configuration({profileList({0x0008}), withByte4(0x01)}))) << std::hex << code;
        EXPECT_FALSE(driveCanWrite(configuration({profileList({0x0008}), withByte4(0x00)}))) << std::hex << code;
        EXPECT_FALSE(driveCanWrite(configuration({profileList({0x0008}), bare(code)}))) << std::hex << code << " without byte 4";
    }
}

TEST(WriterDetection, S0_2_WriterProfilesCountWhenTheWriteFeaturesAreMissing)
{
    // DVD-RW restricted overwrite 0013h, CD-RW 000Ah, DVD-R 0011h, CD-R 0009h: listed is enough.
    for (const std::uint16_t profile : std::initializer_list<std::uint16_t>{0x0013, 0x000A, 0x0011, 0x0009})
        EXPECT_TRUE(driveCanWrite(configuration({profileList({0x0008, profile})}))) << std::hex << profile;
    // Other writable profiles are not on the sample's list: DVD+RW 001Ah, DVD-RW sequential 0014h, DVD-RAM 0012h.
    EXPECT_FALSE(driveCanWrite(configuration({profileList({0x001A, 0x0014, 0x0012})})));
    // A profile list not flagged current is not read.
    EXPECT_FALSE(driveCanWrite(configuration({profileList({0x0009}, false)})));
}

TEST(WriterDetection, S0_2_ATruncatedFeatureIsNotTrusted)
{
    Bytes c = configuration({profileList({0x0008}), bare(0x0020)});
    storeBe32(&c[0], static_cast<std::uint32_t>(c.size() - 4 - 4));  // DataLength ends before Random Writable
    EXPECT_FALSE(driveCanWrite(c));
}

}  // namespace
}  // namespace cdcts::classdriver
