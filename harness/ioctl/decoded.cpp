#include "harness/ioctl/decoded.hpp"

#include <algorithm>

#include "harness/ioctl/json.hpp"

namespace cdcts::ioctl {

Decoded& Decoded::add(Decoded child)
{
    children.push_back(std::move(child));
    return children.back();
}

Decoded& Decoded::add(std::string childName, std::string text)
{
    return add(Decoded{std::move(childName), std::move(text), std::nullopt, {}});
}

Decoded& Decoded::add(std::string childName, std::int64_t childNumber, std::string text)
{
    if (text.empty()) text = std::to_string(childNumber);
    return add(Decoded{std::move(childName), std::move(text), childNumber, {}});
}

Decoded& Decoded::addNote(std::string text)
{
    return add(std::string(kNote), std::move(text));
}

const Decoded* Decoded::child(std::string_view childName) const
{
    const auto it =
        std::find_if(children.begin(), children.end(), [&](const Decoded& c) { return c.name == childName; });
    return it == children.end() ? nullptr : &*it;
}

bool Decoded::hasNote() const
{
    return name == kNote || std::any_of(children.begin(), children.end(), [](const Decoded& c) { return c.hasNote(); });
}

namespace {

void renderTextInto(std::string& out, const Decoded& node, std::size_t depth)
{
    out.append(depth * 2, ' ');
    out += node.name;
    if (!node.value.empty()) {
        out += ": ";
        out += node.value;
    }
    out += '\n';
    for (const Decoded& c : node.children) renderTextInto(out, c, depth + 1);
}

}  // namespace

std::string Decoded::toText() const
{
    std::string out;
    renderTextInto(out, *this, 0);
    return out;
}

void Decoded::writeJson(JsonWriter& json) const
{
    json.beginObject();
    json.key("name").value(name);
    if (!value.empty()) json.key("value").value(value);
    if (number) json.key("number").value(*number);
    if (!children.empty()) {
        json.key("children").beginArray();
        for (const Decoded& c : children) c.writeJson(json);
        json.endArray();
    }
    json.endObject();
}

std::string Decoded::toJson(int indent) const
{
    JsonWriter json(indent);
    writeJson(json);
    return json.str();
}

}  // namespace cdcts::ioctl
