#include "harness/inventory/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <span>
#include <system_error>
#include <utility>

#include "harness/inventory/bench_reader.hpp"
#include "harness/inventory/fault_reader.hpp"
#include "harness/inventory/yaml_fields.hpp"

namespace cdcts::inventory {
namespace {

using namespace detail;

constexpr std::string_view kMediumNone = "none";
constexpr std::string_view kSyntheticPrefix = "synthetic:";
// The image formats the emulated drive loads (ISO, and BIN/CUE through the cue sheet); others are refused up front.
constexpr std::array<std::string_view, 2> kImageExtensions = {".iso", ".cue"};
// The smallest transfer that still carries one cooked sector.
constexpr std::uint32_t kMinimumTransferLength = 2048;

constexpr std::array<std::string_view, 1> kTopKeys = {"devices"};
constexpr std::array<std::string_view, 10> kDeviceKeys = {"id",   "description", "backend", "enabled", "emulated",
                                                          "sgio", "win32",       "adapter", "expect",  "bench"};
constexpr std::array<std::string_view, 5> kEmulatedKeys = {"profile", "medium", "faults", "clock", "defects"};
constexpr std::array<std::pair<std::string_view, EmulatedClock>, 2> kEmulatedClocks = {
    {{"virtual", EmulatedClock::Virtual}, {"real", EmulatedClock::Real}}};
constexpr std::array<std::string_view, 1> kRealDriveKeys = {"path"};
constexpr std::array<std::string_view, 3> kAdapterKeys = {"alignment_mask", "maximum_transfer_length",
                                                          "maximum_physical_pages"};
constexpr std::array<std::string_view, 5> kExpectKeys = {"medium_present", "volume_mounted", "allow_destructive",
                                                         "obsolete_codes", "reference_disc"};
// expect.obsolete_codes: the value that declares a code supported (else an NTSTATUS name: rejected with it).
constexpr std::string_view kSupported = "supported";
constexpr std::array<Backend, 3> kBackends = {Backend::Emulated, Backend::SgIo, Backend::Win32};

void checkId(const Context& context, const Field& field, const std::string& id)
{
    // It becomes a GoogleTest parameter name and a CTest resource id, which allow no more than this.
    const bool valid = !id.empty() && id.front() >= 'a' && id.front() <= 'z' &&
                       std::all_of(id.begin(), id.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                       });
    if (!valid) {
        context.fail(field, "'" + id + "' is not a valid id (a lowercase letter, then lowercase letters, digits or _)");
    }
}

Backend readBackend(const Context& context, const Field& field)
{
    const std::string name = readString(context, field);
    for (const Backend backend : kBackends) {
        if (name == backendName(backend)) return backend;
    }
    std::vector<std::string_view> known;
    for (const Backend backend : kBackends) known.emplace_back(backendName(backend));
    context.fail(field, "unknown backend '" + name + "' (known: " + joinNames(known) + ")");
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

// Returns what EmulatedParams::medium stores: "none", "synthetic:<kind>", or the image's resolved path.
std::string readMedium(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    const auto fail = [&](const std::string& detail) { context.fail(field, detail); };
    if (text.empty()) fail("expected none, synthetic:<kind> or the path of a disc image, got an empty string");
    if (text == kMediumNone) return text;
    if (text.starts_with(kSyntheticPrefix)) {
        const std::string kind = text.substr(kSyntheticPrefix.size());
        const auto& kinds = context.vocabulary.syntheticDiscKinds;
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
            fail("unknown synthetic disc kind '" + kind + "' (known: " + joinNames(kinds) + ")");
        }
        return text;
    }
    const std::filesystem::path image(text);
    const std::string extension = lowercase(image.extension().string());
    if (std::find(kImageExtensions.begin(), kImageExtensions.end(), extension) == kImageExtensions.end()) {
        const std::string type = extension.empty() ? "(no extension)" : "'" + image.extension().string() + "'";
        fail("unsupported image type " + type + " of '" + text + "' (supported: " + joinNames(kImageExtensions) +
             ")");
    }
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::absolute(context.baseDirectory / image, error);
    if (error) resolved = context.baseDirectory / image;
    resolved = resolved.lexically_normal();
    const std::filesystem::file_status status = std::filesystem::status(resolved, error);
    if (status.type() == std::filesystem::file_type::not_found) {
        fail("image file '" + resolved.string() + "' does not exist");
    }
    if (error) fail("image file '" + resolved.string() + "' cannot be read: " + error.message());
    if (!std::filesystem::is_regular_file(status)) fail("image '" + resolved.string() + "' is not a regular file");
    if (!std::ifstream(resolved, std::ios::binary)) fail("image file '" + resolved.string() + "' cannot be read");
    return resolved.string();
}

// expect.reference_disc: the description of the reference disc the drive holds (a .disc.yaml, docs/reference-disc.md),
// resolved against the folder devices.yaml is in like an image path. Only its existence is checked here; the
// reference-disc oracle (fixtures/) reads it and reports a mistake in it as <file>:<line>: <field>.
std::string readReferenceDisc(const Context& context, const Field& field)
{
    const std::string text = readString(context, field);
    if (text.empty()) context.fail(field, "expected the path of a reference disc description (.disc.yaml), got an empty string");
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::absolute(context.baseDirectory / text, error);
    if (error) resolved = context.baseDirectory / text;
    resolved = resolved.lexically_normal();
    if (!std::filesystem::is_regular_file(resolved, error) || !std::ifstream(resolved, std::ios::binary))
        context.fail(field, "reference disc description '" + resolved.string() + "' does not exist or cannot be read");
    return resolved.string();
}

// emulated.defects: a list of seeded-defect names from the vocabulary, each at most once.
defects::DefectSet readDefects(const Context& context, const Field& list)
{
    defects::DefectSet set;
    const auto& known = context.vocabulary.defects;
    if (list.value.IsNull()) return set;
    if (!list.value.IsSequence()) context.fail(list, "expected a list of defect names, got " + describe(list.value));
    std::size_t index = 0;
    for (const YAML::Node& entry : list.value) {
        const std::string path = list.path + "[" + std::to_string(index++) + "]";
        if (!entry.IsScalar()) context.fail(entry.Mark(), path, "expected a defect name, got " + describe(entry));
        const std::string name = entry.Scalar();
        const auto found = defects::findDefect(name);
        if (!found || std::find(known.begin(), known.end(), name) == known.end()) {
            context.fail(entry.Mark(), path, "unknown defect '" + name + "' (known: " + joinNames(known) + ")");
        }
        if (set.has(*found)) context.fail(entry.Mark(), path, "defect '" + name + "' is listed twice");
        set.add(*found);
    }
    return set;
}

EmulatedParams readEmulated(const Context& context, const Field& block)
{
    const CheckedMap map = openBlock(context, block, kEmulatedKeys);
    EmulatedParams params;
    const Field& profile = map.require("profile");
    params.profile = readString(context, profile);
    const auto& profiles = context.vocabulary.profiles;
    if (std::find(profiles.begin(), profiles.end(), params.profile) == profiles.end()) {
        context.fail(profile, "unknown profile '" + params.profile + "' (known: " + joinNames(profiles) + ")");
    }
    params.medium = readMedium(context, map.require("medium"));
    if (const Field* field = map.find("faults")) params.faults = readFaults(context, *field);
    if (const Field* field = map.find("clock")) params.clock = readName(context, *field, kEmulatedClocks, "clock");
    if (const Field* field = map.find("defects")) params.defects = readDefects(context, *field);
    return params;
}

RealDriveParams readRealDrive(const Context& context, const Field& block, Backend backend)
{
    const CheckedMap map = openBlock(context, block, kRealDriveKeys);
    const Field& path = map.require("path");
    RealDriveParams params{readString(context, path)};
    // The drive need not be attached to the machine reading the file; only the spelling is checked here.
    if (backend == Backend::SgIo && !params.path.starts_with('/')) {
        context.fail(path, "expected an absolute device path such as /dev/sg1 or /dev/sr0, got '" + params.path + "'");
    }
    if (backend == Backend::Win32 && !params.path.starts_with("\\\\.\\") && !params.path.starts_with("\\\\?\\")) {
        context.fail(path, "expected a device path such as '\\\\.\\CdRom0', got '" + params.path +
                               "' (in double quotes a backslash is an escape; use single quotes)");
    }
    return params;
}

AdapterOverrides readAdapter(const Context& context, const Field& block)
{
    const CheckedMap map = openBlock(context, block, kAdapterKeys);
    AdapterOverrides overrides;
    if (const Field* field = map.find("alignment_mask")) {
        const std::uint32_t mask = readUnsigned(context, *field);
        // The class driver aligns buffers to (mask + 1) bytes, which only works for a power of two.
        if ((mask & (mask + 1U)) != 0) {
            context.fail(*field, "must be one less than a power of two (0, 1, 3, 7, ...), got " + std::to_string(mask));
        }
        overrides.alignmentMask = mask;
    }
    if (const Field* field = map.find("maximum_transfer_length")) {
        const std::uint32_t length = readUnsigned(context, *field);
        if (length < kMinimumTransferLength) {
            context.fail(*field, "must be at least " + std::to_string(kMinimumTransferLength) + " (one sector), got " +
                                     std::to_string(length));
        }
        overrides.maximumTransferLength = length;
    }
    if (const Field* field = map.find("maximum_physical_pages")) {
        const std::uint32_t pages = readUnsigned(context, *field);
        if (pages < 1) context.fail(*field, "must be at least 1, got 0");
        overrides.maximumPhysicalPages = pages;
    }
    return overrides;
}

// expect.obsolete_codes: a map from an obsolete code's SDK name to `supported` or the NTSTATUS it is rejected with.
std::vector<ObsoleteCodeDeclaration> readObsoleteCodes(const Context& context, const Field& field)
{
    std::vector<ObsoleteCodeDeclaration> declared;
    if (field.value.IsNull()) return declared;
    if (!field.value.IsMap()) context.fail(field, "expected a map of code: supported | STATUS_..., got " + describe(field.value));
    const auto& codes = context.vocabulary.obsoleteCodes;
    const auto& statuses = context.vocabulary.rejectionStatuses;
    std::vector<int> lines;
    for (const auto& pair : field.value) {
        const YAML::Node key = pair.first;
        if (!key.IsScalar()) context.fail(key.Mark(), field.path, "a key must be a code name, got " + describe(key));
        const Field entry{key.Scalar(), joinPath(field.path, key.Scalar()), key, pair.second};
        if (std::find(codes.begin(), codes.end(), entry.name) == codes.end()) {
            context.fail(entry, "not an obsolete code (known: " + joinNames(codes) + ")");
        }
        for (std::size_t i = 0; i < declared.size(); ++i) {
            if (declared[i].code == entry.name) {
                context.fail(entry, "duplicate key (first at line " + std::to_string(lines[i]) + ")");
            }
        }
        const std::string value = readString(context, entry);
        if (value != kSupported && std::find(statuses.begin(), statuses.end(), value) == statuses.end()) {
            context.fail(entry, "unknown answer '" + value + "' (expected " + std::string(kSupported) +
                                    " or the status it is rejected with: " + joinNames(statuses) + ")");
        }
        declared.push_back({entry.name, value == kSupported ? std::string() : value});
        lines.push_back(key.Mark().line + 1);
    }
    return declared;
}

Expectations readExpect(const Context& context, const CheckedMap& map)
{
    Expectations expect;
    if (const Field* field = map.find("medium_present")) expect.mediumPresent = readBool(context, *field);
    if (const Field* field = map.find("volume_mounted")) expect.volumeMounted = readBool(context, *field);
    if (const Field* field = map.find("allow_destructive")) expect.allowDestructive = readBool(context, *field);
    if (const Field* field = map.find("obsolete_codes")) expect.obsoleteCodes = readObsoleteCodes(context, *field);
    if (const Field* field = map.find("reference_disc")) {
        expect.referenceDisc = readReferenceDisc(context, *field);
        if (expect.mediumPresent == false) context.fail(*field, "names a disc in the drive, but medium_present is false");
        expect.mediumPresent = true;
    }
    return expect;
}

// An emulated drive's medium is known, so a declared medium_present must agree with it.
void checkMediumPresent(const Context& context, const DeviceSpec& spec, const Field& field)
{
    const bool hasDisc = spec.emulated.medium != kMediumNone;
    if (*spec.expect.mediumPresent == hasDisc) return;
    context.fail(field, hasDisc ? "is false, but emulated.medium '" + spec.emulated.medium + "' is a disc"
                                : "is true, but emulated.medium is none (no disc)");
}

// `earlier` holds the devices before this one, for the uniqueness of ids.
DeviceSpec readDevice(const Context& context, const YAML::Node& node, const std::string& path,
                      const Inventory& earlier)
{
    if (!node.IsMap()) {
        context.fail(node.Mark(), path, "expected a map describing a device (id, backend, ...), got " + describe(node));
    }
    const CheckedMap map(context, node, path, node.Mark(), kDeviceKeys);
    DeviceSpec spec;
    spec.location = context.at(node.Mark());

    const Field& id = map.require("id");
    spec.id = readString(context, id);
    checkId(context, id, spec.id);
    if (const DeviceSpec* first = findDevice(earlier, spec.id)) {
        context.fail(id, "duplicate id '" + spec.id + "' (first at line " + std::to_string(first->location.line) + ")");
    }
    spec.backend = readBackend(context, map.require("backend"));
    if (const Field* field = map.find("enabled")) spec.enabled = readBool(context, *field);
    if (const Field* field = map.find("description")) spec.description = readString(context, *field);

    // Only the chosen backend's block may appear: a leftover block is most likely a half-edited entry.
    for (const Backend other : kBackends) {
        const Field* block = map.find(backendName(other));
        if (block != nullptr && other != spec.backend) {
            context.fail(*block,
                         std::string("block for backend ") + backendName(other) + ", but this device's backend is " +
                             backendName(spec.backend));
        }
    }
    const std::string blockName = backendName(spec.backend);
    const Field& block = map.require(blockName, "backend " + blockName + " needs it");
    if (spec.backend == Backend::Emulated) {
        spec.emulated = readEmulated(context, block);
    } else {
        spec.real = readRealDrive(context, block, spec.backend);
    }

    if (const Field* field = map.find("adapter")) spec.adapter = readAdapter(context, *field);
    if (const Field* field = map.find("expect")) {
        const CheckedMap expect = openBlock(context, *field, kExpectKeys);
        spec.expect = readExpect(context, expect);
        const Field* mediumPresent = expect.find("medium_present");
        if (spec.backend == Backend::Emulated && mediumPresent != nullptr) {
            checkMediumPresent(context, spec, *mediumPresent);
        }
        const Field* referenceDisc = expect.find("reference_disc");
        if (spec.backend == Backend::Emulated && referenceDisc != nullptr && spec.emulated.medium == kMediumNone) {
            context.fail(*referenceDisc, "names a disc in the drive, but emulated.medium is none (no disc)");
        }
    }
    if (const Field* field = map.find("bench")) spec.bench = readBench(context, *field);
    // Filled in so that suites read mediumPresent alone, whatever the backend.
    if (spec.backend == Backend::Emulated && !spec.expect.mediumPresent) {
        spec.expect.mediumPresent = spec.emulated.medium != kMediumNone;
    }
    return spec;
}

std::string composeMessage(const SourceLocation& location, const std::string& keyPath, const std::string& detail)
{
    std::string message = location.file;
    if (location.line > 0) message += ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
    message += ": ";
    if (!keyPath.empty()) message += keyPath + ": ";
    return message + detail;
}

std::vector<YAML::Node> loadDocuments(const Context& context, std::string_view yamlText)
{
    try {
        return YAML::LoadAll(std::string(yamlText));
    } catch (const YAML::Exception& error) {
        context.fail(error.mark, "", "malformed YAML: " + error.msg);
    }
}

}  // namespace

InventoryError::InventoryError(SourceLocation location, std::string keyPath, std::string detail)
    : std::runtime_error(composeMessage(location, keyPath, detail)),
      location_(std::move(location)),
      keyPath_(std::move(keyPath)),
      detail_(std::move(detail))
{
}

DeviceSelectionError::DeviceSelectionError(const std::filesystem::path& file, std::string deviceId,
                                           std::string detail)
    : InventoryError({file.string(), 0, 0}, "", std::move(detail)), deviceId_(std::move(deviceId))
{
}

Inventory parseInventory(std::string_view yamlText, const std::filesystem::path& fileForMessages,
                         const InventoryVocabulary& vocabulary)
{
    const Context context{fileForMessages.string(), fileForMessages.parent_path(), vocabulary};
    const std::vector<YAML::Node> documents = loadDocuments(context, yamlText);
    const YAML::Mark start;  // 1:1, for a document with nothing to point at
    if (documents.empty() || documents.front().IsNull()) {
        context.fail(start, "", "the inventory is empty; expected a map with a 'devices' list");
    }
    if (documents.size() > 1) {
        context.fail(documents[1].Mark(), "", "more than one YAML document; the inventory is a single document");
    }
    const YAML::Node& root = documents.front();
    if (!root.IsMap()) {
        context.fail(root.Mark(), "", "the top level must be a map with a 'devices' list, got " + describe(root));
    }
    const CheckedMap top(context, root, "", root.Mark(), kTopKeys);
    const Field& devices = top.require("devices");
    if (!devices.value.IsSequence()) {
        context.fail(devices, "expected a list of devices, got " + describe(devices.value));
    }

    Inventory inventory;
    inventory.file = fileForMessages;
    for (const YAML::Node& entry : devices.value) {
        const std::string path = "devices[" + std::to_string(inventory.devices.size()) + "]";
        inventory.devices.push_back(readDevice(context, entry, path, inventory));
    }
    return inventory;
}

Inventory loadInventory(const std::filesystem::path& file, const InventoryVocabulary& vocabulary)
{
    const auto fail = [&](const std::string& detail) { throw InventoryError({file.string(), 0, 0}, "", detail); };
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(file, error);
    if (status.type() == std::filesystem::file_type::not_found) fail("cannot read the device inventory: no such file");
    if (error) fail("cannot read the device inventory: " + error.message());  // e.g. a folder on the way is locked
    if (!std::filesystem::is_regular_file(status)) fail("cannot read the device inventory: not a regular file");
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const std::string reason = errno != 0 ? std::generic_category().message(errno) : "cannot open it";
        fail("cannot read the device inventory: " + reason);
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) fail("cannot read the device inventory: read error");
    return parseInventory(text, file, vocabulary);
}

std::vector<const DeviceSpec*> selectDevices(const Inventory& inventory, const std::vector<std::string>& ids)
{
    std::vector<const DeviceSpec*> selected;
    if (ids.empty()) {
        for (const DeviceSpec& spec : inventory.devices) {
            if (spec.enabled) selected.push_back(&spec);
        }
        return selected;
    }
    for (const std::string& id : ids) {
        const DeviceSpec* spec = findDevice(inventory, id);
        if (spec == nullptr) {
            std::vector<std::string_view> known;
            for (const DeviceSpec& device : inventory.devices) known.emplace_back(device.id);
            throw DeviceSelectionError(inventory.file, id,
                                       "no device '" + id + "' in the inventory (known: " + joinNames(known) + ")");
        }
        // Two runs on one drive at once would fight over it.
        if (std::find(selected.begin(), selected.end(), spec) != selected.end()) {
            throw DeviceSelectionError(inventory.file, id, "device '" + id + "' is selected twice");
        }
        selected.push_back(spec);
    }
    return selected;
}

const DeviceSpec* findDevice(const Inventory& inventory, std::string_view id)
{
    const auto it = std::find_if(inventory.devices.begin(), inventory.devices.end(),
                                 [&](const DeviceSpec& spec) { return spec.id == id; });
    return it == inventory.devices.end() ? nullptr : &*it;
}

}  // namespace cdcts::inventory
