#include "harness/ioctl/obsolete_codes.hpp"

#include <array>

#include "harness/ioctl/codes.hpp"

namespace cdcts::ioctl {
namespace {

using D = ObsoleteCodeInfo::Default;

// §5, one row per code; the "sample behaviour" column decides the default.
constexpr std::array kObsolete{
    ObsoleteCodeInfo{"IOCTL_CDROM_READ_TOC", codes::CdromReadToc, "§3.15", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_SEEK_AUDIO_MSF", codes::CdromSeekAudioMsf, "§3.20", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_STOP_AUDIO", codes::CdromStopAudio, "§3.20", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_PAUSE_AUDIO", codes::CdromPauseAudio, "§3.20", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_RESUME_AUDIO", codes::CdromResumeAudio, "§3.20", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_GET_VOLUME", codes::CdromGetVolume, "§3.21", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_PLAY_AUDIO_MSF", codes::CdromPlayAudioMsf, "§3.20", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_SET_VOLUME", codes::CdromSetVolume, "§3.21", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_READ_Q_CHANNEL", codes::CdromReadQChannel, "§3.19", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_GET_CONTROL", codes::CdromGetControl, "§3.23", D::RejectedByThePortDriver},
    ObsoleteCodeInfo{"IOCTL_CDROM_DISK_TYPE", codes::CdromDiskType, "§3.23", D::RejectedByThePortDriver},
    ObsoleteCodeInfo{"IOCTL_CDROM_CHECK_VERIFY", codes::CdromCheckVerify, "§3.1", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_MEDIA_REMOVAL", codes::CdromMediaRemoval, "§3.11", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_EJECT_MEDIA", codes::CdromEjectMedia, "§3.3", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_LOAD_MEDIA", codes::CdromLoadMedia, "§3.3", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_RESERVE", codes::CdromReserve, "§3.22", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_RELEASE", codes::CdromRelease, "§3.22", D::Supported},
    ObsoleteCodeInfo{"IOCTL_CDROM_FIND_NEW_DEVICES", codes::CdromFindNewDevices, "§3.7", D::AccessDenied},
    ObsoleteCodeInfo{"IOCTL_CDROM_UNLOAD_DRIVER", codes::CdromUnloadDriver, "§3.23", D::RejectedByThePortDriver},
    ObsoleteCodeInfo{"IOCTL_CDROM_SIMBAD", codes::CdromSimbad, "§3.23", D::Supported},
};

}  // namespace

ObsoleteExpectation ObsoleteCodeInfo::defaultExpectation() const
{
    switch (byDefault) {
    case D::Supported: return {true, {}};
    case D::RejectedByThePortDriver: return {false, {status::InvalidDeviceRequest, status::NotSupported}};
    case D::AccessDenied: return {false, {status::AccessDenied}};
    }
    return {};
}

std::span<const ObsoleteCodeInfo> obsoleteCodes() { return kObsolete; }

const ObsoleteCodeInfo* findObsoleteCode(std::string_view name)
{
    for (const ObsoleteCodeInfo& info : kObsolete)
        if (info.name == name) return &info;
    return nullptr;
}

}  // namespace cdcts::ioctl
