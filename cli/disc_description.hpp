#pragma once
// The description `cdcts disc make` writes beside the cue sheet (OUT.disc.yaml): the disc's layout, MCN, ISRCs,
// CD-TEXT, per-track CRC-32s, read-offset probes and expected full TOC, the reference-disc oracle's input
// (fixtures/reference_disc.hpp, docs/reference-disc.md). Everything is worked out from the disc as built, by the
// Red Book and MMC rules, so the file and the BIN always agree.
#include <cstdint>
#include <string>
#include <vector>

#include "fixtures/reference_disc.hpp"
#include "harness/emulator/disc.hpp"

namespace cdcts::cli {

struct DescribedImage {
    std::string kind;                 // the synthetic kind: the disc is named "cdcts-<kind>"
    std::string cueFile;              // file names as the cue sheet and BIN are written
    std::string binFile;
    std::uint64_t binBytes = 0;
    std::vector<std::int32_t> pregaps;  // per track: sectors of pause before INDEX 01 (0 for track 1)
};

[[nodiscard]] fixtures::ReferenceDisc describeDisc(const emulator::Disc& disc, const DescribedImage& image);

// The description's file beside a cue sheet: ref.cue -> ref.disc.yaml.
[[nodiscard]] std::string descriptionFileName(const std::string& cueFileName);

// The contents version of each kind; raise it whenever the sectors, layout or subcodes of that kind change, so a
// lab can tell an old burn from a new one.
inline constexpr int kSyntheticDiscVersion = 1;

}  // namespace cdcts::cli
