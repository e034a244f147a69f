#pragma once
// The track modes and file types a cue sheet names, and what each means for the bytes in the image file.
#include <cstdint>
#include <optional>
#include <string_view>

namespace cdcts::emulator::cue {

enum class TrackMode : std::uint8_t {
    Audio,         // AUDIO: 2352 bytes of PCM per sector
    Mode1Cooked,   // MODE1/2048: the user data only
    Mode1Raw,      // MODE1/2352: sync, header, user data, EDC/ECC
    Mode2Formless, // MODE2/2336: everything after the header (XA subheader included)
    Mode2Raw,      // MODE2/2352: sync, header and the 2336 bytes after it
};

enum class FileType : std::uint8_t {
    Binary,    // BINARY: raw sectors, audio samples little-endian
    Motorola,  // MOTOROLA: raw sectors, audio samples big-endian
};

// Bytes one sector of `mode` occupies in the image file.
[[nodiscard]] constexpr std::uint32_t sectorSize(TrackMode mode)
{
    switch (mode) {
    case TrackMode::Audio: return 2352;
    case TrackMode::Mode1Cooked: return 2048;
    case TrackMode::Mode1Raw: return 2352;
    case TrackMode::Mode2Formless: return 2336;
    case TrackMode::Mode2Raw: return 2352;
    }
    return 2352;
}

[[nodiscard]] constexpr bool isAudio(TrackMode mode) { return mode == TrackMode::Audio; }

// The keyword as a cue sheet writes it ("MODE1/2048").
[[nodiscard]] std::string_view cueName(TrackMode mode);
[[nodiscard]] std::string_view cueName(FileType type);

// Case-insensitive; nullopt for anything not supported (the parser says why).
[[nodiscard]] std::optional<TrackMode> trackModeFromCue(std::string_view word);
[[nodiscard]] std::optional<FileType> fileTypeFromCue(std::string_view word);

}  // namespace cdcts::emulator::cue
