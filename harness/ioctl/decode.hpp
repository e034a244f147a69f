#pragma once
// Decodes what a control code returned into a Decoded tree, for `cdcts ioctl`, for failure messages and for
// reports. Decoders never read outside the spans: a short or malformed reply is decoded as far as it goes and
// gets a "note" child saying where it was cut short.
#include <cstdint>
#include <optional>
#include <span>

#include "harness/ioctl/control_code.hpp"
#include "harness/ioctl/decoded.hpp"

namespace cdcts::ioctl {

// output is exactly the Information bytes the driver returned; input is the request's input buffer, which
// some replies need (READ_TOC_EX format and Msf, READ_Q_CHANNEL format, GET_PERFORMANCE request type,
// RAW_READ track mode). nullopt for codes without a decoder.
[[nodiscard]] std::optional<Decoded> decodeOutput(ControlCode code, std::span<const std::uint8_t> input,
                                                  std::span<const std::uint8_t> output);

// Whether decodeOutput has a decoder for the code.
[[nodiscard]] bool hasOutputDecoder(ControlCode code);

}  // namespace cdcts::ioctl
