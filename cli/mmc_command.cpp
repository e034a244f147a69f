// `cdcts mmc`: one CDB to a device's SCSI route (its MmcTarget), with status, decoded sense, residual and data.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inventory_access.hpp"
#include "harness/core/hex.hpp"
#include "harness/inventory/open_device.hpp"
#include "harness/ioctl/json.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::cli {
namespace {

struct MmcOptions {
    std::string devicesFile = kDefaultDevicesFile;
    std::string deviceId;
    std::string cdbHex;
    std::uint32_t dataIn = 0;
    std::string dataOutHex;
    double timeoutSeconds = 30;
    bool json = false;
};

int sendCdb(const MmcOptions& options)
{
    std::vector<std::uint8_t> cdb, dataOut;
    try {
        cdb = parseHex(options.cdbHex);
        dataOut = parseHex(options.dataOutHex);
    } catch (const std::invalid_argument& e) {
        std::cerr << "cdcts mmc: " << e.what() << "\n";
        return kExitBadUsage;
    }
    if (cdb.size() != 6 && cdb.size() != 10 && cdb.size() != 12 && cdb.size() != 16) {
        std::cerr << "cdcts mmc: --cdb has " << cdb.size() << " bytes; a CDB has 6, 10, 12 or 16\n";
        return kExitBadUsage;
    }
    if (options.dataIn != 0 && !dataOut.empty()) {
        std::cerr << "cdcts mmc: --data-in and --data-out exclude each other\n";
        return kExitBadUsage;
    }
    auto opened = openNamedDevice(options.devicesFile, options.deviceId, "cdcts mmc");
    if (!opened) return kExitBadUsage;
    const inventory::DeviceSpec* spec = &opened->spec;
    mmc::MmcTarget* target = opened->device->passThrough();
    if (target == nullptr) {
        std::cerr << "cdcts mmc: " << spec->id << " offers no SCSI pass-through\n";
        return kExitBadUsage;
    }

    const mmc::DataDirection direction = options.dataIn != 0 ? mmc::DataDirection::In
                                         : !dataOut.empty() ? mmc::DataDirection::Out
                                                            : mmc::DataDirection::None;
    std::vector<std::uint8_t> data = direction == mmc::DataDirection::Out ? dataOut : std::vector<std::uint8_t>(options.dataIn);
    const auto timeout = std::chrono::duration_cast<Nanoseconds>(std::chrono::duration<double>(options.timeoutSeconds));
    const mmc::CommandResult r = target->execute(cdb, data, direction, timeout);
    const std::uint32_t residual = static_cast<std::uint32_t>(data.size()) - std::min<std::uint32_t>(r.transferred, static_cast<std::uint32_t>(data.size()));
    const std::span<const std::uint8_t> received =
        direction == mmc::DataDirection::In ? std::span<const std::uint8_t>(data).first(data.size() - residual) : std::span<const std::uint8_t>{};
    const bool checkCondition = r.status == mmc::ScsiStatus::CheckCondition && r.sense.valid();

    if (options.json) {
        ioctl::JsonWriter j;
        j.beginObject();
        j.key("device").value(spec->id);
        j.key("command").value(std::string(mmc::opcodeName(cdb[0])));
        j.key("cdb").value(formatHex(cdb));
        j.key("transport").value(mmc::transportStatusName(r.transport));
        j.key("status").value(mmc::scsiStatusName(r.status));
        if (checkCondition) {
            j.key("sense").beginObject();
            j.key("key").value(static_cast<std::uint64_t>(r.sense.key()));
            j.key("asc").value(static_cast<std::uint64_t>(r.sense.asc()));
            j.key("ascq").value(static_cast<std::uint64_t>(r.sense.ascq()));
            j.key("text").value(mmc::describe(r.sense.code()));
            j.key("bytes").value(formatHex(r.sense.view()));
            j.endObject();
        }
        j.key("transferred").value(static_cast<std::uint64_t>(r.transferred));
        j.key("residual").value(static_cast<std::uint64_t>(residual));
        j.key("data").value(formatHex(received));
        j.endObject();
        std::cout << j.str() << "\n";
    } else {
        std::cout << "device:      " << spec->id << "\n"
                  << "command:     " << mmc::opcodeName(cdb[0]) << " [" << formatHex(cdb) << "]\n"
                  << "status:      " << mmc::scsiStatusName(r.status);
        if (r.transport != mmc::TransportStatus::Ok) std::cout << " (transport: " << mmc::transportStatusName(r.transport) << ")";
        std::cout << "\n";
        if (checkCondition) std::cout << "sense:       " << mmc::describe(r.sense.code()) << "\n             [" << formatHex(r.sense.view()) << "]\n";
        std::cout << "transferred: " << r.transferred << ", residual " << residual << "\n";
        if (!received.empty()) std::cout << "data:\n" << formatHex(received, 16) << "\n";
    }
    return r.good() ? kExitOk : kExitFailed;
}

}  // namespace

Action addMmcCommand(CLI::App& app)
{
    auto options = std::make_shared<MmcOptions>();
    CLI::App* cmd = app.add_subcommand("mmc", "Send one SCSI/MMC command to a device's pass-through and show the reply");
    cmd->add_option("--devices", options->devicesFile, "Inventory file")->capture_default_str();
    cmd->add_option("--device", options->deviceId, "Device id from devices.yaml")->required();
    cmd->add_option("--cdb", options->cdbHex, "The CDB as hex bytes, e.g. '12 00 00 00 24 00'")->required();
    cmd->add_option("--data-in", options->dataIn, "Bytes to receive");
    cmd->add_option("--data-out", options->dataOutHex, "Bytes to send, as hex");
    cmd->add_option("--timeout", options->timeoutSeconds, "Command timeout in seconds")->capture_default_str();
    cmd->add_flag("--json", options->json, "Print JSON instead of text");
    return [options] { return sendCdb(*options); };
}

}  // namespace cdcts::cli
