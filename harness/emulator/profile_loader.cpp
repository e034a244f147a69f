// Profile files (profiles/*.yaml, docs/drive-profiles.md) -> DriveProfile. Every mistake is reported with the
// file, line and column and the dotted key path, so a broken profile says where it is broken.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "harness/emulator/feature_catalog.hpp"
#include "harness/emulator/profile.hpp"

namespace cdcts::emulator {
namespace {

std::string joined(std::span<const std::string_view> names)
{
    std::string out;
    for (const auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::string describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    default: return "nothing";
    }
}

class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& path, const std::string& detail) const
    {
        std::string message = file_;
        if (!mark.is_null()) message += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
        message += ": ";
        if (!path.empty()) message += path + ": ";
        throw ProfileError(message + detail);
    }

private:
    std::string file_;
};

// A value with the place it came from.
struct Field {
    YAML::Node key;
    YAML::Node value;
    std::string path;
};

// A map whose keys are checked against the allowed names; required keys are asked for with `required`.
class Block {
public:
    Block(const Reader& reader, const YAML::Node& node, std::string path, const YAML::Mark& anchor,
          std::span<const std::string_view> allowed)
        : reader_(reader), path_(std::move(path)), anchor_(anchor)
    {
        if (!node.IsMap()) reader_.fail(node.IsDefined() && !node.IsNull() ? node.Mark() : anchor, path_,
                                        "expected a map, got " + describe(node));
        for (const auto& pair : node) {
            const YAML::Node key = pair.first;
            if (!key.IsScalar()) reader_.fail(key.Mark(), path_, "a key must be a name, got " + describe(key));
            const std::string keyPath = child(key.Scalar());
            if (std::find(allowed.begin(), allowed.end(), key.Scalar()) == allowed.end())
                reader_.fail(key.Mark(), keyPath, "unknown key (allowed: " + joined(allowed) + ")");
            for (const auto& f : fields_)
                if (f.key.Scalar() == key.Scalar())
                    reader_.fail(key.Mark(), keyPath, "duplicate key (first at line " + std::to_string(f.key.Mark().line + 1) + ")");
            fields_.push_back({key, pair.second, keyPath});
        }
    }

    [[nodiscard]] const Field* optional(std::string_view key) const
    {
        for (const auto& f : fields_)
            if (f.key.Scalar() == key) return &f;
        return nullptr;
    }
    [[nodiscard]] const Field& required(std::string_view key) const
    {
        if (const Field* f = optional(key)) return *f;
        reader_.fail(anchor_, child(std::string(key)), "missing required key");
    }
    [[nodiscard]] const std::vector<Field>& fields() const { return fields_; }

private:
    [[nodiscard]] std::string child(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    const Reader& reader_;
    std::string path_;
    YAML::Mark anchor_;
    std::vector<Field> fields_;
};

Block openBlock(const Reader& reader, const Field& field, std::span<const std::string_view> allowed)
{
    return Block(reader, field.value, field.path, field.key.Mark(), allowed);
}

std::string readString(const Reader& r, const Field& f)
{
    if (!f.value.IsScalar()) r.fail(f.value.Mark(), f.path, "expected a string, got " + describe(f.value));
    return f.value.Scalar();
}

// Plain true/false only: YAML 1.1's yes/no/on/off read differently in different parsers.
bool readBool(const Reader& r, const Field& f)
{
    if (f.value.IsScalar() && f.value.Tag() == "?") {
        if (f.value.Scalar() == "true") return true;
        if (f.value.Scalar() == "false") return false;
    }
    r.fail(f.value.Mark(), f.path, "expected true or false, got " + describe(f.value));
}

// Decimal or 0x hex, at most `max`.
std::uint32_t parseUnsigned(const Reader& r, const YAML::Node& value, const std::string& path, std::uint64_t max)
{
    const std::string expected = "expected an unsigned integer (decimal, or hex with 0x), got ";
    if (!value.IsScalar() || value.Tag() != "?") r.fail(value.Mark(), path, expected + describe(value));
    const std::string& text = value.Scalar();
    const bool hex = text.starts_with("0x") || text.starts_with("0X");
    const std::string_view digits = std::string_view(text).substr(hex ? 2 : 0);
    if (digits.empty()) r.fail(value.Mark(), path, expected + describe(value));
    std::uint64_t result = 0;
    for (const char c : digits) {
        std::uint64_t digit = 99;
        if (c >= '0' && c <= '9') digit = static_cast<std::uint64_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') digit = static_cast<std::uint64_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') digit = static_cast<std::uint64_t>(c - 'A' + 10);
        if (digit >= (hex ? 16u : 10u)) r.fail(value.Mark(), path, expected + describe(value));
        result = result * (hex ? 16u : 10u) + digit;
        if (result > max) r.fail(value.Mark(), path, "'" + text + "' is out of range (at most " + std::to_string(max) + ")");
    }
    return static_cast<std::uint32_t>(result);
}

std::uint32_t readUnsigned(const Reader& r, const Field& f, std::uint64_t max = std::numeric_limits<std::uint32_t>::max())
{
    return parseUnsigned(r, f.value, f.path, max);
}

std::vector<std::uint32_t> readUnsignedList(const Reader& r, const Field& f, std::uint64_t max)
{
    if (!f.value.IsSequence()) r.fail(f.value.Mark(), f.path, "expected a list, got " + describe(f.value));
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < f.value.size(); ++i)
        out.push_back(parseUnsigned(r, f.value[i], f.path + "[" + std::to_string(i) + "]", max));
    return out;
}

template <typename T, std::size_t N>
T readChoice(const Reader& r, const Field& f, const std::pair<std::string_view, T> (&choices)[N])
{
    const std::string text = readString(r, f);
    std::string names;
    for (const auto& [name, value] : choices) {
        if (name == text) return value;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    r.fail(f.value.Mark(), f.path, "unknown value '" + text + "' (one of: " + names + ")");
}

// "<integer> <unit>" with unit ns, us, ms or s.
Nanoseconds readDuration(const Reader& r, const Field& f)
{
    const std::string text = readString(r, f);
    std::istringstream in(text);
    std::uint64_t count = 0;
    std::string unit, rest;
    const std::pair<std::string_view, std::uint64_t> units[] = {{"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}};
    if (in >> count >> unit && !(in >> rest) && text.front() != '-')
        for (const auto& [name, scale] : units)
            if (name == unit && count <= 3600ull * 1000000000ull / scale) return Nanoseconds(static_cast<std::int64_t>(count * scale));
    r.fail(f.value.Mark(), f.path, "expected a duration such as '140 ms' (units ns, us, ms, s; at most an hour), got '" + text + "'");
}

// Hex bytes separated by spaces: "00 04 FF".
std::vector<std::uint8_t> readHexBytes(const Reader& r, const Field& f, std::size_t expectedLength)
{
    const std::string text = readString(r, f);
    std::istringstream in(text);
    std::vector<std::uint8_t> out;
    std::string byte;
    while (in >> byte) {
        if (byte.size() != 2 || !std::isxdigit(static_cast<unsigned char>(byte[0])) || !std::isxdigit(static_cast<unsigned char>(byte[1])))
            r.fail(f.value.Mark(), f.path, "'" + byte + "' is not a hex byte (two hex digits)");
        out.push_back(static_cast<std::uint8_t>(std::stoul(byte, nullptr, 16)));
    }
    if (out.size() != expectedLength)
        r.fail(f.value.Mark(), f.path, "expected " + std::to_string(expectedLength) + " bytes (the page after its length byte), got " +
                                           std::to_string(out.size()));
    return out;
}

void putBe(std::vector<std::uint8_t>& out, std::size_t at, std::uint32_t value, std::size_t width)
{
    for (std::size_t i = 0; i < width; ++i) out[at + i] = static_cast<std::uint8_t>(value >> (8 * (width - 1 - i)));
}

constexpr std::pair<std::string_view, std::uint32_t> kPhysicalInterfaces[] = {
    {"scsi", 1}, {"atapi", 2}, {"ieee1394", 3}, {"ieee1394a", 4}, {"fibre_channel", 5},
    {"ieee1394b", 6}, {"serial_atapi", 7}, {"usb", 8},
};

// Builds one feature descriptor's data from its block: named fields by the catalog, special parts by code.
FeatureDescriptor readFeature(const Reader& r, const Field& f, const FeatureSpec& spec, const DriveProfile& profile)
{
    std::vector<std::string_view> allowed{"version"};
    for (const auto& field : spec.fields) allowed.push_back(field.key);
    if (spec.code == feature::IncrementalStreamingWritable) allowed.push_back("link_sizes");
    if (spec.code == feature::FirmwareInformation) allowed.push_back("date");
    const Block block = openBlock(r, f, allowed);

    FeatureDescriptor out;
    out.code = spec.code;
    out.version = static_cast<std::uint8_t>(readUnsigned(r, block.required("version"), 15));
    std::vector<std::uint8_t> descriptor(4u + spec.additionalLength, 0);
    for (const auto& field : spec.fields) {
        const Field* value = block.optional(field.key);
        if (value == nullptr) continue;
        switch (field.kind) {
        case FieldKind::Bit:
            if (readBool(r, *value)) descriptor[field.byte] = static_cast<std::uint8_t>(descriptor[field.byte] | (1u << field.bit));
            break;
        case FieldKind::Byte: descriptor[field.byte] = static_cast<std::uint8_t>(readUnsigned(r, *value, 0xFF)); break;
        case FieldKind::Be16:
            putBe(descriptor, field.byte,
                  field.key == "physical_interface" ? readChoice(r, *value, kPhysicalInterfaces) : readUnsigned(r, *value, 0xFFFF), 2);
            break;
        case FieldKind::Be24: putBe(descriptor, field.byte, readUnsigned(r, *value, 0xFFFFFF), 3); break;
        }
    }
    switch (spec.code) {
    case feature::RemovableMedium:
        descriptor[4] = static_cast<std::uint8_t>(descriptor[4] | (static_cast<unsigned>(profile.loading) << 5));
        break;
    case feature::RandomReadable:
        putBe(descriptor, 4, 2048, 4);  // logical block size; the blocking (bytes 8-9) follows the medium
        break;
    case feature::CdRead:
        if (profile.behaviours.c2 != C2Support::None) descriptor[4] |= 0x02;
        if (profile.behaviours.cdText) descriptor[4] |= 0x01;
        break;
    case feature::DvdRead:
        if (out.version == 0) descriptor.resize(4);  // version 0 has no data (MMC-5)
        break;
    case feature::IncrementalStreamingWritable: {
        std::vector<std::uint32_t> links;
        if (const Field* l = block.optional("link_sizes")) links = readUnsignedList(r, *l, 0xFF);
        descriptor[7] = static_cast<std::uint8_t>(links.size());
        for (const auto link : links) descriptor.push_back(static_cast<std::uint8_t>(link));
        while (descriptor.size() % 4 != 0) descriptor.push_back(0);  // pad to a multiple of four
        break;
    }
    case feature::DriveSerialNumber: {
        descriptor.insert(descriptor.end(), profile.serialNumber.begin(), profile.serialNumber.end());
        while (descriptor.size() % 4 != 0) descriptor.push_back(' ');  // ASCII, padded with spaces
        break;
    }
    case feature::FirmwareInformation: {
        const Field& date = block.required("date");
        const std::string text = readString(r, date);
        if (text.size() != 14 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            r.fail(date.value.Mark(), date.path, "expected 14 digits YYYYMMDDhhmmss, got '" + text + "'");
        std::copy(text.begin(), text.end(), descriptor.begin() + 4);
        break;
    }
    default: break;
    }
    out.data.assign(descriptor.begin() + 4, descriptor.end());
    return out;
}

constexpr std::pair<std::string_view, RotationControl> kRotations[] = {
    {"clv", RotationControl::Clv}, {"cav", RotationControl::Cav}, {"zclv", RotationControl::Zclv}, {"pcav", RotationControl::Pcav}};
constexpr std::pair<std::string_view, C2Support> kC2Layouts[] = {
    {"none", C2Support::None}, {"pointers", C2Support::Pointers}, {"pointers_and_block_error", C2Support::PointersAndBlockError}};
constexpr std::pair<std::string_view, LoadingMechanism> kLoadingMechanisms[] = {
    {"caddy_slot", LoadingMechanism::CaddySlot}, {"tray", LoadingMechanism::Tray}, {"pop_up", LoadingMechanism::PopUp}};

constexpr std::string_view kTopKeys[] = {"name", "description", "identity", "adapter", "loading", "media_profiles",
                                         "features", "speeds", "timings", "behaviours", "mode_pages"};
constexpr std::string_view kIdentityKeys[] = {"vendor", "product", "revision", "serial"};
constexpr std::string_view kAdapterKeys[] = {"alignment_mask", "maximum_transfer_length", "maximum_physical_pages"};
constexpr std::string_view kSpeedKeys[] = {"rotation", "max_read_kbps", "read_kbps", "write_kbps", "pcav_cap_kbps", "zones"};
constexpr std::string_view kZoneKeys[] = {"start_lba", "rate_kbps"};
constexpr std::string_view kTimingKeys[] = {"spin_up", "idle_spin_down", "full_stroke_seek", "minimum_seek", "command_overhead",
                                            "tray_travel", "marginal_retry", "marginal_retries", "slow_sector_delay"};
constexpr std::string_view kBehaviourKeys[] = {"read_offset_samples", "audio_cache", "c2", "streaming", "get_performance",
                                               "performance_current_speed_only", "reserve_release", "cd_text",
                                               "get_configuration", "event_status_notification"};
constexpr std::string_view kModePageKeys[] = {"read_write_error_recovery", "cd_device_parameters", "cd_audio_control",
                                              "power_condition", "buffer_size_kb", "mmc3_capabilities"};
constexpr std::string_view kPageKeys[] = {"default", "changeable"};

std::string readAscii(const Reader& r, const Field& f, std::size_t maxLength)
{
    const std::string text = readString(r, f);
    if (text.empty() || text.size() > maxLength || !std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        r.fail(f.value.Mark(), f.path, "expected 1 to " + std::to_string(maxLength) + " printable ASCII characters, got '" + text + "'");
    return text;
}

void readIdentity(const Reader& r, const Block& top, DriveProfile& p)
{
    const Block id = openBlock(r, top.required("identity"), kIdentityKeys);
    // Widths of the INQUIRY fields (SPC-4 Table 142).
    p.vendor = readAscii(r, id.required("vendor"), 8);
    p.product = readAscii(r, id.required("product"), 16);
    p.revision = readAscii(r, id.required("revision"), 4);
    p.serialNumber = readAscii(r, id.required("serial"), 20);
}

void readSpeeds(const Reader& r, const Block& top, DriveProfile& p)
{
    const Block s = openBlock(r, top.required("speeds"), kSpeedKeys);
    p.speeds.rotation = readChoice(r, s.required("rotation"), kRotations);
    p.speeds.maxReadKbps = readUnsigned(r, s.required("max_read_kbps"), 0xFFFF);
    const Field& reads = s.required("read_kbps");
    p.speeds.readSpeedsKbps = readUnsignedList(r, reads, 0xFFFF);
    const auto fastestFirst = [&](const Field& f, const std::vector<std::uint32_t>& list) {
        if (!std::is_sorted(list.begin(), list.end(), std::greater<>()) || std::adjacent_find(list.begin(), list.end()) != list.end())
            r.fail(f.value.Mark(), f.path, "speeds must be listed fastest first, each once");
    };
    fastestFirst(reads, p.speeds.readSpeedsKbps);
    if (p.speeds.readSpeedsKbps.empty() || p.speeds.readSpeedsKbps.front() != p.speeds.maxReadKbps)
        r.fail(reads.value.Mark(), reads.path, "the first (fastest) speed must equal max_read_kbps");
    if (const Field* w = s.optional("write_kbps")) {
        p.speeds.writeSpeedsKbps = readUnsignedList(r, *w, 0xFFFF);
        fastestFirst(*w, p.speeds.writeSpeedsKbps);
    }
    const Field* cap = s.optional("pcav_cap_kbps");
    if (cap != nullptr) p.speeds.pcavCapKbps = readUnsigned(r, *cap, 0xFFFF);
    if (p.speeds.rotation == RotationControl::Pcav && p.speeds.pcavCapKbps == 0)
        r.fail(cap ? cap->value.Mark() : s.required("rotation").value.Mark(), "speeds.pcav_cap_kbps", "P-CAV needs a cap above 0");
    if (const Field* z = s.optional("zones")) {
        if (!z->value.IsSequence()) r.fail(z->value.Mark(), z->path, "expected a list, got " + describe(z->value));
        for (std::size_t i = 0; i < z->value.size(); ++i) {
            const Field zone{z->key, z->value[i], z->path + "[" + std::to_string(i) + "]"};
            const Block b(r, zone.value, zone.path, zone.value.Mark(), kZoneKeys);
            p.speeds.zoneStartLbas.push_back(static_cast<std::int32_t>(readUnsigned(r, b.required("start_lba"), 0x7FFFFFFF)));
            p.speeds.zoneRatesKbps.push_back(readUnsigned(r, b.required("rate_kbps"), 0xFFFF));
        }
        if (!std::is_sorted(p.speeds.zoneStartLbas.begin(), p.speeds.zoneStartLbas.end()))
            r.fail(z->value.Mark(), z->path, "zones must be in ascending start_lba order");
    }
    if (p.speeds.rotation == RotationControl::Zclv && p.speeds.zoneStartLbas.empty())
        r.fail(s.required("rotation").value.Mark(), "speeds.zones", "Z-CLV needs zones");
}

void readTimings(const Reader& r, const Block& top, DriveProfile& p)
{
    const Block t = openBlock(r, top.required("timings"), kTimingKeys);
    p.timings.spinUp = readDuration(r, t.required("spin_up"));
    p.timings.idleSpinDown = readDuration(r, t.required("idle_spin_down"));
    p.timings.fullStrokeSeek = readDuration(r, t.required("full_stroke_seek"));
    p.timings.minimumSeek = readDuration(r, t.required("minimum_seek"));
    p.timings.commandOverhead = readDuration(r, t.required("command_overhead"));
    p.timings.trayTravel = readDuration(r, t.required("tray_travel"));
    p.timings.marginalRetry = readDuration(r, t.required("marginal_retry"));
    p.timings.marginalRetries = static_cast<std::uint8_t>(readUnsigned(r, t.required("marginal_retries"), 0xFF));
    p.timings.slowSectorDelay = readDuration(r, t.required("slow_sector_delay"));
}

void readBehaviours(const Reader& r, const Block& top, DriveProfile& p)
{
    const Field* field = top.optional("behaviours");
    if (field == nullptr) return;  // every behaviour has a default
    const Block b = openBlock(r, *field, kBehaviourKeys);
    auto& out = p.behaviours;
    if (const Field* f = b.optional("read_offset_samples")) {
        // Signed: a negative offset is real (perf-anchors.md); plain decimal.
        const std::string text = readString(r, *f);
        try {
            std::size_t used = 0;
            const long v = std::stol(text, &used);
            if (used != text.size() || v < -32768 || v > 32767) throw std::out_of_range(text);
            out.readOffsetSamples = static_cast<std::int16_t>(v);
        } catch (const std::logic_error&) {
            r.fail(f->value.Mark(), f->path, "expected a signed integer from -32768 to 32767, got '" + text + "'");
        }
    }
    const std::pair<std::string_view, bool*> flags[] = {
        {"audio_cache", &out.audioCache},           {"streaming", &out.streaming},
        {"get_performance", &out.getPerformance},   {"performance_current_speed_only", &out.performanceCurrentSpeedOnly},
        {"reserve_release", &out.reserveRelease},   {"cd_text", &out.cdText},
        {"get_configuration", &out.getConfiguration}, {"event_status_notification", &out.eventStatusNotification},
    };
    for (const auto& [key, target] : flags)
        if (const Field* f = b.optional(key)) *target = readBool(r, *f);
    if (const Field* f = b.optional("c2"))
        out.c2 = readChoice(r, *f, kC2Layouts);
}

void readMediaProfiles(const Reader& r, const Block& top, DriveProfile& p)
{
    const Field& f = top.required("media_profiles");
    if (!f.value.IsSequence() || f.value.size() == 0) r.fail(f.value.Mark(), f.path, "expected a list of media profile names, got " + describe(f.value));
    for (std::size_t i = 0; i < f.value.size(); ++i) {
        const Field item{f.key, f.value[i], f.path + "[" + std::to_string(i) + "]"};
        const std::string name = readString(r, item);
        const auto names = mediaProfileNames();
        const auto found = std::find_if(names.begin(), names.end(), [&](const auto& m) { return m.key == name; });
        if (found == names.end()) {
            std::string all;
            for (const auto& m : names) all += (all.empty() ? "" : ", ") + std::string(m.key);
            r.fail(item.value.Mark(), item.path, "unknown media profile '" + name + "' (one of: " + all + ")");
        }
        if (std::find(p.mediaProfiles.begin(), p.mediaProfiles.end(), found->number) != p.mediaProfiles.end())
            r.fail(item.value.Mark(), item.path, "'" + name + "' is listed twice");
        p.mediaProfiles.push_back(found->number);
    }
    // Drives list their profiles highest number first; the file is sorted so, whatever order it was written in.
    std::sort(p.mediaProfiles.begin(), p.mediaProfiles.end(), std::greater<>());
    if (std::find(p.mediaProfiles.begin(), p.mediaProfiles.end(), media_profile::CdRom) == p.mediaProfiles.end())
        r.fail(f.value.Mark(), f.path, "every drive here reads CD-ROM: cd_rom must be listed");
}

void readFeatures(const Reader& r, const Block& top, DriveProfile& p)
{
    std::vector<std::string_view> allowed;
    for (const auto& spec : featureCatalog()) allowed.push_back(spec.key);
    const Block features = openBlock(r, top.required("features"), allowed);
    for (const auto& spec : featureCatalog())  // catalog order is ascending feature code
        if (const Field* f = features.optional(spec.key)) p.features.push_back(readFeature(r, *f, spec, p));
    // MMC-6 §5.3: every drive has the Profile List and Core features.
    (void)features.required("profile_list");
    (void)features.required("core");
    p.dvdRead = p.feature(feature::DvdRead) != nullptr;
    p.writer = p.feature(feature::CdTrackAtOnce) != nullptr || p.feature(feature::CdMastering) != nullptr;
}

void readModePages(const Reader& r, const Block& top, DriveProfile& p)
{
    const Block pages = openBlock(r, top.required("mode_pages"), kModePageKeys);
    const auto page = [&](std::string_view key, std::size_t length, ModePageDefaults& out) {
        const Block b = openBlock(r, pages.required(key), kPageKeys);
        out.defaults = readHexBytes(r, b.required("default"), length);
        out.changeable = readHexBytes(r, b.required("changeable"), length);
    };
    // Page lengths (the bytes after the page length byte): MMC-6 Tables 649 (01h), 652 (0Dh), 653 (0Eh), SPC-4 (1Ah).
    page("read_write_error_recovery", 10, p.modePages.readWriteErrorRecovery);
    page("cd_device_parameters", 6, p.modePages.cdDeviceParameters);
    page("cd_audio_control", 14, p.modePages.cdAudioControl);
    page("power_condition", 10, p.modePages.powerCondition);
    p.modePages.bufferSizeKb = static_cast<std::uint16_t>(readUnsigned(r, pages.required("buffer_size_kb"), 0xFFFF));
    if (const Field* f = pages.optional("mmc3_capabilities")) p.modePages.mmc3Capabilities = readBool(r, *f);
}

}  // namespace

DriveProfile parseDriveProfile(std::string_view yamlText, const std::string& fileName)
{
    const Reader r(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yamlText));
    } catch (const YAML::Exception& error) {
        r.fail(error.mark, "", "malformed YAML: " + error.msg);
    }
    const Block top(r, root, "", YAML::Mark(), kTopKeys);
    DriveProfile p;
    p.name = readString(r, top.required("name"));
    p.description = readString(r, top.required("description"));
    readIdentity(r, top, p);
    {
        const Block a = openBlock(r, top.required("adapter"), kAdapterKeys);
        p.adapter.alignmentMask = readUnsigned(r, a.required("alignment_mask"));
        p.adapter.maximumTransferLength = readUnsigned(r, a.required("maximum_transfer_length"));
        p.adapter.maximumPhysicalPages = readUnsigned(r, a.required("maximum_physical_pages"));
    }
    p.loading = readChoice(r, top.required("loading"), kLoadingMechanisms);
    readMediaProfiles(r, top, p);
    readSpeeds(r, top, p);
    readTimings(r, top, p);
    readBehaviours(r, top, p);  // before the features: CD Read's C2 and CD-Text bits come from here
    readFeatures(r, top, p);
    readModePages(r, top, p);
    return p;
}

DriveProfile loadDriveProfile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ProfileError(path + ": cannot open the profile file");
    std::ostringstream text;
    text << in.rdbuf();
    return parseDriveProfile(text.str(), path);
}

}  // namespace cdcts::emulator
