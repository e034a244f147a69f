#include "harness/emulator/synthetic_disc.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "harness/emulator/cue/layout.hpp"
#include "harness/emulator/sector/q_channel.hpp"

namespace cdcts::emulator {
namespace {

// The synthetic audio: a quiet stereo triangle tone whose pitch depends on the track, real PCM a listener could
// play. Sample k of the track's time line (LBA x 588 + sample in sector) has phase k mod period, with period =
// 200 / track number + 20 samples, and level min(phase, period - phase) scaled to -1500 .. +1500, the same in
// both channels, little-endian. A sector's 588 samples therefore depend only on the phase of its first sample,
// so each period has one table of frames for phases 0, 1, ... running one period plus one sector long, and a
// sector is the 2352 bytes of that table from its first phase: prepared once, copied as it is (the way a disc's
// pressed PCM is simply read).
constexpr std::int64_t kSamplesPerSector = 588;
constexpr std::int64_t kMinTonePeriod = 20;   // 200 / n + 20 for n > 200
constexpr std::int64_t kMaxTonePeriod = 220;  // track 1

constexpr std::int64_t tonePeriod(std::uint8_t trackNumber) { return 200 / trackNumber + 20; }

// The tone's level at sample k of the time line: a triangle from -1500 to +1500 over one period.
constexpr std::int16_t toneLevel(std::int64_t period, std::int64_t k)
{
    const std::int64_t phase = k % period;
    const std::int64_t half = period / 2;
    const std::int64_t level = phase < half ? phase : period - phase;  // 0 .. period/2
    return static_cast<std::int16_t>(level * 6000 / period - 1500);
}

class ToneTables {
public:
    static const ToneTables& instance()
    {
        static const ToneTables tables;  // built once, on the first audio read; thread-safe initialisation
        return tables;
    }
    // The 2352 bytes of the sector whose first sample has `phase` (0 <= phase < period).
    [[nodiscard]] std::span<const std::uint8_t> sector(std::int64_t period, std::int64_t phase) const
    {
        return std::span(byPeriod_[static_cast<std::size_t>(period)]).subspan(static_cast<std::size_t>(phase) * 4, 2352);
    }

private:
    ToneTables()
    {
        for (unsigned n = 1; n <= 255; ++n) {
            const std::int64_t period = tonePeriod(static_cast<std::uint8_t>(n));
            std::vector<std::uint8_t>& table = byPeriod_[static_cast<std::size_t>(period)];
            if (!table.empty()) continue;
            table.resize(static_cast<std::size_t>(period + kSamplesPerSector) * 4);
            for (std::int64_t k = 0; k < period + kSamplesPerSector; ++k) {
                const auto u = static_cast<std::uint16_t>(toneLevel(period, k));
                const auto frame = static_cast<std::size_t>(k) * 4;
                table[frame] = table[frame + 2] = static_cast<std::uint8_t>(u);
                table[frame + 1] = table[frame + 3] = static_cast<std::uint8_t>(u >> 8);
            }
        }
    }
    std::array<std::vector<std::uint8_t>, kMaxTonePeriod + 1> byPeriod_{};
};
static_assert(tonePeriod(255) == kMinTonePeriod && tonePeriod(1) == kMaxTonePeriod);

// Sector contents are a pure function of (track, LBA, offset), so every read of a sector gives the same
// bytes: enough for consistency checks without storing an image. Data sectors all differ; audio sectors
// repeat with the tone's period (see above).
class PatternSource final : public SectorSource {
public:
    void read(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const override
    {
        if (track.type == TrackType::Audio) {
            const std::span<const std::uint8_t> pcm = view(track, lba);
            std::copy_n(pcm.begin(), std::min(pcm.size(), out.size()), out.begin());
            return;
        }
        if (track.type == TrackType::Mode2Xa && out.size() >= 8) {
            // An XA subheader, twice: file 1, channel 0, submode data (form 1) or form 2, no coding information.
            const std::uint8_t submode = (lba & 1) != 0 ? 0x20 : 0x08;
            const std::array<std::uint8_t, 8> subheader{1, 0, submode, 0, 1, 0, submode, 0};
            std::copy(subheader.begin(), subheader.end(), out.begin());
            fillPattern(track, lba, out.subspan(8));
            return;
        }
        fillPattern(track, lba, out);
    }

    // Audio is prepared PCM (ToneTables); data sectors are made on each read.
    [[nodiscard]] std::span<const std::uint8_t> view(const Track& track, std::int32_t lba) const override
    {
        if (track.type != TrackType::Audio) return {};
        const std::int64_t period = tonePeriod(track.number);
        std::int64_t phase = (static_cast<std::int64_t>(lba) * kSamplesPerSector) % period;
        if (phase < 0) phase += period;
        return ToneTables::instance().sector(period, phase);
    }

private:
    static void fillPattern(const Track& track, std::int32_t lba, std::span<std::uint8_t> out)
    {
        // Each 8-byte word is a hash of (track, LBA, word index), so no word waits for the one before it and the
        // loop runs at memory speed; the bytes still look random and differ between any two sectors.
        const std::uint64_t seed = (std::uint64_t{track.number} << 32 | static_cast<std::uint32_t>(lba)) * 0x9E3779B97F4A7C15ull;
        std::size_t i = 0;
        for (std::uint64_t word = 0; i + 8 <= out.size(); i += 8, ++word) {
            std::uint64_t z = seed + word * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 31)) * 0x94D049BB133111EBull;
            z ^= z >> 29;
            // Least significant byte first on every host, so a disc image (and its published CRCs) is the same
            // wherever `cdcts disc make` runs; on little-endian hosts that is a plain 8-byte store.
            if constexpr (std::endian::native == std::endian::little) {
                std::memcpy(out.data() + i, &z, sizeof z);
            } else {
                for (std::size_t b = 0; b < 8; ++b) out[i + b] = static_cast<std::uint8_t>(z >> (8 * b));
            }
        }
        for (; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(seed >> (8 * (i % 8)));
        // The first bytes name the sector, so a misplaced read is obvious in a hex dump.
        if (out.size() >= 8) {
            out[0] = 'C', out[1] = 'D', out[2] = 'T', out[3] = 'S';
            out[4] = static_cast<std::uint8_t>(lba >> 24), out[5] = static_cast<std::uint8_t>(lba >> 16);
            out[6] = static_cast<std::uint8_t>(lba >> 8), out[7] = static_cast<std::uint8_t>(lba);
        }
    }
};

// The reference disc's audio (SyntheticAudio::ToneWithNoise): the track's tone plus quiet noise, a hash of the
// sample's place on the time line and its channel, so no stretch of samples repeats and a drive's read offset
// shows as exactly one shift. Pauses (INDEX 00) and each track's silent tail are digital silence, as a mastered
// disc's are. Audio is made on each read (no prepared table: nothing repeats); data sectors as PatternSource.
class NoisyToneSource final : public SectorSource {
public:
    // silentFrom[n]: the first LBA of track n's silent tail (its end when it has none).
    explicit NoisyToneSource(std::vector<std::int32_t> silentFrom) : silentFrom_(std::move(silentFrom)) {}

    void read(const Track& track, std::int32_t lba, std::span<std::uint8_t> out) const override
    {
        if (track.type != TrackType::Audio) {
            data_.read(track, lba, out);
            return;
        }
        if (lba < track.startLba || lba >= silentFrom_.at(track.number)) {
            std::fill(out.begin(), out.end(), std::uint8_t{0});
            return;
        }
        const std::int64_t period = tonePeriod(track.number);
        const std::int64_t first = std::int64_t{lba} * kSamplesPerSector;
        for (std::size_t s = 0; s < out.size() / 4; ++s) {
            const std::int64_t k = first + static_cast<std::int64_t>(s);
            const std::int16_t tone = toneLevel(period, k);
            for (std::size_t channel = 0; channel < 2; ++channel) {
                std::uint64_t z = (static_cast<std::uint64_t>(k) * 2 + channel) * 0x9E3779B97F4A7C15ull;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
                z ^= z >> 31;
                const auto level = static_cast<std::uint16_t>(tone + static_cast<std::int16_t>(z & 0x1FF) - 256);  // +-256
                out[s * 4 + channel * 2] = static_cast<std::uint8_t>(level);
                out[s * 4 + channel * 2 + 1] = static_cast<std::uint8_t>(level >> 8);
            }
        }
    }

private:
    PatternSource data_;
    std::vector<std::int32_t> silentFrom_;
};

Track dataTrack(std::uint8_t number, std::int32_t start, std::uint32_t length)
{
    return Track{number, 1, TrackType::Mode1, control::DataTrack, start, length, {}};
}
Track audioTrack(std::uint8_t number, std::int32_t start, std::uint32_t length)
{
    return Track{number, 1, TrackType::Audio, control::CopyPermitted, start, length, {}};
}

constexpr std::array<SyntheticDiscKind, 8> kKinds{{
    {"data", "one mode-1 data track of 20 000 sectors (about 39 MiB)"},
    {"audio", "three audio tracks of 1, 2 and 3 minutes"},
    {"mixed", "a mode-1 data track followed by two audio tracks after a 2-second pregap"},
    {"xa", "one CD-ROM XA mode-2 track of 3000 sectors, form 1 at even LBAs and form 2 at odd ones"},
    {"reference", "a mode-1 data track and four audio tracks with ISRCs, an MCN and CD-TEXT (the disc to burn)"},
    {"multisession", "session 1: two audio tracks; session 2: a mode-1 data track (CD-Extra layout)"},
    {"cdr", "a finalized 80-minute CD-R: a mode-1 data track and two audio tracks, with its ATIP and PMA"},
    {"cdrw", "the cdr layout on a finalized 80-minute CD-RW (ATIP disc type 1, reference speed 4x)"},
}};

// The recorded disc of the "cdr" and "cdrw" kinds: what a recorder leaves after writing a mode-1 data track and
// two audio tracks (entering each in the PMA with its start and stop time, as Orange Book recorders do) and
// closing the disc: track 2 after the 2-second pause Red Book asks for after a data track, track 3 after the
// 2-second pause recorders put between audio tracks by default. Two audio tracks give the audio suites a track
// change to play across. The ATIP keeps RecordableMedium's defaults (lead-in from 97:26:66, last possible
// lead-out 79:59:74: an 80-minute blank).
SyntheticDiscSpec recordedSpec(std::string description, MediumKind medium)
{
    SyntheticDiscSpec spec{std::move(description),
                           {SyntheticTrack{TrackType::Mode1, 11250, 0, 1, {}, {}}, SyntheticTrack{TrackType::Audio, 6000, 150, 1, {}, {}},
                            SyntheticTrack{TrackType::Audio, 9000, 150, 1, {}, {}}},
                           {},
                           {}};
    spec.medium = medium;
    spec.recordable.appendable = false;  // finalized: no B0 pointer, no next session
    return spec;
}

SyntheticTrack audio(std::uint32_t seconds, std::string isrc, std::string title, std::string performer)
{
    return SyntheticTrack{TrackType::Audio, seconds * 75, 150, 1, std::move(isrc), CdTextStrings{std::move(title), std::move(performer), ""}};
}

}  // namespace

std::span<const SyntheticDiscKind> syntheticDiscKinds() { return kKinds; }

std::unique_ptr<Disc> makeSyntheticDisc(std::string_view name)
{
    auto source = std::make_unique<PatternSource>();
    if (name == "data")
        return std::make_unique<Disc>("synthetic data disc", std::vector<Track>{dataTrack(1, 0, 20000)}, 20000, std::move(source));
    if (name == "audio")
        return std::make_unique<Disc>("synthetic audio disc",
                                      std::vector<Track>{audioTrack(1, 0, 4500), audioTrack(2, 4500, 9000), audioTrack(3, 13500, 13500)},
                                      27000, std::move(source));
    if (name == "mixed")
        // Red Book asks for a 2-second pregap where a data track is followed by an audio track.
        return std::make_unique<Disc>("synthetic mixed-mode disc",
                                      std::vector<Track>{dataTrack(1, 0, 11250), audioTrack(2, 11400, 6000), audioTrack(3, 17400, 9000)},
                                      26400, std::move(source));
    if (auto spec = syntheticDiscSpec(name)) return buildSyntheticDisc(*spec);
    return nullptr;
}

std::optional<SyntheticDiscSpec> syntheticDiscSpec(std::string_view name)
{
    if (name == "xa") return SyntheticDiscSpec{"synthetic CD-ROM XA disc", {SyntheticTrack{TrackType::Mode2Xa, 3000, 0, 1, {}, {}}}, {}, {}};
    if (name == "reference") {
        // Burnable (about 36 MB as BIN): every audio track 2 s of pause before it, each at least Red Book's
        // 4 s; ISRCs in the user-assigned country code ZZ; an MCN with a valid EAN-13 check digit in the
        // in-store prefix range 20-29, so it names no real product.
        // Its audio is tone and noise (no stretch repeats, so a read offset shows as one shift), and the last track
        // ends in 2 s of silence, so a drive that cannot read into the lead-out still gives the whole track after
        // its read offset is compensated (offsets reach about +-1800 samples; 2 s is 88200).
        SyntheticDiscSpec spec{"synthetic reference disc",
                               {SyntheticTrack{TrackType::Mode1, 3000, 0, 1, {}, CdTextStrings{"Data", "cdcts", ""}},
                                audio(30, "ZZCDT2600002", "Tone A", "cdcts"), audio(45, "ZZCDT2600003", "Tone B", "cdcts"),
                                audio(20, "ZZCDT2600004", "Tone C", "Conformance Ensemble"), audio(60, "ZZCDT2600005", "Tone D", "cdcts")},
                               "2012345678903",
                               CdTextStrings{"cdcts reference disc", "cdcts", "cdcts"}};
        spec.tracks[1].text.songwriter = "Test Writer";
        spec.audio = SyntheticAudio::ToneWithNoise;
        spec.tracks.back().silentTail = 150;
        return spec;
    }
    if (name == "cdr") return recordedSpec("synthetic CD-R (finalized)", MediumKind::CdR);
    if (name == "cdrw") return recordedSpec("synthetic CD-RW (finalized)", MediumKind::CdRw);
    if (name == "multisession") {
        SyntheticDiscSpec spec{"synthetic multisession disc", {audio(30, "", "", ""), audio(40, "", "", ""), SyntheticTrack{}}, {}, {}};
        spec.tracks[0].pregap = 0;
        spec.tracks[2] = SyntheticTrack{TrackType::Mode1, 3000, 150, 2, {}, {}};
        return spec;
    }
    return std::nullopt;
}

std::unique_ptr<Disc> buildSyntheticDisc(const SyntheticDiscSpec& spec)
{
    if (spec.tracks.empty()) throw std::invalid_argument("synthetic disc has no tracks");
    if (spec.tracks.front().pregap != 0) throw std::invalid_argument("track 1 has a fixed 150-sector pregap before LBA 0; say 0");
    if (!spec.mcn.empty()) (void)sector::mcnQ(0, spec.mcn, 0);  // throws unless 13 digits
    std::vector<Track> tracks;
    std::vector<std::int32_t> sessionLeadOuts;
    std::int32_t cursor = 0;  // first sector after the previous track
    std::uint8_t session = 1;
    for (std::size_t i = 0; i < spec.tracks.size(); ++i) {
        const SyntheticTrack& st = spec.tracks[i];
        const auto number = static_cast<std::uint8_t>(i + 1);
        if (!st.isrc.empty()) (void)sector::isrcQ(0, st.isrc, 0);  // throws unless CCOOOYYSSSSS
        std::int32_t start = cursor + static_cast<std::int32_t>(st.pregap);
        if (i > 0 && st.session != session) {
            if (st.session != session + 1) throw std::invalid_argument("track " + std::to_string(number) + ": sessions must follow each other");
            sessionLeadOuts.push_back(cursor);
            const std::int32_t leadOut = session == 1 ? cue::kFirstLeadOutLength : cue::kLaterLeadOutLength;
            start = cursor + leadOut + cue::kLeadInLength + std::max<std::int32_t>(static_cast<std::int32_t>(st.pregap), 150);
            session = st.session;
        } else if (i == 0 && st.session != 1) {
            throw std::invalid_argument("track 1 must be in session 1");
        }
        if (st.silentTail > st.length) throw std::invalid_argument("track " + std::to_string(number) + ": silent tail longer than the track");
        const std::uint8_t ctl = st.type == TrackType::Audio ? control::CopyPermitted : control::DataTrack;
        tracks.push_back(Track{number, st.session, st.type, ctl, start, st.length, st.isrc});
        cursor = start + static_cast<std::int32_t>(st.length);
    }
    sessionLeadOuts.push_back(cursor);
    std::vector<CdTextStrings> texts;
    for (const SyntheticTrack& st : spec.tracks) texts.push_back(st.text);
    auto packs = buildCdTextPacks(spec.text, texts, 1);
    std::unique_ptr<SectorSource> source;
    if (spec.audio == SyntheticAudio::ToneWithNoise) {
        std::vector<std::int32_t> silentFrom(tracks.size() + 1, 0);
        for (std::size_t i = 0; i < tracks.size(); ++i)
            silentFrom[i + 1] = tracks[i].startLba + static_cast<std::int32_t>(tracks[i].length - spec.tracks[i].silentTail);
        source = std::make_unique<NoisyToneSource>(std::move(silentFrom));
    } else {
        source = std::make_unique<PatternSource>();
    }
    auto disc = std::make_unique<Disc>(spec.description, std::move(tracks), cursor, std::move(source), std::move(sessionLeadOuts));
    disc->setMediaCatalogNumber(spec.mcn);
    disc->setCdTextPacks(std::move(packs));
    disc->setMediumKind(spec.medium);
    disc->setRecordable(spec.recordable);
    return disc;
}

}  // namespace cdcts::emulator
