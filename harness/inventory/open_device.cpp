#include "harness/inventory/open_device.hpp"

#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "harness/backends/emulated_device.hpp"
#include "harness/backends/real_device.hpp"
#include "harness/backends/sgio_target.hpp"
#ifdef _WIN32
#include "harness/backends/win32_device.hpp"
#endif
#include "harness/emulator/cue_image.hpp"
#include "harness/emulator/iso_image.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/ioctl/nt_status.hpp"
#include "harness/ioctl/obsolete_codes.hpp"

namespace cdcts::inventory {
namespace {

mmc::AdapterProperties applyOverrides(mmc::AdapterProperties base, const AdapterOverrides& overrides)
{
    if (overrides.alignmentMask) base.alignmentMask = *overrides.alignmentMask;
    if (overrides.maximumTransferLength) base.maximumTransferLength = *overrides.maximumTransferLength;
    if (overrides.maximumPhysicalPages) base.maximumPhysicalPages = *overrides.maximumPhysicalPages;
    return base;
}

std::unique_ptr<emulator::Disc> loadMedium(const DeviceSpec& spec)
{
    const std::string& medium = spec.emulated.medium;
    if (medium == "none") return nullptr;
    if (medium.starts_with("synthetic:")) {
        auto disc = emulator::makeSyntheticDisc(std::string_view(medium).substr(10));
        if (!disc) throw DeviceError(spec.id + ": unknown synthetic disc '" + medium + "'");
        return disc;
    }
    try {
        const std::filesystem::path image(medium);
        std::string extension = image.extension().string();
        for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (extension == ".cue") return emulator::loadCueImage(image);
        return emulator::loadIsoImage(image);
    } catch (const std::exception& e) {
        throw DeviceError(spec.id + ": " + e.what());
    }
}

emulator::SectorFault toEmulator(SectorFaultKind kind)
{
    switch (kind) {
    case SectorFaultKind::Unreadable: return emulator::SectorFault::Unreadable;
    case SectorFaultKind::Marginal: return emulator::SectorFault::Marginal;
    case SectorFaultKind::Slow: return emulator::SectorFault::Slow;
    }
    return emulator::SectorFault::None;
}

emulator::CommandFaultKind toEmulator(CommandFaultKind kind)
{
    switch (kind) {
    case CommandFaultKind::CheckCondition: return emulator::CommandFaultKind::CheckCondition;
    case CommandFaultKind::Hang: return emulator::CommandFaultKind::Hang;
    case CommandFaultKind::ShortTransfer: return emulator::CommandFaultKind::ShortTransfer;
    case CommandFaultKind::Garbage: return emulator::CommandFaultKind::GarbageReply;
    case CommandFaultKind::WrongLength: return emulator::CommandFaultKind::WrongLengthField;
    }
    return emulator::CommandFaultKind::CheckCondition;
}

emulator::FaultEventKind toEmulator(FaultEventKind kind)
{
    switch (kind) {
    case FaultEventKind::MediumRemoved: return emulator::FaultEventKind::MediumRemoved;
    case FaultEventKind::DeviceGone: return emulator::FaultEventKind::DeviceGone;
    case FaultEventKind::UnitAttention: return emulator::FaultEventKind::UnitAttentionStorm;
    }
    return emulator::FaultEventKind::MediumRemoved;
}

// Seeds the drive with the entry's faults once the device is open (the class driver's start-up commands have
// run); event times count from this moment of the drive's clock.
void applyFaults(const std::string& id, const EmulatedFaults& faults, emulator::VirtualDrive& drive)
{
    emulator::FaultPlan& plan = drive.faults();
    for (const SectorFaultSpec& s : faults.sectors) plan.setSectors(static_cast<std::int32_t>(s.lba), s.count, toEmulator(s.kind));
    for (const CommandFaultSpec& c : faults.commands) {
        emulator::CommandFault fault;
        fault.kind = toEmulator(c.kind);
        fault.opcode = c.opcode;
        fault.count = c.count;
        fault.sense = c.sense;
        fault.transferLimit = c.bytes;
        fault.seed = c.seed;
        fault.lengthDelta = c.delta;
        try {
            plan.addCommandFault(fault);
        } catch (const std::invalid_argument& e) {  // a spec the loader did not check (another vocabulary)
            throw DeviceError(id + ": emulated.faults: " + e.what());
        }
    }
    const Nanoseconds opened = drive.clock().now();
    for (const FaultEventSpec& e : faults.events) {
        emulator::FaultEvent event;
        event.at = opened + e.at;
        event.kind = toEmulator(e.kind);
        event.trayOpen = e.trayOpen;
        event.sense = e.sense;
        event.count = e.count;
        plan.schedule(event);
    }
}

std::unique_ptr<Device> openEmulated(const DeviceSpec& spec)
{
    const emulator::DriveProfile* profile = emulator::findDriveProfile(spec.emulated.profile);
    if (profile == nullptr) throw DeviceError(spec.id + ": unknown emulated drive profile '" + spec.emulated.profile + "'");
    backends::EmulatedDeviceConfig config;
    config.id = spec.id;
    config.profile = profile;
    config.medium = loadMedium(spec);
    config.realClock = spec.emulated.clock == EmulatedClock::Real;
    config.defects = spec.emulated.defects;
    config.settings.adapter = applyOverrides(profile->adapter, spec.adapter);
    config.settings.volumeMounted = spec.expect.volumeMounted;
    config.settings.defects = spec.emulated.defects;
    auto device = std::make_unique<backends::EmulatedDevice>(std::move(config));
    // A drive in use has long had the MMC refresh its first request triggers (ioctl-contracts.md §7.6): run it
    // now, so that the seeded faults meet the suite's commands and not the refresh's.
    device->driver().runPendingMmcRefresh();
    applyFaults(spec.id, spec.emulated.faults, device->drive());
    return device;
}

std::unique_ptr<Device> openSgIo(const DeviceSpec& spec)
{
    auto target = std::make_unique<backends::SgIoTarget>(spec.real.path);
    DeviceIdentity identity;
    identity.id = spec.id;
    identity.backend = "sgio";
    identity.path = spec.real.path;
    classdriver::ClassDriverSettings settings;
    settings.adapter = applyOverrides(settings.adapter, spec.adapter);
    settings.volumeMounted = spec.expect.volumeMounted;
    return std::make_unique<backends::ModelledRealDevice>(std::move(target), std::move(identity), settings);
}

}  // namespace

InventoryVocabulary emulatorVocabulary()
{
    InventoryVocabulary v;
    for (const auto& p : emulator::driveProfiles()) v.profiles.emplace_back(p.name);
    for (const auto& k : emulator::syntheticDiscKinds()) v.syntheticDiscKinds.emplace_back(k.name);
    for (unsigned op = 0; op <= 0xFF; ++op)
        if (emulator::replyLengthFieldWidth(static_cast<std::uint8_t>(op)) != 0) v.lengthFieldOpcodes.push_back(static_cast<std::uint8_t>(op));
    // expect.obsolete_codes: the codes of ioctl-contracts.md §5, and the error statuses a rejection can carry.
    for (const auto& code : ioctl::obsoleteCodes()) v.obsoleteCodes.emplace_back(code.name);
    for (const auto& info : ioctl::allNtStatuses())
        if (info.status.isError() && info.status != ioctl::status::NotImplemented) v.rejectionStatuses.emplace_back(info.name);
    for (const defects::DefectInfo& d : defects::defectCatalog()) v.defects.emplace_back(d.name);
    return v;
}

std::unique_ptr<Device> openDevice(const DeviceSpec& spec)
{
    switch (spec.backend) {
    case Backend::Emulated: return openEmulated(spec);
    case Backend::SgIo: return openSgIo(spec);
    case Backend::Win32: {
#ifdef _WIN32
        const backends::Win32AdapterOverrides overrides{spec.adapter.alignmentMask, spec.adapter.maximumTransferLength,
                                                        spec.adapter.maximumPhysicalPages};
        try {
            return std::make_unique<backends::Win32Device>(spec.id, spec.real.path, overrides);
        } catch (const DeviceError& e) {
            throw DeviceError(spec.id + ": " + e.what());
        }
#else
        throw DeviceError(spec.id + ": the win32 backend (DeviceIoControl on " + spec.real.path +
                          ") is only built on Windows; on Linux reach the drive with backend: sgio");
#endif
    }
    }
    throw DeviceError(spec.id + ": unknown backend");
}

}  // namespace cdcts::inventory
