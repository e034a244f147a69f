#pragma once
// Reading devices.yaml's values with errors that point at the key (internal to the inventory library): the checked
// map (known keys, no duplicates), scalar readers (strings, booleans, numbers, durations, sense codes) and the
// context that turns a YAML position into "file:line:column: key.path: what" (InventoryError).
#include <yaml-cpp/yaml.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/inventory/loader.hpp"
#include "harness/mmc/sense.hpp"

namespace cdcts::inventory::detail {

template <typename Range>
std::string joinNames(const Range& names)
{
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out.empty() ? std::string("none") : out;
}

std::string joinPath(const std::string& parent, std::string_view key);

// How a value looks to the user, for "expected X, got Y".
std::string describe(const YAML::Node& node);

// One key of a map with its value; errors about the value point at the key, where the user reads the name.
struct Field {
    std::string name;
    std::string path;
    YAML::Node key;
    YAML::Node value;
};

// The file being parsed, for positions in messages and for resolving relative image paths.
struct Context {
    std::string file;
    std::filesystem::path baseDirectory;
    const InventoryVocabulary& vocabulary;

    [[nodiscard]] SourceLocation at(const YAML::Mark& mark) const
    {
        if (mark.is_null()) return {file, 0, 0};
        return {file, mark.line + 1, mark.column + 1};
    }
    [[noreturn]] void fail(const YAML::Mark& mark, std::string keyPath, std::string detail) const
    {
        throw InventoryError(at(mark), std::move(keyPath), std::move(detail));
    }
    [[noreturn]] void fail(const Field& field, std::string detail) const
    {
        fail(field.key.Mark(), field.path, std::move(detail));
    }
};

// A map whose keys have been checked: each allowed and present once. `anchor` is where errors about the map
// as a whole point (its key, or the map itself for list entries and the document).
class CheckedMap {
public:
    CheckedMap(const Context& context, const YAML::Node& node, std::string path, YAML::Mark anchor,
               std::span<const std::string_view> allowed)
        : context_(context), path_(std::move(path)), anchor_(anchor)
    {
        // An empty block (`adapter:` with everything commented out) reads as null; treat it as an empty map.
        if (node.IsNull()) return;
        if (!node.IsMap()) context.fail(anchor, path_, "expected a map, got " + describe(node));
        for (const auto& pair : node) {
            const YAML::Node key = pair.first;
            if (!key.IsScalar()) context.fail(key.Mark(), path_, "a key must be a name, got " + describe(key));
            const std::string name = key.Scalar();
            const std::string keyPath = joinPath(path_, name);
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                context.fail(key.Mark(), keyPath, "unknown key (allowed: " + joinNames(allowed) + ")");
            }
            if (const Field* first = find(name)) {
                context.fail(key.Mark(), keyPath,
                             "duplicate key (first at line " + std::to_string(first->key.Mark().line + 1) + ")");
            }
            fields_.push_back({name, keyPath, key, pair.second});
        }
    }

    [[nodiscard]] const Field* find(std::string_view name) const
    {
        const auto it = std::find_if(fields_.begin(), fields_.end(), [&](const Field& f) { return f.name == name; });
        return it == fields_.end() ? nullptr : &*it;
    }
    [[nodiscard]] const Field& require(std::string_view name, std::string_view why = {}) const
    {
        if (const Field* field = find(name)) return *field;
        std::string detail = "missing required key '" + std::string(name) + "'";
        if (!why.empty()) detail += " (" + std::string(why) + ")";
        context_.fail(anchor_, path_, std::move(detail));
    }

private:
    const Context& context_;
    std::string path_;
    YAML::Mark anchor_;
    std::vector<Field> fields_;
};

std::string readString(const Context& context, const Field& field);

// Only plain true/false: YAML 1.1's yes/no/on/off read differently in different parsers, and a quoted "true"
// is a string.
bool readBool(const Context& context, const Field& field);

// Decimal or 0x hex (masks read better in hex). Leading zeros are refused because YAML 1.1 reads them as octal.
std::uint32_t readUnsigned(const Context& context, const Field& field);

// A CheckedMap over an optional or required block, anchored at the block's key.
CheckedMap openBlock(const Context& context, const Field& field, std::span<const std::string_view> allowed);

// One of `names` (a table of name -> value); the error lists them all.
template <typename Value, std::size_t N>
Value readName(const Context& context, const Field& field, const std::array<std::pair<std::string_view, Value>, N>& names,
               std::string_view what)
{
    const std::string text = readString(context, field);
    for (const auto& [name, value] : names) {
        if (text == name) return value;
    }
    std::vector<std::string_view> known;
    for (const auto& entry : names) known.push_back(entry.first);
    context.fail(field, "unknown " + std::string(what) + " '" + text + "' (known: " + joinNames(known) + ")");
}

std::uint32_t readAtLeastOne(const Context& context, const Field& field);

// KK/AA/QQ in hex (sense key, additional sense code, qualifier), as drives' sense is usually written.
mmc::SenseCode readSense(const Context& context, const Field& field);

// A whole number with a unit: ns, us, ms, s or min (5s, 1500ms).
std::chrono::nanoseconds readDuration(const Context& context, const Field& field);

// A decimal integer with an optional sign (-4, +8).
std::int32_t readSigned(const Context& context, const Field& field);

// The entries of a faults list; an empty value is an empty list.
template <typename Read>
void forEachEntry(const Context& context, const Field& list, Read read)
{
    if (list.value.IsNull()) return;
    if (!list.value.IsSequence()) context.fail(list, "expected a list, got " + describe(list.value));
    std::size_t index = 0;
    for (const YAML::Node& entry : list.value) {
        const std::string path = list.path + "[" + std::to_string(index++) + "]";
        if (!entry.IsMap()) context.fail(entry.Mark(), path, "expected a map, got " + describe(entry));
        read(path, entry);
    }
}

// A key that only some kinds take, present on another kind.
void refuseUnless(const Context& context, const CheckedMap& map, std::string_view key, bool allowed, std::string_view kinds);

}  // namespace cdcts::inventory::detail
