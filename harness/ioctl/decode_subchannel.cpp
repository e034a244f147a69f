// Decoder of IOCTL_CDROM_READ_Q_CHANNEL: SUB_Q_CHANNEL_DATA in the format the input asked for
// (structures/subchannel.hpp; ioctl-contracts.md §3.19).
#include "harness/ioctl/decoders.hpp"
#include "harness/ioctl/structures/subchannel.hpp"

namespace cdcts::ioctl::detail {
namespace {

std::string audioStatusText(std::uint8_t status)
{
    switch (status) {
    case AUDIO_STATUS_NOT_SUPPORTED: return "0x00 (not supported)";
    case AUDIO_STATUS_IN_PROGRESS: return "0x11 (play in progress)";
    case AUDIO_STATUS_PAUSED: return "0x12 (paused)";
    case AUDIO_STATUS_PLAY_COMPLETE: return "0x13 (play completed)";
    case AUDIO_STATUS_PLAY_ERROR: return "0x14 (play stopped by error)";
    case AUDIO_STATUS_NO_STATUS: return "0x15 (no status)";
    default: return hex(status, 2) + " (reserved)";
    }
}

void decodeCurrentPosition(Decoded& root, Bytes out)
{
    if (!present(root, out, 5, 1, "Control/ADR")) return;
    root.add("Control", std::int64_t{out[5] & 0x0F}, controlText(out[5] & 0x0F));
    root.add("ADR", std::int64_t{out[5] >> 4}, adrText(static_cast<std::uint8_t>(out[5] >> 4)));
    if (!present(root, out, 6, 2, "TrackNumber/IndexNumber")) return;
    root.add("TrackNumber", std::int64_t{out[6]}, trackNumberText(out[6]));
    root.add("IndexNumber", std::int64_t{out[7]});
    if (!present(root, out, 8, 4, "AbsoluteAddress")) return;
    Decoded& absolute = root.add("AbsoluteAddress", std::string());
    addAddress(absolute, out.data() + 8, true);
    if (!present(root, out, 12, 4, "TrackRelativeAddress")) return;
    // Relative to the track start: a frame count, so no 150-frame lead-in offset.
    const std::uint8_t* rel = out.data() + 12;
    Decoded& relative = root.add("TrackRelativeAddress", msfText(rel[1], rel[2], rel[3]));
    relative.add("Frames", msfToLba(rel[1], rel[2], rel[3]) + 150);
}

void decodeMediaCatalog(Decoded& root, Bytes out)
{
    if (!present(root, out, 8, 1, "Mcval")) return;
    root.add("Mcval", std::int64_t{out[8] >> 7});
    if (!present(root, out, 9, 15, "MediaCatalog")) {
        if (out.size() > 9) root.add("MediaCatalog", deviceString(out.subspan(9)));
        return;
    }
    root.add("MediaCatalog", deviceString(out.subspan(9, 15)));
}

void decodeTrackIsrc(Decoded& root, Bytes out)
{
    if (!present(root, out, 6, 1, "Track")) return;
    root.add("Track", std::int64_t{out[6]});
    if (!present(root, out, 8, 1, "Tcval")) return;
    root.add("Tcval", std::int64_t{out[8] >> 7});
    if (!present(root, out, 9, 15, "TrackIsrc")) {
        if (out.size() > 9) root.add("TrackIsrc", deviceString(out.subspan(9)));
        return;
    }
    root.add("TrackIsrc", deviceString(out.subspan(9, 15)));
}

}  // namespace

Decoded decodeReadQChannel(Bytes in, Bytes out)
{
    Decoded root{"SUB_Q_CHANNEL_DATA", {}, std::nullopt, {}};
    // The format comes from CDROM_SUB_Q_DATA_FORMAT; without input, the reply's own FormatCode says it.
    std::uint8_t format = 0;
    if (!in.empty()) {
        format = in[0];
    } else if (out.size() > 4) {
        format = out[4];
        root.addNote("no input: format taken from the reply's FormatCode");
    }
    if (out.size() >= 2) root.add("AudioStatus", std::int64_t{out[1]}, audioStatusText(out[1]));
    if (out.size() >= 4) root.add("DataLength", std::int64_t{loadBe16(out.data() + 2)});
    if (!present(root, out, 0, sizeof(SUB_Q_HEADER), "SUB_Q_HEADER")) return root;
    if (!present(root, out, 4, 1, "FormatCode")) return root;
    root.add("FormatCode", std::int64_t{out[4]});

    switch (format) {
    case IOCTL_CDROM_CURRENT_POSITION:
        root.name = "SUB_Q_CURRENT_POSITION";
        decodeCurrentPosition(root, out);
        break;
    case IOCTL_CDROM_MEDIA_CATALOG:
        root.name = "SUB_Q_MEDIA_CATALOG_NUMBER";
        decodeMediaCatalog(root, out);
        break;
    case IOCTL_CDROM_TRACK_ISRC:
        root.name = "SUB_Q_TRACK_ISRC";
        decodeTrackIsrc(root, out);
        break;
    default:
        root.addNote("format " + std::to_string(format) + " has no defined reply; header only");
        break;
    }
    if (!in.empty() && out[4] != format)  // FormatCode is present: checked above
        root.addNote("FormatCode " + std::to_string(out[4]) + " differs from the requested format " +
                     std::to_string(format));
    return root;
}

}  // namespace cdcts::ioctl::detail
