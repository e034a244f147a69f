// Decoders of the replies that pass MMC data through unchanged: GET_CONFIGURATION (header and feature
// descriptors) and GET_PERFORMANCE (header and descriptors). Structures: structures/configuration.hpp and
// structures/performance.hpp; contracts: ioctl-contracts.md §3.8 and §3.12.
#include <algorithm>

#include "harness/core/hex.hpp"
#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/feature_names.hpp"
#include "harness/ioctl/structures/configuration.hpp"
#include "harness/ioctl/structures/performance.hpp"

namespace cdcts::ioctl::detail {
namespace {

std::string codeAndName(std::uint16_t code, std::string_view name)
{
    return name.empty() ? hex(code, 4) : hex(code, 4) + " " + std::string(name);
}

// The notes of a reply whose 4-byte BE length field counts the bytes after itself.
void noteAnnounced(Decoded& root, std::uint64_t announced, std::size_t returned, std::string_view field)
{
    if (returned < announced)
        root.addNote("cut short: " + std::string(field) + " announces " + std::to_string(announced) + " bytes, " +
                     std::to_string(returned) + " returned");
    else if (returned > announced)
        root.addNote(std::to_string(returned - announced) + " bytes after the " + std::string(field) +
                     "-announced end ignored");
}

void decodeFeature(Decoded& node, Bytes feature)
{
    const std::uint16_t code = loadBe16(feature.data());
    node.value = codeAndName(code, featureName(code));
    node.add("FeatureCode", std::int64_t{code}, hex(code, 4));
    node.add("Current", std::int64_t{feature[2] & 0x1});
    node.add("Persistent", std::int64_t{(feature[2] >> 1) & 0x1});
    node.add("Version", std::int64_t{(feature[2] >> 2) & 0xF});
    node.add("AdditionalLength", std::int64_t{feature[3]});
    decodeFeatureData(node, code, feature);
}

// KB/s (MMC's 1000 bytes/s) with the CD multiple, 1x = 176.4 kB/s: "7056 kB/s (40.0x CD)".
std::string speedText(std::uint32_t kbPerSecond)
{
    const std::uint64_t tenths = (std::uint64_t{kbPerSecond} * 100 + 882) / 1764;
    return std::to_string(kbPerSecond) + " kB/s (" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) +
           "x CD)";
}

enum class DescriptorKind { Nominal, Exception, WriteSpeed };

void decodePerformanceDescriptor(Decoded& node, Bytes d, DescriptorKind kind)
{
    switch (kind) {
    case DescriptorKind::Nominal:
        node.add("StartLba", std::int64_t{loadBe32(d.data())});
        node.add("StartPerformance", std::int64_t{loadBe32(d.data() + 4)}, speedText(loadBe32(d.data() + 4)));
        node.add("EndLba", std::int64_t{loadBe32(d.data() + 8)});
        node.add("EndPerformance", std::int64_t{loadBe32(d.data() + 12)}, speedText(loadBe32(d.data() + 12)));
        break;
    case DescriptorKind::Exception:
        node.add("Lba", std::int64_t{loadBe32(d.data())});
        node.add("Time", std::int64_t{loadBe16(d.data() + 4)},
                 std::to_string(loadBe16(d.data() + 4)) + " (tenths of a millisecond)");
        break;
    case DescriptorKind::WriteSpeed:
        node.add("MixedReadWrite", std::int64_t{d[0] & 0x1});
        node.add("Exact", std::int64_t{(d[0] >> 1) & 0x1});
        node.add("WriteRotationControl", std::int64_t{(d[0] >> 3) & 0x3},
                 ((d[0] >> 3) & 0x3) == 0 ? "0 (CLV)" : ((d[0] >> 3) & 0x3) == 1 ? "1 (CAV)" : "reserved");
        node.add("EndLba", std::int64_t{loadBe32(d.data() + 4)});
        node.add("ReadSpeed", std::int64_t{loadBe32(d.data() + 8)}, speedText(loadBe32(d.data() + 8)));
        node.add("WriteSpeed", std::int64_t{loadBe32(d.data() + 12)}, speedText(loadBe32(d.data() + 12)));
        break;
    }
}

}  // namespace

Decoded decodeConfiguration(Bytes, Bytes out)
{
    Decoded root{"GET_CONFIGURATION_HEADER", {}, std::nullopt, {}};
    if (out.size() >= 4) root.add("DataLength", std::int64_t{loadBe32(out.data())});
    if (out.size() >= 8) {
        const std::uint16_t profile = loadBe16(out.data() + offsetof(GET_CONFIGURATION_HEADER, CurrentProfile));
        root.add("CurrentProfile", std::int64_t{profile}, codeAndName(profile, profileName(profile)));
    }
    if (!present(root, out, 0, sizeof(GET_CONFIGURATION_HEADER), "GET_CONFIGURATION_HEADER")) return root;

    // 64-bit so that DataLength 0xFFFFFFFF + 4 cannot wrap on a 32-bit build.
    const std::uint64_t announced = std::uint64_t{loadBe32(out.data())} + 4;
    const auto end = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), announced));
    std::size_t offset = GET_CONFIGURATION_HEADER::kDataOffset;
    for (std::size_t i = 0; offset < end; ++i) {
        const std::string name = "Feature[" + std::to_string(i) + "]";
        if (end - offset < sizeof(FEATURE_HEADER)) {
            root.addNote("cut short: " + name + " has " + std::to_string(end - offset) + " of 4 header bytes");
            break;
        }
        const std::size_t size = sizeof(FEATURE_HEADER) + out[offset + 3];
        Decoded& node = root.add(name, std::string());
        if (end - offset < size) {
            decodeFeature(node, out.subspan(offset, end - offset));
            node.addNote("cut short: " + std::to_string(end - offset - sizeof(FEATURE_HEADER)) + " of " +
                         std::to_string(size - sizeof(FEATURE_HEADER)) + " data bytes");
            break;
        }
        decodeFeature(node, out.subspan(offset, size));
        offset += size;
    }
    noteAnnounced(root, announced, out.size(), "DataLength");
    return root;
}

Decoded decodePerformance(Bytes in, Bytes out)
{
    Decoded root{"CDROM_PERFORMANCE_HEADER", {}, std::nullopt, {}};
    if (out.size() >= 4) root.add("DataLength", std::int64_t{loadBe32(out.data())});
    if (out.size() >= 5) {
        root.add("Except", std::int64_t{out[4] & 0x1});
        root.add("Write", std::int64_t{(out[4] >> 1) & 0x1});
    }
    if (!present(root, out, 0, sizeof(CDROM_PERFORMANCE_HEADER), "CDROM_PERFORMANCE_HEADER")) return root;

    // The request decides the descriptor layout; the header's Except bit is the fallback without one.
    DescriptorKind kind = (out[4] & 0x1) ? DescriptorKind::Exception : DescriptorKind::Nominal;
    const std::int64_t requestType = in.size() >= 4 ? std::int64_t{static_cast<std::int32_t>(loadLe32(in.data()))} : 0;
    if (requestType == CdromWriteSpeedRequest) {
        kind = DescriptorKind::WriteSpeed;
    } else if (requestType == CdromPerformanceRequest && in.size() >= sizeof(CDROM_PERFORMANCE_REQUEST)) {
        const auto exceptions =
            static_cast<std::int32_t>(loadLe32(in.data() + offsetof(CDROM_PERFORMANCE_REQUEST, Exceptions)));
        kind = exceptions == CdromPerformanceExceptionsOnly ? DescriptorKind::Exception : DescriptorKind::Nominal;
        // The entire list (CDB Except 01b) has no fixed layout in the request: the header's Except bit says
        // which descriptors the drive sent. For the other two the request decides, and a header that
        // disagrees is pointed out.
        const bool headerSaysExceptions = (out[4] & 0x1) != 0;
        if (exceptions == CdromEntirePerformanceList)
            kind = headerSaysExceptions ? DescriptorKind::Exception : DescriptorKind::Nominal;
        else if (headerSaysExceptions != (kind == DescriptorKind::Exception))
            root.addNote("the header's Except bit does not match the requested descriptors; decoded as requested");
    } else {
        root.addNote("no usable CDROM_PERFORMANCE_REQUEST input: descriptor layout taken from the Except bit");
    }
    // Nominal and write-speed descriptors are both 16 bytes.
    const std::size_t descriptorSize = kind == DescriptorKind::Exception
                                           ? sizeof(CDROM_EXCEPTION_PERFORMANCE_DESCRIPTOR)
                                           : sizeof(CDROM_NOMINAL_PERFORMANCE_DESCRIPTOR);
    const std::string_view descriptorName = kind == DescriptorKind::Nominal     ? "NominalPerformance"
                                            : kind == DescriptorKind::Exception ? "ExceptionPerformance"
                                                                                : "WriteSpeed";

    const std::uint64_t announced = std::uint64_t{loadBe32(out.data())} + 4;
    const auto end = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), announced));
    constexpr std::size_t kDataOffset = CDROM_PERFORMANCE_HEADER::kDataOffset;
    const std::size_t area = end > kDataOffset ? end - kDataOffset : 0;
    if (announced < CDROM_PERFORMANCE_HEADER::kDataOffset)
        root.addNote("DataLength " + std::to_string(announced - 4) + " does not cover the rest of the header");
    for (std::size_t i = 0; i < area / descriptorSize; ++i) {
        Decoded& node = root.add(std::string(descriptorName) + "[" + std::to_string(i) + "]", std::string());
        decodePerformanceDescriptor(
            node, out.subspan(CDROM_PERFORMANCE_HEADER::kDataOffset + i * descriptorSize, descriptorSize), kind);
    }
    if (area % descriptorSize != 0)
        root.addNote(std::to_string(area % descriptorSize) + " bytes after the last whole descriptor" +
                     (out.size() < announced ? " (cut short)" : ""));
    noteAnnounced(root, announced, out.size(), "DataLength");
    return root;
}

}  // namespace cdcts::ioctl::detail
