// Every decoder against short, empty, all-ones and random replies and inputs: nothing may read outside the
// spans (run under AddressSanitizer in the asan preset), and every reply must still render as JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <vector>

#include "harness/ioctl/catalog.hpp"
#include "harness/ioctl/decode.hpp"

namespace cdcts::ioctl {
namespace {

using Buffer = std::vector<std::uint8_t>;

// Exact-size heap copies, so that a read one past the end is caught by AddressSanitizer.
void decodeExactly(ControlCode code, const Buffer& input, const Buffer& output)
{
    auto in = std::make_unique<std::uint8_t[]>(input.size());
    auto out = std::make_unique<std::uint8_t[]>(output.size());
    std::copy(input.begin(), input.end(), in.get());
    std::copy(output.begin(), output.end(), out.get());
    const auto decoded = decodeOutput(code, {in.get(), input.size()}, {out.get(), output.size()});
    ASSERT_TRUE(decoded.has_value());
    EXPECT_FALSE(decoded->name.empty());
    const std::string json = decoded->toJson();
    EXPECT_EQ(json.front(), '{');
    EXPECT_EQ(json.back(), '}');
    EXPECT_FALSE(decoded->toText().empty());
}

std::vector<ControlCode> decodableCodes()
{
    std::vector<ControlCode> result;
    for (const CodeInfo& row : allCodes())
        if (row.value && hasOutputDecoder(*row.value) && !row.isAlias()) result.push_back(*row.value);
    return result;
}

std::vector<Buffer> inputs()
{
    std::vector<Buffer> result = {{}, {0x00}, {0xFF}, Buffer(2, 0x03), Buffer(4, 0x00), Buffer(4, 0x85),
                                  Buffer(4, 0xFF)};
    for (std::uint8_t format = 0; format < 8; ++format) result.push_back({format, 0, 0, 0});
    for (std::uint8_t format = 0; format < 8; ++format)
        result.push_back({static_cast<std::uint8_t>(format | 0x80), 1, 0, 0});
    // CDROM_PERFORMANCE_REQUEST forms and RAW_READ_INFO track modes (little-endian ULONGs).
    for (int type = 1; type <= 3; ++type)
        for (int exceptions = 1; exceptions <= 3; ++exceptions) {
            Buffer b(20, 0);
            b[0] = static_cast<std::uint8_t>(type);
            b[8] = static_cast<std::uint8_t>(exceptions);
            result.push_back(b);
        }
    for (std::uint8_t mode = 0; mode < 7; ++mode) {
        Buffer b(16, 0);
        b[8] = 3;
        b[12] = mode;
        result.push_back(b);
    }
    return result;
}

TEST(DecodeRobustness, EveryPrefixOfPatternedReplies)
{
    const auto codes = decodableCodes();
    ASSERT_GE(codes.size(), 15u);
    for (ControlCode code : codes) {
        for (const Buffer& input : inputs()) {
            for (int fill : {0x00, 0xFF}) {
                for (std::size_t size = 0; size <= 40; ++size)
                    decodeExactly(code, input, Buffer(size, static_cast<std::uint8_t>(fill)));
                for (std::size_t size : {48u, 64u, 65u, 72u, 804u})
                    decodeExactly(code, input, Buffer(size, static_cast<std::uint8_t>(fill)));
            }
        }
    }
}

TEST(DecodeRobustness, RandomRepliesOfManySizes)
{
    std::mt19937 random(20240601);
    std::uniform_int_distribution<int> byte(0, 255);
    const auto codes = decodableCodes();
    const auto allInputs = inputs();
    for (int round = 0; round < 150; ++round) {
        Buffer output(static_cast<std::size_t>(random() % 1200));
        for (auto& b : output) b = static_cast<std::uint8_t>(byte(random));
        // Plausible small length fields make the decoders walk real descriptor lists.
        if (output.size() >= 4 && round % 2 == 0) {
            output[0] = 0;
            output[1] = static_cast<std::uint8_t>(output.size() & 0xFF);
        }
        const Buffer& input = allInputs[static_cast<std::size_t>(round) % allInputs.size()];
        for (ControlCode code : codes) decodeExactly(code, input, output);
    }
}

TEST(DecodeRobustness, LargestLengthFields)
{
    Buffer reply(1024, 0xFF);
    for (ControlCode code : decodableCodes()) {
        decodeExactly(code, {}, reply);
        decodeExactly(code, Buffer(20, 0xFF), reply);
    }
}

}  // namespace
}  // namespace cdcts::ioctl
