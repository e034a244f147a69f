#pragma once
// A drive's audio read offset (profile behaviours.read_offset_samples): a drive cannot locate an audio sector
// to the sample, so what it returns for sector L is the disc's sample stream shifted by a constant number of
// samples. The value is the offset *correction* as AccurateRip and EAC list drives: a drive with +6 positions
// 6 samples early, so the first sample it returns for LBA L is disc sample L x 588 - 6, and a ripper reads 6
// samples later to compensate. Data sectors carry their address in their header and are not shifted.
#include <cstdint>
#include <span>

#include "harness/emulator/disc.hpp"

namespace cdcts::emulator {

// The 2352 bytes (588 stereo samples) a drive with read offset correction `offsetSamples` returns for the audio
// sector at `lba`. Samples that would come from a sector that is not audio, lies before LBA 0 or at or past
// the lead-out read as digital silence (zero), as the lead-in, lead-out and a data track do not hold PCM.
void readShiftedAudio(const Disc& disc, std::int32_t lba, std::int32_t offsetSamples, std::span<std::uint8_t, 2352> out);

}  // namespace cdcts::emulator
