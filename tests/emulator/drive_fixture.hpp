#pragma once
// A VirtualDrive on a virtual clock, with helpers to send a CDB and look at the sense.
#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/virtual_drive.hpp"

namespace cdcts::emulator::testing_support {

class DriveFixture : public ::testing::Test {
protected:
    VirtualClock clock;
    VirtualDrive drive{*findDriveProfile("dvd_rom"), clock};

    mmc::CommandResult send(std::initializer_list<std::uint8_t> cdb, std::vector<std::uint8_t>& data,
                            mmc::DataDirection dir = mmc::DataDirection::In)
    {
        const std::vector<std::uint8_t> bytes(cdb);
        return drive.execute(bytes, data, dir, std::chrono::seconds(10));
    }
    mmc::CommandResult send(std::initializer_list<std::uint8_t> cdb)
    {
        std::vector<std::uint8_t> none;
        return send(cdb, none, mmc::DataDirection::None);
    }
    // Consumes the power-on and medium-change unit attentions a fresh drive reports, and lets the virtual
    // clock run through the spin-up of a disc just loaded (02/04/01 until then).
    void settle()
    {
        for (int i = 0; i < 8; ++i) {
            const auto r = send({0x00, 0, 0, 0, 0, 0});
            if (r.good()) return;
            if (r.sense.code() == mmc::sense::NotReadyBecomingReady) clock.advance(drive.profile().timings.spinUp);
        }
    }
    void loadSynthetic(const char* kind)
    {
        drive.loadMedium(makeSyntheticDisc(kind));
        settle();
    }
};

inline ::testing::AssertionResult hasSense(const mmc::CommandResult& r, mmc::SenseCode expected)
{
    if (r.status != mmc::ScsiStatus::CheckCondition) return ::testing::AssertionFailure() << "status is not CHECK CONDITION";
    if (r.sense.code() != expected)
        return ::testing::AssertionFailure() << "sense is " << mmc::describe(r.sense.code()) << ", expected " << mmc::describe(expected);
    return ::testing::AssertionSuccess();
}

}  // namespace cdcts::emulator::testing_support
