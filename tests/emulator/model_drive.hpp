#pragma once
// A DriveFixture whose drive is any of the built-in models, and readers for the sense-key-specific bytes.
#include <memory>

#include "drive_fixture.hpp"
#include "harness/core/bytes.hpp"

namespace cdcts::emulator::testing_support {

class ModelDriveFixture : public DriveFixture {
protected:
    // Replaces the fixture's drive by a fresh one of `model` (power-on unit attention pending). A VirtualDrive
    // holds references, so it is rebuilt in place rather than assigned.
    void useModel(const char* model)
    {
        const DriveProfile* profile = findDriveProfile(model);
        ASSERT_NE(profile, nullptr) << model;
        drive.~VirtualDrive();
        new (&drive) VirtualDrive(*profile, clock);
    }
    // Sends a data-out command (MODE SELECT).
    mmc::CommandResult sendOut(std::initializer_list<std::uint8_t> cdb, std::vector<std::uint8_t> parameters)
    {
        return send(cdb, parameters, mmc::DataDirection::Out);
    }
    std::vector<std::uint8_t> dataOf(std::initializer_list<std::uint8_t> cdb, std::size_t buffer = 4096)
    {
        std::vector<std::uint8_t> data(buffer);
        const auto r = send(cdb, data);
        EXPECT_TRUE(r.good()) << mmc::describe(r.sense.code());
        data.resize(r.transferred);
        return data;
    }
};

// SKSV set, C/D as given, BPV with `bit`, and the field pointer (SPC-4 §4.5.2.4.2).
inline ::testing::AssertionResult pointsAt(const mmc::CommandResult& r, bool inCdb, std::uint16_t byte, std::uint8_t bit)
{
    const auto& s = r.sense.bytes;
    const std::uint8_t expected = static_cast<std::uint8_t>(0x80 | (inCdb ? 0x40 : 0) | 0x08 | bit);
    if (s[15] != expected || loadBe16(&s[16]) != byte)
        return ::testing::AssertionFailure() << "sense key specific " << int(s[15]) << " pointer " << loadBe16(&s[16]) << ", expected "
                                             << int(expected) << " pointer " << byte;
    return ::testing::AssertionSuccess();
}

}  // namespace cdcts::emulator::testing_support
