// The examples in docs/devices-yaml.md must stay valid: each ```yaml block there is parsed as an inventory.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {

std::vector<std::string> yamlBlocks(const std::filesystem::path& markdown)
{
    std::ifstream in(markdown);
    if (!in) throw std::runtime_error("cannot read " + markdown.string());
    std::vector<std::string> blocks;
    std::string line;
    std::optional<std::string> block;
    while (std::getline(in, line)) {
        if (!block && line == "```yaml") {
            block.emplace();
        } else if (block && line == "```") {
            blocks.push_back(*block);
            block.reset();
        } else if (block) {
            *block += line + "\n";
        }
    }
    return blocks;
}

TEST(InventoryDocs, ExamplesParse)
{
    const std::vector<std::string> blocks =
        yamlBlocks(std::filesystem::path(CDCTS_SOURCE_DIR) / "docs" / "devices-yaml.md");
    ASSERT_EQ(blocks.size(), 5U);
    // The image example names images/reference.iso beside devices.yaml.
    const test::TempDir dir;
    const std::filesystem::path image = dir.write("images/reference.iso", "an image");
    std::vector<std::string> ids;
    for (const std::string& block : blocks) {
        SCOPED_TRACE(block);
        const Inventory inventory = test::parse(block, dir.path() / "devices.yaml");
        for (const DeviceSpec& spec : inventory.devices) ids.push_back(spec.id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"emu_faulty", "emu_reader", "emu_iso", "emu_empty", "lab_sr0", "lab_cdrom0"}));
    EXPECT_EQ(test::parse(blocks[2], dir.path() / "devices.yaml").devices.at(0).emulated.medium, image.string());
    const EmulatedFaults faults = test::parse(blocks[0]).devices.at(0).emulated.faults;
    EXPECT_EQ(faults.sectors.size(), 3U);
    EXPECT_EQ(faults.commands.size(), 5U);
    EXPECT_EQ(faults.events.size(), 3U);
}

}  // namespace
}  // namespace cdcts::inventory
