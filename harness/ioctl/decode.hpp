#pragma once
// Decodes what a control code returned into a Decoded tree, for `cdcts ioctl`, for failure messages and for
// reports. Decoders never read outside the spans: a short or malformed reply is decoded as far as it goes and
// gets a "note" child saying where it was cut short.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

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

// What a code takes and returns, for `cdcts ioctl` hints and the catalog-wide decoder test.
struct OutputDescription {
    std::string_view input;      // the input structure and its size, "none" when the code takes no input
    std::string_view structure;  // the reply's structure; empty when the code returns no data
    // The output size `cdcts ioctl` uses when none is given: the structure's size (§2.3) for fixed replies, a
    // size that holds a typical variable reply otherwise; 0 for codes without output.
    std::uint32_t size = 0;
    std::string_view notDecoded; // why a reply structure has no decoder; empty when it has one
};
// nullptr for a value outside the catalog.
[[nodiscard]] const OutputDescription* describeOutput(ControlCode code);

// Whether the data of a GET CONFIGURATION feature is decoded field by field (otherwise it is shown as hex).
[[nodiscard]] bool hasFeatureDecoder(std::uint16_t feature);

}  // namespace cdcts::ioctl
