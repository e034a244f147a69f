// `cdcts ioctl`: one IOCTL to one device, its status, Information, output bytes and their decoding.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <span>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/core/hex.hpp"
#include "harness/inventory/open_device.hpp"
#include "harness/ioctl/code_argument.hpp"
#include "harness/ioctl/decode.hpp"
#include "harness/ioctl/json.hpp"

namespace cdcts::cli {
namespace {

struct IoctlOptions {
    std::string devicesFile = kDefaultDevicesFile;
    std::string deviceId;
    std::string code;
    std::string inputHex;
    std::optional<std::uint32_t> outSize;  // absent: the size of the code's whole reply (0 for none)
    std::string access = "read";
    bool json = false;
    bool explain = false;
};

std::string hex32(std::uint32_t v)
{
    char text[12];
    std::snprintf(text, sizeof text, "0x%08X", v);
    return text;
}

// What the code takes and returns (decode.hpp's output table), for --explain and for the hint after a status
// that says the buffers were wrong.
void printExpects(std::ostream& out, const ioctl::OutputDescription& d)
{
    out << "input:       " << d.input << "\n"
        << "output:      " << (d.structure.empty() ? "none" : d.structure);
    if (d.size != 0) out << " (default --out-size " << d.size << ")";
    out << "\n";
    if (!d.notDecoded.empty()) out << "not decoded: " << d.notDecoded << "\n";
}

bool isArgumentStatus(ioctl::NtStatus status)
{
    return status == ioctl::status::InfoLengthMismatch || status == ioctl::status::BufferTooSmall ||
           status == ioctl::status::InvalidParameter || status == ioctl::status::InvalidBufferSize;
}

int explainCode(const ioctl::CodeArgument& code)
{
    const std::string name = code.info != nullptr ? std::string(code.info->name) : hex32(code.value->value);
    std::cout << "code:        " << name << " " << hex32(code.value->value) << "\n";
    if (code.info != nullptr)
        std::cout << "section:     " << code.info->section << "\n" << "description: " << code.info->description << "\n";
    if (const ioctl::OutputDescription* d = ioctl::describeOutput(*code.value)) printExpects(std::cout, *d);
    else std::cout << "input/output: not in the catalog; give --in and --out-size yourself\n";
    return kExitOk;
}

int sendIoctl(const IoctlOptions& options)
{
    const ioctl::CodeArgument code = ioctl::parseCodeArgument(options.code);
    if (!code.ok()) {
        std::cerr << "cdcts ioctl: " << code.error << "\n";
        return kExitBadUsage;
    }
    if (options.explain) return explainCode(code);
    if (options.deviceId.empty()) {
        std::cerr << "cdcts ioctl: --device is required (or give --explain to describe the code)\n";
        return kExitBadUsage;
    }
    const ioctl::OutputDescription* expects = ioctl::describeOutput(*code.value);
    const std::uint32_t outSize = options.outSize ? *options.outSize : expects != nullptr ? expects->size : 0;
    std::vector<std::uint8_t> input;
    try {
        input = parseHex(options.inputHex);
    } catch (const std::invalid_argument& e) {
        std::cerr << "cdcts ioctl: --in: " << e.what() << "\n";
        return kExitBadUsage;
    }
    const HandleAccess access = options.access == "none" ? HandleAccess::None
                                : options.access == "readwrite" ? HandleAccess::ReadWrite : HandleAccess::Read;

    auto opened = openNamedDevice(options.devicesFile, options.deviceId, "cdcts ioctl");
    if (!opened) return kExitBadUsage;
    const inventory::DeviceSpec* spec = &opened->spec;
    const std::unique_ptr<Device>& device = opened->device;
    std::unique_ptr<DeviceHandle> handle;
    try {
        handle = device->open(access);
    } catch (const std::exception& e) {
        std::cerr << "cdcts ioctl: " << e.what() << "\n";
        return kExitBadUsage;
    }

    // Page-aligned, as a VirtualAlloc buffer is (ioctl-contracts.md §10.1): RAW_READ's limit and alignment checks
    // look at the buffer's address (§3.18 rows 9-10), so the CLI gives the page-aligned case.
    std::vector<std::uint8_t> storage(std::size_t{outSize} + 4096, 0);
    const std::size_t skew = (4096 - reinterpret_cast<std::uintptr_t>(storage.data()) % 4096) % 4096;
    const std::span<std::uint8_t> output(storage.data() + skew, outSize);
    const ControlResult r = handle->control(*code.value, input, output);
    const std::string statusName = ioctl::ntStatusName(r.status);
    const auto info = ioctl::findNtStatus(r.status);
    // Only Information bytes are the driver's (METHOD_BUFFERED copies no more); on an error nothing is.
    const std::size_t returned = r.status.isError() ? 0 : std::min<std::size_t>(r.information, output.size());
    const std::span<const std::uint8_t> data(output.data(), returned);
    // An error status returns no output, so there is nothing to decode.
    const std::optional<ioctl::Decoded> decoded =
        r.status.isError() ? std::nullopt : ioctl::decodeOutput(*code.value, input, data);
    const std::string codeName = code.info != nullptr ? std::string(code.info->name) : hex32(code.value->value);

    if (options.json) {
        ioctl::JsonWriter j;
        j.beginObject();
        j.key("device").value(spec->id);
        j.key("code").beginObject().key("name").value(codeName).key("value").value(hex32(code.value->value)).endObject();
        j.key("access").value(handleAccessName(access));
        j.key("input_hex").value(formatHex(input));
        j.key("output_size").value(static_cast<std::uint64_t>(output.size()));
        j.key("status").beginObject().key("name").value(statusName).key("value").value(hex32(r.status.value));
        if (info) j.key("win32_error").value(static_cast<std::uint64_t>(info->win32Error));
        j.endObject();
        j.key("information").value(static_cast<std::uint64_t>(r.information));
        j.key("output_hex").value(formatHex(data));
        j.key("decoded");
        if (decoded) decoded->writeJson(j); else j.null();
        if (expects != nullptr) {
            j.key("expects").beginObject().key("input").value(std::string(expects->input));
            j.key("output").value(expects->structure.empty() ? std::string("none") : std::string(expects->structure));
            j.key("default_out_size").value(static_cast<std::uint64_t>(expects->size));
            if (!expects->notDecoded.empty()) j.key("not_decoded").value(std::string(expects->notDecoded));
            j.endObject();
        }
        j.endObject();
        std::cout << j.str() << "\n";
    } else {
        std::cout << "device:      " << spec->id << " (" << device->identity().vendor << " " << device->identity().product << ")\n"
                  << "code:        " << codeName << " " << hex32(code.value->value) << "\n"
                  << "status:      " << statusName << " " << hex32(r.status.value);
        if (info) std::cout << " (Win32 error " << info->win32Error << (info->win32Name.empty() ? "" : " ") << info->win32Name << ")";
        std::cout << "\ninformation: " << r.information;
        // Contracts Q8: on an error status user mode sees 0 bytes returned; the model shows the driver's value.
        if (r.status.isError() && r.information != 0) std::cout << " (the driver's value; DeviceIoControl reports 0 bytes on an error)";
        std::cout << "\n";
        if (!data.empty()) std::cout << "output:\n" << formatHex(data, 16) << "\n";
        if (decoded) std::cout << "decoded:\n" << decoded->toText();
        else if (expects != nullptr && expects->structure.empty()) std::cout << "decoded:     none (this code returns no data)\n";
        else if (expects != nullptr && !expects->notDecoded.empty()) std::cout << "not decoded: " << expects->notDecoded << "\n";
        // A status about the buffers: say what this code expects, so the next attempt can be right.
        if (expects != nullptr && isArgumentStatus(r.status)) {
            std::cout << "expects:\n";
            printExpects(std::cout, *expects);
        }
    }
    return r.status.isSuccess() ? kExitOk : kExitFailed;
}

}  // namespace

Action addIoctlCommand(CLI::App& app)
{
    auto options = std::make_shared<IoctlOptions>();
    CLI::App* cmd = app.add_subcommand("ioctl", "Send one IOCTL to a device and show the result");
    cmd->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    cmd->add_option("--device", options->deviceId, "Device id from devices.yaml (required unless --explain)");
    cmd->add_option("CODE", options->code, "IOCTL by SDK name (IOCTL_CDROM_READ_TOC) or value (0x24000)")->required();
    cmd->add_option("--in", options->inputHex,
                    "Input buffer as hex bytes, e.g. '00 01 00 00' (multi-byte fields little-endian; "
                    "--explain shows each code's input structure)");
    cmd->add_option("--out-size", options->outSize,
                    "Output buffer size in bytes (default: the size of the code's whole reply, 0 for codes "
                    "without output)");
    cmd->add_flag("--explain", options->explain,
                  "Describe the code (section, input structure and size, reply structure) without sending it");
    cmd->add_option("--access", options->access, "Handle access rights")
        ->check(CLI::IsMember({"none", "read", "readwrite"}))
        ->capture_default_str();
    cmd->add_flag("--json", options->json, "Print JSON instead of text");
    return [options] { return sendIoctl(*options); };
}

}  // namespace cdcts::cli
