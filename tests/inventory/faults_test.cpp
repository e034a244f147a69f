// emulated.faults: sector, command and timed faults seeded into an emulated drive (docs/devices-yaml.md). The
// parsed values, an error with file:line:column for every bad value, and the faults taking effect in the drive
// that openDevice() opens. Positions are counted by hand from kEmulated (lines 1-6); `faults:` is line 7.
#include <gtest/gtest.h>

#include "harness/backends/emulated_device.hpp"
#include "harness/core/bytes.hpp"
#include "harness/ioctl/codes.hpp"
#include "harness/inventory/open_device.hpp"
#include "tests/inventory/inventory_test_support.hpp"

namespace cdcts::inventory {
namespace {
using namespace std::chrono_literals;
using test::kEmulated;
using test::parseMessage;

EmulatedFaults faultsOf(const std::string& lines) { return test::parse(kEmulated + lines).devices.at(0).emulated.faults; }

TEST(InventoryFaults, AbsentOrEmptyMeansNone)
{
    EXPECT_TRUE(test::parse(kEmulated).devices.at(0).emulated.faults.empty());
    EXPECT_TRUE(faultsOf("      faults:\n").empty());
    EXPECT_TRUE(faultsOf("      faults:\n        sectors: []\n        commands:\n").empty());
}

TEST(InventoryFaults, SectorFaults)
{
    const EmulatedFaults f = faultsOf("      faults:\n"
                                      "        sectors:\n"
                                      "          - {lba: 1000, count: 8, kind: unreadable}\n"
                                      "          - {lba: 0x20, kind: marginal}\n"
                                      "          - lba: 5\n"
                                      "            kind: slow\n");
    ASSERT_EQ(f.sectors.size(), 3U);
    EXPECT_EQ(f.sectors[0].lba, 1000U);
    EXPECT_EQ(f.sectors[0].count, 8U);
    EXPECT_EQ(f.sectors[0].kind, SectorFaultKind::Unreadable);
    EXPECT_EQ(f.sectors[1].lba, 0x20U);
    EXPECT_EQ(f.sectors[1].count, 1U) << "count defaults to one sector";
    EXPECT_EQ(f.sectors[1].kind, SectorFaultKind::Marginal);
    EXPECT_EQ(f.sectors[2].kind, SectorFaultKind::Slow);
}

TEST(InventoryFaults, CommandFaults)
{
    const EmulatedFaults f = faultsOf("      faults:\n"
                                      "        commands:\n"
                                      "          - {opcode: 0x28, count: 2, sense: 03/11/00}\n"
                                      "          - {kind: hang, opcode: 0x00}\n"
                                      "          - {kind: short_transfer, bytes: 100}\n"
                                      "          - {kind: garbage, seed: 7}\n"
                                      "          - {kind: wrong_length, opcode: 0x43, delta: -2}\n");
    ASSERT_EQ(f.commands.size(), 5U);
    EXPECT_EQ(f.commands[0].kind, CommandFaultKind::CheckCondition) << "the default kind";
    EXPECT_EQ(f.commands[0].opcode, 0x28);
    EXPECT_EQ(f.commands[0].count, 2U);
    EXPECT_EQ(f.commands[0].sense, mmc::sense::UnrecoveredReadError);
    EXPECT_EQ(f.commands[1].kind, CommandFaultKind::Hang);
    EXPECT_EQ(f.commands[1].opcode, 0x00);
    EXPECT_EQ(f.commands[1].count, 1U);
    EXPECT_EQ(f.commands[2].kind, CommandFaultKind::ShortTransfer);
    EXPECT_FALSE(f.commands[2].opcode.has_value()) << "any command";
    EXPECT_EQ(f.commands[2].bytes, 100U);
    EXPECT_EQ(f.commands[3].kind, CommandFaultKind::Garbage);
    EXPECT_EQ(f.commands[3].seed, 7U);
    EXPECT_EQ(f.commands[4].kind, CommandFaultKind::WrongLength);
    EXPECT_EQ(f.commands[4].delta, -2);
}

TEST(InventoryFaults, Events)
{
    const EmulatedFaults f = faultsOf("      faults:\n"
                                      "        events:\n"
                                      "          - {at: 5s, kind: medium_removed}\n"
                                      "          - {at: 1500ms, kind: medium_removed, tray: closed}\n"
                                      "          - {at: 2min, kind: device_gone}\n"
                                      "          - {at: 250us, kind: unit_attention, sense: 06/29/00, count: 3}\n");
    ASSERT_EQ(f.events.size(), 4U);
    EXPECT_EQ(f.events[0].at, 5s);
    EXPECT_EQ(f.events[0].kind, FaultEventKind::MediumRemoved);
    EXPECT_TRUE(f.events[0].trayOpen) << "the tray opens unless told";
    EXPECT_EQ(f.events[1].at, 1500ms);
    EXPECT_FALSE(f.events[1].trayOpen);
    EXPECT_EQ(f.events[2].at, 120s);
    EXPECT_EQ(f.events[2].kind, FaultEventKind::DeviceGone);
    EXPECT_EQ(f.events[3].at, 250us);
    EXPECT_EQ(f.events[3].kind, FaultEventKind::UnitAttention);
    EXPECT_EQ(f.events[3].sense, mmc::sense::PowerOnResetOccurred);
    EXPECT_EQ(f.events[3].count, 3U);
}

TEST(InventoryFaults, BlockAndListShapes)
{
    EXPECT_EQ(parseMessage(kEmulated + "      faults: 3\n"), "devices.yaml:7:7: devices[0].emulated.faults: expected a map, got '3'");
    EXPECT_EQ(parseMessage(kEmulated + "      faults:\n        disks: []\n"),
              "devices.yaml:8:9: devices[0].emulated.faults.disks: unknown key (allowed: sectors, commands, events)");
    EXPECT_EQ(parseMessage(kEmulated + "      faults:\n        sectors: {lba: 1}\n"),
              "devices.yaml:8:9: devices[0].emulated.faults.sectors: expected a list, got a map");
    EXPECT_EQ(parseMessage(kEmulated + "      faults:\n        sectors:\n          - 1000\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.sectors[0]: expected a map, got '1000'");
}

TEST(InventoryFaults, BadSectorValues)
{
    const std::string head = kEmulated + "      faults:\n        sectors:\n";  // entries from line 9
    EXPECT_EQ(parseMessage(head + "          - {count: 2, kind: slow}\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.sectors[0]: missing required key 'lba'");
    EXPECT_EQ(parseMessage(head + "          - {lba: -1, kind: slow}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.sectors[0].lba: must not be negative, got '-1'");
    EXPECT_EQ(parseMessage(head + "          - {lba: 3000000000, kind: slow}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.sectors[0].lba: must be at most 2147483647, got 3000000000");
    EXPECT_EQ(parseMessage(head + "          - {lba: 1, count: 0, kind: slow}\n"),
              "devices.yaml:9:22: devices[0].emulated.faults.sectors[0].count: must be at least 1, got 0");
    EXPECT_EQ(parseMessage(head + "          - {lba: 1, kind: scratched}\n"),
              "devices.yaml:9:22: devices[0].emulated.faults.sectors[0].kind: unknown sector fault kind 'scratched' (known: "
              "unreadable, marginal, slow)");
    EXPECT_EQ(parseMessage(head + "          - {lba: 1, kind: slow, sense: 03/11/00}\n"),
              "devices.yaml:9:34: devices[0].emulated.faults.sectors[0].sense: unknown key (allowed: lba, count, kind)");
}

TEST(InventoryFaults, BadCommandValues)
{
    const std::string head = kEmulated + "      faults:\n        commands:\n";  // entries from line 9
    EXPECT_EQ(parseMessage(head + "          - {opcode: 0x28}\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.commands[0]: missing required key 'sense' (kind "
              "check_condition needs it)");
    EXPECT_EQ(parseMessage(head + "          - {opcode: 0x128, sense: 03/11/00}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.commands[0].opcode: an operation code is one byte (0x00 to "
              "0xFF), got 296");
    EXPECT_EQ(parseMessage(head + "          - {sense: 3/11/00}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.commands[0].sense: expected sense as KK/AA/QQ in hex "
              "(key/ASC/ASCQ, e.g. 03/11/00), got '3/11/00'");
    EXPECT_EQ(parseMessage(head + "          - {sense: 13/11/00}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.commands[0].sense: the sense key is 00 to 0F, got '13/11/00'");
    EXPECT_EQ(parseMessage(head + "          - {kind: stall}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.commands[0].kind: unknown command fault kind 'stall' (known: "
              "check_condition, hang, short_transfer, garbage, wrong_length)");
    EXPECT_EQ(parseMessage(head + "          - {kind: hang, sense: 03/11/00}\n"),
              "devices.yaml:9:26: devices[0].emulated.faults.commands[0].sense: only for kind check_condition");
    EXPECT_EQ(parseMessage(head + "          - {kind: short_transfer}\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.commands[0]: missing required key 'bytes' (kind "
              "short_transfer needs it)");
    EXPECT_EQ(parseMessage(head + "          - {kind: garbage, bytes: 4}\n"),
              "devices.yaml:9:29: devices[0].emulated.faults.commands[0].bytes: only for kind short_transfer");
    EXPECT_EQ(parseMessage(head + "          - {kind: wrong_length, delta: 0}\n"),
              "devices.yaml:9:34: devices[0].emulated.faults.commands[0].delta: must not be 0 (a length field off by "
              "nothing is no fault)");
    EXPECT_EQ(parseMessage(head + "          - {kind: wrong_length, delta: x2}\n"),
              "devices.yaml:9:34: devices[0].emulated.faults.commands[0].delta: expected a whole number such as -4 or 8, "
              "got 'x2'");
    EXPECT_EQ(parseMessage(head + "          - {kind: wrong_length, opcode: 0x28, delta: 2}\n"),
              "devices.yaml:9:34: devices[0].emulated.faults.commands[0].opcode: the reply of this command has no length "
              "field (wrong_length takes: 0x1A, 0x43, 0x46, 0x4A, 0x51, 0x52, 0x5A)");
}

TEST(InventoryFaults, BadEventValues)
{
    const std::string head = kEmulated + "      faults:\n        events:\n";  // entries from line 9
    EXPECT_EQ(parseMessage(head + "          - {kind: device_gone}\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.events[0]: missing required key 'at'");
    for (const char* at : {"5", "5 s", "s", "-5s", "5h", "1.5s"}) {
        EXPECT_EQ(parseMessage(head + "          - {at: '" + at + "', kind: device_gone}\n"),
                  "devices.yaml:9:14: devices[0].emulated.faults.events[0].at: expected a duration: a whole number and a unit "
                  "(ns, us, ms, s, min), e.g. 5s or 1500ms, got '" + std::string(at) + "'");
    }
    EXPECT_EQ(parseMessage(head + "          - {at: 999999999999min, kind: device_gone}\n"),
              "devices.yaml:9:14: devices[0].emulated.faults.events[0].at: '999999999999min' is too long for the drive's "
              "clock");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: eject}\n"),
              "devices.yaml:9:22: devices[0].emulated.faults.events[0].kind: unknown event kind 'eject' (known: "
              "medium_removed, device_gone, unit_attention)");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: medium_removed, tray: ajar}\n"),
              "devices.yaml:9:44: devices[0].emulated.faults.events[0].tray: expected open or closed, got 'ajar'");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: device_gone, tray: open}\n"),
              "devices.yaml:9:41: devices[0].emulated.faults.events[0].tray: only for kind medium_removed");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: unit_attention}\n"),
              "devices.yaml:9:13: devices[0].emulated.faults.events[0]: missing required key 'sense' (kind unit_attention "
              "needs it)");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: unit_attention, sense: 03/11/00}\n"),
              "devices.yaml:9:44: devices[0].emulated.faults.events[0].sense: a unit attention has sense key 06, got "
              "'03/11/00'");
    EXPECT_EQ(parseMessage(head + "          - {at: 1s, kind: medium_removed, count: 2}\n"),
              "devices.yaml:9:44: devices[0].emulated.faults.events[0].count: only for kind unit_attention");
}

// ---- applied when the device is opened -------------------------------------------------------------------

class OpenedWithFaults : public ::testing::Test {
protected:
    std::unique_ptr<Device> device;
    emulator::VirtualDrive* drive = nullptr;

    void open(const std::string& faults)
    {
        const Inventory inventory = parseInventory(kEmulated + faults, "devices.yaml", emulatorVocabulary());
        device = openDevice(inventory.devices.at(0));
        auto* emulated = dynamic_cast<backends::EmulatedDevice*>(device.get());
        ASSERT_NE(emulated, nullptr);
        drive = &emulated->drive();
    }
    mmc::CommandResult send(std::vector<std::uint8_t> cdb, std::vector<std::uint8_t>& data)
    {
        return drive->execute(cdb, data, data.empty() ? mmc::DataDirection::None : mmc::DataDirection::In, 10s);
    }
    mmc::CommandResult testUnitReady()
    {
        std::vector<std::uint8_t> none;
        return send({0, 0, 0, 0, 0, 0}, none);
    }
    // Consumes the unit attentions of power-on and the loaded disc.
    void settle()
    {
        for (int i = 0; i < 4; ++i)
            if (testUnitReady().good()) return;
        ADD_FAILURE() << "the drive does not become ready";
    }
};

TEST_F(OpenedWithFaults, TheEmulatorsVocabularyNamesTheLengthFieldOpcodes)
{
    const InventoryVocabulary v = emulatorVocabulary();
    EXPECT_EQ(v.lengthFieldOpcodes, (std::vector<std::uint8_t>{0x1A, 0x43, 0x46, 0x4A, 0x51, 0x52, 0x5A}))
        << "MODE SENSE(6), READ TOC, GET CONFIGURATION, GESN, READ DISC/TRACK INFORMATION, MODE SENSE(10)";
}

TEST_F(OpenedWithFaults, SectorAndCommandFaultsAreInTheDrive)
{
    open("      faults:\n"
         "        sectors: [{lba: 20, count: 4, kind: unreadable}]\n"
         "        commands: [{opcode: 0x25, sense: 04/44/00}]\n");
    settle();
    std::vector<std::uint8_t> data(8 * 2048);
    const mmc::CommandResult r = send({0x28, 0, 0, 0, 0, 16, 0, 0, 8, 0}, data);
    ASSERT_EQ(r.status, mmc::ScsiStatus::CheckCondition);
    EXPECT_EQ(r.sense.code(), mmc::sense::UnrecoveredReadError);
    EXPECT_EQ(loadBe32(&r.sense.bytes[3]), 20U);
    EXPECT_EQ(r.transferred, 4U * 2048U);
    std::vector<std::uint8_t> capacity(8);
    const mmc::CommandResult c = send({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, capacity);
    EXPECT_EQ(c.sense.code(), (mmc::SenseCode{mmc::SenseKey::HardwareError, 0x44, 0x00}));
    EXPECT_TRUE(send({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, capacity).good()) << "count defaults to one";
}

TEST_F(OpenedWithFaults, AnyCommandFaultMeetsTheFirstRequestNotTheMmcRefresh)
{
    // The class driver's MMC capability refresh (ioctl-contracts.md §7.6) has run before the faults are seeded.
    open("      faults:\n"
         "        commands: [{sense: 05/24/00}]\n");
    drive->trace().clear();
    auto handle = device->open(HandleAccess::Read);
    std::vector<std::uint8_t> out(4);
    EXPECT_EQ(handle->control(ioctl::codes::CdromCheckVerify, {}, out).status, ioctl::status::InvalidDeviceRequest);
    ASSERT_FALSE(drive->trace().entries().empty());
    EXPECT_EQ(drive->trace().entries().front().opcode(), 0x00) << "TEST UNIT READY met the fault, no GET CONFIGURATION first";
    EXPECT_EQ(drive->trace().entries().front().status, mmc::ScsiStatus::CheckCondition);
}

TEST_F(OpenedWithFaults, EventTimesCountFromTheOpen)
{
    open("      faults:\n"
         "        events:\n"
         "          - {at: 5s, kind: medium_removed}\n"
         "          - {at: 8s, kind: device_gone}\n");
    settle();
    device->clock().sleepFor(4s);
    EXPECT_TRUE(testUnitReady().good());
    device->clock().sleepFor(1s);
    EXPECT_EQ(testUnitReady().sense.code(), mmc::sense::MediumNotPresentTrayOpen);
    device->clock().sleepFor(3s);
    EXPECT_EQ(testUnitReady().transport, mmc::TransportStatus::NoDevice);
}

TEST_F(OpenedWithFaults, AFaultTheDriveCannotTakeIsADeviceErrorNamingTheDevice)
{
    InventoryVocabulary vocabulary = emulatorVocabulary();
    vocabulary.lengthFieldOpcodes.push_back(0x28);  // a caller whose list disagrees with the emulator
    const Inventory inventory = parseInventory(
        kEmulated + "      faults:\n        commands: [{kind: wrong_length, opcode: 0x28, delta: 1}]\n", "devices.yaml", vocabulary);
    try {
        (void)openDevice(inventory.devices.at(0));
        ADD_FAILURE() << "expected a DeviceError";
    } catch (const DeviceError& e) {
        EXPECT_TRUE(std::string_view(e.what()).starts_with("emu_reader: emulated.faults: ")) << e.what();
    }
}

}  // namespace
}  // namespace cdcts::inventory
