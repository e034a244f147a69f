// The command latency budget catalog (suites/bench/latency_budgets.hpp): the §3 budgets per class, the streaming
// tiers, the cached requests left without a budget, and the QualityWarning texts, worked by hand.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "suites/bench/latency_budgets.hpp"

namespace {
using namespace cdcts;
using namespace cdcts::suites::bench;
using namespace std::chrono_literals;

TEST(LatencyBudgets, ClassBudgetsArePeersAndOraclesSection3)
{
    EXPECT_EQ(budgetMs(CommandClass::Query), 20.0);
    EXPECT_EQ(budgetMs(CommandClass::ReadDiscInformation), 50.0);
    EXPECT_EQ(budgetMs(CommandClass::Read), 500.0);
    EXPECT_EQ(budgetMs(CommandClass::StreamingRead), 100.0);
    EXPECT_EQ(budgetMs(CommandClass::Cached), std::nullopt);
}

TEST(LatencyBudgets, CatalogMapsRequestsToTheirCommands)
{
    struct Expected {
        const char* shortName;
        const char* mmc;
        CommandClass commandClass;
    };
    // ioctl-contracts.md §6 and §7.5.
    const Expected expected[] = {
        {"CHECK_VERIFY", "TEST UNIT READY", CommandClass::Query},
        {"READ_TOC", "READ TOC/PMA/ATIP", CommandClass::Query},
        {"GET_LAST_SESSION", "READ TOC/PMA/ATIP", CommandClass::Query},
        {"GET_CONFIGURATION", "GET CONFIGURATION", CommandClass::Query},
        {"GET_DRIVE_GEOMETRY", "READ CAPACITY", CommandClass::Query},
        {"READ_DISC_INFORMATION", "READ DISC INFORMATION", CommandClass::ReadDiscInformation},
        {"RAW_READ", "READ CD", CommandClass::Read},
        {"ReadFile", "READ(10)", CommandClass::Read},
        {"ReadFile_streaming", "READ(12) Streaming", CommandClass::StreamingRead},
    };
    for (const Expected& e : expected) {
        const LatencyCommand* c = findLatencyCommand(e.shortName);
        ASSERT_NE(c, nullptr) << e.shortName;
        EXPECT_STREQ(c->mmcCommand, e.mmc) << e.shortName;
        EXPECT_EQ(c->commandClass, e.commandClass) << e.shortName;
    }
    EXPECT_EQ(findLatencyCommand("EJECT_MEDIA"), nullptr);  // changes the drive's state: not timed
    const LatencyCommand* inquiry = findLatencyCommand("GET_INQUIRY_DATA");
    ASSERT_NE(inquiry, nullptr);
    EXPECT_EQ(inquiry->commandClass, CommandClass::Cached);
    EXPECT_EQ(budgetMs(inquiry->commandClass), std::nullopt);
}

TEST(LatencyBudgets, NamesAreUniqueAndBenchmarkSafe)
{
    std::set<std::string> seen;
    for (const LatencyCommand& c : latencyCommands()) {
        EXPECT_TRUE(seen.insert(c.shortName).second) << c.shortName;
        for (const char ch : std::string(c.shortName)) {
            EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '-' || ch == '.') << c.shortName;
        }
        // Only a command that needs a disc can be the failed case without one.
        if (c.failedCaseNoMedium) {
            EXPECT_TRUE(c.needsMedium) << c.shortName;
        }
    }
}

TEST(LatencyBudgets, WithinBudgetHasNoFinding)
{
    const LatencyCommand& c = *findLatencyCommand("READ_TOC");
    EXPECT_EQ(budgetFinding(LatencySummary{200, 0.1, 19.0, 20.0, 0.2}, c, 20.0), std::nullopt);  // equal is within
}

TEST(LatencyBudgets, OverBudgetNamesFigureBudgetAndClass)
{
    const LatencyCommand& c = *findLatencyCommand("READ_TOC");
    const auto maxOnly = budgetFinding(LatencySummary{200, 0.1, 19.0, 20.5, 0.2}, c, 20.0);
    ASSERT_TRUE(maxOnly.has_value());
    EXPECT_EQ(*maxOnly, "max 20.500 ms of 200 IOCTL_CDROM_READ_TOC (READ TOC/PMA/ATIP) exceeds the 20 ms budget of a query "
                        "command (peers-and-oracles.md §3, Device.Storage.Optical.CommandPerformance)");
    const auto both = budgetFinding(LatencySummary{200, 0.1, 25.0, 30.0, 1.0}, c, 20.0);
    ASSERT_TRUE(both.has_value());
    EXPECT_EQ(both->rfind("p99 25.000 ms and max 30.000 ms of 200 IOCTL_CDROM_READ_TOC (READ TOC/PMA/ATIP) exceed the 20 ms", 0), 0u)
        << *both;
}

TEST(LatencyBudgets, ExemptionHoldsUpToSevenSecondsEachAndSixtyTogether)
{
    EXPECT_EQ(exemptionFinding(std::vector<Nanoseconds>(100, std::chrono::duration_cast<Nanoseconds>(600ms))), std::nullopt);  // 60 s
    const auto one = exemptionFinding({std::chrono::duration_cast<Nanoseconds>(7001ms), Nanoseconds{0}});
    ASSERT_TRUE(one.has_value());
    EXPECT_NE(one->find("one call took 7001.000 ms (exempt up to 7000 ms each)"), std::string::npos) << *one;
    const auto total = exemptionFinding(std::vector<Nanoseconds>(100, std::chrono::duration_cast<Nanoseconds>(601ms)));
    ASSERT_TRUE(total.has_value());
    EXPECT_NE(total->find("they took 60100.000 ms together (exempt up to 60000 ms)"), std::string::npos) << *total;
}

}  // namespace
