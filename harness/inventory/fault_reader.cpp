#include "harness/inventory/fault_reader.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace cdcts::inventory::detail {
namespace {

constexpr std::array<std::string_view, 3> kFaultsKeys = {"sectors", "commands", "events"};
constexpr std::array<std::string_view, 3> kSectorFaultKeys = {"lba", "count", "kind"};
constexpr std::array<std::string_view, 7> kCommandFaultKeys = {"kind", "opcode", "count", "sense", "bytes", "seed", "delta"};
constexpr std::array<std::string_view, 5> kFaultEventKeys = {"at", "kind", "tray", "sense", "count"};
constexpr std::array<std::pair<std::string_view, SectorFaultKind>, 3> kSectorFaultKinds = {
    {{"unreadable", SectorFaultKind::Unreadable}, {"marginal", SectorFaultKind::Marginal}, {"slow", SectorFaultKind::Slow}}};
constexpr std::array<std::pair<std::string_view, CommandFaultKind>, 5> kCommandFaultKinds = {
    {{"check_condition", CommandFaultKind::CheckCondition},
     {"hang", CommandFaultKind::Hang},
     {"short_transfer", CommandFaultKind::ShortTransfer},
     {"garbage", CommandFaultKind::Garbage},
     {"wrong_length", CommandFaultKind::WrongLength}}};
constexpr std::array<std::pair<std::string_view, FaultEventKind>, 3> kFaultEventKinds = {
    {{"medium_removed", FaultEventKind::MediumRemoved},
     {"device_gone", FaultEventKind::DeviceGone},
     {"unit_attention", FaultEventKind::UnitAttention}}};

SectorFaultSpec readSectorFault(const Context& context, const std::string& path, const YAML::Node& node)
{
    const CheckedMap map(context, node, path, node.Mark(), kSectorFaultKeys);
    SectorFaultSpec spec;
    const Field& lba = map.require("lba");
    spec.lba = readUnsigned(context, lba);
    if (spec.lba > static_cast<std::uint32_t>(std::numeric_limits<std::int32_t>::max())) {
        context.fail(lba, "must be at most " + std::to_string(std::numeric_limits<std::int32_t>::max()) + ", got " +
                              std::to_string(spec.lba));
    }
    if (const Field* field = map.find("count")) spec.count = readAtLeastOne(context, *field);
    spec.kind = readName(context, map.require("kind"), kSectorFaultKinds, "sector fault kind");
    return spec;
}

CommandFaultSpec readCommandFault(const Context& context, const std::string& path, const YAML::Node& node)
{
    const CheckedMap map(context, node, path, node.Mark(), kCommandFaultKeys);
    CommandFaultSpec spec;
    if (const Field* field = map.find("kind")) spec.kind = readName(context, *field, kCommandFaultKinds, "command fault kind");
    if (const Field* field = map.find("opcode")) {
        const std::uint32_t opcode = readUnsigned(context, *field);
        if (opcode > 0xFF) context.fail(*field, "an operation code is one byte (0x00 to 0xFF), got " + std::to_string(opcode));
        spec.opcode = static_cast<std::uint8_t>(opcode);
    }
    if (const Field* field = map.find("count")) spec.count = readAtLeastOne(context, *field);
    refuseUnless(context, map, "sense", spec.kind == CommandFaultKind::CheckCondition, "check_condition");
    refuseUnless(context, map, "bytes", spec.kind == CommandFaultKind::ShortTransfer, "short_transfer");
    refuseUnless(context, map, "seed", spec.kind == CommandFaultKind::Garbage, "garbage");
    refuseUnless(context, map, "delta", spec.kind == CommandFaultKind::WrongLength, "wrong_length");
    switch (spec.kind) {
    case CommandFaultKind::CheckCondition:
        spec.sense = readSense(context, map.require("sense", "kind check_condition needs it"));
        break;
    case CommandFaultKind::ShortTransfer:
        spec.bytes = readUnsigned(context, map.require("bytes", "kind short_transfer needs it"));
        break;
    case CommandFaultKind::Garbage:
        if (const Field* field = map.find("seed")) spec.seed = readUnsigned(context, *field);
        break;
    case CommandFaultKind::WrongLength: {
        const Field& delta = map.require("delta", "kind wrong_length needs it");
        spec.delta = readSigned(context, delta);
        if (spec.delta == 0) context.fail(delta, "must not be 0 (a length field off by nothing is no fault)");
        const auto& opcodes = context.vocabulary.lengthFieldOpcodes;
        if (spec.opcode && std::find(opcodes.begin(), opcodes.end(), *spec.opcode) == opcodes.end()) {
            std::vector<std::string> known;
            for (const std::uint8_t op : opcodes) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02X", op);
                known.emplace_back(hex);
            }
            context.fail(*map.find("opcode"), "the reply of this command has no length field (wrong_length takes: " +
                                                  joinNames(known) + ")");
        }
        break;
    }
    case CommandFaultKind::Hang: break;
    }
    return spec;
}

FaultEventSpec readFaultEvent(const Context& context, const std::string& path, const YAML::Node& node)
{
    const CheckedMap map(context, node, path, node.Mark(), kFaultEventKeys);
    FaultEventSpec spec;
    spec.at = readDuration(context, map.require("at"));
    spec.kind = readName(context, map.require("kind"), kFaultEventKinds, "event kind");
    refuseUnless(context, map, "tray", spec.kind == FaultEventKind::MediumRemoved, "medium_removed");
    refuseUnless(context, map, "sense", spec.kind == FaultEventKind::UnitAttention, "unit_attention");
    refuseUnless(context, map, "count", spec.kind == FaultEventKind::UnitAttention, "unit_attention");
    if (const Field* field = map.find("tray")) {
        const std::string tray = readString(context, *field);
        if (tray != "open" && tray != "closed") context.fail(*field, "expected open or closed, got '" + tray + "'");
        spec.trayOpen = tray == "open";
    }
    if (spec.kind == FaultEventKind::UnitAttention) {
        const Field& sense = map.require("sense", "kind unit_attention needs it");
        spec.sense = readSense(context, sense);
        if (spec.sense.key != mmc::SenseKey::UnitAttention) {
            context.fail(sense, "a unit attention has sense key 06, got '" + sense.value.Scalar() + "'");
        }
        if (const Field* field = map.find("count")) spec.count = readAtLeastOne(context, *field);
    }
    return spec;
}

}  // namespace

EmulatedFaults readFaults(const Context& context, const Field& block)
{
    const CheckedMap map = openBlock(context, block, kFaultsKeys);
    EmulatedFaults faults;
    if (const Field* list = map.find("sectors")) {
        forEachEntry(context, *list, [&](const std::string& path, const YAML::Node& entry) {
            faults.sectors.push_back(readSectorFault(context, path, entry));
        });
    }
    if (const Field* list = map.find("commands")) {
        forEachEntry(context, *list, [&](const std::string& path, const YAML::Node& entry) {
            faults.commands.push_back(readCommandFault(context, path, entry));
        });
    }
    if (const Field* list = map.find("events")) {
        forEachEntry(context, *list, [&](const std::string& path, const YAML::Node& entry) {
            faults.events.push_back(readFaultEvent(context, path, entry));
        });
    }
    return faults;
}

}  // namespace cdcts::inventory::detail
