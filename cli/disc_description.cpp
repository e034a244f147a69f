#include "cli/disc_description.hpp"

#include <array>

#include "fixtures/crc32.hpp"
#include "harness/emulator/cd_text.hpp"
#include "harness/emulator/sector/layout.hpp"
#include "harness/emulator/track_sector.hpp"

namespace cdcts::cli {
namespace {
using namespace emulator;

constexpr std::int64_t kMsfOffset = 150;
constexpr std::int64_t kProbeSamples = 32;  // 128 bytes: with the reference disc's noise, never repeated by chance

std::string modeName(TrackType type)
{
    switch (type) {
    case TrackType::Audio: return "audio";
    case TrackType::Mode1: return "mode1";
    case TrackType::Mode2Formless: return "mode2-formless";
    case TrackType::Mode2Xa: return "mode2-xa";
    }
    return "?";
}

fixtures::ReferenceCdText toText(const CdTextStrings& s) { return {s.title, s.performer, s.songwriter}; }

void crcs(const Disc& disc, const Track& t, fixtures::ReferenceTrack& out)
{
    fixtures::Crc32 whole, user;
    std::array<std::uint8_t, sector::kRawSectorSize> raw{};
    for (std::uint32_t s = 0; s < t.length; ++s) {
        (void)readRawSector(disc, t, t.startLba + static_cast<std::int32_t>(s), raw);
        whole.update(raw);
        if (t.type == TrackType::Mode1) user.update(std::span(raw).subspan(16, 2048));  // after sync and header
    }
    out.crc32 = whole.value();
    if (t.type == TrackType::Mode1) out.crc32UserData = user.value();
}

// kProbeSamples samples from the middle of an audio track.
fixtures::OffsetProbe probe(const Disc& disc, const Track& t)
{
    const std::int64_t sample = std::int64_t{t.length} * 588 / 2;
    const std::int64_t lba = t.startLba + sample / 588;
    std::vector<std::uint8_t> two(2 * sector::kRawSectorSize);
    for (std::int64_t i = 0; i < 2; ++i) {
        const auto at = static_cast<std::int32_t>(lba + i);
        disc.readUserData(*disc.trackOwning(at), at, std::span(two).subspan(static_cast<std::size_t>(i) * sector::kRawSectorSize, sector::kRawSectorSize));
    }
    const auto from = static_cast<std::size_t>(sample % 588) * 4;
    return {sample, std::vector<std::uint8_t>(two.begin() + static_cast<std::ptrdiff_t>(from),
                                              two.begin() + static_cast<std::ptrdiff_t>(from + kProbeSamples * 4))};
}

fixtures::FullTocPoint point(std::uint8_t session, std::uint8_t control, std::uint8_t p, std::int64_t msfFrames)
{
    return {session, 1, control, p, static_cast<std::uint8_t>(msfFrames / 4500), static_cast<std::uint8_t>(msfFrames / 75 % 60),
            static_cast<std::uint8_t>(msfFrames % 75)};
}

}  // namespace

std::string descriptionFileName(const std::string& cueFileName)
{
    const std::size_t dot = cueFileName.rfind('.');
    return (dot == std::string::npos ? cueFileName : cueFileName.substr(0, dot)) + ".disc.yaml";
}

fixtures::ReferenceDisc describeDisc(const Disc& disc, const DescribedImage& image)
{
    fixtures::ReferenceDisc d;
    d.name = "cdcts-" + image.kind;
    d.version = kSyntheticDiscVersion;
    d.description = disc.description();
    d.cueFile = image.cueFile;
    d.binFile = image.binFile;
    d.binBytes = image.binBytes;
    d.mcn = disc.mediaCatalogNumber();
    d.leadOutLba = disc.leadOutLba();
    const DecodedCdText text = decodeCdTextPacks(disc.cdTextPacks());
    if (!text.strings.empty()) d.text = toText(text.strings[0]);
    for (std::uint8_t s = 1; s <= disc.sessionCount(); ++s) {
        fixtures::ReferenceSession session{s, 0, 0, disc.sessionLeadOutLba(s)};
        for (const Track& t : disc.tracks()) {
            if (t.session != s) continue;
            if (session.firstTrack == 0) session.firstTrack = t.number;
            session.lastTrack = t.number;
        }
        d.sessions.push_back(session);
    }
    for (std::size_t i = 0; i < disc.tracks().size(); ++i) {
        const Track& t = disc.tracks()[i];
        fixtures::ReferenceTrack r;
        r.number = t.number;
        r.session = t.session;
        r.mode = modeName(t.type);
        r.control = t.control;
        r.adr = 1;
        r.pregap = i < image.pregaps.size() ? image.pregaps[i] : 0;
        r.startLba = t.startLba;
        r.length = t.length;
        r.isrc = t.isrc;
        const std::size_t textIndex = t.number >= text.firstTrack ? t.number - text.firstTrack + 1u : 0u;
        if (textIndex > 0 && textIndex < text.strings.size()) r.text = toText(text.strings[textIndex]);
        crcs(disc, t, r);
        if (t.type == TrackType::Audio) r.offsetProbe = probe(disc, t);
        d.tracks.push_back(std::move(r));
    }
    // The lead-in's TOC per session (Red Book; MMC-6 READ TOC format 2): A0 names the first track and the disc
    // type (20h when the session holds CD-ROM XA tracks, else 00h), A1 the last track, A2 where the lead-out
    // starts, with the control of the first, last and last track; then one point per track at its INDEX 01.
    for (const fixtures::ReferenceSession& s : d.sessions) {
        const Track& first = *disc.track(s.firstTrack);
        const Track& last = *disc.track(s.lastTrack);
        bool xa = false;
        for (const Track& t : disc.tracks()) xa = xa || (t.session == s.number && t.type == TrackType::Mode2Xa);
        d.fullToc.push_back({s.number, 1, first.control, 0xA0, first.number, static_cast<std::uint8_t>(xa ? 0x20 : 0x00), 0});
        d.fullToc.push_back({s.number, 1, last.control, 0xA1, last.number, 0, 0});
        d.fullToc.push_back(point(s.number, last.control, 0xA2, s.leadOutLba + kMsfOffset));
        for (const Track& t : disc.tracks())
            if (t.session == s.number) d.fullToc.push_back(point(s.number, t.control, t.number, t.startLba + kMsfOffset));
    }
    return d;
}

}  // namespace cdcts::cli
