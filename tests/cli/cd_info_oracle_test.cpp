// libcdio's cd-info as an oracle: it parses the BIN/CUE that `cdcts disc make` writes with its own cue reader,
// and its track list (numbers, LSNs, data/audio, copy flag, lead-out) and MCN must equal what the emulated drive
// answers to READ TOC (format 0, LBA form) and READ CD's Q frames for the same image. Multisession images are
// left out: cd-info's cue reader has no notion of sessions (REM SESSION is a comment to it).
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "disc_dir.hpp"
#include "harness/emulator/cue_image.hpp"
#include "harness/emulator/profile.hpp"
#include "harness/emulator/virtual_drive.hpp"
#include "tests/support/subprocess.hpp"

namespace cdcts {
namespace {
namespace fs = std::filesystem;
using testing_support::DiscDir;
using testing_support::run;
using Bytes = std::vector<std::uint8_t>;

const std::string kCdcts = CDCTS_BINARY;

struct TocEntry {
    unsigned number = 0;  // 170 (0xAA) for the lead-out, as cd-info prints it
    std::int64_t lba = 0;
    bool data = false;
    bool copy = false;
    friend bool operator==(const TocEntry&, const TocEntry&) = default;
};

std::ostream& operator<<(std::ostream& out, const TocEntry& e)
{
    return out << "{track " << e.number << ", LBA " << e.lba << (e.data ? ", data" : ", audio") << (e.copy ? ", copy" : "") << "}";
}

std::string cdInfoPath()
{
    for (const char* dir : {"/usr/bin", "/usr/local/bin", "/bin"}) {
        const fs::path p = fs::path(dir) / "cd-info";
        if (fs::exists(p)) return p.string();
    }
    return {};
}

std::vector<TocEntry> parseCdInfo(const std::string& out, std::string& mcn)
{
    std::vector<TocEntry> entries;
    const std::regex track(R"(^\s*(\d+): \d\d:\d\d:\d\d\s+(\d+) (\S+)(?:\s+(true|false)\s+(yes|no))?)");
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_search(line, m, track)) {
            TocEntry e{static_cast<unsigned>(std::stoul(m[1])), std::stoll(m[2]), m[3] != "audio", m[5] == "yes"};
            if (m[3] == "leadout") e.data = false, e.copy = false;
            entries.push_back(e);
        }
        const std::string kMcn = "Media Catalog Number (MCN): ";
        if (line.rfind(kMcn, 0) == 0) mcn = line.substr(kMcn.size());
    }
    return entries;
}

std::vector<TocEntry> readToc(emulator::VirtualDrive& drive)
{
    const std::vector<std::uint8_t> cdb{0x43, 0, 0, 0, 0, 0, 1, 0x03, 0x24, 0};
    Bytes data(804);
    mmc::CommandResult r = drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10));
    for (int attempt = 0; attempt < 3 && !r.good(); ++attempt)  // past the power-on and medium-change unit attentions
        r = drive.execute(cdb, data, mmc::DataDirection::In, std::chrono::seconds(10));
    EXPECT_TRUE(r.good());
    std::vector<TocEntry> entries;
    const std::size_t length = (std::size_t{data[0]} << 8 | data[1]) + 2;
    for (std::size_t at = 4; at + 8 <= std::min<std::size_t>(length, r.transferred); at += 8) {
        const std::uint8_t control = data[at + 1] & 0x0F;
        const auto lba = static_cast<std::int32_t>(std::uint32_t{data[at + 4]} << 24 | std::uint32_t{data[at + 5]} << 16 |
                                                   std::uint32_t{data[at + 6]} << 8 | data[at + 7]);
        const bool leadOut = data[at + 2] == 0xAA;
        entries.push_back(TocEntry{data[at + 2], lba, !leadOut && (control & 0x4) != 0, !leadOut && (control & 0x2) != 0});
    }
    return entries;
}

TEST(CdInfoOracle, TrackListsAgreeWithReadToc)
{
    const std::string cdInfo = cdInfoPath();
    // .ci/install-deps installs libcdio-utils, so a missing cd-info is a broken set-up, not a drive limitation.
    if (cdInfo.empty()) FAIL() << "cd-info not found: run .ci/install-deps (Debian package libcdio-utils)";
    DiscDir dir;
    for (const char* kind : {"reference", "audio", "mixed", "xa"}) {
        SCOPED_TRACE(kind);
        const fs::path cue = dir / (std::string(kind) + ".cue");
        ASSERT_EQ(run({kCdcts, "disc", "make", cue.string(), "--kind", kind}).exitCode, 0);
        const auto r = run({cdInfo, "--no-header", "--no-device-info", "--no-cddb", "--cue-file", cue.string()});
        ASSERT_EQ(r.exitCode, 0) << r.out;
        std::string mcn;
        const std::vector<TocEntry> oracle = parseCdInfo(r.out, mcn);
        ASSERT_GE(oracle.size(), 2u) << r.out;

        VirtualClock clock;
        emulator::VirtualDrive drive{*emulator::findDriveProfile("dvd_rom"), clock};
        drive.loadMedium(emulator::loadCueImage(cue));
        clock.advance(drive.profile().timings.spinUp);  // the spindle comes up to speed
        EXPECT_EQ(readToc(drive), oracle) << r.out;

        const auto disc = emulator::loadCueImage(cue);
        EXPECT_EQ(disc->mediaCatalogNumber().empty() ? "not available" : disc->mediaCatalogNumber(), mcn);
    }
}

}  // namespace
}  // namespace cdcts
