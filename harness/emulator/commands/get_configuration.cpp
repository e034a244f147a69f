// GET CONFIGURATION (MMC-6 §6.6): the feature header with the current profile, then the profile's feature
// descriptors (data from the profile file, Persistent and Current decided here from the loaded medium).
#include <algorithm>
#include <vector>

#include "harness/core/bytes.hpp"
#include "harness/emulator/command_table.hpp"
#include "harness/emulator/feature_catalog.hpp"

namespace cdcts::emulator {
namespace {

enum class RequestType : std::uint8_t { All = 0, Current = 1, One = 2 };

bool isCdProfile(std::uint16_t p) { return p >= 0x0008 && p <= 0x000A; }
bool isDvdProfile(std::uint16_t p) { return (p >= 0x0010 && p <= 0x001F) || p == 0x002A || p == 0x002B; }

bool isCurrent(FeatureCurrency currency, std::uint16_t currentProfile)
{
    switch (currency) {
    case FeatureCurrency::Always: return true;
    case FeatureCurrency::MediumPresent: return currentProfile != media_profile::None;
    case FeatureCurrency::CdMedium: return isCdProfile(currentProfile);
    case FeatureCurrency::DvdMedium: return isDvdProfile(currentProfile);
    case FeatureCurrency::WritableMedium: return false;  // the emulator's media are pressed discs
    }
    return false;
}

void appendDescriptor(std::vector<std::uint8_t>& out, const FeatureDescriptor& f, const FeatureSpec& spec, bool current,
                      std::span<const std::uint8_t> data)
{
    out.push_back(static_cast<std::uint8_t>(f.code >> 8));
    out.push_back(static_cast<std::uint8_t>(f.code));
    out.push_back(static_cast<std::uint8_t>((f.version << 2) | (spec.persistent ? 0x02 : 0) | (current ? 0x01 : 0)));
    out.push_back(static_cast<std::uint8_t>(data.size()));
    out.insert(out.end(), data.begin(), data.end());
}

// Profile List data (MMC-6 §5.3.1): one 4-byte descriptor per profile, CurrentP on the loaded medium's.
std::vector<std::uint8_t> profileListData(const DriveProfile& profile, std::uint16_t currentProfile)
{
    std::vector<std::uint8_t> data;
    for (const auto number : profile.mediaProfiles) {
        data.push_back(static_cast<std::uint8_t>(number >> 8));
        data.push_back(static_cast<std::uint8_t>(number));
        data.push_back(number == currentProfile ? 0x01 : 0x00);
        data.push_back(0);
    }
    return data;
}

}  // namespace

// The profile of the medium in the drive (MMC-6 §5.3.1: the one the drive is using for it). A CD-R or CD-RW
// is current as such when the drive lists that profile; a drive that does not reads it as a CD-ROM.
std::uint16_t currentMediaProfile(const DriveState& state)
{
    const Disc* disc = state.loadedDisc();
    if (disc == nullptr) return media_profile::None;
    const auto lists = [&](std::uint16_t p) { return std::ranges::find(state.profile.mediaProfiles, p) != state.profile.mediaProfiles.end(); };
    if (disc->mediumKind() == MediumKind::CdR && lists(media_profile::CdR)) return media_profile::CdR;
    if (disc->mediumKind() == MediumKind::CdRw && lists(media_profile::CdRw)) return media_profile::CdRw;
    return media_profile::CdRom;
}

mmc::CommandResult getConfiguration(DriveState& state, const CommandContext& ctx)
{
    // Drives built before MMC-2 do not know the command (profiles/README: legacy_cdrom).
    if (!state.profile.behaviours.getConfiguration) return checkCondition(mmc::sense::InvalidCommandOperationCode, 0);
    if ((ctx.cdb[1] & 0xFC) != 0) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 7);
    const std::uint8_t rt = ctx.cdb[1] & 0x03;
    if (rt == 3) return checkCondition(mmc::sense::InvalidFieldInCdb, 1, 1);  // RT 11b is reserved
    const auto type = static_cast<RequestType>(rt);
    const std::uint16_t start = loadBe16(&ctx.cdb[2]);
    const std::uint16_t currentProfile = currentMediaProfile(state);

    std::vector<std::uint8_t> reply(8, 0);
    storeBe16(&reply[6], currentProfile);
    for (const auto& f : state.profile.features) {
        const FeatureSpec* spec = findFeatureSpec(f.code);
        if (spec == nullptr) continue;
        const bool current = isCurrent(spec->currency, currentProfile);
        const bool wanted = type == RequestType::One ? f.code == start : f.code >= start && (type == RequestType::All || current);
        if (!wanted) continue;
        if (f.code == feature::ProfileList) {
            appendDescriptor(reply, f, *spec, current, profileListData(state.profile, currentProfile));
        } else if (f.code == feature::RandomReadable && f.data.size() >= 6) {
            // Blocking: logical blocks per readable unit, 16 on DVD (one ECC block), 1 on CD.
            std::vector<std::uint8_t> data = f.data;
            storeBe16(&data[4], isDvdProfile(currentProfile) ? 16 : 1);
            appendDescriptor(reply, f, *spec, current, data);
        } else {
            appendDescriptor(reply, f, *spec, current, f.data);
        }
    }
    // Data length: the bytes after the field itself, whatever the allocation length cuts off.
    storeBe32(&reply[0], static_cast<std::uint32_t>(reply.size() - 4));
    return dataIn(ctx, reply, loadBe16(&ctx.cdb[7]));
}

}  // namespace cdcts::emulator
