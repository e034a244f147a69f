#pragma once
// Which Q frame a sector of the program area carries. Most carry ADR 1 (the position); a disc with a media
// catalog number carries it (ADR 2) and a track with an ISRC carries that (ADR 3) in some frames instead, as
// ECMA-130 §22.3.4/§22.3.5 ask: "at least once in every 100 successive subcoding blocks". The placement here
// is fixed so tests and hosts can find them:
//   ADR 2 (MCN)  at every LBA with LBA mod 100 == kMcnFrameSlot, anywhere in the program area (pregaps too);
//   ADR 3 (ISRC) at every LBA with LBA mod 100 == kIsrcFrameSlot, inside the track proper (INDEX 01 onwards)
//                of a track that has an ISRC — never in a pause, where the ISRC of the coming track would be
//                ambiguous.
// All other frames, and all frames of a disc/track without MCN/ISRC, are ADR 1.
#include <cstdint>

#include "harness/emulator/disc.hpp"
#include "harness/emulator/sector/q_channel.hpp"

namespace cdcts::emulator {

inline constexpr std::int32_t kMcnFrameSlot = 10;
inline constexpr std::int32_t kIsrcFrameSlot = 60;

// The Q channel of sector `lba`, which `track` owns (a pregap belongs to the track after it).
[[nodiscard]] sector::QChannel qChannelAt(const Disc& disc, const Track& track, std::int32_t lba);

}  // namespace cdcts::emulator
