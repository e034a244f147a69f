#include "harness/emulator/mode_pages.hpp"

#include <algorithm>
#include <array>

#include "harness/core/bytes.hpp"
#include "harness/emulator/drive_state.hpp"
#include "harness/emulator/feature_catalog.hpp"

namespace cdcts::emulator {
namespace {

constexpr std::array<std::uint8_t, 5> kPages{mode_page::ReadWriteErrorRecovery, mode_page::CdDeviceParameters,
                                             mode_page::CdAudioControl, mode_page::PowerCondition, mode_page::Capabilities};

std::vector<std::uint8_t> withHeader(std::uint8_t code, std::span<const std::uint8_t> parameters)
{
    std::vector<std::uint8_t> page(2 + parameters.size());
    page[0] = code;
    page[1] = static_cast<std::uint8_t>(parameters.size());
    std::copy(parameters.begin(), parameters.end(), page.begin() + 2);
    return page;
}

bool lists(const DriveProfile& p, std::uint16_t mediaProfile)
{
    return std::find(p.mediaProfiles.begin(), p.mediaProfiles.end(), mediaProfile) != p.mediaProfiles.end();
}

// A feature data byte, 0 when the drive lacks the feature.
std::uint8_t featureByte(const DriveProfile& p, std::uint16_t code, std::size_t index)
{
    const FeatureDescriptor* f = p.feature(code);
    return f != nullptr && index < f->data.size() ? f->data[index] : 0;
}

std::uint8_t bit(bool on, unsigned position) { return static_cast<std::uint8_t>(on ? 1u << position : 0u); }

// Page 2Ah, MM capabilities and mechanical status (MMC-3 Table 361; MMC-6 keeps it as a legacy page). Built
// from the profile's media profiles and features so the page and GET CONFIGURATION cannot disagree. For the
// default values the lock is open and the speeds are the drive's fastest.
std::vector<std::uint8_t> capabilitiesPage(const DriveState& state, PageControl pc)
{
    const DriveProfile& p = state.profile;
    const bool changeable = pc == PageControl::Changeable;
    const bool current = pc == PageControl::Current;
    const bool multiRead = p.feature(0x001D) != nullptr;
    const std::uint8_t tao = featureByte(p, feature::CdTrackAtOnce, 0);
    const std::uint8_t removable = featureByte(p, feature::RemovableMedium, 0);
    const std::uint8_t audio = featureByte(p, feature::CdExternalAudioPlay, 0);
    const std::uint16_t maxWrite = p.speeds.writeSpeedsKbps.empty() ? 0 : static_cast<std::uint16_t>(p.speeds.writeSpeedsKbps.front());
    const auto clip = [](std::uint32_t selected, std::uint32_t max) { return static_cast<std::uint16_t>(std::min(selected, max)); };
    const std::uint16_t readSpeed = current ? clip(state.selectedReadSpeedKbps, p.speeds.maxReadKbps) : static_cast<std::uint16_t>(p.speeds.maxReadKbps);
    const std::uint16_t writeSpeed = current ? clip(state.selectedWriteSpeedKbps, maxWrite) : maxWrite;
    const std::size_t descriptors = p.modePages.mmc3Capabilities ? p.speeds.writeSpeedsKbps.size() : 0;
    // MMC-2 drives end the page after byte 21 (page length 14h); MMC-3 adds bytes 22-31 and the write speeds.
    std::vector<std::uint8_t> page(p.modePages.mmc3Capabilities ? 32 + 4 * descriptors : 22, 0);
    page[0] = mode_page::Capabilities;
    page[1] = static_cast<std::uint8_t>(page.size() - 2);
    if (changeable) return page;  // nothing here is set by the host
    page[2] = static_cast<std::uint8_t>(bit(multiRead || lists(p, 0x0009), 0) | bit(multiRead || lists(p, 0x000A), 1) |
                                        bit(multiRead, 2) | bit(p.dvdRead, 3) | bit(p.dvdRead, 4) | bit(lists(p, 0x0012), 5));
    page[3] = static_cast<std::uint8_t>(bit(p.writer && lists(p, 0x0009), 0) | bit(p.writer && lists(p, 0x000A), 1) |
                                        bit((tao & 0x04) != 0, 2) | bit(p.feature(feature::DvdRRwWrite) != nullptr, 4));
    page[4] = static_cast<std::uint8_t>(bit(p.feature(feature::CdExternalAudioPlay) != nullptr, 0) | 0x30 /* mode 2 form 1 and 2 */ |
                                        0x40 /* multi-session */ | bit((tao & 0x40) != 0, 7));
    page[5] = static_cast<std::uint8_t>(0x03 /* CD-DA commands, accurate stream */ | 0x04 /* R-W */ | 0x08 /* R-W corrected */ |
                                        bit(p.behaviours.c2 != C2Support::None, 4) | 0x20 /* ISRC */ | 0x40 /* UPC */);
    page[6] = static_cast<std::uint8_t>((static_cast<unsigned>(p.loading) << 5) | bit((removable & 0x08) != 0, 3) |
                                        bit((removable & 0x04) != 0, 2) | bit(current && state.removalPrevented(), 1) |
                                        bit((removable & 0x01) != 0, 0));
    page[7] = static_cast<std::uint8_t>(audio & 0x03);  // separate volume levels, separate channel mute
    storeBe16(&page[8], static_cast<std::uint16_t>(p.speeds.maxReadKbps));
    const FeatureDescriptor* external = p.feature(feature::CdExternalAudioPlay);
    storeBe16(&page[10], external != nullptr ? loadBe16(&external->data[2]) : std::uint16_t{256});
    storeBe16(&page[12], p.modePages.bufferSizeKb);
    storeBe16(&page[14], readSpeed);
    storeBe16(&page[18], maxWrite);
    storeBe16(&page[20], writeSpeed);
    if (!p.modePages.mmc3Capabilities) return page;
    storeBe16(&page[22], p.dvdRead ? 1 : 0);  // copy management revision: CSS on DVD drives
    const bool cav = p.speeds.rotation == RotationControl::Cav;  // 01b pure CAV, 00b CLV and the mixed forms
    page[27] = cav ? 1 : 0;
    storeBe16(&page[28], writeSpeed);
    storeBe16(&page[30], static_cast<std::uint16_t>(descriptors));
    for (std::size_t i = 0; i < descriptors; ++i) {
        page[32 + 4 * i + 1] = cav ? 1 : 0;
        storeBe16(&page[32 + 4 * i + 2], static_cast<std::uint16_t>(p.speeds.writeSpeedsKbps[i]));
    }
    return page;
}

// The pages MODE SELECT can change, with their profile defaults and masks.
const ModePageDefaults* profileDefaults(const DriveProfile& p, std::uint8_t code)
{
    switch (code) {
    case mode_page::ReadWriteErrorRecovery: return &p.modePages.readWriteErrorRecovery;
    case mode_page::CdDeviceParameters: return &p.modePages.cdDeviceParameters;
    case mode_page::CdAudioControl: return &p.modePages.cdAudioControl;
    case mode_page::PowerCondition: return &p.modePages.powerCondition;
    default: return nullptr;
    }
}

template <typename Pages>
auto* currentValues(Pages& pages, std::uint8_t code)
{
    switch (code) {
    case mode_page::ReadWriteErrorRecovery: return &pages.readWriteErrorRecovery;
    case mode_page::CdDeviceParameters: return &pages.cdDeviceParameters;
    case mode_page::CdAudioControl: return &pages.cdAudioControl;
    case mode_page::PowerCondition: return &pages.powerCondition;
    default: return static_cast<decltype(&pages.powerCondition)>(nullptr);
    }
}

}  // namespace

std::span<const std::uint8_t> supportedModePages() { return kPages; }

std::optional<std::vector<std::uint8_t>> modePageImage(const DriveState& state, std::uint8_t pageCode, PageControl pageControl)
{
    if (pageCode == mode_page::Capabilities) return capabilitiesPage(state, pageControl);
    const ModePageDefaults* defaults = profileDefaults(state.profile, pageCode);
    if (defaults == nullptr) return std::nullopt;
    switch (pageControl) {
    case PageControl::Changeable: return withHeader(pageCode, defaults->changeable);
    case PageControl::Default:
    case PageControl::Saved: return withHeader(pageCode, defaults->defaults);
    case PageControl::Current: break;
    }
    return withHeader(pageCode, *currentValues(state.modePages, pageCode));
}

std::optional<ModePageRejection> applyModePage(DriveState& state, std::span<const std::uint8_t> page)
{
    const std::uint8_t code = page[0] & 0x3F;
    if ((page[0] & 0x40) != 0) return ModePageRejection{0, 6};  // SPF: the drive has no subpages
    const auto current = modePageImage(state, code, PageControl::Current);
    if (!current) return ModePageRejection{0, 5};
    if (page.size() != current->size()) return ModePageRejection{1, 7};  // the page length must be the drive's
    const auto mask = *modePageImage(state, code, PageControl::Changeable);
    for (std::size_t i = 2; i < page.size(); ++i) {
        const auto refused = static_cast<std::uint8_t>((page[i] ^ (*current)[i]) & ~mask[i]);
        if (refused == 0) continue;
        std::uint8_t high = 7;
        while ((refused & (1u << high)) == 0) --high;
        return ModePageRejection{static_cast<std::uint16_t>(i), high};
    }
    // Seeded defect: the audio control page is accepted and dropped.
    if (code == mode_page::CdAudioControl && state.defects.has(defects::SeededDefect::VolumeNotApplied)) return std::nullopt;
    if (auto* values = currentValues(state.modePages, code)) values->assign(page.begin() + 2, page.end());
    return std::nullopt;
}

}  // namespace cdcts::emulator
