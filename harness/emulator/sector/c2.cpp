#include "harness/emulator/sector/c2.hpp"

#include <algorithm>
#include <stdexcept>

namespace cdcts::emulator::sector {

C2ErrorMap c2ErrorsAt(std::initializer_list<std::size_t> offsets)
{
    C2ErrorMap map;
    for (std::size_t o : offsets) map.set(o);  // bitset::set throws std::out_of_range past the end
    return map;
}

void writeC2Pointers(const C2ErrorMap& errors, std::span<std::uint8_t, kC2PointerSize> out)
{
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    if (errors.none()) return;
    for (std::size_t i = 0; i < kRawSectorSize; ++i)
        if (errors.test(i)) out[i / 8] = static_cast<std::uint8_t>(out[i / 8] | (0x80u >> (i % 8)));
}

void writeC2Block(const C2ErrorMap& errors, std::span<std::uint8_t, kC2BlockSize> out)
{
    writeC2Pointers(errors, out.first<kC2PointerSize>());
    std::uint8_t blockError = 0;
    for (std::size_t i = 0; i < kC2PointerSize; ++i) blockError |= out[i];
    out[kC2PointerSize] = blockError;
    out[kC2PointerSize + 1] = 0;
}

}  // namespace cdcts::emulator::sector
