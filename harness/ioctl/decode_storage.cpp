// Decoders of the STORAGE/DISK/SCSI replies the catalog lists beside the CD-ROM codes (structures/storage.hpp):
// lengths, capacity, device number, hot-plug flags, SCSI address, media types and the property descriptors of
// IOCTL_STORAGE_QUERY_PROPERTY. The contracts leave these codes unspecified (the model forwards them, §3.23), so
// these decoders serve real drivers and future models; the layouts are the SDK's.
#include "harness/core/hex.hpp"
#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/structures/storage.hpp"

namespace cdcts::ioctl::detail {
namespace {

// One little-endian field of a fixed structure.
struct LeField {
    std::string_view name;
    std::size_t offset;
    std::size_t size;  // 1, 4 or 8
};

std::int64_t loadLe(const std::uint8_t* p, std::size_t size)
{
    switch (size) {
    case 1: return std::int64_t{p[0]};
    case 4: return std::int64_t{loadLe32(p)};
    default: return loadLe64(p);
    }
}

// Adds each field that is present; a note names the first one cut short.
template <std::size_t N>
Decoded decodeFixed(std::string_view structure, const LeField (&fields)[N], std::size_t size, Bytes out)
{
    Decoded root{std::string(structure), {}, std::nullopt, {}};
    for (const LeField& f : fields) {
        if (!present(root, out, f.offset, f.size, f.name)) return root;
        root.add(std::string(f.name), loadLe(out.data() + f.offset, f.size));
    }
    if (out.size() > size) root.addNote(std::to_string(out.size() - size) + " bytes after " + std::string(structure) + " ignored");
    return root;
}

std::string busTypeText(std::int64_t bus)
{
    // ntddstor.h STORAGE_BUS_TYPE, the values a CD/DVD drive reports.
    switch (bus) {
    case 0x00: return "0 (BusTypeUnknown)";
    case 0x01: return "1 (BusTypeScsi)";
    case 0x02: return "2 (BusTypeAtapi)";
    case 0x03: return "3 (BusTypeAta)";
    case 0x04: return "4 (BusType1394)";
    case 0x07: return "7 (BusTypeUsb)";
    case 0x0B: return "11 (BusTypeSata)";
    case 0x0E: return "14 (BusTypeVirtual)";
    default: return std::to_string(bus);
    }
}

// A NUL-terminated string at a byte offset of the reply; offset 0 means "none" (ntddstor.h).
void addOffsetString(Decoded& node, Bytes out, std::string_view name, std::uint32_t offset)
{
    if (offset == 0) {
        node.add(std::string(name), "(none)");
        return;
    }
    if (offset >= out.size()) {
        node.addNote(std::string(name) + " offset " + std::to_string(offset) + " lies past the " +
                     std::to_string(out.size()) + " bytes returned");
        return;
    }
    std::size_t end = offset;
    while (end < out.size() && out[end] != 0) ++end;
    node.add(std::string(name), deviceString(out.subspan(offset, end - offset)));
}

}  // namespace

Decoded decodeLengthInformation(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {{"Length", offsetof(GET_LENGTH_INFORMATION, Length), 8}};
    return decodeFixed("GET_LENGTH_INFORMATION", kFields, sizeof(GET_LENGTH_INFORMATION), out);
}

Decoded decodeStorageReadCapacity(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {{"Version", offsetof(STORAGE_READ_CAPACITY, Version), 4},
                                   {"Size", offsetof(STORAGE_READ_CAPACITY, Size), 4},
                                   {"BlockLength", offsetof(STORAGE_READ_CAPACITY, BlockLength), 4},
                                   {"NumberOfBlocks", offsetof(STORAGE_READ_CAPACITY, NumberOfBlocks), 8},
                                   {"DiskLength", offsetof(STORAGE_READ_CAPACITY, DiskLength), 8}};
    return decodeFixed("STORAGE_READ_CAPACITY", kFields, sizeof(STORAGE_READ_CAPACITY), out);
}

Decoded decodeStorageDeviceNumber(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {{"DeviceType", offsetof(STORAGE_DEVICE_NUMBER, DeviceType), 4},
                                   {"DeviceNumber", offsetof(STORAGE_DEVICE_NUMBER, DeviceNumber), 4},
                                   {"PartitionNumber", offsetof(STORAGE_DEVICE_NUMBER, PartitionNumber), 4}};
    Decoded root = decodeFixed("STORAGE_DEVICE_NUMBER", kFields, sizeof(STORAGE_DEVICE_NUMBER), out);
    if (!root.children.empty() && root.children[0].number == 2) root.children[0].value = "2 (FILE_DEVICE_CD_ROM)";
    return root;
}

Decoded decodeHotplugInfo(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {
        {"Size", offsetof(STORAGE_HOTPLUG_INFO, Size), 4},
        {"MediaRemovable", offsetof(STORAGE_HOTPLUG_INFO, MediaRemovable), 1},
        {"MediaHotplug", offsetof(STORAGE_HOTPLUG_INFO, MediaHotplug), 1},
        {"DeviceHotplug", offsetof(STORAGE_HOTPLUG_INFO, DeviceHotplug), 1},
        {"WriteCacheEnableOverride", offsetof(STORAGE_HOTPLUG_INFO, WriteCacheEnableOverride), 1}};
    return decodeFixed("STORAGE_HOTPLUG_INFO", kFields, sizeof(STORAGE_HOTPLUG_INFO), out);
}

Decoded decodeScsiAddress(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {{"Length", offsetof(SCSI_ADDRESS, Length), 4},
                                   {"PortNumber", offsetof(SCSI_ADDRESS, PortNumber), 1},
                                   {"PathId", offsetof(SCSI_ADDRESS, PathId), 1},
                                   {"TargetId", offsetof(SCSI_ADDRESS, TargetId), 1},
                                   {"Lun", offsetof(SCSI_ADDRESS, Lun), 1}};
    return decodeFixed("SCSI_ADDRESS", kFields, sizeof(SCSI_ADDRESS), out);
}

// The header; the DEVICE_MEDIA_INFO entries (a union per device class) are shown as hex.
Decoded decodeMediaTypes(Bytes, Bytes out)
{
    constexpr LeField kFields[] = {{"DeviceType", offsetof(GET_MEDIA_TYPES_HEADER, DeviceType), 4},
                                   {"MediaInfoCount", offsetof(GET_MEDIA_TYPES_HEADER, MediaInfoCount), 4}};
    Decoded root = decodeFixed("GET_MEDIA_TYPES", kFields, out.size(), out);
    if (out.size() > sizeof(GET_MEDIA_TYPES_HEADER))
        root.add("MediaInfo", formatHex(out.subspan(sizeof(GET_MEDIA_TYPES_HEADER))));
    return root;
}

// STORAGE_DESCRIPTOR_HEADER always; STORAGE_DEVICE_DESCRIPTOR when the input asked for StorageDeviceProperty
// (STORAGE_PROPERTY_QUERY.PropertyId 0 at input offset 0); other descriptors' bodies as hex.
Decoded decodeStorageProperty(Bytes in, Bytes out)
{
    const bool device = in.size() >= 4 && loadLe32(in.data()) == 0;
    if (!device) {
        constexpr LeField kFields[] = {{"Version", 0, 4}, {"Size", 4, 4}};
        Decoded root = decodeFixed("STORAGE_DESCRIPTOR_HEADER", kFields, out.size(), out);
        if (out.size() > sizeof(STORAGE_DESCRIPTOR_HEADER))
            root.add("Data", formatHex(out.subspan(sizeof(STORAGE_DESCRIPTOR_HEADER))));
        return root;
    }
    constexpr LeField kFields[] = {
        {"Version", offsetof(STORAGE_DEVICE_DESCRIPTOR, Version), 4},
        {"Size", offsetof(STORAGE_DEVICE_DESCRIPTOR, Size), 4},
        {"DeviceType", offsetof(STORAGE_DEVICE_DESCRIPTOR, DeviceType), 1},
        {"DeviceTypeModifier", offsetof(STORAGE_DEVICE_DESCRIPTOR, DeviceTypeModifier), 1},
        {"RemovableMedia", offsetof(STORAGE_DEVICE_DESCRIPTOR, RemovableMedia), 1},
        {"CommandQueueing", offsetof(STORAGE_DEVICE_DESCRIPTOR, CommandQueueing), 1},
        {"VendorIdOffset", offsetof(STORAGE_DEVICE_DESCRIPTOR, VendorIdOffset), 4},
        {"ProductIdOffset", offsetof(STORAGE_DEVICE_DESCRIPTOR, ProductIdOffset), 4},
        {"ProductRevisionOffset", offsetof(STORAGE_DEVICE_DESCRIPTOR, ProductRevisionOffset), 4},
        {"SerialNumberOffset", offsetof(STORAGE_DEVICE_DESCRIPTOR, SerialNumberOffset), 4},
        {"BusType", offsetof(STORAGE_DEVICE_DESCRIPTOR, BusType), 4},
        {"RawPropertiesLength", offsetof(STORAGE_DEVICE_DESCRIPTOR, RawPropertiesLength), 4}};
    Decoded root = decodeFixed("STORAGE_DEVICE_DESCRIPTOR", kFields, out.size(), out);
    if (out.size() < offsetof(STORAGE_DEVICE_DESCRIPTOR, RawDeviceProperties)) return root;
    for (Decoded& field : root.children)
        if (field.name == "BusType" && field.number) field.value = busTypeText(*field.number);
    addOffsetString(root, out, "VendorId", loadLe32(out.data() + offsetof(STORAGE_DEVICE_DESCRIPTOR, VendorIdOffset)));
    addOffsetString(root, out, "ProductId", loadLe32(out.data() + offsetof(STORAGE_DEVICE_DESCRIPTOR, ProductIdOffset)));
    addOffsetString(root, out, "ProductRevision",
                    loadLe32(out.data() + offsetof(STORAGE_DEVICE_DESCRIPTOR, ProductRevisionOffset)));
    addOffsetString(root, out, "SerialNumber",
                    loadLe32(out.data() + offsetof(STORAGE_DEVICE_DESCRIPTOR, SerialNumberOffset)));
    return root;
}

}  // namespace cdcts::ioctl::detail
