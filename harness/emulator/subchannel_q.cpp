#include "harness/emulator/subchannel_q.hpp"

namespace cdcts::emulator {

sector::QChannel qChannelAt(const Disc& disc, const Track& track, std::int32_t lba)
{
    const bool pregap = lba < track.startLba;
    const std::int32_t slot = ((lba % 100) + 100) % 100;  // LBAs of a pregap before LBA 0 are negative
    if (slot == kMcnFrameSlot && !disc.mediaCatalogNumber().empty()) return sector::mcnQ(track.control, disc.mediaCatalogNumber(), lba);
    if (slot == kIsrcFrameSlot && !pregap && !track.isrc.empty()) return sector::isrcQ(track.control, track.isrc, lba);
    return sector::positionQ({track.control, track.number, static_cast<std::uint8_t>(pregap ? 0 : 1), lba, track.startLba});
}

}  // namespace cdcts::emulator
