#pragma once
// An IOCTL input structure as the bytes a caller passes (the SDK-layout structures of harness/ioctl/structures).
#include <cstdint>
#include <cstring>
#include <vector>

namespace cdcts::testing_support {

template <typename T>
std::vector<std::uint8_t> bytesOf(const T& value)
{
    std::vector<std::uint8_t> b(sizeof(T));
    std::memcpy(b.data(), &value, sizeof(T));
    return b;
}

}  // namespace cdcts::testing_support
