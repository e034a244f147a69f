#include "harness/ioctl/decode.hpp"

#include "harness/ioctl/codes.hpp"
#include "harness/ioctl/decoders.hpp"

namespace cdcts::ioctl {
namespace {

struct DecoderRow {
    ControlCode code;
    Decoded (*decode)(detail::Bytes input, detail::Bytes output);
};

// One row per code with a decodable reply; twins share a decoder. CHECK_VERIFY2 returns nothing (§3.1).
constexpr DecoderRow kDecoders[] = {
    {codes::CdromReadToc, detail::decodeReadToc},
    {codes::CdromReadTocEx, detail::decodeReadTocEx},
    {codes::CdromGetLastSession, detail::decodeGetLastSession},
    {codes::CdromReadQChannel, detail::decodeReadQChannel},
    {codes::CdromGetDriveGeometry, detail::decodeDiskGeometry},
    {codes::DiskGetDriveGeometry, detail::decodeDiskGeometry},
    {codes::CdromGetDriveGeometryEx, detail::decodeDiskGeometryEx},
    {codes::DiskGetDriveGeometryEx, detail::decodeDiskGeometryEx},
    {codes::CdromCheckVerify, detail::decodeMediaChangeCount},
    {codes::StorageCheckVerify, detail::decodeMediaChangeCount},
    {codes::DiskCheckVerify, detail::decodeMediaChangeCount},
    {codes::CdromGetConfiguration, detail::decodeConfiguration},
    {codes::CdromGetPerformance, detail::decodePerformance},
    {codes::CdromGetInquiryData, detail::decodeInquiryData},
    {codes::CdromGetVolume, detail::decodeVolumeControl},
    {codes::CdromExclusiveAccess, detail::decodeExclusiveLockState},
    {codes::CdromGetControl, detail::decodeAudioControl},
    {codes::CdromDiskType, detail::decodeDiskData},
    {codes::CdromRawRead, detail::decodeRawRead},
};

const DecoderRow* findDecoder(ControlCode code)
{
    for (const DecoderRow& row : kDecoders)
        if (row.code == code) return &row;
    return nullptr;
}

}  // namespace

std::optional<Decoded> decodeOutput(ControlCode code, std::span<const std::uint8_t> input,
                                    std::span<const std::uint8_t> output)
{
    const DecoderRow* row = findDecoder(code);
    if (row == nullptr) return std::nullopt;
    return row->decode(input, output);
}

bool hasOutputDecoder(ControlCode code)
{
    return findDecoder(code) != nullptr;
}

}  // namespace cdcts::ioctl
