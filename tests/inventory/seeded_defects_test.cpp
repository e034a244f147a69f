// The seeded-defect catalog (harness/defects/, docs/seeded-defects.md) and devices.yaml's emulated.defects: names
// unique and snake_case, every row well-formed, the set the loader builds, and an unknown name refused with the
// loader's usual file:line:column message. Whether each defect is caught is `cdcts defects check` (.ci/run), not
// this test. Positions are counted from kEmulated (lines 1-6); `defects:` is line 7.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "harness/defects/seeded_defect.hpp"
#include "harness/inventory/open_device.hpp"
#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {
using defects::DefectLayer;
using defects::SeededDefect;
using test::kEmulated;

bool isSnakeCase(std::string_view name)
{
    if (name.empty() || name.front() < 'a' || name.front() > 'z' || name.back() == '_') return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }) &&
           name.find("__") == std::string_view::npos;
}

TEST(SeededDefectCatalog, NamesAreUniqueAndSnakeCase)
{
    std::set<std::string_view> seen;
    for (const defects::DefectInfo& d : defects::defectCatalog()) {
        EXPECT_TRUE(isSnakeCase(d.name)) << d.name;
        EXPECT_TRUE(seen.insert(d.name).second) << "duplicate name " << d.name;
    }
    EXPECT_GE(seen.size(), 32U) << "issue #5 item 9 asks for at least 32 seeded defects";
}

TEST(SeededDefectCatalog, RowsFollowTheEnumAndAreComplete)
{
    const auto catalog = defects::defectCatalog();
    ASSERT_EQ(catalog.size(), static_cast<std::size_t>(SeededDefect::Count));
    const std::set<std::string_view> devices{"emu_reader", "emu_writer", "emu_empty"};
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        const defects::DefectInfo& d = catalog[i];
        EXPECT_EQ(static_cast<std::size_t>(d.defect), i) << d.name;
        EXPECT_TRUE(d.layer == DefectLayer::ClassDriver || d.layer == DefectLayer::Emulator) << d.name;
        EXPECT_NE(defects::layerName(d.layer), "unknown") << d.name;
        EXPECT_TRUE(devices.contains(d.device)) << d.name << ": checked on '" << d.device << "', not a default device";
        EXPECT_FALSE(d.description.empty()) << d.name;
        EXPECT_EQ(defects::findDefect(d.name), d.defect) << d.name;
        EXPECT_EQ(&defects::defectInfo(d.defect), &d);
    }
    EXPECT_FALSE(defects::findDefect("no_such_defect").has_value());
}

TEST(SeededDefectCatalog, DefectSetHoldsWhatWasAdded)
{
    defects::DefectSet set;
    EXPECT_TRUE(set.empty());
    set.add(SeededDefect::SeekIgnored);
    EXPECT_FALSE(set.empty());
    EXPECT_TRUE(set.has(SeededDefect::SeekIgnored));
    EXPECT_FALSE(set.has(SeededDefect::TocLengthOffByTwo));
}

TEST(SeededDefectCatalog, TheCliVocabularyListsEveryDefectInCatalogOrder)
{
    const InventoryVocabulary v = emulatorVocabulary();
    ASSERT_EQ(v.defects.size(), defects::defectCatalog().size());
    for (std::size_t i = 0; i < v.defects.size(); ++i) EXPECT_EQ(v.defects[i], defects::defectCatalog()[i].name);
}

TEST(SeededDefectCatalog, DocsTableHasARowForEveryDefect)
{
    std::ifstream in(std::filesystem::path(CDCTS_SOURCE_DIR) / "docs" / "seeded-defects.md");
    ASSERT_TRUE(in) << "docs/seeded-defects.md";
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const defects::DefectInfo& d : defects::defectCatalog()) {
        const std::string row = "| `" + std::string(d.name) + "` | " + std::string(defects::layerName(d.layer)) + " | " +
                                std::string(d.device) + " | ";
        EXPECT_NE(doc.find(row), std::string::npos) << "docs/seeded-defects.md has no row starting " << row;
    }
}

TEST(InventoryDefects, AbsentOrEmptyMeansNone)
{
    EXPECT_TRUE(test::parse(kEmulated).devices.at(0).emulated.defects.empty());
    EXPECT_TRUE(test::parse(kEmulated + "      defects: []\n").devices.at(0).emulated.defects.empty());
    EXPECT_TRUE(test::parse(kEmulated + "      defects:\n").devices.at(0).emulated.defects.empty());
}

TEST(InventoryDefects, NamesBecomeTheSet)
{
    const defects::DefectSet set = test::parse(kEmulated + "      defects: [toc_length_off_by_two, seek_ignored]\n").devices.at(0).emulated.defects;
    EXPECT_TRUE(set.has(SeededDefect::TocLengthOffByTwo));
    EXPECT_TRUE(set.has(SeededDefect::SeekIgnored));
    EXPECT_FALSE(set.has(SeededDefect::PauseKeepsPlaying));
}

TEST(InventoryDefects, AnUnknownNameIsRefusedWithTheKnownOnes)
{
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects: [seek_ignored, toc_off]\n"),
              "devices.yaml:7:31: devices[0].emulated.defects[1]: unknown defect 'toc_off' "
              "(known: toc_length_off_by_two, seek_ignored)");
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects:\n        - Seek_Ignored\n"),
              "devices.yaml:8:11: devices[0].emulated.defects[0]: unknown defect 'Seek_Ignored' "
              "(known: toc_length_off_by_two, seek_ignored)");
}

TEST(InventoryDefects, ARealDefectTheVocabularyLacksIsUnknown)
{
    // The vocabulary is the caller's list; the catalog's own names outside it are refused like any other.
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects: [pause_keeps_playing]\n"),
              "devices.yaml:7:17: devices[0].emulated.defects[0]: unknown defect 'pause_keeps_playing' "
              "(known: toc_length_off_by_two, seek_ignored)");
}

TEST(InventoryDefects, ListedTwiceOrNotAListIsRefused)
{
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects: [seek_ignored, seek_ignored]\n"),
              "devices.yaml:7:31: devices[0].emulated.defects[1]: defect 'seek_ignored' is listed twice");
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects: seek_ignored\n"),
              "devices.yaml:7:7: devices[0].emulated.defects: expected a list of defect names, got 'seek_ignored'");
    EXPECT_EQ(test::parseMessage(kEmulated + "      defects: [{a: 1}]\n"),
              "devices.yaml:7:17: devices[0].emulated.defects[0]: expected a defect name, got a map");
}

}  // namespace
}  // namespace cdcts::inventory
