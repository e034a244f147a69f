// A small gtest program for the JUnit crash test: it installs the cdcts listeners the way `cdcts run`
// does and runs tests that pass, skip, fail and kill their own process. The test in
// junit_crash_test.cpp runs it with a --gtest_filter per scenario and reads what it left on disk.
//
//     cdcts_junit_crash_probe <report.xml> [--probe-environment=skip] [--probe-extended] [gtest flags]
#include <csignal>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "reports/junit_listener.hpp"
#include "reports/run_summary.hpp"

namespace {

// Prints as "<device_id> key=value", the form the default DeviceOf reads.
struct ProbeDevice {
    std::string id;
};

void PrintTo(const ProbeDevice& device, std::ostream* out) { *out << device.id << " slot=1"; }

std::string deviceName(const testing::TestParamInfo<ProbeDevice>& info) { return info.param.id; }

// --- crash scenario: the kill must be the last test, nothing after it runs. ---
class CrashProbe : public testing::TestWithParam<ProbeDevice> {};

TEST_P(CrashProbe, Passes) {
    RecordProperty("read_speed_kbps", 7056);
    EXPECT_EQ(2 + 2, 4);
}

TEST_P(CrashProbe, SkipsWithoutMedium) { GTEST_SKIP() << "NotSupported: no medium"; }

TEST_P(CrashProbe, FailsTwice) {
    EXPECT_EQ(1, 2) << "first assertion";
    EXPECT_TRUE(false) << "second assertion";
}

TEST_P(CrashProbe, KillsItself) {
    ADD_FAILURE() << "last words before the kill";
    std::raise(SIGKILL);
}

INSTANTIATE_TEST_SUITE_P(Lab, CrashProbe, testing::Values(ProbeDevice{"emu_cd0"}), deviceName);

// --- two devices in one suite make two testsuites. ---
class TwoDevices : public testing::TestWithParam<ProbeDevice> {};

TEST_P(TwoDevices, ReadsToc) { SUCCEED(); }
TEST_P(TwoDevices, ReadsCapacity) { SUCCEED(); }

INSTANTIATE_TEST_SUITE_P(Lab, TwoDevices, testing::Values(ProbeDevice{"emu_a"}, ProbeDevice{"emu_b"}), deviceName);

// --- the verdicts beyond pass and fail, through the real listeners: a QualityWarning recorded the way
// DeviceTestCore::qualityWarning records it, a Waiver skip the way the device fixture writes it. ---
class RichVerdicts : public testing::TestWithParam<ProbeDevice> {};

TEST_P(RichVerdicts, PassesPoorly) { RecordProperty(cdcts::reports::kQualityWarningProperty, "INQUIRY ProductRevisionLevel is blank"); }
TEST_P(RichVerdicts, IsWaived) { GTEST_SKIP() << "Waiver: https://example.org/issues/42 (the firmware lags)"; }

INSTANTIATE_TEST_SUITE_P(Lab, RichVerdicts, testing::Values(ProbeDevice{"emu_cd0"}), deviceName);

// --- a failing SetUpTestSuite: gtest's own XML says failures="0" (conformance-conventions.md §3.2). ---
class SetUpFails : public testing::Test {
protected:
    static void SetUpTestSuite() { ADD_FAILURE() << "the drive did not answer TEST UNIT READY"; }
};

TEST_F(SetUpFails, First) {}
TEST_F(SetUpFails, Second) {}

// --- a GTEST_SKIP in a global Environment: gtest reports a pass (§3.2, trap 3). ---
class SkippingEnvironment : public testing::Environment {
public:
    void SetUp() override { GTEST_SKIP() << "NotSupported: no drive configured"; }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " <report.xml> [--probe-environment=skip] [--probe-extended] [gtest flags]\n";
        return 2;
    }
    const std::string reportPath = argv[1];
    cdcts::reports::JunitOptions options;
    bool skippingEnvironment = false;
    std::vector<char*> gtestArgs{argv[0]};
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--probe-environment=skip") {
            skippingEnvironment = true;
        } else if (arg == "--probe-extended") {
            options.extendedProperties = true;
        } else {
            gtestArgs.push_back(argv[i]);
        }
    }
    int gtestArgc = static_cast<int>(gtestArgs.size());
    gtestArgs.push_back(nullptr);
    testing::InitGoogleTest(&gtestArgc, gtestArgs.data());
    if (skippingEnvironment) testing::AddGlobalTestEnvironment(new SkippingEnvironment);

    cdcts::reports::DeviceCatalog catalog;
    // A control byte in the vendor string, as some drives' INQUIRY data has.
    catalog.devices["emu_cd0"] = {{"vendor", "ACME\x01"}, {"product", "Virtual CD-ROM"}, {"revision", "1.0"},
                                  {"backend", "emulated"}};
    catalog.devices["emu_a"] = {{"vendor", "ACME"}, {"product", "Drive A"}};
    catalog.devices["emu_b"] = {{"vendor", "ACME"}, {"product", "Drive B"}};

    auto& listeners = testing::UnitTest::GetInstance()->listeners();
    auto* junit = new cdcts::reports::JunitListener{reportPath, catalog, options};
    auto* summary = new cdcts::reports::RunSummary{catalog};
    listeners.Append(junit);  // gtest owns both from here on
    listeners.Append(summary);

    const int gtestResult = RUN_ALL_TESTS();
    summary->print(std::cout);
    if (!junit->ok()) return 3;
    // The summary may only be stricter than gtest (it also fails a run on failures outside tests).
    if (gtestResult != 0 && summary->exitCode() == 0) return 4;
    return summary->exitCode();
}
