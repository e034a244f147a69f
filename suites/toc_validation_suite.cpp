// IOCTL_CDROM_READ_TOC_EX's V-stage (ioctl-contracts.md §3.17 rows 1-7), with or without a disc: every row as a
// negative case with the caller's buffer left as it was, and the rows' order.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "suites/toc_support.hpp"

namespace cdcts::suites {
namespace {

using namespace toc;  // the vocabulary the TOC suites share (suites/toc_support.hpp)
using fixtures::Requirement;

// --- READ_TOC_EX V-stage (§3.17 rows 1-7), with or without a disc ----------------------------------------------

class ReadTocExValidation : public TocTestOf<fixtures::DeviceParam> {};

TEST_P(ReadTocExValidation, RejectsAnInputShorterThanFourBytes)  // row 1
{
    const auto full = tocExInput(kFormatToc, false, 0);
    for (std::size_t inLen = 0; inLen < full.size(); ++inLen) {
        SCOPED_TRACE("InLen " + std::to_string(inLen));
        const Reply r = call(codes::CdromReadTocEx, std::span(full).first(inLen), alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InfoLengthMismatch);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsAnOutputShorterThanTwoBytes)  // row 2
{
    for (const std::size_t outLen : {0u, 1u}) {
        SCOPED_TRACE("OutLen " + std::to_string(outLen));
        const Reply r = readTocEx(kFormatToc, false, 0, outLen);
        EXPECT_THAT_STATUS(r.result.status, status::BufferTooSmall);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsAnOutputLongerThan65535Bytes)  // row 3
{
    const Reply r = readTocEx(kFormatToc, false, 0, 0x10000);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

TEST_P(ReadTocExValidation, RejectsReservedBits)  // row 5
{
    struct Case {
        const char* what;
        std::array<std::uint8_t, 4> input;
    };
    const Case cases[] = {{"Reserved1 bit 4", {0x10, 0, 0, 0}}, {"Reserved1 bit 5", {0x20, 0, 0, 0}}, {"Reserved1 bit 6", {0x40, 0, 0, 0}},
                          {"Reserved2", {0x00, 0, 1, 0}},       {"Reserved3", {0x00, 0, 0, 1}},       {"Reserved2 with Msf", {0x80, 0, 0x80, 0}}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        const Reply r = call(codes::CdromReadTocEx, c.input, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, RejectsASessionTrackForSessionPmaAndAtip)  // row 6
{
    for (const std::uint8_t format : {kFormatSession, kFormatPma, kFormatAtip})
        for (const bool msf : {false, true}) {
            SCOPED_TRACE("format " + std::to_string(format) + (msf ? " Msf 1" : " Msf 0"));
            const Reply r = readTocEx(format, msf, 1, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
            EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
            EXPECT_TRUE(untouchedFrom(r.buffer, 0));
        }
}

TEST_P(ReadTocExValidation, RejectsAnUnknownFormat)  // row 7
{
    for (std::uint8_t format = 6; format <= 15; ++format) {
        SCOPED_TRACE("format " + std::to_string(format));
        const Reply r = readTocEx(format, false, 0, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
        EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

TEST_P(ReadTocExValidation, ChecksTheRowsInTheContractsOrder)
{
    // The first failing row decides (§3 legend): each case breaks two rows and expects the earlier one's status.
    const auto bad = std::array<std::uint8_t, 4>{0x17, 1, 1, 1};  // format 7, reserved bits, a SessionTrack
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, std::span(bad).first(3), 0).result.status, status::InfoLengthMismatch) << "row 1 before row 2";
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, bad, 0).result.status, status::BufferTooSmall) << "row 2 before row 5";
    const auto session = tocExInput(kFormatSession, false, 1);
    EXPECT_THAT_STATUS(call(codes::CdromReadTocEx, session, 0).result.status, status::BufferTooSmall) << "row 2 before row 6";
}

class ReadTocExAlignment : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::AdapterKnown}; }
};

TEST_P(ReadTocExAlignment, RejectsALengthTheAdapterCannotAlign)  // row 4
{
    const std::uint32_t mask = device().adapter()->alignmentMask;
    if (mask == 0) GTEST_SKIP() << "NotSupported: the adapter of " << GetParam().id << " needs no alignment (mask 0)";
    const Reply r = readTocEx(kFormatToc, false, 0, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE) + 1);
    EXPECT_THAT_STATUS(r.result.status, status::InvalidParameter) << "alignment mask " << mask;
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class ReadTocExAccess : public TocTestOf<fixtures::DeviceParam> {
protected:
    HandleAccess handleAccess() const override { return HandleAccess::None; }
};

TEST_P(ReadTocExAccess, NeedsReadAccess)
{
    const Reply r = readTocEx(kFormatToc, false, 0, alignedUp(device(), ioctl::MAXIMUM_CDROM_SIZE));
    EXPECT_THAT_STATUS(r.result.status, status::AccessDenied);
    EXPECT_TRUE(untouchedFrom(r.buffer, 0));
}

class ReadTocExNoMedium : public TocTestOf<fixtures::DeviceParam> {
protected:
    std::vector<Requirement> requirements() const override { return {Requirement::MediumAbsent}; }
};

TEST_P(ReadTocExNoMedium, FailsWithNoMediaInDevice)
{
    for (const std::uint8_t format : {kFormatToc, kFormatSession, kFormatFullToc}) {
        SCOPED_TRACE("format " + std::to_string(format));
        const Reply r = readTocExAll(format, format != kFormatToc);
        EXPECT_THAT_STATUS(r.result.status, status::NoMediaInDevice);
        EXPECT_TRUE(untouchedFrom(r.buffer, 0));
    }
}

using fixtures::devices;

INSTANTIATE_TEST_SUITE_P(, ReadTocExValidation, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExAlignment, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExAccess, devices(), fixtures::DeviceParamName{});
INSTANTIATE_TEST_SUITE_P(, ReadTocExNoMedium, devices(), fixtures::DeviceParamName{});
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExValidation);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExAlignment);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExAccess);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReadTocExNoMedium);

}  // namespace
}  // namespace cdcts::suites
