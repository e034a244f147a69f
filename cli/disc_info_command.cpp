// `cdcts disc info IMAGE [--json]`: loads an ISO or BIN/CUE image with the emulator's loaders and prints its
// layout: sessions, tracks (number, session, type, control, INDEX 01 as LBA and MSF, length, ISRC, CRC-32),
// lead-out, MCN and CD-TEXT. A track's CRC-32 (IEEE 802.3, as zlib's crc32) covers its sectors from INDEX 01
// for `length` sectors as READ CD returns them whole (2352 bytes: sync, header, data, EDC/ECC rebuilt), so
// the same disc gives the same CRC whether stored as ISO, MODE1/2048 or MODE1/2352.
#include <array>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/disc_image.hpp"
#include "cli/exit_codes.hpp"
#include "fixtures/crc32.hpp"
#include "harness/emulator/cd_text.hpp"
#include "harness/emulator/sector/layout.hpp"
#include "harness/emulator/track_sector.hpp"
#include "harness/ioctl/json.hpp"

namespace cdcts::cli {
namespace {
namespace fs = std::filesystem;
using namespace emulator;

struct InfoOptions {
    fs::path image;
    bool json = false;
};

std::uint32_t trackCrc(const Disc& disc, const Track& t)
{
    fixtures::Crc32 crc;
    std::array<std::uint8_t, sector::kRawSectorSize> raw{};
    for (std::uint32_t s = 0; s < t.length; ++s) {
        (void)readRawSector(disc, t, t.startLba + static_cast<std::int32_t>(s), raw);
        crc.update(raw);
    }
    return crc.value();
}

std::string hex32(std::uint32_t v)
{
    std::ostringstream s;
    s << std::hex << std::uppercase << std::setw(8) << std::setfill('0') << v;
    return s.str();
}

void textJson(ioctl::JsonWriter& j, const CdTextStrings& t)
{
    j.beginObject();
    j.key("title").value(t.title);
    j.key("performer").value(t.performer);
    j.key("songwriter").value(t.songwriter);
    j.endObject();
}

std::string textLine(const CdTextStrings& t)
{
    std::string line;
    const auto add = [&](const char* name, const std::string& v) {
        if (v.empty()) return;
        line += (line.empty() ? "" : ", ") + std::string(name) + " \"" + v + "\"";
    };
    add("title", t.title);
    add("performer", t.performer);
    add("songwriter", t.songwriter);
    return line;
}

int showInfo(const InfoOptions& options)
{
    std::unique_ptr<Disc> disc;
    try {
        disc = loadDiscImage(options.image);
    } catch (const std::exception& e) {
        std::cerr << "cdcts disc info: " << e.what() << "\n";
        return kExitBadUsage;
    }
    const DecodedCdText text = decodeCdTextPacks(disc->cdTextPacks());
    const auto trackText = [&](const Track& t) -> CdTextStrings {
        const std::size_t i = t.number >= text.firstTrack ? t.number - text.firstTrack + 1u : 0u;
        return i > 0 && i < text.strings.size() ? text.strings[i] : CdTextStrings{};
    };
    std::vector<std::uint32_t> crcs;
    for (const Track& t : disc->tracks()) crcs.push_back(trackCrc(*disc, t));
    const std::int64_t kOffset = 150;  // MSF = LBA + 150

    if (options.json) {
        ioctl::JsonWriter j(2);
        j.beginObject();
        j.key("image").value(options.image.string());
        j.key("description").value(disc->description());
        j.key("sessions").beginArray();
        for (std::uint8_t s = 1; s <= disc->sessionCount(); ++s) {
            j.beginObject().key("number").value(s).key("leadOutLba").value(disc->sessionLeadOutLba(s)).endObject();
        }
        j.endArray();
        j.key("leadOutLba").value(disc->leadOutLba());
        j.key("leadOutMsf").value(framesToMsf(disc->leadOutLba() + kOffset));
        j.key("mcn").value(disc->mediaCatalogNumber());
        j.key("tracks").beginArray();
        for (std::size_t i = 0; i < disc->tracks().size(); ++i) {
            const Track& t = disc->tracks()[i];
            j.beginObject();
            j.key("number").value(t.number).key("session").value(t.session).key("type").value(trackTypeName(t.type));
            j.key("control").value(t.control).key("startLba").value(t.startLba).key("startMsf").value(framesToMsf(t.startLba + kOffset));
            j.key("length").value(t.length).key("isrc").value(t.isrc).key("crc32").value(hex32(crcs[i]));
            j.key("cdText");
            textJson(j, trackText(t));
            j.endObject();
        }
        j.endArray();
        j.key("cdText").beginObject();
        j.key("packs").value(disc->cdTextPacks().size());
        j.key("disc");
        textJson(j, text.strings.empty() ? CdTextStrings{} : text.strings[0]);
        j.endObject();
        j.endObject();
        std::cout << j.str() << "\n";
        return kExitOk;
    }

    std::cout << options.image.string() << ": " << disc->description() << "\n";
    std::cout << "sessions: " << unsigned{disc->sessionCount()} << ", lead-out at LBA " << disc->leadOutLba() << " ("
              << framesToMsf(disc->leadOutLba() + kOffset) << ")\n";
    for (std::uint8_t s = 1; s <= disc->sessionCount() && disc->sessionCount() > 1; ++s)
        std::cout << "session " << unsigned{s} << " lead-out at LBA " << disc->sessionLeadOutLba(s) << "\n";
    std::cout << "MCN: " << (disc->mediaCatalogNumber().empty() ? "none" : disc->mediaCatalogNumber()) << "\n";
    std::cout << "CD-TEXT: " << disc->cdTextPacks().size() << " packs";
    if (!text.strings.empty() && !textLine(text.strings[0]).empty()) std::cout << "; disc: " << textLine(text.strings[0]);
    std::cout << "\n";
    std::cout << std::left << std::setw(6) << "TRACK" << std::setw(8) << "SESSION" << std::setw(16) << "TYPE" << std::setw(5) << "CTL"
              << std::right << std::setw(9) << "LBA" << std::setw(10) << "MSF" << std::setw(9) << "LENGTH" << "  " << std::left
              << std::setw(13) << "ISRC" << "CRC32\n";
    for (std::size_t i = 0; i < disc->tracks().size(); ++i) {
        const Track& t = disc->tracks()[i];
        std::cout << std::left << std::setw(6) << unsigned{t.number} << std::setw(8) << unsigned{t.session} << std::setw(16)
                  << trackTypeName(t.type) << std::setw(5) << unsigned{t.control} << std::right << std::setw(9) << t.startLba
                  << std::setw(10) << framesToMsf(t.startLba + kOffset) << std::setw(9) << t.length << "  " << std::left << std::setw(13)
                  << (t.isrc.empty() ? "-" : t.isrc) << hex32(crcs[i]) << "\n";
        const std::string line = textLine(trackText(t));
        if (!line.empty()) std::cout << "      CD-TEXT: " << line << "\n";
    }
    return kExitOk;
}

}  // namespace

void addDiscInfoCommand(CLI::App& disc, Action& action)
{
    auto options = std::make_shared<InfoOptions>();
    CLI::App* info = disc.add_subcommand("info", "Show the layout of an ISO or BIN/CUE image as the emulated drive loads it");
    info->add_option("IMAGE", options->image, "A .cue or .iso file")->required();
    info->add_flag("--json", options->json, "Print JSON instead of a table");
    action = [options] { return showInfo(*options); };
}

}  // namespace cdcts::cli
