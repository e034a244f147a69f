// `cdcts disc make OUT.cue [--kind K]`: writes a synthetic disc as a cue sheet and one BIN file (raw 2352-byte
// sectors: MODE1/2352, MODE2/2352, AUDIO) that burning tools, libcdio and the emulator all read alike. A pause
// before a track is in the BIN as INDEX 00 (digital silence before audio, the track's own sectors before data),
// not a PREGAP line: libcdio's cue reader does not count PREGAP into addresses, and burners handle both. The
// first track of a later session has no INDEX 00; the sheet's layout gives it the 150-sector pause. The BIN is written and renamed into place first
// and the cue sheet last, each from a temporary file in the same folder, so an interrupted or failed run
// leaves no sheet that points at a missing or partial BIN. The description (OUT.disc.yaml, disc_description.hpp:
// layout, MCN, ISRCs, CD-TEXT, CRC-32s, read-offset probes, full TOC) is renamed into place between the two.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/disc_description.hpp"
#include "cli/disc_image.hpp"
#include "cli/exit_codes.hpp"
#include "harness/emulator/cue/layout.hpp"
#include "harness/emulator/sector/layout.hpp"
#include "harness/emulator/synthetic_disc.hpp"
#include "harness/emulator/track_sector.hpp"

namespace cdcts::cli {
namespace {
namespace fs = std::filesystem;
using namespace emulator;

struct MakeOptions {
    fs::path out;
    std::string kind = "reference";
};

// Deletes the temporary file unless it was renamed into place.
class TempFile {
public:
    explicit TempFile(fs::path final) : final_(std::move(final))
    {
        temp_ = final_.parent_path() / ("." + final_.filename().string() + ".tmp-" + std::to_string(::getpid()));
    }
    ~TempFile()
    {
        std::error_code ignored;
        if (!committed_) fs::remove(temp_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const fs::path& path() const { return temp_; }
    void commit()
    {
        fs::rename(temp_, final_);
        committed_ = true;
    }

private:
    fs::path final_;
    fs::path temp_;
    bool committed_ = false;
};

std::string cueMode(TrackType type)
{
    switch (type) {
    case TrackType::Audio: return "AUDIO";
    case TrackType::Mode1: return "MODE1/2352";
    case TrackType::Mode2Formless:
    case TrackType::Mode2Xa: return "MODE2/2352";
    }
    return "?";
}

std::string quoted(const std::string& text)
{
    if (text.find('"') != std::string::npos) throw std::invalid_argument("CD-TEXT \"" + text + "\" holds a quote a cue sheet cannot carry");
    return "\"" + text + "\"";
}

void writeTexts(std::ostream& cue, const CdTextStrings& t, const char* indent)
{
    if (!t.title.empty()) cue << indent << "TITLE " << quoted(t.title) << "\n";
    if (!t.performer.empty()) cue << indent << "PERFORMER " << quoted(t.performer) << "\n";
    if (!t.songwriter.empty()) cue << indent << "SONGWRITER " << quoted(t.songwriter) << "\n";
}

// Sectors of pause before `disc.tracks()[i]` that the BIN holds (INDEX 00 .. INDEX 01), and the PREGAP the
// sheet must declare for the rest.
struct Pause {
    std::int32_t inFile = 0;
    std::int32_t pregap = 0;
};

Pause pauseBefore(const Disc& disc, std::size_t i)
{
    if (i == 0) return {};
    const Track& t = disc.tracks()[i];
    const Track& previous = disc.tracks()[i - 1];
    const std::int32_t gap = t.startLba - (previous.startLba + static_cast<std::int32_t>(previous.length));
    if (t.session == previous.session) return {gap, 0};
    // cue/layout puts the previous session's lead-out and this one's lead-in there itself, then at least 150.
    const std::int32_t pause = gap - (t.session == 2 ? cue::kFirstLeadOutLength : cue::kLaterLeadOutLength) - cue::kLeadInLength;
    return {0, pause > 150 ? pause : 0};
}

// The cue sheet for `disc`, whose sectors sit back to back in `binName`, each track's pause first.
std::string cueSheet(const Disc& disc, const std::optional<SyntheticDiscSpec>& spec, const std::string& kind, const std::string& binName)
{
    std::ostringstream cue;
    cue << "REM cdcts disc make --kind " << kind << ": " << disc.description() << "\n";
    if (!disc.mediaCatalogNumber().empty()) cue << "CATALOG " << disc.mediaCatalogNumber() << "\n";
    if (spec) writeTexts(cue, spec->text, "");
    const bool multisession = disc.sessionCount() > 1;
    if (multisession) cue << "REM SESSION 01\n";
    cue << "FILE " << quoted(binName) << " BINARY\n";
    std::int64_t fileSectors = 0;
    for (std::size_t i = 0; i < disc.tracks().size(); ++i) {
        const Track& t = disc.tracks()[i];
        const Pause pause = pauseBefore(disc, i);
        if (i > 0 && t.session != disc.tracks()[i - 1].session)
            cue << "REM SESSION " << (t.session < 10 ? "0" : "") << unsigned{t.session} << "\n";
        char number[8];
        std::snprintf(number, sizeof number, "%02u", unsigned{t.number});
        cue << "  TRACK " << number << " " << cueMode(t.type) << "\n";
        if (t.type == TrackType::Audio && (t.control & control::CopyPermitted) != 0) cue << "    FLAGS DCP\n";
        if (!t.isrc.empty()) cue << "    ISRC " << t.isrc << "\n";
        if (spec && i < spec->tracks.size()) writeTexts(cue, spec->tracks[i].text, "    ");
        if (pause.pregap > 0) cue << "    PREGAP " << framesToMsf(pause.pregap) << "\n";
        if (pause.inFile > 0) cue << "    INDEX 00 " << framesToMsf(fileSectors) << "\n";
        fileSectors += pause.inFile;
        cue << "    INDEX 01 " << framesToMsf(fileSectors) << "\n";
        fileSectors += t.length;
    }
    return cue.str();
}

void writeBin(const Disc& disc, const fs::path& file)
{
    std::ofstream bin(file, std::ios::binary | std::ios::trunc);
    if (!bin) throw std::runtime_error(file.string() + ": cannot create");
    std::array<std::uint8_t, sector::kRawSectorSize> raw{};
    for (std::size_t i = 0; i < disc.tracks().size(); ++i) {
        const Track& t = disc.tracks()[i];
        const std::int32_t first = t.startLba - pauseBefore(disc, i).inFile;
        for (std::int32_t lba = first; lba < t.startLba + static_cast<std::int32_t>(t.length); ++lba) {
            if (lba < t.startLba && t.type == TrackType::Audio) raw.fill(0);  // the pause before music is silence
            else (void)readRawSector(disc, t, lba, raw);
            bin.write(reinterpret_cast<const char*>(raw.data()), static_cast<std::streamsize>(raw.size()));
        }
    }
    bin.flush();
    if (!bin) throw std::runtime_error(file.string() + ": write failed");
}

int makeDisc(const MakeOptions& options)
{
    if (options.out.extension() != ".cue") {
        std::cerr << "cdcts disc make: " << options.out.string() << ": the output must be a .cue file\n";
        return kExitBadUsage;
    }
    const std::unique_ptr<Disc> disc = makeSyntheticDisc(options.kind);
    const std::optional<SyntheticDiscSpec> spec = syntheticDiscSpec(options.kind);
    const fs::path cuePath = options.out;
    const fs::path binPath = fs::path(cuePath).replace_extension(".bin");
    const fs::path descriptionPath = cuePath.parent_path() / descriptionFileName(cuePath.filename().string());
    try {
        const std::string sheet = cueSheet(*disc, spec, options.kind, binPath.filename().string());
        DescribedImage image{options.kind, cuePath.filename().string(), binPath.filename().string(), 0, {}};
        for (std::size_t i = 0; i < disc->tracks().size(); ++i) {
            const Pause pause = pauseBefore(*disc, i);
            const std::int32_t gap = i == 0 ? 0 : disc->tracks()[i].startLba - (disc->tracks()[i - 1].startLba + static_cast<std::int32_t>(disc->tracks()[i - 1].length));
            image.pregaps.push_back(disc->tracks()[i].session == (i == 0 ? 1 : disc->tracks()[i - 1].session) ? gap : std::max(pause.pregap, 150));
            image.binBytes += (static_cast<std::uint64_t>(pause.inFile) + disc->tracks()[i].length) * sector::kRawSectorSize;
        }
        const std::string description = fixtures::writeReferenceDisc(describeDisc(*disc, image));
        TempFile bin(binPath), described(descriptionPath), cue(cuePath);
        writeBin(*disc, bin.path());
        const auto writeText = [](const fs::path& file, const std::string& text) {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out << text;
            out.flush();
            if (!out) throw std::runtime_error(file.string() + ": write failed");
        };
        writeText(described.path(), description);
        writeText(cue.path(), sheet);
        bin.commit();
        described.commit();
        cue.commit();
    } catch (const std::exception& e) {
        std::cerr << "cdcts disc make: " << e.what() << "\n";
        return kExitFailed;
    }
    std::cout << "wrote " << cuePath.string() << ", " << binPath.string() << " and " << descriptionPath.string() << " (" << disc->tracks().size() << " tracks, lead-out at LBA "
              << disc->leadOutLba() << ")\n";
    return kExitOk;
}

}  // namespace

void addDiscMakeCommand(CLI::App& disc, Action& action)
{
    auto options = std::make_shared<MakeOptions>();
    CLI::App* make = disc.add_subcommand("make", "Write a synthetic disc as a BIN/CUE image (a cue sheet and one BIN) and its description (OUT.disc.yaml)");
    make->add_option("OUT", options->out, "The cue sheet to write; the BIN gets the same name with .bin, the description .disc.yaml")->required();
    std::vector<std::string> kinds;
    std::string help = "Which disc:";
    for (const SyntheticDiscKind& k : syntheticDiscKinds()) {
        kinds.emplace_back(k.name);
        help += "\n  " + std::string(k.name) + ": " + std::string(k.description);
    }
    make->add_option("--kind", options->kind, help)->check(CLI::IsMember(kinds))->capture_default_str();
    action = [options] { return makeDisc(*options); };
}

}  // namespace cdcts::cli
