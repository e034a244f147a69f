#pragma once
// A decoded reply as a small tree: each node is a structure, a field or a note, named with the SDK's field
// names. It renders as indented text for people and as JSON for tools (`cdcts ioctl ... --json`).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcts::ioctl {

class JsonWriter;

struct Decoded {
    // Children with this name explain a problem with the data, e.g. that the reply was cut short.
    static constexpr std::string_view kNote = "note";

    std::string name;                    // "CDROM_TOC", "TrackData[1]", "Lba", "note"
    std::string value;                   // display text; empty for a node that only groups children
    std::optional<std::int64_t> number;  // the numeric value of the field, where it has one
    std::vector<Decoded> children;

    Decoded& add(Decoded child);  // returns the added child
    Decoded& add(std::string childName, std::string text);
    // text defaults to the number in decimal.
    Decoded& add(std::string childName, std::int64_t childNumber, std::string text = {});
    Decoded& addNote(std::string text);

    [[nodiscard]] const Decoded* child(std::string_view childName) const;  // first child of that name
    [[nodiscard]] bool hasNote() const;  // a note anywhere in this subtree

    // "name: value", children indented by two spaces per level, one node per line.
    [[nodiscard]] std::string toText() const;
    // {"name": ..., "value": ..., "number": ..., "children": [...]}, leaving out empty members.
    void writeJson(JsonWriter& json) const;  // as one value of a larger document
    [[nodiscard]] std::string toJson(int indent = 0) const;  // indent 0 = one line
};

}  // namespace cdcts::ioctl
