#include "harness/emulator/sector/subchannel.hpp"

#include <algorithm>
#include <stdexcept>

namespace cdcts::emulator::sector {

std::size_t subchannelSize(SubchannelSelection selection)
{
    switch (selection) {
    case SubchannelSelection::None: return 0;
    case SubchannelSelection::RawPw: return kRawSubchannelSize;
    case SubchannelSelection::FormattedQ: return kFormattedQSize;
    case SubchannelSelection::RwDeinterleaved: return kRawSubchannelSize;
    }
    throw std::invalid_argument("reserved sub-channel selection");
}

std::array<std::uint8_t, 12> pChannel(bool pause)
{
    std::array<std::uint8_t, 12> p{};
    p.fill(pause ? 0xFF : 0x00);
    return p;
}

void writeRawPw(const SubchannelFrame& frame, std::span<std::uint8_t, kRawSubchannelSize> out)
{
    const auto p = pChannel(frame.pause);
    for (std::size_t i = 0; i < kRawSubchannelSize; ++i) {
        // Channel bits are recorded MSB first within each of the 12 channel bytes.
        const unsigned shift = 7u - static_cast<unsigned>(i % 8);
        const unsigned pBit = (unsigned{p[i / 8]} >> shift) & 1u;
        const unsigned qBit = (unsigned{frame.q[i / 8]} >> shift) & 1u;
        out[i] = static_cast<std::uint8_t>(pBit << 7 | qBit << 6 | (frame.rw[i] & 0x3Fu));
    }
}

void writeFormattedQ(const SubchannelFrame& frame, std::span<std::uint8_t, kFormattedQSize> out)
{
    std::copy(frame.q.begin(), frame.q.end(), out.begin());
    out[12] = out[13] = out[14] = 0;
    out[15] = frame.pause ? 0x80 : 0x00;
}

void writeRwDeinterleaved(const SubchannelFrame& frame, std::span<std::uint8_t, kRawSubchannelSize> out)
{
    for (std::size_t i = 0; i < kRawSubchannelSize; ++i) out[i] = static_cast<std::uint8_t>(frame.rw[i] & 0x3Fu);
}

void writeSubchannel(const SubchannelFrame& frame, SubchannelSelection selection, std::span<std::uint8_t> out)
{
    if (out.size() != subchannelSize(selection)) throw std::invalid_argument("sub-channel buffer of the wrong size");
    switch (selection) {
    case SubchannelSelection::None: return;
    case SubchannelSelection::RawPw: writeRawPw(frame, out.first<kRawSubchannelSize>()); return;
    case SubchannelSelection::FormattedQ: writeFormattedQ(frame, out.first<kFormattedQSize>()); return;
    case SubchannelSelection::RwDeinterleaved: writeRwDeinterleaved(frame, out.first<kRawSubchannelSize>()); return;
    }
}

}  // namespace cdcts::emulator::sector
